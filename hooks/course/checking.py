"""`course check [PATH...]`: the whole course, or only what the named files hold.

Ids, references and markers are resolved across the whole course either way, so checking one quiz
still catches a duplicate id in another file; only the messages are limited to the files named.
"""

from __future__ import annotations

from pathlib import Path

from .errors import CourseError
from .load import Layout, load_course
from .markers import check_pages
from .pages import generated_paths

COURSE_FILES = "quizzes/*.yml, cases/*.yml, docs/**/*.md, references.yml, references/*.yml, glossary.yml, tags.yml"


class NotACourse(Exception):
    """A folder or file that is not part of a course: said plainly, rather than 'all valid' about nothing."""


def is_course(folder: Path) -> bool:
    return folder.is_dir() and (folder / "docs").is_dir() and any(
        (folder / name).exists() for name in ("mkdocs.yml", "quizzes", "cases"))


def find_root(path: Path) -> Path:
    """The course a file or folder belongs to: the nearest folder, itself or above, that is a course."""
    path = path.resolve()
    if not path.exists():
        raise NotACourse(f"{path}: no such file or folder")
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if is_course(folder):
            return folder
    where = path if path.is_dir() else path.parent
    raise NotACourse(f"{where} is not a course (no docs/ beside a mkdocs.yml, quizzes/ or cases/ here or above): "
                     "run course check in the course's folder, or name it: course check path/to/course")


def run(paths: list[Path], out, err) -> int:
    """Print problems to err and a summary to out; 0 when what was checked is valid."""
    try:
        targets = [Path(p) for p in paths] or [Path.cwd()]
        roots = {find_root(t) for t in targets}
        if len(roots) > 1:
            raise NotACourse("the paths belong to different courses: check one course at a time")
    except NotACourse as exc:
        print(f"error: {exc}", file=err)
        return 2
    root = roots.pop()
    files = set()
    for t in (t.resolve() for t in targets):
        if t == root:
            continue
        inside = [f for f in t.rglob("*") if f.suffix in (".yml", ".yaml", ".md")] if t.is_dir() else [t]
        files |= {f.relative_to(root).as_posix() for f in inside}
    if any(t.resolve() != root for t in targets) and not files:
        print(f"error: no course files under {', '.join(map(str, targets))} ({COURSE_FILES})", file=err)
        return 2
    docs_named = {f for f in files if f.startswith("docs/")}
    try:
        course = load_course(root)
    except CourseError as exc:
        errors = [e for e in exc.errors if not files or e.file in files]
        for e in errors:
            print(f"error: {e}", file=err)
        _summary(out, files, len(errors), len(exc.errors) - len(errors))
        return 1 if errors else 0
    unknown = sorted(files - _sources(course) - docs_named)
    if unknown:
        print(f"error: {unknown[0]} is not one of the course's files ({COURSE_FILES})", file=err)
        return 2
    problems = check_pages(course, root / "docs", root, skip=generated_paths(course, Layout(root)))
    shown = [p for p in problems if not files or p.file in files]
    for p in shown:
        print(("warning: " if p.warning else "error: ") + str(p), file=err)
    if files:
        _summary(out, files, len(shown), len(problems) - len(shown))
    else:
        questions = sum(len(q.questions) for q in course.quizzes.values())
        print(f"{len(course.quizzes)} quizzes ({questions} questions), {len(course.cases)} cases, "
              f"{len(course.references)} references, {len(course.glossary)} abbreviations: "
              f"{'problems found' if shown else 'all valid'}", file=out)
    return 1 if shown else 0


def _sources(course) -> set[str]:
    found = {q.source for q in course.quizzes.values()} | {c.source for c in course.cases.values()}
    found |= {r.source for r in course.references.values()} | {m.source for m in course.modules.values()}
    return found | {"glossary.yml", "tags.yml"}


def _summary(out, files, shown: int, elsewhere: int):
    names = ", ".join(sorted(files)) or "the course"
    verdict = f"{shown} problem(s)" if shown else "valid"
    tail = f" ({elsewhere} more elsewhere in the course: run course check to see them)" if elsewhere else ""
    print(f"{names}: {verdict}{tail}", file=out)
