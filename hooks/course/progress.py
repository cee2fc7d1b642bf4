"""The Progress page's dashboard, as HTML that records.js and progress.js fill in from saved progress.

Everything is listed in course order (modules as the course orders them; in each, its quizzes, then its
cases, as on the module's practice cards). The HTML carries what the script needs to count honestly: the
question ids of each module and quiz, each question's version (a saved answer to an older version is
ignored), each case's version and endings. The numbers themselves are the student's, so they are filled in
by the browser; without JavaScript the page still lists every quiz and case.
"""

from __future__ import annotations

from html import escape

from .model import Course
from .navigation import practice
from .urls import case_url, exam_url, module_url, quiz_url, review_url


def _module_questions(course: Course, module_id: str) -> list[str]:
    seen: dict[str, None] = {}
    for quiz in (q for q in course.quizzes.values() if q.module == module_id):
        seen.update((q.id, None) for q in quiz.questions)
    return list(seen)


def due_line(words) -> str:
    """The line "N questions due for review today", with the way to the review; marks.js fills in N."""
    return (f'<p class="course-due" data-review="{review_url()}">{escape(words("due_none"))}</p>')


def progress_page(renderer) -> str:
    """The dashboard: last activity, reviews due, each module's bars, every quiz and case, the misses grouped by
    module, the exams sat, and export, import and clear."""
    from .render import excerpt  # render imports this module

    course, w = renderer.course, renderer.words
    modules, rows, misses = [], [], []
    for module in course.modules.values():
        items = practice(course, module.id)
        if not items:
            continue
        questions = _module_questions(course, module.id)
        cases = [i for k, i, _ in items if k == "case"]
        modules.append(
            f'<tr data-module="{module.id}" data-questions="{" ".join(questions)}" data-cases="{" ".join(cases)}">'
            f'<th scope="row"><a href="{module_url(module.id)}">{escape(module.label)}</a></th>'
            + "".join(f'<td class="progress-{what}"></td>' for what in ("answered", "right", "cases")) + "</tr>")
        listed = []
        for kind, item_id, title in items:
            if kind == "quiz":
                quiz = course.quizzes[item_id]
                ids = " ".join(q.id for q in quiz.questions)
                rows.append(
                    f'<tr data-quiz="{quiz.id}" data-questions="{ids}" data-module="{module.id}"><th scope="row">'
                    f'<a href="{quiz_url(quiz.id)}">{escape(quiz.title)}</a></th>'
                    f'<td>{escape(w("quiz"))}</td><td class="progress-status">{escape(w("not_started"))}</td></tr>')
                for n, q in enumerate(quiz.questions, 1):
                    label = escape(w("quiz_question", quiz=quiz.title, n=n))
                    listed.append(
                        f'<li data-question="{q.id}" data-quiz="{quiz.id}" data-version="{q.version}" hidden>'
                        f'<a href="{quiz_url(quiz.id)}#question-{q.id}">{label}</a>: {escape(excerpt(q.stem))}</li>')
            else:
                case = course.cases[item_id]
                endings = " ".join(s.id for s in case.stages if s.ending)
                rows.append(
                    f'<tr data-case="{case.id}" data-version="{case.version}" data-endings="{endings}" data-module="{module.id}">'
                    f'<th scope="row"><a href="{case_url(case.id)}">{escape(case.title)}</a></th>'
                    f'<td>{escape(w("case"))}</td><td class="progress-status">{escape(w("not_started"))}</td></tr>')
        misses.append(
            f'<section class="progress-module-misses" data-module="{module.id}" aria-labelledby="misses-{module.id}">'
            f'<h3 id="misses-{module.id}">{escape(module.label)}</h3>'
            f'<ul class="progress-misses" data-search-exclude>{"".join(listed)}</ul>'
            f'<ul class="progress-decisions" data-search-exclude></ul></section>')
    heads = "".join(f'<th scope="col">{escape(w(k))}</th>' for k in ("module", "answered", "right_first", "cases_completed"))
    exam_heads = "".join(f'<th scope="col">{escape(w(k))}</th>'
                         for k in ("exam_when", "exam_questions", "exam_score", "exam_time", "exam_results"))
    return (
        f'<div class="course-progress" data-exam="{exam_url()}">'
        f'<noscript><p>{escape(w("progress_noscript"))}</p></noscript>'
        f'<p class="progress-last">{escape(w("last_activity_none"))}</p>'
        + due_line(w) +
        f'<h2 id="progress-modules">{escape(w("by_module"))}</h2>'
        f'<div class="course-scroll"><table class="progress-modules"><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(modules)}</tbody></table></div>'
        f'<h2 id="progress-all">{escape(w("all_practice"))}</h2>'
        '<table class="progress-table"><thead><tr>'
        + "".join(f'<th scope="col">{escape(w(k))}</th>' for k in ("quiz_or_case", "kind", "status")) +
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<h2 id="review-my-misses">{escape(w("review_my_misses"))}</h2>'
        f'<p class="progress-no-misses">{escape(w("no_misses"))}</p>'
        + "".join(misses) +
        f'<h2 id="progress-exams">{escape(w("exams_sat"))}</h2>'
        f'<p class="progress-no-exams">{escape(w("no_exams"))}</p>'
        f'<div class="course-scroll"><table class="progress-exams" hidden><thead><tr>{exam_heads}</tr></thead><tbody></tbody></table></div>'
        '<div class="progress-tools"></div></div>'
    )
