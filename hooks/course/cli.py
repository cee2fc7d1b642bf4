"""Command line: `course check [ROOT]` validates the course without building the site; `course lint [PATH...]`
checks the item-writing rules (see course/lint/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CourseError
from .load import load_course
from .markers import check_pages


def check(root: Path) -> int:
    try:
        course = load_course(root)
    except CourseError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = check_pages(course, root / "docs", root)
    for p in problems:
        print(("warning: " if p.warning else "error: ") + str(p), file=sys.stderr)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    print(f"{len(course.quizzes)} quizzes ({questions} questions), {len(course.cases)} cases, "
          f"{len(course.references)} references, {len(course.glossary)} abbreviations: "
          f"{'problems found' if problems else 'all valid'}")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="course", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate quizzes, cases, references and markers")
    p.add_argument("root", nargs="?", default=".", type=Path, help="project root (default: .)")
    p = sub.add_parser("lint", help="check the item-writing rules (docs/authoring/lint.md)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="report only findings in these files or folders")
    p.add_argument("--root", default=".", type=Path, help="project root (default: .)")
    p.add_argument("--rules", action="store_true", help="list the rules and exit")
    args = parser.parse_args(argv)
    if args.command == "lint":
        from .lint.command import run  # imported here so that `course check` and the build never load the linter
        return run(args.root, args.paths, args.rules)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
