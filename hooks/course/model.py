"""The course as typed objects: what the loader returns and the renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Image:
    src: str
    alt: str


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str
    next: str | None = None  # decisions only: the stage this choice leads to
    line: int | None = None  # line of the option in its source file


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # single | multiple | true-false
    stem: str
    options: tuple[Option, ...]
    explanation: str
    references: tuple[str, ...]
    tags: tuple[str, ...] = ()
    objective: str | None = None
    difficulty: str | None = None
    image: Image | None = None
    version: str = ""  # changes when the content a saved answer depends on changes
    source: str = ""  # the file it was written in, as shown in messages
    line: int | None = None  # line of the question (its first field) in that file
    lint: dict[str, str] = field(default_factory=dict)  # lint rule -> why the author silenced it

    @property
    def correct_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    module: str
    questions: tuple[Question, ...]
    description: str | None = None
    shuffle: bool = False
    source: str = ""
    line: int | None = None  # line of the id in the source file, for messages about the whole quiz
    lint: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    name: str
    value: str
    unit: str = ""
    reference: str = ""
    flag: str | None = None


@dataclass(frozen=True)
class FindingGroup:
    title: str
    rows: tuple[Finding, ...] = ()
    text: str | None = None


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    narrative: str
    findings: tuple[FindingGroup, ...] = ()
    decision: Question | None = None
    next: str | None = None  # resolved: the default next stage, None on an ending
    debrief: str | None = None
    line: int | None = None
    outcome: str | None = None  # on an ending: what happened, in a few words (the Progress page names it)

    @property
    def ending(self) -> bool:
        return self.debrief is not None

    def leads_to(self) -> set[str]:
        targets = {self.next} if self.next else set()
        if self.decision:
            targets |= {o.next or self.next for o in self.decision.options} - {None}
        return targets


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    module: str
    summary: str
    stages: tuple[Stage, ...]
    teaching_points: tuple[str, ...]
    references: tuple[str, ...]
    objectives: tuple[str, ...] = ()
    source: str = ""
    version: str = ""
    line: int | None = None  # line of the id in the source file
    lint: dict[str, str] = field(default_factory=dict)
    diagnosis: str | None = None  # the final diagnosis, never shown to students; the linter keeps it out of the title
    tags: tuple[str, ...] = ()

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)


@dataclass(frozen=True)
class Reference:
    key: str
    citation: str  # Markdown, formatted from the entry's fields (see citation.py)
    url: str | None = None
    fields: dict = field(default_factory=dict, compare=False)  # the entry as written: type, authors, year...
    source: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    module: str
    line: int | None = None  # line of its id in the module page, for messages about an untested objective


@dataclass(frozen=True)
class ModulePage:
    """A teaching page of a module, listed in the module's front matter."""

    path: str  # relative to docs/, for example modules/icu/gbs.md
    title: str
    words: int

    @property
    def minutes(self) -> int:
        return max(1, round(self.words / 200))


@dataclass(frozen=True)
class Module:
    """A module: its page docs/modules/<id>.md, and what its front matter declares."""

    id: str
    title: str
    order: int = 0
    summary: str | None = None
    objectives: tuple[Objective, ...] = ()
    pages: tuple[ModulePage, ...] = ()
    source: str = ""
    short_title: str | None = None

    @property
    def label(self) -> str:
        return self.short_title or self.title

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.pages)


@dataclass
class Course:
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)  # in course order
    tags: dict[str, str] = field(default_factory=dict)  # the tag vocabulary (tags.yml), empty when there is none
    warnings: list = field(default_factory=list)

    @property
    def objectives(self) -> dict[str, Objective]:
        return {o.id: o for m in self.modules.values() for o in m.objectives}

    def questions(self):
        """Every question once, though a question reused with {use: id} stands in several quizzes."""
        seen = set()
        for quiz in self.quizzes.values():
            for q in quiz.questions:
                if q.id not in seen:
                    seen.add(q.id)
                    yield q

    def decisions(self):
        for case in self.cases.values():
            for stage in case.stages:
                if stage.decision:
                    yield case, stage
