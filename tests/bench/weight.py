"""Page weight: for each kind of page, its HTML and the JS + CSS it loads, gzipped, ours beside bare.

A page's JS + CSS is every local script and stylesheet its HTML links (Material's bundles, the search
shim, site.css and, on ours, course.js and course.css), each counted once a page, gzipped as a server
would send it. Inline scripts and styles are part of the HTML.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

ASSET_BUDGET = 6 * 1024  # course.js + course.css, gzipped
TOOL_BUDGET = 4 * 1024  # any other file of the course's own assets, gzipped
_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.I)
_ELEMENT = re.compile(r"<[a-zA-Z]")
_CONTROL = re.compile(r"<(?:input|button|select|textarea)\b", re.I)
_STYLE = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\"[^>]*\brel=\"stylesheet\"", re.I)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_types(course) -> dict[str, list[str]]:
    """Site paths of every page of each kind, from the model (so they hold for any content)."""
    html = lambda md: md[:-3] + ".html"
    modules = list(course.modules.values())
    return {
        "start": ["index.html"],
        "module hub": [f"modules/{m.id}.html" for m in modules],
        "module page": [html(p.path) for m in modules for p in m.pages],
        "quiz": [f"quizzes/{q}.html" for q in course.quizzes],
        "case": [f"cases/{c}.html" for c in course.cases],
        "progress": ["progress.html"],
    }


def page_weight(site: Path, path: str) -> dict:
    """HTML bytes (raw and gzipped), the gzipped bytes of the local JS and CSS the page links, and what makes
    a page slow to lay out whatever the machine: its elements, abbreviation tooltips and form controls."""
    html = (site / path).read_bytes()
    text = html.decode("utf-8", "replace")
    links = [m for m in _SCRIPT.findall(text)] + [a or b for a, b in _STYLE.findall(text)]
    js_css, files = 0, []
    for link in dict.fromkeys(links):
        if "://" in link or link.startswith("//"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link.split("#")[0].split("?")[0]))
        if (site / target).is_file():
            js_css += gz((site / target).read_bytes())
            files.append(target)
    return {"html": len(html), "html_gz": gz(html), "js_css_gz": js_css, "files": files,
            "elements": len(_ELEMENT.findall(text)), "abbr": text.count("<abbr"), "controls": len(_CONTROL.findall(text))}


def weights(ours: Path, bare: Path, course) -> dict:
    """For each kind of page: its heaviest page (by HTML) on ours, beside the same page on bare."""
    out = {}
    for kind, paths in page_types(course).items():
        paths = [p for p in paths if (ours / p).is_file()]
        if not paths:
            continue
        heaviest = max(paths, key=lambda p: (ours / p).stat().st_size)
        out[kind] = {"page": heaviest, "pages": len(paths), "ours": page_weight(ours, heaviest),
                     "bare": page_weight(bare, heaviest) if (bare / heaviest).is_file() else None}
    return out


def assets(folder: Path, site_assets: Path | None = None) -> dict:
    """Every shipped file of the course's own assets with its size, gzipped size and budget: the core
    (course.js, course.css, in hooks/course/assets) and the parts and reading aids in docs/assets that
    site.js loads where a page needs them. The sources in assets/js/ are concatenated, not shipped."""
    out = {}
    files = [(p.relative_to(folder).as_posix(), p) for p in sorted(folder.rglob("*"))
             if p.is_file() and "js" not in p.relative_to(folder).parts[:-1] and p.name != "README.md"]
    if site_assets and site_assets.is_dir():
        files += [(f"docs/assets/{p.name}", p) for p in sorted(site_assets.glob("*.*")) if p.suffix in (".js", ".css")]
    for name, path in files:
        data = path.read_bytes()
        out[name] = {"bytes": len(data), "gz": gz(data), "budget": None if name in ("course.js", "course.css") else TOOL_BUDGET}
    core = sum(out[n]["gz"] for n in ("course.js", "course.css") if n in out)
    return {"files": out, "course_js_css_gz": core, "budget": ASSET_BUDGET}


def pages_with_code(site: Path) -> tuple[int, int]:
    """(pages loading course.js, all pages): the code is loaded only where needed."""
    pages = list(site.rglob("*.html"))
    return sum("assets/course/course.js" in p.read_text(encoding="utf-8") for p in pages), len(pages)
