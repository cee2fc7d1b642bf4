"""Assemble the shipped scripts from the small files in assets/js/ (see assets/js/README.md).

ES modules do not load over file://, and the course must work opened from disk, so the browser gets
classic scripts, each the concatenation of some of those files inside one function scope:

- course.js, the shared core (page helpers, saved progress, one question), shipped by the MkDocs hook;
  it publishes the names in SHARED as window.nmwCourse;
- the parts, in docs/assets/: quiz.js, case.js and records.js (the Progress page and the status on
  practice cards and indexes). Each takes the SHARED names from window.nmwCourse; docs/assets/site.js
  loads a part, after the core, only on pages that have what it enhances.

One list of names for both sides, so a part can only use what the core publishes. There is no other
build step: edit a file in assets/js/, then run `make js` (or python3 hooks/course/bundle.py) and commit
the results. `python3 hooks/course/bundle.py --check` (and a test) fails when a shipped file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
SOURCES = ASSETS / "js"
DOCS_ASSETS = ASSETS.parents[2] / "docs" / "assets"

SHARED = ("$", "$$", "make", "button", "confirmButton", "liveRegion", "enhance", "skipLink",
          "KEY", "OLD_KEY", "load", "save", "update", "parse", "attempt", "toReview", "quizScore", "scoreText",
          "optionId", "isRight", "sameSet", "shuffled", "setupQuestion", "parts")

CORE = ASSETS / "course.js"
# Order matters: each file uses only what comes before it (or, in a part, the SHARED names).
BUNDLES = {
    CORE: ("dom.js", "store.js", "question.js"),
    DOCS_ASSETS / "quiz.js": ("quiz.js",),
    DOCS_ASSETS / "case.js": ("case.js",),
    DOCS_ASSETS / "records.js": ("cards.js", "progress.js", "reading.js", "records.js"),
}
PURPOSE = {
    "course.js": "The course's shared core: page helpers, saved progress, one question. Parts: docs/assets/quiz.js, case.js, records.js.",
    "quiz.js": "Quizzes: saved answers, option order, score and results, printing. Needs course.js.",
    "case.js": "Unfolding cases: stages, branches, decisions and the ending reached. Needs course.js.",
    "records.js": "The Progress page, the student's status on practice cards and indexes, continue reading on module pages. Needs course.js.",
}
NOTICE = "/* {purpose}\n   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */\n"


def bundle(target: Path) -> str:
    """The text a shipped script must have: its parts in order, in one function scope."""
    body = "\n".join((SOURCES / name).read_text(encoding="utf-8").strip("\n") + "\n" for name in BUNDLES[target])
    names = ", ".join(SHARED)
    if target == CORE:
        head, tail = "(() => {\n", f"const parts = {{}};\nwindow.nmwCourse = window.nmwCourse || {{ {names} }};\n}})();\n"
    else:
        head, tail = f"(({{ {names} }}) => {{\n", "})(window.nmwCourse);\n"
    return NOTICE.format(purpose=PURPOSE[target.name]) + head + body + tail


def main(argv: list[str]) -> int:
    stale = [t for t in BUNDLES if not t.is_file() or t.read_text(encoding="utf-8") != bundle(t)]
    if "--check" in argv:
        for target in stale:
            print(f"{target} is out of date with {SOURCES}: run `make js` and commit it", file=sys.stderr)
        return 1 if stale else 0
    for target in stale:
        target.write_text(bundle(target), encoding="utf-8")
        print(f"wrote {target} from {', '.join(BUNDLES[target])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
