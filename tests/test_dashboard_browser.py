"""The Progress page as a dashboard and the completion marks, after a scripted evening, over file:// and
127.0.0.1: each module's questions answered, right at the first try and cases completed, with bars; the misses
grouped by module; the last activity; a tick and the word in the navigation for each module, quiz and case
finished; the interface in French; axe in light and dark mode."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import expect

from helpers import copy_course, edit

pytestmark = pytest.mark.browser

EVENING = datetime(2026, 12, 7, 21, 15)


def answer(page, qid, *labels):
    q = page.locator(f"#question-{qid}")
    for label in labels:
        q.get_by_label(label).check()
    q.get_by_role("button", name="Check answer").click()


def evening(page, url):
    """Motor: one right, one wrong (quiz finished); ICU: one wrong, and the case to its best ending. The test sets
    the clock before its first page (set on a loaded page, it cancels the theme's scheduled work mid-flight)."""
    page.goto(url("quizzes/motor.html"))
    answer(page, "mu-fasc", "Fasciculations")
    answer(page, "mu-nmj", "Fatigable weakness")
    page.goto(url("quizzes/breathing.html"))
    answer(page, "icu-vc", "Respiratory rate")
    page.goto(url("cases/gbs-ward.html"))
    answer(page, "gbs-ward-ed", "A monitored bed")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("He was moved to intensive care in time.")).to_be_visible()


def cells(row):
    return [c.inner_text().strip() for c in row.locator("th, td").all()]


def test_the_dashboard_counts_a_scripted_evening_by_module(study_site, site_url, page, axe):
    page.clock.set_system_time(EVENING)
    evening(page, lambda path: site_url(study_site, path))
    page.goto(site_url(study_site, "progress.html"))
    rows = page.locator(".progress-modules tbody tr")
    expect(rows.first.locator(".progress-count").first).to_have_text("2 of 2")
    assert [cells(rows.nth(i)) for i in range(3)] == [
        ["Motor unit", "2 of 2", "1 of 2", "\u2013"],
        ["Crisis", "0 of 2", "0 of 2", "\u2013"],
        ["ICU weakness", "1 of 3", "0 of 3", "1 of 1"],
    ]
    widths = rows.locator(".progress-bar > span").evaluate_all("spans => spans.map(s => s.style.width)")
    assert widths[:2] == ["100%", "50%"] and widths[-1] == "100%"
    assert rows.locator(".progress-bar").first.get_attribute("aria-hidden") == "true"
    assert page.locator(".progress-status").all_inner_texts() == [
        "Completed: 1 / 2 right at first try (2 of 2 answered)", "Not started",
        "In progress: 0 / 3 right at first try (1 of 3 answered)", "Ending reached: The night (the best ending)"]
    groups = page.locator(".progress-module-misses:visible")
    assert groups.locator("h3").all_inner_texts() == ["Motor unit", "ICU weakness"]
    assert groups.locator("li:not([hidden])").evaluate_all("ls => ls.map(l => l.dataset.question)") == ["mu-nmj", "icu-vc"]
    expect(page.locator(".progress-last")).to_have_text(
        "Last activity: December 7, 2026 at 09:15 PM, A man with rising weakness, Emergency department.")
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert axe(page, ".course-progress") == [], scheme


def test_the_navigation_marks_what_is_finished_with_a_tick_and_a_word(study_site, site_url, page, axe):
    page.clock.set_system_time(EVENING)
    page.goto(site_url(study_site, "index.html"))
    expect(page.locator(".course-done")).to_have_count(0)
    evening(page, lambda path: site_url(study_site, path))
    page.goto(site_url(study_site, "index.html"))
    nav = page.locator(".md-nav--primary")
    motor = nav.get_by_role("link", name="Motor unit completed")
    expect(motor.locator(".course-done-tick")).to_have_attribute("aria-hidden", "true")
    expect(motor.locator(".course-done-text")).to_have_text(" completed")
    expect(nav.get_by_role("link", name="ICU weakness", exact=True)).to_be_visible()
    expect(nav.locator(".course-done")).to_have_count(1)
    page.goto(site_url(study_site, "quizzes/breathing.html"))
    expect(page.locator(".course-nav").get_by_role("link", name="Next: Case: A man with rising weakness completed")).to_be_visible()
    page.goto(site_url(study_site, "cases/gbs-ward.html"))
    expect(page.locator(".course-nav .course-done")).to_have_count(0), "the breathing quiz is not finished"
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        assert axe(page, ".md-nav--primary") == [], scheme


@pytest.fixture(scope="session")
def french_site(tmp_path_factory, engine):
    from conftest import STUDY_COURSE, build_site

    work = tmp_path_factory.mktemp(f"study-fr-{engine}")
    root = copy_course(work, STUDY_COURSE)
    edit(root / "mkdocs.yml", "  language: en\n", "  language: fr\n")
    return build_site(root, work / "site", engine)


def test_the_interface_speaks_the_sites_second_language(french_site, site_url, page):
    page.goto(site_url(french_site, "quizzes/crisis.html"))
    q = page.locator("#question-cr-trigger")
    expect(q.locator("legend")).to_have_text("Question 1 sur 2 : choisissez la meilleure réponse")
    q.get_by_label("Cold weather").check()
    q.get_by_role("button", name="Vérifier la réponse").click()
    expect(q.locator(".quiz-result")).to_have_text("Faux. La réponse est A.")
    expect(q.locator(".quiz-confidence")).to_contain_text("Quelle était votre certitude ?")
    expect(page.locator(".quiz-footer > .quiz-score")).to_have_text("Score : 0 / 2 justes du premier coup (1 sur 2 répondues)")
    expect(q.get_by_role("button", name="Réessayer")).to_be_visible()
    page.goto(site_url(french_site, "exam.html"))
    expect(page.locator(".course-exam-matching")).to_have_text("7 questions correspondent à vos choix.")
    page.get_by_role("button", name="Commencer l'examen").click()
    expect(page.locator(".exam-title")).to_have_text("Examen, question 1 sur 7")
    expect(page.get_by_role("button", name="Marquer pour y revenir")).to_be_visible()
    page.goto(site_url(french_site, "modules/icu.html"))
    calc = page.locator("#calc-egris")
    expect(calc.locator(".course-calc-total output")).to_have_text("Total provisoire : 0 sur 7 ; encore 3 à choisir.")
    expect(page.locator(".course-chart-now")).to_contain_text("day 1 : CV 40 mL/kg")
    page.goto(site_url(french_site, "quizzes/motor.html"))
    for qid, label in (("mu-fasc", "Fasciculations"), ("mu-nmj", "Ptosis")):
        page.locator(f"#question-{qid}").get_by_label(label).check()
        page.locator(f"#question-{qid}").get_by_role("button", name="Vérifier la réponse").click()
    page.goto(site_url(french_site, "progress.html"))
    expect(page.locator(".progress-rule")).to_contain_text("Le score d'un quiz compte le premier essai")
    expect(page.get_by_role("button", name="Exporter la progression")).to_be_visible()
    expect(page.locator(".md-nav--primary .course-done-text")).to_have_text([" terminé"])
