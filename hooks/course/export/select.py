"""Which questions an export holds: quizzes and case decisions chosen by quiz, module or tag, as banks.

A case exports as its decisions in stage order. Each decision's stem is what the student has read by
then in that stage (the case summary before the first decision, the stage's title, narrative and
findings) followed by the decision's own question. Branches, endings, debriefs and teaching points have
no place in a question bank and are left out (the authoring guide says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Case, Course, FindingGroup, Question, Stage


@dataclass(frozen=True)
class Item:
    """One exported question: the question itself, and the stem to show (a decision's carries its stage)."""

    question: Question
    stem: str  # Markdown

    @property
    def id(self) -> str:
        return self.question.id


@dataclass(frozen=True)
class Bank:
    """A quiz, or the decisions of a case: one category in Moodle, one test in QTI, one deck per module in Anki."""

    id: str
    title: str
    kind: str  # quiz | case
    module_id: str
    module_title: str
    items: tuple[Item, ...]
    case: Case | None = None  # a case's bank keeps the case, for the answer key's branches and endings


class ExportError(Exception):
    """An export that would hold nothing, or names what the course does not have."""


def select(course: Course, quiz=(), module=(), tag=(), case=()) -> list[Bank]:
    """The banks to export, in course order (modules in order, then quizzes before cases). Naming quizzes or
    cases exports only those named (--quiz alone leaves cases out, --case alone leaves quizzes out)."""
    for wanted, pool, name in ((quiz, course.quizzes, "quiz"), (case, course.cases, "case"), (module, course.modules, "module")):
        unknown = [w for w in wanted if w not in pool]
        if unknown:
            raise ExportError(f"no {name} '{unknown[0]}': use one of {', '.join(pool) or 'none'}")
    banks = []
    for mod in course.modules.values():
        if module and mod.id not in module:
            continue
        named = bool(quiz or case)
        for q in course.quizzes.values():
            if q.module == mod.id and (not named or q.id in quiz):
                banks.append(Bank(q.id, q.title, "quiz", mod.id, mod.title, tuple(Item(x, x.stem) for x in q.questions)))
        for c in course.cases.values():
            if c.module == mod.id and (not named or c.id in case):
                banks.append(Bank(c.id, c.title, "case", mod.id, mod.title, _decisions(c), c))
    if tag:
        banks = [Bank(b.id, b.title, b.kind, b.module_id, b.module_title, tuple(i for i in b.items if set(i.question.tags) & set(tag)), b.case)
                 for b in banks]
    banks = [b for b in banks if b.items]
    if not banks:
        raise ExportError("nothing to export: no question matches the --quiz, --case, --module and --tag given")
    return banks


def _decisions(case: Case) -> tuple[Item, ...]:
    items, first = [], True
    for stage in case.stages:
        if stage.decision:
            items.append(Item(stage.decision, _decision_stem(case, stage, first)))
            first = False
    return tuple(items)


def _decision_stem(case: Case, stage: Stage, first: bool) -> str:
    parts = [f"*{case.title}*", case.summary] if first else [f"*{case.title}* (continued)"]
    parts += [f"**{stage.title}**", stage.narrative]
    parts += [_findings(g) for g in stage.findings]
    parts.append(stage.decision.stem)
    return "\n\n".join(p.strip() for p in parts)


def _findings(group: FindingGroup) -> str:
    if group.text:
        return f"**{group.title}**\n\n{group.text}"
    has_ref = any(r.reference for r in group.rows)
    head = "| Finding | Result |" + (" Reference |" if has_ref else "")
    rule = "|---|---|" + ("---|" if has_ref else "")
    rows = []
    for r in group.rows:
        value = f"{r.value} {r.unit}".strip() + (f" ({r.flag})" if r.flag else "")
        rows.append(f"| {r.name} | {value} |" + (f" {r.reference} |" if has_ref else ""))
    return "\n".join([f"**{group.title}**", "", head, rule, *rows])
