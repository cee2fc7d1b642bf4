"""The markers an author writes on a line of its own in a Markdown page, in one registry.

    [quiz: crisis-basics]        a quiz
    [case: gbs-respiratory]      a case
    [quizzes]  [cases]           indexes of all quizzes / cases, by module
    [progress]                   the student's progress table
    [glossary]                   the glossary table
    [references]                 the whole bibliography
    [references: a, b]           the listed entries only
    [schema: quiz]               the field reference of quiz (or case) files
    [module: icu]                a module's opening: summary, reading time, objectives, pages, practice
    [objectives: icu]            a module's learning objectives
    [practice: icu]              cards linking to a module's quizzes and cases
    [quiz-nav: id] [case-nav: id]  back to module, previous and next (on the generated quiz and case pages)
    [quiz-next: id] [case-next: id]  what follows a quiz or a case (at the bottom of their pages)
    [case-next: id]              what to do after a case: the module's next case and its quiz
    [exam]  [review]             exam mode, and the spaced review of misses (their generated pages hold them)
    [due]                        "N questions due for review today", with the way to the review
    [calculator: egris]          a bedside score calculator: egris, megos or mrc (also inside a case stage)
    [breathing-chart: ...]       serial VC, MIP and MEP on a chart with the 20/30/40 lines (also in a case stage)

`MARKERS` is the only list of kinds: the line pattern, the dispatch to the renderer and the page check are
all read from it, so a new kind is one entry here (and one renderer method). Each kind declares its
argument's type; reading an argument checks it against the course and says what to write instead.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import navigation
from .errors import ContentError, field_path
from .model import Course
from .tools import calculators, chart


class ArgumentError(ValueError):
    """A marker's argument does not fit its kind; the message says what to write."""


# -- argument types ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    """How the text after `kind:` is read: `read(course, kind, text)` returns the typed value, or raises
    ArgumentError saying what to write."""

    what: str  # as the author reads it, for messages: "quiz id"
    read: Callable[[Course, str, str | None], Any]


def _nothing(course: Course, kind: str, text: str | None) -> None:
    if text:
        raise ArgumentError(f"[{kind}] takes nothing after its name: write [{kind}]")
    return None


def _pool_id(pool_name: str, noun: str) -> Callable[[Course, str, str | None], str]:
    def read(course: Course, kind: str, text: str | None) -> str:
        pool = getattr(course, pool_name)
        if not text:
            raise ArgumentError(f"name the {noun} to show here: write [{kind}: its-id]")
        if text not in pool:
            known = ", ".join(sorted(pool)) or "none"
            raise ArgumentError(f"no {noun} with id '{text}': use one of {known}")
        return text

    return read


def _module_id(course: Course, kind: str, text: str | None) -> str:
    if text not in course.modules:
        known = ", ".join(course.modules) or "none"
        raise ArgumentError(f"name a module: write [{kind}: module-id], with one of {known}")
    return text


SCHEMA_KINDS = ("quiz", "case")


def _schema_kind(course: Course, kind: str, text: str | None) -> str:
    if text not in SCHEMA_KINDS:
        raise ArgumentError(f"name a file kind: write [{kind}: quiz] or [{kind}: case]")
    return text


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for a close match, or ''."""
    hint = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def _reference_keys(course: Course, kind: str, text: str | None) -> tuple[str, ...] | None:
    """None for the whole bibliography, or the listed keys, each a key of references.yml."""
    if not text:
        return None
    keys = tuple(k.strip() for k in text.split(","))
    if "" in keys:
        raise ArgumentError("an empty key (two commas, or a comma at the end): separate keys with one comma each")
    unknown = [k for k in keys if k not in course.references]
    if unknown:
        raise ArgumentError("; ".join(
            f"unknown reference '{k}'{did_you_mean(k, course.references)}: add it to references.yml or fix the key"
            for k in unknown))
    return keys


def _calculator(course: Course, kind: str, text: str | None) -> calculators.Score:
    score = calculators.SCORES.get((text or "").strip().lower())
    if score is None:
        known = ", ".join(calculators.SCORES)
        raise ArgumentError(f"name the score to calculate: write [{kind}: egris], with one of {known}")
    missing = [k for k in score.sources if k not in course.references]
    if missing:
        raise ArgumentError(f"the {score.id} calculator cites {', '.join(missing)}, which references.yml lacks: "
                            "add the entry (the calculator shows it as its source)")
    return score


def _chart_series(course: Course, kind: str, text: str | None):
    try:
        return chart.parse(text)
    except chart.ChartError as exc:
        raise ArgumentError(str(exc)) from None


NOTHING = Argument("nothing", _nothing)
QUIZ_ID = Argument("quiz id", _pool_id("quizzes", "quiz"))
CASE_ID = Argument("case id", _pool_id("cases", "case"))
MODULE_ID = Argument("module id", _module_id)
SCHEMA_KIND = Argument("quiz or case", _schema_kind)
REFERENCE_KEYS = Argument("reference keys, comma-separated (optional)", _reference_keys)
CALCULATOR = Argument("egris, megos or mrc", _calculator)
CHART_SERIES = Argument("times; VC ...; MIP ...; MEP ... (optional)", _chart_series)


# -- the registry ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One kind of marker."""

    argument: Argument
    render: Callable[[Any, Any], str]  # (Renderer, typed argument) -> HTML
    needs_script: bool = False  # the page then gets course.js and course.css
    places: str | None = None  # "quiz" or "case": shows that item; "module": shows the module's quizzes and cases
    summary: str = ""
    once: bool = False  # at most once on a page (its HTML has fixed ids)
    in_texts: bool = False  # may also stand on a line of its own in a case stage's narrative


MARKERS: dict[str, Spec] = {
    "quiz": Spec(QUIZ_ID, lambda r, v: r.quiz(v), needs_script=True, places="quiz", summary="a quiz"),
    "case": Spec(CASE_ID, lambda r, v: r.case(v), needs_script=True, places="case", summary="a case"),
    "quizzes": Spec(NOTHING, lambda r, v: r.index("quizzes"), summary="every quiz, by module"),
    "cases": Spec(NOTHING, lambda r, v: r.index("cases"), summary="every case, by module"),
    "progress": Spec(NOTHING, lambda r, v: r.progress(), needs_script=True, summary="the student's progress"),
    "glossary": Spec(NOTHING, lambda r, v: r.glossary(), summary="the glossary table"),
    "references": Spec(REFERENCE_KEYS, lambda r, v: r.references(v), summary="the bibliography, or the listed entries"),
    "schema": Spec(SCHEMA_KIND, lambda r, v: r.schema(v), summary="the field reference of quiz or case files"),
    "module": Spec(MODULE_ID, lambda r, v: r.module(v), needs_script=True, places="module",
                   summary="a module's opening"),
    "objectives": Spec(MODULE_ID, lambda r, v: r.objectives(v), summary="a module's learning objectives"),
    "practice": Spec(MODULE_ID, lambda r, v: r.practice(v), needs_script=True, places="module",
                     summary="cards for a module's quizzes and cases"),
    "quiz-nav": Spec(QUIZ_ID, lambda r, v: navigation.practice_nav(r.course, "quiz", v, r.words),
                     summary="back to module, previous and next"),
    "case-nav": Spec(CASE_ID, lambda r, v: navigation.practice_nav(r.course, "case", v, r.words),
                     summary="back to module, previous and next"),
    "case-next": Spec(CASE_ID, lambda r, v: navigation.case_next(r.course, v, r.words),
                      summary="the module's next case and its quiz"),
    "quiz-next": Spec(QUIZ_ID, lambda r, v: navigation.quiz_next(r.course, v, r.words),
                      summary="the module's cases, after its quiz"),
    "exam": Spec(NOTHING, lambda r, v: r.exam(), needs_script=True, once=True, summary="exam mode"),
    "review": Spec(NOTHING, lambda r, v: r.review(), needs_script=True, once=True, summary="the spaced review of misses"),
    "due": Spec(NOTHING, lambda r, v: r.due(), summary="how many questions are due for review today"),
    "calculator": Spec(CALCULATOR, lambda r, v: r.calculator(v), once=True, in_texts=True,
                       summary="a bedside score calculator"),
    "breathing-chart": Spec(CHART_SERIES, lambda r, v: r.breathing_chart(v), once=True, in_texts=True,
                            summary="serial VC, MIP and MEP with the 20/30/40 lines"),
}

MODULE_MARKERS = tuple(kind for kind, spec in MARKERS.items() if spec.argument is MODULE_ID)
MARKER = re.compile(
    r"^\[(" + "|".join(sorted(map(re.escape, MARKERS), key=len, reverse=True)) + r")(?::\s*([^\]]*?))?\s*\]\s*$")
_LOOKS_LIKE_A_MARKER = re.compile(r"^\[([a-z][a-z-]*)(?::\s*([^\]]*?))?\s*\]\s*$")
# A link to a reference anchor: on this page (#ref-key) or on another (../references.md#ref-key).
_REF_LINK = re.compile(r"\]\(([^)\s#]*\.md)?#ref-([^)\s]+)\)|href=\"([^\"#]*\.md)?#ref-([^\"]+)\"")
_INLINE_CODE = re.compile(r"`[^`]*`|<!--.*?-->")
# Anything in brackets that may be meant as a marker: [Quiz: x], [quiz x], [quizzes], [Module: y]. Not a link's
# text ([quiz](x.md), [quiz][1]) nor a link definition ([quiz]: x.md), which the lookahead leaves out.
_BRACKETED = re.compile(r"\[([A-Za-z][A-Za-z-]*)(?:(:)\s*([^\]]*?)|\s+([^\]:\s][^\]:]*?))?\s*\](?![(\[:])")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s", re.M)


@dataclass(frozen=True)
class Marker:
    kind: str
    argument: str | None
    line: int  # 1-based, within the text scanned

    @property
    def written(self) -> str:
        """The marker as the author wrote it, for messages."""
        return f"[{self.kind}: {self.argument}]" if self.argument else f"[{self.kind}]"

    @property
    def spec(self) -> Spec | None:
        return MARKERS.get(self.kind)


def _lines_outside_fences(lines):
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            yield index, line


def scan(lines, unknown: bool = False) -> list[tuple[int, Marker]]:
    """(index, marker) for every marker line, skipping fenced code blocks. With unknown=True, also lines that
    look like a marker of no known kind (a misspelling the page check then names)."""
    found = []
    for index, line in _lines_outside_fences(lines):
        m = MARKER.match(line) or (unknown and _LOOKS_LIKE_A_MARKER.match(line))
        if m:
            found.append((index, Marker(m.group(1), m.group(2), index + 1)))
    return found


def find_markers(text: str) -> list[Marker]:
    return [marker for _, marker in scan(text.splitlines())]


def read_argument(course: Course, marker: Marker):
    """The marker's typed argument; raises ArgumentError."""
    return marker.spec.argument.read(course, marker.kind, marker.argument)


# -- the page check ---------------------------------------------------------------------------------


@dataclass
class PageCheck:
    """What checking one page found: its problems, and which quizzes, cases and modules' practice it shows."""

    problems: list[ContentError]
    placed: set[tuple[str, str]]
    needs_script: bool = False
    listed: set[str] | None = frozenset()  # the reference keys it lists (None: the whole bibliography)
    links: tuple[tuple[int, str, str], ...] = ()  # (file line, page as written, key) of links to another page's #ref-


def check_page(course: Course, lines: list[str], display: str, first_line: int = 1) -> PageCheck:
    """Check every marker of one page and every link to a reference anchor (#ref-key) in its text.
    `first_line` is the file line of lines[0] (front matter comes before it)."""
    problems: list[ContentError] = []
    placed: set[tuple[str, str]] = set()
    needs_script = False
    listed: set[str] | None = set()  # reference keys the page lists; None: the whole bibliography
    once: set[str] = set()

    def error(line: int, field: str, message: str) -> None:
        problems.append(ContentError(display, line + first_line - 1, field, message))

    _look_alikes(course, lines, error)
    for _, marker in scan(lines, unknown=True):
        spec = marker.spec
        if spec is None:
            hint = difflib.get_close_matches(marker.kind, MARKERS, n=1, cutoff=0.75)
            if hint:
                fixed = f"[{hint[0]}: {marker.argument}]" if marker.argument else f"[{hint[0]}]"
                error(marker.line, marker.written, f"unknown marker '{marker.kind}' (did you mean {fixed}?): "
                                                   "fix its name; as written, students see it as text")
            continue
        try:
            value = read_argument(course, marker)
        except ArgumentError as exc:
            error(marker.line, marker.written, str(exc))
            continue
        needs_script |= spec.needs_script
        if spec.once:
            name = f"{marker.kind}: {getattr(value, 'id', '')}"
            if name in once:
                error(marker.line, marker.written, f"this {marker.kind} is already on this page: place it once")
            once.add(name)
        if marker.kind == "references":
            listed = None if value is None or listed is None else listed | set(value)
        if spec.places in ("quiz", "case"):
            if (spec.places, value) in placed:
                error(marker.line, marker.written, f"this {spec.places} is already placed on this page: place it once")
            placed.add((spec.places, value))
        elif spec.places == "module":
            placed |= {("quiz", q.id) for q in course.quizzes.values() if q.module == value}
            placed |= {("case", c.id) for c in course.cases.values() if c.module == value}
    links = _reference_links(course, lines, listed, error)
    problems.sort(key=lambda p: p.line or 0)
    return PageCheck(problems, placed, needs_script, listed,
                     tuple((line + first_line - 1, page, key) for line, page, key in links))


def _reference_links(course: Course, lines, listed: set[str] | None, error) -> list[tuple[int, str, str]]:
    """A link to #ref-key leads nowhere unless the page lists that key (or the whole bibliography). Links to
    another page's anchor are returned, (line, page, key), for check_pages to look at that page."""
    elsewhere = []
    for index, line in _lines_outside_fences(lines):
        for m in _REF_LINK.finditer(_INLINE_CODE.sub("", line)):
            page, key = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
            field = f"{page or ''}#ref-{key}"
            if key not in course.references:
                error(index + 1, field, f"unknown reference '{key}'{did_you_mean(key, course.references)}: "
                                        "fix the key of this link (the keys are in references.yml)")
            elif page:
                elsewhere.append((index + 1, page, key))
            elif listed is not None and key not in listed:
                how = ("add it to the page's [references: …] marker" if listed
                       else f"add the line [references: {key}] at the end of the page")
                error(index + 1, field, f"this page does not list reference '{key}', so the link leads nowhere: {how}")
    return elsewhere


def _look_alikes(course: Course, lines, error) -> None:
    """Bracketed text that is meant as a marker but is not one, which students would see as text: a name in
    capitals ([Quiz: x]), without its colon ([quiz x]), or a marker inside a sentence, a list or a note (a
    marker only works on a line of its own). Code (fenced or `inline`) and HTML comments are left alone, and
    so is a misspelt name in lower case on a line of its own, which the marker loop names."""
    defined = {d.lower() for line in lines for d in _LINK_DEFINITION.findall(line)}  # [x] is then a link
    for index, raw in _lines_outside_fences(lines):
        if MARKER.match(raw) or _LOOKS_LIKE_A_MARKER.match(raw):
            continue
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group()), raw)
        for m in _BRACKETED.finditer(line):
            word, colon, argument = m.group(1), m.group(2), (m.group(3) or m.group(4) or "").strip() or None
            alone = not line[:m.start()].strip() and not line[m.end():].strip()
            kind = word.lower() if word.lower() in MARKERS else None
            if kind is None and colon:  # a misspelling, only where a colon says a marker was meant
                kind = next(iter(difflib.get_close_matches(word.lower(), MARKERS, n=1, cutoff=0.75)), None)
            if kind is None or (not argument and word.lower() in defined):
                continue
            if argument and not colon and not alone and not _names_something(course, kind, argument):
                continue  # "[case 2]" in a sentence is prose; "[case gbs-sample]" names a case
            takes = MARKERS[kind].argument is not NOTHING
            fixed = f"[{kind}: {argument}]" if argument and takes else f"[{kind}]"
            written = m.group(0)
            if alone and raw[:1].isspace():
                error(index + 1, written, f"an indented marker is shown as text (did you mean {fixed} at the start of "
                                          "a line?): start it at the beginning of a line of its own, outside any list "
                                          "or note")
            elif alone:
                misspelt = word.lower() != kind
                how = ["fix its name" if misspelt else "",
                       "write it in lowercase" if word != word.lower() else "",
                       f"put a colon after '{kind}'" if argument and not colon and takes else "",
                       f"remove what follows '{kind}'" if argument and not takes else ""]
                what = f"unknown marker '{word}'" if misspelt else "not a marker as written"
                error(index + 1, written, f"{what} (did you mean {fixed}?): {', and '.join(h for h in how if h)}; "
                                          "as written, students see it as text")
            else:
                error(index + 1, written, f"a marker inside a sentence is shown as text (did you mean {fixed} on a line "
                                          "of its own?): put it on a line of its own, with a blank line before and after")


def _names_something(course: Course, kind: str, argument: str) -> bool:
    """Whether the text after a marker's name is a valid argument of that kind (a quiz id for quiz, ...)."""
    try:
        MARKERS[kind].argument.read(course, kind, argument)
    except ArgumentError:
        return False
    return True


def check_pages(course: Course, docs_dir: Path, root: Path, skip: set[Path] = frozenset()) -> list[ContentError]:
    """Every page's markers and reference links; then, as warnings, each quiz or case that no page shows.
    `skip` holds the generated pages: they show every quiz and case by construction, so they do not count."""
    problems, placed, checked = [], set(), {}
    for page in sorted(Path(docs_dir).rglob("*.md")):
        if page.resolve() in skip:
            continue
        display = page.relative_to(root).as_posix() if page.is_relative_to(root) else str(page)
        found = check_page(course, page.read_text(encoding="utf-8").splitlines(), display)
        problems += found.problems
        placed |= found.placed
        checked[page.resolve()] = (display, found)
    for page, (display, found) in checked.items():
        for line, target, key in found.links:
            there = checked.get((page.parent / target).resolve())
            if there and there[1].listed is not None and key not in there[1].listed:
                problems.append(ContentError(
                    display, line, f"{target}#ref-{key}",
                    f"{there[0]} does not list reference '{key}', so the link leads nowhere: link to a page that "
                    f"lists it, or add it to the [references: …] marker of {there[0]}"))
    for kind, pool in (("quiz", course.quizzes), ("case", course.cases)):
        for item in pool.values():
            if (kind, item.id) not in placed:
                problems.append(ContentError(
                    item.source, item.line or 1, "id",
                    f"{kind} '{item.id}' is shown on no page: add the line [practice: {item.module}]"
                    f" (or [{kind}: {item.id}]) to its module page (docs/modules/{item.module}.md)", warning=True))
    return problems


# -- tools inside the text of a case ------------------------------------------------------------------


def narrative_parts(text: str) -> list:
    """A case stage's narrative cut at its tool markers: Markdown text and Marker, in order."""
    lines = text.splitlines()
    parts: list = []
    last = 0
    for index, marker in scan(lines):
        if not marker.spec.in_texts:
            continue
        if index > last:
            parts.append("\n".join(lines[last:index]))
        parts.append(marker)
        last = index + 1
    if last < len(lines) or not parts:
        parts.append("\n".join(lines[last:]))
    return [p for p in parts if not isinstance(p, str) or p.strip()]


def check_tool_texts(course: Course) -> list[ContentError]:
    """Markers on a line of their own in case stages' narratives: only the tools may stand there, each with an
    argument that fits, once per case."""
    problems = []
    for case in course.cases.values():
        seen = set()
        for i, stage in enumerate(case.stages):
            where = field_path(("stages", i, "narrative"))
            for _, marker in scan(stage.narrative.splitlines(), unknown=True):
                spec = marker.spec
                if spec is None or not spec.in_texts:
                    tools = ", ".join(f"[{k}: …]" for k, s in MARKERS.items() if s.in_texts)
                    problems.append(ContentError(case.source, stage.line, where,
                                                 f"{marker.written} cannot stand in a case stage (only {tools} can): "
                                                 "place it on a page, or write it as text"))
                    continue
                try:
                    value = read_argument(course, marker)
                except ArgumentError as exc:
                    problems.append(ContentError(case.source, stage.line, where, f"{marker.written}: {exc}"))
                    continue
                name = f"{marker.kind}: {getattr(value, 'id', '')}"
                if name in seen:
                    problems.append(ContentError(case.source, stage.line, where,
                                                 f"{marker.written} is already in this case: place it once"))
                seen.add(name)
    return problems
