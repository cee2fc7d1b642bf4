"""Quizzes in a real browser, used the way a student would: over file:// and over http."""

from __future__ import annotations

import json
import re
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from helpers import tab_until

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
KEY = "nmw-course-v2"
CRISIS = "modules/crisis.html"


def question(page, qid):
    return page.locator(f"#question-{qid}")


def option(page, qid, letter_id):
    return page.locator(f"#question-{qid} .quiz-option[data-option='{letter_id}']")


def answer(page, qid, *labels):
    q = question(page, qid)
    for label in labels:
        q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()


def stored(page):
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def open_quiz(page, site_url, fixture_site, path=CRISIS):
    page.goto(site_url(fixture_site, path))
    expect(page.locator(".quiz[data-ready] .quiz-footer").first).to_be_visible()


def assert_in_view(page, locator):
    """The element is on screen and not under Material's sticky header (WCAG 2.4.11)."""
    box = locator.bounding_box()
    header = page.locator(".md-header").bounding_box()
    viewport = page.viewport_size
    assert box["y"] >= header["y"] + header["height"] - 1 and box["y"] + min(box["height"], 40) <= viewport["height"], (box, header)


def use_dark_scheme(page, site):
    """Material's slate scheme, as its palette toggle would set it (the test course has no palette of its own)."""
    # Material keeps one palette stylesheet; Zensical one per look, and the course uses the classic one
    sheets = sorted((site / "assets" / "stylesheets").rglob("palette.*.min.css"), key=lambda p: "modern" in p.parts)
    page.add_style_tag(path=sheets[0])
    page.evaluate("""() => Object.assign(document.body.dataset, {mdColorScheme: 'slate', mdColorPrimary: 'indigo', mdColorAccent: 'deep-orange'})""")




def test_single_choice_wrong_then_right(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    q = question(page, "sample-q1")
    assert page.locator(".quiz .quiz-answer").count() == 0, "the no-JS answer box must go, or answers show twice"
    expect(q.get_by_text("Right; FVC is the most reproducible")).to_be_hidden()

    answer(page, "sample-q1", "Oxygen saturation")
    result = q.locator(".quiz-result")
    expect(result).to_have_text("Incorrect. The answer is B.")
    expect(option(page, "sample-q1", "a").locator(".quiz-option-feedback")).to_be_focused()  # the student's own choice first
    expect(option(page, "sample-q1", "a")).to_contain_text("Your choice: incorrect. A late sign")
    expect(option(page, "sample-q1", "b")).to_contain_text("Correct answer. Right; FVC is the most reproducible")
    expect(option(page, "sample-q1", "c")).to_contain_text("Incorrect. May be normal even in ventilatory failure")
    expect(q.get_by_text("FVC is the best single test.")).to_be_visible()
    expect(q.get_by_text("Five pearls for the dyspneic patient")).to_be_visible()
    for box in q.locator("input").all():
        expect(box).to_be_disabled()
    expect(page.locator("#quiz-crisis-sample .course-sr")).to_contain_text("Incorrect. The answer is B. Score: 0 / 3")

    q.get_by_role("button", name="Try again").click()
    expect(q.get_by_label("Oxygen saturation")).to_be_enabled()
    expect(q.get_by_label("Oxygen saturation")).not_to_be_checked()
    expect(q.get_by_text("A late sign")).to_be_hidden()
    answer(page, "sample-q1", "Forced vital capacity")
    expect(result).to_have_text("Correct.")
    expect(option(page, "sample-q1", "b")).to_contain_text("Your choice: correct.")
    expect(option(page, "sample-q1", "b")).to_have_class("quiz-option is-chosen is-right")
    expect(option(page, "sample-q1", "b").locator(".quiz-option-feedback")).to_be_focused()


def test_multiple_choice_is_all_or_nothing(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    q = question(page, "sample-q2")
    result = q.locator(".quiz-result")
    rule = "Scored all or nothing: right only when you choose every correct option and no other."
    expect(q.locator("fieldset")).to_contain_text(rule)  # read with the options, before the student answers
    expect(question(page, "sample-q1").get_by_text("Scored all or nothing")).to_have_count(0)
    answer(page, "sample-q2", "Miosis")
    expect(result).to_have_text("Incorrect. The answer is A, C. You chose 1 of 2 correct options (1 missed) and 0 incorrect.")
    expect(option(page, "sample-q2", "c")).to_contain_text("Correct answer. Muscarinic.")
    expect(option(page, "sample-q2", "b")).to_contain_text("Incorrect. Nicotinic.")

    q.get_by_role("button", name="Try again").click()
    answer(page, "sample-q2", "Miosis", "Bronchorrhoea", "Fasciculations")
    expect(result).to_contain_text("Incorrect. The answer is A, C. You chose 2 of 2 correct options (0 missed) and 1 incorrect.")
    expect(option(page, "sample-q2", "b")).to_contain_text("Your choice: incorrect. Nicotinic.")

    q.get_by_role("button", name="Try again").click()
    answer(page, "sample-q2", "Miosis", "Bronchorrhoea")
    expect(result).to_have_text("Correct. You chose 2 of 2 correct options (0 missed) and 0 incorrect.")


def test_true_false_and_nothing_chosen(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    q = question(page, "sample-q3")
    q.get_by_role("button", name="Check answer").click()
    expect(q.locator(".quiz-result")).to_have_text("Choose an answer first.")
    expect(q.get_by_label("True")).to_be_enabled()
    expect(q.get_by_text("Atropine does not act")).to_be_hidden()

    answer(page, "sample-q3", "True")
    expect(q.locator(".quiz-result")).to_have_text("Incorrect. The answer is B.")
    expect(option(page, "sample-q3", "a")).to_contain_text("Your choice: incorrect. Atropine does not act at nicotinic receptors.")
    expect(option(page, "sample-q3", "b")).to_contain_text("Correct answer. Right.")


def test_score_and_results_summary_link_to_misses(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    quiz = page.locator("#quiz-crisis-sample")
    score = quiz.locator(".quiz-footer > .quiz-score")
    expect(score).to_have_text("Score: 0 / 3 right at first try (0 of 3 answered)")
    expect(quiz.locator(".quiz-score-rule")).to_contain_text("The score counts first tries")
    answer(page, "sample-q1", "Respiratory rate")
    expect(score).to_have_text("Score: 0 / 3 right at first try (1 of 3 answered)")
    expect(quiz.get_by_text("Quiz complete")).to_have_count(0)
    answer(page, "sample-q2", "Miosis", "Bronchorrhoea")
    answer(page, "sample-q3", "False")
    expect(score).to_have_text("Score: 2 / 3 right at first try (3 of 3 answered)")
    expect(quiz.get_by_text("Quiz complete. Missed at the first try:")).to_be_visible()
    links = quiz.locator(".quiz-footer li a")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "#question-sample-q1")
    expect(quiz.locator(".quiz-footer li")).to_contain_text("Question 1: A 34-year-old woman with MG")
    links.click()
    assert page.url.endswith("#question-sample-q1")

    # right at the second try: the score and the summary keep the first
    question(page, "sample-q1").get_by_role("button", name="Try again").click()
    answer(page, "sample-q1", "Forced vital capacity")
    expect(score).to_have_text("Score: 2 / 3 right at first try (3 of 3 answered)")
    expect(links).to_have_count(1)
    expect(question(page, "sample-q1").locator(".quiz-history")).to_have_text(
        "First try: wrong (C); later: right. In Review my misses until you answer it right on a later day.")


def test_reset_quiz_asks_for_a_second_press(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Forced vital capacity")
    question(page, "sample-q2").get_by_label("Miosis").check()
    reset = page.locator("#quiz-crisis-sample .quiz-footer button").first
    reset.click()
    expect(reset).to_have_text("Press again to confirm: reset quiz")
    expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")
    reset.click()
    expect(reset).to_have_text("Reset quiz")
    expect(question(page, "sample-q1").locator(".quiz-result")).to_be_hidden()
    expect(question(page, "sample-q1").get_by_label("Forced vital capacity")).not_to_be_checked()
    expect(question(page, "sample-q2").get_by_label("Miosis")).not_to_be_checked()
    expect(page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")).to_have_text("Score: 0 / 3 right at first try (0 of 3 answered)")
    saved = stored(page)["questions"]
    assert all(r["chosen"] == [] and not r["checked"] and "first" not in r for r in saved.values()), saved
    assert saved["sample-q1"]["solved"], "the day it was answered right stays on record"


def test_answers_survive_a_reload(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Oxygen saturation")
    question(page, "sample-q2").get_by_label("Miosis").check()
    page.reload()
    q1 = question(page, "sample-q1")
    expect(q1.locator(".quiz-result")).to_have_text("Incorrect. The answer is B.")
    expect(option(page, "sample-q1", "a")).to_contain_text("Your choice: incorrect.")
    expect(q1.get_by_label("Oxygen saturation")).to_be_disabled()
    q2 = question(page, "sample-q2")
    expect(q2.get_by_label("Miosis")).to_be_checked()
    expect(q2.get_by_role("button", name="Check answer")).to_be_visible()
    expect(page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")).to_have_text("Score: 0 / 3 right at first try (1 of 3 answered)")


def test_an_edited_question_resets_only_itself(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Forced vital capacity")
    answer(page, "sample-q2", "Miosis")
    answer(page, "sample-q3", "False")
    page.evaluate(f"""() => {{
        const data = JSON.parse(localStorage.getItem('{KEY}'));
        data.questions['sample-q2'].v = 'an-older-version';
        localStorage.setItem('{KEY}', JSON.stringify(data));
    }}""")
    page.reload()
    q2 = question(page, "sample-q2")
    expect(q2.get_by_role("button", name="Check answer")).to_be_visible()
    expect(q2.get_by_label("Miosis")).not_to_be_checked()
    expect(q2.get_by_label("Miosis")).to_be_enabled()
    expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")
    expect(question(page, "sample-q3").locator(".quiz-result")).to_have_text("Correct.")
    expect(page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")).to_have_text("Score: 2 / 3 right at first try (2 of 3 answered)")
    assert set(stored(page)["questions"]) == {"sample-q1", "sample-q3"}


def shown_order(page, qid):
    return question(page, qid).locator(".quiz-option").evaluate_all("els => els.map(e => e.dataset.option)")


def test_shuffle_is_stable_across_reload_and_reset_reshuffles(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    first = shown_order(page, "motor-q1")
    assert sorted(first) == ["a", "b", "c", "d"] and first != ["a", "b", "c", "d"]
    assert stored(page)["quizzes"]["motor-sample"]["order"]["motor-q1"] == first
    letters = question(page, "motor-q1").locator(".quiz-letter").all_inner_texts()
    assert letters == ["A.", "B.", "C.", "D."], "letters follow the order shown"
    assert shown_order(page, "sample-q1") == ["a", "b", "c"], "a quiz without shuffle keeps its order"

    page.reload()
    assert shown_order(page, "motor-q1") == first
    answer(page, "motor-q1", "Ptosis")
    right_letter = "ABCD"[first.index("a")]
    expect(question(page, "motor-q1").locator(".quiz-result")).to_have_text(f"Incorrect. The answer is {right_letter}.")

    reset = page.locator("#quiz-motor-sample .quiz-footer button").first
    reset.click()
    reset.click()
    second = shown_order(page, "motor-q1")
    assert second != first
    assert stored(page)["quizzes"]["motor-sample"]["order"]["motor-q1"] == second
    page.reload()
    assert shown_order(page, "motor-q1") == second


GARBAGE = [
    "not json {",
    "null",
    "[1, 2, 3]",
    '"a string"',
    '{"questions": [], "quizzes": 5, "cases": "x"}',
    '{"questions": {"sample-q1": {"v": 3, "chosen": "b", "checked": "yes"}, "sample-q2": {"v": "84e454993a", "chosen": [1], "checked": true},'
    ' "sample-q3": {"v": "6bbebb5e5b", "chosen": ["zz"], "checked": true}, "unknown-q": {"v": "x", "chosen": [], "checked": false}},'
    ' "quizzes": {"motor-sample": {"order": {"motor-q1": ["q", "r"], "motor-q2": "abc"}}},'
    ' "cases": {"gbs-sample": {"v": "883956149c", "path": ["nowhere", 7], "choices": []}}}',
    '{"quizzes": {"motor-sample": {"order": {"motor-q1": ["a", "a", "b", "c"]}}}, "cases": {"gbs-sample": {"v": "883956149c", "path": ["sample-gbs-home"], "choices": {"sample-gbs-ed": ["x"]}}}}',
]


def test_corrupt_or_foreign_storage_never_breaks_a_page(fixture_site, site_url, page):
    page.goto(site_url(fixture_site, CRISIS))
    for raw in GARBAGE:
        page.evaluate(f"raw => localStorage.setItem('{KEY}', raw)", raw)
        # the case and progress pages only read storage; the quiz page, last, rewrites it
        for path in ("modules/icu.html", "progress.html"):
            page.goto(site_url(fixture_site, path))
            expect(page.locator(".case[data-ready], .course-progress[data-ready]")).to_be_attached()
        statuses = page.locator(".progress-status").all_inner_texts()
        assert len(statuses) == 3 and all(re.match(r"(Not started|In progress|Completed|Ending reached)", t) for t in statuses), raw
        page.goto(site_url(fixture_site, CRISIS))
        assert sorted(shown_order(page, "motor-q1")) == ["a", "b", "c", "d"], raw
        answer(page, "sample-q1", "Forced vital capacity")
        expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")
        expect(question(page, "sample-q3").get_by_role("button", name="Check answer")).to_be_visible()
        assert stored(page)["questions"]["sample-q1"]["chosen"] == ["b"]
    page.goto(site_url(fixture_site, "modules/icu.html"))
    expect(page.locator("#stage-sample-gbs-ed")).to_be_visible()
    expect(page.locator("#stage-sample-gbs-home")).to_be_hidden()


def test_a_quiz_by_keyboard_alone(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    quiz = "#quiz-crisis-sample"
    for qid, spaces in (("sample-q1", [0]), ("sample-q2", [0, 2]), ("sample-q3", [0])):
        tab_until(page, f"el => el.name === 'question-{qid}'")
        for i in range(max(spaces) + 1):
            if i:
                page.keyboard.press("Tab")
            if i in spaces:
                page.keyboard.press("Space")
        tab_until(page, f"el => el.closest('#question-{qid}') && el.textContent === 'Check answer'")
        page.keyboard.press("Enter")
        chosen = question(page, qid).locator(".quiz-option.is-chosen .quiz-option-feedback").first
        expect(chosen).to_be_focused()
        assert_in_view(page, chosen)
    expect(page.locator(f"{quiz} .quiz-footer > .quiz-score")).to_have_text("Score: 1 / 3 right at first try (3 of 3 answered)")
    expect(question(page, "sample-q2").locator(".quiz-result")).to_contain_text("Correct.")

    tab_until(page, "el => el.textContent === 'Reset quiz'")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator(f"{quiz} .quiz-footer > .quiz-score")).to_have_text("Score: 0 / 3 right at first try (0 of 3 answered)")
    expect(page.locator("#question-sample-q1-a")).to_be_focused()


def test_no_accessibility_violations_before_and_after_checking(fixture_site, site_url, page, axe):
    open_quiz(page, site_url, fixture_site)
    assert (v := axe(page, ".quiz")) == [], v
    answer(page, "sample-q1", "Oxygen saturation")
    answer(page, "sample-q2", "Miosis", "Bronchorrhoea")
    answer(page, "sample-q3", "True")
    question(page, "motor-q1").get_by_role("button", name="Check answer").click()
    assert (v := axe(page, ".quiz")) == [], v
    use_dark_scheme(page, fixture_site)
    assert (v := axe(page, ".quiz")) == [], v


def test_without_javascript_answers_stay_in_closed_details(fixture_site, site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url(fixture_site, CRISIS))
        details = page.locator("#question-sample-q1 details.quiz-answer")
        expect(details).to_have_count(1)
        assert details.get_attribute("open") is None
        expect(details.get_by_text("Answer: B")).to_be_hidden()
        expect(page.get_by_role("button", name="Check answer")).to_have_count(0)
        expect(page.get_by_label("Forced vital capacity")).to_be_visible()
        details.locator("summary").click()
        expect(details.get_by_text("Answer: B")).to_be_visible()
        expect(details.get_by_text("Right; FVC is the most reproducible")).to_be_visible()
    finally:
        context.close()


def test_a_quiz_page_reached_by_a_link_is_enhanced(fixture_site, site_url, page):
    page.goto(site_url(fixture_site, "index.html"))
    page.get_by_role("link", name="the crisis module").click()
    expect(question(page, "sample-q1").get_by_role("button", name="Check answer")).to_have_count(1)
    answer(page, "sample-q1", "Forced vital capacity")
    expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")


def test_instant_navigation_enhances_each_new_page_once(instant_site, page):
    # Material intercepts links only once it has read sitemap.xml; a student's first click comes later than ours.
    with page.expect_response("**/sitemap.xml"):
        page.goto(instant_site + "index.html")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="the crisis module").click()
    page.wait_for_url("**/modules/crisis.html")
    check = question(page, "sample-q1").get_by_role("button", name="Check answer")
    expect(check).to_have_count(1)
    assert page.evaluate("window.sameDocument === true"), "Material's instant navigation did not run: the page was reloaded"
    answer(page, "sample-q1", "Forced vital capacity")
    expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")

    page.locator(".md-nav__link", has_text="ICU weakness").first.click()
    page.wait_for_url("**/modules/icu.html")
    expect(page.locator(".case[data-ready] #stage-sample-gbs-ed")).to_be_visible()
    expect(page.get_by_role("button", name="Restart case")).to_have_count(1)
    page.locator(".md-nav__link", has_text="Myasthenic vs cholinergic crisis").first.click()
    page.wait_for_url("**/modules/crisis.html")
    expect(question(page, "sample-q1").locator(".quiz-result")).to_have_text("Correct.")
    expect(question(page, "sample-q1").get_by_role("button", name="Try again")).to_have_count(1)
    expect(page.locator("#quiz-crisis-sample .quiz-footer")).to_have_count(1)
    assert page.evaluate("window.sameDocument === true")


def test_a_phone_screen_fits(fixture_site, site_url, page):
    page.set_viewport_size({"width": 360, "height": 740})
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Oxygen saturation")
    answer(page, "sample-q2", "Miosis")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = question(page, "sample-q2").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360


def choose_print(page, name):
    """Press one of the quiz's print buttons; the browser's print dialog is replaced by a note that it opened."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    page.locator("#quiz-crisis-sample .quiz-footer").get_by_role("button", name=name).click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")


def test_printed_with_my_answers_shows_verdicts_and_feedback(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Oxygen saturation")
    question(page, "sample-q1").get_by_role("button", name="Try again").click()
    answer(page, "sample-q1", "Forced vital capacity")
    answer(page, "sample-q2", "Miosis")
    choose_print(page, "Print with my answers")
    q1, q3 = question(page, "sample-q1"), question(page, "sample-q3")
    expect(q1.locator(".quiz-result")).to_have_text("Correct.")
    expect(q1.get_by_text("First try: wrong (A); later: right.")).to_be_visible()
    expect(option(page, "sample-q1", "b")).to_contain_text("Your choice: correct. Right; FVC is the most reproducible")
    expect(q1.get_by_text("A late sign")).to_be_visible()
    expect(q1.get_by_text("FVC is the best single test.")).to_be_visible()
    expect(question(page, "sample-q2").locator(".quiz-result")).to_contain_text("Incorrect. The answer is A, C.")
    expect(q3.get_by_text("Atropine does not act")).to_be_hidden()  # not answered: printed blank
    expect(page.locator("#quiz-crisis-sample .quiz-footer > .quiz-score")).to_be_visible()
    for b in page.locator(".quiz button").all():
        expect(b).to_be_hidden()
    for key in page.locator(".quiz-answer-key").all():
        expect(key).to_be_hidden()


def test_printed_blank_with_an_answer_key_at_the_end(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    answer(page, "sample-q1", "Oxygen saturation")
    choose_print(page, "Print blank, answer key at the end")
    q1 = question(page, "sample-q1")
    expect(q1.get_by_text("Forced vital capacity")).to_be_visible()
    for hidden in (q1.locator(".quiz-result"), q1.get_by_text("A late sign"), q1.get_by_text("FVC is the best single test."),
                   q1.locator(".quiz-history"), page.locator("#quiz-crisis-sample .quiz-footer")):
        expect(hidden).to_be_hidden()
    chosen = page.locator("#question-sample-q1-a")
    assert chosen.evaluate("e => e.checked") and chosen.evaluate("e => getComputedStyle(e).appearance") == "none", \
        "a blank sheet does not show the student's mark"
    key = page.locator("#quiz-crisis-sample .quiz-answer-key")
    expect(key).to_be_visible()
    expect(key.locator("h2")).to_have_text("Answer key")
    expect(key.locator("li")).to_have_count(3)
    expect(key.locator("li").nth(0)).to_contain_text("Answer: B. FVC is the best single test.")
    expect(key.locator("li").nth(1)).to_contain_text("Answer: A, C. SLUDGE and the killer Bs are muscarinic.")
    # the key follows the order the options are shown in, which a shuffled quiz changes
    shuffled = page.locator("#quiz-motor-sample .quiz-answer-key li").first
    right = "ABCD"[shown_order(page, "motor-q1").index("a")]
    expect(shuffled).to_contain_text(f"Answer: {right}. Fasciculations are the LMN sign")
    assert key.evaluate("e => e.compareDocumentPosition(document.querySelector('#question-sample-q3')) & Node.DOCUMENT_POSITION_PRECEDING")


def test_focus_is_visible_on_every_option(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    seen = 0
    tab_until(page, "el => el.id === 'question-sample-q1-a'")
    while True:
        focused = page.evaluate("""() => {
            const o = document.activeElement.closest('.quiz-option');
            if (!o) return null;
            const s = getComputedStyle(o), i = getComputedStyle(document.activeElement);
            const ring = x => (x.outlineStyle !== 'none' && parseFloat(x.outlineWidth) >= 2) || x.boxShadow !== 'none';
            return {id: document.activeElement.id, ring: ring(s) || ring(i)};
        }""")
        if focused is None or not focused["id"].startswith("question-sample-q1"):
            break
        assert focused["ring"], f"no visible focus on {focused['id']}"
        assert_in_view(page, page.locator(f"#{focused['id']}"))
        seen += 1
        page.keyboard.press("ArrowDown")  # radios: the arrow keys move between options
        if seen > 5:
            break
    assert seen >= 3
    for qid in ("sample-q2", "sample-q3", "motor-q1"):
        tab_until(page, f"el => el.name === 'question-{qid}'")
        ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement.closest('.quiz-option')); return s.outlineStyle + ' ' + s.outlineWidth }")
        assert ring.startswith("solid"), (qid, ring)
        assert_in_view(page, page.locator(":focus"))
    # going back up, focus is not left under the sticky header
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        assert_in_view(page, page.locator(":focus"))


def test_skip_to_the_questions(fixture_site, site_url, page):
    open_quiz(page, site_url, fixture_site)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to the questions")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#question-sample-q1-a")).to_be_focused()
    answer(page, "sample-q1", "Forced vital capacity")
    page.locator(".course-skip").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#question-sample-q2-a")).to_be_focused(), "the first question still to answer"


SHOTS = ROOT / "docs" / "images" / "screenshots"


def new_shot_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    # a static header, so that Material's sticky bar does not cover element screenshots
    context.add_init_script("addEventListener('DOMContentLoaded', () => document.head.append("
                            "Object.assign(document.createElement('style'), {textContent: '.md-header { position: static }'})))")
    return context, context.new_page()


def test_screenshots(fixture_site, browser, request):
    """Refreshes docs/images/screenshots; runs only when asked for (`make screenshots`, i.e. -k screenshot)."""
    if "screenshot" not in (request.config.getoption("keyword") or "") and not os.environ.get("SCREENSHOTS"):
        pytest.skip("run with -k screenshot to refresh docs/images/screenshots")
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = (fixture_site / CRISIS).as_uri()
    for scheme in ("default", "slate"):
        context, page = new_shot_page(browser, 1280)
        page.goto(url)
        if scheme == "slate":
            use_dark_scheme(page, fixture_site)
        name = "light" if scheme == "default" else "dark"
        question(page, "sample-q2").screenshot(path=SHOTS / f"quiz-{name}-before.png")
        answer(page, "sample-q2", "Miosis", "Fasciculations")
        page.mouse.click(5, 5)
        question(page, "sample-q2").screenshot(path=SHOTS / f"quiz-{name}-after.png")
        context.close()
    context, page = new_shot_page(browser, 360)
    page.goto(url)
    answer(page, "sample-q1", "Oxygen saturation")
    page.mouse.click(5, 5)
    question(page, "sample-q1").screenshot(path=SHOTS / "quiz-360px.png")
    page.goto((fixture_site / "modules/icu.html").as_uri())
    answer(page, "sample-gbs-ed", "Admit and measure")
    page.locator(".case").screenshot(path=SHOTS / "case-360px.png")
    context.close()
    context, page = new_shot_page(browser, 1280)
    page.goto((fixture_site / "modules/icu.html").as_uri())
    answer(page, "sample-gbs-ed", "Admit and measure")
    page.mouse.click(5, 5)
    page.locator(".case").screenshot(path=SHOTS / "case-midway.png")
    context.close()
