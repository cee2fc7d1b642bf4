"""What the build writes for the study tools: the exam and review pages, the question bank, the site data (words and
outline), the exam form and the Progress page, all in course order, in the site's language. Run on the study tools'
test course (module order motor, crisis, ICU, which is not alphabetical) and on the real course for properties that
hold for any valid content."""

from __future__ import annotations

import json
import re

import pytest

from course import load_course
from course.bank import BANK_LABEL, bank
from course.markdown_ext import CourseExtension, renderer_for, DEFAULT_EXTENSIONS
from course.pages import BANK, SITE_DATA, generated
from course.site_data import outline
from helpers import REPO, copy_course, edit, parse_html

STUDY = REPO / "tests" / "fixtures" / "study"


@pytest.fixture(scope="module")
def study():
    return load_course(STUDY)


def _script_data(text: str, name: str) -> dict:
    match = re.search(rf"window\.{name} = (\{{.*?\}});\n", text, re.S)
    return json.loads(match.group(1))


def test_exam_and_review_pages_are_generated_with_their_marker(study):
    files = generated(study)
    assert b"# Exam mode {: #page-title }\n\n[exam]\n" in files["exam.md"][0]
    assert b"# Review {: #page-title }\n\n[review]\n" in files["review.md"][0]
    french = generated(study, "fr")
    assert "# Mode examen".encode() in french["exam.md"][0] and "# Révision".encode() in french["review.md"][0]
    assert "# Quiz : Localisation".encode() in french["quizzes/motor.md"][0]


def test_the_bank_holds_every_question_once_in_course_order_with_its_html(study):
    data = _script_data(generated(study)[BANK][0]().decode(), "nmwBank")
    assert [q["id"] for q in data["questions"]] == ["mu-fasc", "mu-nmj", "cr-trigger", "cr-airway", "icu-vc", "icu-2030", "icu-egris"]
    first = data["questions"][0]
    assert (first["quiz"], first["module"], first["n"], first["tags"], first["difficulty"]) == ("motor", "motor", 1, ["localisation"], "easy")
    assert data["questions"][1]["difficulty"] == "", "not rated"
    assert BANK_LABEL in first["html"] and "Spontaneous discharges of motor units." in first["html"], "feedback is in it"
    assert 'data-correct="true"' in first["html"]
    assert list(data["modules"]) == ["motor", "crisis", "icu"]
    assert data["tags"]["gbs"] == "Guillain-Barré syndrome, including its variants", "tags read as the vocabulary says"


def test_the_real_bank_has_every_question_of_the_course_once():
    course = load_course(REPO)
    data = bank(course, renderer_for(course, DEFAULT_EXTENSIONS, {}))
    ids = [q["id"] for q in data["questions"]]
    assert len(ids) == len(set(ids)) == len(list(course.questions()))
    order = list(course.modules)
    assert [order.index(q["module"]) for q in data["questions"]] == sorted(order.index(q["module"]) for q in data["questions"])


def test_the_site_data_has_the_words_of_the_language_and_the_outline_in_course_order(study):
    english = _script_data(generated(study)[SITE_DATA][0].decode(), "nmwSite")
    french = _script_data(generated(study, "fr")[SITE_DATA][0].decode(), "nmwSite")
    assert (english["lang"], english["words"]["check"]) == ("en", "Check answer")
    assert (french["lang"], french["words"]["check"]) == ("fr", "Vérifier la réponse")
    modules = english["outline"]["modules"]
    assert [m["id"] for m in modules] == ["motor", "crisis", "icu"]
    icu = modules[2]
    assert icu["href"] == "modules/icu.html" and icu["quizzes"][0]["href"] == "quizzes/breathing.html"
    assert icu["quizzes"][0]["questions"] == {q.id: q.version for q in study.quizzes["breathing"].questions}
    assert icu["cases"][0] == {"id": "gbs-ward", "title": "A man with rising weakness", "href": "cases/gbs-ward.html",
                               "v": study.cases["gbs-ward"].version, "endings": ["gbs-ward-night", "gbs-ward-home"]}
    assert english["outline"]["exam"] == "exam.html" and english["outline"]["review"] == "review.html"


def test_the_exam_form_offers_the_courses_own_modules_topics_and_difficulties(study):
    html = CourseExtension(course=study).renderer.exam()
    tree = parse_html(html)
    boxes = {(i.attrs["name"], i.attrs["value"]): "checked" in i.attrs for i in tree.find_all("input")
             if i.attrs["type"] == "checkbox" and i.attrs["name"] != "timed"}
    assert [v for (n, v) in boxes if n == "module"] == ["motor", "crisis", "icu"]
    assert [v for (n, v) in boxes if n == "difficulty"] == ["easy", "medium", "hard", ""]
    assert {v for (n, v) in boxes if n == "tag"} == {"localisation", "myasthenic-crisis", "respiratory-monitoring", "gbs"}
    assert all(checked for (n, v), checked in boxes.items() if n != "tag") and not any(c for (n, v), c in boxes.items() if n == "tag")
    assert "Not rated (1)" in tree.text() and "ICU weakness (3)" in tree.text()
    assert tree.find_all("input", id="exam-count")[0].attrs["max"] == "7"


def test_the_progress_page_lists_modules_quizzes_cases_and_misses_in_course_order(study):
    tree = parse_html(CourseExtension(course=study).renderer.progress())
    assert [r.attrs["data-module"] for r in tree.find_all("tr") if "data-questions" in r.attrs and "data-cases" in r.attrs] == [
        "motor", "crisis", "icu"]
    rows = [r.attrs.get("data-quiz") or r.attrs.get("data-case") for r in tree.find_all("tr") if "data-module" in r.attrs
            and "data-cases" not in r.attrs]
    assert rows == ["motor", "crisis", "breathing", "gbs-ward"], "load order would be breathing, crisis, motor"
    assert [s.attrs["data-module"] for s in tree.find_all("section", cls="progress-module-misses")] == ["motor", "crisis", "icu"]


def test_the_real_courses_indexes_and_progress_page_follow_course_order():
    course = load_course(REPO)
    renderer = CourseExtension(course=course).renderer
    order = list(course.modules)
    for kind in ("quizzes", "cases"):
        headings = re.findall(rf'<h2 id="{kind}-([^"]+)"', renderer.index(kind))
        assert headings == [m for m in order if m in headings]
    rows = re.findall(r'<tr data-(?:quiz|case)="[^"]+"[^>]* data-module="([^"]+)"', renderer.progress())
    assert rows == sorted(rows, key=order.index) and set(rows) == {q.module for q in course.quizzes.values()} | {
        c.module for c in course.cases.values()}


def test_every_quiz_is_named_one_way_on_its_page_its_card_and_its_progress_row():
    """Quiz titles follow one pattern: "Quiz: <title>" wherever a quiz is named beside other pages (its page title,
    its card, the previous and next links), and a title never repeats its module's, so search tells them apart."""
    course = load_course(REPO)
    renderer = CourseExtension(course=course).renderer
    files = generated(course)
    for quiz in course.quizzes.values():
        named = f"Quiz: {quiz.title}"
        assert f"# {named} {{: #page-title }}".encode() in files[f"quizzes/{quiz.id}.md"][0]
        assert f">{named}</a>" in renderer.practice(quiz.module)
        assert quiz.title.lower() != course.modules[quiz.module].title.lower()


def test_a_french_build_writes_french_labels(tmp_path):
    from helpers import mkdocs_build

    root = copy_course(tmp_path, STUDY)
    edit(root / "mkdocs.yml", "  language: en\n", "  language: fr\n")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    quiz = (tmp_path / "site/quizzes/crisis.html").read_text(encoding="utf-8")
    assert "Question 1 sur 2 : choisissez la meilleure réponse" in quiz and "Réponse et explication" in quiz
    assert '<html lang="fr"' in quiz
    progress = (tmp_path / "site/progress.html").read_text(encoding="utf-8")
    assert "Revoir mes erreurs" in progress and "Vos modules" in progress and "Justes du premier coup" in progress
    module = parse_html((tmp_path / "site/modules/icu.html").read_text(encoding="utf-8")).text()
    assert "Score MRC total" in module and "Jours entre le début de la faiblesse et l'admission" in module
    assert "Mode examen" in (tmp_path / "site/exam.html").read_text(encoding="utf-8")
