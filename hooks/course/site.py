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
from .markers import check_pages, check_tool_texts
from .words import REFERENCE, words_for
from .model import Course
from .pages import Generation, generate, generated_paths


@dataclass
class Prepared:
    course: Course
    warnings: list[ContentError]
    generation: Generation


def prepare(root: Path, docs_dir: Path | None = None, *, pages: str = "write", force: bool = False,
            language: str | None = None) -> Prepared:
    """Load and check the course at root. pages="write" writes the generated pages, "check" only compares
    them with what would be written (each difference is an error), "ignore" leaves them alone. `language` is
    theme.language (read from mkdocs.yml when not given): the interface's words of the generated files."""
    layout = Layout(Path(root).resolve(), Path(docs_dir).resolve() if docs_dir else None)
    course = course_at(layout.root, layout.docs)
    language = language or theme_language(layout.root)
    generation = Generation() if pages == "ignore" else generate(course, layout, check=pages == "check", force=force,
                                                                 language=language)
    problems = generation.problems + check_pages(course, layout.docs, layout.root, skip=generated_paths(course, layout))
    problems += check_tool_texts(course) + list(words_for(language).problems)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise CourseError(errors)
    return Prepared(course, [p for p in problems if p.warning], generation)


def theme_language(root: Path) -> str:
    """theme.language of the mkdocs.yml at root (Zensical reads the same file), or English. The file may hold
    tags for MkDocs (!ENV, !!python/name), which a safe reader ignores here: only the theme's language is read."""
    import yaml

    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, yaml.YAMLError):
        return REFERENCE
    theme = config.get("theme") if isinstance(config, dict) else None
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) and language else REFERENCE
