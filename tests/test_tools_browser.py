"""The bedside calculators and the breathing chart as a student uses them, over file:// and 127.0.0.1: each score
against worked examples (hand-computed from the papers' item tables, as tests/test_tools.py says), the points of
each item and what the total predicts, mEGOS at admission and day 7, the MRC threshold, a calculator inside a case
stage, the chart revealed one measurement at a time and with a measurement added, the keyboard alone, axe light
and dark."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import tab_until

pytestmark = pytest.mark.browser

MODULE = "modules/icu.html"


def total(calc):
    return calc.locator(".course-calc-total output")


def test_egris_against_worked_examples(study_site, site_url, page):
    page.goto(site_url(study_site, MODULE))
    calc = page.locator("#calc-egris")
    expect(total(calc)).to_have_text("Total so far: 0 of 7; 3 still to choose.")
    expect(calc.get_by_label("4 to 7 (1 point)")).to_be_visible()
    calc.get_by_label("4 to 7").check()
    calc.locator("[data-item='egris_face']").get_by_label("Yes").check()
    calc.get_by_label("MRC sum score").fill("44")
    expect(calc.locator("[data-item='egris_mrc'] .course-calc-got")).to_have_text("= 1 point")
    expect(total(calc)).to_have_text("Total: 3 of 7. Intermediate risk: about 24% need a ventilator within a week.")
    expect(calc.locator(".course-calc-verdicts li[aria-current]")).to_have_text(
        "Intermediate risk: about 24% need a ventilator within a week.")
    for days, face, mrc, expected in (("3 or fewer", "Yes", "20", "Total: 7 of 7. High risk"),
                                      ("more than 7", "No", "51", "Total: 0 of 7. Low risk"),
                                      ("3 or fewer", "No", "41", "Total: 3 of 7. Intermediate risk"),
                                      ("4 to 7", "Yes", "21", "Total: 5 of 7. High risk")):
        calc.get_by_label(days).check()
        calc.locator("[data-item='egris_face']").get_by_label(face).check()
        calc.get_by_label("MRC sum score").fill(mrc)
        expect(total(calc)).to_contain_text(expected)
    calc.get_by_label("MRC sum score").fill("61")
    expect(total(calc)).to_have_text("Total so far: 2 of 7; 1 still to choose."), "out of range: not counted"
    expect(calc.locator(".course-calc-source")).to_contain_text("Walgaard C")


def test_megos_at_admission_and_at_day_7(study_site, site_url, page):
    page.goto(site_url(study_site, MODULE))
    calc = page.locator("#calc-megos")
    calc.get_by_label("41 to 60").check()
    calc.locator("[data-item='megos_diarrhoea']").get_by_label("Yes").check()
    calc.get_by_label("MRC sum score").fill("12")
    expect(total(calc)).to_have_text("Total: 8 of 9.")
    expect(calc.locator("[data-item='megos_mrc'] .course-calc-points")).to_have_text("(60–51: 0; 50–41: 2; 40–31: 4; 30–0: 6)")
    calc.get_by_label("At day 7").check()
    expect(total(calc)).to_have_text("Total: 11 of 12.")
    expect(calc.locator("[data-item='megos_mrc'] .course-calc-points")).to_have_text("(60–51: 0; 50–41: 3; 40–31: 6; 30–0: 9)")
    expect(calc.locator(".course-calc-predicts")).to_contain_text("unable to walk unaided at 4 weeks, 3 months and 6 months")


def test_the_mrc_sum_score_and_its_threshold(study_site, site_url, page):
    page.goto(site_url(study_site, MODULE))
    calc = page.locator("#calc-mrc")
    selects = calc.locator("select")
    expect(selects).to_have_count(12)
    for n in range(12):
        selects.nth(n).select_option("4")
    expect(total(calc)).to_have_text("Total: 48 of 60. 48/60 or more: above the ICU-acquired weakness threshold.")
    calc.get_by_label("Hip flexion, left").select_option("3")
    expect(total(calc)).to_have_text("Total: 47 of 60. Below 48/60: meets the ICU-acquired weakness threshold.")
    calc.get_by_label("Ankle dorsiflexion, right").select_option("")
    expect(total(calc)).to_have_text("Total so far: 43 of 60; 1 still to choose.")


def test_a_calculator_inside_a_case_stage_gives_the_score_the_decision_needs(study_site, site_url, page):
    page.goto(site_url(study_site, "cases/gbs-ward.html"))
    stage = page.locator("#stage-gbs-ward-ed")
    calc = stage.locator(".course-calc")
    calc.get_by_label("4 to 7").check()
    calc.locator("[data-item='egris_face']").get_by_label("Yes").check()
    calc.get_by_label("MRC sum score").fill("44")
    expect(total(calc)).to_contain_text("Total: 3 of 7. Intermediate risk")
    stage.get_by_label("A monitored bed").check()
    stage.get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="Continue").click()
    chart = page.locator("#stage-gbs-ward-night .course-chart")
    chart.get_by_role("button", name="Show all").click()
    expect(chart.locator(".course-chart-now")).to_have_text(
        "23:00: VC 19 mL/kg, MIP 29 cmH2O, MEP 38 cmH2O. Warning: 20/30/40 reached. VC is past its warning line (20). "
        "VC has fallen 37% from 30. MIP is past its warning line (30). MIP has fallen 40% from 48. "
        "MEP is past its warning line (40). MEP has fallen 39% from 62.")


def test_the_chart_reveals_the_trend_one_measurement_at_a_time(study_site, site_url, page):
    page.goto(site_url(study_site, MODULE))
    chart = page.locator(".md-content > .md-content__inner > .course-chart, #chart").first
    svg = chart.locator("svg")
    expect(svg).to_have_attribute("role", "img")
    now = chart.locator(".course-chart-now")
    expect(now).to_have_text("day 1: VC 40 mL/kg, MIP 55 cmH2O, MEP 70 cmH2O. No warning yet.")
    expect(chart.locator("tbody tr:visible")).to_have_count(1)
    assert svg.locator("text.course-chart-label").all_text_contents() == ["VC 20", "MIP 30", "MEP 40"]
    expect(svg.locator("line.course-chart-line")).to_have_count(3)
    next_ = chart.get_by_role("button", name="Show the next measurement")
    for _ in range(2):
        next_.click()
    expect(now).to_have_text("day 3: VC 31 mL/kg, MIP 42 cmH2O, MEP 55 cmH2O. No warning yet.")
    next_.click()
    expect(now).to_have_text("day 4: VC 26 mL/kg, MIP 33 cmH2O, MEP 45 cmH2O. Warning: 20/30/40 reached. "
                             "VC has fallen 35% from 40. MIP has fallen 40% from 55. MEP has fallen 36% from 70.")
    expect(svg.locator("polyline")).to_have_count(3)
    points = svg.locator("polyline.course-chart-vc").get_attribute("points").split()
    assert len(points) == 4 and [float(p.split(",")[1]) for p in points] == sorted(float(p.split(",")[1]) for p in points), \
        "VC falls, so its points go down the chart"
    assert "VC: 40, 36, 31, 26" in svg.get_attribute("aria-label")
    next_.click()
    expect(next_).to_be_hidden()
    form = chart.locator(".course-chart-add")
    form.get_by_label("When").fill("day 6")
    form.get_by_label("VC").fill("15")
    form.get_by_label("MIP").fill("-22")
    form.get_by_label("MEP").fill("30")
    form.get_by_role("button", name="Add a measurement").click()
    expect(now).to_contain_text("day 6: VC 15 mL/kg, MIP 22 cmH2O, MEP 30 cmH2O. Warning")
    expect(chart.locator("tbody tr:visible")).to_have_count(6)


def test_the_tools_with_the_keyboard_alone_and_axe_light_and_dark(study_site, site_url, page, axe):
    page.goto(site_url(study_site, MODULE))
    calc = page.locator("#calc-egris")
    calc.locator("input[type='radio']").first.focus()
    page.keyboard.press("ArrowRight")  # 4 to 7
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # Yes: arrows choose in a radio group
    tab_until(page, "e => e.type === 'number'")  # past the abbreviation MRC, which takes focus to show its expansion
    page.keyboard.type("44")
    expect(total(calc)).to_contain_text("Total: 3 of 7.")
    chart = page.locator("#chart")
    chart.get_by_role("button", name="Show all").focus()
    page.keyboard.press("Enter")
    expect(chart.locator("tbody tr:visible")).to_have_count(5)
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert axe(page, ".course-calc", ".course-chart") == [], scheme
