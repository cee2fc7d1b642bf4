"""Screenshots of the study tools for the README (exam mode, its results, the Progress dashboard, a bedside
calculator and the breathing chart), taken on the study tools' test course; run only when asked for
(`make screenshots`, which selects tests by the word "screenshot")."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent.parent / "docs" / "images" / "screenshots"
EVENING = datetime(2026, 12, 7, 21, 15)
STATIC_HEADER = ("document.head.append(Object.assign(document.createElement('style'),"
                 " {textContent: '.md-header { position: static }'}))")
RIGHT = {"icu-vc": "Vital capacity", "icu-2030": "Below 20 mL/kg", "icu-egris": "Walking at six months",
         "mu-fasc": "Fasciculations", "mu-nmj": "Sensory loss"}


def shot(page, selector: str, name: str, height: int | None = None) -> Path:
    """An element's screenshot (its top `height` pixels if given), after the header is made static so that it
    covers nothing."""
    page.evaluate(STATIC_HEADER)
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    path = SHOTS / name
    if height is None:
        target.screenshot(path=path)
    else:
        box = target.bounding_box()
        page.screenshot(path=path, full_page=True, clip={**box, "y": box["y"] + page.evaluate("scrollY"),
                                                        "height": min(height, box["height"])})
    assert path.stat().st_size > 2_000, f"{name} looks empty"
    return path


def test_screenshots_of_the_study_tools(study_site, browser, request):
    """Refreshes docs/images/screenshots/{exam,exam-results,dashboard,dashboard-dark,calculator-egris,
    breathing-chart}.png."""
    if "screenshot" not in (request.config.getoption("keyword") or "") and not os.environ.get("SCREENSHOTS"):
        pytest.skip("run with -k screenshot to refresh docs/images/screenshots")
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = lambda path: (study_site / path).as_uri()  # noqa: E731
    context = browser.new_context(viewport={"width": 1000, "height": 900}, reduced_motion="reduce", device_scale_factor=1)
    page = context.new_page()
    page.clock.install(time=EVENING)

    # The evening's practice first, so that the dashboard has something to show.
    page.goto(url("quizzes/motor.html"))
    for qid, label in (("mu-fasc", "Fasciculations"), ("mu-nmj", "Fatigable weakness")):
        page.locator(f"#question-{qid}").get_by_label(label).check()
        page.locator(f"#question-{qid}").get_by_role("button", name="Check answer").click()
    page.goto(url("quizzes/breathing.html"))
    page.locator("#question-icu-vc").get_by_label("Respiratory rate").check()
    page.locator("#question-icu-vc").get_by_role("button", name="Check answer").click()

    # An exam of two modules: one question answered and flagged, the navigator showing it.
    page.goto(url("exam.html"))
    form = page.locator(".course-exam-build")
    for box in form.locator('input[name="module"]').all():
        box.set_checked(box.get_attribute("value") in {"motor", "icu"})
    form.get_by_label("Timed").check()
    form.get_by_label("Seconds per question").fill("90")
    shot(page, ".course-exam", "exam-build.png")
    form.get_by_role("button", name="Start exam").click()
    expect(page.locator(".exam-title")).to_have_text("Exam, question 1 of 5")
    qid = page.locator(".exam-question .quiz-question").get_attribute("data-question")
    page.locator(".exam-question").get_by_label(RIGHT[qid]).check()
    page.get_by_role("button", name="Flag for review").click()
    page.get_by_role("button", name="Lock answer").click()
    page.clock.run_for(50_000)
    page.get_by_role("button", name="Next", exact=True).click()
    page.clock.run_for(20_000)
    shot(page, ".course-exam", "exam.png")
    for n in range(1, 5):
        page.locator(".exam-nav button").nth(n).click()
        page.clock.run_for(35_000 + 10_000 * n)
        qid = page.locator(".exam-question .quiz-question").get_attribute("data-question")
        if n != 3:  # one wrong (the first option that is not the key) to show a miss in the results
            page.locator(".exam-question").get_by_label(RIGHT[qid]).check()
        else:
            page.locator(".exam-question input:not(:checked)").first.check()
    page.get_by_role("button", name="End exam").click()
    page.locator(".exam-actions button[data-confirm]").click()
    expect(page.locator(".exam-score")).to_be_visible()
    shot(page, ".course-exam", "exam-results.png", height=1100)

    page.goto(url("progress.html"))
    expect(page.locator(".progress-exams tbody tr")).to_have_count(1)
    shot(page, ".course-progress", "dashboard.png")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    shot(page, ".course-progress", "dashboard-dark.png")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")

    page.goto(url("modules/icu.html"))
    calc = page.locator("#calc-egris")
    calc.get_by_label("4 to 7").check()
    calc.locator("[data-item='egris_face']").get_by_label("Yes").check()
    calc.get_by_label("MRC sum score").fill("44")
    expect(calc.locator(".course-calc-total output")).to_contain_text("Total: 3 of 7")
    shot(page, "#calc-egris", "calculator-egris.png")
    chart = page.locator(".course-chart").first
    for _ in range(3):
        chart.get_by_role("button", name="Next measurement").click()
    shot(page, ".course-chart", "breathing-chart.png")
    context.close()
