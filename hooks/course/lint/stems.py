"""Rules about the stem: a lead-in that asks the question the right way round, and a vignette with
enough in it to reason from."""

from __future__ import annotations

import re

from .items import Reporter
from .registry import Example, rule
from .text import count_words, lead_in

MIN_STEM_WORDS = 40
NEGATIVE = re.compile(r"\b(not|except|(?<!at )least|cannot)\b|\b\w+n[’']t\b", re.I)  # "at least" asks nothing negative

TITLE = "Stems"


@rule("negative-lead-in", "The lead-in asks a negative question (NOT, EXCEPT, LEAST, in capitals or not).",
      example=Example(
          bad="""\
stem: |
  A 34-year-old woman has two weeks of fatigable ptosis and double vision that are worse in the
  evening. Her pupils are equal and reactive and her reflexes are normal.

  Each of the following supports myasthenia gravis EXCEPT which one?
""",
          good="""\
stem: |
  A 34-year-old woman has two weeks of fatigable ptosis and double vision that are worse in the
  evening. Her pupils are equal and reactive and her reflexes are normal.

  Which test is most likely to confirm the diagnosis?
"""))
def negative_lead_in(report: Reporter) -> None:
    """The lead-in is the sentence the stem ends on (the last one with a question mark, else the last
    sentence, which is the statement of a true/false item). It fails when it contains **not, except,
    least, cannot or a "n't" form**, written in capitals or not. A negative question asks the student
    to recognise one wrong statement among true ones, which tests reading more than knowledge, and
    under time pressure students answer the positive question by mistake. Sentences before the lead-in
    are not checked: "she has not improved" is part of the story. Ask for the best answer instead
    ("Which is the most likely...?", "What is the best next step?")."""
    for item in report.items:
        asked = lead_in(item.question.stem)
        found = [m.group(0) for m in NEGATIVE.finditer(asked)]
        if found:
            report.item(item, f"negative lead-in ({', '.join(repr(w) for w in dict.fromkeys(found))} in "
                              f"\"{asked}\"): it tests spotting the odd one out, and students misread it; ask for the "
                              "best answer instead", field=item.field + ".stem")


@rule("stem-short", "A quiz stem has fewer than 40 words, or a decision and its stage together do.",
      example=Example(
          bad="""\
stem: Which measure best tracks ventilation in Guillain-Barré syndrome?
""",
          good="""\
stem: |
  A 46-year-old man (70 kg) with Guillain-Barré syndrome is on day 2 of IVIg on a general ward.
  Last night his vital capacity was 32 mL/kg; this morning it is 21 mL/kg. His maximal inspiratory
  pressure is −34 cmH2O, his SpO2 97% on room air, and he says he feels fine.

  Which finding is the strongest warning that he is heading for mechanical ventilation?
"""))
def stem_short(report: Reporter) -> None:
    """Counts the words a student reads (Markdown left out; a table's cells count). A quiz stem needs
    **at least 40 words**: fewer cannot hold a patient (age, tempo, examination, a vital sign or a
    result) and a lead-in, so the item tests recall instead of reasoning; licensing-exam vignettes run
    80 to 180 words. A case decision is answered right after its stage, so the stage's narrative and
    findings count with the decision's stem: a short "What next?" after a full stage passes, a
    decision on a bare stage does not. Earlier stages are not counted, because the student should not
    need to scroll back for the data the decision turns on."""
    for item in report.items:
        n = count_words(item.vignette)
        if n < MIN_STEM_WORDS:
            what = "the stage and its decision have" if item.is_decision else "the stem has"
            report.item(item, f"{what} {n} words (at least {MIN_STEM_WORDS}): give the patient a clinician would see "
                              "(age, tempo, examination, vital signs, results) and end on the question",
                        field=item.field + ".stem")
