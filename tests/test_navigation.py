"""Navigation without dead ends on the generated pages: back to the module, previous and next practice in
module order, what to do after a case; indexes in course order; the reading time of a module's pages."""

from __future__ import annotations

import pytest

from conftest import build_site
from course import load_course
from course.markdown_ext import CourseExtension
from helpers import copy_course, edit, parse_html

FRONT = "---\norder: 2\npages: [crisis/first.md]\n---\n"


@pytest.fixture
def course(tmp_path):
    """The sample course with a second module holding a quiz and a case, and crisis ordered after icu."""
    root = copy_course(tmp_path)
    edit(root / "quizzes/motor-sample.yml", "module: crisis", "module: icu")
    page = root / "docs/modules/crisis.md"
    page.write_text(FRONT + page.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "docs/modules/crisis").mkdir()
    (root / "docs/modules/crisis/first.md").write_text("# First steps\n\n" + "word " * 1790 + "\n", encoding="utf-8")
    return root


def _links(html: str) -> list[tuple[str, str]]:
    return [(a.attrs.get("href"), a.text()) for a in parse_html(html).find_all("a")]


def test_quiz_and_case_pages_lead_back_to_the_module_and_on_through_its_practice(course):
    ext = CourseExtension(course=load_course(course))
    assert list(ext.course.modules) == ["icu", "crisis"]
    assert _links(ext.render_marker("quiz-nav", "motor-sample")) == [
        ("%%COURSE_ROOT%%/modules/icu.html", "Back to module: ICU weakness"),
        ("%%COURSE_ROOT%%/cases/gbs-sample.html", "Next: Case: Sample case")]
    assert _links(ext.render_marker("case-nav", "gbs-sample")) == [
        ("%%COURSE_ROOT%%/modules/icu.html", "Back to module: ICU weakness"),
        ("%%COURSE_ROOT%%/quizzes/motor-sample.html", "Previous: Quiz: Second sample quiz")]
    assert _links(ext.render_marker("quiz-nav", "crisis-sample")) == [
        ("%%COURSE_ROOT%%/modules/crisis.html", "Back to module: Myasthenic vs cholinergic crisis")]


def test_the_end_of_a_case_offers_the_next_case_and_the_module_quiz(course):
    second = course / "cases/gbs-second.yml"
    second.write_text((course / "cases/gbs-sample.yml").read_text(encoding="utf-8")
                      .replace("id: gbs-sample", "id: gbs-second").replace("title: Sample case", "title: Second GBS case")
                      .replace("id: sample-gbs-", "id: second-gbs-").replace("next: sample-gbs-", "next: second-gbs-"),
                      encoding="utf-8")
    ext = CourseExtension(course=load_course(course))
    assert _links(ext.render_marker("case-next", "gbs-sample")) == [
        ("%%COURSE_ROOT%%/cases/gbs-second.html", "Next case: Second GBS case"),
        ("%%COURSE_ROOT%%/quizzes/motor-sample.html", "Module quiz: Second sample quiz"),
        ("%%COURSE_ROOT%%/modules/icu.html", "Back to module: ICU weakness")]
    assert _links(ext.render_marker("case-next", "gbs-second"))[0] == (
        "%%COURSE_ROOT%%/quizzes/motor-sample.html", "Module quiz: Second sample quiz")


def test_indexes_list_modules_in_course_order(course):
    ext = CourseExtension(course=load_course(course))
    for kind in ("quizzes", "cases"):
        headings = [h.text() for h in parse_html(ext.render_marker(kind, None)).find_all("h2")]
        expected = [m.title for m in ext.course.modules.values()
                    if any(x.module == m.id for x in getattr(ext.course, kind).values())]
        assert headings == expected
    assert [h.text() for h in parse_html(ext.render_marker("quizzes", None)).find_all("h2")] == [
        "ICU weakness", "Myasthenic vs cholinergic crisis"]


@pytest.mark.parametrize("engine_name", ["mkdocs", "zensical"])
def test_built_pages_show_navigation_and_reading_time(course, tmp_path, engine_name):
    site = build_site(course, tmp_path / f"site-{engine_name}", engine_name)
    first = parse_html((site / "modules/crisis/first.html").read_text(encoding="utf-8"))
    [article] = first.find_all("article")
    [h1] = article.find_all("h1")
    [time] = article.find_all("p", cls="course-reading-time")
    assert time.text() == "About 9 minutes"  # 1,792 words at 200 a minute
    flow = [n for n in article.iter() if n.tag in ("h1", "p")]
    assert flow.index(time) == flow.index(h1) + 1, "the reading time comes right under the title"
    quiz = (site / "quizzes/motor-sample.html").read_text(encoding="utf-8")
    assert '<h1 id="page-title">Quiz: Second sample quiz' in quiz
    assert 'href="../modules/icu.html">Back to module: ICU weakness</a>' in quiz
    assert 'rel="next" href="../cases/gbs-sample.html">Next: Case: Sample case</a>' in quiz
    case = (site / "cases/gbs-sample.html").read_text(encoding="utf-8")
    assert 'href="../quizzes/motor-sample.html">Module quiz: Second sample quiz</a>' in case
    assert "course-reading-time" not in (site / "modules/icu.html").read_text(encoding="utf-8")


def test_the_reading_time_counts_prose_with_comparisons_and_link_text(course, tmp_path):
    # "< 48" and "> 7 days" are prose, not an HTML tag: the words between them are read too (a page of the
    # ICU module once showed 5 minutes for 1,560 words); a link reads as its text, its target does not count
    prose = ("The MRC sum score < 48 of 60 " + "word " * 1790 + "for > 7 days, see [the guideline](https://a.b/c/d) "
             '<abbr title="x">CIM</abbr>.\n')
    (course / "docs/modules/crisis/first.md").write_text("# First steps\n\n" + prose, encoding="utf-8")
    [page] = load_course(course).modules["crisis"].pages
    # the title's 2 words, "The MRC sum score < 48 of 60" as 8, the 1,790, "for 7 days, see the guideline" as 6
    # (">" alone is markup, the link's target is not read), then "CIM" and "." once the abbr tag is dropped
    assert page.words == 2 + 8 + 1790 + 6 + 2
    site = build_site(course, tmp_path / "site", "mkdocs")
    first = parse_html((site / "modules/crisis/first.html").read_text(encoding="utf-8"))
    [time] = first.find_all("p", cls="course-reading-time")
    assert time.text() == "About 9 minutes"


def test_a_module_without_quizzes_or_cases_has_no_empty_practise_heading(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "cases/gbs-sample.yml", "module: icu", "module: crisis")
    renderer = CourseExtension(course=load_course(root)).renderer
    crisis, icu = renderer.module("crisis"), renderer.module("icu")
    assert 'id="module-practice"' in crisis and "course-card" in crisis
    assert 'id="module-practice"' not in icu and "course-card" not in icu
