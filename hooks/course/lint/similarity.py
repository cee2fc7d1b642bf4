"""Near-duplicate items across the whole course, quizzes and case decisions together.

Two items are compared by the cosine of their TF-IDF word vectors: each word weighs more the more
often it is in the item and the fewer items of the course use it, so two stems about the same
38-year-old who ate home-bottled vegetables score high while two stems that merely share "weakness"
and "reflexes" do not. Words are folded (case, accents, plurals) and function words dropped. The
thresholds were measured on the bank at commit e792492 and its known clones; see the docstrings and
docs/authoring/lint.md. Decisions of one case are never compared with each other: they share a
patient by design.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from functools import cached_property

from .items import CourseView, Item, Reporter
from .registry import Example, rule
from .text import folded_words

STEM_LIMIT = 0.30  # similar-stems: cosine of the vignettes
OPTION_LIMIT = 0.50  # similar-options: cosine of the option texts...
EXPLANATION_FLOOR = 0.20  # ...when the explanations teach the same point (cosine at least this)
KEY_MATCH = 0.6  # two keys are the same answer when this share of their words is shared (Jaccard)

STOP = frozenset("""
a an the of and or in on at to for with by from is are was were be been being has have had he she his her him it its
this that these those which what who whom whose how when where why than then there their they them as not no but if
into over after before about most likely best next following your you we our one do does did can could would should
may might will shall per true false select all apply choose statement statements each other any some such
""".split())

TITLE = "Clones"


def tokens(text: str) -> list[str]:
    return [w for w in folded_words(text) if len(w) > 1 and w not in STOP]


class Vectors:
    """TF-IDF vectors of a list of texts, L2-normalised so a dot product is the cosine.

    tf = 1 + ln(count), idf = ln((1 + N) / (1 + df)): a word in every item weighs nothing. (With
    scikit-learn's extra +1 on idf, words common to many items, such as "weakness", kept enough
    weight to push unrelated pairs of the real bank over the line; the cost is that in a course of
    two items, words they share carry no weight.)"""

    def __init__(self, texts: list[str]):
        counts = [Counter(tokens(t)) for t in texts]
        df = Counter(w for c in counts for w in c)
        n = len(texts)
        self.vectors = []
        for c in counts:
            v = {w: (1 + math.log(k)) * math.log((1 + n) / (1 + df[w])) for w, k in c.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vectors.append({w: x / norm for w, x in v.items()})

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())


def _jaccard(x: frozenset, y: frozenset) -> float:
    return len(x & y) / len(x | y) if x | y else 1.0


def key_words(item: Item) -> list[frozenset]:
    return [frozenset(tokens(o.text)) for o in item.keys]


def same_keys(a: list[frozenset], b: list[frozenset]) -> bool:
    """Every key of each item is, word for word, mostly a key of the other (the keys' word sets)."""
    def covered(xs, ys):
        return all(any(_jaccard(x, y) >= KEY_MATCH for y in ys) for x in xs)
    return covered(a, b) and covered(b, a)


def story(item: Item) -> str:
    """The text compared for similar-stems: a quiz stem, or a decision's stage narrative and stem. The
    stage's findings tables are left out: every stage lists the same vital signs, and those shared row
    names made unrelated decisions look alike."""
    return f"{item.stage.narrative}\n\n{item.question.stem}" if item.stage else item.question.stem


class Pairs:
    """Every pair of items that may be compared, with their stem and option similarities."""

    def __init__(self, view: CourseView):
        self.items = view.items
        self.stems = Vectors([story(i) for i in self.items])
        self.options = Vectors([" ".join(o.text for o in i.question.options) for i in self.items])
        self.explanations = Vectors([i.question.explanation for i in self.items])
        self.keys = [key_words(i) for i in self.items]

    @cached_property
    def pairs(self) -> list[tuple[int, int]]:
        return [(i, j) for i, j in itertools.combinations(range(len(self.items)), 2)
                if not (self.items[i].case and self.items[i].case is self.items[j].case)]

    def stem(self, i: int, j: int) -> float:
        return self.stems.cosine(i, j)

    def option(self, i: int, j: int) -> float:
        return self.options.cosine(i, j)

    def explanation(self, i: int, j: int) -> float:
        return self.explanations.cosine(i, j)


def _pairs(report: Reporter) -> Pairs:
    return report.view.shared("similarity", Pairs)


@rule("similar-stems", "Two items anywhere in the course have near-duplicate vignettes (similarity 0.30 or more).",
      target="pair", example=Example(
          bad="""\
quizzes/motor-unit.yml:
  stem: |
    A 38-year-old man comes to the emergency department 30 hours after a barbecue where he ate
    home-preserved garlic in oil. He has blurred and double vision, drooping eyelids, slurred speech
    and difficulty swallowing. His pupils are 6 mm and react sluggishly. What is the most likely diagnosis?
quizzes/patterns.yml:
  stem: |
    A 38-year-old woman comes to the emergency department 20 hours after a family meal that included
    home-bottled vegetables. She has double and blurred vision, slurred speech and difficulty
    swallowing. Her pupils are 6 mm and react sluggishly. Which diagnosis best fits this pattern?
""",
          good="""\
quizzes/motor-unit.yml:
  stem: |
    A 38-year-old man comes to the emergency department 30 hours after a barbecue where he ate
    home-preserved garlic in oil. He has blurred and double vision, drooping eyelids, slurred speech
    and difficulty swallowing. His pupils are 6 mm and react sluggishly. What is the most likely diagnosis?
quizzes/patterns.yml:
  stem: |
    A 6-month-old girl has been constipated for four days and now feeds poorly. Her cry is weak,
    her eyelids droop and she cannot hold her head up. She is afebrile and alert. Her parents give
    her honey on her dummy. Which investigation will confirm the diagnosis?
""",
          kind="pair"))
def similar_stems(report: Reporter) -> None:
    """Compares every item with every other (decisions of one case excepted): a quiz stem, or for a
    decision its stage's narrative and stem, as TF-IDF word vectors. A cosine of **0.30 or more**
    fails. Measured on the bank at commit e792492 (112 items, 6,139 pairs; run
    `tests/calibrate_similarity.py`): unrelated pairs have a median of 0.02 and a 99th percentile of
    0.19. Of the 11 clone pairs the item audit names, 8 score 0.34 to 0.66 and are caught here, 2 more
    reuse the options rather than the words and are caught by `similar-options`, and one (a true/false
    item and a single-best-answer item on paradoxical breathing, 0.21) is missed. The rule also flags
    8 pairs the audit does not name, 0.30 to 0.38, and each is the same patient or the same question
    asked again in a quiz and a case, which the bank's rules forbid. The highest pairs let through
    score 0.30 (two items on failing breathing in GBS sharing a phrase) and 0.29 (a myopathy and
    LEMS, both proximal weakness, not a clone), so the line sits at the edge of what words alone can
    separate. A pair that tests one point at two different steps (diagnosis, then management) can be
    silenced on either item, with that reason.

    The finding is filed against the item its author silenced it on, so the reason is printed beside
    that item; otherwise against the newer of the two, the one being written: an item in a file named
    to `course lint`, else in the file changed last, so an author adding a question sees the finding on
    their own file rather than on an older, reviewed one."""
    pairs = _pairs(report)
    for i, j in pairs.pairs:
        score = pairs.stem(i, j)
        if score >= STEM_LIMIT:
            report.pair(pairs.items[i], pairs.items[j], lambda other: (
                f"the vignette reads like that of {other.where}: similarity {score:.2f}, limit "
                f"{STEM_LIMIT:.2f}; one item per patient and teaching point: keep one, or rewrite this one "
                "around another patient or another step"), ".stem")


@rule("similar-options",
      "Two items have the same key, near-duplicate options and explanations that teach the same point.", target="pair",
      example=Example(
          bad="""\
quizzes/crisis.yml (a 74-year-old in myasthenic crisis and septic shock):
  options: [IVIg (key), Plasma exchange, Pulsed intravenous methylprednisolone alone, High-dose oral prednisolone alone]
cases/mg-crisis-drug.yml (the case's patient, now in septic shock):
  options: [IVIg (key), Plasma exchange, Pulsed intravenous methylprednisolone alone, A neostigmine infusion]
""",
          good="""\
quizzes/crisis.yml: the same question, kept.
cases/mg-crisis-drug.yml: the decision now asks what to do with his pyridostigmine while he is ventilated,
  a step the quiz does not test.
""",
          kind="prose"))
def similar_options(report: Reporter) -> None:
    """For two items with the **same key** (the same single best answer, or the same set of correct
    options; true/false items are not compared), it fails when their option texts have a cosine of
    **0.50 or more** and their explanations one of **0.20 or more**: the same question with the same
    answer, teaching the same point, however the vignette was rewritten. On the bank at e792492 this
    catches the audit's clones that `similar-stems` misses (immunotherapy in septic myasthenic crisis,
    EGRIS at admission, stems only 0.26 and 0.19 alike) and four more quiz-and-case repeats (acute
    flaccid myelitis twice, the intermediate syndrome, GBS treatment). Options alone are not enough:
    "Where is the lesion?" items share the levels of the motor unit and often the key, so a LEMS item
    and a botulism decision, both keyed to the neuromuscular junction, have options 0.71 alike. Their
    explanations, which say what each item teaches, are only 0.07 alike; every same-key pair with
    alike options on that bank has explanations either 0.30 or more alike (repeats) or 0.14 or less
    (different diseases), and the floor sits between. Silence a pair on either item, saying which
    different step each tests; the finding is filed as for `similar-stems` (against the item that
    silenced it, else the newer)."""
    pairs = _pairs(report)
    for i, j in pairs.pairs:
        first, second = pairs.items[i], pairs.items[j]
        if "true-false" in (first.type, second.type):
            continue
        score, taught = pairs.option(i, j), pairs.explanation(i, j)
        if score >= OPTION_LIMIT and taught >= EXPLANATION_FLOOR and same_keys(pairs.keys[i], pairs.keys[j]):
            report.pair(first, second, lambda other: (
                f"asks the same question as {other.where}: the same key, near-identical options "
                f"({score:.2f} alike, limit {OPTION_LIMIT:.2f}) and explanations that teach the same point "
                f"({taught:.2f}): keep one, or make this one test another step (diagnosis, investigation, "
                "management)"), ".options")
