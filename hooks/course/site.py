"""What either engine needs before it renders: the course loaded and checked, the generated pages written.

The MkDocs hook calls `prepare` in on_config; `course generate` calls it for Zensical (whose build runs no
hook), so the two engines start from the same files and the same checks. Errors raise one CourseError;
warnings (a quiz shown on no page) are returned, for the caller to print and, in a strict build, fail on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, CourseError
from .load import Layout
from .loaded import course_at
from .markers import check_pages
from .model import Course
from .pages import Generation, generate, generated_paths


@dataclass
class Prepared:
    course: Course
    warnings: list[ContentError]
    generation: Generation


def prepare(root: Path, docs_dir: Path | None = None, *, pages: str = "write", force: bool = False) -> Prepared:
    """Load and check the course at root. pages="write" writes the generated pages, "check" only compares
    them with what would be written (each difference is an error), "ignore" leaves them alone."""
    layout = Layout(Path(root).resolve(), Path(docs_dir).resolve() if docs_dir else None)
    course = course_at(layout.root, layout.docs)
    generation = Generation() if pages == "ignore" else generate(course, layout, check=pages == "check", force=force)
    problems = generation.problems + check_pages(course, layout.docs, layout.root, skip=generated_paths(course, layout))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise CourseError(errors)
    return Prepared(course, [p for p in problems if p.warning], generation)
