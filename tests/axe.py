"""Run axe-core (bundled by the axe-playwright-python package) in a Playwright page."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python

    return next(Path(axe_playwright_python.__file__).parent.rglob("axe.min.js")).read_text(encoding="utf-8")


def violations(page, include: str | None = None) -> list[dict]:
    """axe violations on the page (or inside the elements matching `include`), summarised for assertions."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    found = page.evaluate(
        """async (include) => {
            const context = include ? {include: [include]} : document;
            const result = await axe.run(context, {resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
        }""",
        include,
    )
    return found
