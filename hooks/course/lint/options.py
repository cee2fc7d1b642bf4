"""Rules about the options of one item: cues a test-wise student uses to answer without the knowledge
(the longest option, absolute words, "all of the above"), and how many options there are."""

from __future__ import annotations

import re
import statistics

from .items import Item, Reporter, listing, share
from .registry import Example, rule
from .text import plain, words

KEY_RATIO = 1.5  # key-longest: key characters over the longest distractor's
KEY_SHARE = 0.30  # key-longest-share: at most this share of a bank's SBA items have the longest key
LENGTH_FACTOR = 2  # option-length: an option more than twice (or under half) the others' median...
LENGTH_MARGIN = 5  # ...and at least this many words away from it

TITLE = "Options"


def length(text: str) -> int:
    """Characters a student reads, markup left out: the measure the item audit used."""
    return len(plain(text))


def _key_ratio(item: Item) -> float:
    return length(item.keys[0].text) / max(1, max(length(o.text) for o in item.distractors))


def _key_strictly_longest(item: Item) -> bool:
    return length(item.keys[0].text) > max(length(o.text) for o in item.distractors)


def _single(items) -> list[Item]:
    return [i for i in items if i.type == "single" and i.distractors]


@rule("key-longest", "The key of a single-best-answer item is more than 1.5 times as long as its longest distractor.",
      example=Example(
          bad="""\
stem: |
  A 27-year-old woman with severe pre-eclampsia has had intravenous magnesium sulfate for
  six hours. She is drowsy, her knee jerks are absent and her respiratory rate is 8/min.
  What is the most appropriate immediate step?
options:
  - {text: Give naloxone, correct: false}
  - {text: Start IVIg, correct: false}
  - {text: Give pyridostigmine, correct: false}
  - {text: "Stop the infusion, give intravenous calcium gluconate and support her airway", correct: true}
  - {text: Order an MRI of the spine, correct: false}
""",
          good="""\
stem: |
  A 27-year-old woman with severe pre-eclampsia has had intravenous magnesium sulfate for
  six hours. She is drowsy, her knee jerks are absent and her respiratory rate is 8/min.
  The infusion has been stopped and a bag-valve mask is at the bedside.
  Which drug should be given now?
options:
  - {text: Intravenous naloxone, correct: false}
  - {text: Intravenous calcium gluconate, correct: true}
  - {text: Intravenous pyridostigmine, correct: false}
  - {text: Intravenous immunoglobulin, correct: false}
  - {text: Intravenous flumazenil, correct: false}
"""))
def key_longest(report: Reporter) -> None:
    """The key's length in characters (Markdown left out) is compared with the longest distractor's;
    more than **1.5 times** fails. Item writers qualify the right answer until it is the longest and
    most careful option, and students learn to pick it: in the item audit the key was the longest
    option in 49% of single-best-answer items against 22% by chance. 1.5 times is a difference anyone
    sees at a glance (the audit's worst key had 137 characters against distractors of at most 63); a
    key a little longer than the rest is left to `key-longest-share`, which judges the bank. Fix it by
    cutting the key to one action or finding, with the qualifications in its feedback, or by giving
    the distractors the same detail."""
    for item in _single(report.items):
        ratio = _key_ratio(item)
        if ratio > KEY_RATIO:
            key = item.keys[0]
            longest = max(length(o.text) for o in item.distractors)
            message = (f"the key has {length(key.text)} characters, {ratio:.2f} times the longest distractor "
                       f"({longest}): a test-wise student picks the longest option; cut the key to one action or "
                       "finding (qualify it in its feedback), or give the distractors the same detail")
            report.item(item, message, field=item.option_field(key) + ".text", line=key.line)


@rule("key-longest-share",
      "The key is the strictly longest option in more than 30% of a bank's single-best-answer items.",
      target="quiz-bank", example=Example(
          bad="A quiz of 20 single-best-answer questions in which the key is the longest option in 9 (45%).",
          good="The same quiz after rewriting: the key is the longest option in 5 of 20 (25%), close to the 20% "
               "that chance gives with five options.",
          kind="prose"))
def key_longest_share(report: Reporter) -> None:
    """Counted per bank: each quiz file, and all case decisions of the course together (one case
    holds too few decisions for a share to mean anything). With five options the key is the longest
    by chance in about 20% of items, with four in about 25%; more than **30%** means the bank teaches
    students to pick the longest option. The finding names the worst items first (the largest ratio of
    key to longest distractor), which are the ones to rewrite. An item silenced for this rule is left
    out of the count; a quiz silenced for it is not judged."""
    for bank in report.view.quiz_banks:
        sba = _single(bank.items)
        if not sba:
            continue
        longest = report.counted(bank, [i for i in sba if _key_strictly_longest(i)])
        if len(longest) / len(sba) > KEY_SHARE:
            worst = sorted(longest, key=_key_ratio, reverse=True)
            chance = statistics.mean(1 / len(i.question.options) for i in sba)
            named = listing(worst, detail=lambda i: f" {_key_ratio(i):.2f}x")
            message = (f"the key is the strictly longest option in {len(longest)} of {len(sba)} single-best-answer "
                       f"items of {bank.name} ({share(len(longest), len(sba))}; chance gives about "
                       f"{round(100 * chance)}%, the limit is {round(100 * KEY_SHARE)}%): shorten these keys or "
                       f"lengthen their distractors, worst first: {named}")
            report.bank(bank, message, worst)


REVERSE_SHARE = 0.30  # key-length-reverse: at most this share of SBA items have the shortest key...
RARE_LONGEST = 0.05  # ...and at least this share (in a bank of MIN_REVERSE_BANK items or more) the longest
MIN_REVERSE_BANK = 20


def _key_strictly_shortest(item: Item) -> bool:
    return length(item.keys[0].text) < min(length(o.text) for o in item.distractors)


@rule("key-length-reverse",
      "A bank's keys are the shortest option too often (over 30%), or the longest almost never (under 5% of 20 or more).",
      target="quiz-bank", example=Example(
          bad="43 case decisions in which the key is never the longest option and is the shortest in 15 (35%): the "
              "distractors carry the qualifiers ('...until the morning round', '...if the protein is raised').",
          good="The same decisions after moving qualifiers into the feedback: the key is the longest in 8 (19%) and "
               "the shortest in 8 (19%), near the 20% chance gives each.",
          kind="prose"))
def key_length_reverse(report: Reporter) -> None:
    """The mirror of `key-longest-share`. Writers who have learnt not to pad the key often pad the
    distractors instead, with a qualifier or a reason each, and leave the key a bare action: then the
    **shortest** option is right far more often than chance, or the longest is never right, and a
    test-wise student learns that cue as surely as the old one (an item-writing review of this bank
    found case keys never the longest in 43 decisions, and always choosing the shortest scoring 35%
    against 22% by chance). Fails when the key is the strictly shortest option in more than **30%** of
    a bank's single-best-answer items, or, in a bank of **20** or more, the strictly longest in under
    **5%** (chance gives about 20% each). Fix by moving distractors' qualifiers into their feedback, or
    by stating the key with the detail a clinician would give it."""
    for bank in report.view.quiz_banks:
        sba = _single(bank.items)
        if not sba:
            continue
        shortest = report.counted(bank, [i for i in sba if _key_strictly_shortest(i)])
        longest = [i for i in sba if _key_strictly_longest(i)]
        chance = statistics.mean(1 / len(i.question.options) for i in sba)
        if len(shortest) / len(sba) > REVERSE_SHARE:
            named = listing(shortest)
            report.bank(bank, f"the key is the strictly shortest option in {len(shortest)} of {len(sba)} single-best-answer "
                              f"items of {bank.name} ({share(len(shortest), len(sba))}; chance gives about "
                              f"{round(100 * chance)}%, the limit is {round(100 * REVERSE_SHARE)}%): a test-wise student "
                              f"picks the shortest; move the distractors' qualifiers into their feedback: {named}", shortest)
        elif len(sba) >= MIN_REVERSE_BANK and len(longest) / len(sba) < RARE_LONGEST:
            report.bank(bank, f"the key is the strictly longest option in {len(longest)} of {len(sba)} single-best-answer "
                              f"items of {bank.name} ({share(len(longest), len(sba))}; chance gives about "
                              f"{round(100 * chance)}%): a test-wise student learns to rule out the longest option; "
                              "state some keys with the detail a clinician would give them", sba[:1])


@rule("option-count", "A single-best-answer question has 5 options, a single-best-answer decision 4 or 5, "
      "a multiple-select item at least 5.",
      example=Example(
          bad="""\
stem: |
  A 63-year-old woman on day 14 of ventilation for septic shock is awake and follows commands
  but cannot lift her arms off the bed; her reflexes are reduced and her face moves normally.
  What is the most likely cause of her weakness?
options:
  - {text: ICU-acquired weakness, correct: true}
  - {text: Guillain-Barré syndrome, correct: false}
  - {text: Myasthenia gravis, correct: false}
""",
          good="""\
stem: |
  A 63-year-old woman on day 14 of ventilation for septic shock is awake and follows commands
  but cannot lift her arms off the bed; her reflexes are reduced and her face moves normally.
  What is the most likely cause of her weakness?
options:
  - {text: ICU-acquired weakness, correct: true}
  - {text: Guillain-Barré syndrome, correct: false}
  - {text: Myasthenia gravis, correct: false}
  - {text: Residual sedation, correct: false}
  - {text: Cervical cord compression, correct: false}
"""))
def option_count(report: Reporter) -> None:
    """**Quiz questions: 5 options** (the key and four distractors), as licensing exams write them: with
    four, a blind guess scores 25% instead of 20%, and there is room for the mistakes students really
    make. **Case decisions: 4 or 5.** At a point in a case there are often only four actions a
    clinician would really weigh, and a fifth invented to fill the slot becomes a straw man that
    nobody would choose. **Multiple-select items: at least 5**, so the number of correct options can
    vary and the combinations are too many to guess. True/false items always have two and are judged
    by `true-false-share`."""
    for item in report.items:
        n, field = len(item.question.options), item.field + ".options"
        if item.type == "single" and not item.is_decision and n != 5:
            fix = "add distractors, each a mistake a real student makes" if n < 5 else "drop the weakest distractors"
            report.item(item, f"a single-best-answer question has 5 options (found {n}): {fix}", field=field)
        elif item.type == "single" and item.is_decision and not 4 <= n <= 5:
            fix = "add choices a clinician could really make here" if n < 4 else "drop the choices nobody would make"
            report.item(item, f"a single-best-answer decision has 4 or 5 options (found {n}): {fix}", field=field)
        elif item.type == "multiple" and n < 5:
            report.item(item, f"a multiple-select item has at least 5 options (found {n}): with fewer the combinations "
                              "are easy to guess; add options, or make it single best answer", field=field)


@rule("option-length", "One option is more than twice (or under half) as long as the others, by 5 words or more.",
      example=Example(
          bad="""\
options:
  - {text: Anterior horn cells of the cervical spinal cord, correct: true}
  - {text: Peripheral nerves, correct: false}
  - {text: Neuromuscular junction, correct: false}
  - {text: Muscle, correct: false}
  - {text: Motor cortex, correct: false}
""",
          good="""\
options:
  - {text: Anterior horn cells, correct: true}
  - {text: Peripheral nerves, correct: false}
  - {text: Neuromuscular junction, correct: false}
  - {text: Skeletal muscle, correct: false}
  - {text: Motor cortex, correct: false}
"""))
def option_length(report: Reporter) -> None:
    """Each option's length in words is compared with the median of the other options: more than
    **twice** (or less than half) that median, **and at least 5 words** away from it, fails. An option
    that stands out by its length is chosen or dismissed for its length alone, whether it is the key
    or not. Words, not characters, because options of the same kind can differ a lot in letters
    ("Muscle", "Neuromuscular junction") without being a cue; the 5-word margin keeps such short lists
    quiet. On the bank at commit e792492 this flags 12 of 100 single-best-answer and multiple-select
    items, among them those whose key reads as a full sentence among one- or two-word
    distractors."""
    for item in report.items:
        if item.type == "true-false":
            continue
        counts = [len(words(o.text)) for o in item.question.options]
        odd = []
        for i, n in enumerate(counts):
            others = statistics.median(counts[:i] + counts[i + 1:])
            longer = n > LENGTH_FACTOR * others and n - others >= LENGTH_MARGIN
            shorter = n * LENGTH_FACTOR < others and others - n >= LENGTH_MARGIN
            if longer or shorter:
                odd.append((abs(n - others), i, n, others))
        if odd:
            _, i, n, others = max(odd)
            option = item.question.options[i]
            report.item(item, f"option {option.id} has {n} words where the other options have a median of {others:g}: "
                              "an option that stands out by its length is picked or dropped for that alone; give the "
                              "options the same length and kind of detail", field=item.option_field(option) + ".text",
                        line=option.line)


_ABOVE = re.compile(r"\b(all|none|both|neither|any)\s+of\s+the\s+(above|others|options|answers|preceding|choices)\b"
                    r"|^\s*(all|none|both|neither)\s+of\s+(these|them)\s*\.?\s*$", re.I)


@rule("all-none-of-the-above", 'An option reads "all of the above" or "none of the above".',
      example=Example(
          bad="""\
options:
  - {text: Ptosis that worsens on sustained upgaze, correct: false}
  - {text: Fatigable chewing, correct: false}
  - {text: A voice that fades while talking, correct: false}
  - {text: All of the above, correct: true}
""",
          good="""\
stem: |
  A 29-year-old teacher has three weeks of drooping eyelids and double vision by the end of the day.
  Her pupils are equal and react briskly. Which finding on examination would most support
  myasthenia gravis?
options:
  - {text: Ptosis that worsens on sustained upgaze, correct: true}
  - {text: A pupil that is larger on the side of the ptosis, correct: false}
  - {text: Absent ankle reflexes, correct: false}
  - {text: Loss of pinprick below the knees, correct: false}
  - {text: Fasciculations of the tongue, correct: false}
"""))
def all_none_of_the_above(report: Reporter) -> None:
    """"All of the above" is right as soon as a student recognises two true options, without reading
    the rest; "none of the above" tests only that the student can reject, never that they know the
    answer. Both are banned outright in licensing-exam items, so this rule has no threshold. Write a
    fifth plausible option instead, or turn the question into one with a single best answer."""
    for item in report.items:
        for option in item.question.options:
            if _ABOVE.search(plain(option.text)):
                message = (f"option {option.id} reads {plain(option.text)!r}: it is right or wrong by recognising two "
                           "other options, not by knowing the answer; write a plausible option of the same kind "
                           "instead")
                report.item(item, message, field=item.option_field(option) + ".text", line=option.line)


ABSOLUTES = ("always", "never", "only", "all", "none", "must", "proves", "prove", "proven", "rules out",
             "ruled out", "rule out", "excludes", "excluded", "completely", "entirely", "totally", "certainly",
             "definitely", "guarantees", "impossible", "cannot", "invariably", "absolutely")
# "every" is absolute in "every patient", not in "every 4 hours"
_ABSOLUTE = re.compile(r"\b(" + "|".join(a.replace(" ", r"\s+") for a in ABSOLUTES) + r")\b"
                       r"|\b(every)\b(?!\s+(?:\d|few|other|hour|day|week|morning|evening|night|shift))", re.I)


def absolutes(text: str) -> list[str]:
    return list(dict.fromkeys((m.group(1) or m.group(2)).lower() for m in _ABSOLUTE.finditer(plain(text))))


@rule("absolute-words",
      "Distractors use absolute words (always, never, only, proves, rules out...) and the key does not.",
      example=Example(
          bad="""\
stem: |
  A 30-year-old man has 3 days of ascending leg weakness, tingling feet and absent reflexes,
  two weeks after a diarrhoeal illness. On day 3 his CSF has 2 white cells/µL and a protein of
  0.35 g/L. What is the best interpretation of the CSF?
options:
  - {text: It is compatible with GBS this early in the illness, correct: true}
  - {text: It rules out GBS, correct: false}
  - {text: It always means a viral cause, correct: false}
  - {text: It proves tick paralysis, correct: false}
  - {text: It must be repeated before any treatment, correct: false}
""",
          good="""\
stem: |
  A 30-year-old man has 3 days of ascending leg weakness, tingling feet and absent reflexes,
  two weeks after a diarrhoeal illness. On day 3 his CSF has 2 white cells/µL and a protein of
  0.35 g/L. What is the best interpretation of the CSF?
options:
  - {text: It is compatible with GBS this early in the illness, correct: true}
  - {text: It makes GBS unlikely because the protein is normal, correct: false}
  - {text: It points to a viral myelitis because the cells are few, correct: false}
  - {text: It points to tick paralysis because the protein is normal, correct: false}
  - {text: It should be repeated before treatment is considered, correct: false}
"""))
def absolute_words(report: Reporter) -> None:
    """Looks for always, never, only, all, none, every, must, proves, rules out, excludes, completely,
    entirely, certainly, definitely, guarantees, impossible, cannot and the like in the options of
    single-best-answer and multiple-select items. Fails when **at least one distractor has one and
    no key does**: students learn that absolute statements are wrong in medicine and reject them
    unread, so the distractor tests nothing. (The same word in the key as well is no cue, and is
    left alone.) Qualify the distractor the way a real mistaken belief is held ("makes GBS unlikely"),
    or replace it."""
    for item in report.items:
        if item.type == "true-false" or any(absolutes(o.text) for o in item.keys):
            continue
        flagged = [(o, absolutes(o.text)) for o in item.distractors if absolutes(o.text)]
        if flagged:
            named = "; ".join(f"{o.id}: {', '.join(repr(w) for w in found)}" for o, found in flagged)
            first = flagged[0][0]
            report.item(item, f"absolute words in distractors but not in the key ({named}): students reject absolute "
                              "statements unread; word each distractor the way the mistaken belief is really held",
                        field=item.field + ".options", line=first.line)
