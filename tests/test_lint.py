"""`course lint`: every rule fails on a copy of the model bank (tests/fixtures/lint) broken in one
place, with its exact message, and passes on a near miss; silencing and its report; warnings for
small banks; the CLI's exit codes and PATH filter; the docs page generated from the registry.

The model bank is lint-clean, so a test that breaks one thing sees only what that one thing breaks.
No MkDocs build here: lint works on the loaded course alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest
import yaml

from course import load_course
from course.lint import RULES, lint_course
from course.lint.cases import giveaways
from course.cli import main as course_main
from course.lint.docs import BEGIN, END, generated
from course.lint.stems import NEGATIVE
from course.lint.text import fold, lead_in, words
from course.model import Case
from helpers import FIXTURE, HOOKS, REPO, edit, problems

BANK = REPO / "tests" / "fixtures" / "lint"
ALPHA, BETA, CASE = "quizzes/alpha.yml", "quizzes/beta.yml", "cases/gbs-ward.yml"
MODULE = "docs/modules/neuro.md"


@pytest.fixture
def bank(tmp_path):
    """A fresh copy of the model bank to break."""
    root = tmp_path / "bank"
    shutil.copytree(BANK, root)
    return root


def found(root, rule=None, silenced=False) -> list[str]:
    """The findings of one rule (or all), as printed, silenced ones excluded unless asked for."""
    return [str(f) for f in lint_course(load_course(root))
            if (rule is None or f.rule == rule) and f.silenced == silenced]


def apply(root, edits):
    for path, old, new in edits:
        edit(root / path, old, new)


# -- the model bank --------------------------------------------------------------------------------


def test_model_bank_is_clean_and_big_enough_for_errors():
    course = load_course(BANK)
    assert lint_course(course) == []
    assert len(course.quizzes["alpha"].questions) >= 10  # a bank whose rules fail, not warn
    assert len(course.quizzes["beta"].questions) < 10  # and one that only warns


# -- every rule: a failing edit with its exact message, and a near miss that passes ---------------


@dataclass(frozen=True)
class Breaks:
    edits: tuple  # (file, old, new): each old text occurs exactly once
    expected: tuple  # the findings of the rule, exactly
    passes: tuple  # a near miss: edits after which the rule finds nothing


LEAD_A1 = "      What is the most likely diagnosis?\n    options:\n      - text: Myasthenia gravis"
OPTION_A1 = ("      - text: Amyotrophic lateral sclerosis\n        correct: false\n"
             "        feedback: ALS mixes upper and lower motor neuron signs; reflexes are often brisk, not facilitated.\n")
KEY_A4 = "      - text: Oral potassium chloride\n"
KEY_A5 = "      - text: Thoracic spinal cord\n"
KEY_A8 = "      - text: Anterior horn cells\n"
KEY_A10 = "      - text: ICU-acquired weakness\n"
B2_STEM = """      A 29-year-old teacher has had 5 weeks of drooping eyelids that are worse in the evening, double
      vision after reading and jaw fatigue towards the end of meals. On sustained upgaze her right
      eyelid droops further over a minute. Her pupils are equal and react briskly, and limb tone,
      reflexes and sensation are normal.
"""
# With the lead-in that follows ("Where is the lesion most likely to be?"): 39 words, then exactly 40, the limit.
B2_39 = """      A 29-year-old teacher has 5 weeks of drooping eyelids worse in the evening and double vision after
      reading. On sustained upgaze her eyelid droops further. Her pupils are equal and reactive.
"""
B2_40 = B2_39.replace("her eyelid", "her right eyelid")
CRASH_STAGE = """
  - id: gbs-ward-crash
    title: The ward, 03:00
    narrative: |
      The nurse finds him breathless and unable to count to ten in one breath. His saturation is falling;
      he is intubated in an emergency and moved to intensive care.
    next: gbs-ward-icu
"""
TF_ITEM = """
  - id: b4-true-false
    type: true-false
    objective: nm-manage
    tags: [respiratory-monitoring]
    difficulty: easy
    stem: |
      A 57-year-old woman with myasthenia gravis is admitted with a chest infection and worsening
      weakness. At the bedside her maximal inspiratory pressure is −20 cmH2O this evening; it was
      −40 cmH2O this morning. She is speaking in full sentences.

      True or false: her inspiratory muscles are stronger this evening than they were this morning.
    options:
      - text: "True"
        correct: false
        feedback: The more negative the pressure, the stronger the muscles; −20 is much weaker than −40.
      - text: "False"
        correct: true
        feedback: Right. Her inspiratory pressure has halved in magnitude, so her muscles are weaker tonight.
    explanation: MIP is a negative pressure; its magnitude measures inspiratory strength.
    references: [lawn-2001]
"""


WRONG_IN_ED = ("          feedback: Twelve hours is long enough for his breathing to fail between two measurements.",
               "          feedback: Rapidly progressive weakness needs admission; he could stop breathing at home.",
               "          feedback: The department cannot measure his breathing often enough or intubate him calmly.")
# The case's first decision rewritten to ask a9-vc-fall's question again: its options and explanation, new words around them.
A9_AGAIN = """      stem: Where should he be cared for tonight?
      options:
        - text: Transfer him to intensive care
          correct: true
          feedback: Right. A fall of about a third in vital capacity predicts ventilation; he needs closer monitoring.
        - text: Repeat the measurements tomorrow
          correct: false
          feedback: His vital capacity may fall by a third overnight; waiting a day risks an emergency intubation.
          next: gbs-ward-crash
        - text: Give oxygen by nasal cannula
          correct: false
          feedback: His saturation is normal; oxygen treats nothing here and hides the later fall in saturation.
          next: gbs-ward-crash
        - text: Start a second course of IVIg
          correct: false
          feedback: A second course has no proven benefit and does not change the need for close monitoring.
      explanation: A fall in vital capacity of more than 30% is one of the warnings that predict ventilation in GBS.
"""
ED_DECISION = """      stem: Where should he be cared for tonight?
      options:
        - text: Intensive care, with vital capacity every 4 hours
          correct: true
          feedback: Right. His weakness is progressing fast and his vital capacity is already half of normal.
        - text: A general ward, with vital capacity every 12 hours
          correct: false
          feedback: Twelve hours is long enough for his breathing to fail between two measurements.
          next: gbs-ward-crash
        - text: Home, with a neurology clinic next week
          correct: false
          feedback: Rapidly progressive weakness needs admission; he could stop breathing at home.
          next: gbs-ward-crash
        - text: The emergency department, with observations overnight
          correct: false
          feedback: The department cannot measure his breathing often enough or intubate him calmly.
          next: gbs-ward-crash
      explanation: Rapidly progressive GBS with a vital capacity near 30 mL/kg belongs where breathing is measured often.
"""


def _longer_keys(*keys):
    """Make keys strictly the longest option, but well under 1.5 times the longest distractor."""
    long = {KEY_A4: "      - text: Potassium chloride tablets by mouth\n",
            KEY_A5: "      - text: Thoracic segments of the spinal cord\n",
            KEY_A8: "      - text: Anterior horn cells of the cord\n",
            KEY_A10: "      - text: Weakness acquired in intensive care\n"}
    return tuple((ALPHA, k, long[k]) for k in keys)


RULE_CASES = {
    "key-longest": Breaks(
        edits=((ALPHA, KEY_A4, "      - text: Oral potassium chloride, with ECG monitoring and a repeat level in two hours\n"),),
        expected=(f'{ALPHA}:112: question 4, option 1, text: the key has 76 characters, 2.38 times '
                  'the longest distractor (32): a test-wise student picks the longest option; cut the key to '
                  'one action or finding (qualify it in its feedback), or give the distractors the same detail '
                  '(key-longest)',),
        passes=((ALPHA, KEY_A4, "      - text: Oral potassium chloride with ECG monitoring\n"),)),  # 43 characters: 1.34 times
    "key-longest-share": Breaks(
        edits=_longer_keys(KEY_A4, KEY_A5, KEY_A8),
        expected=(f'{ALPHA}:2: questions: the key is the strictly longest option in 3 of 9 '
                  "single-best-answer items of quiz 'alpha' (33%; chance gives about 20%, the limit is 30%): "
                  'shorten these keys or lengthen their distractors, worst first: a8-afm '
                  f'({ALPHA}:222) 1.41x, a5-cord ({ALPHA}:130) 1.16x, a4-hypokalaemia '
                  f'({ALPHA}:99) 1.09x (key-longest-share)',),
        passes=_longer_keys(KEY_A4, KEY_A5)),  # 2 of 9 (22%)
    "key-length-reverse": Breaks(
        edits=((ALPHA, "      - text: Foodborne botulism\n", "      - text: Botulism\n"),
               (ALPHA, KEY_A8, "      - text: Anterior horn\n")),
        expected=(f"{ALPHA}:2: questions: the key is the strictly shortest option in 3 of 9 single-best-answer items of "
                  "quiz 'alpha' (33%; chance gives about 20%, the limit is 30%): a test-wise student picks the shortest; "
                  f"move the distractors' qualifiers into their feedback: a2-botulism ({ALPHA}:37), a6-cholinergic "
                  f"({ALPHA}:161), a8-afm ({ALPHA}:222) (key-length-reverse)",),
        passes=((ALPHA, "      - text: Foodborne botulism\n", "      - text: Botulism\n"),)),  # 2 of 9 (22%)
    "option-count": Breaks(
        edits=((ALPHA, OPTION_A1, ""),),
        expected=(f'{ALPHA}:6: question 1, options: a single-best-answer question has 5 options '
                  '(found 4): add distractors, each a mistake a real student makes (option-count)',),
        passes=((CASE, "        - text: No treatment until the CSF protein has risen\n",
                 "        - text: Plasma exchange, five exchanges over two weeks\n          correct: false\n"
                 "          feedback: Plasma exchange works as well as IVIg but is harder to give in most units.\n"
                 "        - text: No treatment until the CSF protein has risen\n"),)),  # a decision may have 5
    "option-length": Breaks(
        edits=((ALPHA, "      - text: Cauda equina\n",
                "      - text: Cauda equina, the bundle of nerve roots below the end of the cord\n"),),
        expected=(f'{ALPHA}:146: question 5, option 2, text: option b has 13 words where the other '
                  'options have a median of 3.5: an option that stands out by its length is picked or dropped '
                  'for that alone; give the options the same length and kind of detail (option-length)',),
        passes=((ALPHA, "      - text: Cauda equina\n", "      - text: Cauda equina nerve roots\n"),)),
    "all-none-of-the-above": Breaks(
        edits=((ALPHA, "      - text: Amyotrophic lateral sclerosis\n", "      - text: None of the above\n"),),
        expected=(f"{ALPHA}:31: question 1, option 5, text: option e reads 'None of the above': it "
                  'is right or wrong by recognising two other options, not by knowing the answer; write a '
                  'plausible option of the same kind instead (all-none-of-the-above)',),
        passes=((ALPHA, "      - text: Amyotrophic lateral sclerosis\n",
                 "      - text: Motor neuron disease of all four limbs\n"),)),
    "absolute-words": Breaks(
        edits=((ALPHA, "It argues against GBS, because", "It rules out GBS, because"),),
        expected=(f'{ALPHA}:84: question 3, options: absolute words in distractors but not in the key'
                  " (b: 'rules out'): students reject absolute statements unread; word each distractor the way "
                  'the mistaken belief is really held (absolute-words)',),
        passes=((ALPHA, "It should be repeated in a week", "It should be repeated every 2 days"),)),
    "negative-lead-in": Breaks(
        edits=((ALPHA, LEAD_A1, LEAD_A1.replace("What is the most likely diagnosis?", "Which diagnosis is NOT likely?")),),
        expected=(f'{ALPHA}:6: question 1, stem: negative lead-in (\'NOT\' in "Which diagnosis is NOT '
                  'likely?"): it tests spotting the odd one out, and students misread it; ask for the best '
                  'answer instead (negative-lead-in)',),
        passes=((ALPHA, "eye movements and eyelids are normal", "his eyelids do not droop"),)),  # before the lead-in
    "stem-short": Breaks(
        edits=((BETA, B2_STEM, B2_39),),
        expected=(f'{BETA}:37: question 2, stem: the stem has 39 words (at least 40): give the '
                  'patient a clinician would see (age, tempo, examination, vital signs, results) and end on the'
                  ' question (stem-short)',),
        passes=((BETA, B2_STEM, B2_40),)),
    "feedback-short": Breaks(
        edits=((ALPHA, "feedback: Ocular and bulbar weakness would be expected, and reflexes are normal in myasthenia gravis.",
                "feedback: Reflexes are normal in myasthenia, not facilitated."),),
        expected=(f'{ALPHA}:19: question 1, option 1, feedback: the feedback of option a has 7 words'
                  ' (at least 8): say why this option is right or wrong for this patient (feedback-short)',),
        passes=((ALPHA, "feedback: Ocular and bulbar weakness would be expected, and reflexes are normal in myasthenia gravis.",
                 "feedback: Reflexes are normal in myasthenia gravis, not facilitated."),)),  # 8 words
    "missing-objective": Breaks(
        edits=((ALPHA, "    objective: nm-diagnose\n    tags: [lems]\n", "    tags: [lems]\n"),),
        expected=(f"{ALPHA}:6: question 1, objective: no objective: add 'objective:' and name one of "
                  f"{MODULE}'s objectives (nm-localise, nm-diagnose, nm-manage, icu-breathing) "
                  '(missing-objective)',),
        passes=((ALPHA, "    objective: nm-diagnose\n    tags: [lems]\n", "    objective: nm-localise\n    tags: [lems]\n"),)),
    "missing-tags": Breaks(
        edits=((ALPHA, "    tags: [lems]\n", ""),),
        expected=(f"{ALPHA}:6: question 1, tags: no tags: add 'tags:' with its topic "
                  '(for example [gbs, respiratory-monitoring]) (missing-tags)',),
        passes=((ALPHA, "    tags: [lems]\n", "    tags: [neuromuscular-junction]\n"),)),
    "missing-difficulty": Breaks(
        edits=((CASE, "      difficulty: hard\n", ""),),
        expected=(f"{CASE}:82: stage 3, decision, difficulty: no difficulty: add 'difficulty:' easy,"
                  ' medium or hard (missing-difficulty)',),
        passes=((CASE, "      difficulty: hard\n", "      difficulty: medium\n"),)),
    "unknown-ignore": Breaks(
        edits=((ALPHA, "    tags: [lems]\n", "    tags: [lems]\n    lint: {ignore: [key-longst], why: Not needed here.}\n"),),
        expected=(f"{ALPHA}:6: question 1, lint, ignore: lint ignores unknown rule 'key-longst' (did "
                  "you mean 'key-longest'?): use an id from `course lint --rules` (unknown-ignore)",),
        passes=((ALPHA, "    tags: [lems]\n", "    tags: [lems]\n    lint: {ignore: [key-longest], why: Not needed here.}\n"),)),
    "true-false-share": Breaks(
        edits=((BETA, "    references: [lawn-2001]\n", "    references: [lawn-2001]\n" + TF_ITEM),),
        expected=(f"{BETA}:98: question 4: 1 of the course's 17 items (6%) is true/false, above the "
                  f'5% limit: rewrite at least 1 as single best answer (b4-true-false ({BETA}:98)) '
                  '(true-false-share)',),
        passes=((BETA, "    references: [lawn-2001]\n", "    references: [lawn-2001]\n" + TF_ITEM.replace(
            "    difficulty: easy\n",
            "    difficulty: easy\n    lint: {ignore: [true-false-share], why: Kept to show the format.}\n")),)),
    "multiple-select-share": Breaks(
        edits=((ALPHA, "  - id: a4-hypokalaemia\n    type: single\n", "  - id: a4-hypokalaemia\n    type: multiple\n"),),
        expected=(f"{ALPHA}:99: question 4: 3 of the course's 16 items (19%) are multiple select, "
                  'above the 15% limit: rewrite at least 1 as single best answer (a4-hypokalaemia '
                  f'({ALPHA}:99), a7-atropine ({ALPHA}:192), b3-failing '
                  f'({BETA}:68)) (multiple-select-share)',),
        passes=()),  # the bank itself: 2 of 16 (12.5%)
    "multiple-select-key-count": Breaks(
        edits=((BETA, "      - text: A respiratory rate of 28/min\n        correct: true",
                "      - text: A respiratory rate of 28/min\n        correct: false"),),
        expected=(f"{ALPHA}:192: question 7: 2 of the course's 2 multiple-select items have exactly "
                  '2 correct options: a student who always picks 2 is helped by the count; vary it with the '
                  f'content (a7-atropine ({ALPHA}:192), b3-failing ({BETA}:68)) '
                  '(multiple-select-key-count)',),
        passes=()),  # the bank itself: one item with 2, one with 3
    "objective-coverage": Breaks(
        edits=((ALPHA, "    objective: nm-localise\n    tags: [spinal-cord]\n",
                "    objective: nm-diagnose\n    tags: [spinal-cord]\n"),
               (ALPHA, "    objective: nm-localise\n    tags: [acute-flaccid-myelitis]\n",
                "    objective: nm-diagnose\n    tags: [acute-flaccid-myelitis]\n")),
        expected=(f"{MODULE}:5: objective 1: objective 'nm-localise' is tested only by b2-ptosis "
                  f'({BETA}:37); at least 2 items or decisions should test it: write them with '
                  "'objective: nm-localise', or take the objective out (objective-coverage)",),
        passes=((ALPHA, "    objective: nm-localise\n    tags: [spinal-cord]\n",
                 "    objective: nm-diagnose\n    tags: [spinal-cord]\n"),)),
    "similar-stems": Breaks(
        edits=((BETA, "A 58-year-old woman with well-controlled generalised myasthenia gravis was admitted three days ago\n"
                      "      with pneumonia and started on several new drugs.",
                "A 61-year-old man who smokes has had 4 months of difficulty rising from low chairs and climbing\n"
                "      stairs, with a dry mouth and light-headedness on standing. His knee jerks are absent at rest but\n"
                "      appear after 10 seconds of maximal contraction of the quadriceps."),),
        expected=(f'{BETA}:6: question 1, stem: the vignette reads like that of a1-lems '
                  f'({ALPHA}:6): similarity 0.49, limit 0.30; one item per patient and teaching point:'
                  ' keep one, or rewrite this one around another patient or another step (similar-stems)',),
        passes=()),  # the bank: its closest pair (two GBS breathing items) scores 0.22
    "similar-options": Breaks(
        edits=((CASE, ED_DECISION, A9_AGAIN),),
        expected=(f'{CASE}:23: stage 1, decision, options: asks the same question as a9-vc-fall '
                  f'({ALPHA}:253): the same key, near-identical options (0.87 alike, limit 0.50) and '
                  'explanations that teach the same point (0.91): keep one, or make this one test another step '
                  '(diagnosis, investigation, management) (similar-options)',),
        passes=((CASE, ED_DECISION, A9_AGAIN.replace(  # the same options, but the explanation teaches something else
            "explanation: A fall in vital capacity of more than 30% is one of the warnings that predict ventilation in GBS.",
            "explanation: Tonight's bed is chosen for how fast the weakness moves, whichever number is measured.")),)),
    "title-names-diagnosis": Breaks(
        edits=((CASE, "title: Tingling feet and weak legs after a stomach bug",
                "title: Guillain-Barré syndrome after a stomach bug"),),
        expected=(f"{CASE}:2: title: the title gives the diagnosis away ('Guillain', from the "
                  "diagnosis 'Guillain-Barré syndrome (acute inflammatory demyelinating polyneuropathy)'; "
                  "'Barré', from the diagnosis 'Guillain-Barré syndrome (acute inflammatory demyelinating "
                  "polyneuropathy)'): name the presenting problem, what the patient came with, instead "
                  '(title-names-diagnosis)',),
        passes=((CASE, "title: Tingling feet and weak legs after a stomach bug", "title: Acute weakness after a stomach bug"),)),
    "missing-diagnosis": Breaks(
        edits=((CASE, "diagnosis: Guillain-Barré syndrome (acute inflammatory demyelinating polyneuropathy)\n", ""),),
        expected=(f"{CASE}:2: no diagnosis: add 'diagnosis:' with the final diagnosis (students do "
                  'not see it), so the title can be checked against it (missing-diagnosis)',),
        passes=()),  # the bank itself
    "case-no-branch": Breaks(
        edits=tuple((CASE, f"{line}\n          next: gbs-ward-crash\n", f"{line}\n") for line in WRONG_IN_ED)
        + ((CASE, CRASH_STAGE, ""),),
        expected=(f'{CASE}:2: stages: the case has one ending and none of its decisions '
                  '(gbs-ward-ed, gbs-ward-icu, gbs-ward-day5) branches: let a wrong choice lead (next:) to a '
                  'stage that shows what would really follow, such as a crash on the ward or a missed diagnosis'
                  ' (case-no-branch)',),
        passes=tuple((CASE, f"{line}\n          next: gbs-ward-crash\n", f"{line}\n") for line in WRONG_IN_ED[1:])),  # one left
    # The emergency stage goes on by default to the crash its wrong choices name; the right choice names no next.
    "right-choice-into-wrong-branch": Breaks(
        edits=((CASE, "      references: [lawn-2001]\n\n  - id: gbs-ward-icu\n",
                "      references: [lawn-2001]\n    next: gbs-ward-crash\n\n  - id: gbs-ward-icu\n"),
               (CASE, f"{WRONG_IN_ED[2]}\n          next: gbs-ward-crash\n", f"{WRONG_IN_ED[2]}\n          next: gbs-ward-day5\n")),
        expected=(f"{CASE}:30: stage 1, decision, option 1: the right choice goes on by default to 'gbs-ward-crash', the "
                  "stage the wrong choices name with next: give it its own next: (the stage that follows a right choice), so "
                  "the story it reads matches what the student chose (right-choice-into-wrong-branch)",),
        passes=((CASE, "      references: [lawn-2001]\n\n  - id: gbs-ward-icu\n",
                 "      references: [lawn-2001]\n    next: gbs-ward-crash\n\n  - id: gbs-ward-icu\n"),
                (CASE, f"{WRONG_IN_ED[2]}\n          next: gbs-ward-crash\n", f"{WRONG_IN_ED[2]}\n          next: gbs-ward-day5\n"),
                (CASE, "        - text: Intensive care, with vital capacity every 4 hours\n          correct: true\n",
                 "        - text: Intensive care, with vital capacity every 4 hours\n          correct: true\n          next: gbs-ward-icu\n"))),
}


def test_every_rule_has_a_failing_and_a_passing_case():
    assert list(RULE_CASES) == list(RULES)


@pytest.mark.parametrize("rule", RULE_CASES)
def test_rule_fails_with_its_message(bank, rule):
    case = RULE_CASES[rule]
    apply(bank, case.edits)
    everything = found(bank)
    assert tuple(f for f in everything if f.endswith(f"({rule})")) == case.expected
    # the edit breaks this rule and, apart from rules it cannot help breaking, nothing else
    assert all(f.endswith(f"({rule})") or _side_effect(rule, f) for f in everything)


def _side_effect(rule, finding):
    """Findings an edit cannot avoid: shortening a stem shortens it, a quiz item in a new type counts twice."""
    allowed = {
        "all-none-of-the-above": ("absolute-words",), "similar-options": ("similar-stems",), "key-longest": ("option-length",),
        "option-length": (), "multiple-select-share": ("option-count",), "similar-stems": (),
        "true-false-share": ("stem-short", "similar-stems", "option-count"),
    }.get(rule, ())
    return any(finding.endswith(f"({other})") for other in allowed)


@pytest.mark.parametrize("rule", RULE_CASES)
def test_rule_passes_a_near_miss(bank, rule):
    apply(bank, RULE_CASES[rule].passes)
    assert found(bank, rule) == []


# -- the examples in the docs break (bad) and keep (good) their rule --------------------------------

FILLER_FEEDBACK = "This option is weighed against the others in the explanation below."


OPTIONAL = ("objective", "tags", "difficulty", "lint", "diagnosis")  # present only when the example writes them


def _complete_question(base: dict, example: dict) -> dict:
    question = {**{k: v for k, v in base.items() if k not in OPTIONAL}, **example}
    question["options"] = [{"feedback": FILLER_FEEDBACK, **o} for o in question["options"]]
    return question


def _complete_case(base: dict, example: dict) -> dict:
    case = {**{k: v for k, v in base.items() if k not in OPTIONAL}, **example}
    if "stages" in example:
        stages = []
        for s in example["stages"]:
            stage = {"title": s["id"].replace("-", " ").capitalize(), "narrative": "He is reviewed on the ward round.", **s}
            if "decision" in s:
                d = {"stem": "What now?", "explanation": "The explanation follows.", **s["decision"]}
                d["options"] = [{"feedback": FILLER_FEEDBACK, **o} for o in d["options"]]
                stage["decision"] = d
            stages.append(stage)
        case["stages"] = stages
    return case


def _write(path, data):
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _with_example(root, rule, which):
    """The model bank with the rule's bad or good example written over its first item (or case)."""
    example = RULES[rule].example
    data = yaml.safe_load(getattr(example, which))
    if example.kind == "question":
        quiz = yaml.safe_load((root / ALPHA).read_text(encoding="utf-8"))
        quiz["questions"][0] = _complete_question(quiz["questions"][0], data)
        _write(root / ALPHA, quiz)
    elif example.kind == "pair":
        first, second = data.values()
        for path, patch in ((ALPHA, first), (BETA, second)):
            quiz = yaml.safe_load((root / path).read_text(encoding="utf-8"))
            quiz["questions"][0] = _complete_question(quiz["questions"][0], patch)
            _write(root / path, quiz)
    else:
        case = yaml.safe_load((root / CASE).read_text(encoding="utf-8"))
        _write(root / CASE, _complete_case(case, data))


EXAMPLES = [r.id for r in RULES.values() if r.example.kind != "prose"]


def test_every_rule_has_examples_and_most_are_checked_yaml():
    assert all(r.example and r.example.bad.strip() and r.example.good.strip() for r in RULES.values())
    prose = {r.id for r in RULES.values() if r.example.kind == "prose"}
    assert all(RULES[r].level == "bank" for r in prose - {"similar-options"})  # only a bank can't be shown as one item


def _example_findings(root, rule):
    """The rule's findings about the example itself: its item, its case, or (a pair) the second item naming the first."""
    kind = RULES[rule].example.kind
    findings = [f for f in lint_course(load_course(root)) if f.rule == rule and not f.silenced]
    if kind == "question":
        return [f for f in findings if f.file == ALPHA and f.field.startswith("question 1")]
    if kind == "pair":
        return [f for f in findings if f.file == BETA and f.field.startswith("question 1") and "a1-lems" in f.message]
    return [f for f in findings if f.file == CASE]


@pytest.mark.parametrize("rule", EXAMPLES)
def test_bad_example_breaks_its_rule(bank, rule):
    _with_example(bank, rule, "bad")
    assert _example_findings(bank, rule)


@pytest.mark.parametrize("rule", EXAMPLES)
def test_good_example_keeps_its_rule(bank, rule):
    _with_example(bank, rule, "good")
    assert _example_findings(bank, rule) == []


# -- known clones from the old bank -----------------------------------------------------------------

KNOWN = yaml.safe_load((REPO / "tests" / "fixtures" / "lint-known-clones.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", KNOWN, ids=[f"{p['first']}|{p['second']}" for p in KNOWN])
def test_similar_stems_flags_the_old_bank_clones_and_only_them(bank, pair):
    quiz = yaml.safe_load((bank / BETA).read_text(encoding="utf-8"))
    for question, stem in zip(quiz["questions"][:2], pair["stems"], strict=True):
        question["stem"] = stem
    _write(bank / BETA, quiz)
    between = [f for f in found(bank, "similar-stems") if f.startswith(f"{BETA}:") and "b1-drug" in f]
    assert bool(between) == pair["clone"], pair["why"]


# -- silencing ----------------------------------------------------------------------------------------

LONG_KEY_A4 = ((ALPHA, KEY_A4, "      - text: Oral potassium chloride, with ECG monitoring and a repeat level in two hours\n"),)
WHY = "The key names the drug, the route and the monitoring; a shorter key would be unsafe."


def test_a_silenced_item_is_listed_with_its_reason_and_does_not_fail(bank, capsys):
    apply(bank, LONG_KEY_A4 + ((ALPHA, "    tags: [periodic-paralysis]\n",
                                "    tags: [periodic-paralysis]\n"
                                f"    lint: {{ignore: [key-longest, option-length], why: '{WHY}'}}\n"),))
    assert found(bank) == []
    assert found(bank, "key-longest", silenced=True) == [
        f"{ALPHA}:113: question 4, option 1, text: the key has 76 characters, 2.38 times the longest distractor (32): a "
        "test-wise student picks the longest option; cut the key to one action or finding (qualify it in its feedback), "
        "or give the distractors the same detail (key-longest)"]
    code, out, _ = cli(bank, capsys)
    assert code == 0
    assert out.splitlines()[0] == "silenced (2):"
    assert out.splitlines()[1].endswith(f"(key-longest): why: {WHY}")
    assert out.splitlines()[-1] == "course lint: 13 questions, 3 decisions, 1 cases: 0 error(s), 0 warning(s), 2 silenced"


def test_a_quiz_lint_silences_its_items_and_itself_as_a_bank(bank):
    apply(bank, LONG_KEY_A4 + _longer_keys(KEY_A5, KEY_A8) + ((ALPHA, "module: neuro\n",
          "module: neuro\nlint: {ignore: [key-longest, key-longest-share, option-length], why: A bank of worked examples.}\n"),))
    assert found(bank) == []
    assert {f.split(" (")[-1] for f in found(bank, silenced=True)} == {"key-longest)", "key-longest-share)", "option-length)"}


def test_a_case_lint_silences_the_case_and_its_decisions(bank):
    apply(bank, ((CASE, "title: Tingling feet and weak legs after a stomach bug", "title: GBS after a stomach bug"),
                 (CASE, "      difficulty: hard\n", ""),
                 (CASE, "module: neuro\n", "module: neuro\n"
                  "lint: {ignore: [title-names-diagnosis, missing-difficulty], why: A worked example.}\n")))
    assert found(bank) == []
    assert len(found(bank, silenced=True)) == 2


def test_a_bank_rule_leaves_silenced_items_out_of_its_count(bank):
    apply(bank, RULE_CASES["true-false-share"].passes)  # the true/false item, silenced for the share
    assert found(bank, "true-false-share") == []
    assert found(bank, "true-false-share", silenced=True) == [
        f"{BETA}:98: question 4: left out of the count for the course (true-false-share)"]


def test_a_pair_is_silenced_from_either_item(bank):
    apply(bank, RULE_CASES["similar-stems"].edits)
    silence = "    lint: {ignore: [similar-stems], why: 'Diagnosis here, the antibody test there.'}\n"
    apply(bank, ((ALPHA, "    tags: [lems]\n", "    tags: [lems]\n" + silence),))
    assert found(bank, "similar-stems") == []
    assert len(found(bank, "similar-stems", silenced=True)) == 1


# -- severity: bank rules warn for a bank under ten items ---------------------------------------------


def test_a_bank_rule_warns_for_a_bank_under_ten_items(bank, capsys):
    apply(bank, ((BETA, "      - text: Levofloxacin\n", "      - text: Oral levofloxacin\n"),))  # 1 of beta's 2 SBA keys
    findings = [f for f in lint_course(load_course(bank)) if f.rule == "key-longest-share"]
    assert [(f.file, f.warning) for f in findings] == [(BETA, True)]
    code, out, _ = cli(bank, capsys)
    assert code == 0
    assert out.startswith(f"warning: {BETA}:2: questions: the key is the strictly longest option in 1 of 2 "
                          "single-best-answer items of quiz 'beta' (50%")


def test_course_rules_warn_in_a_course_under_ten_items_and_item_rules_still_fail():
    findings = lint_course(load_course(FIXTURE))  # the sample course: 6 questions and 1 decision
    share = [f for f in findings if f.rule == "true-false-share"]
    assert share and all(f.warning for f in share)
    assert any(f.error for f in findings if f.rule == "stem-short")


# -- the command --------------------------------------------------------------------------------------


def cli(root, capsys, *args):
    code = course_main(["lint", "--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_on_a_clean_course(capsys):
    assert cli(BANK, capsys) == (0, "course lint: 13 questions, 3 decisions, 1 cases: no problems\n", "")


def test_exit_1_on_an_error_with_file_line_field_message_and_rule(bank, capsys):
    apply(bank, RULE_CASES["key-longest"].edits)
    code, out, _ = cli(bank, capsys)
    assert code == 1
    assert out.splitlines()[0] == "error: " + RULE_CASES["key-longest"].expected[0]
    assert out.splitlines()[-1].endswith(": 2 error(s), 0 warning(s), 0 silenced")


def test_exit_1_when_the_course_does_not_load(bank, capsys):
    edit(bank / ALPHA, "    type: multiple\n", "    type: several\n")
    code, out, err = cli(bank, capsys)
    assert code == 1 and out == ""
    assert f"{ALPHA}:193: question 7, type: 'several' is not allowed here: use one of single, multiple, true-false" in err


def test_exit_2_for_a_path_that_does_not_exist_or_is_outside(bank, capsys, tmp_path):
    assert cli(bank, capsys, "quizzes/nope.yml")[0] == 2
    code, _, err = cli(bank, capsys, str(tmp_path))
    assert code == 2 and "is not inside the course" in err


def test_rules_lists_every_rule_with_its_level(capsys):
    assert course_main(["lint", "--rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    assert [line.split()[1] for line in lines] == [r.level for r in RULES.values()]


def test_paths_filter_the_report_but_not_what_is_linted(bank, capsys):
    apply(bank, RULE_CASES["feedback-short"].edits + RULE_CASES["stem-short"].edits
          + RULE_CASES["multiple-select-share"].edits)
    code, out, _ = cli(bank, capsys, str(bank / BETA))
    lines = out.splitlines()
    assert code == 1
    # beta's own finding, and the course-wide finding that names a beta item although it points at alpha
    assert [line.split(" (")[-1] for line in lines[:-1]] == ["multiple-select-share)", "stem-short)"]
    assert lines[-1].endswith("(reporting only quizzes/beta.yml): 2 error(s), 0 warning(s), 0 silenced")
    assert len(cli(bank, capsys, "quizzes")[1].splitlines()) == 4  # a folder, relative to the root
    code, out, _ = cli(bank, capsys, "cases")
    assert code == 0 and out.endswith(": no problems\n")


def test_the_installed_command_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "course", "lint", "--root", str(BANK)], capture_output=True,
                            text=True, cwd=tmp_path, env={"PYTHONPATH": str(HOOKS), "PATH": ""}, timeout=60)
    assert (result.returncode, result.stdout) == (0, "course lint: 13 questions, 3 decisions, 1 cases: no problems\n")


# -- lint stays out of the build --------------------------------------------------------------------


def test_the_build_and_course_check_never_import_the_linter():
    code = ("import sys; import course_hook, course.cli, course.markdown_ext; "
            "sys.exit(int(any(m.startswith('course.lint') for m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(HOOKS), "NO_MKDOCS_2_WARNING": "1"}, timeout=60)
    assert result.returncode == 0, result.stderr


# -- the docs page ----------------------------------------------------------------------------------

PAGE = REPO / "docs" / "authoring" / "lint.md"


def test_the_docs_rule_reference_is_the_registry():
    text = PAGE.read_text(encoding="utf-8")
    assert text.count(BEGIN) == 1 and text.count(END) == 1
    committed = BEGIN + text.split(BEGIN)[1].split(END)[0] + END
    assert committed == generated(), "the rule reference is stale: run .venv/bin/python -m course.lint.docs"


def test_every_rule_is_documented_with_its_threshold_examples_and_silencing():
    text = PAGE.read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"### `{rule.id}`" in text
        assert len(rule.doc.split()) >= 40, f"{rule.id}: say what the threshold is and why"
    assert text.count("**Fails:**") == text.count("**Passes:**") == len(RULES)


def test_the_page_is_linked_from_the_guide_and_listed_under_for_instructors():
    assert "(authoring/lint.md)" in (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("- For instructors:")[1]
    assert "authoring/lint.md" in nav


# -- the real course: any valid content lints without a traceback, and every finding points somewhere ---


def test_every_finding_on_the_real_course_points_at_a_real_place():
    findings = lint_course(load_course(REPO))
    for f in findings:
        assert f.rule in RULES
        assert str(f).endswith(f"({f.rule})") and f.message
        lines = (REPO / f.file).read_text(encoding="utf-8").count("\n") + 1
        assert f.line is None or 1 <= f.line <= lines, str(f)
        assert all((REPO / file).is_file() for file in f.files)


# -- reading text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem, expected", [
    ("A 30-year-old man is weak.\n\nWhat is the most likely diagnosis?", "What is the most likely diagnosis?"),
    ("He is weak. Which is NOT a feature? Choose one.", "Which is NOT a feature?"),
    ("| VC | 20 |\n|---|---|\n\nTrue or false: the VC is low.", "True or false: the VC is low."),
    ("She has not improved. What is the best next step?", "What is the best next step?"),
])
def test_the_lead_in_is_the_question_the_stem_ends_on(stem, expected):
    assert lead_in(stem) == expected


@pytest.mark.parametrize("lead, negative", [
    ("Which is NOT a feature of myasthenia gravis?", ["NOT"]), ("All of these fit EXCEPT which?", ["EXCEPT"]),
    ("Which finding is least likely?", ["least"]), ("Which drug shouldn't be given?", ["shouldn't"]),
    ("How often should VC be measured, at least?", []), ("What is the best next step?", []),
])
def test_negative_words_in_the_lead_in(lead, negative):
    assert [m.group(0) for m in NEGATIVE.finditer(lead)] == negative


def test_words_and_folding():
    assert words("MIP −34 cmH2O in **Guillain-Barré** [syndrome](x.md)") == [
        "MIP", "34", "cmH2O", "in", "Guillain-Barré", "syndrome"]
    assert [fold(w) for w in ("Crises", "Barré", "ticks", "paralyses", "gas", "Myopathies")] == [
        "crisis", "barre", "tick", "paralysis", "gas", "myopathy"]


GLOSSARY = {"GBS": "Guillain-Barré syndrome", "MG": "myasthenia gravis"}


@pytest.mark.parametrize("title, diagnosis, tags, expected", [
    ("A myasthenic crisis on the ward", "Myasthenia gravis", (), ["myasthenic"]),  # six letters in common
    ("Botulinum toxin and a family lunch", "Foodborne botulism", (), ["Botulinum"]),
    ("Two crises in a week", "Myasthenic crisis", (), ["crises"]),  # plural
    ("GBS: the patient whose gases looked fine", "Guillain-Barré syndrome", (), ["GBS"]),  # the glossary
    ("Weak legs after a tick bite", None, ("tick-paralysis",), ["tick"]),  # a tag
    ("Acute weakness after sepsis", "ICU-acquired weakness", ("gbs",), []),  # generic words only
    ("60 mg of pyridostigmine too many", "Cholinergic crisis", ("myasthenia-gravis",), []),  # 'mg' is a unit here
])
def test_title_giveaways(title, diagnosis, tags, expected):
    case = Case("c", title, "m", "s", (), (), (), diagnosis=diagnosis, tags=tags)
    assert [word for word, _ in giveaways(case, GLOSSARY)] == expected


# -- the case fields the linter reads ------------------------------------------------------------------


def test_a_case_keeps_its_diagnosis_and_tags_and_objectives_their_line():
    course = load_course(BANK)
    case = course.cases["gbs-ward"]
    assert (case.diagnosis, case.tags) == ("Guillain-Barré syndrome (acute inflammatory demyelinating polyneuropathy)", ("gbs",))
    assert [o.line for o in course.modules["neuro"].objectives] == [5, 7, 9, 11]


def test_case_tags_come_from_the_vocabulary(bank):
    (bank / "tags.yml").write_text("gbs: GBS.\nrespiratory-monitoring: Breathing.\nmanagement: Treatment.\n", encoding="utf-8")
    edit(bank / CASE, "tags: [gbs]\n", "tags: [gbs, guillain-barre]\n")
    assert [p for p in problems(bank) if p.startswith(CASE)] == [
        f"{CASE}:5: tag 2: unknown tag 'guillain-barre': use a tag from tags.yml, or add this one there with what it covers"]


def test_an_objective_nobody_tests(bank):
    apply(bank, RULE_CASES["objective-coverage"].edits + ((BETA, "    objective: nm-localise\n", "    objective: nm-diagnose\n"),))
    assert found(bank, "objective-coverage") == [
        f"{MODULE}:5: objective 1: objective 'nm-localise' is tested by no item or decision; at least 2 items or "
        "decisions should test it: write them with 'objective: nm-localise', or take the objective out (objective-coverage)"]


# The nine case titles of the audited bank (e792492), with the diagnosis each case leads to: the audit
# found that five give it away.
AUDITED_TITLES = [
    ("A floppy arm after a cold", "Acute flaccid myelitis", False),
    ("Double vision after a family lunch", "Foodborne botulism", False),
    ("A Gowers sign: the boy who climbs up his own legs", "Duchenne muscular dystrophy", False),
    ("Too much of a good thing: cholinergic crisis", "Cholinergic crisis", True),
    ("Guillain-Barré syndrome: the patient whose gases looked fine", "Guillain-Barré syndrome", True),
    ("ICU-acquired weakness: the septic patient who cannot wean", "ICU-acquired weakness (critical illness myopathy)", True),
    ("A new antibiotic and a failing voice: myasthenic crisis", "Myasthenic crisis from levofloxacin", True),
    ("The mimic: organophosphate poisoning and the intermediate syndrome", "Intermediate syndrome after organophosphate "
     "poisoning", True),
    ("The girl who could not stand", "Tick paralysis", False),
]


@pytest.mark.parametrize("title, diagnosis, gives_away", AUDITED_TITLES)
def test_the_audited_titles_that_name_their_diagnosis(title, diagnosis, gives_away):
    case = Case("c", title, "m", "s", (), (), (), diagnosis=diagnosis)
    assert bool(giveaways(case, GLOSSARY)) == gives_away


# -- the instructor walk: hints that work, findings on the item being written, a new module ------------


def test_the_missing_tags_hint_names_only_tags_of_the_vocabulary(bank):
    course = load_course(bank)
    used = sorted({t for q in course.questions() for t in q.tags} | {t for _, s in course.decisions() for t in s.decision.tags}
                  | {t for c in course.cases.values() for t in c.tags})
    (bank / "tags.yml").write_text("".join(f"{t}: What {t} covers.\n" for t in used), encoding="utf-8")
    apply(bank, RULE_CASES["missing-tags"].edits)
    [finding] = found(bank, "missing-tags")
    assert finding == (f"{ALPHA}:6: question 1, tags: no tags: add 'tags:' with its topic from tags.yml "
                       "(for example [gbs, respiratory-monitoring]) (missing-tags)")  # the module's commonest two
    assert {"gbs", "respiratory-monitoring"} <= set(used)  # the old hint named [gbs, management] in any course


CLONE = RULE_CASES["similar-stems"].edits  # beta's first stem rewritten as alpha's first patient


def test_a_near_duplicate_is_filed_against_the_newer_item(bank):
    apply(bank, CLONE)
    course = load_course(bank)
    older_beta = lint_course(course, edited={ALPHA: 2.0, BETA: 1.0})
    [finding] = [str(f) for f in older_beta if f.rule == "similar-stems"]
    assert finding == (f"{ALPHA}:6: question 1, stem: the vignette reads like that of b1-drug ({BETA}:6): similarity "
                       "0.49, limit 0.30; one item per patient and teaching point: keep one, or rewrite this one around "
                       "another patient or another step (similar-stems)")
    [newer_beta] = [str(f) for f in lint_course(course, edited={ALPHA: 1.0, BETA: 2.0}) if f.rule == "similar-stems"]
    assert newer_beta == RULE_CASES["similar-stems"].expected[0]


def test_course_lint_files_a_near_duplicate_on_the_file_changed_last_or_named(bank, capsys):
    apply(bank, CLONE)
    os.utime(bank / BETA, (1_000_000, 1_000_000))  # beta reviewed long ago; alpha is the file being written
    code, out, _ = cli(bank, capsys)
    assert code == 1 and out.startswith(f"error: {ALPHA}:6: question 1, stem: the vignette reads like that of b1-drug")
    code, out, _ = cli(bank, capsys, BETA)  # naming a file says which item is being written
    assert code == 1 and out.startswith(f"error: {BETA}:6: question 1, stem: the vignette reads like that of a1-lems")


def test_a_silenced_pair_shows_its_reason_beside_the_item_that_gave_it(bank, capsys):
    apply(bank, CLONE)
    why = "Diagnosis here, the antibody test there."
    apply(bank, ((ALPHA, "    tags: [lems]\n", f"    tags: [lems]\n    lint: {{ignore: [similar-stems], why: '{why}'}}\n"),))
    code, out, _ = cli(bank, capsys)  # beta is the newer file (edited last), but alpha gave the reason
    assert code == 0
    [line] = [line for line in out.splitlines() if "(similar-stems)" in line]
    assert line.startswith(f"  {ALPHA}:6: question 1, stem: the vignette reads like that of b1-drug ({BETA}:6)")
    assert line.endswith(f"(similar-stems): why: {why}")


def test_a_new_module_with_no_items_warns_no_items_yet(bank, capsys):
    (bank / "docs/modules/breathing.md").write_text(
        "---\norder: 2\nobjectives:\n  - id: br-watch\n    text: Watch the breathing.\n---\n# Breathing\n",
        encoding="utf-8")
    assert [str(f) for f in lint_course(load_course(bank)) if not f.warning] == []
    assert [str(f) for f in lint_course(load_course(bank)) if f.warning] == [
        "docs/modules/breathing.md:4: objective 1: objective 'br-watch' has no items yet: the module has no quiz "
        "questions or case decisions; write at least 2 with 'objective: br-watch' (course new quiz NAME --module "
        "breathing starts a quiz that does) (objective-coverage)"]
    assert cli(bank, capsys)[0] == 0
    # once the module has an item, an objective it does not test is an error again
    (bank / "quizzes/breathing.yml").write_text((bank / BETA).read_text(encoding="utf-8").replace(
        "module: neuro", "module: breathing").replace("id: b", "id: br-b").replace("id: beta", "id: breathing"),
        encoding="utf-8")
    coverage = [f for f in lint_course(load_course(bank)) if f.rule == "objective-coverage"]
    assert [(f.field, f.error) for f in coverage] == [("objective 1", True)]
    assert "'br-watch' is tested by no item or decision" in coverage[0].message
