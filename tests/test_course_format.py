"""The course format beyond one quiz or case: module front matter (order, objectives, pages), the tag
vocabulary, a bibliography split over files, and citations formatted from their fields."""

from __future__ import annotations

import pytest

from course import load_course
from course.citation import format_citation
from course.markdown_ext import CourseExtension
from helpers import copy_course, edit, page_problems, problems

MOTOR = "quizzes/motor-sample.yml"

FRONT = """---
order: 2
short_title: Crisis
summary: Telling the two crises apart.
objectives:
  - id: cr-recognise
    text: Recognise myasthenic crisis.
  - id: cr-act
    text: Act safely before the cause is known.
pages: [crisis/first.md]
---
"""


@pytest.fixture
def course(tmp_path):
    root = copy_course(tmp_path)
    page = root / "docs/modules/crisis.md"
    page.write_text(FRONT + page.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "docs/modules/crisis").mkdir()
    (root / "docs/modules/crisis/first.md").write_text("# First steps\n\n" + "word " * 600 + "\n", encoding="utf-8")
    for q in ("motor-q1", "motor-q2"):
        edit(root / MOTOR, f"  - id: {q}\n", f"  - id: {q}\n    objective: cr-recognise\n")
    return root


def test_front_matter_declares_order_objectives_and_pages(course):
    loaded = load_course(course)
    assert list(loaded.modules) == ["icu", "crisis"]  # icu has no order (0), so it comes first
    crisis = loaded.modules["crisis"]
    assert (crisis.title, crisis.label, crisis.order) == ("Myasthenic vs cholinergic crisis", "Crisis", 2)
    assert [o.id for o in crisis.objectives] == ["cr-recognise", "cr-act"]
    assert [(p.path, p.title, p.minutes) for p in crisis.pages] == [("modules/crisis/first.md", "First steps", 3)]


def test_objective_must_be_a_declared_id(course):
    edit(course / MOTOR, "    objective: cr-recognise\n    type: single\n    stem: Which", "    objective: cr-recognize\n    type: single\n    stem: Which")
    assert problems(course) == [
        f"{MOTOR}:8: question 1, objective: unknown objective 'cr-recognize' (did you mean 'cr-recognise'?): "
        "name an objective id from the front matter of docs/modules/crisis.md (cr-recognise, cr-act), or of another module"
    ]


def test_a_module_without_objectives_accepts_free_text(tmp_path):
    root = copy_course(tmp_path)
    edit(root / MOTOR, "  - id: motor-q1\n", "  - id: motor-q1\n    objective: Localise a lesion.\n")
    assert load_course(root).quizzes["motor-sample"].questions[0].objective == "Localise a lesion."


def test_duplicate_objective_id_and_missing_page(course):
    edit(course / "docs/modules/crisis.md", "  - id: cr-act", "  - id: cr-recognise")
    edit(course / "docs/modules/crisis.md", "pages: [crisis/first.md]", "pages: [crisis/frist.md]")
    assert problems(course) == [
        "docs/modules/crisis.md:8: objective 2, id: duplicate objective id 'cr-recognise' (already used in docs/modules/crisis.md:6): objective ids are unique across the course; rename this one",
        "docs/modules/crisis.md:10: page 1: no page docs/modules/crisis/frist.md: create it, or fix the path (it is relative to docs/modules/crisis.md)",
    ]


def test_front_matter_field_is_checked(course):
    edit(course / "docs/modules/crisis.md", "order: 2", "ordre: 2")
    found = problems(course)
    assert found[0].startswith("docs/modules/crisis.md:2: ordre: unknown field 'ordre' (did you mean 'order'?)")


def test_tags_come_from_the_vocabulary(course):
    (course / "tags.yml").write_text("myasthenia: Myasthenia gravis and its crises.\nlocalisation: Where the lesion is.\n", encoding="utf-8")
    edit(course / MOTOR, "    objective: cr-recognise\n    type: single\n    stem: Which", "    objective: cr-recognise\n    tags: [localization]\n    type: single\n    stem: Which")
    assert problems(course) == [
        f"{MOTOR}:9: question 1, tag 1: unknown tag 'localization' (did you mean 'localisation'?): use a tag from tags.yml, or add this one there with what it covers"
    ]


def test_bibliography_split_over_files_rejects_a_key_twice(course):
    (course / "references").mkdir()
    (course / "references/extra.yml").write_text(
        "lawn-2001:\n  type: article\n  authors: [Lawn ND]\n  year: 2001\n  title: T\n  journal: Arch Neurol\n  volume: 58\n  pages: 893-8\n"
        "kidd-2020:\n  type: article\n  authors: [Kidd S]\n  year: 2020\n  title: T\n  journal: MMWR\n  volume: 69\n  pages: 1031-8\n",
        encoding="utf-8")
    assert problems(course) == [
        "references/extra.yml:1: lawn-2001: duplicate reference key 'lawn-2001' (already in references.yml:26): keep one entry, or rename this one"
    ]


def test_reference_fields_required_by_kind(course):
    (course / "references").mkdir()
    (course / "references/extra.yml").write_text("amato-2016:\n  type: book\n  authors: [Amato AA, Russell JA]\n  year: 2016\n  title: Neuromuscular Disorders\n", encoding="utf-8")
    assert problems(course) == [
        "references/extra.yml:1: amato-2016: missing required field 'edition': add it",
        "references/extra.yml:1: amato-2016: missing required field 'publisher': add it",
    ]


@pytest.mark.parametrize("entry, expected", [
    ({"type": "article", "authors": ["Lawn ND", "Fletcher DD", "Henderson RD", "Wolter TD", "Wijdicks EFM"], "year": 2001,
      "title": "Anticipating mechanical ventilation in Guillain-Barré syndrome", "journal": "Arch Neurol", "volume": 58, "issue": 6,
      "pages": "893-8", "doi": "10.1001/archneur.58.6.893", "pmid": "11405803"},
     "Lawn ND, Fletcher DD, Henderson RD, Wolter TD, Wijdicks EFM. Anticipating mechanical ventilation in Guillain-Barré syndrome. "
     "*Arch Neurol*. 2001;58(6):893-8. doi:10.1001/archneur.58.6.893. PMID: 11405803."),
    ({"type": "article", "authors": ["A A", "B B", "C C", "D D", "E E", "F F", "G G"], "year": 2020, "title": "Is it?",
      "journal": "J", "volume": 1, "pages": 2},
     "A A, B B, C C, D D, E E, F F, et al. Is it? *J*. 2020;1:2."),
    ({"type": "book", "authors": ["Amato AA", "Russell JA"], "year": 2016, "title": "Neuromuscular Disorders", "edition": 2,
      "publisher": "McGraw-Hill Education"},
     "Amato AA, Russell JA. *Neuromuscular Disorders.* 2nd ed. McGraw-Hill Education; 2016."),
    ({"type": "chapter", "authors": ["Amato AA"], "year": 2022, "title": "Approach to the patient with muscle weakness",
      "book": "Harrison's Principles of Internal Medicine", "editors": ["Loscalzo J", "Fauci A"], "edition": 21,
      "publisher": "McGraw Hill", "pages": "3101-8"},
     "Amato AA. Approach to the patient with muscle weakness. In: Loscalzo J, Fauci A, editors. *Harrison's Principles of Internal Medicine.* "
     "21st ed. McGraw Hill; 2022:3101-8."),
    ({"type": "guideline", "authors": ["National Institute for Health and Care Excellence"], "year": 2023,
      "title": "Spinal metastases and metastatic spinal cord compression", "number": "NICE guideline NG234", "publisher": "NICE"},
     "National Institute for Health and Care Excellence. Spinal metastases and metastatic spinal cord compression. NICE guideline NG234. NICE; 2023."),
])
def test_citations_are_formatted_from_their_fields(entry, expected):
    assert format_citation(entry) == expected


def test_module_marker_renders_summary_objectives_pages_and_practice(course):
    loaded = load_course(course)
    html = CourseExtension(course=loaded).render_marker("module", "crisis")
    assert "Telling the two crises apart." in html
    assert "Reading time: about 3 minutes in 1 page, then practice." in html
    assert "<li>Recognise myasthenic crisis.</li>" in html
    assert 'href="%%COURSE_ROOT%%/modules/crisis/first.html">First steps</a>' in html
    assert 'href="%%COURSE_ROOT%%/quizzes/motor-sample.html">Quiz: Second sample quiz</a>' in html


def test_module_markers_place_the_module_practice_and_need_a_module(course):
    page = course / "docs/modules/crisis.md"
    edit(page, "[quiz: crisis-sample]", "[practice: crisis]")
    edit(page, "[quiz: motor-sample]", "[objectives: crisi]")
    assert page_problems(course) == [
        ("docs/modules/crisis.md:20: [objectives: crisi]: name a module: write [objectives: module-id], with one of icu, crisis", False),
    ]


def test_a_tab_in_front_matter_says_yaml_forbids_tabs(course):
    edit(course / "docs/modules/crisis.md", "order: 2", "\torder: 2")
    assert problems(course) == ["docs/modules/crisis.md:2: front matter: YAML forbids tabs: indent with spaces"]


# -- reuse: one question in several quizzes --------------------------------------------------------


def test_a_question_used_in_a_second_quiz_is_the_same_question(tmp_path):
    root = copy_course(tmp_path)
    edit(root / MOTOR, "questions:\n", "questions:\n  - use: sample-q2\n")
    loaded = load_course(root)
    motor, crisis = loaded.quizzes["motor-sample"], loaded.quizzes["crisis-sample"]
    assert [q.id for q in motor.questions] == ["sample-q2", "motor-q1", "motor-q2"]
    assert motor.questions[0] is crisis.questions[1]  # one id, one version: one saved answer per student
    assert [q.id for q in loaded.questions()].count("sample-q2") == 1
    html = CourseExtension(course=loaded).render_marker("quiz", "motor-sample")
    assert f'data-question="sample-q2" data-type="multiple" data-version="{crisis.questions[1].version}"' in html
    assert "Question 1 of 3" in html


@pytest.mark.parametrize("use, message", [
    ("sample-q9", f"{MOTOR}:7: question 1, use: no question 'sample-q9' to use (did you mean 'sample-q3'?): name the id of a question written out in a quiz"),
    ("motor-q2", f"{MOTOR}:7: question 1, use: question 'motor-q2' is already in this quiz: use a question from another quiz"),
    ("sample-gbs-ed", f"{MOTOR}:7: question 1, use: 'sample-gbs-ed' is not a quiz question (it is written in cases/gbs-sample.yml): use a question written out in a quiz"),
])
def test_use_must_name_a_question_of_another_quiz(tmp_path, use, message):
    root = copy_course(tmp_path)
    edit(root / MOTOR, "questions:\n", f"questions:\n  - use: {use}\n")
    assert problems(root) == [message]


def test_use_twice_in_one_quiz_and_a_use_with_other_fields(tmp_path):
    root = copy_course(tmp_path)
    edit(root / MOTOR, "questions:\n", "questions:\n  - use: sample-q1\n  - use: sample-q1\n")
    assert problems(root) == [f"{MOTOR}:8: question 2, use: question 'sample-q1' is used twice in this quiz: keep it once"]
    edit(root / MOTOR, "  - use: sample-q1\n  - use: sample-q1\n", "  - use: sample-q1\n    type: single\n")
    assert problems(root) == [f"{MOTOR}:8: question 1, type: unknown field 'type': use one of use"]
