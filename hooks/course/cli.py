"""Command line: `course check [ROOT]` validates the course without building the site; `course generate [ROOT]`
writes the generated pages (quiz and case pages, indexes, schemas, assets) into docs/ for either engine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CourseError
from .site import prepare


def check(root: Path) -> int:
    try:
        prepared = prepare(root, pages="ignore")
    except CourseError as exc:
        print(exc, file=sys.stderr)
        return 1
    course, problems = prepared.course, prepared.warnings
    for p in problems:
        print(("warning: " if p.warning else "error: ") + str(p), file=sys.stderr)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    print(f"{len(course.quizzes)} quizzes ({questions} questions), {len(course.cases)} cases, "
          f"{len(course.references)} references, {len(course.glossary)} abbreviations: "
          f"{'problems found' if problems else 'all valid'}")
    return 1 if problems else 0


def generate(root: Path, check_only: bool, force: bool, strict: bool) -> int:
    """Write (or compare) the generated pages after checking the course; warnings fail it with --strict."""
    try:
        prepared = prepare(root, pages="check" if check_only else "write", force=force)
    except CourseError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in prepared.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    done = prepared.generation
    if check_only:
        print("generated pages: all current")
    else:
        print(f"generated pages: {len(done.written)} written, {len(done.removed)} removed, the rest current")
    return 1 if strict and prepared.warnings else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="course", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate quizzes, cases, references and markers")
    p.add_argument("root", nargs="?", default=".", type=Path, help="project root (default: .)")
    g = sub.add_parser("generate", help="write the generated pages into docs/ (make build runs it)")
    g.add_argument("root", nargs="?", default=".", type=Path, help="project root (default: .)")
    g.add_argument("--check", action="store_true", help="write nothing; fail if any generated file differs")
    g.add_argument("--force", action="store_true", help="overwrite generated files even if changed by hand")
    g.add_argument("--strict", action="store_true", help="fail on warnings too (as a strict build does)")
    args = parser.parse_args(argv)
    if args.command == "generate":
        return generate(args.root, args.check, args.force, args.strict)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
