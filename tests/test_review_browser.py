"""The spaced review over several days (the browser's clock moved), over file:// and 127.0.0.1: a miss becomes due
the next day, shows as "N questions due today" on the start page and the Progress page, is served by the review,
climbs the Leitner boxes (1, 3, 7, 21 days) when answered right and sure, and leaves the queue after the last box;
"unsure" and "guessed" after an answer keep it close; the schedule is in the saved progress and its export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "nmw-course-v2"
MONDAY = datetime(2026, 12, 7, 20, 0)


def on(page, day: datetime):
    page.clock.set_system_time(day)


def record(page, qid):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}')).questions[{qid!r}]")


def answer(page, qid, label):
    q = page.locator(f"#question-{qid}")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()
    return q


def due_line(page, url):
    page.goto(url)
    line = page.locator(".course-due")
    expect(line).to_be_visible()
    return line


def review_one(page, url, label, rating="Sure"):
    page.goto(url)
    page.get_by_role("button", name="Start a review").click()
    q = page.locator(".course-review-session .quiz-question")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()
    page.locator(".course-review-session .quiz-confidence").get_by_role("button", name=rating, exact=True).click()
    return q


def test_a_miss_comes_back_after_1_3_7_and_21_days_and_leaves_the_queue(study_site, site_url, page):
    on(page, MONDAY)
    page.goto(site_url(study_site, "quizzes/breathing.html"))
    answer(page, "icu-vc", "Oxygen saturation")
    assert (record(page, "icu-vc")["box"], record(page, "icu-vc")["due"]) == (1, "2026-12-08")
    expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("No questions are due for review today.")
    page.goto(site_url(study_site, "review.html"))
    expect(page.locator(".course-review-none")).to_have_text("Nothing is due for review today.")
    expect(page.locator(".course-review-next")).to_have_text("Next review: December 8 (1 question).")

    day, box = MONDAY + timedelta(days=1), 1
    on(page, day)
    line = due_line(page, site_url(study_site, "index.html"))
    expect(line).to_have_text("1 question due for review today: Start a review")
    expect(due_line(page, site_url(study_site, "progress.html"))).to_have_text("1 question due for review today: Start a review")
    line.get_by_role("link", name="Start a review").click()
    page.wait_for_url("**/review.html")
    for wait in (3, 7, 21):
        q = review_one(page, site_url(study_site, "review.html"), "Vital capacity")
        expect(q.locator(".quiz-result")).to_have_text("Correct.")
        box += 1
        due = (day + timedelta(days=wait)).strftime("%Y-%m-%d")
        assert (record(page, "icu-vc")["box"], record(page, "icu-vc")["due"]) == (box, due)
        expect(page.locator(".course-review > .course-sr")).to_contain_text("Back for review on")
        page.get_by_role("button", name="Finish the review").click()
        expect(page.locator(".course-review-title")).to_have_text("Review done: 1 of 1 right at the first try.")
        expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("No questions are due for review today.")
        on(page, day + timedelta(days=wait - 1))
        expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("No questions are due for review today.")
        day += timedelta(days=wait)
        on(page, day)
        expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("1 question due for review today: Start a review")
    review_one(page, site_url(study_site, "review.html"), "Vital capacity")
    expect(page.locator(".course-review > .course-sr")).to_have_text("Learnt: it has left the review queue.")
    assert "box" not in record(page, "icu-vc") and "due" not in record(page, "icu-vc")
    on(page, day + timedelta(days=60))
    expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("No questions are due for review today.")


def test_a_wrong_answer_or_a_guess_goes_back_to_box_1_and_unsure_stays(study_site, site_url, page):
    on(page, MONDAY)
    page.goto(site_url(study_site, "quizzes/crisis.html"))
    q = answer(page, "cr-trigger", "Infection")
    sure = q.locator(".quiz-confidence")
    expect(sure).to_contain_text("How sure were you?")
    assert "box" not in record(page, "cr-trigger"), "right and (by default) sure: not in the queue"
    sure.get_by_role("button", name="Unsure").click()
    expect(sure.get_by_role("button", name="Unsure")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#quiz-crisis > .course-sr")).to_have_text("Back for review on December 8.")
    assert (record(page, "cr-trigger")["box"], record(page, "cr-trigger")["sure"]) == (1, "unsure")
    sure.get_by_role("button", name="Sure", exact=True).click()
    assert "box" not in record(page, "cr-trigger"), "the rating re-decides from before the check"
    page.reload()
    expect(page.locator("#question-cr-trigger .quiz-confidence").get_by_role("button", name="Sure", exact=True)).to_have_attribute(
        "aria-pressed", "true")

    on(page, MONDAY + timedelta(days=1))
    page.goto(site_url(study_site, "quizzes/crisis.html"))
    page.locator("#question-cr-trigger").get_by_role("button", name="Try again").click()
    q = answer(page, "cr-trigger", "Infection")
    q.locator(".quiz-confidence").get_by_role("button", name="Guessed").click()
    assert (record(page, "cr-trigger")["box"], record(page, "cr-trigger")["due"]) == (1, "2026-12-09")

    on(page, MONDAY + timedelta(days=2))
    q = review_one(page, site_url(study_site, "review.html"), "Infection", rating="Unsure")
    assert (record(page, "cr-trigger")["box"], record(page, "cr-trigger")["due"]) == (1, "2026-12-10"), "unsure: same box"
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Cold weather").check()
    q.get_by_role("button", name="Check answer").click()
    assert (record(page, "cr-trigger")["box"], record(page, "cr-trigger")["due"]) == (1, "2026-12-10")


def test_the_schedule_is_in_the_exported_progress_and_survives_an_import(study_site, site_url, page, tmp_path):
    on(page, MONDAY)
    page.goto(site_url(study_site, "quizzes/breathing.html"))
    answer(page, "icu-2030", "Below 50 mL/kg")
    page.goto(site_url(study_site, "progress.html"))
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert (data["questions"]["icu-2030"]["box"], data["questions"]["icu-2030"]["due"]) == (1, "2026-12-08")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator("#progress-import").set_input_files(str(saved))
    expect(page.locator(".progress-message")).to_have_text("Progress imported from progress.json.")
    on(page, MONDAY + timedelta(days=1))
    expect(due_line(page, site_url(study_site, "index.html"))).to_have_text("1 question due for review today: Start a review")


def test_the_review_with_the_keyboard_alone_and_axe_light_and_dark(study_site, site_url, page, axe):
    on(page, MONDAY)
    page.goto(site_url(study_site, "quizzes/motor.html"))
    answer(page, "mu-fasc", "A sensory level")
    on(page, MONDAY + timedelta(days=1))
    page.goto(site_url(study_site, "review.html"))
    page.get_by_role("button", name="Start a review").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".course-review-title")).to_be_focused()
    expect(page.locator(".course-review-title")).to_have_text("Review question 1 of 1")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Check answer":
            break
    page.keyboard.press("Enter")
    expect(page.locator(".course-review-session .quiz-result")).to_be_visible()
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert axe(page, ".course-review") == [], scheme
