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


def test_guide_links_both_examples_and_reads_in_the_repository():
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert "[quiz-example.yml](examples/quiz-example.yml)" in guide
    assert "[case-example.yml](examples/case-example.yml)" in guide
    # nothing that only the site's build expands: no snippet lines, no field-table markers
    assert "--8<--" not in guide and "[schema:" not in guide
    assert "[Every field](authoring/fields.md)" in guide and "[Exporting](authoring/export.md)" in guide
