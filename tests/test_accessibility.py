"""axe-core finds nothing on any page of the built course, in light and dark mode."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_axe_violations_on_any_page(real_site, page, axe, scheme):
    failures = {}
    page.emulate_media(reduced_motion="reduce")  # judge colours as they settle, not mid-fade
    for path in _pages(real_site):
        page.goto((real_site / path).as_uri())
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        found = axe(page)
        if found:
            failures[path] = found
    assert failures == {}
