"""Exam mode as a student sits it, over file:// and 127.0.0.1 with every other host blocked: an exam built by module
and from "all I missed", answers locked without feedback, flags and the navigator, the timer (paused, announced,
running out) with the time on each question, the results with every question's feedback, the saved record on the
Progress page, a reload that resumes, the keyboard alone, and axe in light and dark mode."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MONDAY = datetime(2026, 12, 7, 20, 0)
ICU = ["icu-vc", "icu-2030", "icu-egris"]


def open_exam(page, url):
    page.goto(url)
    expect(page.locator(".course-exam-build")).to_be_visible()


def build(page, modules=None, pool=None, count=None, timed=None):
    form = page.locator(".course-exam-build")
    if modules is not None:
        for box in form.locator('input[name="module"]').all():
            box.set_checked(box.get_attribute("value") in modules)
    if pool:
        form.get_by_label(pool).check()
    if count is not None:
        form.get_by_label("Number of questions").fill(str(count))
    if timed:
        form.get_by_label("Timed").check()
        form.get_by_label("Seconds per question").fill(str(timed))
    return form


def drawn(page):
    """The question ids of the exam, in the order it asks them, by walking the navigator."""
    ids = []
    for n in range(page.locator(".exam-nav button").count()):
        page.locator(".exam-nav button").nth(n).click()
        ids.append(page.locator(".exam-question .quiz-question").get_attribute("data-question"))
    page.locator(".exam-nav button").first.click()
    return ids


def nav_labels(page):
    return page.locator(".exam-nav button").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")


def answer_on_quiz_page(page, url, qid, label):
    q = page.locator(f"#question-{qid}")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()


def test_an_exam_built_by_module_draws_only_that_module_and_locks_without_feedback(study_site, site_url, page, axe):
    open_exam(page, site_url(study_site, "exam.html"))
    form = build(page, modules={"icu"})
    expect(form.locator(".course-exam-matching")).to_have_text("3 questions match your choices.")
    form.get_by_label("Hard").uncheck()
    expect(form.locator(".course-exam-matching")).to_have_text("2 questions match your choices.")
    form.get_by_label("Hard").check()
    form.get_by_role("button", name="Start exam").click()
    expect(page.locator(".exam-title")).to_have_text("Exam, question 1 of 3")
    expect(page.locator(".exam-title")).to_be_focused()
    assert sorted(drawn(page)) == sorted(ICU)
    assert nav_labels(page) == ["Question 1: not answered", "Question 2: not answered", "Question 3: not answered"]

    question = page.locator(".exam-question")
    question.locator("input").first.check()
    page.get_by_role("button", name="Flag for review").click()
    expect(page.get_by_role("button", name="Flag for review")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Lock answer").click()
    expect(page.locator(".exam-locked")).to_have_text("Answer locked. Feedback comes at the end.")
    for box in question.locator("input").all():
        expect(box).to_be_disabled()
    expect(question.locator(".quiz-option-feedback, .quiz-result, .quiz-answer, .quiz-explanation")).to_have_count(0)
    expect(question).not_to_contain_text("Correct")
    assert nav_labels(page)[0] == "Question 1: answered, flagged"
    expect(page.locator(".exam-nav button").first).to_have_attribute("aria-current", "step")
    assert [v for v in axe(page, ".course-exam")] == []
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert axe(page, ".course-exam") == []


def test_an_exam_of_all_i_missed_holds_exactly_the_misses(study_site, site_url, page):
    page.clock.set_system_time(MONDAY)
    page.goto(site_url(study_site, "quizzes/breathing.html"))
    answer_on_quiz_page(page, None, "icu-vc", "Oxygen saturation")
    answer_on_quiz_page(page, None, "icu-2030", "Below 20 mL/kg")
    page.goto(site_url(study_site, "quizzes/motor.html"))
    answer_on_quiz_page(page, None, "mu-fasc", "A sensory level")
    open_exam(page, site_url(study_site, "exam.html"))
    form = build(page, pool="All I missed")
    expect(form.locator(".course-exam-matching")).to_have_text("2 questions match your choices.")
    expect(form.get_by_label("Number of questions")).to_be_disabled()
    form.get_by_role("button", name="Start exam").click()
    assert sorted(drawn(page)) == ["icu-vc", "mu-fasc"]
    page.goto(site_url(study_site, "exam.html"))
    form = build(page, pool="Not yet seen")
    expect(form.locator(".course-exam-matching")).to_have_text("4 questions match your choices.")


def test_the_timer_pauses_announces_runs_out_and_records_the_time_on_each_question(study_site, site_url, page):
    page.clock.install(time=MONDAY)
    open_exam(page, site_url(study_site, "exam.html"))
    build(page, modules={"crisis"}, timed=90).get_by_role("button", name="Start exam").click()
    timer = page.locator(".exam-timer")
    expect(timer).to_have_text("Time left: 3:00")
    expect(timer).to_have_attribute("role", "timer")
    page.clock.run_for(20_000)
    expect(timer).to_have_text("Time left: 2:40")
    page.get_by_role("button", name="Pause").click()
    live = page.locator(".course-exam > .course-sr")
    expect(live).to_have_text("The exam is paused; the question is hidden until you resume.")
    expect(page.locator(".exam-question")).to_be_hidden()
    page.clock.run_for(30_000)
    expect(timer).to_have_text("Time left: 2:40"), "paused time does not count"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(75_000)
    expect(live).to_have_text(re.compile(r"^Half the time is gone: 1 min 2\d s left\.$"))
    page.get_by_role("button", name="Next", exact=True).click()
    page.locator(".exam-question input").first.check()
    page.clock.run_for(30_000)
    expect(live).to_have_text("1 minute left.")
    page.clock.run_for(60_000)
    expect(page.locator(".exam-title")).to_have_text("Your results")
    expect(page.locator(".exam-view")).to_contain_text("Time: 3 min 0 s in all, 1 min 30 s a question on average.")
    verdicts = page.locator(".exam-verdict").all_inner_texts()
    assert [v.split(": ")[0] + ", " + v.rsplit(", ", 1)[1] for v in verdicts] == [
        "Question 1, 1 min 35 s", "Question 2, 1 min 25 s"], verdicts
    assert "not answered" in verdicts[0] and "not answered" not in verdicts[1]


def test_the_results_give_the_score_by_module_and_topic_every_feedback_and_are_saved(study_site, site_url, page, axe):
    open_exam(page, site_url(study_site, "exam.html"))
    build(page, modules={"motor", "icu"}).get_by_role("button", name="Start exam").click()
    order = drawn(page)
    right = {"icu-vc": "Vital capacity", "icu-2030": "Below 20 mL/kg", "icu-egris": "Walking at six months",
             "mu-fasc": "Fasciculations", "mu-nmj": "Sensory loss"}
    for n, qid in enumerate(order):
        page.locator(".exam-nav button").nth(n).click()
        page.locator(".exam-question").get_by_label(right[qid]).check()
    page.get_by_role("button", name="End exam").click()
    page.locator(".exam-actions button[data-confirm]").click()
    expect(page.locator(".exam-score")).to_have_text("Score: 3 of 5 right (60%).")
    tables = page.locator(".exam-table")
    assert tables.nth(0).locator("tr").all_inner_texts() == ["Motor unit\t1 of 2", "ICU weakness\t2 of 3"]
    assert "Guillain-Barré syndrome, including its variants\t1 of 2" in tables.nth(1).locator("tr").all_inner_texts()
    questions = page.locator(".exam-review > li")
    expect(questions).to_have_count(5)
    for n in range(5):
        expect(questions.nth(n).locator(".quiz-explanation")).to_be_visible()
        expect(questions.nth(n).locator(".quiz-option-feedback").first).to_be_visible()
    expect(page.locator(".exam-review")).to_contain_text("That is mEGOS.")
    assert axe(page, ".course-exam") == []
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert axe(page, ".course-exam") == []
    url = page.url

    page.goto(site_url(study_site, "progress.html"))
    row = page.locator(".progress-exams tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_have_text("5")
    expect(row.locator("td").nth(1)).to_have_text("3 / 5 (60%)")
    expect(page.locator(".progress-last")).to_contain_text("an exam of 5 questions")
    row.get_by_role("link", name="See the results").click()
    page.wait_for_url("**/exam.html#exam-*")
    assert page.url.split("#")[1] == url.split("#")[1]
    expect(page.locator(".exam-score")).to_have_text("Score: 3 of 5 right (60%).")
    page.goto(site_url(study_site, "quizzes/breathing.html"))
    expect(page.locator("#question-icu-egris .quiz-result")).to_contain_text("Incorrect."), "exam answers are checked answers"


def test_a_reload_resumes_the_exam_where_it_was_in_the_same_order(study_site, site_url, page):
    open_exam(page, site_url(study_site, "exam.html"))
    build(page).get_by_role("button", name="Start exam").click()
    order = drawn(page)
    page.locator(".exam-nav button").nth(2).click()
    page.locator(".exam-question input").first.check()
    page.get_by_role("button", name="Flag for review").click()
    page.reload()
    expect(page.locator(".exam-resume")).to_contain_text("1 of 7 answered")
    page.get_by_role("button", name="Resume the exam").click()
    expect(page.locator(".exam-title")).to_have_text("Exam, question 3 of 7")
    assert nav_labels(page)[2] == "Question 3: answered, flagged"
    assert drawn(page) == order
    page.reload()
    page.get_by_role("button", name="Discard it").click()
    page.locator(".exam-resume button[data-confirm]").click()
    expect(page.locator(".exam-resume")).to_have_count(0)


def test_an_exam_can_be_sat_with_the_keyboard_alone(study_site, site_url, page):
    open_exam(page, site_url(study_site, "exam.html"))
    page.locator(".course-exam-build input[name='module']").first.focus()
    for _ in range(2):  # leave only the motor module: Tab to the next box and untick it
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
    page.locator(".course-exam-build button[type='submit']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".exam-title")).to_be_focused()
    assert page.locator(".exam-nav button").count() == 2
    page.keyboard.press("Tab")  # into the question: its options are one stop
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Lock answer":
            break
    page.keyboard.press("Enter")
    expect(page.locator(".exam-locked")).to_be_visible()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").startswith("End the exam"):
            break
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator(".exam-score")).to_be_visible()
    expect(page.locator(".exam-title")).to_be_focused()
