"""Links that keep a student moving through a module: back to the module, previous and next practice, and
what to do after a case. The practice of a module is its quizzes, then its cases, in the order the module's
practice cards list them (course order), so every page agrees on what "next" means."""

from __future__ import annotations

from html import escape

from .model import Course
from .urls import module_url, practice_url
from .words import Words, words_for

NOUNS = {"quiz": "quiz_named", "case": "case_named"}  # keys of words: "Quiz: {title}"


def practice(course: Course, module_id: str) -> list[tuple[str, str, str]]:
    """(kind, id, title) of a module's quizzes, then its cases."""
    return ([("quiz", q.id, q.title) for q in course.quizzes.values() if q.module == module_id]
            + [("case", c.id, c.title) for c in course.cases.values() if c.module == module_id])


def _item(course: Course, kind: str, item_id: str):
    return (course.quizzes if kind == "quiz" else course.cases)[item_id]


def practice_nav(course: Course, kind: str, item_id: str, words: Words | None = None) -> str:
    """Back to the module, and the previous and next quiz or case of the same module."""
    w = words or words_for("en")
    item = _item(course, kind, item_id)
    module = course.modules[item.module]
    items = practice(course, item.module)
    here = items.index((kind, item_id, item.title))
    links = [f'<a class="course-nav-module" href="{module_url(module.id)}">{escape(w("back_to_module", module=module.title))}</a>']
    if here > 0:
        k, i, title = items[here - 1]
        links.append(f'<a class="course-nav-prev" rel="prev" href="{practice_url(k, i)}">'
                     f'{escape(w("previous", item=w(NOUNS[k], title=title)))}</a>')
    if here + 1 < len(items):
        k, i, title = items[here + 1]
        links.append(f'<a class="course-nav-next" rel="next" href="{practice_url(k, i)}">'
                     f'{escape(w("next", item=w(NOUNS[k], title=title)))}</a>')
    return (f'<nav class="course-nav" aria-label="{escape(w("practice_nav", module=module.label))}" data-search-exclude>'
            + "".join(links) + "</nav>")


def case_next(course: Course, case_id: str, words: Words | None = None) -> str:
    """After a case: the module's next case (if any), its quiz or quizzes, and the way back to the module."""
    w = words or words_for("en")
    case = course.cases[case_id]
    module = course.modules[case.module]
    cases = [c for c in course.cases.values() if c.module == case.module]
    here = cases.index(case)
    items = []
    if here + 1 < len(cases):
        nxt = cases[here + 1]
        items.append(f'<li><a href="{practice_url("case", nxt.id)}">{escape(w("next_case", title=nxt.title))}</a></li>')
    for quiz in (q for q in course.quizzes.values() if q.module == case.module):
        items.append(f'<li><a href="{practice_url("quiz", quiz.id)}">{escape(w("module_quiz", title=quiz.title))}</a></li>')
    items.append(f'<li><a href="{module_url(module.id)}">{escape(w("back_to_module", module=module.title))}</a></li>')
    after = escape(w("after_case"))
    return (f'<nav class="course-case-next" aria-label="{after}" data-search-exclude>'
            f'<p class="course-case-next-title"><strong>{after}</strong></p><ul>{"".join(items)}</ul></nav>')


def quiz_next(course: Course, quiz_id: str, words: Words | None = None) -> str:
    """After a quiz (the bottom of a long page): the module's cases, and the way back to the module."""
    w = words or words_for("en")
    quiz = course.quizzes[quiz_id]
    module = course.modules[quiz.module]
    items = [f'<li><a href="{practice_url("case", c.id)}">{escape(w("case_named", title=c.title))}</a></li>'
             for c in course.cases.values() if c.module == quiz.module]
    items.append(f'<li><a href="{module_url(module.id)}">{escape(w("back_to_module", module=module.title))}</a></li>')
    after = escape(w("after_quiz"))
    return (f'<nav class="course-case-next" aria-label="{after}" data-search-exclude>'
            f'<p class="course-case-next-title"><strong>{after}</strong></p><ul>{"".join(items)}</ul></nav>')


def reading_time(minutes: int, words: Words | None = None, key_points: bool = False) -> str:
    """The reading time shown at the top of a module's teaching page, with a link to its key points when
    it has them (they close the teaching text, far down a phone's screen)."""
    w = words or words_for("en")
    jump = f' · <a href="#key-points">{escape(w("jump_to_key_points"))}</a>' if key_points else ""
    return f'<p class="course-reading-time">{escape(w("page_reading_time", n=minutes))}{jump}</p>'
