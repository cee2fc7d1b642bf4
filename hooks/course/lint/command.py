"""`course lint [PATH...]`: lint the whole course, report findings (or only those in the named files),
then the silenced ones with their reasons; exit 1 when any finding is an error.

The whole course is always loaded and linted, because bank rules and similarity need all of it;
PATH only filters what is reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CourseError
from ..load import load_course
from . import RULES, lint_course
from .registry import Finding


def rule_list() -> str:
    width = max(len(r.id) for r in RULES.values())
    return "\n".join(f"{r.id:<{width}}  {r.level:<4}  {r.summary}" for r in RULES.values())


def _wanted(root: Path, paths: list[str]) -> tuple[list[str] | None, str | None]:
    """(the named paths relative to root, or None for everything; an error message)."""
    if not paths:
        return None, None
    base = root.resolve()
    out = []
    for raw in paths:
        # as typed from the current folder when that is inside the course, else relative to the course root
        candidates = [p.resolve() for p in (Path(raw), root / raw) if p.exists()]
        inside = [p for p in candidates if p.is_relative_to(base)]
        if not candidates:
            return None, f"no such file or folder: {raw}"
        if not inside:
            return None, f"{raw} is not inside the course at {root}"
        rel = inside[0].relative_to(base).as_posix()
        out.append("" if rel == "." else rel)
    return out, None


def _inside(file: str, wanted: list[str]) -> bool:
    return any(w == "" or file == w or file.startswith(w.rstrip("/") + "/") for w in wanted)


def report(findings: list[Finding], course, paths: list[str] | None = None, out=None) -> None:
    out = out or sys.stdout
    active = [f for f in findings if not f.silenced]
    silenced = [f for f in findings if f.silenced]
    for f in active:
        print(("warning: " if f.warning else "error: ") + str(f), file=out)
    if silenced:
        print(f"silenced ({len(silenced)}):", file=out)
        for f in silenced:
            print(f"  {f}: why: {f.why}", file=out)
    errors = sum(f.error for f in findings)
    warnings = sum(f.warning and not f.silenced for f in findings)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    decisions = sum(1 for _ in course.decisions())
    verdict = f"{errors} error(s), {warnings} warning(s), {len(silenced)} silenced" if findings else "no problems"
    where = f" (reporting only {', '.join(p or '.' for p in paths)})" if paths is not None else ""
    counted = f"{questions} questions, {decisions} decisions, {len(course.cases)} cases"
    print(f"course lint: {counted}{where}: {verdict}", file=out)


def edited(root: Path, course, wanted: list[str] | None) -> dict[str, float]:
    """How recently each quiz and case file was worked on: its modification time, and above all of them a file
    named on the command line, the one the author is working on (see CourseView.filed_against)."""
    out = {}
    for source in {x.source for x in (*course.quizzes.values(), *course.cases.values())}:
        path = root / source
        out[source] = path.stat().st_mtime if path.exists() else 0.0
        if wanted is not None and _inside(source, wanted) and not all(w == "" for w in wanted):
            out[source] += 1e12
    return out


def run(root: Path, paths: list[str], list_rules: bool = False) -> int:
    if list_rules:
        print(rule_list())
        return 0
    wanted, problem = _wanted(root, paths)
    if problem:
        print(f"course lint: {problem}", file=sys.stderr)
        return 2
    try:
        course = load_course(root)
    except CourseError as exc:
        print(exc, file=sys.stderr)
        print("course lint: fix these first (course check lists them too)", file=sys.stderr)
        return 1
    findings = lint_course(course, edited(root, course, wanted))
    if wanted is not None:
        findings = [f for f in findings if any(_inside(file, wanted) for file in f.files)]
    report(findings, course, wanted)
    return 1 if any(f.error for f in findings) else 0
