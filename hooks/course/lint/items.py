"""What the rules read: every quiz question and case decision as an Item (with its field path and its
container), the banks they form, and a Reporter that turns what a rule finds into Findings.

The reporter is where silencing and severity are decided, once for every rule: a rule is silenced
by the `lint` of the item itself or of the quiz or case around it; a bank rule leaves silenced
items out of its count; a bank rule's finding is a warning when the bank has fewer than
SMALL_BANK items, too few for a share to mean much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..errors import field_path
from ..model import Case, Course, Option, Question, Quiz, Stage
from .registry import Finding, Rule

SMALL_BANK = 10  # below this many items a bank rule warns instead of failing


@dataclass(frozen=True)
class Item:
    """A quiz question or a case decision, with where it sits."""

    question: Question
    field: str  # questions[3] or stages[2].decision, as `course check` names fields
    quiz: Quiz | None = None
    case: Case | None = None
    stage: Stage | None = None

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def source(self) -> str:
        return self.question.source

    @property
    def line(self) -> int | None:
        return self.question.line

    @property
    def is_decision(self) -> bool:
        return self.case is not None

    @property
    def container(self) -> Quiz | Case:
        return self.quiz or self.case

    @property
    def module(self) -> str:
        return self.container.module

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def keys(self) -> list[Option]:
        return [o for o in self.question.options if o.correct]

    @property
    def distractors(self) -> list[Option]:
        return [o for o in self.question.options if not o.correct]

    def option_field(self, option: Option) -> str:
        index = next(i for i, o in enumerate(self.question.options) if o is option)
        return f"{self.field}.options[{index}]"

    @property
    def vignette(self) -> str:
        """What the student has read when answering: the stem, and for a decision its stage too."""
        if not self.stage:
            return self.question.stem
        parts = [self.stage.narrative]
        for group in self.stage.findings:
            parts.append(group.title)
            parts += [f"{r.name} {r.value} {r.unit}" for r in group.rows]
            parts.append(group.text or "")
        parts.append(self.question.stem)
        return "\n\n".join(p for p in parts if p)

    @property
    def where(self) -> str:
        """How other findings name this item: 'mu-c7-root (quizzes/motor-unit.yml:120)'."""
        return f"{self.id} ({self.source}:{self.line})" if self.line else f"{self.id} ({self.source})"

    def silenced(self, rule: str) -> str | None:
        return self.question.lint.get(rule) or self.container.lint.get(rule)


@dataclass(frozen=True)
class Bank:
    """A set of items judged together. A quiz file is a bank; so are all case decisions together
    (one case holds too few to measure a share), and the whole course is the bank of share rules."""

    name: str  # "quiz 'icu'", "the case decisions", "the course"
    items: tuple[Item, ...]
    file: str = ""  # where a finding about the whole bank points; "" = at the first item it names
    line: int | None = None
    field: str = ""
    lint: dict | None = None  # the quiz's own lint, which silences the bank's findings

    @property
    def small(self) -> bool:
        return len(self.items) < SMALL_BANK


def course_items(course: Course) -> tuple[Item, ...]:
    items = []
    for quiz in course.quizzes.values():
        items += [Item(q, f"questions[{i}]", quiz=quiz) for i, q in enumerate(quiz.questions)]
    for case in course.cases.values():
        items += [Item(s.decision, f"stages[{i}].decision", case=case, stage=s)
                  for i, s in enumerate(case.stages) if s.decision]
    return tuple(items)


class CourseView:
    """The course as the rules see it, built once per lint run and shared by every rule."""

    def __init__(self, course: Course, edited: dict[str, float] | None = None):
        self.course = course
        self.items = course_items(course)
        self.edited = edited or {}  # source file -> how recently it was worked on (higher: more recent)
        self._shared: dict = {}

    def filed_against(self, a: Item, b: Item, rule: str) -> tuple[Item, Item]:
        """(the item a finding about the pair is filed against, the other). The one whose author silenced the
        rule, so that the reason is printed beside the item that gave it; else the newer, the item being
        written, since the older one was reviewed without it; else the later in course order."""
        silenced = [i for i in (a, b) if i.silenced(rule)]
        if len(silenced) == 1:
            return (a, b) if silenced[0] is a else (b, a)
        newer_a = self.edited.get(a.source, 0) > self.edited.get(b.source, 0)
        return (a, b) if newer_a else (b, a)

    def shared(self, key: str, build):
        """What several rules compute from the whole course (the similarity vectors), built once."""
        if key not in self._shared:
            self._shared[key] = build(self)
        return self._shared[key]

    @cached_property
    def quiz_banks(self) -> tuple[Bank, ...]:
        """Each quiz file, then the case decisions together: the banks of per-quiz rules."""
        banks = [Bank(f"quiz '{quiz.id}'", tuple(i for i in self.items if i.quiz is quiz), quiz.source, quiz.line,
                      "questions", quiz.lint) for quiz in self.course.quizzes.values()]
        decisions = tuple(i for i in self.items if i.is_decision)
        if decisions:
            banks.append(Bank("the case decisions", decisions))
        return tuple(banks)

    @cached_property
    def course_bank(self) -> Bank:
        return Bank("the course", self.items)


class Reporter:
    """Hands one rule the course and collects its findings, silenced or not."""

    def __init__(self, view: CourseView, rule: Rule, out: list[Finding]):
        self.view, self.rule, self.out = view, rule, out

    @property
    def course(self) -> Course:
        return self.view.course

    @property
    def items(self) -> tuple[Item, ...]:
        return self.view.items

    def item(self, item: Item, message: str, field: str | None = None, line: int | None = None,
             others: tuple[Item, ...] = ()) -> None:
        """A finding about one item (others: the items it is compared with, which can silence it too)."""
        why = next((w for w in (i.silenced(self.rule.id) for i in (item, *others)) if w), None)
        files = tuple(dict.fromkeys([item.source, *(o.source for o in others)]))
        self._add(item.source, line or item.line, field or item.field, message, why=why, files=files)

    def pair(self, a: Item, b: Item, message, field: str) -> None:
        """A finding about two alike items (message(other) says which other), filed as CourseView.filed_against
        decides, at `field` of that item (".stem", ".options")."""
        item, other = self.view.filed_against(a, b, self.rule.id)
        self.item(item, message(other), field=item.field + field, others=(other,))

    def case(self, case: Case, message: str, field: str = "", line: int | None = None) -> None:
        self._add(case.source, line or case.line, field, message, why=case.lint.get(self.rule.id))

    def at(self, file: str, line: int | None, field: str, message: str, *, small: bool = False) -> None:
        """A finding about something that is not an item, for example a module's objective."""
        self._add(file, line, field, message, warning=small)

    def counted(self, bank: Bank, offenders: list[Item]) -> list[Item]:
        """The offenders a bank rule counts: those whose author silenced the rule are left out, and reported
        as silenced with their reason."""
        kept = []
        for item in offenders:
            why = item.silenced(self.rule.id)
            if why:
                self._add(item.source, item.line, item.field, f"left out of the count for {bank.name}", why=why,
                          files=(item.source,))
            else:
                kept.append(item)
        return kept

    def bank(self, bank: Bank, message: str, named: list[Item]) -> None:
        """A finding about a whole bank, naming its worst items; a warning for a small bank."""
        first = named[0] if named else bank.items[0]
        file, line, field = (bank.file, bank.line, bank.field) if bank.file else (first.source, first.line, first.field)
        files = tuple(dict.fromkeys([file, *(i.source for i in named)]))
        why = (bank.lint or {}).get(self.rule.id)
        self._add(file, line, field, message, warning=bank.small, why=why, files=files)

    def _add(self, file, line, field, message, warning=False, why=None, files=()):
        self.out.append(Finding(self.rule.id, file, line, shown_field(field), message, warning, why, files or (file,)))


_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def shown_field(field: str) -> str:
    """'questions[3].options[0].text' -> 'question 4, option 1, text': the rules name fields as paths, and
    the report shows them as `course check` does (errors.field_path), counted from 1 as the site counts."""
    path: list = []
    for step in field.split(".") if field else ():
        m = _STEP.fullmatch(step)
        if not m:
            return field
        path.append(m.group(1))
        if m.group(2) is not None:
            path.append(int(m.group(2)))
    return field_path(tuple(path))


def share(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "0%"


def listing(items: list[Item], limit: int = 5, detail=None) -> str:
    """'a (file:12), b (file:40) and 3 more' for messages that name items."""
    shown = [f"{i.where}{detail(i) if detail else ''}" for i in items[:limit]]
    more = len(items) - limit
    text = ", ".join(shown)
    return f"{text} and {more} more" if more > 0 else text
