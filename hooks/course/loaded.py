"""The course as loaded for the files as they are now: loaded and validated once per change to them.

Both engines make a fresh Markdown instance, and so a fresh extension, for every page, and Zensical has no
build hook to load anything once. So the loaded course is kept here, at module level, keyed by the
fingerprints (path, size, modification time) of the files it was read from: each page asks again, and only
a page rendered after a file changed pays for loading it (and load.py re-reads only the changed files).
A course that fails to load is kept too, so every page re-raises the same errors without re-reading.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseError
from .load import Layout, load_course
from .model import Course

_LOCK = threading.Lock()
_CACHE: dict[tuple[Path, Path], "_Entry"] = {}


@dataclass(frozen=True)
class _Entry:
    fingerprint: tuple
    course: Course | None
    error: CourseError | None


def content_files(layout: Layout) -> list[Path]:
    """Every file the course is read from, except the teaching pages that modules list (see listed_pages)."""
    files = [p for p in (layout.references, layout.glossary, layout.tags) if p.is_file()]
    for folder in (layout.quizzes, layout.cases, layout.references_dir):
        if folder.is_dir():
            files += sorted(folder.glob("*.y*ml"))
    if layout.modules.is_dir():
        files += sorted(layout.modules.rglob("*.md"))
    return files


def listed_pages(layout: Layout, course: Course | None) -> list[Path]:
    """The teaching pages the modules list: their words make the reading times."""
    return [layout.docs / p.path for m in course.modules.values() for p in m.pages] if course else []


def fingerprint(paths) -> tuple:
    out = []
    for path in sorted(set(paths)):
        try:
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append((str(path), None, None))
    return tuple(out)


def course_at(root: Path, docs_dir: Path | None = None) -> Course:
    """The course at root as its files are now; raises the CourseError of its content, if any."""
    layout = Layout(Path(root).resolve(), Path(docs_dir).resolve() if docs_dir else None)
    key = (layout.root, layout.docs)
    with _LOCK:
        entry = _CACHE.get(key)
        now = fingerprint(content_files(layout))
        if entry is None or (now, fingerprint(listed_pages(layout, entry.course))) != entry.fingerprint:
            try:  # `now` was taken before reading: a file saved during the load is seen as changed next time
                course, error = load_course(layout.root, layout.docs), None
            except CourseError as exc:
                course, error = None, exc
            entry = _Entry((now, fingerprint(listed_pages(layout, course))), course, error)
            _CACHE[key] = entry
    if entry.error is not None:
        raise entry.error
    return entry.course
