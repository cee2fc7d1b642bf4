"""Links that keep a student moving through a module: back to the module, previous and next practice, and
what to do after a case. The practice of a module is its quizzes, then its cases, in the order the module's
practice cards list them (course order), so every page agrees on what "next" means."""

from __future__ import annotations

from html import escape

from .model import Course
from .urls import module_url, practice_url

NOUNS = {"quiz": "Quiz", "case": "Case"}


def practice(course: Course, module_id: str) -> list[tuple[str, str, str]]:
    """(kind, id, title) of a module's quizzes, then its cases."""
    return ([("quiz", q.id, q.title) for q in course.quizzes.values() if q.module == module_id]
            + [("case", c.id, c.title) for c in course.cases.values() if c.module == module_id])


def _item(course: Course, kind: str, item_id: str):
    return (course.quizzes if kind == "quiz" else course.cases)[item_id]


def practice_nav(course: Course, kind: str, item_id: str) -> str:
    """Back to the module, and the previous and next quiz or case of the same module."""
    item = _item(course, kind, item_id)
    module = course.modules[item.module]
    items = practice(course, item.module)
    here = items.index((kind, item_id, item.title))
    links = [f'<a class="course-nav-module" href="{module_url(module.id)}">Back to module: {escape(module.title)}</a>']
    if here > 0:
        k, i, title = items[here - 1]
        links.append(f'<a class="course-nav-prev" rel="prev" href="{practice_url(k, i)}">'
                     f'Previous: {NOUNS[k]}: {escape(title)}</a>')
    if here + 1 < len(items):
        k, i, title = items[here + 1]
        links.append(f'<a class="course-nav-next" rel="next" href="{practice_url(k, i)}">'
                     f'Next: {NOUNS[k]}: {escape(title)}</a>')
    return (f'<nav class="course-nav" aria-label="{escape(module.label)}: practice" data-search-exclude>'
            + "".join(links) + "</nav>")


def case_next(course: Course, case_id: str) -> str:
    """After a case: the module's next case (if any), its quiz or quizzes, and the way back to the module."""
    case = course.cases[case_id]
    module = course.modules[case.module]
    cases = [c for c in course.cases.values() if c.module == case.module]
    here = cases.index(case)
    items = []
    if here + 1 < len(cases):
        nxt = cases[here + 1]
        items.append(f'<li><a href="{practice_url("case", nxt.id)}">Next case: {escape(nxt.title)}</a></li>')
    for quiz in (q for q in course.quizzes.values() if q.module == case.module):
        items.append(f'<li><a href="{practice_url("quiz", quiz.id)}">Module quiz: {escape(quiz.title)}</a></li>')
    items.append(f'<li><a href="{module_url(module.id)}">Back to module: {escape(module.title)}</a></li>')
    return (f'<nav class="course-case-next" aria-label="After this case" data-search-exclude>'
            f'<p class="course-case-next-title"><strong>After this case</strong></p><ul>{"".join(items)}</ul></nav>')


def quiz_next(course: Course, quiz_id: str) -> str:
    """After a quiz (the bottom of a long page): the module's cases, and the way back to the module."""
    quiz = course.quizzes[quiz_id]
    module = course.modules[quiz.module]
    items = [f'<li><a href="{practice_url("case", c.id)}">Case: {escape(c.title)}</a></li>'
             for c in course.cases.values() if c.module == quiz.module]
    items.append(f'<li><a href="{module_url(module.id)}">Back to module: {escape(module.title)}</a></li>')
    return (f'<nav class="course-case-next" aria-label="After this quiz" data-search-exclude>'
            f'<p class="course-case-next-title"><strong>After this quiz</strong></p><ul>{"".join(items)}</ul></nav>')


def reading_time(minutes: int, key_points: bool = False) -> str:
    """The reading time shown at the top of a module's teaching page, with a link to its key points when
    it has them (they close the teaching text, far down a phone's screen)."""
    jump = ' · <a href="#key-points">Jump to the key points</a>' if key_points else ""
    return f'<p class="course-reading-time">About {minutes} minute{"s" if minutes != 1 else ""}{jump}</p>'
