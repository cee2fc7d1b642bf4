"""Rules about a whole case: a title that does not give the diagnosis away, and a story in which a
choice changes what happens."""

from __future__ import annotations

import re

from ..model import Case
from .items import Reporter
from .registry import Example, rule
from .text import fold, words

# Words a title may share with the diagnosis: they name the presenting problem or qualify it, and
# say nothing about the cause ("Acute weakness after sepsis" gives nothing away).
GENERIC = frozenset("""
syndrome disease disorder acute chronic weakness weak paralysis paralysed failure type variant induced related
acquired due primary secondary severe mild patient case the a an of and or in with from after to on by for at
""".split())
PREFIX = 6  # words sharing their first six letters match: myasthenic/myasthenia, botulism/botulinum

TITLE = "Cases"


def _words(text: str, glossary: dict[str, str], lower_abbreviations: bool = False) -> list[tuple[str, str]]:
    """(folded word, the word as written) for every word, with abbreviations the glossary knows also
    read as their expansion: 'GBS' brings guillain, barre, syndrome. Titles and diagnoses write
    abbreviations in capitals (so '60 mg' is not myasthenia gravis); tags are lower case."""
    lookup = {k.lower(): v for k, v in glossary.items()} if lower_abbreviations else glossary
    out = []
    for word in words(text):
        for part in re.split(r"[-/−'’.,+]", word):
            if not part:
                continue
            out.append((fold(part), part))
            key = part.lower() if lower_abbreviations else part
            if key in lookup and (lower_abbreviations or not part.islower()):
                out += [(fold(w), part) for w in re.split(r"[-/−'’.,+]", " ".join(words(lookup[key]))) if w]
    return [(f, w) for f, w in out if f and f not in GENERIC and len(f) > 1]


def _match(a: str, b: str) -> bool:
    return a == b or (len(a) >= PREFIX and len(b) >= PREFIX and a[:PREFIX] == b[:PREFIX])


def giveaways(case: Case, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """(word of the title, where it comes from) for each title word the diagnosis or a tag shares."""
    sources = []
    if case.diagnosis:
        sources += [(f, f"the diagnosis '{case.diagnosis}'") for f, _ in _words(case.diagnosis, glossary)]
    for tag in case.tags:
        tag_words = _words(tag.replace("-", " "), glossary, lower_abbreviations=True)
        sources += [(f, f"the tag '{tag}'") for f, _ in tag_words]
    found = {}
    for folded, written in _words(case.title, glossary):
        for word, where in sources:
            if _match(folded, word) and written not in found:
                found[written] = where
    return list(found.items())


@rule("title-names-diagnosis", "A case title contains a word of the case's diagnosis or of its tags.",
      target="case", example=Example(
          bad="""\
title: "Guillain-Barré syndrome: the patient whose gases looked fine"
diagnosis: Guillain-Barré syndrome (acute inflammatory demyelinating polyneuropathy)
tags: [gbs]
""",
          good="""\
title: Tingling feet and weak legs after a diarrhoeal illness
diagnosis: Guillain-Barré syndrome (acute inflammatory demyelinating polyneuropathy)
tags: [gbs]
""",
          kind="case"))
def title_names_diagnosis(report: Reporter) -> None:
    """Compares the words of the title with those of the case's `diagnosis:` and of its `tags:`. The
    title is the first thing a student reads; when it names the diagnosis, every decision that turns
    on making it is answered before the case starts (the item audit found 5 of 9 titles doing so).
    Words are folded before comparing (capitals, accents, plurals: "crises" is "crisis"), two words
    **sharing their first six letters** match (myasthenic and myasthenia, botulism and botulinum),
    and an abbreviation in the glossary also stands for its expansion (a title saying "GBS" names
    Guillain-Barré syndrome). Words that name the presenting problem rather than its cause are
    allowed: syndrome, disease, acute, chronic, weakness, weak, paralysis, failure, acquired and the
    like. Name what the patient came with instead: "A floppy arm after a cold"."""
    for case in report.course.cases.values():
        found = giveaways(case, report.course.glossary)
        if found:
            named = "; ".join(f"'{word}', from {where}" for word, where in found)
            report.case(case, f"the title gives the diagnosis away ({named}): name the presenting problem, what the "
                              "patient came with, instead", field="title")


@rule("missing-diagnosis", "A case has no diagnosis field, so its title cannot be checked.",
      target="case", example=Example(
          bad="""\
title: Double vision after a family lunch
""",
          good="""\
title: Double vision after a family lunch
diagnosis: Foodborne botulism
""",
          kind="case"))
def missing_diagnosis(report: Reporter) -> None:
    """Every case says its final diagnosis in `diagnosis:`. Students never see the field; it is there
    so that `title-names-diagnosis` can check the title (without it that rule has nothing to compare
    with), and so that a reviewer reads at once what the case is about before judging whether its
    stages and decisions lead there fairly."""
    for case in report.course.cases.values():
        if not case.diagnosis:
            report.case(case, "no diagnosis: add 'diagnosis:' with the final diagnosis (students do not see it), so "
                              "the title can be checked against it")


def _branches(stage) -> bool:
    return len({o.next or stage.next for o in stage.decision.options}) > 1


@rule("case-no-branch", "A case with one ending has no decision that branches.",
      target="case", example=Example(
          bad="""\
stages:
  - id: ed
    decision:
      type: single
      options:
        - {text: Admit to intensive care with 4-hourly vital capacity, correct: true}
        - {text: Admit to a general ward with 12-hourly observations, correct: false}
        - {text: Discharge with an outpatient neurology appointment, correct: false}
        - {text: Observe in the emergency department overnight, correct: false}
  - id: icu
    debrief: He was intubated electively on day 3 and walked out of hospital at 6 weeks.
""",
          good="""\
stages:
  - id: ed
    decision:
      type: single
      options:
        - {text: Admit to intensive care with 4-hourly vital capacity, correct: true}
        - {text: Admit to a general ward with 12-hourly observations, correct: false, next: ward-crash}
        - {text: Discharge with an outpatient neurology appointment, correct: false, next: ward-crash}
        - {text: Observe in the emergency department overnight, correct: false, next: ward-crash}
  - id: icu
    debrief: He was intubated electively on day 3 and walked out of hospital at 6 weeks.
  - id: ward-crash
    narrative: At 03:00 the nurse finds him unable to count to ten in one breath; he is intubated in a crash.
    next: icu
""",
          kind="case"))
def case_no_branch(report: Reporter) -> None:
    """A decision branches when two of its options lead to different stages. A case with **one
    ending** must branch somewhere: at least one choice leads to a stage that shows what would really
    follow (delayed antitoxin, a crash on the ward, a missed diagnosis), before rejoining the story
    or not. Otherwise every choice leads to the same next page, and a student learns that the
    decisions do not matter. (A case with two or more endings always branches.) The item audit found
    4 of 9 cases fully linear."""
    for case in report.course.cases.values():
        decisions = [s for s in case.stages if s.decision]
        if sum(s.ending for s in case.stages) == 1 and not any(_branches(s) for s in decisions):
            ids = ", ".join(s.id for s in decisions)
            what = f"none of its decisions ({ids}) branches" if decisions else "it has no decision"
            report.case(case, f"the case has one ending and {what}: let a wrong choice lead (next:) to a stage that "
                              "shows what would really follow, such as a crash on the ward or a missed diagnosis",
                        field="stages")


@rule("right-choice-into-wrong-branch", "A decision's right choice falls through to a stage written for a wrong choice.",
      target="case", example=Example(
          bad="""\
stages:
  - id: ed
    decision:
      type: single
      options:
        - {text: Atropine 2 mg intravenously then doubled, correct: true}
        - {text: Pralidoxime alone until his chest clears, correct: false, next: ed-delay}
        - {text: Intravenous fluids and a repeat chest film, correct: false, next: ed-delay}
        - {text: Intubation and transfer before any drug, correct: false, next: ed-delay}
  - id: ed-delay
    narrative: An hour later his chest is still wet; the consultant recognises the toxidrome and gives atropine.
    next: titration
  - id: titration
    debrief: Atropine was titrated to a clear chest, a heart rate above 80 and dry axillae.
""",
          good="""\
stages:
  - id: ed
    decision:
      type: single
      options:
        - {text: Atropine 2 mg intravenously then doubled, correct: true, next: titration}
        - {text: Pralidoxime alone until his chest clears, correct: false, next: ed-delay}
        - {text: Intravenous fluids and a repeat chest film, correct: false, next: ed-delay}
        - {text: Intubation and transfer before any drug, correct: false, next: ed-delay}
  - id: ed-delay
    narrative: An hour later his chest is still wet; the consultant recognises the toxidrome and gives atropine.
    next: titration
  - id: titration
    debrief: Atropine was titrated to a clear chest, a heart rate above 80 and dry axillae.
""",
          kind="case"))
def right_choice_into_wrong_branch(report: Reporter) -> None:
    """A right option that names no `next:` goes on to the stage's default: its own `next:`, or the stage
    written after it. When wrong options name that very stage with `next:`, the stage was written for
    them ("an hour later his chest is still wet"), and a student who chose right is told a story that
    contradicts their choice. Independent reviews found this three times in one bank. Give the right
    option its own `next:` (or, if the stage really follows every choice, let the wrong options fall
    through too, without naming it)."""
    items = {id(i.question): i for i in report.items}
    for case in report.course.cases.values():
        for stage in case.stages:
            decision = stage.decision
            if not decision or not stage.next:
                continue
            named_by_wrong = {o.next for o in decision.options if not o.correct and o.next}
            if stage.next not in named_by_wrong:
                continue
            item = items[id(decision)]
            for option in decision.options:
                if option.correct and not option.next:
                    report.item(item, f"the right choice goes on by default to '{stage.next}', the stage the wrong "
                                      f"choices name with next: give it its own next: (the stage that follows a right "
                                      f"choice), so the story it reads matches what the student chose",
                                field=item.option_field(option), line=option.line)
