"""The bare twin: the course's pages with every quiz, case and index written out as plain Markdown.

It is what an author would write by hand with no course code: a question is its stem, its options
lettered A, B, C..., then a collapsed admonition with the key, the feedback on every option, the
explanation and its references; a case is its summary and one section per stage. It is generated from
the typed model (`course.load_course`), so it holds exactly what the course renders, and it is built by
plain MkDocs + Material with the same theme config, no course hook and no course extension. It has no
scripts of its own, no progress saving and no abbreviation tooltips: those are the course's costs.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

from course import load_course
from course.markers import scan
from course.schema import KINDS, SCHEMA_DIR
from course.schemadoc import fields
from course.tools.calculators import SCORES
from course.tools.chart import parse as parse_chart
from course.words import words_for

from .project import read_config, write_config

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LEGENDS = {"single": "choose the single best answer", "multiple": "choose all that apply", "true-false": "true or false?"}
NEEDED_EXTENSIONS = ("admonition", "pymdownx.details", "attr_list", "tables")


def _flat(text: str) -> str:
    """Inline Markdown on one line (option texts and feedback go in list items)."""
    return " ".join(str(text).split())


def _indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line.strip() else "" for line in text.splitlines())


def _cell(text: str) -> str:
    return _flat(text).replace("|", "\\|")


def _excerpt(text: str, limit: int = 140) -> str:
    text = _flat(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class BareWriter:
    """Writes one page's markers as Markdown; links are relative to that page, as an author writes them."""

    def __init__(self, course):
        self.course = course
        self.stage_titles = {s.id: s.title for c in course.cases.values() for s in c.stages}

    def link(self, page: str, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page) or ".")

    # -- pieces ----------------------------------------------------------------

    def citation(self, page: str, key: str) -> str:
        ref = self.course.references[key]
        text = _flat(ref.citation)
        if ref.url:
            host = ref.url.split("://", 1)[-1].removeprefix("www.").split("/")[0]
            text += f" [{host}]({ref.url})"
        return text

    def reference_list(self, page: str, keys, title: str = "References") -> str:
        if not keys:
            return ""
        items = "\n".join(f"{n}. {self.citation(page, k)}" for n, k in enumerate(keys, 1))
        return f"**{title}**\n\n{items}\n"

    def question(self, page: str, q, label: str, stage=None) -> str:
        out = [f"**{label}: {LEGENDS[q.type]}**", "", q.stem.strip(), ""]
        if q.image:
            out += [f"![{_flat(q.image.alt)}]({self.link(page, q.image.src)})", ""]
        out += [f"- **{LETTERS[i]}.** {_flat(o.text)}" for i, o in enumerate(q.options)]
        key = ", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct)
        body = [f"**Answer: {key}**", ""]
        for i, o in enumerate(q.options):
            route = ""
            target = (o.next or stage.next) if stage else None
            if target:
                route = f" Continues at [{self.stage_titles[target]}](#stage-{target})."
            body.append(f"- **{LETTERS[i]}. {'Correct' if o.correct else 'Incorrect'}.** {_flat(o.feedback)}{route}")
        body += ["", "**Explanation**", "", q.explanation.strip(), "", self.reference_list(page, q.references)]
        out += ["", '??? note "Answer and explanation"', "", _indent("\n".join(body)), ""]
        return "\n".join(out)

    def quiz(self, page: str, quiz_id: str) -> str:
        quiz = self.course.quizzes[quiz_id]
        out = [quiz.description.strip(), ""] if quiz.description else []
        total = len(quiz.questions)
        out += [self.question(page, q, f"Question {n} of {total}") for n, q in enumerate(quiz.questions, 1)]
        return "\n".join(out)

    def case(self, page: str, case_id: str) -> str:
        case = self.course.cases[case_id]
        out = ["### Patient summary", "", case.summary.strip(), ""]
        if case.objectives:
            out += ["**In this case you will**", "", *(f"- {_flat(o)}" for o in case.objectives), ""]
        for stage in case.stages:
            # a tool placed in the stage's text (a calculator, a chart) is written out as on a page
            out += [f"### {stage.title} {{#stage-{stage.id}}}", "", self.page(page, stage.narrative.strip()), ""]
            for group in stage.findings:
                out += [self.findings(group), ""]
            if stage.decision:
                out += [self.question(page, stage.decision, "Decision", stage=stage), ""]
            if stage.debrief:
                out += ["**Ending: debrief**", "", stage.debrief.strip(), ""]
        out += ["### Teaching points", "", *(f"- {_flat(p)}" for p in case.teaching_points), ""]
        out.append(self.reference_list(page, case.references))
        return "\n".join(out)

    def findings(self, group) -> str:
        if group.text:
            return f"**{group.title}**\n\n{group.text.strip()}\n"
        has_ref = any(r.reference for r in group.rows)
        head = "| Finding | Result |" + (" Reference |" if has_ref else "")
        rule = "|---|---|" + ("---|" if has_ref else "")
        rows = []
        for r in group.rows:
            value = f"{r.value} {r.unit}".strip() + (f" **{r.flag.capitalize()}**" if r.flag else "")
            rows.append(f"| {_cell(r.name)} | {_cell(value)} |" + (f" {_cell(r.reference)} |" if has_ref else ""))
        return "\n".join([f"**{group.title}**", "", head, rule, *rows])

    # -- module pages and indexes ------------------------------------------------

    def objectives(self, page: str, module_id: str) -> str:
        module = self.course.modules[module_id]
        if not module.objectives:
            return ""
        items = "\n".join(f"    - {_flat(o.text)}" for o in module.objectives)
        return f'!!! abstract "Learning objectives"\n\n    By the end of this module you can:\n\n{items}\n'

    def practice(self, page: str, module_id: str) -> str:
        items = [f"- [Quiz: {q.title}]({self.link(page, f'quizzes/{q.id}.md')}): {len(q.questions)} questions"
                 for q in self.course.quizzes.values() if q.module == module_id]
        items += [f"- [Case: {c.title}]({self.link(page, f'cases/{c.id}.md')}): {_excerpt(c.summary)}"
                  for c in self.course.cases.values() if c.module == module_id]
        return "\n".join(items)

    def module(self, page: str, module_id: str) -> str:
        module = self.course.modules[module_id]
        out = [module.summary.strip(), ""] if module.summary else []
        if module.pages:
            out += [f"Reading time: about {module.minutes} minutes in {len(module.pages)} pages, then practice.", ""]
        out += [self.objectives(page, module_id), ""]
        if module.pages:
            out += ["## Read", "", *(f"{n}. [{p.title}]({self.link(page, p.path)}) ({p.minutes} min)" for n, p in enumerate(module.pages, 1)), ""]
        out += ["## Practise", "", self.practice(page, module_id)]
        return "\n".join(out)

    def index(self, page: str, kind: str) -> str:
        pool = self.course.quizzes if kind == "quizzes" else self.course.cases
        out = []
        for module in self.course.modules.values():
            items = [x for x in pool.values() if x.module == module.id]
            if items:
                out += [f"## {module.title}", ""]
                for x in items:
                    extra = f"{len(x.questions)} questions" if kind == "quizzes" else f"{len(x.stages)} stages"
                    out.append(f"- [{x.title}]({self.link(page, f'{kind}/{x.id}.md')}) ({extra})")
                out.append("")
        return "\n".join(out)

    def progress(self, page: str) -> str:
        rows = [f"| [{q.title}]({self.link(page, f'quizzes/{q.id}.md')}) | Quiz |" for q in self.course.quizzes.values()]
        rows += [f"| [{c.title}]({self.link(page, f'cases/{c.id}.md')}) | Case |" for c in self.course.cases.values()]
        return "\n".join(["| Quiz or case | Kind |", "|---|---|", *rows])

    def glossary(self, page: str) -> str:
        rows = [f"| {_cell(k)} | {_cell(v)} |" for k, v in sorted(self.course.glossary.items(), key=lambda kv: kv[0].lower())]
        return "\n".join(["| Abbreviation | Meaning |", "|---|---|", *rows])

    def references(self, page: str, argument: str | None) -> str:
        refs = self.course.references
        keys = [k.strip() for k in argument.split(",")] if argument else sorted(refs, key=lambda k: refs[k].citation.lower())
        return "\n".join(f"{n}. {self.citation(page, k)}" for n, k in enumerate(keys, 1))

    def schema(self, page: str, kind: str) -> str:
        rows = [f"| `{name}` | {'required' if req else 'optional'} | {_cell(desc)} |" for name, req, desc in fields(kind.strip())]
        return "\n".join(["| Field | Required | What it is |", "|---|---|---|", *rows])

    def calculator(self, page: str, argument: str) -> str:
        """A score's items and their points as a plain table, as a printed scoring sheet gives them."""
        score, words = SCORES[argument.strip()], words_for("en")

        def say(key: str) -> str:  # an MRC grade is its number; a grid item is "group-side"
            try:
                return words(key)
            except KeyError:
                return " ".join(say(part) for part in key.split("-")) if "-" in key else key
        rows = []
        for item in score.items:
            points = ([f"{say(c.label)}: {'/'.join(map(str, c.points))}" for c in item.choices] or
                      [f"{b.low}–{b.high}: {'/'.join(map(str, b.points))}" for b in item.bands])
            rows.append(f"| {_cell(say(item.key))} | {_cell('; '.join(points))} |")
        return "\n".join([f"**{say(score.title)}**", "", "| Item | Points |", "|---|---|", *rows])

    def chart(self, page: str, argument: str | None) -> str:
        """The serial measurements as a table (the course draws them on a chart)."""
        series = parse_chart(argument)
        if series is None:
            return ""
        head = "| Measure | " + " | ".join(series.when) + " |"
        rows = [f"| {m} | " + " | ".join(f"{v:g}" for v in series.values[m]) + " |" for m in series.values]
        return "\n".join([head, "|---|" + "---|" * len(series.when), *rows])

    def marker(self, page: str, kind: str, argument: str | None) -> str:
        if kind in ("exam", "review", "due"):
            return ""  # interactive only: a static page has nothing to show in their place
        if kind == "calculator":
            return self.calculator(page, argument)
        if kind == "breathing-chart":
            return self.chart(page, argument)
        if kind in ("quiz", "case", "module", "objectives", "practice", "schema"):
            return getattr(self, kind)(page, argument)
        if kind in ("quizzes", "cases"):
            return self.index(page, kind)
        if kind == "references":
            return self.references(page, argument)
        return getattr(self, kind)(page)  # progress, glossary

    def page(self, page: str, text: str) -> str:
        lines = text.splitlines()
        for index, m in reversed(scan(lines)):
            lines[index:index + 1] = ["", self.marker(page, m.kind, m.argument), ""]
        return "\n".join(lines) + "\n"


def generated_pages(course) -> dict[str, str]:
    """The pages the course hook adds (see hooks/course_hook.py on_files), with the same titles and markers."""
    pages = {"quizzes/index.md": "# All quizzes\n\n[quizzes]\n", "cases/index.md": "# All cases\n\n[cases]\n"}
    for quiz in course.quizzes.values():
        pages[f"quizzes/{quiz.id}.md"] = f"# {quiz.title}\n\nModule: [{course.modules[quiz.module].title}](../modules/{quiz.module}.md)\n\n[quiz: {quiz.id}]\n"
    for case in course.cases.values():
        pages[f"cases/{case.id}.md"] = f"# {case.title}\n\nModule: [{course.modules[case.module].title}](../modules/{case.module}.md)\n\n## The case\n\n[case: {case.id}]\n"
    return pages


def bare_config(config: dict) -> dict:
    """The same config without the course's hooks, extensions and assets."""
    config = dict(config)
    config.pop("hooks", None)
    config.pop("watch", None)
    name = lambda e: e if isinstance(e, str) else next(iter(e))
    extensions = [e for e in config.get("markdown_extensions") or [] if not name(e).startswith("course")]
    extensions += [e for e in NEEDED_EXTENSIONS if e not in {name(x) for x in extensions}]
    config["markdown_extensions"] = extensions
    for key in ("extra_javascript", "extra_css"):
        if key in config:
            config[key] = [e for e in config[key] if "assets/course/" not in str(e)]
    return config


def write_bare(source: Path, dest: Path, course=None) -> dict:
    """Write the bare twin of the course project at source (a copy, see project.py) into dest."""
    source, dest = Path(source), Path(dest)
    config = read_config(source)
    docs = source / config.get("docs_dir", "docs")
    course = course or load_course(source, docs)
    ignore = lambda folder, names: [n for n in names if n in ("quizzes", "cases") and Path(folder) == source]
    shutil.copytree(source, dest, ignore=ignore)
    out_docs = dest / config.get("docs_dir", "docs")
    writer = BareWriter(course)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    pages.update(generated_pages(course))
    for rel, text in pages.items():
        target = out_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(writer.page(rel, text), encoding="utf-8")
    (out_docs / "schemas").mkdir(exist_ok=True)
    for kind in KINDS:
        shutil.copy(SCHEMA_DIR / f"{kind}.schema.json", out_docs / "schemas" / f"{kind}.schema.json")
    write_config(bare_config(config), dest)
    return {"pages": len(pages)}
