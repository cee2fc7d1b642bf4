"""Honest records, as a student meets them over several evenings: first tries kept, misses kept until
answered right on a later day, one score on every page, case decisions and endings on the Progress page,
and progress saved by the previous version of the course still there. Over file:// and 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
KEY, OLD_KEY = "nmw-course-v2", "nmw-course-v1"
CRISIS, ICU, PROGRESS = "modules/crisis.html", "modules/icu.html", "progress.html"
MONDAY, TUESDAY = datetime(2026, 12, 7, 21, 0), datetime(2026, 12, 8, 20, 30)


def answer(page, qid, *labels):
    q = page.locator(f"#question-{qid}")
    for label in labels:
        q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()


def open_ready(page, url, what=".quiz[data-ready], .case[data-ready], .course-progress[data-ready]"):
    page.goto(url)
    expect(page.locator(what).first).to_be_attached()


def statuses(page):
    return page.locator(".progress-status").all_inner_texts()


def misses(page):
    """What Review my misses lists: question ids of quiz misses, then the text of each case decision to review."""
    questions = page.locator(".progress-misses li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.question)")
    return questions + page.locator(".progress-decisions li").all_inner_texts()


def on_evening(page, when):
    page.clock.set_system_time(when)


def test_wrong_then_right_keeps_the_first_try_and_stays_in_the_misses_until_a_later_day(fixture_site, site_url, page):
    on_evening(page, MONDAY)
    open_ready(page, site_url(fixture_site, CRISIS))
    q1 = page.locator("#question-sample-q1")
    answer(page, "sample-q1", "Oxygen saturation")
    q1.get_by_role("button", name="Try again").click()
    expect(q1.locator(".quiz-history")).to_have_text(
        "First try: wrong (A). In Review my misses until you answer it right on a later day.")
    answer(page, "sample-q1", "Forced vital capacity")
    expect(q1.locator(".quiz-result")).to_have_text("Correct.")
    expect(q1.locator(".quiz-history")).to_have_text(
        "First try: wrong (A); later: right. In Review my misses until you answer it right on a later day.")

    page.reload()
    expect(q1.locator(".quiz-history")).to_contain_text("First try: wrong (A); later: right.")
    open_ready(page, site_url(fixture_site, PROGRESS))
    assert misses(page) == ["sample-q1"], "right again the same evening is not enough"

    on_evening(page, TUESDAY)
    open_ready(page, site_url(fixture_site, PROGRESS))
    assert misses(page) == ["sample-q1"], "a new day alone does not clear it"
    page.locator(".progress-misses li:not([hidden]) a").click()
    page.wait_for_url("**/quizzes/crisis-sample.html#question-sample-q1")
    expect(page.locator("#question-sample-q1 .quiz-result")).to_have_text("Correct.")
    page.locator("#question-sample-q1").get_by_role("button", name="Try again").click()
    answer(page, "sample-q1", "Forced vital capacity")
    expect(page.locator("#question-sample-q1 .quiz-history")).to_have_text("First try: wrong (A); later: right.")
    open_ready(page, site_url(fixture_site, PROGRESS))
    assert misses(page) == []
    expect(page.locator(".progress-no-misses")).to_be_visible()

    # wrong again on a later day: back in the misses, whatever came before
    page.goto(site_url(fixture_site, CRISIS))
    page.locator("#question-sample-q1").get_by_role("button", name="Try again").click()
    on_evening(page, datetime(2026, 12, 9, 19, 0))
    answer(page, "sample-q1", "Respiratory rate")
    open_ready(page, site_url(fixture_site, PROGRESS))
    assert misses(page) == ["sample-q1"]


def test_reset_quiz_starts_a_new_round_and_keeps_the_misses(fixture_site, site_url, page):
    on_evening(page, MONDAY)
    open_ready(page, site_url(fixture_site, CRISIS))
    answer(page, "sample-q1", "Oxygen saturation")
    answer(page, "sample-q3", "False")
    reset = page.locator("#quiz-crisis-sample").get_by_role("button", name="Reset quiz")
    reset.click()
    page.locator("#quiz-crisis-sample button[data-confirm]").click()
    expect(page.locator("#quiz-crisis-sample > .course-sr")).to_have_text(
        "Quiz reset. Questions you missed stay in Review my misses until you answer them right on a later day.")
    score = page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")
    expect(score).to_have_text("Score: 0 / 3 right at first try (0 of 3 answered)")
    expect(page.locator("#question-sample-q1 .quiz-history")).to_have_text("In Review my misses until you answer it right on a later day.")
    answer(page, "sample-q1", "Forced vital capacity")
    expect(score).to_have_text("Score: 1 / 3 right at first try (1 of 3 answered)"), "the new round's first try counts"
    open_ready(page, site_url(fixture_site, PROGRESS))
    assert statuses(page)[0] == "In progress: 1 / 3 right at first try (1 of 3 answered)"
    assert misses(page) == ["sample-q1"]


def no_violations(page, axe, *selectors):
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert (v := axe(page, *selectors)) == [], (scheme, v)


def test_one_score_on_the_quiz_page_its_card_the_index_and_the_progress_page(hubs_site, site_url, page, axe):
    open_ready(page, site_url(hubs_site, "quizzes/crisis-sample.html"))
    answer(page, "sample-q1", "Forced vital capacity")
    answer(page, "sample-q2", "Miosis")
    page.locator("#question-sample-q2").get_by_role("button", name="Try again").click()
    answer(page, "sample-q2", "Miosis", "Bronchorrhoea")
    shown = page.locator(".quiz-footer > .quiz-score").inner_text()
    assert shown == "Score: 1 / 3 right at first try (2 of 3 answered)"
    expected = shown.removeprefix("Score: ")

    page.goto(site_url(hubs_site, "modules/crisis.html"))
    card = page.locator(".course-card[data-quiz='crisis-sample']")
    expect(card.locator(".course-status")).to_have_text(expected)
    expect(page.locator(".course-card[data-quiz='motor-sample'] .course-status")).to_have_text("Not started")
    page.goto(site_url(hubs_site, "quizzes/index.html"))
    item = page.locator(".md-content li", has=page.get_by_role("link", name="Sample quiz", exact=True))
    expect(item.locator(".course-status")).to_have_text(expected)
    open_ready(page, site_url(hubs_site, PROGRESS))
    assert statuses(page)[0] == "In progress: " + expected
    expect(page.locator(".progress-rule")).to_contain_text("counts each question\u2019s first try, as on the quiz page")

    page.goto(site_url(hubs_site, "quizzes/crisis-sample.html"))
    answer(page, "sample-q3", "True")
    page.goto(site_url(hubs_site, "modules/crisis.html"))
    expect(card.locator(".course-status")).to_have_text("1 / 3 right at first try (3 of 3 answered)")
    expect(card).to_have_attribute("data-status", "done")
    no_violations(page, axe, ".course-cards")


def test_a_bad_case_ending_and_the_wrong_decision_show_on_the_progress_page(hubs_site, site_url, page, axe):
    open_ready(page, site_url(hubs_site, "cases/gbs-sample.html"))
    answer(page, "sample-gbs-ed", "Send home")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Bad ending.")).to_be_visible()
    no_violations(page, axe, ".case")

    open_ready(page, site_url(hubs_site, PROGRESS))
    assert statuses(page)[2] == "Ending reached: Sent home, back in respiratory distress (not the best ending)"
    assert misses(page) == ["Sample case, Emergency department: you chose \u201cSend home\u201d (not the best choice)."]
    no_violations(page, axe, ".course-progress")
    page.goto(site_url(hubs_site, "modules/icu.html"))
    expect(page.locator(".course-card[data-case='gbs-sample'] .course-status")).to_have_text("Ending reached: Sent home, back in respiratory distress (not the best ending)")
    expect(page.locator(".course-card[data-case='gbs-sample']")).to_have_attribute("data-status", "review")
    page.goto(site_url(hubs_site, "cases/index.html"))
    expect(page.locator(".md-content li .course-status")).to_have_text("Ending reached: Sent home, back in respiratory distress (not the best ending)")

    # choosing again does not erase the mistake, and the last ending stays until a new one is reached
    open_ready(page, site_url(hubs_site, PROGRESS))
    page.locator(".progress-decisions a").click()
    page.wait_for_url("**/cases/gbs-sample.html#stage-sample-gbs-ed")
    page.locator("#stage-sample-gbs-ed").get_by_role("button", name="Choose again").click()
    expect(page.locator("#stage-sample-gbs-ed .quiz-history")).to_contain_text("First try: wrong (A).")
    open_ready(page, site_url(hubs_site, PROGRESS))
    assert statuses(page)[2] == "In progress; last ending reached: Sent home, back in respiratory distress (not the best ending)"
    assert len(misses(page)) == 1
    page.goto(site_url(hubs_site, "cases/gbs-sample.html"))
    answer(page, "sample-gbs-ed", "Admit and measure")
    page.get_by_role("button", name="Continue").click()
    open_ready(page, site_url(hubs_site, PROGRESS))
    assert statuses(page)[2] == "Ending reached: Ward (the best ending)"
    assert len(misses(page)) == 1, "right on the same day: the wrong decision stays to review"


def test_progress_saved_by_the_previous_version_survives(fixture_site, site_url, page, tmp_path):
    """The previous course.js (tests/fixtures/format1) saves progress as a student made it; the current site reads it."""
    both = tmp_path / "sites"
    shutil.copytree(fixture_site, both / "old")
    shutil.copytree(fixture_site, both / "new")
    shutil.copy(ROOT / "tests/fixtures/format1/course.js", both / "old/assets/course/course.js")
    (both / "old/assets/site.js").write_text("/* the previous version had none */\n", encoding="utf-8")

    open_ready(page, site_url(both, "old/" + CRISIS))
    answer(page, "sample-q1", "Oxygen saturation")
    answer(page, "sample-q3", "False")
    page.locator("#question-sample-q2").get_by_label("Miosis").check()
    open_ready(page, site_url(both, "old/" + ICU))
    answer(page, "sample-gbs-ed", "Send home")
    page.get_by_role("button", name="Continue").click()
    saved = page.evaluate(f"localStorage.getItem('{OLD_KEY}')")
    old = json.loads(saved)
    assert set(old) == {"questions", "quizzes", "cases"} and old["cases"]["gbs-sample"]["path"][-1] == "sample-gbs-home"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None

    open_ready(page, site_url(both, "new/" + PROGRESS))
    assert statuses(page) == ["In progress: 1 / 3 right at first try (2 of 3 answered)", "Not started", "Ending reached"]
    assert misses(page) == ["sample-q1"]

    open_ready(page, site_url(both, "new/" + CRISIS))
    expect(page.locator("#question-sample-q1 .quiz-result")).to_have_text("Incorrect. The answer is B.")
    expect(page.locator("#question-sample-q3 .quiz-result")).to_have_text("Correct.")
    expect(page.locator("#question-sample-q2").get_by_label("Miosis")).to_be_checked()
    expect(page.locator("#question-sample-q2").get_by_role("button", name="Check answer")).to_be_visible()
    expect(page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")).to_have_text("Score: 1 / 3 right at first try (2 of 3 answered)")

    open_ready(page, site_url(both, "new/" + ICU))
    expect(page.locator("#stage-sample-gbs-home")).to_be_visible()
    expect(page.locator("#stage-sample-gbs-ed .quiz-result")).to_have_text("Incorrect. The answer is B.")
    open_ready(page, site_url(both, "new/" + PROGRESS))
    assert statuses(page)[2] == "Ending reached: Sent home, back in respiratory distress (not the best ending)"
    assert misses(page) == ["sample-q1", "Sample case, Emergency department: you chose \u201cSend home\u201d (not the best choice)."]

    assert page.evaluate(f"localStorage.getItem('{OLD_KEY}')") == saved, "the old record is left for older copies of the course"
    open_ready(page, site_url(both, "old/" + CRISIS))
    expect(page.locator("#question-sample-q1 .quiz-result")).to_have_text("Incorrect. The answer is B.")

    open_ready(page, site_url(both, "new/" + PROGRESS))
    page.get_by_role("button", name="Clear progress").click()
    page.locator(".course-progress button[data-confirm]").click()
    assert page.evaluate(f"[localStorage.getItem('{KEY}'), localStorage.getItem('{OLD_KEY}')]") == [None, None]
    page.reload()
    assert statuses(page) == ["Not started"] * 3, "cleared progress does not come back from the old record"


def test_a_progress_file_exported_by_the_previous_version_imports(fixture_site, site_url, page):
    exported = {"questions": {"sample-q1": {"v": page_version(fixture_site, "sample-q1"), "chosen": ["a"], "checked": True, "right": False}},
                "quizzes": {}, "cases": {}}
    open_ready(page, site_url(fixture_site, PROGRESS))
    page.get_by_label("Import progress from a file").set_input_files(
        files=[{"name": "course-progress.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}])
    expect(page.locator(".progress-message")).to_have_text("Progress imported from course-progress.json.")
    assert statuses(page)[0] == "In progress: 0 / 3 right at first try (1 of 3 answered)"
    assert misses(page) == ["sample-q1"]
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["version"] == 2


def page_version(site: Path, qid: str) -> str:
    html = (site / "quizzes/crisis-sample.html").read_text(encoding="utf-8")
    start = html.index(f'data-question="{qid}"')
    return html[start:].split('data-version="', 1)[1].split('"', 1)[0]
