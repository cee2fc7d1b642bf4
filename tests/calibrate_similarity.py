"""Measure the similarity rules on a bank, to justify (or revisit) their thresholds.

    .venv/bin/python tests/calibrate_similarity.py            the bank at commit e792492 (the audited one)
    .venv/bin/python tests/calibrate_similarity.py HEAD       any commit
    .venv/bin/python tests/calibrate_similarity.py path/to/course

It prints the distribution of stem similarity over every pair the linter compares, where the item
audit's clone pairs fall, every pair each rule flags, and the highest pairs it lets through. The
figures quoted in docs/authoring/lint.md come from the first form. Not a test: it reads git history.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from course import load_course  # noqa: E402
from course.lint.items import CourseView  # noqa: E402
from course.lint.similarity import (EXPLANATION_FLOOR, OPTION_LIMIT, STEM_LIMIT, Pairs,  # noqa: E402
                                    same_keys)

# The clone pairs the item audit names (its "clone", "duplicate" and "same patient" findings, with the
# partner it points to); the audit counts more repeats than it names.
AUDIT_CLONES = [
    ("mu-cord-spinal-shock", "pr-cord-compression"), ("mu-botulism-diagnosis", "pr-botulism-descending"),
    ("mu-afm-site", "pr-afm-site"), ("mu-afm-vs-gbs-features", "afm-asymmetric-results"),
    ("mu-lems-facilitation", "pr-lems-facilitation"), ("icu-csf-early", "pr-csf-normal-protein"),
    ("icu-paradoxical-breathing", "pr-paradoxical-breathing"), ("cr-pupils", "mu-pupils-mg-tf"),
    ("cr-ivig-sepsis", "mg-crisis-drug-icu"), ("cr-extubation", "mg-crisis-drug-weaning"),
    ("icu-egris-score", "gbs-respiratory-ed"),
]


def course_at(source: str) -> Path:
    path = Path(source)
    if path.is_dir():
        return path
    out = Path(tempfile.mkdtemp(prefix="calibrate-"))
    blob = subprocess.run(["git", "-C", str(ROOT), "archive", source, "quizzes", "cases", "docs", "references.yml",
                           "glossary.yml"], capture_output=True, check=True).stdout
    tarfile.open(fileobj=BytesIO(blob)).extractall(out, filter="data")
    return out


def main(source: str = "e792492") -> None:
    pairs = Pairs(CourseView(load_course(course_at(source))))
    items = pairs.items
    rows = []
    for i, j in pairs.pairs:
        a, b = items[i], items[j]
        same = "true-false" not in (a.type, b.type) and same_keys(pairs.keys[i], pairs.keys[j])
        rows.append((pairs.stem(i, j), pairs.option(i, j), pairs.explanation(i, j), same, a.id, b.id))
    stems = sorted(r[0] for r in rows)
    n = len(stems)
    print(f"{len(items)} items, {n} pairs compared")
    print(f"stem similarity: median {stems[n // 2]:.3f}, 90th percentile {stems[int(0.9 * n)]:.3f}, "
          f"99th {stems[int(0.99 * n)]:.3f}, max {stems[-1]:.3f}")

    def caught(r):
        by = []
        if r[0] >= STEM_LIMIT:
            by.append("similar-stems")
        if r[3] and r[1] >= OPTION_LIMIT and r[2] >= EXPLANATION_FLOOR:
            by.append("similar-options")
        return by

    index = {frozenset(r[4:]): r for r in rows}
    print("\nthe audit's clone pairs:")
    for a, b in AUDIT_CLONES:
        r = index.get(frozenset((a, b)))
        if r:
            print(f"  stems {r[0]:.2f}  options {r[1]:.2f}  explanations {r[2]:.2f}  {a} | {b}: "
                  f"{', '.join(caught(r)) or 'missed'}")
    audit = {frozenset(p) for p in AUDIT_CLONES}
    print("\nflagged pairs the audit does not name:")
    for r in sorted(rows, reverse=True):
        if caught(r) and frozenset(r[4:]) not in audit:
            scores = f"stems {r[0]:.2f}  options {r[1]:.2f}  explanations {r[2]:.2f}"
            print(f"  {scores}  {r[4]} | {r[5]}: {', '.join(caught(r))}")
    print("\nhighest pairs let through (stems):")
    for r in [r for r in sorted(rows, reverse=True) if not caught(r)][:6]:
        print(f"  stems {r[0]:.2f}  {r[4]} | {r[5]}")
    print("\nsame-key pairs with options at the limit or above, let through by the explanation floor:")
    for r in sorted((r for r in rows if r[3] and r[1] >= OPTION_LIMIT and not caught(r)), key=lambda r: -r[2]):
        print(f"  options {r[1]:.2f}  explanations {r[2]:.2f}  stems {r[0]:.2f}  {r[4]} | {r[5]}")


if __name__ == "__main__":
    main(*sys.argv[1:])
