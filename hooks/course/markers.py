"""The markers an author writes on a line of its own in a Markdown page.

    [quiz: crisis-basics]        a quiz
    [case: gbs-respiratory]      a case
    [quizzes]  [cases]           indexes of all quizzes / cases, by module
    [progress]                   the student's progress table
    [glossary]                   the glossary table
    [references]                 the whole bibliography
    [references: a, b]           the listed entries only
    [schema: quiz]               the field reference of quiz (or case) files
    [module: icu]                a module's opening: summary, reading time, objectives, pages, practice
    [objectives: icu]            a module's learning objectives
    [practice: icu]              cards linking to a module's quizzes and cases
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError

MARKER = re.compile(r"^\[(quiz|case|quizzes|cases|progress|glossary|references|schema|module|objectives|practice)(?::\s*([^\]]*?))?\s*\]\s*$")
MODULE_MARKERS = ("module", "objectives", "practice")


@dataclass(frozen=True)
class Marker:
    kind: str
    argument: str | None
    line: int


def scan(lines) -> list[tuple[int, Marker]]:
    """(index, marker) for every marker line, skipping fenced code blocks."""
    found, fenced = [], False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (m := MARKER.match(line)):
            found.append((index, Marker(m.group(1), m.group(2), index + 1)))
    return found


def find_markers(text: str) -> list[Marker]:
    return [marker for _, marker in scan(text.splitlines())]


def check_pages(course, docs_dir: Path, root: Path) -> list[ContentError]:
    """Markers naming missing quizzes or cases are errors; a quiz or case placed on no page is a warning."""
    problems, placed = [], set()
    for page in sorted(Path(docs_dir).rglob("*.md")):
        display = page.relative_to(root).as_posix() if page.is_relative_to(root) else str(page)
        seen = set()
        for m in find_markers(page.read_text(encoding="utf-8")):
            if m.kind in MODULE_MARKERS:
                if m.argument not in course.modules:
                    known = ", ".join(course.modules) or "none"
                    problems.append(ContentError(display, m.line, f"[{m.kind}: {m.argument or ''}]", f"name a module: write [{m.kind}: module-id], with one of {known}"))
                elif m.kind != "objectives":
                    placed |= {("quiz", q.id) for q in course.quizzes.values() if q.module == m.argument}
                    placed |= {("case", c.id) for c in course.cases.values() if c.module == m.argument}
                continue
            pool = {"quiz": course.quizzes, "case": course.cases}.get(m.kind)
            if pool is None:
                continue
            if not m.argument:
                problems.append(ContentError(display, m.line, f"[{m.kind}]", f"name the {m.kind} to show here: write [{m.kind}: its-id]"))
                continue
            if m.argument not in pool:
                known = ", ".join(sorted(pool)) or "none"
                problems.append(ContentError(display, m.line, f"[{m.kind}: {m.argument}]", f"no {m.kind} with id '{m.argument}': use one of {known}"))
            elif (m.kind, m.argument) in seen:
                problems.append(ContentError(display, m.line, f"[{m.kind}: {m.argument}]", f"this {m.kind} is already placed on this page: place it once"))
            seen.add((m.kind, m.argument))
            placed.add((m.kind, m.argument))
    for kind, pool in (("quiz", course.quizzes), ("case", course.cases)):
        for item in pool.values():
            if (kind, item.id) not in placed:
                problems.append(ContentError(item.source, item.line or 1, "id", f"{kind} '{item.id}' is shown on no page: add the line [practice: {item.module}] (or [{kind}: {item.id}]) to its module page (docs/modules/{item.module}.md)", warning=True))
    return problems
