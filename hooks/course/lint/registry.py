"""The registry of item-writing rules, and the finding each rule reports.

Every rule is one function registered with @rule: its id (what authors write in `lint: {ignore: [...]}`),
a one-line summary, whether it judges one item or a whole bank, and a bad and a good example. The
function's docstring is the rule's documentation (threshold and why); `course lint --rules` and the
page docs/authoring/lint.md are both written from here, so code and docs cannot drift.
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, field
from typing import Callable, Literal

Level = Literal["item", "bank"]
# What a finding is about, which says where an author silences it (see SILENCE in docs.py).
Target = Literal["item", "pair", "case", "quiz-bank", "course-bank", "objective"]


@dataclass(frozen=True)
class Example:
    """A bad and a good example of a rule, shown in the docs.

    kind says what the YAML is: the fields of a quiz "question" that matter, the same for a "case",
    a "pair" of questions (two files, each with the fields that matter), or "prose" (bank rules: no
    single item can show them). The tests load every YAML example into the model bank of
    tests/fixtures/lint and check that the bad one breaks the rule and the good one does not.
    """

    bad: str
    good: str
    kind: Literal["question", "case", "pair", "prose"] = "question"


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    target: Target
    check: Callable[..., None] = field(repr=False, compare=False)  # check(reporter): reports what it finds
    example: Example | None = None

    @property
    def level(self) -> Level:
        """item: judges one question, decision or case; bank: judges a quiz or the whole course."""
        return "bank" if self.target.endswith("bank") or self.target == "objective" else "item"

    @property
    def group(self) -> str:
        """The title of the module that holds the rule, which groups the rules in the docs."""
        return getattr(sys.modules[self.check.__module__], "TITLE", "Other rules")

    @property
    def doc(self) -> str:
        """Threshold and why, from the check's docstring (Markdown)."""
        return inspect.cleandoc(self.check.__doc__ or "")


@dataclass(frozen=True)
class Finding:
    """One problem, printed as `file:line: field: message (rule-id)`, like `course check` prints errors.

    files lists every file the finding is about (a clone names two items, a bank rule its worst
    items), so `course lint PATH` shows it when any of them is named. why is set when an author
    silenced the rule for this item; silenced findings are reported but never fail.
    """

    rule: str
    file: str
    line: int | None
    field: str
    message: str
    warning: bool = False
    why: str | None = None
    files: tuple[str, ...] = ()

    @property
    def silenced(self) -> bool:
        return self.why is not None

    @property
    def error(self) -> bool:
        return not self.warning and not self.silenced

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field_ = f" {self.field}:" if self.field else ""
        return f"{where}:{field_} {self.message} ({self.rule})"


RULES: dict[str, Rule] = {}


def rule(id: str, summary: str, target: Target = "item", example: Example | None = None):
    """Register a check under a kebab-case id; rules are listed (and run) in registration order."""

    def register(check):
        if id in RULES:
            raise ValueError(f"lint rule {id!r} is registered twice")
        RULES[id] = Rule(id, summary, target, check, example)
        return check

    return register
