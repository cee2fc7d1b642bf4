"""Command line: `course check [PATH...]` validates the course without building the site; `course lint [PATH...]`
checks the item-writing rules (see course/lint/); `course generate` writes the generated pages (quiz and case
pages, indexes, schemas, assets) into docs/ for either engine; `course export` writes LMS, Anki and answer-key
files; `course new` writes a skeleton to start from."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import checking
from .errors import CourseError
from .load import load_course
from .site import prepare


def check(paths: list[Path]) -> int:
    return checking.run(paths, sys.stdout, sys.stderr)


def export(args) -> int:
    from .export import DEFAULT, ExportError
    from .export import export as write

    root = args.root
    if not checking.is_course(root):
        print(f"error: {root.resolve()} is not a course: run course export in the course's folder, or give --root", file=sys.stderr)
        return 2
    try:
        course = load_course(root)
        formats = args.format or list(DEFAULT)
        written = write(course, root / "docs", args.out, formats=formats, quiz=args.quiz, module=args.module, tag=args.tag,
                        title=_site_name(root), case=args.case)
    except (CourseError, ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def new(args) -> int:
    from .scaffold import ScaffoldError, new as scaffold

    if not checking.is_course(args.root):
        print(f"error: {args.root.resolve()} is not a course: run course new in the course's folder, or give --root", file=sys.stderr)
        return 2
    try:
        steps = scaffold(args.kind, args.name, args.root, module=args.module, title=args.title)
    except (CourseError, ScaffoldError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(steps))
    return 0


def _site_name(root: Path) -> str:
    """The course's name as mkdocs.yml gives it (read as text: the file holds MkDocs-only YAML tags)."""
    config = root / "mkdocs.yml"
    found = re.search(r"^site_name:\s*(.+?)\s*$", config.read_text(encoding="utf-8"), re.M) if config.exists() else None
    return found.group(1).strip("\"'") if found else root.resolve().name


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
    p = sub.add_parser("check", help="validate quizzes, cases, references and markers (the whole course, or the files named)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="a course folder (default: the course you are in), or files of it: only their problems are shown")

    e = sub.add_parser("export", help="write Moodle XML, QTI 1.2 (Canvas) and 2.1 (Blackboard) packages, an Anki deck and answer keys")
    e.add_argument("--format", action="append", choices=["moodle", "canvas", "qti", "anki", "key-html", "key-pdf", "key"],
                   help="what to write (repeatable; default: moodle, canvas, qti, anki and key-html). canvas: QTI 1.2 for "
                        "Canvas; qti: QTI 2.1 for Blackboard. key-pdf: the answer key as PDF "
                        "(needs Playwright, which make test installs); key: the key in HTML and PDF")
    e.add_argument("--quiz", action="append", default=[], metavar="ID", help="only this quiz (repeatable); leaves cases out")
    e.add_argument("--case", action="append", default=[], metavar="ID", help="only this case (repeatable); leaves quizzes out")
    e.add_argument("--module", action="append", default=[], metavar="ID", help="only this module's quizzes and cases (repeatable)")
    e.add_argument("--tag", action="append", default=[], metavar="TAG", help="only questions with this tag (repeatable: any of them)")
    e.add_argument("--out", type=Path, default=Path("exports"), help="folder to write into (default: exports)")
    e.add_argument("--root", type=Path, default=Path("."), help="the course folder (default: .)")

    n = sub.add_parser("new", help="write a valid skeleton quiz, case or module to start from")
    n.add_argument("kind", choices=["quiz", "case", "module"])
    n.add_argument("name", help="its id, for example gbs-breathing (also the file name)")
    n.add_argument("--module", help="the module a quiz or case belongs to (default: the first module)")
    n.add_argument("--title", help="its title (default: made from the name)")
    n.add_argument("--root", type=Path, default=Path("."), help="the course folder (default: .)")

    g = sub.add_parser("generate", help="write the generated pages into docs/ (make build runs it)")
    g.add_argument("root", nargs="?", default=".", type=Path, help="project root (default: .)")
    g.add_argument("--check", action="store_true", help="write nothing; fail if any generated file differs")
    g.add_argument("--force", action="store_true", help="overwrite generated files even if changed by hand")
    g.add_argument("--strict", action="store_true", help="fail on warnings too (as a strict build does)")

    p = sub.add_parser("lint", help="check the item-writing rules (docs/authoring/lint.md)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="report only findings in these files or folders")
    p.add_argument("--root", default=".", type=Path, help="project root (default: .)")
    p.add_argument("--rules", action="store_true", help="list the rules and exit")

    args = parser.parse_args(argv)
    if args.command == "lint":
        from .lint.command import run  # imported here so that `course check` and the build never load the linter
        return run(args.root, args.paths, args.rules)
    if args.command == "generate":
        return generate(args.root, args.check, args.force, args.strict)
    if args.command == "export":
        return export(args)
    if args.command == "new":
        return new(args)
    return check(args.paths)


if __name__ == "__main__":
    sys.exit(main())
