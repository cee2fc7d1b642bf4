"""Assemble the shipped scripts from the small files in assets/js/ (see assets/js/README.md).

ES modules do not load over file://, and the course must work opened from disk, so the browser gets
classic scripts, each the concatenation of some of those files inside one function scope:

- course.js, the shared core (page helpers, saved progress, one question), shipped by the MkDocs hook;
  it publishes the names in SHARED as window.nmwCourse;
- the study library, docs/assets/study.js: what quizzes, exam mode, the review and the Progress page share (the
  review's schedule, the confidence rating, times and dates, the question bank); it adds the STUDY names to
  window.nmwCourse;
- the parts, in docs/assets/: quiz.js, case.js, records.js (the status on practice cards and indexes),
  progress.js (the Progress page), exam.js and review.js. Each takes the SHARED and STUDY names from
  window.nmwCourse; docs/assets/site.js loads a part, after the core (and the library where it needs it), only on
  pages that have what it enhances;
- the tools, in docs/assets/, which stand alone (no core, their own copy of the few files they use):
  marks.js (completion marks in the navigation and the reviews due, on every page once progress is saved),
  calc.js (the bedside calculators) and chart.js (the breathing chart), for teaching pages without the core.

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

SHARED = ("$", "$$", "t", "make", "button", "confirmButton", "liveRegion", "enhance", "skipLink",
          "KEY", "OLD_KEY", "load", "save", "update", "parse", "today", "attempt", "toReview", "quizScore", "scoreText",
          "caseFinished", "quizFinished", "optionId", "isRight", "sameSet", "shuffled", "setupQuestion", "parts")
# What the study library (docs/assets/study.js) adds to window.nmwCourse for the parts that load it after the core.
STUDY = ("DAYS", "schedule", "isDue", "confidence", "duration", "moment", "dayText", "questionBank")

CORE = ASSETS / "course.js"
STUDY_LIBRARY = DOCS_ASSETS / "study.js"
# Order matters: each file uses only what comes before it (or, in a part, the SHARED and STUDY names).
BUNDLES = {
    CORE: ("helpers.js", "dom.js", "store.js", "question.js"),
    STUDY_LIBRARY: ("schedule.js", "confidence.js", "timing.js", "questionbank.js"),
    DOCS_ASSETS / "quiz.js": ("quiz.js",),
    DOCS_ASSETS / "case.js": ("case.js",),
    DOCS_ASSETS / "records.js": ("status.js", "cards.js", "reading.js", "records.js"),
    DOCS_ASSETS / "progress.js": ("status.js", "progress.js"),
    DOCS_ASSETS / "exam.js": ("exam.js",),
    DOCS_ASSETS / "exam-results.js": ("results.js",),
    DOCS_ASSETS / "review.js": ("review.js",),
    DOCS_ASSETS / "marks.js": ("helpers.js", "store.js", "schedule.js", "marks.js"),
    DOCS_ASSETS / "calc.js": ("helpers.js", "dom.js", "calc.js"),
    DOCS_ASSETS / "chart.js": ("helpers.js", "dom.js", "chart.js"),
}
STANDALONE = {DOCS_ASSETS / name for name in ("marks.js", "calc.js", "chart.js")}
PURPOSE = {
    "course.js": "The course's shared core: page helpers, saved progress, one question. Parts: docs/assets/quiz.js, case.js, records.js...",
    "study.js": "The study library: the review's schedule, the confidence rating, times and dates, the question bank. Needs course.js.",
    "quiz.js": "Quizzes: saved answers, option order, score and results, printing. Needs course.js.",
    "case.js": "Unfolding cases: stages, branches, decisions and the ending reached. Needs course.js.",
    "records.js": "The student's status on practice cards and indexes, continue reading on module pages. Needs course.js.",
    "progress.js": "The Progress page: the dashboard, misses by module, exams sat, export and import. Needs course.js.",
    "exam.js": "Exam mode: build and sit a mixed exam drawn from the question bank. Needs course.js and study.js.",
    "exam-results.js": "Exam mode's results, loaded by exam.js when they are shown. Needs course.js and study.js.",
    "review.js": "The spaced review: today's due questions, one at a time. Needs course.js.",
    "marks.js": "Completion marks in the navigation and the reviews due, on every page once progress is saved. Stands alone.",
    "calc.js": "The bedside calculators: EGRIS, mEGOS, the MRC sum score. Stands alone.",
    "chart.js": "The breathing chart: serial VC, MIP and MEP with the 20/30/40 lines. Stands alone.",
}
NOTICE = "/* {purpose}\n   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */\n"


def bundle(target: Path) -> str:
    """The text a shipped script must have: its parts in order, in one function scope."""
    body = "\n".join((SOURCES / name).read_text(encoding="utf-8").strip("\n") + "\n" for name in BUNDLES[target])
    names = ", ".join(SHARED)
    if target == CORE:
        head, tail = "(() => {\n", f"const parts = {{}};\nwindow.nmwCourse = window.nmwCourse || {{ {names} }};\n}})();\n"
    elif target == STUDY_LIBRARY:
        head, tail = f"(({{ {names} }}) => {{\n", f"Object.assign(window.nmwCourse, {{ {', '.join(STUDY)} }});\n}})(window.nmwCourse);\n"
    elif target in STANDALONE:
        head, tail = "(() => {\n", "})();\n"
    else:
        head, tail = f"(({{ {names}, {', '.join(STUDY)} }}) => {{\n", "})(window.nmwCourse);\n"
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
