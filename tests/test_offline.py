"""The built site works from disk and over loopback with no request to any other host."""

from __future__ import annotations

import pytest

from helpers import search

pytestmark = pytest.mark.browser

PAGES = ["index.html", "modules/motor-unit.html", "modules/patterns.html", "modules/crisis.html", "modules/icu.html",
         "quizzes/index.html", "cases/index.html", "progress.html", "glossary.html", "references.html", "authoring.html"]


def test_every_page_loads_with_no_outside_request(real_site, site_url, page, external_requests):
    for path in PAGES:
        page.goto(site_url(real_site, path))
        page.wait_for_load_state("load")
        assert page.locator("h1").first.is_visible(), path
    # the context fixture also asserts at teardown; this makes the figure visible here
    assert external_requests == []


def test_search_finds_course_content(real_site, site_url, page, engine):
    page.goto(site_url(real_site, "index.html"))
    found = search(page, engine, "myasthenic")
    assert found, "no search results"
    assert any("yasthen" in title.lower() or path.startswith("modules/") for path, title in found)


@pytest.mark.parametrize("term", ["pyridostigmine", "Gowers"])
def test_search_lists_a_module_page_before_quizzes_and_cases(real_site, site_url, page, engine, term):
    """Teaching sections rank above quiz stems and case narratives for a term both contain: quiz and case pages
    carry a lower search boost (front matter `search: boost`), which Material honours."""
    if engine == "zensical":
        pytest.skip("Zensical 0.0.73's search has no per-page boost, so it ranks by its own measure: a documented "
                    "difference (README); its index is checked for answers and duplicates in test_search_index.py")
    page.goto(site_url(real_site, "index.html"))
    found = search(page, engine, term)
    assert found, f"no search results for {term}"
    assert found[0][0].startswith("modules/"), found[:5]
    assert any(path.startswith(("quizzes/", "cases/")) for path, _ in found), "the term is in practice pages too"


def test_quiz_and_case_scripts_load_only_where_needed(real_site):
    index = (real_site / "index.html").read_text(encoding="utf-8")
    assert "course.js" not in index and "course.css" not in index
