"""Bedside score calculators: EGRIS, mEGOS and the MRC sum score, each item with its points, as HTML that calc.js
adds up, and that reads as the score's table without JavaScript.

The items and weights are those of the papers (../shared/clinical-facts.md, section 4.5 and 8.1): one
definition per score, here, from which both the HTML and `total()` (the tests' worked examples) are read, so
the page, the script and the tests cannot disagree. A score may have variants (mEGOS at admission and at day
7), which weigh the same items differently: every choice carries one number of points per variant.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Choice:
    label: str  # key of the interface's words
    points: tuple[int, ...]  # one per variant


@dataclass(frozen=True)
class Band:
    """A range of a number item, as the paper's table groups it: low..high gives points."""
    low: int
    high: int
    points: tuple[int, ...]


@dataclass(frozen=True)
class Item:
    key: str  # words key of the item's name; also its id in the HTML
    choices: tuple[Choice, ...] = ()  # choose one...
    bands: tuple[Band, ...] = ()  # ...or enter a number, which falls in one band
    low: int = 0
    high: int = 0


@dataclass(frozen=True)
class Verdict:
    """What a total predicts: totals low..high (of the variant) read as words[key]."""
    low: int
    high: int
    key: str
    level: str  # low | intermediate | high: the style of the verdict, never its only sign


@dataclass(frozen=True)
class Score:
    id: str
    title: str  # words key
    items: tuple[Item, ...]
    predicts: str  # words key: what the score predicts
    sources: tuple[str, ...]  # reference keys (references.yml)
    variants: tuple[str, ...] = ()  # words keys of the variants, when there are several
    verdicts: tuple[Verdict, ...] = ()
    grid: tuple[str, ...] = ()  # words keys of the columns of a grid score (MRC: right, left)

    def maximum(self, variant: int = 0) -> int:
        return sum(max(c.points[variant] for c in i.choices) if i.choices else max(b.points[variant] for b in i.bands)
                   for i in self.items)

    def points(self, item: Item, answer, variant: int = 0) -> int:
        """The points of one answer: the index of a choice, or the number entered."""
        if item.choices:
            return item.choices[answer].points[variant]
        band = next((b for b in item.bands if b.low <= answer <= b.high), None)
        if band is None:
            raise ValueError(f"{answer} is outside {item.low}..{item.high}")
        return band.points[variant]

    def total(self, answers: dict[str, object], variant: int = 0) -> int:
        return sum(self.points(item, answers[item.key], variant) for item in self.items)

    def verdict(self, total: int, variant: int = 0) -> str | None:
        return next((v.key for v in self.verdicts if v.low <= total <= v.high), None)


def _mrc_band(*rows) -> tuple[Band, ...]:
    return tuple(Band(low, high, points) for low, high, points in rows)


EGRIS = Score(
    id="egris", title="egris_title", predicts="egris_predicts", sources=("walgaard-2010",),
    items=(
        Item("egris_days", choices=(Choice("egris_days_more", (0,)), Choice("egris_days_4_7", (1,)),
                                    Choice("egris_days_3", (2,)))),
        Item("egris_face", choices=(Choice("no", (0,)), Choice("yes", (1,)))),
        Item("egris_mrc", low=0, high=60, bands=_mrc_band((51, 60, (0,)), (41, 50, (1,)), (31, 40, (2,)),
                                                          (21, 30, (3,)), (0, 20, (4,)))),
    ),
    verdicts=(Verdict(0, 2, "egris_low", "low"), Verdict(3, 4, "egris_intermediate", "intermediate"),
              Verdict(5, 7, "egris_high", "high")),
)

MEGOS = Score(
    id="megos", title="megos_title", predicts="megos_predicts", sources=("walgaard-2011",),
    variants=("megos_admission", "megos_day7"),
    items=(
        Item("megos_age", choices=(Choice("megos_age_40", (0, 0)), Choice("megos_age_41_60", (1, 1)),
                                   Choice("megos_age_60", (2, 2)))),
        Item("megos_diarrhoea", choices=(Choice("no", (0, 0)), Choice("yes", (1, 1)))),
        Item("megos_mrc", low=0, high=60, bands=_mrc_band((51, 60, (0, 0)), (41, 50, (2, 3)), (31, 40, (4, 6)),
                                                          (0, 30, (6, 9)))),
    ),
)

MRC_GROUPS = ("mrc_shoulder", "mrc_elbow", "mrc_wrist", "mrc_hip", "mrc_knee", "mrc_ankle")
GRADES = tuple(Choice(str(g), (g,)) for g in range(6))
MRC = Score(
    id="mrc", title="mrc_title", predicts="mrc_predicts", sources=("kleyweg-1991", "stevens-2009"),
    grid=("mrc_right", "mrc_left"),
    items=tuple(Item(f"{group}-{side}", choices=GRADES) for group in MRC_GROUPS for side in ("mrc_right", "mrc_left")),
    verdicts=(Verdict(0, 47, "mrc_below", "high"), Verdict(48, 60, "mrc_above", "low")),
)

SCORES = {s.id: s for s in (EGRIS, MEGOS, MRC)}


def _points_text(words, points: tuple[int, ...], variants: tuple[str, ...] = ()) -> str:
    """"2 points", or per variant: "At admission: 2; At day 7: 3" (calc.js shows the variant chosen)."""
    if len(points) == 1 or not variants:
        return words("calc_got", n=points[0])
    return "; ".join(f"{words(v)}: {p}" for v, p in zip(variants, points))


def render(score: Score, renderer, where: str = "") -> str:
    """The calculator's HTML. `where` makes its ids unique when a page holds the same score twice."""
    w = renderer.words
    base = f"calc-{score.id}{where}"
    out = [f'<form class="course-calc" id="{base}" data-calc="{score.id}" aria-labelledby="{base}-title" '
           f'data-search-exclude>'
           f'<p class="course-calc-title" id="{base}-title"><strong>{escape(w(score.title))}</strong></p>']
    if score.variants:
        radios = "".join(
            f'<label><input type="radio" name="{base}-variant" value="{i}"{" checked" if i == 0 else ""}> '
            f'{escape(w(key))}</label>' for i, key in enumerate(score.variants))
        out.append(f'<fieldset class="course-calc-variant"><legend>{escape(w("megos_when"))}</legend>{radios}</fieldset>')
    if score.grid:
        out.append(_grid(score, renderer, base))
    else:
        for item in score.items:
            out.append(_item(score, item, renderer, base))
    maxima = " ".join(str(score.maximum(v)) for v in range(max(1, len(score.variants))))
    verdicts = "".join(
        f'<li data-low="{v.low}" data-high="{v.high}" data-level="{v.level}">{escape(w(v.key))}</li>'
        for v in score.verdicts)
    out.append(
        f'<p class="course-calc-total" data-max="{maxima}"><output id="{base}-total" aria-live="polite"></output></p>')
    if verdicts:
        out.append(f'<ul class="course-calc-verdicts">{verdicts}</ul>')
    out.append(f'<p class="course-calc-predicts">{escape(w(score.predicts))}</p>')
    if score.id == "mrc":
        out.append(f'<p class="course-calc-note">{escape(w("mrc_grades"))}</p>')
    cites = "; ".join(renderer.citation(k) for k in score.sources)
    out.append(f'<p class="course-calc-source"><strong>{escape(w("calc_source"))}:</strong> {cites}</p>'
               f'<noscript><p>{escape(w("calc_noscript"))}</p></noscript></form>')
    return "".join(out)


def _item(score: Score, item: Item, renderer, base: str) -> str:
    w = renderer.words
    iid = f"{base}-{item.key}"
    if item.choices:
        options = "".join(
            f'<label><input type="radio" name="{iid}" value="{n}" data-points="{" ".join(map(str, c.points))}"> '
            f'{escape(w(c.label))} <span class="course-calc-points">({escape(_points_text(w, c.points, score.variants))})</span></label>'
            for n, c in enumerate(item.choices))
        return (f'<fieldset class="course-calc-item" data-item="{item.key}"><legend>{escape(w(item.key))}</legend>{options}'
                f'<output class="course-calc-got" aria-hidden="true"></output></fieldset>')
    bands = " ".join(f"{b.low}-{b.high}:{','.join(map(str, b.points))}" for b in item.bands)
    table = "; ".join(f"{b.high}–{b.low}: {' / '.join(map(str, b.points))}" for b in sorted(item.bands, key=lambda b: -b.high))
    return (f'<div class="course-calc-item" data-item="{item.key}"><label for="{iid}">{escape(w(item.key))}</label> '
            f'<input type="number" id="{iid}" min="{item.low}" max="{item.high}" step="1" inputmode="numeric" '
            f'data-bands="{bands}" aria-describedby="{iid}-bands"> '
            f'<span class="course-calc-points" id="{iid}-bands">({escape(table)})</span>'
            f'<output class="course-calc-got" aria-hidden="true"></output></div>')


def _grid(score: Score, renderer, base: str) -> str:
    """The MRC sum score as the bedside sheet lays it out: a row per muscle group, a column per side."""
    w = renderer.words
    heads = "".join(f'<th scope="col">{escape(w(side))}</th>' for side in score.grid)
    rows = []
    for group in MRC_GROUPS:
        cells = []
        for side in score.grid:
            iid = f"{base}-{group}-{side}"
            grades = "".join(f'<option value="{g}" data-points="{g}">{g}</option>' for g in range(6))
            cells.append(f'<td class="course-calc-item" data-item="{group}-{side}"><select id="{iid}" '
                         f'aria-label="{escape(w(group))}, {escape(w(side).lower())}"><option value="">–</option>'
                         f'{grades}</select></td>')
        rows.append(f'<tr><th scope="row">{escape(w(group))}</th>{"".join(cells)}</tr>')
    return (f'<table class="course-calc-grid"><thead><tr><th scope="col">{escape(w("calc_item"))}</th>{heads}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
