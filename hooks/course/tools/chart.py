"""The breathing chart: a GBS patient's serial vital capacity, MIP and MEP with the 20/30/40 lines, so that the
trend, not one value, is what a student reads (Lawn 2001: VC < 20 mL/kg, MIP weaker than 30 cmH2O, MEP < 40
cmH2O, or a fall of more than 30% in any).

Written in a page or a case stage as

    [breathing-chart: 11:00, 15:00, 19:00, 23:00; VC 30 28 25 19; MIP 48 44 37 29; MEP 62 57 49 38]

the times (or days) first, then each measure's values in order: VC in mL/kg, MIP as the magnitude of the
pressure (−48 and 48 mean the same), MEP in cmH2O. Parts are separated by semicolons; values by spaces or
commas. Without an argument the chart starts empty, for the student's own patient. chart.js draws it and
reveals one measurement at a time; the table under it holds the same values, for every reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

MEASURES = ("VC", "MIP", "MEP")
LINES = {"VC": 20, "MIP": 30, "MEP": 40}
WORDS = {"VC": "chart_vc", "MIP": "chart_mip", "MEP": "chart_mep"}


class ChartError(ValueError):
    """The chart's argument cannot be read; the message says what to write."""


@dataclass(frozen=True)
class Series:
    when: tuple[str, ...]
    values: dict[str, tuple[float, ...]]


def _split(text: str) -> list[str]:
    return [p.strip() for p in (text.split(",") if "," in text else text.split()) if p.strip()]


def _number(text: str, measure: str) -> float:
    try:
        value = abs(float(text.replace("\u2212", "-")))
    except ValueError:
        raise ChartError(f"'{text}' in {measure} is not a number: write the values as numbers, "
                         f"e.g. {measure} 30 28 25") from None
    return int(value) if value == int(value) else value


def parse(text: str | None) -> Series | None:
    """The series written after [breathing-chart: ...], or None for an empty chart; raises ChartError."""
    if not text or not text.strip():
        return None
    parts = [p.strip() for p in text.split(";")]
    if len(parts) != 1 + len(MEASURES):
        raise ChartError("write the times, then VC, MIP and MEP, separated by semicolons: "
                         "[breathing-chart: day 1, day 2; VC 40 30; MIP 50 40; MEP 60 50]")
    when = tuple(_split(parts[0]))
    if len(when) < 2:
        raise ChartError("give at least two times or days, so there is a trend to read")
    values = {}
    for part, measure in zip(parts[1:], MEASURES):
        name, _, rest = part.partition(" ")
        if name.upper() != measure:
            raise ChartError(f"expected {measure} here, found '{name}': give VC, MIP and MEP in that order")
        numbers = tuple(_number(v, measure) for v in _split(rest))
        if len(numbers) != len(when):
            raise ChartError(f"{measure} has {len(numbers)} values for {len(when)} times: give one value per time")
        values[measure] = numbers
    return Series(when, values)


_ID = re.compile(r"[^a-z0-9]+")


def render(series: Series | None, renderer, where: str = "") -> str:
    w = renderer.words
    base = f"chart{where}"
    heads = "".join(f'<th scope="col">{escape(w(WORDS[m]))}</th>' for m in MEASURES)
    rows = ""
    if series:
        rows = "".join(
            f'<tr><th scope="row">{escape(t)}</th>'
            + "".join(f"<td>{series.values[m][i]}</td>" for m in MEASURES) + "</tr>"
            for i, t in enumerate(series.when))
    lines = " ".join(f"{m}:{v}" for m, v in LINES.items())
    return (f'<figure class="course-chart" id="{base}" data-lines="{lines}" data-search-exclude>'
            f'<figcaption><strong>{escape(w("chart_title"))}</strong></figcaption>'
            f'<p class="course-chart-rule">{escape(w("chart_rule"))}</p>'
            f'<table class="course-chart-data"><thead><tr><th scope="col">{escape(w("chart_when"))}</th>{heads}</tr></thead>'
            f'<tbody>{rows}</tbody></table></figure>')
