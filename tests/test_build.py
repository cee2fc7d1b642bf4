"""Real `mkdocs build` runs: broken content fails the build with file:line: field: message lines,
a quiz shown on no page fails a --strict build, and every question of the real course reaches the site.

The real course and the sample course are each built once per session, by the `real_site` and
`fixture_site` fixtures of conftest.py (shared with the browser tests).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from string import ascii_lowercase

import pytest
import yaml

from course.schema import KINDS, SCHEMA_DIR
from helpers import FIXTURE, REPO, copy_course, edit, element_ids, mkdocs_build


def _output(result) -> str:
    return f"exit code {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def _placed(root: Path) -> dict[tuple[str, str], list[str]]:
    """(kind, id) -> the pages that place it with a marker, read from the Markdown (not from the code under test);
    the generated quiz and case pages are left out: every quiz and case is expected on its own page anyway."""
    placed: dict[tuple[str, str], list[str]] = {}
    docs = root / "docs"
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        if rel.startswith(("quizzes/", "cases/")):
            continue
        text = re.sub(r"^(```|~~~).*?^\1", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)  # examples in code
        for kind, argument in re.findall(r"^\[(quiz|case):\s*([a-z0-9-]+)\s*\]\s*$", text, re.M):
            placed.setdefault((kind, argument), []).append(rel[:-3] + ".html")
    return placed


def expected_elements(root: Path):
    """(page, element id, tag) that must be in the site, read from the raw YAML (not from the loader under test):
    each quiz and case on its own page, and on every page that places it with a marker."""
    placed = _placed(root)
    for path in sorted((root / "quizzes").glob("*.y*ml")):
        quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
        for page in (f"quizzes/{quiz['id']}.html", *placed.get(("quiz", quiz["id"]), [])):
            yield page, f"quiz-{quiz['id']}", "section"
            for q in quiz["questions"]:
                if "use" in q:
                    continue  # a reused question is checked where it is written
                yield page, f"question-{q['id']}", "div"
                for i, option in enumerate(q["options"]):
                    yield page, f"question-{q['id']}-{option.get('id', ascii_lowercase[i])}", "input"
    for path in sorted((root / "cases").glob("*.y*ml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        for page in (f"cases/{case['id']}.html", *placed.get(("case", case["id"]), [])):
            yield page, f"case-{case['id']}", "section"
            for stage in case["stages"]:
                yield page, f"stage-{stage['id']}", "section"
                if "decision" in stage:
                    qid = stage["decision"].get("id", stage["id"])
                    yield page, f"question-{qid}", "div"
                    for i, option in enumerate(stage["decision"]["options"]):
                        yield page, f"question-{qid}-{option.get('id', ascii_lowercase[i])}", "input"


def missing_from_site(root: Path, site: Path) -> tuple[int, list[str]]:
    """(number of elements checked, what is missing or duplicated)."""
    pages: dict[str, dict] = {}
    checked, missing = 0, []
    for page, element_id, tag in expected_elements(root):
        if page not in pages:
            path = site / page
            pages[page] = element_ids(path.read_text(encoding="utf-8")) if path.is_file() else None
        checked += 1
        if pages[page] is None:
            if f"{page}: the page was not built" not in missing:
                missing.append(f"{page}: the page was not built")
            continue
        found = pages[page].get(element_id, [])
        if [t for t, _ in found] != [tag]:
            missing.append(f"{page}: expected one <{tag} id={element_id!r}>, found {[t for t, _ in found]}")
    return checked, missing


# -- every question reaches the site ---------------------------------------------------------


def test_every_question_of_the_real_course_is_in_the_built_site(real_site):
    checked, missing = missing_from_site(REPO, real_site)
    assert missing == [], f"{len(missing)} of {checked} expected elements are missing:\n" + "\n".join(missing)
    assert (real_site / "index.html").is_file()


def test_the_same_check_finds_every_question_of_the_sample_course(fixture_site):
    checked, missing = missing_from_site(FIXTURE, fixture_site)
    assert missing == []
    # on the quiz page and the module page: 2 quizzes, 5 questions, 15 options; 1 case, 3 stages, 1 decision, 2 options
    assert checked == 2 * (2 + 5 + 15) + 2 * (1 + 3 + 1 + 2)


def test_the_same_check_notices_a_question_missing_from_a_page(fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "modules" / "crisis.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('id="question-motor-q2"') == 1
    page.write_text(html.replace('id="question-motor-q2"', 'id="question-motor-q2-gone"'), encoding="utf-8")
    (site / "quizzes" / "crisis-sample.html").unlink()
    _, missing = missing_from_site(FIXTURE, site)
    assert "modules/crisis.html: expected one <div id='question-motor-q2'>, found []" in missing
    assert "quizzes/crisis-sample.html: the page was not built" in missing
    assert len(missing) == 2


def test_published_schemas_are_the_ones_the_build_checks_with(fixture_site):
    for kind in KINDS:
        assert (fixture_site / "schemas" / f"{kind}.schema.json").read_bytes() == (SCHEMA_DIR / f"{kind}.schema.json").read_bytes()


def test_sample_course_pages_carry_the_course_script_only_where_needed(fixture_site):
    assert "assets/course/course.js" in (fixture_site / "modules/crisis.html").read_text(encoding="utf-8")
    assert "assets/course/course.js" not in (fixture_site / "index.html").read_text(encoding="utf-8")
    assert "%%COURSE_ROOT%%" not in (fixture_site / "quizzes/crisis-sample.html").read_text(encoding="utf-8")


# -- broken content fails the build ------------------------------------------------------------------


def test_build_fails_and_prints_every_problem(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "quizzes/crisis-sample.yml", "        correct: false\n        feedback: May be", "        correct: true\n        feedback: May be")
    edit(root / "cases/gbs-sample.yml", "    narrative: His VC falls.", "    narative: His VC falls.")
    result = mkdocs_build(root, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0, _output(result)
    assert "2 problem(s) in the course content:" in out, _output(result)
    for line in (
        "quizzes/crisis-sample.yml:18: question 1, option 3, correct: a single-best-answer question needs exactly one correct option (found 2): set 'correct: true' on one option only",
        "cases/gbs-sample.yml:29: stage 2, narative: unknown field 'narative' (did you mean 'narrative'?): use one of debrief, decision, findings, id, narrative, next, outcome, title",
    ):
        assert f"\n  {line}\n" in out + "\n", _output(result)
    assert "Traceback" not in out, _output(result)
    assert not (tmp_path / "site" / "index.html").exists()


def test_build_fails_on_a_marker_naming_a_missing_quiz(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "docs/modules/crisis.md", "[quiz: crisis-sample]", "[quiz: crisis-sampel]")
    result = mkdocs_build(root, tmp_path / "site", strict=False)  # an error even without --strict
    assert result.returncode != 0, _output(result)
    assert "  docs/modules/crisis.md:5: [quiz: crisis-sampel]: no quiz with id 'crisis-sampel': use one of crisis-sample, motor-sample\n" in result.stderr, _output(result)


def test_quiz_shown_on_no_page_fails_a_strict_build(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "docs/modules/crisis.md", "[quiz: motor-sample]", "")
    message = ("quizzes/motor-sample.yml:2: id: quiz 'motor-sample' is shown on no page: "
               "add the line [practice: crisis] (or [quiz: motor-sample]) to its module page (docs/modules/crisis.md)")
    strict = mkdocs_build(root, tmp_path / "strict")
    assert strict.returncode != 0, _output(strict)
    assert f"WARNING -  {message}\n" in strict.stderr, _output(strict)
    assert "Aborted with 1 warnings in strict mode!" in strict.stderr + strict.stdout, _output(strict)
    lenient = mkdocs_build(root, tmp_path / "lenient", strict=False)  # only a warning: the site still builds
    assert lenient.returncode == 0, _output(lenient)
    assert message in lenient.stderr
