"""`course new quiz|case|module NAME`: a valid skeleton to start from, placed where the course will show it.

Each skeleton passes `course check` and builds as written, so an author starts from something that
works and replaces the placeholder text. A module also gets its entry in mkdocs.yml's nav and a row in
the start page's module table; a quiz or case is placed on its module page when that page does not
already show the module's practice.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .load import load_course
from .markers import find_markers
from .schema import SCHEMA_DIR

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """Why the skeleton was not written (nothing is written then)."""


def schema_line(kind: str, target: Path) -> str:
    """The editor hint, relative to where the file lives, so it resolves wherever the course is."""
    rel = os.path.relpath(SCHEMA_DIR / f"{kind}.schema.json", target.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}\n"


def new(kind: str, name: str, root: Path, module: str | None = None, title: str | None = None) -> list[str]:
    """Write the skeleton; return the lines that tell the author what to do next."""
    if not ID.match(name) or len(name) > 60:
        raise ScaffoldError(f"'{name}' is not a valid id: use lowercase letters, digits and single hyphens, for example 'gbs-breathing'")
    course = load_course(root)  # a broken course is reported as it is, before anything is added to it
    taken = set(course.quizzes) | set(course.cases) | {s.id for c in course.cases.values() for s in c.stages} | {q.id for q in course.questions()}
    title = title or name.replace("-", " ").capitalize()
    if kind == "module":
        return _module(course, root, name, title)
    if name in taken or f"{name}-1" in taken:
        raise ScaffoldError(f"the id '{name}' is already used in the course: choose another name")
    module = module or next(iter(course.modules), None)
    if module not in course.modules:
        known = ", ".join(course.modules) or "none yet: create one with course new module NAME"
        raise ScaffoldError(f"no module '{module}': give --module with one of {known}")
    if not course.references:
        raise ScaffoldError("the course has no references yet: add the sources to references.yml first (every question cites one)")
    reference = next(iter(course.references))
    folder = root / ("quizzes" if kind == "quiz" else "cases")
    target = folder / f"{name}.yml"
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root)} already exists: choose another name")
    folder.mkdir(exist_ok=True)
    text = (_QUIZ if kind == "quiz" else _CASE).format(id=name, title=title, module=module, reference=reference)
    target.write_text(schema_line(kind, target) + text, encoding="utf-8")
    steps = [f"wrote {target.relative_to(root).as_posix()}"]
    page = root / "docs" / "modules" / f"{module}.md"
    shown = {(m.kind, m.argument) for m in find_markers(page.read_text(encoding="utf-8"))}
    if ("practice", module) in shown or ("module", module) in shown:
        steps.append(f"it is shown on docs/modules/{module}.md with the module's practice cards, and on its own page")
    else:
        with page.open("a", encoding="utf-8") as f:
            f.write(f"\n[{kind}: {name}]\n")
        steps.append(f"placed it at the end of docs/modules/{module}.md with [{kind}: {name}]: move that line where it belongs")
    steps += [
        f"next: replace the placeholder text in {target.relative_to(root).as_posix()} (the reference '{reference}' is only a placeholder: cite the real sources)",
        "then: make check (or course check " + target.relative_to(root).as_posix() + "), and make serve to see it",
    ]
    return steps


def _module(course, root: Path, name: str, title: str) -> list[str]:
    page = root / "docs" / "modules" / f"{name}.md"
    if name in course.modules or page.exists():
        raise ScaffoldError(f"docs/modules/{name}.md already exists: choose another name")
    order = max((m.order for m in course.modules.values()), default=0) + 1
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_MODULE.format(id=name, title=title, order=order), encoding="utf-8")
    steps = [f"wrote docs/modules/{name}.md (module {order}, with one objective, {name}-1)"]
    steps.append(_add_to_nav(root / "mkdocs.yml", f"modules/{name}.md"))
    steps.append(_add_to_start_page(root / "docs" / "index.md", name, title, order))
    steps += [
        f"next: write the summary and objectives in its front matter, and teaching pages listed under pages: (paths relative to docs/modules/{name}.md)",
        f"then: course new quiz {name}-quiz --module {name} and course new case {name}-case --module {name}; make check; make serve",
    ]
    return steps


def _add_to_nav(config: Path, entry: str) -> str:
    """Insert the page after the last module page in nav:, with the same indentation (text edit: keeps comments)."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    at = [i for i, line in enumerate(lines) if re.match(r"^\s*- (.+: )?modules/[^/]+\.md\s*$", line)]
    if not at:
        return f"add '{entry}' to nav: in {config.name} yourself: it lists no module page to put it beside"
    last = lines[at[-1]]
    indent = last[: len(last) - len(last.lstrip())]
    lines.insert(at[-1] + 1, f"{indent}- {entry}\n")
    config.write_text("".join(lines), encoding="utf-8")
    return f"added {entry} to nav: in {config.name}"


def _add_to_start_page(index: Path, name: str, title: str, order: int) -> str:
    if not index.exists():
        return "no docs/index.md: list the module on your start page yourself"
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if line.startswith("|") and "(modules/" in line]
    if not rows:
        return f"add the module to your start page (docs/index.md) yourself: it has no module table (a row linking to modules/{name}.md)"
    lines.insert(rows[-1] + 1, f"| [{order}. {title}](modules/{name}.md) | Say in one sentence what students will be able to do. |\n")
    index.write_text("".join(lines), encoding="utf-8")
    return "added a row for it to the module table of docs/index.md: write what students will be able to do"


_QUIZ = """id: {id}
title: {title}
module: {module}
description: What this quiz covers, in a sentence.
questions:
  - id: {id}-1
    type: single
    stem: |
      Write the vignette and the lead-in question here.
    options:
      - text: The best answer
        correct: true
        feedback: Why this is right.
      - text: A plausible distractor
        correct: false
        feedback: Why this is wrong.
      - text: Another plausible distractor
        correct: false
        feedback: Why this is wrong.
      - text: A third distractor
        correct: false
        feedback: Why this is wrong.
    explanation: The teaching point of the question.
    references: [{reference}]
"""

_CASE = """id: {id}
title: {title}
module: {module}
summary: |
  Who the patient is and why they came, in two or three sentences.
stages:
  - id: {id}-1
    title: First stage
    narrative: |
      What happens first.
    decision:
      type: single
      stem: What do you do next?
      options:
        - text: The safe choice
          correct: true
          feedback: Why this is right.
        - text: The tempting mistake
          correct: false
          feedback: Why this is wrong, and what happens.
          next: {id}-3
      explanation: The teaching point of the decision.
  - id: {id}-2
    title: The good ending
    narrative: |
      What happens after the safe choice.
    debrief: What the student should take away.
  - id: {id}-3
    title: The bad ending
    narrative: |
      What happens after the mistake.
    debrief: What went wrong, and how to avoid it.
teaching_points:
  - The main teaching point of the case.
references: [{reference}]
"""

_MODULE = """---
order: {order}
summary: What the module covers, in two or three sentences.
objectives:
  - id: {id}-1
    text: Write the first learning objective, starting with a verb.
---

# {title}

[module: {id}]
"""
