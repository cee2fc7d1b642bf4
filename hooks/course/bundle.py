"""Assemble the shipped course.js from the small files in assets/js/.

ES modules do not load over file://, and the course must work opened from disk, so the browser gets
one classic script: the files below, in this order, inside one function scope (nothing leaks into
the page's globals). There is no other build step: edit a file in assets/js/, then run

    make js                         (or: python3 hooks/course/bundle.py)

and commit both. `python3 hooks/course/bundle.py --check` (and a test) fails when course.js is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
SOURCES = ASSETS / "js"
SHIPPED = ASSETS / "course.js"

# Order matters: helpers first, each part only uses what comes before it, init.js starts everything.
PARTS = ("dom.js", "store.js", "question.js", "quiz.js", "case.js", "progress.js", "init.js")

HEAD = ("/* Quizzes, cases and the progress page, on the HTML of hooks/course/render.py.\n"
        "   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */\n"
        "(() => {\n")
TAIL = "})();\n"


def bundle() -> str:
    """The text course.js must have: HEAD, every part in PARTS order, TAIL."""
    parts = [(SOURCES / name).read_text(encoding="utf-8").strip("\n") + "\n" for name in PARTS]
    return HEAD + "\n".join(parts) + TAIL


def main(argv: list[str]) -> int:
    expected = bundle()
    if "--check" in argv:
        if SHIPPED.read_text(encoding="utf-8") != expected:
            print(f"{SHIPPED} is out of date with {SOURCES}: run `make js` and commit it", file=sys.stderr)
            return 1
        return 0
    SHIPPED.write_text(expected, encoding="utf-8")
    print(f"wrote {SHIPPED.name} from {len(PARTS)} files in {SOURCES.relative_to(ASSETS.parent.parent)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
