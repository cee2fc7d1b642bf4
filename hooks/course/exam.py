"""Exam mode's page: the form a student builds an exam with, written at build time from the course itself
(its modules, the topics its questions are tagged with, the difficulties they are rated), so the choices are
always the course's own and read in the site's language. exam.js draws the set from the question bank
(bank.py), runs it (answers locked without feedback, a pausable timer, flags, a navigator) and shows the
results, which it saves with the student's progress.
"""

from __future__ import annotations

from html import escape

from .bank import tag_label
from .model import Course
from .urls import ROOT

DIFFICULTIES = ("easy", "medium", "hard")
DEFAULT_COUNT = 20
DEFAULT_SECONDS = 90  # a question a minute and a half, as the licensing exams allow


def _box(name: str, value: str, label: str, count: int, checked: bool = True) -> str:
    return (f'<label><input type="checkbox" name="{name}" value="{escape(value)}"{" checked" if checked else ""}> '
            f'{escape(label)} <span class="course-exam-count">({count})</span></label>')


def exam_form(renderer) -> str:
    course: Course = renderer.course
    w = renderer.words
    questions = list(course.questions())
    module_of = {q.id: quiz.module for quiz in course.quizzes.values() for q in quiz.questions}
    modules = "".join(_box("module", m.id, m.label, sum(1 for q in questions if module_of[q.id] == m.id))
                      for m in course.modules.values() if any(module_of[q.id] == m.id for q in questions))
    rated = [d for d in DIFFICULTIES if any(q.difficulty == d for q in questions)]
    levels = [(d, w(f"difficulty_{d}"), sum(1 for q in questions if q.difficulty == d)) for d in rated]
    unrated = sum(1 for q in questions if q.difficulty not in DIFFICULTIES)
    if unrated:
        levels.append(("", w("difficulty_none"), unrated))
    difficulty = "".join(_box("difficulty", value, label, n) for value, label, n in levels)
    tags = sorted({t for q in questions for t in q.tags}, key=lambda t: tag_label(course, t).lower())
    topics = "".join(_box("tag", t, tag_label(course, t), sum(1 for q in questions if t in q.tags), checked=False)
                     for t in tags)
    pools = "".join(
        f'<label><input type="radio" name="pool" value="{value}"{" checked" if value == "all" else ""}> {escape(w(key))}</label>'
        for value, key in (("all", "pool_all"), ("missed", "pool_missed"), ("unseen", "pool_unseen")))
    topic_box = (f'<details class="course-exam-tags"><summary>{escape(w("exam_tags"))}</summary>'
                 f'<fieldset><legend>{escape(w("exam_tags"))}</legend><p class="course-exam-hint">{escape(w("exam_tags_hint"))}</p>'
                 f'{topics}</fieldset></details>') if tags else ""
    return (
        f'<div class="course-exam" data-bank="{ROOT}assets/course/bank.js" data-search-exclude>'
        f'<p class="course-exam-intro">{escape(w("exam_intro"))}</p>'
        f'<noscript><p>{escape(w("exam_noscript"))}</p></noscript>'
        f'<form class="course-exam-build" aria-labelledby="exam-build-title" hidden>'
        f'<h2 id="exam-build-title">{escape(w("exam_build"))}</h2>'
        f'<fieldset class="course-exam-modules"><legend>{escape(w("exam_modules"))}</legend>{modules}</fieldset>'
        + (f'<fieldset class="course-exam-difficulty"><legend>{escape(w("exam_difficulty"))}</legend>{difficulty}</fieldset>'
           if levels else "")
        + topic_box +
        f'<fieldset class="course-exam-pool"><legend>{escape(w("exam_pool"))}</legend>{pools}</fieldset>'
        f'<p><label for="exam-count">{escape(w("exam_count"))}</label> '
        f'<input type="number" id="exam-count" name="count" min="1" max="{len(questions)}" value="{min(DEFAULT_COUNT, len(questions))}"></p>'
        f'<p><label><input type="checkbox" name="timed"> {escape(w("exam_timed"))}</label> '
        f'<label for="exam-seconds">{escape(w("exam_seconds"))}</label> '
        f'<input type="number" id="exam-seconds" name="seconds" min="10" max="600" step="5" value="{DEFAULT_SECONDS}"></p>'
        f'<p class="course-exam-matching" aria-live="polite"></p>'
        f'<button type="submit" class="course-button course-primary">{escape(w("exam_start"))}</button>'
        f'</form></div>'
    )
