"""The Progress page: status of every quiz and case, the misses list, export, import and clear."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "nmw-course-v2"


def raw_storage(page):
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def answer(page, qid, label):
    q = page.locator(f"#question-{qid}")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()


def statuses(page):
    return page.locator(".progress-status").all_inner_texts()


def visible_misses(page):
    return page.locator(".progress-misses li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.question)")


def make_progress(page, site_url, site):
    page.goto(site_url(site, "modules/crisis.html"))
    answer(page, "sample-q1", "Oxygen saturation")
    answer(page, "sample-q3", "False")
    page.goto(site_url(site, "modules/icu.html"))
    answer(page, "sample-gbs-ed", "Admit and measure")
    page.get_by_role("button", name="Continue").click()


def test_status_and_misses_follow_the_answers(fixture_site, site_url, page, axe):
    page.goto(site_url(fixture_site, "progress.html"))
    assert statuses(page) == ["Not started", "Not started", "Not started"]
    expect(page.locator(".progress-no-misses")).to_be_visible()
    assert visible_misses(page) == []

    make_progress(page, site_url, fixture_site)
    page.goto(site_url(fixture_site, "progress.html"))
    assert statuses(page) == ["In progress: 1 / 3 right at first try (2 of 3 answered)", "Not started", "Ending reached: Ward (the best ending)"]
    assert visible_misses(page) == ["sample-q1"]
    expect(page.locator(".progress-no-misses")).to_be_hidden()
    assert (v := axe(page, ".course-progress")) == [], v

    page.locator(".progress-misses li:not([hidden]) a").click()
    page.wait_for_url("**/quizzes/crisis-sample.html#question-sample-q1")
    q1 = page.locator("#question-sample-q1")
    expect(q1.locator(".quiz-result")).to_have_text("Incorrect. The answer is B.")
    q1.get_by_role("button", name="Try again").click()
    answer(page, "sample-q1", "Forced vital capacity")
    answer(page, "sample-q2", "Miosis")
    page.goto(site_url(fixture_site, "progress.html"))
    assert statuses(page)[0] == "Completed: 1 / 3 right at first try (3 of 3 answered)", "Try again does not change the score"
    assert visible_misses(page) == ["sample-q1", "sample-q2"], "right on the same day: still to review"


def test_answers_saved_before_an_edit_do_not_count(fixture_site, site_url, page):
    make_progress(page, site_url, fixture_site)
    page.evaluate(f"""() => {{
        const data = JSON.parse(localStorage.getItem('{KEY}'));
        data.questions['sample-q1'].v = 'old';
        data.cases['gbs-sample'].v = 'old';
        localStorage.setItem('{KEY}', JSON.stringify(data));
    }}""")
    page.goto(site_url(fixture_site, "progress.html"))
    assert statuses(page) == ["In progress: 1 / 3 right at first try (1 of 3 answered)", "Not started", "Not started"]
    assert visible_misses(page) == []


def test_export_clear_import_round_trip(fixture_site, site_url, page, tmp_path):
    make_progress(page, site_url, fixture_site)
    page.goto(site_url(fixture_site, "progress.html"))
    before = raw_storage(page)
    shown = statuses(page)
    message = page.locator(".progress-message")

    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    download = info.value
    assert download.suggested_filename.endswith(".json")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    assert json.loads(exported.read_text()) == json.loads(before)

    clear = page.get_by_role("button", name="Clear progress")
    clear.click()
    assert raw_storage(page) == before, "one press must not erase"
    page.locator(".course-progress button[data-confirm]").click()
    expect(message).to_have_text("Progress cleared.")
    assert raw_storage(page) is None
    assert statuses(page) == ["Not started"] * 3
    expect(page.locator(".progress-no-misses")).to_be_visible()

    page.get_by_label("Import progress from a file").set_input_files(exported)
    expect(message).to_have_text(f"Progress imported from {exported.name}.")
    assert raw_storage(page) == before
    assert statuses(page) == shown
    assert visible_misses(page) == ["sample-q1"]

    page.get_by_label("Import progress from a file").set_input_files(
        files=[{"name": "notes.json", "mimeType": "application/json", "buffer": b'{"hello": "world"}'}])
    expect(message).to_have_text("Nothing imported: notes.json is not a progress file from this course.")
    page.get_by_label("Import progress from a file").set_input_files(
        files=[{"name": "broken.json", "mimeType": "application/json", "buffer": b"{not json"}])
    expect(message).to_have_text("Nothing imported: broken.json is not a progress file from this course.")
    assert raw_storage(page) == before
