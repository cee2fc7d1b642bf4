"""The renderer on the sample course: HTML that works with no JavaScript, stable element ids,
and a data-version that changes only when what a saved answer depends on changes."""

from __future__ import annotations

import pytest

from course import load_course
from course.markdown_ext import CourseExtension
from helpers import FIXTURE, copy_course, edit, parse_html

QUIZ = "quizzes/crisis-sample.yml"


def renderer(root):
    return CourseExtension(course=load_course(root)).renderer


@pytest.fixture(scope="module")
def sample():
    return load_course(FIXTURE), renderer(FIXTURE)


@pytest.mark.parametrize("quiz_id", ["crisis-sample", "motor-sample"])
def test_quiz_element_ids_and_controls(sample, quiz_id):
    course, r = sample
    quiz = course.quizzes[quiz_id]
    html = parse_html(r.quiz(quiz_id))
    section = html.by_id(f"quiz-{quiz_id}")
    assert section.tag == "section" and section.attrs["data-quiz"] == quiz_id
    assert [n.attrs["id"] for n in section.find_all(cls="quiz-question")] == [f"question-{q.id}" for q in quiz.questions]
    for q in quiz.questions:
        block = html.by_id(f"question-{q.id}")
        assert block.attrs["data-type"] == q.type
        inputs = block.find_all("input")
        assert [i.attrs["id"] for i in inputs] == [f"question-{q.id}-{o.id}" for o in q.options]
        assert {i.attrs["type"] for i in inputs} == {"checkbox" if q.type == "multiple" else "radio"}
        assert {i.attrs["name"] for i in inputs} == {f"question-{q.id}"}
        for i in inputs:  # every control has its label
            [label] = block.find_all("label", **{"for": i.attrs["id"]})
            assert label.text().strip()
        assert block.find_all("fieldset")[0].attrs["aria-describedby"] == f"question-{q.id}-stem"
        html.by_id(f"question-{q.id}-stem")


def test_answers_sit_in_a_closed_details_so_the_page_works_without_javascript(sample):
    course, r = sample
    html = parse_html(r.quiz("crisis-sample"))
    for q in course.quizzes["crisis-sample"].questions:
        block = html.by_id(f"question-{q.id}")
        [details] = block.find_all("details")
        assert "quiz-answer" in details.classes
        assert "open" not in details.attrs
        assert details.children[0].tag == "summary" and details.children[0].text() == "Answer and explanation"
        # the options are outside, to read and answer; the key, every feedback and the explanation are inside
        fieldset = block.find_all("fieldset")[0]
        assert details not in fieldset.ancestors() and fieldset not in details.ancestors()
        for part in ("quiz-key", "quiz-feedback", "quiz-explanation"):
            found = block.find_all(cls=part)
            assert found and all(details in n.ancestors() for n in found), part
        feedback = details.find_all(cls="quiz-feedback")
        assert [f.attrs["data-option"] for f in feedback] == [o.id for o in q.options]
        assert [f.attrs["data-correct"] for f in feedback] == [str(o.correct).lower() for o in q.options]
        outside = block.text().replace(details.text(), "")
        for o in q.options:
            assert o.feedback.strip().rstrip(".") in details.text()
            assert o.feedback.strip() not in outside, "feedback visible before the student answers"
        assert q.explanation.strip().rstrip(".") in details.text()
        key = ", ".join("ABCDEFGH"[i] for i, o in enumerate(q.options) if o.correct)
        assert details.find_all(cls="quiz-key")[0].text() == f"Answer: {key}"


def test_case_element_ids_and_branches(sample):
    course, r = sample
    case = course.cases["gbs-sample"]
    html = parse_html(r.case("gbs-sample"))
    section = html.by_id("case-gbs-sample")
    assert section.attrs["data-case"] == "gbs-sample" and section.attrs["data-version"] == case.version
    stages = section.find_all(cls="case-stage")
    assert [s.attrs["id"] for s in stages] == ["stage-sample-gbs-ed", "stage-sample-gbs-ward", "stage-sample-gbs-home"]
    for s in case.stages:
        node = html.by_id(f"stage-{s.id}")
        assert node.attrs["aria-labelledby"] == f"stage-{s.id}-title"
        assert html.by_id(f"stage-{s.id}-title").text() == s.title
        assert (node.attrs.get("data-ending") == "true") == s.ending
    decision = html.by_id("question-sample-gbs-ed")  # a decision without its own id takes the stage id
    assert html.by_id("stage-sample-gbs-ed") in decision.ancestors()
    options = decision.find_all(cls="quiz-option")
    assert [o.attrs["data-next"] for o in options] == ["sample-gbs-home", "sample-gbs-ward"]
    [details] = decision.find_all("details")
    assert "open" not in details.attrs
    assert [a.attrs["href"] for a in details.find_all("a", cls=None) if a.attrs.get("href", "").startswith("#")] == [
        "#stage-sample-gbs-home", "#stage-sample-gbs-ward"]
    html.by_id("case-gbs-sample-close")


def _versions(root) -> dict[str, str]:
    html = parse_html(renderer(root).quiz("crisis-sample"))
    return {n.attrs["data-question"]: n.attrs["data-version"] for n in html.find_all(cls="quiz-question")}


@pytest.mark.parametrize(
    "old, new, changes",
    [
        ("best tracks her ventilation?", "best tracks her breathing?", True),
        ("      - text: Respiratory rate", "      - text: Respiratory rate at rest", True),
        ("        correct: false\n        feedback: A late sign", "        correct: true\n        feedback: A late sign", True),
        ("      - text: Respiratory rate\n", "      - id: rr\n        text: Respiratory rate\n", True),
        ("feedback: A late sign; SpO2 stays normal until late.", "feedback: A late sign; SpO2 falls only at the very end.", False),
        ("explanation: FVC is the best single test.", "explanation: FVC is the best single bedside test.", False),
        ("references: [farkas-2015]", "references: [farkas-2015, lawn-2001]", False),
    ],
    ids=["stem", "option-text", "which-is-correct", "option-id", "feedback-only", "explanation-only", "references-only"],
)
def test_data_version_follows_stem_and_options_not_feedback(tmp_path, old, new, changes):
    before = _versions(FIXTURE)
    root = copy_course(tmp_path)
    edit(root / QUIZ, old, new)
    if old.endswith("correct: false\n        feedback: A late sign"):  # keep one correct option
        edit(root / QUIZ, "        correct: true\n        feedback: Right; FVC", "        correct: false\n        feedback: Right; FVC")
    after = _versions(root)
    assert set(before) == set(after) == {"sample-q1", "sample-q2", "sample-q3"}
    assert (after["sample-q1"] != before["sample-q1"]) is changes
    assert {k: v for k, v in after.items() if k != "sample-q1"} == {k: v for k, v in before.items() if k != "sample-q1"}


def test_data_version_is_stable_across_loads(tmp_path):
    assert _versions(FIXTURE) == _versions(copy_course(tmp_path))
