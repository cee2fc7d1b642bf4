"""The marker registry and the checks derived from it: the extension alone (as under Zensical) raises the
course's own error with page and line, and each gap issue 11 found has a fixture and its exact message."""

from __future__ import annotations

import subprocess
import sys

import markdown
import pytest

from course import CourseError, load_course
from course.markdown_ext import CourseExtension
from course.markers import MARKER, MARKERS, Marker, check_page, read_argument, scan
from helpers import FIXTURE, copy_course, edit, mkdocs_build, page_problems

CRISIS = "docs/modules/crisis.md"


@pytest.fixture
def course(tmp_path):
    return copy_course(tmp_path)


@pytest.fixture(scope="module")
def sample():
    return load_course(FIXTURE)


# A valid argument of each kind on the sample course: a new kind must be added here, with its renderer.
VALID = {"quiz": "crisis-sample", "case": "gbs-sample", "quizzes": None, "cases": None, "progress": None,
         "glossary": None, "references": "lawn-2001", "schema": "quiz", "module": "icu", "objectives": "icu",
         "practice": "icu", "quiz-nav": "motor-sample", "case-nav": "gbs-sample", "case-next": "gbs-sample",
         "quiz-next": "motor-sample", "exam": None, "review": None, "due": None, "breathing-chart": "d1, d2; VC 30 20; MIP 40 30; MEP 50 40"}
# Kinds that need references the sample lacks: read and rendered on the study tools' course.
VALID_ON_STUDY = {"calculator": "egris"}


def test_every_kind_of_the_registry_is_recognised_read_and_rendered(sample):
    assert set(VALID) | set(VALID_ON_STUDY) == set(MARKERS)
    renderer = CourseExtension(course=sample).renderer
    study = load_course(FIXTURE.parent / "study")
    for kind, argument in [*VALID.items(), *VALID_ON_STUDY.items()]:
        if kind in VALID_ON_STUDY:
            sample, renderer = study, CourseExtension(course=study).renderer
        line = f"[{kind}: {argument}]" if argument else f"[{kind}]"
        [(_, marker)] = scan([line])
        assert (marker.kind, marker.argument) == (kind, argument)
        html = MARKERS[kind].render(renderer, read_argument(sample, marker))
        assert html.strip().startswith("<") or (kind == "objectives" and html == ""), kind  # icu declares none


def test_the_line_pattern_comes_from_the_registry():
    assert MARKER.match("[case-next: x]") and MARKER.match("[quiz-nav: x]")
    assert not MARKER.match("[quizz: x]") and not MARKER.match("[note]")
    assert not MARKER.match("[quiz: x] and more text")


def _convert(root, text):
    return markdown.markdown(text, extensions=[CourseExtension(root=str(root))])


def test_the_extension_alone_raises_the_course_error_for_an_unknown_quiz(course):
    with pytest.raises(CourseError) as raised:
        _convert(course, "# A page\n\n[quiz: no-such-quiz]\n")
    assert [str(e) for e in raised.value.errors] == [
        "<page>:3: [quiz: no-such-quiz]: no quiz with id 'no-such-quiz': use one of crisis-sample, motor-sample"]


def test_the_extension_alone_raises_the_course_error_for_a_marker_without_its_id(course):
    with pytest.raises(CourseError) as raised:
        _convert(course, "[quiz]\n")
    assert [str(e) for e in raised.value.errors] == ["<page>:1: [quiz]: name the quiz to show here: write [quiz: its-id]"]


def test_the_extension_alone_renders_a_quiz_with_its_script(course):
    html = _convert(course, "[quiz: crisis-sample]\n")
    assert 'id="quiz-crisis-sample"' in html
    assert html.endswith('<link rel="stylesheet" href="assets/course/course.css"><script src="assets/course/course.js"></script>')
    assert "%%COURSE_ROOT%%" not in html
    assert 'assets/course/course.js' not in _convert(course, "[glossary]\n")


# -- the gaps of issue 11, each with its exact message -------------------------------------------------


def test_a_wrong_key_in_a_references_marker(course):
    edit(course / CRISIS, "## More\n", "## More\n\n[references: lawn-2001, farkas-2105]\n")
    expected = ("docs/modules/crisis.md:9: [references: lawn-2001, farkas-2105]: unknown reference 'farkas-2105' "
                "(did you mean 'farkas-2015'?): add it to references.yml or fix the key")
    assert page_problems(course) == [(expected, False)]
    check = subprocess.run([sys.executable, "-m", "course.cli", "check", str(course)], capture_output=True, text=True)
    assert check.returncode == 1 and expected in check.stdout + check.stderr
    build = mkdocs_build(course, course.parent / "site")
    assert build.returncode != 0
    assert f"  {expected}\n" in build.stderr
    assert "Traceback" not in build.stdout + build.stderr


def test_a_link_to_a_reference_the_page_does_not_list(course):
    edit(course / CRISIS, "## More\n", "## More\n\nSee [Lawn 2001](#ref-lawn-2001).\n")
    assert page_problems(course) == [(
        "docs/modules/crisis.md:9: #ref-lawn-2001: this page does not list reference 'lawn-2001', so the link "
        "leads nowhere: add the line [references: lawn-2001] at the end of the page", False)]
    build = mkdocs_build(course, course.parent / "site")
    assert build.returncode != 0 and "#ref-lawn-2001: this page does not list reference 'lawn-2001'" in build.stderr


def test_a_link_to_a_reference_that_is_listed_is_fine_and_a_misspelt_key_is_named(course):
    edit(course / CRISIS, "## More\n", "## More\n\nSee [Lawn](#ref-lawn-2001) and [Farkas](#ref-farkas-2105).\n\n"
                                       "[references: lawn-2001, farkas-2015]\n")
    assert page_problems(course) == [(
        "docs/modules/crisis.md:9: #ref-farkas-2105: unknown reference 'farkas-2105' (did you mean 'farkas-2015'?): "
        "fix the key of this link (the keys are in references.yml)", False)]


def test_the_whole_bibliography_lists_every_key_and_code_is_not_a_link(course):
    (course / "docs/refs.md").write_text("# Sources\n\n[Lawn](#ref-lawn-2001), `[x](#ref-none)`\n\n```\n[y](#ref-none)\n```\n\n"
                                         "[references]\n", encoding="utf-8")
    assert page_problems(course) == []


def test_a_misspelt_marker_is_named_not_shown_as_text(course):
    edit(course / CRISIS, "[quiz: motor-sample]", "[quizz: motor-sample]")
    assert page_problems(course) == [
        ("docs/modules/crisis.md:9: [quizz: motor-sample]: unknown marker 'quizz' (did you mean [quiz: motor-sample]?): "
         "fix its name; as written, students see it as text", False),
        ("quizzes/motor-sample.yml:2: id: quiz 'motor-sample' is shown on no page: add the line [practice: crisis] "
         "(or [quiz: motor-sample]) to its module page (docs/modules/crisis.md)", True),
    ]


def test_bracketed_words_that_are_not_like_any_marker_are_left_alone(sample):
    lines = ["[Note]", "[x]", "[TODO: later]", "- [ ] a task"]
    assert check_page(sample, lines, "p.md").problems == []


def test_a_marker_that_takes_no_argument_says_so(course):
    (course / "docs/index.md").write_text("# Start\n\n[progress: all]\n", encoding="utf-8")
    assert page_problems(course) == [
        ("docs/index.md:3: [progress: all]: [progress] takes nothing after its name: write [progress]", False)]


def test_the_page_check_counts_lines_after_front_matter(sample):
    marker = Marker("quiz", "nope", 2)
    found = check_page(sample, ["# T", "[quiz: nope]"], "docs/x.md", first_line=5).problems
    assert [str(p) for p in found] == [f"docs/x.md:6: {marker.written}: no quiz with id 'nope': use one of crisis-sample, motor-sample"]


# -- marker mistakes that students would otherwise see as text (the instructor walk) ----------------------

LOWERCASE = "write it in lowercase; as written, students see it as text"


@pytest.mark.parametrize("written, message", [
    ("[Quiz: motor-sample]", f"not a marker as written (did you mean [quiz: motor-sample]?): {LOWERCASE}"),
    ("[QUIZ: motor-sample]", f"not a marker as written (did you mean [quiz: motor-sample]?): {LOWERCASE}"),
    ("[quiz motor-sample]", "not a marker as written (did you mean [quiz: motor-sample]?): put a colon after 'quiz'; "
                            "as written, students see it as text"),
    ("[Quiz motor-sample]", "not a marker as written (did you mean [quiz: motor-sample]?): write it in lowercase, and "
                            "put a colon after 'quiz'; as written, students see it as text"),
    ("[Quizz: motor-sample]", "unknown marker 'Quizz' (did you mean [quiz: motor-sample]?): fix its name, and write it "
                              "in lowercase; as written, students see it as text"),
])
def test_a_marker_in_capitals_or_without_its_colon_is_an_error_with_the_fix(course, written, message):
    edit(course / CRISIS, "[quiz: motor-sample]", written)
    assert page_problems(course)[0] == (f"docs/modules/crisis.md:9: {written}: {message}", False)


@pytest.mark.parametrize("line, written, fixed", [
    ("[Module: icu]", "[Module: icu]", "[module: icu]"),
    ("[References: lawn-2001]", "[References: lawn-2001]", "[references: lawn-2001]"),
    ("[Progress]", "[Progress]", "[progress]"),
])
def test_other_markers_in_capitals(course, line, written, fixed):
    edit(course / CRISIS, "## More\n", f"## More\n\n{line}\n")
    assert page_problems(course) == [
        (f"docs/modules/crisis.md:9: {written}: not a marker as written (did you mean {fixed}?): {LOWERCASE}", False)]


INSIDE = ("a marker inside a sentence is shown as text (did you mean [quiz: motor-sample] on a line of its own?): "
          "put it on a line of its own, with a blank line before and after")


@pytest.mark.parametrize("line, written", [
    ("See the quiz [quiz: motor-sample] below.", "[quiz: motor-sample]"),
    ("See the quiz [Quiz: motor-sample] below.", "[Quiz: motor-sample]"),
    ("See [quiz motor-sample] below.", "[quiz motor-sample]"),  # names a quiz, so it was meant as a marker
    ("- [quiz: motor-sample]", "[quiz: motor-sample]"),
    ("| Quiz | [quiz: motor-sample] |", "[quiz: motor-sample]"),
])
def test_a_marker_inside_a_sentence_list_or_table_must_stand_on_a_line_of_its_own(course, line, written):
    edit(course / CRISIS, "[quiz: motor-sample]", line)
    assert page_problems(course)[0] == (f"docs/modules/crisis.md:9: {written}: {INSIDE}", False)


def test_an_indented_marker_is_named(course):
    edit(course / CRISIS, "[quiz: motor-sample]", "!!! note\n    [quiz: motor-sample]")
    assert page_problems(course)[0] == (
        "docs/modules/crisis.md:10: [quiz: motor-sample]: an indented marker is shown as text (did you mean "
        "[quiz: motor-sample] at the start of a line?): start it at the beginning of a line of its own, outside any "
        "list or note", False)


def test_bracketed_text_that_is_prose_code_or_a_link_is_left_alone(sample):
    lines = ["In [case 2] the pupils were small.", "The [quiz](quiz.md) and [Quiz: motor](../quizzes/motor.md).",
             "An image ![Quiz: crisis](x.png).", "Write `[Quiz: crisis-sample]` or `[quiz crisis-sample]`.",
             "```", "[Quiz: crisis-sample]", "See [quiz: crisis-sample] here.", "```",
             "<!-- [quiz: crisis-sample] is placed below -->", "The [glossary] lists them.", "",
             "[glossary]: glossary.md", "[quizzes][1] and [progress]: later", "[note: not a marker] and [Note]"]
    assert check_page(sample, lines, "p.md").problems == []


def test_the_build_fails_on_a_marker_in_capitals_instead_of_showing_it(course):
    edit(course / CRISIS, "[quiz: motor-sample]", "[Quiz: motor-sample]")
    build = mkdocs_build(course, course.parent / "site")
    assert build.returncode != 0
    assert ("docs/modules/crisis.md:9: [Quiz: motor-sample]: not a marker as written (did you mean [quiz: motor-sample]?)"
            in build.stderr)
    assert "Traceback" not in build.stdout + build.stderr


def test_the_extension_alone_raises_for_a_marker_inside_a_sentence(course):
    with pytest.raises(CourseError) as raised:
        _convert(course, "# A page\n\nSee [quiz: crisis-sample] below.\n")
    assert [str(e) for e in raised.value.errors] == [
        "<page>:3: [quiz: crisis-sample]: " + INSIDE.replace("motor-sample", "crisis-sample")]


# -- links to another page's reference anchors --------------------------------------------------------


def test_a_link_to_another_pages_reference_is_checked_against_that_page(course):
    (course / "docs/sources.md").write_text("# Sources\n\n[references: lawn-2001]\n", encoding="utf-8")
    edit(course / CRISIS, "## More\n", "## More\n\nSee [Lawn](../sources.md#ref-lawn-2001), "
                                       "[Farkas](../sources.md#ref-farkas-2015) and [F](../index.md#ref-farkas-2105).\n")
    assert page_problems(course) == [
        ("docs/modules/crisis.md:9: ../index.md#ref-farkas-2105: unknown reference 'farkas-2105' (did you mean "
         "'farkas-2015'?): fix the key of this link (the keys are in references.yml)", False),
        ("docs/modules/crisis.md:9: ../sources.md#ref-farkas-2015: docs/sources.md does not list reference "
         "'farkas-2015', so the link leads nowhere: link to a page that lists it, or add it to the "
         "[references: …] marker of docs/sources.md", False),
    ]


def test_a_link_to_the_whole_bibliography_finds_every_key(course):
    (course / "docs/references.md").write_text("# References\n\n[references]\n", encoding="utf-8")
    edit(course / CRISIS, "## More\n", "## More\n\nSee [Farkas](../references.md#ref-farkas-2015).\n")
    assert page_problems(course) == []
    build = mkdocs_build(course, course.parent / "site")
    assert build.returncode == 0, build.stderr
    assert 'id="ref-farkas-2015"' in (course.parent / "site/references.html").read_text(encoding="utf-8")
