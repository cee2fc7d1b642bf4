"""The bedside tools: each score's items and weights against worked examples, the HTML carrying the same points,
the breathing chart's argument, and the markers placing them (on a page and inside a case stage) checked with
file, line and what to write.

The worked examples are hand-computed from the item tables of the papers as the course's fact sheet gives them
(clinical-facts.md 4.5 and 8.1; the papers print their tables, not worked patients), and from the course's own
GBS case (cases/cannot-climb-the-stairs.yml: 5 days, bilateral facial weakness and MRC 44 give EGRIS 3; age 42,
diarrhoea and MRC 12 give a day-7 mEGOS of 11).
"""

from __future__ import annotations

import re

import pytest

from course import load_course
from course.markdown_ext import CourseExtension
from course.markers import check_tool_texts
from course.tools.calculators import EGRIS, MEGOS, MRC, MRC_GROUPS
from course.tools.chart import ChartError, parse
from helpers import REPO, copy_course, edit, mkdocs_build

STUDY = REPO / "tests" / "fixtures" / "study"
DAYS = {"more than 7": 0, "4 to 7": 1, "3 or fewer": 2}


def egris(days: str, face: bool, mrc: int) -> int:
    return EGRIS.total({"egris_days": DAYS[days], "egris_face": int(face), "egris_mrc": mrc})


# (days from onset, facial or bulbar weakness, MRC sum) -> EGRIS, band
EGRIS_EXAMPLES = [
    (("4 to 7", True, 44), 3, "egris_intermediate"),  # the course's case: 1 + 1 + 1
    (("more than 7", False, 60), 0, "egris_low"),
    (("more than 7", False, 51), 0, "egris_low"),  # 51 is still the top band
    (("more than 7", False, 50), 1, "egris_low"),
    (("3 or fewer", False, 41), 3, "egris_intermediate"),  # 2 + 0 + 1
    (("3 or fewer", True, 31), 5, "egris_high"),  # 2 + 1 + 2
    (("4 to 7", True, 21), 5, "egris_high"),  # 1 + 1 + 3
    (("3 or fewer", True, 20), 7, "egris_high"),  # the maximum
    (("3 or fewer", True, 0), 7, "egris_high"),
]


@pytest.mark.parametrize("answers,total,band", EGRIS_EXAMPLES)
def test_egris_worked_examples(answers, total, band):
    assert egris(*answers) == total
    assert EGRIS.verdict(total) == band


def test_egris_bands_cover_0_to_7_as_the_paper_groups_them():
    assert EGRIS.maximum() == 7
    assert [EGRIS.verdict(n) for n in range(8)] == ["egris_low"] * 3 + ["egris_intermediate"] * 2 + ["egris_high"] * 3


# (age points index, diarrhoea, MRC sum) -> (admission, day 7)
MEGOS_EXAMPLES = [
    ((1, True, 12), (8, 11)),  # the course's case, age 42: 1 + 1 + 6 at admission, 1 + 1 + 9 at day 7
    ((0, False, 60), (0, 0)),
    ((0, False, 51), (0, 0)),
    ((0, False, 50), (2, 3)),
    ((2, False, 40), (6, 8)),  # over 60: 2 + 4 / 2 + 6
    ((2, True, 31), (7, 9)),
    ((2, True, 30), (9, 12)),  # the maxima
]


@pytest.mark.parametrize("answers,totals", MEGOS_EXAMPLES)
def test_megos_worked_examples_at_admission_and_day_7(answers, totals):
    age, diarrhoea, mrc = answers
    given = {"megos_age": age, "megos_diarrhoea": int(diarrhoea), "megos_mrc": mrc}
    assert (MEGOS.total(given, 0), MEGOS.total(given, 1)) == totals
    assert (MEGOS.maximum(0), MEGOS.maximum(1)) == (9, 12)


def test_mrc_sum_score_and_the_icu_acquired_weakness_threshold():
    assert len(MRC.items) == 12 and MRC.maximum() == 60
    all_four = {item.key: 4 for item in MRC.items}
    assert MRC.total(all_four) == 48 and MRC.verdict(48) == "mrc_above", "48/60 is not below the threshold"
    one_three = {**all_four, f"{MRC_GROUPS[0]}-mrc_right": 3}
    assert MRC.total(one_three) == 47 and MRC.verdict(47) == "mrc_below"
    assert MRC.total({item.key: 5 for item in MRC.items}) == 60 and MRC.verdict(0) == "mrc_below"


def test_a_number_outside_the_items_range_has_no_points():
    with pytest.raises(ValueError):
        egris("4 to 7", True, 61)


@pytest.fixture(scope="module")
def renderer():
    return CourseExtension(course=load_course(STUDY)).renderer


def test_the_html_carries_the_points_of_the_definitions(renderer):
    html = renderer.calculator(EGRIS)
    assert re.findall(r'name="calc-egris-egris_days" value="\d" data-points="(\d)"', html) == ["0", "1", "2"]
    assert 'data-bands="51-60:0 41-50:1 31-40:2 21-30:3 0-20:4"' in html
    assert '<p class="course-calc-total" data-max="7">' in html
    assert "(60–51: 0; 50–41: 1; 40–31: 2; 30–21: 3; 20–0: 4)" in html, "readable without JavaScript"
    assert "Walgaard C" in html and "Ann Neurol" in html, "the source"
    megos = renderer.calculator(MEGOS)
    assert 'data-bands="51-60:0,0 41-50:2,3 31-40:4,6 0-30:6,9"' in megos and 'data-max="9 12"' in megos
    mrc = renderer.calculator(MRC)
    assert len(re.findall(r"<select ", mrc)) == 12 and 'data-max="60"' in mrc
    assert 'aria-label="Shoulder abduction, right"' in mrc


def test_the_chart_argument_is_read_with_minus_signs_and_commas():
    series = parse("11:00, 15:00, 19:00, 23:00; VC 30 28 25 19; MIP −48 −44 −37 −29; MEP 62, 57, 49, 38")
    assert series.when == ("11:00", "15:00", "19:00", "23:00")
    assert series.values == {"VC": (30, 28, 25, 19), "MIP": (48, 44, 37, 29), "MEP": (62, 57, 49, 38)}
    assert parse("") is None and parse(None) is None


@pytest.mark.parametrize("text,message", [
    ("day 1, day 2; VC 40 30", "write the times, then VC, MIP and MEP, separated by semicolons"),
    ("day 1, day 2; VC 40 30; MEP 60 50; MIP 50 40", "expected MIP here, found 'MEP'"),
    ("day 1, day 2; VC 40; MIP 50 40; MEP 60 50", "VC has 1 values for 2 times: give one value per time"),
    ("day1; VC 40; MIP 50; MEP 60", "give at least two times or days"),
    ("day 1, day 2; VC 40 thirty; MIP 50 40; MEP 60 50", "'thirty' in VC is not a number"),
])
def test_a_chart_argument_that_cannot_be_read_says_what_to_write(text, message):
    with pytest.raises(ChartError, match=re.escape(message)):
        parse(text)


@pytest.fixture
def study(tmp_path):
    return copy_course(tmp_path, STUDY)


def _build_errors(root, tmp_path) -> str:
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stderr


def test_page_markers_name_the_score_the_sources_and_the_chart_format(study, tmp_path):
    page = study / "docs/modules/icu.md"
    edit(page, "[calculator: mrc]", "[calculator: mrcc]")
    edit(page, "[calculator: megos]", "[calculator: megos]\n\n[calculator: megos]")
    edit(page, "MEP 70 64 55 45 36]", "MEP 70 64 55 45]")
    edit(study / "references.yml", "walgaard-2010:", "walgaard-2010-typo:")
    edit(study / "cases/gbs-ward.yml", "references: [walgaard-2010, lawn-2001]", "references: [lawn-2001]")
    edit(study / "quizzes/breathing.yml", "references: [walgaard-2010]", "references: [lawn-2001]")
    edit(page, "[references: walgaard-2010, walgaard-2011", "[references: walgaard-2011")
    errors = _build_errors(study, tmp_path)
    assert ("docs/modules/icu.md:12: [calculator: egris]: the egris calculator cites walgaard-2010, which references.yml "
            "lacks: add the entry (the calculator shows it as its source)") in errors
    assert "docs/modules/icu.md:18: [calculator: megos]: this calculator is already on this page: place it once" in errors
    assert "docs/modules/icu.md:22: [calculator: mrcc]: name the score to calculate: write [calculator: egris], with one of egris, megos, mrc" in errors
    assert "docs/modules/icu.md:26: [breathing-chart: day 1, day 2, day 3, day 4, day 5; VC 40 36 31 26 18; MIP 55 50 42 33 27; " \
           "MEP 70 64 55 45]: MEP has 4 values for 5 times: give one value per time" in errors


def test_tools_in_a_case_stage_are_checked_with_the_case_file_and_line(study):
    case = study / "cases/gbs-ward.yml"
    edit(case, "      [calculator: egris]\n", "      [calculator: egrs]\n\n      [quiz: motor]\n")
    edit(case, "MEP 62 57 49 38]", "MEP 62 57 49]")
    problems = [str(p) for p in check_tool_texts(load_course(study))]
    assert problems == [
        "cases/gbs-ward.yml:7: stage 1, narrative: [calculator: egrs]: name the score to calculate: write "
        "[calculator: egris], with one of egris, megos, mrc",
        "cases/gbs-ward.yml:7: stage 1, narrative: [quiz: motor] cannot stand in a case stage (only [calculator: …], "
        "[breathing-chart: …] can): place it on a page, or write it as text",
        "cases/gbs-ward.yml:27: stage 2, narrative: [breathing-chart: 11:00, 15:00, 19:00, 23:00; VC 30 28 25 19; "
        "MIP 48 44 37 29; MEP 62 57 49]: MEP has 3 values for 4 times: give one value per time",
    ]


def test_a_tool_in_a_case_stage_is_rendered_in_place_and_the_rest_of_the_text_kept(renderer):
    html = renderer.case("gbs-ward")
    stage = html[html.index('id="stage-gbs-ward-ed"'):html.index('id="stage-gbs-ward-night"')]
    assert stage.index("Work out his EGRIS.") < stage.index('class="course-calc" id="calc-egris-gbs-ward-ed"')
    assert "[calculator" not in html and "[breathing-chart" not in html
    assert 'id="chart-gbs-ward-night"' in html
