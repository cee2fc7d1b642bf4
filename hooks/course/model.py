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

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)


@dataclass(frozen=True)
class Reference:
    key: str
    citation: str
    url: str | None = None


@dataclass
class Course:
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    modules: dict[str, str] = field(default_factory=dict)  # module id -> page title
    warnings: list = field(default_factory=list)

    def questions(self):
        for quiz in self.quizzes.values():
            yield from quiz.questions
