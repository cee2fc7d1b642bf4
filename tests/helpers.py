"""Shared helpers of the content tests: temp copies of the sample course, loading, building, reading HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from course import CourseError, check_pages, load_course
from course.load import Layout
from course.pages import generated_paths

REPO = Path(__file__).resolve().parent.parent
HOOKS = REPO / "hooks"
FIXTURE = REPO / "tests" / "fixtures" / "course"
INVALID = REPO / "tests" / "fixtures" / "invalid"


GENERATED = ("docs/quizzes", "docs/cases", "docs/schemas", "docs/assets/course", "docs/exam.md", "docs/review.md",
             ".course-generated.json")


def _skip_generated(source: Path):
    """shutil.copytree ignore function: the built site and whatever `course generate` wrote."""
    def ignore(folder, names):
        rel = Path(folder).relative_to(source)
        return {n for n in names if n == "site" or (rel / n).as_posix() in GENERATED}
    return ignore


def copy_course(tmp_path: Path, source: Path = FIXTURE) -> Path:
    """A private copy of the sample course whose mkdocs.yml still finds the hook and the theme override (paths
    relative to the repository), so it can be edited and built. Generated pages are not copied."""
    root = tmp_path / "course"
    shutil.copytree(source, root, ignore=_skip_generated(source))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    relative = "../../../hooks/course_hook.py"
    assert relative in text, "the sample mkdocs.yml no longer names the hook as expected: update copy_course"
    config.write_text(text.replace("../../../", REPO.as_posix() + "/"), encoding="utf-8")
    return root


REAL_COURSE = ("docs", "quizzes", "cases", "references", "hooks", "overrides", "mkdocs.yml", "references.yml",
               "glossary.yml", "tags.yml")


def copy_real_course(tmp_path: Path) -> Path:
    """A private copy of the real course (its content and the code it builds with), without generated files."""
    root = tmp_path / "real"
    root.mkdir()
    for name in REAL_COURSE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=lambda folder, names: _skip_generated(REPO)(folder, names)
                            | {n for n in names if n in ("__pycache__",) or n.endswith(".egg-info")})
        elif source.is_file():
            shutil.copy2(source, root / name)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must occur exactly once, so a drifting fixture breaks the test loudly, not silently."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"expected exactly one {old!r} in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems(root: Path) -> list[str]:
    """Every load error of the course at root, as the author reads it; fails if the course loads cleanly."""
    try:
        load_course(root)
    except CourseError as exc:
        return [str(e) for e in exc.errors]
    raise AssertionError(f"expected {root} to be rejected, but it loaded cleanly")


def page_problems(root: Path) -> list[tuple[str, bool]]:
    """(message, is_warning) for every marker problem of a course that loads."""
    course = load_course(root)
    skip = generated_paths(course, Layout(root))
    return [(str(p), p.warning) for p in check_pages(course, root / "docs", root, skip=skip)]


def mkdocs_build(root: Path, site_dir: Path, strict: bool = True, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run `mkdocs build` the way an author or CI does, in a separate process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


# -- HTML ---------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Node"]:
        return [
            n for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def by_id(self, element_id: str) -> "Node":
        found = self.find_all(id=element_id)
        assert len(found) == 1, f"expected one element with id {element_id!r}, found {len(found)}"
        return found[0]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: ("" if v is None else v) for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: ("" if v is None else v) for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:  # a stray end tag is ignored, as browsers do
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, list[tuple[str, dict]]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.setdefault(attrs["id"], []).append((tag, attrs))


def element_ids(html: str) -> dict[str, list[tuple[str, dict]]]:
    """id -> [(tag, attributes)] for every element with an id; a list, so duplicate ids show up."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids


def tab_until(page, js_test, limit=120):
    """Press Tab until document.activeElement passes js_test (an arrow function on the element)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(({js_test}))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {js_test}")


def search(page, engine: str, term: str, tries: int = 20) -> list[tuple[str, str]]:
    """Type term into the site's search as a student would; (address relative to the site, title) of each result,
    best first. Material's box is in the header; Zensical's opens from a button into a dialog of its own."""
    if engine == "zensical":
        page.locator(".md-search__button").click()
        box = page.locator("dialog input[role=combobox]")
        results = page.locator("dialog ol[role=listbox] a[role=option]")
        title = "h2"
    else:
        box = page.locator("input.md-search__input")
        box.click()
        results = page.locator(".md-search-result__item > a.md-search-result__link")
        title = "h1, h2"
    for _ in range(tries):  # the search worker starts a moment after the page; a student would simply type again
        box.fill("")
        box.press_sequentially(term, delay=20)
        try:
            results.first.wait_for(timeout=1_000)
            break
        except Exception:
            continue
    base = page.url.rsplit("/", 1)[0] + "/"
    found = []
    for link in results.all():
        href = (link.get_attribute("href") or "").split("?")[0].split("#")[0]
        found.append((href[len(base):] if href.startswith(base) else href, link.locator(title).first.inner_text()))
    return found


EXPORT_QUIZ = "quizzes/crisis-sample.yml"
EXPORT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>'


def export_course(tmp_path: Path) -> Path:
    """The sample course with an image on a question and Markdown in an option, for the export tests to
    follow both through every format."""
    root = copy_course(tmp_path)
    (root / "docs/images").mkdir()
    (root / "docs/images/pupils.svg").write_bytes(EXPORT_SVG)
    edit(root / EXPORT_QUIZ, "    explanation: Weakness is nicotinic.",
         "    image: {src: images/pupils.svg, alt: Small pupils}\n    explanation: Weakness is nicotinic.")
    edit(root / EXPORT_QUIZ, "{text: Miosis, correct: true,", "{text: '*Miosis*', correct: true,")
    return root
