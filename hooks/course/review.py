"""The spaced review's page: what the schedule is, and the place review.js serves today's questions in.

The schedule (store.js, `schedule`) is Leitner's boxes: a question missed, guessed, or answered unsure enters
box 1 and comes back the next day; right and sure when it is due moves it up a box, to come back after 3, 7 and
21 days; right and sure in box 4, it leaves the queue. A miss or a guess, at any time, sends it back to box 1.
"""

from __future__ import annotations

from html import escape

from .urls import ROOT


def review_page(renderer) -> str:
    w = renderer.words
    return (f'<div class="course-review" data-bank="{ROOT}assets/course/bank.js" data-search-exclude>'
            f'<p class="course-review-intro">{escape(w("review_intro"))}</p>'
            f'<noscript><p>{escape(w("review_noscript"))}</p></noscript>'
            '<div class="course-review-session"></div></div>')
