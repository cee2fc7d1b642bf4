"""Turn typed course objects into HTML.

The HTML reads sensibly with no JavaScript: answers and explanations sit in a
closed <details>. course.js enhances it into self-grading quizzes and cases.
Answers, feedback, explanations, debriefs and teaching points carry `data-search-exclude`, which both
engines' search indexers honour: search must teach, never tell.
`ROOT/` stands for the path from the page to the site root; the page adapter fills it in.
"""

from __future__ import annotations

import re
from html import escape
from typing import Callable

from .fragments import Converter
from .model import Case, Course, FindingGroup, Question, Quiz, Stage
from .schemadoc import field_table
from .urls import ROOT, case_url, html_path, practice_url, quiz_url
from .words import Words, words_for
from .markers import narrative_parts, read_argument
from .progress import due_line, progress_page
from .tools import calculators, chart

LEGENDS = {"single": "legend_single", "multiple": "legend_multiple", "true-false": "legend_true_false"}  # keys of words
_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


class Renderer:
    def __init__(self, course: Course, markdown: Callable[[str], str], converter_key: tuple = (), words: Words | None = None):
        self.course = course
        self.words = words or words_for("en")  # the interface's words in the site's language (words.py)
        self._converter = Converter(markdown, converter_key)
        self._cache: dict[tuple, str] = {}
        self._stage_titles = {s.id: s.title for case in course.cases.values() for s in case.stages}

    # -- Markdown helpers ----------------------------------------------------

    def block(self, text: str) -> str:
        return self._converter.html(text)

    def inline(self, text: str) -> str:
        html = self._converter.html(text).strip()
        m = _ONE_PARAGRAPH.match(html)
        return m.group(1) if m and "<p>" not in m.group(1) else html

    def _cached(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    # -- questions -------------------------------------------------------------

    def question(self, q: Question, number: int, total: int, decision: bool = False, stage: Stage | None = None,
                 label: str | None = None) -> str:
        """One question or case decision; `label` (HTML) replaces the legend's "Question 3 of 18"."""
        w = self.words
        qid = f"question-{q.id}"
        control = "checkbox" if q.type == "multiple" else "radio"
        label = label or escape(w("decision") if decision else w("question_of", n=number, total=total))
        out = [
            f'<div class="quiz-question" id="{qid}" data-question="{q.id}" data-type="{q.type}" data-version="{q.version}">',
            f'<div class="quiz-stem" id="{qid}-stem">',
            self.block(q.stem),
        ]
        if q.image:
            out.append(f'<figure class="quiz-image"><img src="{ROOT}{escape(q.image.src)}" alt="{escape(q.image.alt)}"></figure>')
        out.append("</div>")
        out.append(f'<fieldset class="quiz-options" aria-describedby="{qid}-stem"><legend>{w.html("legend", label=label, how=escape(w(LEGENDS[q.type])))}</legend>')
        for i, o in enumerate(q.options):
            oid = f"{qid}-{o.id}"
            nxt = f' data-next="{o.next or stage.next}"' if stage and (o.next or stage.next) else ""
            out.append(
                f'<div class="quiz-option" data-option="{o.id}"{nxt}>'
                f'<input type="{control}" id="{oid}" name="{qid}" value="{o.id}">'
                f'<label for="{oid}"><span class="quiz-letter">{_letter(i)}.</span> {self.inline(o.text)}</label></div>'
            )
        out.append("</fieldset>")
        key = ", ".join(_letter(i) for i, o in enumerate(q.options) if o.correct)
        out.append(f'<details class="quiz-answer" data-search-exclude><summary>{escape(w("answer_and_explanation"))}</summary><p class="quiz-key"><strong>{escape(w("answer_key", key=key))}</strong></p><ul class="quiz-feedback-list">')
        for i, o in enumerate(q.options):
            verdict = escape(w("option_correct" if o.correct else "option_incorrect", letter=_letter(i)))
            route = ""
            if stage and (o.next or stage.next):
                target = self._stage_title(o.next or stage.next)
                link = f'<a href="#stage-{o.next or stage.next}">{escape(target)}</a>'
                route = f' <span class="case-route">{w.html("continues_at", stage=link)}</span>'
            out.append(
                f'<li class="quiz-feedback" data-option="{o.id}" data-correct="{str(o.correct).lower()}">'
                f'<strong class="quiz-verdict">{verdict}</strong> {self.inline(o.feedback)}{route}</li>'
            )
        out.append("</ul>")
        out.append(f'<div class="quiz-explanation"><p class="quiz-explanation-title"><strong>{escape(w("explanation"))}</strong></p>{self.block(q.explanation)}')
        out.append(self.reference_list(q.references))
        out.append("</div></details></div>")
        return "\n".join(out)

    def _stage_title(self, stage_id: str) -> str:
        return self._stage_titles[stage_id]

    def reference_list(self, keys, title: str | None = None) -> str:
        if not keys:
            return ""
        title = escape(title or self.words("references"))
        items = "".join(f"<li>{self.citation(k)}</li>" for k in keys)
        return f'<div class="course-references"><p><strong>{title}</strong></p><ol>{items}</ol></div>'

    def citation(self, key: str) -> str:
        return self._cached(("citation", key), lambda: self._citation(key))

    def _citation(self, key: str) -> str:
        ref = self.course.references[key]
        text = self.inline(ref.citation)
        if ref.url:
            text += f' <a href="{escape(ref.url)}">{escape(_short_url(ref.url))}</a>'
        return text

    # -- quizzes ---------------------------------------------------------------

    def quiz(self, quiz_id: str) -> str:
        return self._cached(("quiz", quiz_id), lambda: self._quiz(self.course.quizzes[quiz_id]))

    def _question_texts(self, q: Question):
        yield q.stem
        yield q.explanation
        for o in q.options:
            yield o.text
            yield o.feedback
        yield from (self.course.references[k].citation for k in q.references)

    def _quiz(self, quiz: Quiz) -> str:
        self._converter.prefetch([quiz.description or "", *(t for q in quiz.questions for t in self._question_texts(q))])
        total = len(quiz.questions)
        shuffle = ' data-shuffle="true"' if quiz.shuffle else ""
        out = [f'<section class="quiz" id="quiz-{quiz.id}" data-quiz="{quiz.id}"{shuffle} aria-label="{escape(self.words("quiz_named", title=quiz.title))}">']
        if quiz.description:
            out.append(f'<div class="quiz-description">{self.block(quiz.description)}</div>')
        out += [self.question(q, i, total) for i, q in enumerate(quiz.questions, 1)]
        out.append("</section>")
        return "\n".join(out)

    # -- cases -----------------------------------------------------------------

    def case(self, case_id: str) -> str:
        return self._cached(("case", case_id), lambda: self._case(self.course.cases[case_id]))

    def _case_texts(self, case: Case):
        yield case.summary
        yield from case.objectives
        yield from case.teaching_points
        yield from (self.course.references[k].citation for k in case.references)
        for stage in case.stages:
            yield from (p for p in narrative_parts(stage.narrative) if isinstance(p, str))
            yield stage.debrief or ""
            for group in stage.findings:
                yield group.text or ""
                yield from (r.name for r in group.rows)
            if stage.decision:
                yield from self._question_texts(stage.decision)

    def _case(self, case: Case) -> str:
        self._converter.prefetch(self._case_texts(case))
        out = [
            f'<section class="case" id="case-{case.id}" data-case="{case.id}" data-version="{case.version}" aria-label="{escape(self.words("case_named", title=case.title))}">',
            f'<div class="case-summary"><h3>{escape(self.words("patient_summary"))}</h3>{self.block(case.summary)}',
        ]
        if case.objectives:
            items = "".join(f"<li>{self.inline(o)}</li>" for o in case.objectives)
            out.append(f'<p><strong>{escape(self.words("case_objectives"))}</strong></p><ul class="case-objectives">{items}</ul>')
        out.append("</div>")
        for n, stage in enumerate(case.stages, 1):
            out.append(self._stage(stage, n))
        points = "".join(f"<li>{self.inline(p)}</li>" for p in case.teaching_points)
        out.append(
            f'<div class="case-close" id="case-{case.id}-close" data-search-exclude><h3>{escape(self.words("teaching_points"))}</h3><ul class="case-points">{points}</ul>'
            f"{self.reference_list(case.references)}</div></section>"
        )
        return "\n".join(out)

    def _stage(self, stage: Stage, number: int) -> str:
        attrs = f' data-next="{stage.next}"' if stage.next else ""
        if stage.ending:
            attrs += ' data-ending="true"'
            if stage.outcome:  # what the Progress page and the case card call this ending
                attrs += f' data-outcome="{escape(stage.outcome)}"'
        if number > 1:
            # what follows a decision would give it away: out of search, and hidden until case.js shows the
            # stages reached (no flash of every stage while the page loads; without scripts, the <noscript>
            # style in overrides/main.html shows them all, in order)
            attrs += " data-search-exclude hidden"
        out = [
            f'<section class="case-stage" id="stage-{stage.id}" data-stage="{stage.id}"{attrs} aria-labelledby="stage-{stage.id}-title">',
            f'<h3 id="stage-{stage.id}-title">{escape(stage.title)}</h3>',
            self.narrative(stage.narrative, f"-{stage.id}"),
        ]
        out += [self._findings(g) for g in stage.findings]
        if stage.decision:
            out.append(self.question(stage.decision, 1, 1, decision=True, stage=stage))
        if stage.debrief:
            out.append(f'<div class="case-debrief" data-search-exclude><p><strong>{escape(self.words("debrief"))}</strong></p>{self.block(stage.debrief)}</div>')
        out.append("</section>")
        return "\n".join(out)

    def _findings(self, group: FindingGroup) -> str:
        if group.text:
            return f'<div class="case-report"><p class="case-report-title"><strong>{escape(group.title)}</strong></p>{self.block(group.text)}</div>'
        w = self.words
        has_ref = any(r.reference for r in group.rows)
        head = f'<th scope="col">{escape(w("reference"))}</th>' if has_ref else ""
        rows = []
        for r in group.rows:
            flag = f' <strong class="case-flag case-flag-{r.flag}">{escape(w("flag_" + r.flag))}</strong>' if r.flag else ""
            value = escape(f"{r.value} {r.unit}".strip())
            ref = f"<td>{escape(r.reference)}</td>" if has_ref else ""
            cls = f' class="case-abnormal"' if r.flag else ""
            rows.append(f'<tr{cls}><th scope="row">{self.inline(r.name)}</th><td>{value}{flag}</td>{ref}</tr>')
        return (
            f'<div class="case-findings"><table><caption>{escape(group.title)}</caption>'
            f'<thead><tr><th scope="col">{escape(w("finding"))}</th><th scope="col">{escape(w("result"))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
        )

    # -- indexes and reference pages ---------------------------------------------

    def index(self, kind: str) -> str:
        pool = self.course.quizzes if kind == "quizzes" else self.course.cases
        out = []
        for module in self.course.modules.values():
            items = [x for x in pool.values() if x.module == module.id]
            if not items:
                continue
            out.append(f'<h2 id="{kind}-{module.id}">{escape(module.title)}</h2><ul>')
            for x in items:
                extra = " " + escape(self.words("questions_in_brackets", n=len(x.questions)) if kind == "quizzes"
                                     else self.words("stages_count", n=len(x.stages)))
                out.append(f'<li><a href="{practice_url("quiz" if kind == "quizzes" else "case", x.id)}">{escape(x.title)}</a>{extra}</li>')
            out.append("</ul>")
        return "\n".join(out)

    def progress(self) -> str:
        """The Progress page: the dashboard the script fills in from saved progress (progress.py)."""
        return progress_page(self)

    # -- study tools: exam mode, the spaced review, bedside calculators and the breathing chart ------------

    def exam(self) -> str:
        from .exam import exam_form

        return exam_form(self)

    def review(self) -> str:
        from .review import review_page

        return review_page(self)

    def due(self) -> str:
        return due_line(self.words)

    def calculator(self, score, where: str = "") -> str:
        return calculators.render(score, self, where)

    def breathing_chart(self, series, where: str = "") -> str:
        return chart.render(series, self, where)

    def narrative(self, text: str, where: str) -> str:
        """A case stage's text, with the tools it places on lines of their own (markers.narrative_parts)."""
        out = []
        for part in narrative_parts(text):
            if isinstance(part, str):
                out.append(self.block(part))
            else:
                value = read_argument(self.course, part)
                out.append(self.calculator(value, where) if part.kind == "calculator" else self.breathing_chart(value, where))
        return "\n".join(out)

    # -- modules ----------------------------------------------------------------

    def objectives(self, module_id: str) -> str:
        module = self.course.modules[module_id]
        if not module.objectives:
            return ""
        items = "".join(f"<li>{self.inline(o.text)}</li>" for o in module.objectives)
        w = self.words
        return (f'<div class="admonition abstract course-objectives"><p class="admonition-title">{escape(w("objectives_title"))}</p>'
                f"<p>{escape(w('objectives_lead'))}</p><ul>{items}</ul></div>")

    def module(self, module_id: str) -> str:
        """A module's opening: what it covers and how long it takes, its objectives, its pages, its practice."""
        module = self.course.modules[module_id]
        w = self.words
        out = ['<div class="course-module">']
        if module.summary:
            out.append(f'<div class="course-module-summary">{self.block(module.summary)}</div>')
        if module.pages:
            pages = w("pages_count", n=len(module.pages))
            out.append(f'<p class="course-reading-time">{escape(w("module_reading_time", n=module.minutes, pages=pages))}</p>')
        out.append(self.objectives(module_id))
        if module.pages:
            items = "".join(
                f'<li data-page="{escape(p.path)}"><a href="{ROOT}{escape(html_path(p.path))}">{escape(p.title)}</a>'
                f' <span class="course-minutes">{escape(w("page_minutes", n=p.minutes))}</span></li>'
                for p in module.pages
            )
            out.append(f'<h2 id="module-pages">{escape(w("read"))}</h2><ol class="course-module-pages">{items}</ol>')
        cards = self.practice(module_id)
        if cards:  # a module just made with `course new module` has no quiz or case yet: no empty heading
            out.append(f'<h2 id="module-practice">{escape(w("practise"))}</h2>')
            out.append(cards)
        out.append("</div>")
        return "\n".join(out)

    def practice(self, module_id: str) -> str:
        """Cards for the module's quizzes and cases; course.js adds the student's status to each."""
        cards, w = [], self.words
        for quiz in (q for q in self.course.quizzes.values() if q.module == module_id):
            cards.append(
                f'<li class="course-card" data-quiz="{quiz.id}"><a href="{quiz_url(quiz.id)}">{escape(w("quiz_named", title=quiz.title))}</a>'
                f'<span class="course-card-what">{escape(w("questions_count", n=len(quiz.questions)))}</span></li>'
            )
        for case in (c for c in self.course.cases.values() if c.module == module_id):
            cards.append(
                f'<li class="course-card" data-case="{case.id}"><a href="{case_url(case.id)}">{escape(w("case_named", title=case.title))}</a>'
                f'<span class="course-card-what">{self.inline(excerpt(case.summary, 140))}</span></li>'
            )
        if not cards:
            return ""
        return f'<ul class="course-cards" data-search-exclude>{"".join(cards)}</ul>'

    def schema(self, kind: str) -> str:
        return field_table(kind, self.inline)

    def glossary(self) -> str:
        rows = "".join(f"<tr><th scope=\"row\">{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in sorted(self.course.glossary.items(), key=lambda kv: kv[0].lower()))
        return f'<table class="course-glossary"><thead><tr><th scope="col">{escape(self.words("abbreviation"))}</th><th scope="col">{escape(self.words("meaning"))}</th></tr></thead><tbody>{rows}</tbody></table>'

    def references(self, keys=None) -> str:
        keys = keys or sorted(self.course.references, key=lambda k: self.course.references[k].citation.lower())
        items = "".join(f'<li id="ref-{k}">{self.citation(k)}</li>' for k in keys)
        return f'<ol class="course-bibliography">{items}</ol>'


def _letter(i: int) -> str:
    return "ABCDEFGH"[i]


def _short_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).split("/")[0]


def excerpt(markdown: str, limit: int = 90) -> str:
    text = re.sub(r"[*_`#>\[\]]", "", " ".join(markdown.split()))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
