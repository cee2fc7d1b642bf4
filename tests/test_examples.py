"""The complete examples in the authoring guide are valid course files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from course import load_course
from helpers import copy_real_course

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"


def test_guide_examples_load_as_a_course(tmp_path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "cases").mkdir()
    (tmp_path / "docs" / "modules").mkdir(parents=True)
    shutil.copy(EXAMPLES / "quiz-example.yml", tmp_path / "quizzes")
    shutil.copy(EXAMPLES / "case-example.yml", tmp_path / "cases")
    shutil.copy(ROOT / "references.yml", tmp_path)
    objectives = "".join(f"  - {{id: {o}, text: Write it.}}\n" for o in ("icu-resp-measures", "icu-resp-late-signs", "icu-gbs-care"))
    (tmp_path / "docs" / "modules" / "icu.md").write_text(f"---\norder: 1\nobjectives:\n{objectives}---\n# ICU\n")
    shutil.copy(ROOT / "tags.yml", tmp_path)
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


def test_guide_examples_pass_check_and_lint_in_the_course(tmp_path):
    """What the guide invites: copy the examples into quizzes/ and cases/ of the course (first line changed
    as it says), and make check passes: course check, and course lint with no problem in either file."""
    root = copy_real_course(tmp_path)
    for name, folder, kind in (("quiz-example.yml", "quizzes", "quiz"), ("case-example.yml", "cases", "case")):
        lines = (EXAMPLES / name).read_text(encoding="utf-8").split("\n")
        assert lines[0] == f"# yaml-language-server: $schema=../../hooks/course/schemas/{kind}.schema.json"
        lines[0] = f"# yaml-language-server: $schema=../hooks/course/schemas/{kind}.schema.json"
        (root / folder / name).write_text("\n".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    files = ["quizzes/quiz-example.yml", "cases/case-example.yml"]
    check = subprocess.run([sys.executable, "-m", "course", "check"], cwd=root, capture_output=True, text=True, env=env)
    assert (check.returncode, check.stderr) == (0, "")
    lint = subprocess.run([sys.executable, "-m", "course", "lint", *files], cwd=root, capture_output=True, text=True, env=env)
    assert lint.returncode == 0 and lint.stdout.endswith(f"(reporting only {', '.join(files)}): no problems\n"), lint.stdout
