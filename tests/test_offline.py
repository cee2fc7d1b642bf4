"""The built site works from disk and over loopback with no request to any other host."""

from __future__ import annotations

import pytest

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


def test_search_finds_course_content(real_site, site_url, page):
    page.goto(site_url(real_site, "index.html"))
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    search.click()
    for _ in range(20):  # the search worker starts a moment after the page; a student would simply type again
        search.fill("")
        search.press_sequentially("myasthenic", delay=20)
        try:
            results.first.wait_for(timeout=1_000)
            break
        except Exception:
            continue
    assert results.count() > 0
    assert "yasthen" in page.locator(".md-search-result").inner_text()


def test_quiz_and_case_scripts_load_only_where_needed(real_site):
    index = (real_site / "index.html").read_text(encoding="utf-8")
    assert "course.js" not in index and "course.css" not in index
