"""A Python-Markdown extension that does all of the course's per-page work, under MkDocs or Zensical alike:
it checks the page's markers and reference links (raising the course's own error, with page and line), renders
the markers, marks abbreviations, adds the course script and style where a marker needs them, and fills in
the path from the page to the site root.

    markdown_extensions:
      - course.markdown_ext:
          root: .        # the project folder (quizzes/, cases/, references.yml); relative to mkdocs.yml

Both engines make a fresh Markdown instance, and so a fresh extension, per page: the course is loaded once
per change to its files (loaded.py) and rendered fragments are cached by content (render.py), both at module
level. The page being converted is learned from the engine in one place, page_context.py.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .abbreviations import mark_first_uses
from .errors import CourseError
from .load import Layout
from .loaded import course_at
from .markers import MARKERS, Marker, check_page, read_argument, scan
from .model import Course
from .navigation import reading_time
from .pages import generate
from .page_context import UNKNOWN, PageContext, announce_anchors, current_page
from .render import Renderer
from .urls import ROOT, case_source, quiz_source, root_prefix
from .words import words_for
from .yamlsource import split_front_matter

DEFAULT_EXTENSIONS = ["admonition", "attr_list", "def_list", "tables", "md_in_html", "pymdownx.superfences"]
ASSETS = ('<link rel="stylesheet" href="{root}assets/course/course.css">'
          '<script src="{root}assets/course/course.js"></script>')
_RENDERERS: dict[tuple, Renderer] = {}
_RENDERERS_LOCK = threading.Lock()


def renderer_for(course: Course, extensions: list[str], configs: dict, language: str = "en") -> Renderer:
    """One Renderer (and one inner Markdown converter) per loaded course, converter configuration and language."""
    key = (id(course), repr(extensions), repr(sorted(configs.items(), key=repr)), language)
    with _RENDERERS_LOCK:
        found = _RENDERERS.get(key)
        if found is None or found.course is not course:
            # no glossary here: abbreviations are marked once per section on the finished page (abbreviations.py)
            inner = markdown.Markdown(extensions=extensions, extension_configs=configs)
            lock = threading.Lock()  # one converter, and engines may render pages on several threads

            def convert(text: str) -> str:
                with lock:
                    inner.reset()
                    return inner.convert(text)

            found = Renderer(course, convert, converter_key=key[1:3], words=words_for(language))
            if len(_RENDERERS) > 8:
                _RENDERERS.clear()
            _RENDERERS[key] = found
        return found


class CourseExtension(Extension):
    def __init__(self, course: Course | None = None, **kwargs):
        self._course = course  # a course already loaded (tests); otherwise each page asks loaded.py
        self.config = {
            "root": [".", "The project folder holding quizzes/, cases/, references.yml and glossary.yml; "
                          "relative to the folder of mkdocs.yml - Default: '.'"],
            "docs_dir": ["", "The docs folder - Default: the engine's docs_dir, or ROOT/docs"],
            "extensions": [DEFAULT_EXTENSIONS, "Markdown extensions used for text inside quizzes and cases"],
            "extension_configs": [{}, "Their configuration - Default: {}"],
            "language": ["", "The language of the interface's words (hooks/course/strings/) - Default: the engine's "
                             "theme.language, else 'en'"],
        }
        super().__init__(**kwargs)

    # -- where the course is ---------------------------------------------------------------------

    def layout(self, page: PageContext) -> Layout:
        root = Path(self.getConfig("root") or ".")
        if not root.is_absolute():
            root = (page.config_dir or Path.cwd()) / root
        docs = self.getConfig("docs_dir")
        if docs:
            docs_dir = Path(docs) if Path(docs).is_absolute() else root / docs
        else:
            docs_dir = page.docs_dir or root / "docs"
        return Layout(root.resolve(), docs_dir.resolve())

    def course_for(self, page: PageContext = UNKNOWN) -> Course:
        if self._course is not None:
            return self._course
        layout = self.layout(page)
        return course_at(layout.root, layout.docs)

    @property
    def course(self) -> Course:
        return self.course_for()

    @property
    def renderer(self) -> Renderer:
        return self.renderer_for(self.course)

    def renderer_for(self, course: Course, language: str | None = None) -> Renderer:
        language = self.getConfig("language") or language or "en"
        return renderer_for(course, list(self.getConfig("extensions")), dict(self.getConfig("extension_configs")), language)

    def render_marker(self, kind: str, argument: str | None) -> str:
        """The HTML of one marker (raises ArgumentError when its argument does not fit)."""
        marker = Marker(kind, argument, 1)
        return MARKERS[kind].render(self.renderer, read_argument(self.course, marker))

    def extendMarkdown(self, md):
        md.registerExtension(self)
        page = _CoursePage(md, self)
        md.preprocessors.register(page, "course_markers", 25)  # before html_block (20)
        md.treeprocessors.register(_TreeDone(md, page), "course_tree_done", -100)  # after every other one
        md.postprocessors.register(_FinishPage(md, page), "course_finish", 5)  # after raw HTML is put back (30)


def _first_line(page: PageContext, layout: Layout, lines: list[str]) -> int:
    """The file line of lines[0]: the engines strip front matter (and blank lines after it) before converting."""
    if not page.src_path:
        return 1
    try:
        text = (layout.docs / page.src_path).read_text(encoding="utf-8")
    except OSError:
        return 1
    _, _, body = split_front_matter(text)
    skipped = len(text.splitlines()) - len(body.splitlines())
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return 1
    source = text.splitlines()
    for i in range(skipped, len(source)):
        if source[i].strip() == lines[first].strip():
            return i - first + 1
    return skipped + 1


class _CoursePage(Preprocessor):
    """Checks and renders the page's markers; leaves what the postprocessor needs on itself."""

    def __init__(self, md, extension: CourseExtension):
        super().__init__(md)
        self.extension = extension
        self.needs_script = False
        self.prefix = ""
        self.glossary: dict[str, str] = {}
        self.tree_done = False
        self.anchors: set[str] = set()  # ids in the stashed HTML

    def run(self, lines):
        self.tree_done = False
        self.anchors = set()
        page = current_page(self.md)
        layout = self.extension.layout(page)
        course = self.extension.course_for(page)
        if page.engine == "zensical":
            _generate_once(course, layout, page.language or "en")
        display = layout.display(layout.docs / page.src_path) if page.src_path else "<page>"
        found = check_page(course, lines, display, _first_line(page, layout, lines))
        errors = [p for p in found.problems if not p.warning]
        if errors:
            raise CourseError(errors)
        self.needs_script, self.prefix = found.needs_script, root_prefix(page.url)
        renderer = self.extension.renderer_for(course, page.language)
        out = list(lines)
        for index, marker in reversed(scan(lines)):
            spec = marker.spec
            value = read_argument(course, marker)
            html = spec.render(renderer, value)
            if spec.places in ("quiz", "case") and page.src_path != _own_page(spec.places, value):
                html = _outside_search(html)  # indexed once, on its own page
            # Stashed, so neither Markdown's HTML-block parser nor MkDocs' anchor scan re-reads a whole quiz
            # (that parsing was most of a page's time); MkDocs is told its ids after its scan (_TreeDone).
            out[index:index + 1] = ["", self.md.htmlStash.store(html), ""] if html else [""]
            self.anchors |= set(_ID.findall(html))
        minutes = _reading_minutes(course, page)
        if minutes is not None:
            points = next((i for i, line in enumerate(out) if _KEY_POINTS.match(line)), None)
            if points is not None:  # an anchor for the link at the top
                out[points:points] = [self.md.htmlStash.store('<span id="key-points"></span>'), ""]
                self.anchors.add("key-points")
            at = next((i + 1 for i, line in enumerate(out) if line.startswith("# ")), 0)
            out[at:at] = ["", self.md.htmlStash.store(reading_time(minutes, renderer.words, points is not None)), ""]
        self.glossary = course.glossary
        return out


_KEY_POINTS = re.compile(r'^!!! \w+ "Key points"\s*$')
_GENERATED: dict[Path, tuple[int, str]] = {}
_GENERATED_LOCK = threading.Lock()


def _generate_once(course: Course, layout: Layout, language: str) -> None:
    """Under Zensical, which has no build hook, write the generated pages once per loaded course, so that
    `zensical serve` picks up a quiz or case added, renamed or removed while it runs (its watcher then
    rebuilds with the new page). A problem (a generated page edited by hand) is left for `course generate`
    (which make runs first) to report; here it only means that page is not rewritten."""
    with _GENERATED_LOCK:
        if _GENERATED.get(layout.docs) == (id(course), language):
            return
        _GENERATED[layout.docs] = (id(course), language)
        generate(course, layout, language=language)


def _own_page(kind: str, item_id: str) -> str:
    return quiz_source(item_id) if kind == "quiz" else case_source(item_id)


_ID = re.compile(r'\sid="([^"]+)"')
_STAGE_HEADING = re.compile(r'<h3 id="(stage-[^"]+-title)">(.*?)</h3>')


def _outside_search(html: str) -> str:
    """Keep a quiz or case shown away from its own page out of the search index. The indexers of both engines
    start an (empty) entry at every heading with an id, even inside an excluded block, so the stage headings'
    ids move to a span inside them (aria-labelledby and course.js find the same ids and headings)."""
    end = html.index(">")
    html = html[:end] + " data-search-exclude" + html[end:]
    return _STAGE_HEADING.sub(r'<h3><span id="\1">\2</span></h3>', html)


def _reading_minutes(course: Course, page: PageContext) -> int | None:
    for module in course.modules.values():
        for p in module.pages:
            if p.path == page.src_path:
                return p.minutes
    return None


class _TreeDone(Treeprocessor):
    """Notes that the tree is finished: treeprocessors (toc, MkDocs' title) run the postprocessors on each
    heading's text, and the page's finishing work belongs to the whole page only."""

    def __init__(self, md, page: _CoursePage):
        super().__init__(md)
        self.page = page

    def run(self, root):
        self.page.tree_done = True
        announce_anchors(self.md, self.page.anchors)


class _FinishPage(Postprocessor):
    """Marks abbreviations, adds the course script and style where a marker needs them, and fills in the path
    to the site root."""

    def __init__(self, md, page: _CoursePage):
        super().__init__(md)
        self.page = page

    def run(self, text):
        if not self.page.tree_done:
            return text
        text = mark_first_uses(text, self.page.glossary)
        if self.page.needs_script:
            text += ASSETS.format(root=ROOT)
        return text.replace(ROOT, self.page.prefix)


def makeExtension(**kwargs):
    return CourseExtension(**kwargs)
