"""Main-thread time of each kind of page in Chromium, ours beside bare, and ours with the course's own
scripts emptied: how much of a page's blocking work is the course's JavaScript, and how much is the page.

Lighthouse's scores swing with a shared machine's load (its CPU index moves two-fold between runs here), so
they cannot say whether course.js or the page's size costs the time. This measure loads each page in
headless Chromium without throttling, served gzipped on 127.0.0.1 as for Lighthouse, waits for the load
event and a quiet second, and reads Chromium's own counters (Performance.getMetrics): script, task (all
main-thread work), layout and style time. The three variants of a page alternate, so they share the load.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from .lighthouse import CHROMIUM, GzipServer

METRICS = {"script_ms": "ScriptDuration", "task_ms": "TaskDuration", "layout_ms": "LayoutDuration",
           "style_ms": "RecalcStyleDuration"}


def is_course_script(url: str) -> bool:
    """The course's own scripts (course.js and the parts under docs/assets/): not Material's bundle
    (assets/javascripts/), its search worker, or vendored files (assets/vendor/)."""
    path = url.split("?")[0]
    return path.endswith(".js") and "/assets/" in path and "/assets/javascripts/" not in path and "/assets/vendor/" not in path


def _load(browser, url: str, empty_course_scripts: bool, settle_ms: int) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        if empty_course_scripts:
            page.route("**/*.js", lambda route, request: route.fulfill(body="", content_type="text/javascript")
                       if is_course_script(request.url) else route.continue_())
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load")
        page.wait_for_timeout(settle_ms)
        values = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return {key: round(values.get(name, 0) * 1000, 1) for key, name in METRICS.items()}
    finally:
        context.close()


def run(ours: Path, bare: Path, pages: dict[str, str], repeat: int = 3, settle_ms: int = 1000, say=print) -> dict:
    """pages: kind -> site path. Returns kind -> {'page', 'ours', 'ours_without_course_js', 'bare'}, each the
    medians of `repeat` loads (None where that side lacks the page)."""
    from playwright.sync_api import sync_playwright

    servers = {"ours": GzipServer(ours), "bare": GzipServer(bare)}
    variants = (("ours", "ours", False), ("ours_without_course_js", "ours", True), ("bare", "bare", False))
    runs = {kind: {name: [] for name, _, _ in variants} for kind in pages}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                for _ in range(repeat):
                    for kind, path in pages.items():
                        for name, side, empty in variants:
                            root = ours if side == "ours" else bare
                            if (root / path).is_file():
                                runs[kind][name].append(_load(browser, servers[side].url + path, empty, settle_ms))
            finally:
                browser.close()
    finally:
        for server in servers.values():
            server.stop()
    out = {}
    for kind, by_variant in runs.items():
        out[kind] = {"page": pages[kind], **{name: ({k: round(statistics.median(r[k] for r in loads), 1) for k in METRICS}
                                                 if loads else None) for name, loads in by_variant.items()}}
        o, w, b = (out[kind][n] for n in ("ours", "ours_without_course_js", "bare"))
        say(f"    {kind:12} main thread ours {o['task_ms']:.0f} ms (scripts {o['script_ms']:.0f}), "
            f"without the course's scripts {w['task_ms']:.0f} ms, bare {b['task_ms'] if b else float('nan'):.0f} ms")
    return out
