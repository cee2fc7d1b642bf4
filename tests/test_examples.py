"""The complete examples in the authoring guide are valid course files."""

from __future__ import annotations

import shutil
from pathlib import Path

from course import load_course

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"


def test_guide_examples_load_as_a_course(tmp_path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "cases").mkdir()
    (tmp_path / "docs" / "modules").mkdir(parents=True)
    shutil.copy(EXAMPLES / "quiz-example.yml", tmp_path / "quizzes")
    shutil.copy(EXAMPLES / "case-example.yml", tmp_path / "cases")
    shutil.copy(ROOT / "references.yml", tmp_path)
    (tmp_path / "docs" / "modules" / "icu.md").write_text("# ICU\n")
    course = load_course(tmp_path)
    quiz = course.quizzes["example-breathing"]
    assert {q.type for q in quiz.questions} == {"single", "multiple", "true-false"}
    case = course.cases["example-ascending"]
    assert sum(s.ending for s in case.stages) == 2  # it shows a branch with two endings


def test_guide_includes_both_examples():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert '--8<-- "docs/examples/quiz-example.yml"' in guide
    assert '--8<-- "docs/examples/case-example.yml"' in guide
