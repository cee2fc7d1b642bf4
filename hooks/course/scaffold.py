"""`course new quiz|case|module NAME`: a skeleton to start from, placed where the course will show it.

A quiz or case skeleton is a complete example (skeletons.py) that passes `make check`, lint included, as
written, so an author starts from something that works and replaces the example. A module also gets its
entry in mkdocs.yml's nav (a section of its own where the nav gives each module a section) and a row in the
start page's module table; a quiz or case is placed on its module page when that page does not already
show the module's practice.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from collections import Counter

from . import skeletons
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
    if kind == "module":
        return _module(course, root, name, title or name.replace("-", " ").capitalize())
    # a case is titled by what the patient came with (lint checks the title does not give the diagnosis away)
    title = title or (skeletons.CASE_TITLE if kind == "case" else name.replace("-", " ").capitalize())
    if name in taken or any(f"{name}-{n}" in taken for n in (1, 2, 3)):  # the ids of its questions or stages
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
    text = (skeletons.QUIZ if kind == "quiz" else skeletons.CASE).format(
        id=name, title=title, module=module, reference=reference, objective=_objective(course, module),
        tags="[" + ", ".join(_tags(course, module)) + "]")
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
        f"next: replace the example in {target.relative_to(root).as_posix()} with your own (its objective and tags are "
        f"the module's, and the reference '{reference}' is only a placeholder: cite the real sources)",
        "then: make check (or course check " + target.relative_to(root).as_posix() + "), and make serve to see it",
    ]
    return steps


def _objective(course, module: str) -> str:
    """The module's first objective; a module that declares none takes any id (declare it in its front matter)."""
    objectives = course.modules[module].objectives
    return objectives[0].id if objectives else f"{module}-1"


def _tags(course, module: str) -> list[str]:
    """The two tags the module's items use most, or the vocabulary's first; the module id with no tags.yml."""
    if not course.tags:
        return [module]
    used = Counter(t for q in course.questions() for t in q.tags if t in course.tags
                   and any(q in quiz.questions for quiz in course.quizzes.values() if quiz.module == module))
    used.update(t for case, stage in course.decisions() if case.module == module for t in stage.decision.tags)
    return [t for t, _ in used.most_common(2)] or [next(iter(course.tags))]


def _module(course, root: Path, name: str, title: str) -> list[str]:
    page = root / "docs" / "modules" / f"{name}.md"
    if name in course.modules or page.exists():
        raise ScaffoldError(f"docs/modules/{name}.md already exists: choose another name")
    order = max((m.order for m in course.modules.values()), default=0) + 1
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(skeletons.MODULE.format(id=name, title=title, order=order), encoding="utf-8")
    steps = [f"wrote docs/modules/{name}.md (module {order}, with one objective, {name}-1)"]
    steps.append(add_to_nav(root / "mkdocs.yml", name, title, order))
    steps.append(_add_to_start_page(root / "docs" / "index.md", name, title, order))
    steps += [
        f"next: write the summary and objectives in its front matter, and teaching pages listed under pages: (paths relative to docs/modules/{name}.md)",
        f"then: course new quiz {name}-quiz --module {name} and course new case {name}-case --module {name}; make check; make serve",
    ]
    return steps


_NAV_ENTRY = re.compile(r"^(\s*)- (?:[^:]+: )?(modules/[^\s]+\.md)\s*(#.*)?$")
_NAV_SECTION = re.compile(r"^(\s*)- ([^:#]+):\s*(#.*)?$")
_NUMBERED = re.compile(r"^Module \d+(\s*[,:.]\s*|\s+)")


def add_to_nav(config: Path, name: str, title: str, order: int) -> str:
    """Add the module's page to nav: (a text edit, so comments and YAML tags stay as they are).

    Where each module's pages are a section of their own (this course: "Module 4, ICU weakness:" holding
    modules/icu.md and its teaching pages), the new module gets a section after the last one, named like the
    others; in a flat list, its page goes after the last module's pages. Returns what it did, for the author."""
    entry = f"modules/{name}.md"
    if not config.exists():
        return f"no {config.name}: add '{entry}' to your site's navigation yourself"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    hubs = [i for i, line in enumerate(lines) if (m := _NAV_ENTRY.match(line)) and m.group(2).count("/") == 1]
    if not hubs:
        return f"add '{entry}' to nav: in {config.name} yourself: it lists no module page to put it beside"
    last = hubs[-1]
    indent = _indent(lines[last])
    parent = next((i for i in range(last - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")
                   and len(_indent(lines[i])) < len(indent)), None)
    section = _NAV_SECTION.match(lines[parent]) if parent is not None else None
    hub_id = _NAV_ENTRY.match(lines[last]).group(2)[len("modules/"):-len(".md")]
    end = (_block_end(lines, parent, len(_indent(lines[parent]))) if section
           else _block_end(lines, last, len(indent) - 1))
    children = [m.group(2) for i in range((parent or 0) + 1, end) if (m := _NAV_ENTRY.match(lines[i]))]
    if section and all(c == f"modules/{hub_id}.md" or c.startswith(f"modules/{hub_id}/") for c in children):
        numbered = _NUMBERED.match(section.group(2).strip())
        heading = f"Module {order}{numbered.group(1)}{title}" if numbered else title
        lines[end:end] = [f"{section.group(1)}- {heading}:\n", f"{indent}- {entry}\n"]
        config.write_text("".join(lines), encoding="utf-8")
        return (f"added a section '{heading}' with {entry} to nav: in {config.name}, after "
                f"'{section.group(2).strip()}'")
    after = max(i for i in range(last, end) if _NAV_ENTRY.match(lines[i]))
    lines.insert(after + 1, f"{indent}- {entry}\n")
    config.write_text("".join(lines), encoding="utf-8")
    return f"added {entry} to nav: in {config.name}, after {_NAV_ENTRY.match(lines[after]).group(2)}"


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _block_end(lines: list[str], start: int, width: int) -> int:
    """The index after the last line below lines[start] that is indented deeper than `width` characters."""
    end = start + 1
    for i in range(start + 1, len(lines)):
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        if len(_indent(lines[i])) <= width:
            break
        end = i + 1
    return end


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
