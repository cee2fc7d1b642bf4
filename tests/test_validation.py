"""Content validation: every way an author can get a quiz or case wrong is rejected with
the file, the line, the field path and what to do; every problem of a round comes out in one run (YAML
and fields first, then ids and references in the files that passed, then pages: docs/authoring.md).

Broken variants are made by editing a temporary copy of tests/fixtures/course, so each test
shows the one change it makes; the YAML-level examples instructors may want to look at are
committed in tests/fixtures/invalid/.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from course import CourseError, load_course, schemadoc
from course.markers import find_markers
from course.schema import KINDS, SCHEMA_DIR
from helpers import FIXTURE, INVALID, REPO, copy_course, edit, page_problems, problems

QUIZ = "quizzes/crisis-sample.yml"
MOTOR = "quizzes/motor-sample.yml"
CASE = "cases/gbs-sample.yml"


@pytest.fixture
def course(tmp_path):
    """A fresh, valid copy of the sample course to break."""
    return copy_course(tmp_path)


def add_invalid(course, name):
    shutil.copy(INVALID / name, course / "quizzes" / name)


# -- the baseline: the sample course itself is clean -------------------------------------------


def test_sample_course_loads_without_problems():
    loaded = load_course(FIXTURE)
    assert sorted(loaded.quizzes) == ["crisis-sample", "motor-sample"]
    assert sorted(loaded.cases) == ["gbs-sample"]
    assert page_problems(FIXTURE) == []


# -- YAML level ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param(
            "title: Sample case", 'title: "Sample case',
            f"{CASE}:3: YAML syntax error (while scanning a quoted scalar found unexpected end of stream): "
            "check the indentation and quoting on this line and the one before",
            id="unclosed-quote-points-where-it-opened",
        ),
        pytest.param(
            "    stem: Which are muscarinic effects?", "    stem: Which are: muscarinic effects?",
            f"{QUIZ}:24: YAML syntax error (mapping values are not allowed here): "
            "check the indentation and quoting on this line and the one before",
            id="colon-in-unquoted-text",
        ),
        pytest.param(
            "    type: multiple", "      type: multiple",
            f"{QUIZ}:23: YAML syntax error (mapping values are not allowed here): "
            "check the indentation and quoting on this line and the one before",
            id="bad-indentation",
        ),
        pytest.param(
            "    explanation: Weakness is nicotinic.", "\texplanation: Weakness is nicotinic.",
            f"{QUIZ}:37: YAML forbids tabs: indent with spaces",
            id="tab-indentation",
        ),
    ],
)
def test_yaml_syntax_error(course, old, new, expected):
    edit(course / (CASE if "case" in old else QUIZ), old, new)
    assert problems(course) == [expected]


def test_duplicate_key_is_an_error_not_silently_dropped(course):
    add_invalid(course, "duplicate-key.yml")
    assert problems(course) == [
        "quizzes/duplicate-key.yml:16: question 1, option 2, feedback: duplicate key 'feedback' (first on line 15): "
        "YAML would silently keep only the last one; merge them or rename one"
    ]


def test_duplicate_top_level_key(course):
    edit(course / CASE, "title: Sample case\n", "title: Sample case\ntitle: Another title\n")
    assert problems(course) == [
        f"{CASE}:4: title: duplicate key 'title' (first on line 3): YAML would silently keep only the last one; merge them or rename one"
    ]


def test_file_that_is_not_utf8(course):
    add_invalid(course, "not-utf8.yml")
    assert (course / "quizzes/not-utf8.yml").read_bytes().count(b"\xe9") == 1  # the fixture really is Latin-1
    assert problems(course) == ["quizzes/not-utf8.yml:8: the file is not UTF-8 text: save it as UTF-8 in your editor"]


def test_references_file_that_is_not_utf8(course):
    path = course / "references.yml"
    path.write_bytes(path.read_bytes().replace("Deléamont".encode(), "Deléamont".encode("latin-1")))
    assert problems(course) == ["references.yml:39: the file is not UTF-8 text: save it as UTF-8 in your editor"]


def test_utf8_with_byte_order_mark_is_accepted(course):
    path = course / QUIZ
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "crisis-sample" in load_course(course).quizzes


def test_python_tag_is_refused_and_never_run(course, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    add_invalid(course, "python-tag.yml")
    assert problems(course) == [
        "quizzes/python-tag.yml:9: question 1, stem: the YAML tag '!!python/object/apply:os.system' is not allowed: "
        "course files hold plain text, numbers, lists and mappings only; remove the tag"
    ]
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!binary", "!custom", "!!set"])
def test_other_object_tags_are_refused(course, tag):
    edit(course / QUIZ, "title: Sample quiz", f"title: {tag} U2FtcGxl")
    [message] = problems(course)
    assert message.startswith(f"{QUIZ}:3: title: the YAML tag '")
    assert message.endswith("is not allowed: course files hold plain text, numbers, lists and mappings only; remove the tag")


def test_alias_bomb_is_rejected_fast_and_small(course):
    add_invalid(course, "alias-bomb.yml")
    assert (course / "quizzes/alias-bomb.yml").stat().st_size < 4096
    expected = [
        "quizzes/alias-bomb.yml:3: the file expands to more than 50000 values "
        "(anchors and aliases that repeat each other?): write the content out plainly"
    ]
    start = time.process_time()  # CPU time: a busy machine does not make it flaky; expanding the bomb would take minutes
    assert problems(course) == expected
    assert time.process_time() - start < 5.0
    tracemalloc.start()
    try:
        assert problems(course) == expected
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20, f"loading the alias bomb peaked at {peak / 2**20:.0f} MiB"


def test_recursive_alias_is_rejected(course):
    edit(course / QUIZ, "title: Sample quiz", "title: &loop [*loop]")
    assert problems(course) == [f"{QUIZ}:3: title item 1: an alias refers to itself: remove the recursive anchor"]


def test_merge_keys_are_refused(course):
    edit(course / QUIZ, "      - {text: Miosis, correct: true, feedback: Muscarinic.}",
         "      - &m {text: Miosis, correct: true, feedback: Muscarinic.}\n      - {<<: *m, text: Salivation}")
    assert problems(course) == [f"{QUIZ}:27: question 2, option 2: merge keys (<<) are not supported: write the fields out"]


def test_empty_file(course):
    (course / "quizzes/empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert problems(course) == ["quizzes/empty.yml:1: the file is empty (or holds only comments): write its content, or delete the file"]


# -- schema: fields -------------------------------------------------------------------------------


def test_unknown_field_with_did_you_mean(course):
    edit(course / QUIZ, "        feedback: A late sign;", "        feedbak: A late sign;")
    assert problems(course) == [  # one typo, one message: not also "missing required field 'feedback'"
        f"{QUIZ}:13: question 1, option 1, feedbak: unknown field 'feedbak' (did you mean 'feedback'?): use one of correct, feedback, id, text",
    ]


def test_unknown_field_in_a_case_stage(course):
    edit(course / CASE, "    narrative: His VC falls.", "    narative: His VC falls.")
    assert problems(course) == [
        f"{CASE}:29: stage 2, narative: unknown field 'narative' (did you mean 'narrative'?): "
        "use one of debrief, decision, findings, id, narrative, next, outcome, title",
    ]


def test_unknown_field_without_a_close_match(course):
    edit(course / MOTOR, "shuffle: true", "colour: blue")
    assert problems(course) == [f"{MOTOR}:5: colour: unknown field 'colour': use one of description, id, lint, module, questions, shuffle, title"]


@pytest.mark.parametrize(
    "path, old, new, expected",
    [
        (QUIZ, "    explanation: FVC is the best single test.\n", "",
         f"{QUIZ}:6: question 1: missing required field 'explanation': add it"),
        (QUIZ, "    references: [farkas-2015]\n", "",
         f"{QUIZ}:6: question 1: missing required field 'references': add it"),
        (QUIZ, "module: crisis\n", "",
         f"{QUIZ}:2: missing required field 'module': add it"),
        (CASE, "teaching_points: [Measure VC serially.]\n", "",
         f"{CASE}:2: missing required field 'teaching_points': add it"),
        (CASE, "        - text: Admit and measure VC\n          correct: true\n", "        - text: Admit and measure VC\n",
         f"{CASE}:23: stage 1, decision, option 2: missing required field 'correct': add it"),
    ],
    ids=["explanation", "references", "module", "teaching_points", "decision-option-correct"],
)
def test_missing_required_field(course, path, old, new, expected):
    edit(course / path, old, new)
    assert problems(course) == [expected]


@pytest.mark.parametrize(
    "path, old, new, expected",
    [
        (QUIZ, "{text: Miosis, correct: true,", '{text: Miosis, correct: "yes",',
         f"{QUIZ}:26: question 2, option 1, correct: expected true or false, found text"),
        (MOTOR, "shuffle: true", "shuffle: sometimes",
         f"{MOTOR}:5: shuffle: expected true or false, found text"),
        (QUIZ, '{text: "True", correct: false,', "{text: yes, correct: false,",
         f"{QUIZ}:35: question 3, option 1, text: expected text, found true (YAML reads yes/no/true/false/on/off as true or false); "
         "put text in quotes if it looks like a number or yes/no"),
        (QUIZ, "title: Sample quiz", "title: 2024",
         f"{QUIZ}:3: title: expected text, found a number; put text in quotes if it looks like a number or yes/no"),
        (MOTOR, "    references: [ucsf-weakness]\n  - id: motor-q2", "    references: ucsf-weakness\n  - id: motor-q2",
         f"{MOTOR}:16: question 1, references: expected a list (lines starting with '- '), found text"),
        (CASE, "stages:\n", "stages: none\nold_stages:\n",
         f"{CASE}:6: stages: expected a list (lines starting with '- '), found text"),
        (QUIZ, "    stem: Which are muscarinic effects?", "    stem:",
         f"{QUIZ}:24: question 2, stem: expected text, found nothing (an empty value); put text in quotes if it looks like a number or yes/no"),
        (CASE, "    decision:\n      type: single", "    decision: single\n    old:\n      type: single",
         f"{CASE}:15: stage 1, decision: expected a mapping of fields (key: value lines), found text"),
    ],
    ids=["bool-as-text", "bool-as-word", "yes-read-as-bool", "number-as-text", "list-as-text", "stages-as-text", "empty-value", "mapping-as-text"],
)
def test_wrong_type(course, path, old, new, expected):
    edit(course / path, old, new)
    found = problems(course)
    assert found[0] == expected
    if "old" in new:  # the renamed leftovers also show up as unknown fields
        assert len(found) == 2 and "unknown field 'old" in found[1]
    else:
        assert len(found) == 1, found


@pytest.mark.parametrize("value", ['""', "'   '", '"\\t"'])
def test_empty_text_is_reported_once(course, value):
    edit(course / QUIZ, "    stem: Which are muscarinic effects?", f"    stem: {value}")
    assert problems(course) == [f"{QUIZ}:24: question 2, stem: empty text: write it, or remove the field if it is optional"]


def test_empty_text_in_a_case(course):
    edit(course / CASE, "    debrief: Good ending.", '    debrief: " "')
    assert problems(course) == [f"{CASE}:30: stage 2, debrief: empty text: write it, or remove the field if it is optional"]


@pytest.mark.parametrize(
    "new, expected",
    [
        ("id: Crisis_Sample", f"{QUIZ}:2: id: 'Crisis_Sample' is not a valid id: use lowercase letters, digits and single hyphens, for example 'gbs-vital-capacity'"),
        ("id: crisis--sample", f"{QUIZ}:2: id: 'crisis--sample' is not a valid id: use lowercase letters, digits and single hyphens, for example 'gbs-vital-capacity'"),
    ],
)
def test_invalid_id(course, new, expected):
    edit(course / QUIZ, "id: crisis-sample", new)
    assert problems(course) == [expected]


def test_unknown_question_type(course):
    edit(course / QUIZ, "    type: multiple", "    type: multi")
    assert problems(course) == [f"{QUIZ}:23: question 2, type: 'multi' is not allowed here: use one of single, multiple, true-false"]


def test_too_few_options(course):
    edit(course / QUIZ, '      - {text: "False", correct: true, feedback: Right.}\n', "")
    assert problems(course) == [f"{QUIZ}:34: question 3, options: needs at least 2 item(s), found 1"]


def test_reference_url_must_be_a_web_address(course):
    edit(course / "references.yml", "  url: https://pubmed.ncbi.nlm.nih.gov/1928954/", "  url: pubmed.ncbi.nlm.nih.gov/1928954/")
    assert problems(course) == ["references.yml:46: chevrolet-1991, url: 'pubmed.ncbi.nlm.nih.gov/1928954/' is not a web address: start it with https://"]


def test_glossary_entry_must_be_text(course):
    edit(course / "glossary.yml", "VC: vital capacity", "VC:")
    assert problems(course) == ["glossary.yml:54: VC: expected text, found nothing (an empty value); put text in quotes if it looks like a number or yes/no"]


# -- ids ------------------------------------------------------------------------------------------


def test_question_id_equal_to_a_stage_id_in_a_case(course):
    edit(course / QUIZ, "  - id: sample-q2", "  - id: sample-gbs-ward")
    assert problems(course) == [
        f"{CASE}:27: stage 2, id: duplicate id 'sample-gbs-ward' (already used in {QUIZ}:22): "
        "ids must be unique across the whole course; rename this one"
    ]


def test_question_id_used_in_two_quizzes(course):
    edit(course / MOTOR, "  - id: motor-q2", "  - id: sample-q1")
    assert problems(course) == [
        f"{MOTOR}:17: question 2, id: duplicate id 'sample-q1' (already used in {QUIZ}:6): "
        "ids must be unique across the whole course; rename this one"
    ]


def test_quiz_id_equal_to_a_case_id(course):
    edit(course / CASE, "id: gbs-sample", "id: crisis-sample")
    assert problems(course) == [
        f"{CASE}:2: id: duplicate id 'crisis-sample' (already used in {QUIZ}:2): "
        "ids must be unique across the whole course; rename this one"
    ]


def test_question_id_twice_in_one_quiz(course):
    edit(course / QUIZ, "  - id: sample-q3", "  - id: sample-q1")
    assert problems(course) == [
        f"{QUIZ}:31: question 3, id: duplicate id 'sample-q1' (already used in {QUIZ}:6): "
        "ids must be unique across the whole course; rename this one"
    ]


def test_decision_id_equal_to_a_question_id(course):
    edit(course / CASE, "    decision:\n      type: single", "    decision:\n      id: motor-q1\n      type: single")
    assert problems(course) == [
        f"{CASE}:16: stage 1, decision, id: duplicate id 'motor-q1' (already used in {MOTOR}:7): "
        "ids must be unique across the whole course; rename this one"
    ]


def test_option_id_twice_in_one_question(course):
    edit(course / QUIZ, "      - {text: Fasciculations, correct: false,", "      - {id: a, text: Fasciculations, correct: false,")
    assert problems(course) == [
        f"{QUIZ}:27: question 2, option 2, id: option id 'a' is used twice in this question: give each option its own id"
    ]


# -- correct options ------------------------------------------------------------------------------


def test_single_best_answer_with_two_correct_options(course):
    edit(course / QUIZ, "        correct: false\n        feedback: May be", "        correct: true\n        feedback: May be")
    assert problems(course) == [
        f"{QUIZ}:18: question 1, option 3, correct: a single-best-answer question needs exactly one correct option (found 2): "
        "set 'correct: true' on one option only"
    ]


def test_single_best_answer_with_no_correct_option(course):
    edit(course / MOTOR, "{text: Fasciculations, correct: true,", "{text: Fasciculations, correct: false,")
    assert problems(course) == [
        f"{MOTOR}:10: question 1, options: a single-best-answer question needs exactly one correct option (found 0): "
        "set 'correct: true' on one option only"
    ]


def test_multiple_select_with_no_correct_option(course):
    edit(course / QUIZ, "{text: Miosis, correct: true,", "{text: Miosis, correct: false,")
    edit(course / QUIZ, "{text: Bronchorrhoea, correct: true,", "{text: Bronchorrhoea, correct: false,")
    assert problems(course) == [
        f"{QUIZ}:25: question 2, options: a multiple-select question needs at least one correct option (found 0): "
        "mark the right ones with 'correct: true'"
    ]


def test_true_false_with_three_options(course):
    edit(course / QUIZ, '      - {text: "False", correct: true, feedback: Right.}\n',
         '      - {text: "False", correct: true, feedback: Right.}\n      - {text: "Maybe", correct: false, feedback: No.}\n')
    assert problems(course) == [
        f"{QUIZ}:34: question 3, options: a true/false question has exactly two options, True and False (found 3): "
        "keep one option for True and one for False"
    ]


def test_true_false_with_both_options_correct(course):
    edit(course / QUIZ, '{text: "True", correct: false,', '{text: "True", correct: true,')
    assert problems(course) == [
        f"{QUIZ}:36: question 3, option 2, correct: a true/false question needs exactly one correct option (found 2): "
        "set 'correct: true' on one option only"
    ]


def test_decision_with_two_correct_options(course):
    edit(course / CASE, "          correct: false\n          feedback: Unsafe.", "          correct: true\n          feedback: Unsafe.")
    assert problems(course) == [
        f"{CASE}:24: stage 1, decision, option 2, correct: a single-best-answer question needs exactly one correct option (found 2): "
        "set 'correct: true' on one option only"
    ]


# -- images, references, modules ---------------------------------------------------------------


def test_missing_image(course):
    edit(course / QUIZ, "    explanation: Weakness is nicotinic.",
         "    image: {src: images/pupils.svg, alt: Small pupils}\n    explanation: Weakness is nicotinic.")
    assert problems(course) == [
        f"{QUIZ}:37: question 3, image, src: image file docs/images/pupils.svg does not exist: "
        "add the file or fix the path (it is relative to docs/)"
    ]
    (course / "docs/images").mkdir()
    (course / "docs/images/pupils.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    assert load_course(course).quizzes["crisis-sample"].questions[2].image.src == "images/pupils.svg"


def test_image_without_alt_text(course):
    edit(course / QUIZ, "    explanation: Weakness is nicotinic.", "    image:\n      src: images/pupils.svg\n    explanation: Weakness is nicotinic.")
    assert problems(course) == [f"{QUIZ}:37: question 3, image: missing required field 'alt': add it"]


def test_unknown_reference_key_in_a_question(course):
    edit(course / MOTOR, "    references: [ucsf-weakness]\n  - id: motor-q2", "    references: [ucsf-weakness, ucsf-weaknes]\n  - id: motor-q2")
    assert problems(course) == [
        f"{MOTOR}:16: question 1, reference 2: unknown reference 'ucsf-weaknes' (did you mean 'ucsf-weakness'?): add it to references.yml or fix the key"
    ]


def test_unknown_reference_key_in_a_case(course):
    edit(course / CASE, "references: [lawn-2001]", "references:\n  - lawn-2001\n  - lawn-2002")
    assert problems(course) == [f"{CASE}:39: reference 2: unknown reference 'lawn-2002' (did you mean 'lawn-2001'?): add it to references.yml or fix the key"]


def test_broken_references_file_does_not_flood_every_citation(course):
    edit(course / "references.yml", "lawn-2001:\n  type: article", "lawn-2001:\n  typ: article")
    assert problems(course) == [  # one message for the typo; the case citing lawn-2001 is not flagged as well
        "references.yml:27: lawn-2001, typ: unknown field 'typ' (did you mean 'type'?): use one of accessed, authors, book, doi, edition, editors, issue, journal, number, pages, pmid, publisher, title, type, url, volume, year",
    ]


def test_unknown_module(course):
    edit(course / MOTOR, "module: crisis", "module: crises")
    assert problems(course) == [f"{MOTOR}:4: module: no module page docs/modules/crises.md: use one of crisis, icu, or create that page"]


def test_unknown_module_in_a_case(course):
    edit(course / CASE, "module: icu", "module: intensive-care")
    assert problems(course) == [f"{CASE}:4: module: no module page docs/modules/intensive-care.md: use one of crisis, icu, or create that page"]


# -- cases: the stage graph --------------------------------------------------------------------


def test_branch_to_a_missing_stage(course):
    edit(course / CASE, "next: sample-gbs-home", "next: sample-gbs-hom")
    assert problems(course) == [
        f"{CASE}:22: stage 1, decision, option 1, next: no stage 'sample-gbs-hom' in this case: "
        "use one of sample-gbs-ed, sample-gbs-ward, sample-gbs-home"
    ]


def test_stage_next_to_a_missing_stage(course):
    edit(course / CASE, "      explanation: Monitor serially.\n", "      explanation: Monitor serially.\n    next: sample-gbs-icu\n")
    assert problems(course) == [
        f"{CASE}:27: stage 1, next: no stage 'sample-gbs-icu' in this case: use one of sample-gbs-ed, sample-gbs-ward, sample-gbs-home"
    ]


def test_unreachable_stage(course):
    edit(course / CASE, "          next: sample-gbs-home\n", "")
    assert problems(course) == [
        f"{CASE}:30: stage 3: stage 'sample-gbs-home' can never be reached from the first stage: link to it with 'next', or remove it"
    ]


def test_cycle_with_no_ending(course):
    edit(course / CASE, "    narrative: His VC falls.\n    debrief: Good ending.\n",
         "    narrative: His VC falls.\n    next: sample-gbs-icu\n"
         "  - id: sample-gbs-icu\n    title: ICU\n    narrative: He is watched.\n    next: sample-gbs-ward\n")
    assert problems(course) == [
        f"{CASE}:27: stage 2: stage 'sample-gbs-ward' leads into a loop with no ending: make one of its links go to an ending (a stage with a debrief)",
        f"{CASE}:31: stage 3: stage 'sample-gbs-icu' leads into a loop with no ending: make one of its links go to an ending (a stage with a debrief)",
    ]


def test_cycle_with_a_way_out_is_fine(course):
    edit(course / CASE, "    narrative: His VC falls.\n    debrief: Good ending.\n",
         "    narrative: His VC falls.\n    decision:\n      type: single\n      stem: Again?\n      options:\n"
         "        - {text: Back to the ED, correct: false, feedback: Loop., next: sample-gbs-ed}\n"
         "        - {text: Discharge, correct: true, feedback: Out., next: sample-gbs-home}\n"
         "      explanation: One way out.\n")
    assert len(load_course(course).cases["gbs-sample"].stages) == 3


def test_last_stage_is_not_an_ending(course):
    edit(course / CASE, "    debrief: Bad ending.\n    outcome: Sent home, back in respiratory distress\n", "")
    assert problems(course) == [
        f"{CASE}:31: stage 3: the last stage must be an ending: add a 'debrief', or a 'next' pointing to another stage"
    ]


def test_an_outcome_on_a_stage_that_is_not_an_ending(course):
    edit(course / CASE, "    narrative: His VC falls.\n    debrief: Good ending.\n",
         "    narrative: His VC falls.\n    outcome: Monitored on the ward\n    next: sample-gbs-home\n")
    assert problems(course) == [
        f"{CASE}:30: stage 2, outcome: 'outcome' names what happened at an ending: add a 'debrief' to make this "
        "stage one, or remove 'outcome'"
    ]


def test_ending_with_next(course):
    edit(course / CASE, "    debrief: Good ending.\n", "    debrief: Good ending.\n    next: sample-gbs-home\n")
    assert problems(course) == [
        f"{CASE}:31: stage 2, next: an ending (a stage with a debrief) cannot have 'next': remove one of them"
    ]


def test_findings_group_with_neither_rows_nor_text(course):
    edit(course / CASE, "      - title: Vital signs\n        rows:", "      - title: Vital signs\n        notes: none\n        rows:")
    found = problems(course)
    assert found == [f"{CASE}:12: stage 1, finding 1, notes: unknown field 'notes': use one of rows, text, title"]
    edit(course / CASE, "        notes: none\n", "        text: Normal.\n")
    assert problems(course) == [
        f"{CASE}:11: stage 1, finding 1: a findings group has either 'rows' (a table) or 'text' (a report), not both or neither"
    ]


# -- markers on pages ---------------------------------------------------------------------------------


def test_marker_naming_a_missing_quiz(course):
    edit(course / "docs/modules/crisis.md", "[quiz: motor-sample]", "[quiz: motor-sampel]")
    assert page_problems(course) == [
        ("docs/modules/crisis.md:9: [quiz: motor-sampel]: no quiz with id 'motor-sampel': use one of crisis-sample, motor-sample", False),
        (f"{MOTOR}:2: id: quiz 'motor-sample' is shown on no page: add the line [practice: crisis] (or [quiz: motor-sample]) to its module page (docs/modules/crisis.md)", True),
    ]


def test_marker_naming_a_missing_case(course):
    (course / "docs/index.md").write_text("# Start\n\n[case: gbs]\n", encoding="utf-8")
    assert page_problems(course) == [("docs/index.md:3: [case: gbs]: no case with id 'gbs': use one of gbs-sample", False)]


def test_marker_without_an_id(course):
    (course / "docs/index.md").write_text("# Start\n\n[quiz]\n", encoding="utf-8")
    assert page_problems(course) == [("docs/index.md:3: [quiz]: name the quiz to show here: write [quiz: its-id]", False)]


def test_marker_placed_twice_on_one_page(course):
    edit(course / "docs/modules/icu.md", "[case: gbs-sample]", "[case: gbs-sample]\n\n[case: gbs-sample]")
    assert page_problems(course) == [("docs/modules/icu.md:7: [case: gbs-sample]: this case is already placed on this page: place it once", False)]


def test_markers_inside_code_fences_are_ignored(course):
    (course / "docs/index.md").write_text("# Start\n\n```\n[quiz: not-a-quiz]\n```\n", encoding="utf-8")
    assert page_problems(course) == []


def test_quiz_and_case_shown_on_no_page_are_warnings(course):
    (course / "docs/modules/icu.md").write_text("# ICU weakness\n", encoding="utf-8")
    edit(course / "docs/modules/crisis.md", "[quiz: crisis-sample]", "")
    assert page_problems(course) == [
        (f"{QUIZ}:2: id: quiz 'crisis-sample' is shown on no page: add the line [practice: crisis] (or [quiz: crisis-sample]) to its module page (docs/modules/crisis.md)", True),
        (f"{CASE}:2: id: case 'gbs-sample' is shown on no page: add the line [practice: icu] (or [case: gbs-sample]) to its module page (docs/modules/icu.md)", True),
    ]


# -- all at once ------------------------------------------------------------------------------------


def test_all_errors_in_all_files_in_one_run(course):
    edit(course / QUIZ, "        correct: false\n        feedback: May be", "        correct: true\n        feedback: May be")
    edit(course / MOTOR, "shuffle: true", "shufle: true")
    edit(course / CASE, "next: sample-gbs-home", "next: sample-gbs-hom")
    add_invalid(course, "duplicate-key.yml")
    with pytest.raises(CourseError) as raised:
        load_course(course)
    found = [str(e) for e in raised.value.errors]
    assert found == [
        f"{QUIZ}:18: question 1, option 3, correct: a single-best-answer question needs exactly one correct option (found 2): set 'correct: true' on one option only",
        "quizzes/duplicate-key.yml:16: question 1, option 2, feedback: duplicate key 'feedback' (first on line 15): YAML would silently keep only the last one; merge them or rename one",
        f"{MOTOR}:5: shufle: unknown field 'shufle' (did you mean 'shuffle'?): use one of description, id, lint, module, questions, shuffle, title",
        f"{CASE}:22: stage 1, decision, option 1, next: no stage 'sample-gbs-hom' in this case: use one of sample-gbs-ed, sample-gbs-ward, sample-gbs-home",
    ]
    text = str(raised.value)
    assert text.startswith("4 problem(s) in the course content:\n")
    assert all(f"\n  {line}" in text for line in found)


def test_every_error_of_one_file_is_reported(course):
    edit(course / QUIZ, "title: Sample quiz", "title: ''")
    edit(course / QUIZ, "    type: multiple", "    type: many")
    edit(course / QUIZ, "    explanation: Weakness is nicotinic.\n", "")
    assert problems(course) == [
        f"{QUIZ}:3: title: empty text: write it, or remove the field if it is optional",
        f"{QUIZ}:23: question 2, type: 'many' is not allowed here: use one of single, multiple, true-false",
        f"{QUIZ}:31: question 3: missing required field 'explanation': add it",
    ]


def test_comma_inside_a_flow_mapping_gets_a_quoting_hint(course):
    edit(course / CASE, "{name: Heart rate, value: 112,", "{name: Heart rate (resting, seated), value: 112,")
    assert problems(course) == [
        f"{CASE}:13: stage 1, finding 1, row 1, seated): unknown field 'seated)': if it is the end of the text before it, "
        "put that whole text in quotes (inside { } a comma ends a value)"
    ]
    edit(course / CASE, "{name: Heart rate (resting, seated), value: 112,", '{name: "Heart rate (resting, seated)", value: 112,')
    assert load_course(course).cases["gbs-sample"].stages[0].findings[0].rows[0].name == "Heart rate (resting, seated)"


# -- the published JSON Schema, used directly (as an editor or CI would) ---------------------


def _published_schemas() -> dict[str, dict]:
    return {kind: json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")) for kind in KINDS}


def _direct_validator(kind: str) -> Draft202012Validator:
    """Plain jsonschema with a referencing Registry: case.schema.json $refs into quiz.schema.json."""
    schemas = _published_schemas()
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    Draft202012Validator.check_schema(schemas[kind])
    return Draft202012Validator(schemas[kind], registry=registry)


def _shipped_files() -> list[tuple[str, Path]]:
    found = []
    for root in (REPO, FIXTURE):
        for folder, kind in (("quizzes", "quiz"), ("cases", "case")):
            found += [(kind, p) for p in sorted((root / folder).glob("*.y*ml"))]
        found += [(kind, root / f"{kind}.yml") for kind in ("references", "glossary") if (root / f"{kind}.yml").exists()]
    return found


@pytest.mark.parametrize("kind, path", _shipped_files(), ids=lambda v: v.relative_to(REPO).as_posix() if isinstance(v, Path) else v)
def test_shipped_file_validates_against_the_published_schema(kind, path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _direct_validator(kind).iter_errors(data)]
    assert errors == []
    hint = re.match(r"# yaml-language-server: \$schema=(\S+)", text)
    if hint:  # the editor hint on the first line must point to the right schema
        target = (path.parent / hint.group(1)).resolve()
        assert target == (SCHEMA_DIR / f"{kind}.schema.json").resolve()


def test_shipped_files_include_the_sample_course():
    names = {p.relative_to(FIXTURE).as_posix() for _, p in _shipped_files() if p.is_relative_to(FIXTURE)}
    assert names == {"quizzes/crisis-sample.yml", "quizzes/motor-sample.yml", "cases/gbs-sample.yml", "references.yml", "glossary.yml"}


def test_published_schema_rejects_what_the_loader_rejects():
    """The direct check is not vacuous: typos and bad ids reached through the cross-file $ref fail it."""
    case = yaml.safe_load((FIXTURE / "cases/gbs-sample.yml").read_text(encoding="utf-8"))
    assert list(_direct_validator("case").iter_errors(case)) == []
    case["stages"][1]["id"] = "Ward_Stage"  # quiz.schema.json#/$defs/id
    case["stages"][0]["decision"]["options"][0]["feedbak"] = case["stages"][0]["decision"]["options"][0].pop("feedback")
    messages = sorted(e.message for e in _direct_validator("case").iter_errors(case))
    assert messages == [
        "'Ward_Stage' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'",
        "'feedback' is a required property",
        "Additional properties are not allowed ('feedbak' was unexpected)",
    ]


# -- the field reference of the authoring guide --------------------------------------------------


def _schema_fields(kind: str) -> set[str]:
    """Every field path of a schema, found independently of course.schemadoc by resolving $refs with referencing."""
    schemas = _published_schemas()
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())

    def resolve(node, resolver):
        while "$ref" in node:
            found = resolver.lookup(node["$ref"])
            node, resolver = {**found.contents, **{k: v for k, v in node.items() if k != "$ref"}}, found.resolver
        return node, resolver

    def walk(node, resolver, prefix):
        node, resolver = resolve(node, resolver)
        for name, sub in node.get("properties", {}).items():
            yield prefix + name
            sub, sub_resolver = resolve(sub, resolver)
            if sub.get("type") == "array" and "items" in sub:
                for branch in ("then", "else") if "then" in sub["items"] else (None,):
                    yield from walk(sub["items"][branch] if branch else sub["items"], sub_resolver, f"{prefix}{name}[].")
            elif "properties" in sub:
                yield from walk(sub, sub_resolver, f"{prefix}{name}.")

    return set(walk(schemas[kind], registry.resolver(base_uri=schemas[kind]["$id"]), ""))


@pytest.mark.parametrize("kind", ["quiz", "case"])
def test_field_table_describes_every_field(kind):
    rows = schemadoc.fields(kind)
    names = [name for name, _, _ in rows]
    assert len(names) == len(set(names))
    assert set(names) == _schema_fields(kind)
    assert [name for name, _, description in rows if not description.strip()] == []
    required = {name for name, req, _ in rows if req}
    assert {"id", "questions[].options[].feedback"} <= required if kind == "quiz" else {"stages[].decision.options[].feedback"} <= required
    table = schemadoc.field_table(kind, lambda text: text)
    assert table.count("<tr>") == len(rows) + 1


def test_every_schema_marker_in_the_docs_names_a_documented_kind():
    kinds = {m.argument for page in (REPO / "docs").rglob("*.md") for m in find_markers(page.read_text(encoding="utf-8")) if m.kind == "schema"}
    assert kinds <= {"quiz", "case"}, f"add a field-table test for {kinds - {'quiz', 'case'}}"


@pytest.mark.parametrize("kind", KINDS)
def test_published_schema_is_valid_json_schema(kind):
    schema = _published_schemas()[kind]
    Draft202012Validator.check_schema(schema)  # strict editors and CI tools refuse an invalid schema outright
    assert schema["$id"] == f"{kind}.schema.json"


def test_case_schema_is_self_contained_for_plain_validators():
    """No registry, no other file: what an editor or a CI tool with only case.schema.json does."""
    schemas = _published_schemas()
    case = schemas["case"]
    assert "quiz.schema.json#" not in json.dumps(case)  # no $ref into another file
    for name, definition in schemas["quiz"]["$defs"].items():  # the copied definitions cannot drift from the quiz's
        assert case["$defs"][name] == definition, f"case.schema.json $defs/{name} differs from quiz.schema.json: copy it again"
    plain = Draft202012Validator(case)
    data = yaml.safe_load((FIXTURE / "cases/gbs-sample.yml").read_text(encoding="utf-8"))
    assert list(plain.iter_errors(data)) == []
    data["stages"][0]["id"] = "Bad_Id"
    assert [e.message for e in plain.iter_errors(data)] == ["'Bad_Id' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"]


def test_committed_field_reference_is_current():
    """docs/authoring/fields.md is generated from the schemas; it is readable in the repository and on the site."""
    committed = (REPO / "docs/authoring/fields.md").read_text(encoding="utf-8")
    assert committed == schemadoc.reference_markdown(), (
        "docs/authoring/fields.md is out of date: run `.venv/bin/python -m course.schemadoc > docs/authoring/fields.md` in hooks/ and commit it")
    for kind in ("quiz", "case"):  # every field the schema has is in it, with its allowed values
        for name, _, _ in schemadoc.fields(kind):
            assert f"| `{name}` |" in committed
    assert "one of `single`, `multiple`, `true-false`" in committed and "one of `easy`, `medium`, `hard`" in committed
    assert "one of `high`, `low`, `abnormal`, `critical`" in committed and "lowercase letters, digits and single hyphens" in committed
