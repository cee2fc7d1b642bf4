"""The unfolding case in a real browser, over file:// and over http: reveal order, branches, saving, keyboard, no-JS."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from helpers import tab_until

pytestmark = pytest.mark.browser

KEY = "nmw-course-v2"
ICU = "modules/icu.html"
ED, WARD, HOME = "#stage-sample-gbs-ed", "#stage-sample-gbs-ward", "#stage-sample-gbs-home"


def stored_case(page):
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw)["cases"].get("gbs-sample") if raw else None


def decide(page, label):
    stage = page.locator(ED)
    stage.get_by_label(label).check()
    stage.get_by_role("button", name="Check answer").click()


def visible_stages(page):
    return page.locator(".case-stage:not([hidden])").evaluate_all("els => els.map(e => e.dataset.stage)")


def open_case(page, site_url, fixture_site):
    page.goto(site_url(fixture_site, ICU))
    expect(page.locator(".case[data-ready]")).to_be_attached()


def test_intended_path_reveals_one_stage_at_a_time(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    expect(page.get_by_text("A 45-year-old man with two days of ascending weakness.")).to_be_visible()
    assert visible_stages(page) == ["sample-gbs-ed"]
    expect(page.locator(".case-close")).to_be_hidden()
    expect(page.locator(".case-route")).to_have_count(0)
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)

    decide(page, "Admit and measure")
    result = page.locator(f"{ED} .quiz-result")
    expect(result).to_have_text("Correct.")
    expect(page.locator(f"{ED} .quiz-option[data-option='a']")).to_contain_text("Incorrect. Unsafe.")
    expect(page.locator(f"{ED} .quiz-option[data-option='b']")).to_contain_text("Your choice: correct. Right.")
    expect(page.locator(f"{ED} .quiz-explanation")).to_contain_text("Monitor serially.")
    assert visible_stages(page) == ["sample-gbs-ed"], "the next stage waits for Continue"

    page.get_by_role("button", name="Continue").click()
    assert visible_stages(page) == ["sample-gbs-ed", "sample-gbs-ward"]
    expect(page.locator(f"{WARD} h3")).to_be_focused()
    expect(page.locator(".case > .course-sr")).to_have_text("New stage: Ward")
    expect(result).to_be_visible()
    expect(page.get_by_text("Good ending.")).to_be_visible()
    close = page.locator(".case-close")
    expect(close).to_be_visible()
    expect(close).to_contain_text("Measure VC serially.")
    expect(close).to_contain_text("Anticipating mechanical ventilation")
    path = page.locator(".case-path li")
    expect(path).to_have_text(["Emergency department: you chose \u201cAdmit and measure VC\u201d (correct).", "Ward"])
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)
    assert page.locator(".case-stage:not([hidden]), .case-close").evaluate_all("els => els.map(e => e.id)") == [
        "stage-sample-gbs-ed", "stage-sample-gbs-ward", "case-gbs-sample-close"]
    assert stored_case(page)["path"] == ["sample-gbs-ed", "sample-gbs-ward"]


def test_a_branch_leads_to_another_ending_and_survives_reload(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    decide(page, "Send home")
    expect(page.locator(f"{ED} .quiz-result")).to_have_text("Incorrect. The answer is B.")
    page.get_by_role("button", name="Continue").click()
    assert visible_stages(page) == ["sample-gbs-ed", "sample-gbs-home"]
    expect(page.get_by_text("Bad ending.")).to_be_visible()
    expect(page.locator(".case-path li").first).to_have_text("Emergency department: you chose \u201cSend home\u201d (not the best choice).")
    saved = stored_case(page)
    assert {k: saved[k] for k in ("v", "path", "choices")} == {"v": page.locator(".case").get_attribute("data-version"),
                                 "path": ["sample-gbs-ed", "sample-gbs-home"], "choices": {"sample-gbs-ed": ["a"]}}
    assert saved["ending"] == {"stage": "sample-gbs-home", "title": "Sent home, back in respiratory distress", "best": False}
    assert saved["decisions"]["sample-gbs-ed"]["first"] == {"chosen": ["a"], "right": False}

    page.reload()
    assert visible_stages(page) == ["sample-gbs-ed", "sample-gbs-home"]
    expect(page.locator(f"{ED} .quiz-result")).to_have_text("Incorrect. The answer is B.")
    expect(page.locator(ED).get_by_label("Send home")).to_be_disabled()
    expect(page.locator(".case-close")).to_be_visible()


def test_choose_again_and_restart(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    decide(page, "Send home")
    page.get_by_role("button", name="Continue").click()
    page.locator(ED).get_by_role("button", name="Choose again").click()
    assert visible_stages(page) == ["sample-gbs-ed"]
    expect(page.locator(".case-close")).to_be_hidden()
    expect(page.locator(ED).get_by_label("Send home")).to_be_enabled()
    expect(page.locator(ED).get_by_label("Send home")).not_to_be_checked()
    assert stored_case(page)["path"] == ["sample-gbs-ed"] and stored_case(page)["choices"] == {}
    expect(page.locator(f"{ED} .quiz-history")).to_contain_text("First try: wrong (A).")

    decide(page, "Admit and measure")
    page.get_by_role("button", name="Continue").click()
    assert visible_stages(page) == ["sample-gbs-ed", "sample-gbs-ward"]

    restart = page.get_by_role("button", name="Restart case")
    restart.click()
    expect(page.locator(".case button[data-confirm]")).to_have_text("Press again to confirm: restart case")
    assert visible_stages(page) == ["sample-gbs-ed", "sample-gbs-ward"], "one press does not restart"
    page.locator(".case button[data-confirm]").click()
    assert visible_stages(page) == ["sample-gbs-ed"]
    expect(page.locator(f"{ED} h3")).to_be_focused()
    expect(page.locator(ED).get_by_role("button", name="Check answer")).to_be_visible()
    saved = stored_case(page)
    assert saved["path"] == ["sample-gbs-ed"] and saved["choices"] == {}
    assert "first" not in saved["decisions"]["sample-gbs-ed"], "a restart is a new round"
    assert saved["ending"]["title"] == "Ward", "the last ending reached stays on record"
    page.reload()
    assert visible_stages(page) == ["sample-gbs-ed"]


def test_a_changed_case_restarts(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    decide(page, "Admit and measure")
    page.get_by_role("button", name="Continue").click()
    page.evaluate(f"""() => {{
        const data = JSON.parse(localStorage.getItem('{KEY}'));
        data.cases['gbs-sample'].v = 'before-an-edit';
        localStorage.setItem('{KEY}', JSON.stringify(data));
    }}""")
    page.reload()
    assert visible_stages(page) == ["sample-gbs-ed"]
    expect(page.locator(ED).get_by_role("button", name="Check answer")).to_be_visible()




def test_printed_case_shows_every_stage_reached_with_its_decisions_and_debrief(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    decide(page, "Send home")
    page.get_by_role("button", name="Continue").click()
    page.emulate_media(media="print")
    ed, home = page.locator(ED), page.locator(HOME)
    expect(page.get_by_text("A 45-year-old man with two days of ascending weakness.")).to_be_visible()
    expect(ed.locator(".quiz-result")).to_have_text("Incorrect. The answer is B.")
    expect(ed.locator(".quiz-option[data-option='a']")).to_contain_text("Your choice: incorrect. Unsafe.")
    expect(ed.locator(".quiz-option[data-option='b']")).to_contain_text("Correct answer. Right.")
    expect(ed.get_by_text("Monitor serially.")).to_be_visible()
    expect(home.get_by_text("He returns in respiratory distress.")).to_be_visible()
    expect(home.get_by_text("Bad ending.")).to_be_visible()
    expect(page.locator(WARD)).to_be_hidden(), "a stage not reached is not printed"
    expect(page.locator(".case-close")).to_contain_text("Measure VC serially.")
    expect(page.locator(".case-path li").first).to_have_text("Emergency department: you chose \u201cSend home\u201d (not the best choice).")
    for b in page.locator(".case button").all():
        expect(b).to_be_hidden()


def test_a_case_by_keyboard_alone(fixture_site, site_url, page):
    open_case(page, site_url, fixture_site)
    tab_until(page, "el => el.name === 'question-sample-gbs-ed'")
    page.keyboard.press("Space")
    tab_until(page, "el => el.textContent === 'Check answer'")
    page.keyboard.press("Enter")
    expect(page.locator(f"{ED} .quiz-option[data-option='a'] .quiz-option-feedback")).to_be_focused()
    expect(page.locator(".case > .course-sr")).to_have_text("Incorrect. The answer is B.")
    tab_until(page, "el => el.textContent === 'Continue'")
    page.keyboard.press("Enter")
    expect(page.locator(f"{HOME} h3")).to_be_focused()
    expect(page.locator(".case-close")).to_be_visible()
    tab_until(page, "el => el.textContent === 'Restart case'")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator(f"{ED} h3")).to_be_focused()
    assert visible_stages(page) == ["sample-gbs-ed"]


def test_no_accessibility_violations_along_the_way(fixture_site, site_url, page, axe):
    page.emulate_media(reduced_motion="reduce")
    open_case(page, site_url, fixture_site)
    assert page.locator(".case-stage").first.evaluate("e => getComputedStyle(e).animationName") == "none"
    assert (v := axe(page, ".case")) == [], v
    decide(page, "Send home")
    assert (v := axe(page, ".case")) == [], v
    page.get_by_role("button", name="Continue").click()
    assert (v := axe(page, ".case")) == [], v


def test_later_stages_stay_hidden_until_the_case_script_shows_them(fixture_site, site_url, page):
    # the page as a student sees it while case.js is still on its way (here it arrives empty, so it never
    # runs): the first stage only, not every stage and ending flashing up before the script hides them
    page.route("**/case.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(site_url(fixture_site, ICU))
    stages = page.locator(".case-stage")
    expect(stages).to_have_count(3)
    expect(stages.nth(0)).to_be_visible()
    expect(stages.nth(1)).to_be_hidden()
    expect(stages.nth(2)).to_be_hidden()


def test_without_javascript_every_stage_reads_in_order(fixture_site, site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url(fixture_site, ICU))
        stages = page.locator(".case-stage")
        expect(stages).to_have_count(3)
        for stage in stages.all():
            expect(stage).to_be_visible()
        assert stages.evaluate_all("els => els.map(e => e.querySelector('h3').textContent)") == ["Emergency department", "Ward", "At home"]
        details = page.locator(f"{ED} details.quiz-answer")
        assert details.get_attribute("open") is None
        expect(details.get_by_text("Answer: B")).to_be_hidden()
        details.locator("summary").click()
        expect(details.get_by_role("link", name="At home")).to_be_visible()
        expect(page.locator(".case-close")).to_be_visible()
        expect(page.locator(".case button")).to_have_count(0)
    finally:
        context.close()
