"""Which page a Markdown instance is converting, under either engine.

Neither engine tells a Markdown extension which page it renders; each leaves it in its own internals, so this
is the one place that reads them (each read has a test under its engine, tests/test_page_context.py):
- MkDocs 1.6 registers its `relpath` treeprocessor (`_RelativePathTreeprocessor`) on the page's Markdown
  instance before converting; it holds the page's `File` and the config.
- Zensical registers a `rendering_context` preprocessor (`zensical.extensions.context.ContextPreprocessor`)
  holding a `Page` (path relative to docs, url) and the config (`root_dir`, `docs_dir`).
Plain Python-Markdown (the unit tests) has neither: the page is then unknown and links stay relative to the root.

`announce_anchors` is the one write into an engine: MkDocs learns a page's anchors (to check links to them)
from its `mkdocs_raw_html` preprocessor, which does not see HTML an extension stashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageContext:
    src_path: str | None  # relative to docs/, with forward slashes: "modules/icu.md"
    url: str  # relative to the site root: "modules/icu.html"
    docs_dir: Path | None = None
    config_dir: Path | None = None  # the folder of mkdocs.yml
    engine: str | None = None  # "mkdocs", "zensical", or None outside either


UNKNOWN = PageContext(None, "")


def current_page(md) -> PageContext:
    """The page `md` is converting, as far as the engine running it tells."""
    if "relpath" in md.treeprocessors:  # MkDocs
        relpath = md.treeprocessors["relpath"]
        file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        if file is not None:
            config_file = getattr(config, "config_file_path", None) if config is not None else None
            docs = getattr(config, "docs_dir", None) if config is not None else None
            return PageContext(file.src_uri, file.url, Path(docs) if docs else None,
                               Path(config_file).parent if config_file else None, "mkdocs")
    if "rendering_context" in md.preprocessors:  # Zensical
        context = md.preprocessors["rendering_context"]
        page, config = getattr(context, "page", None), getattr(context, "config", None) or {}
        if page is not None:
            root = Path(config["root_dir"]) if config.get("root_dir") else None
            docs = Path(config["docs_dir"]) if config.get("docs_dir") else None
            if docs is not None and root is not None and not docs.is_absolute():
                docs = root / docs
            return PageContext(str(page.path).replace("\\", "/"), str(page.url), docs, root, "zensical")
    return UNKNOWN


def announce_anchors(md, ids: set[str]) -> None:
    """Tell MkDocs' link check about element ids in HTML the extension stashed (Zensical checks the output)."""
    if "mkdocs_raw_html" in md.preprocessors:
        found = getattr(md.preprocessors["mkdocs_raw_html"], "present_anchor_ids", None)
        if isinstance(found, set):
            found |= ids
