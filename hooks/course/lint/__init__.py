"""`course lint`: the item-writing rules a machine can check, run on the typed course model.

It reads only what load_course built (no YAML, no second validation) and is never imported by the
site build. Each module holds one group of rules; registry.py lists them all:

    options.py     the key is the longest, absolute words, all/none of the above, option count and length
    stems.py       negative lead-ins, stems too short to reason from
    metadata.py    short feedback, missing objective, tags or difficulty, unknown ignores
    bank.py        true/false and multiple-select shares, multiple-select key counts, objective coverage
    similarity.py  near-duplicate stems and options across the course
    cases.py       titles that give the diagnosis away, cases that never branch
"""

from __future__ import annotations

from ..model import Course
from . import options, stems, metadata, bank, similarity, cases  # noqa: F401  (registration order = listing order)
from .items import CourseView, Reporter
from .registry import RULES, Finding, Rule

__all__ = ["lint_course", "Finding", "Rule", "RULES"]


def lint_course(course: Course, edited: dict[str, float] | None = None) -> list[Finding]:
    """Every finding of every rule, silenced ones included, in file and line order. `edited` ranks the source
    files by how recently the author worked on them (higher: more recent; `course lint` gives their times, and
    the files it was named first): a finding about two alike items is filed against the newer one."""
    view = CourseView(course, edited)
    found: list[Finding] = []
    for rule in RULES.values():
        rule.check(Reporter(view, rule, found))
    return sorted(found, key=lambda f: (f.file, f.line or 0, f.field, f.rule, f.message))
