"""`course check [PATH...]` and `course new`, run as an instructor runs them (the installed command)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from course import load_course
from helpers import REPO, copy_course, copy_real_course, edit, mkdocs_build

QUIZ = "quizzes/crisis-sample.yml"


def course_cmd(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "hooks")})


@pytest.fixture
def course(tmp_path):
    return copy_course(tmp_path)


# -- course check PATH -------------------------------------------------------------------------------


def test_check_the_whole_course(course):
    result = course_cmd("check", cwd=course)
    assert (result.returncode, result.stdout) == (0, "2 quizzes (5 questions), 1 cases, 5 references, 54 abbreviations: all valid\n")


def test_check_refuses_a_folder_that_is_not_a_course(tmp_path):
    (tmp_path / "empty").mkdir()
    result = course_cmd("check", cwd=tmp_path / "empty")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"error: {(tmp_path / 'empty').resolve()} is not a course (no docs/ beside a mkdocs.yml, quizzes/ or cases/ here "
                             "or above): run course check in the course's folder, or name it: course check path/to/course\n")


def test_check_refuses_a_path_that_does_not_exist(tmp_path):
    result = course_cmd("check", "/nonexistent", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "error: /nonexistent: no such file or folder\n")


def test_check_one_file_shows_only_its_problems(course):
    edit(course / QUIZ, "    type: multiple", "    type: multi")
    edit(course / "cases/gbs-sample.yml", "title: Sample case", "title: ''")
    result = course_cmd("check", QUIZ, cwd=course)
    assert result.returncode == 1
    assert result.stderr == f"error: {QUIZ}:23: question 2, type: 'multi' is not allowed here: use one of single, multiple, true-false\n"
    assert result.stdout == f"{QUIZ}: 1 problem(s) (1 more elsewhere in the course: run course check to see them)\n"
    other = course_cmd("check", "quizzes/motor-sample.yml", cwd=course)
    assert (other.returncode, other.stderr) == (0, "")
    assert other.stdout == "quizzes/motor-sample.yml: valid (2 more elsewhere in the course: run course check to see them)\n"


def test_check_one_file_still_resolves_ids_across_the_course(course):
    edit(course / "quizzes/motor-sample.yml", "  - id: motor-q2", "  - id: sample-q1")
    result = course_cmd("check", str(course / "quizzes/motor-sample.yml"), cwd=course.parent)
    assert result.returncode == 1
    assert result.stderr == ("error: quizzes/motor-sample.yml:17: question 2, id: duplicate id 'sample-q1' (already used in "
                             f"{QUIZ}:6): ids must be unique across the whole course; rename this one\n")


def test_check_a_page_reports_its_marker_problems(course):
    edit(course / "docs/modules/crisis.md", "[quiz: motor-sample]", "[quiz: motor-sampel]")
    result = course_cmd("check", "docs/modules/crisis.md", cwd=course)
    assert result.returncode == 1
    assert result.stderr == ("error: docs/modules/crisis.md:9: [quiz: motor-sampel]: no quiz with id 'motor-sampel': "
                             "use one of crisis-sample, motor-sample\n")


def test_check_refuses_a_file_that_is_not_part_of_the_course(course):
    (course / "notes.txt").write_text("hello\n", encoding="utf-8")
    result = course_cmd("check", "notes.txt", cwd=course)
    assert result.returncode == 2
    assert result.stderr.startswith("error: notes.txt is not one of the course's files (quizzes/*.yml, cases/*.yml,")


# -- course new -------------------------------------------------------------------------------------


def test_new_module_quiz_and_case_pass_check_and_build(course, tmp_path):
    index = course / "docs/index.md"
    index.write_text("# Start\n\n| Module | What you will be able to do |\n|---|---|\n"
                     "| [1. Crisis](modules/crisis.md) | Tell the crises apart. |\n| [2. ICU](modules/icu.md) | Watch breathing. |\n", encoding="utf-8")
    made = course_cmd("new", "module", "breathing", "--title", "Watching breathing", cwd=course)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[:3] == [
        "wrote docs/modules/breathing.md (module 1, with one objective, breathing-1)",
        "added modules/breathing.md to nav: in mkdocs.yml, after modules/icu.md",  # a flat nav: the page after the last
        "added a row for it to the module table of docs/index.md: write what students will be able to do",
    ]
    assert "  - modules/icu.md\n  - modules/breathing.md\n  - quizzes/index.md\n" in (course / "mkdocs.yml").read_text(encoding="utf-8")
    assert index.read_text(encoding="utf-8").splitlines()[-1].startswith("| [1. Watching breathing](modules/breathing.md) |")
    for kind in ("quiz", "case"):
        result = course_cmd("new", kind, f"breathing-{kind}", "--module", "breathing", cwd=course)
        assert result.returncode == 0, result.stderr
        assert f"wrote {kind.replace('quiz', 'quizze')}s/breathing-{kind}.yml" in result.stdout
    quiz_file = (course / "quizzes/breathing-quiz.yml").read_text(encoding="utf-8")
    assert quiz_file.startswith(f"# yaml-language-server: $schema={os.path.relpath(Path(__file__).resolve().parent.parent / 'hooks/course/schemas/quiz.schema.json', course / 'quizzes')}\n")
    check = course_cmd("check", cwd=course)
    assert (check.returncode, check.stderr) == (0, ""), check.stdout
    loaded = load_course(course)
    assert (loaded.modules["breathing"].title, loaded.modules["breathing"].label) == ("Module 1: Watching breathing",
                                                                                    "Watching breathing")
    assert loaded.quizzes["breathing-quiz"].module == loaded.cases["breathing-case"].module == "breathing"
    build = mkdocs_build(course, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert 'id="quiz-breathing-quiz"' in (tmp_path / "site/quizzes/breathing-quiz.html").read_text(encoding="utf-8")
    assert "Watching breathing" in (tmp_path / "site/modules/breathing.html").read_text(encoding="utf-8")


def test_new_quiz_is_placed_on_a_module_page_without_practice_cards(course, tmp_path):
    result = course_cmd("new", "quiz", "crisis-extra", "--module", "crisis", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "placed it at the end of docs/modules/crisis.md with [quiz: crisis-extra]: move that line where it belongs" in result.stdout
    assert (course / "docs/modules/crisis.md").read_text(encoding="utf-8").endswith("\n[quiz: crisis-extra]\n")
    assert course_cmd("check", cwd=course).returncode == 0
    assert mkdocs_build(course, tmp_path / "site").returncode == 0


@pytest.mark.parametrize("args, message", [
    (("quiz", "crisis-sample"), "error: the id 'crisis-sample' is already used in the course: choose another name\n"),
    (("quiz", "Bad_Name"), "error: 'Bad_Name' is not a valid id: use lowercase letters, digits and single hyphens, for example 'gbs-breathing'\n"),
    (("case", "new-case", "--module", "crisi"), "error: no module 'crisi': give --module with one of crisis, icu\n"),
    (("module", "icu"), "error: docs/modules/icu.md already exists: choose another name\n"),
])
def test_new_refuses_what_would_not_be_valid(course, args, message):
    before = sorted(p.relative_to(course).as_posix() for p in course.rglob("*"))
    result = course_cmd("new", *args, cwd=course)
    assert (result.returncode, result.stderr) == (1, message)
    assert sorted(p.relative_to(course).as_posix() for p in course.rglob("*")) == before  # nothing written


# -- course new module: the nav of this course gives each module a section --------------------------

SECTIONS = """nav:
  - index.md
  - Modules:
      - Module 1, Myasthenic crisis:
          - modules/crisis.md
          - modules/crisis/basics.md
      - Module 2, ICU weakness:
          - modules/icu.md
          - modules/icu/breathing.md
          - modules/icu/summary.md
  - quizzes/index.md
  - cases/index.md
  - progress.md
"""


@pytest.fixture
def hubs(tmp_path):
    """The sample course laid out as this course is: a hub page per module, with its teaching pages."""
    return copy_course(tmp_path, REPO / "tests" / "fixtures" / "hubs")


def _nav(root: Path) -> list:
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]


def test_new_module_gets_a_section_of_its_own_in_a_nav_of_module_sections(hubs, tmp_path):
    config = hubs / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[:text.index("\nnav:") + 1] + SECTIONS, encoding="utf-8")
    made = course_cmd("new", "module", "bedside", "--title", "Bedside tests", cwd=hubs)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[1] == ("added a section 'Module 3, Bedside tests' with modules/bedside.md to nav: "
                                           "in mkdocs.yml, after 'Module 2, ICU weakness'")
    modules = _nav(hubs)[1]["Modules"]
    assert modules[1] == {"Module 2, ICU weakness": ["modules/icu.md", "modules/icu/breathing.md", "modules/icu/summary.md"]}
    assert modules[2] == {"Module 3, Bedside tests": ["modules/bedside.md"]}
    assert _nav(hubs)[2:] == ["quizzes/index.md", "cases/index.md", "progress.md"]
    assert (hubs / "docs/modules/bedside.md").read_text(encoding="utf-8").count("\n# Module 3: Bedside tests\n") == 1
    build = mkdocs_build(hubs, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site/modules/bedside.html").read_text(encoding="utf-8")
    # in the built nav it is a section after Module 2's pages, not a page inside Module 2: Module 2's own
    # <nav> (sections nest <nav>s, so cut at the primary nav's end, not its first </nav>) closes before it
    site_nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index('<nav class="md-nav md-nav--secondary"')]
    module_2 = site_nav.index('aria-labelledby="__nav_2_2_label"')
    module_2_end = site_nav.index("</nav>", module_2)
    assert "bedside.html" not in site_nav[module_2:module_2_end]
    assert site_nav.index("icu/summary.html") < module_2_end < site_nav.index("Module 3, Bedside tests")
    assert 'aria-labelledby="__nav_2_3_label"' in site_nav[module_2_end:]


def test_new_module_in_a_nav_of_unnumbered_sections(hubs):
    made = course_cmd("new", "module", "bedside", "--title", "Bedside tests", cwd=hubs)
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[1] == ("added a section 'Bedside tests' with modules/bedside.md to nav: in mkdocs.yml, "
                                           "after 'ICU weakness'")
    assert _nav(hubs)[2:4] == [{"ICU weakness": ["modules/icu.md", "modules/icu/breathing.md", "modules/icu/summary.md"]},
                               {"Bedside tests": ["modules/bedside.md"]}]


def test_new_module_in_a_flat_nav_with_teaching_pages_goes_after_the_last_modules_pages(hubs):
    config = hubs / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[:text.index("\nnav:") + 1] + "nav:\n  - index.md\n  - Modules:\n    - modules/crisis.md\n"
                      "    - modules/crisis/basics.md\n    - Breathing: modules/icu.md\n    - modules/icu/breathing.md\n"
                      "  - progress.md  # the student's page\n", encoding="utf-8")
    made = course_cmd("new", "module", "bedside", cwd=hubs)
    assert made.stdout.splitlines()[1] == "added modules/bedside.md to nav: in mkdocs.yml, after modules/icu/breathing.md"
    assert _nav(hubs) == ["index.md", {"Modules": ["modules/crisis.md", "modules/crisis/basics.md", {"Breathing": "modules/icu.md"},
                                                   "modules/icu/breathing.md", "modules/bedside.md"]}, "progress.md"]
    assert config.read_text(encoding="utf-8").endswith("  - progress.md  # the student's page\n")  # comments kept


# -- every starting point passes make check: course check, then course lint --------------------------

LINT_BANK = REPO / "tests" / "fixtures" / "lint"  # a lint-clean course


def make_check(root: Path, *files: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    return course_cmd("check", cwd=root), course_cmd("lint", *files, cwd=root)


def test_skeletons_pass_check_and_lint_in_a_lint_clean_course(tmp_path):
    root = tmp_path / "bank"
    shutil.copytree(LINT_BANK, root)
    made = course_cmd("new", "module", "bedside", "--title", "Bedside tests", cwd=root)
    assert made.returncode == 0, made.stderr
    check, lint = make_check(root)
    assert (check.returncode, lint.returncode) == (0, 0), check.stderr + lint.stdout
    assert lint.stdout.startswith("warning: docs/modules/bedside.md:6: objective 1: objective 'bedside-1' has no items yet")
    for kind, name in (("quiz", "bedside-quiz"), ("case", "bedside-case")):
        made = course_cmd("new", kind, name, "--module", "bedside", cwd=root)
        assert made.returncode == 0, made.stderr
        check, lint = make_check(root)
        assert (check.returncode, check.stderr) == (0, "")
        assert lint.returncode == 0, lint.stdout
        assert "error:" not in lint.stdout
    # the new module's objective is now tested by the quiz's two questions and the case's decision
    assert "no items yet" not in lint.stdout and "objective-coverage" not in lint.stdout
    loaded = load_course(root)
    for q in [*loaded.quizzes["bedside-quiz"].questions, loaded.cases["bedside-case"].stages[0].decision]:
        assert (q.objective, q.difficulty is not None, bool(q.tags)) == ("bedside-1", True, True)
        assert q.type != "single" or len(q.options) == (5 if q in loaded.quizzes["bedside-quiz"].questions else 4)
        assert all(len(o.feedback.split()) >= 8 for o in q.options)


def test_skeletons_pass_check_and_lint_in_the_real_course(tmp_path):
    """The walk's first make check: a new quiz and case in a module of the course, before writing anything."""
    root = copy_real_course(tmp_path)
    module = next(iter(load_course(root).modules))
    for kind, name in (("quiz", "my-new-quiz"), ("case", "my-new-case")):
        made = course_cmd("new", kind, name, "--module", module, cwd=root)
        assert made.returncode == 0, made.stderr
    check, lint = make_check(root, "quizzes/my-new-quiz.yml", "cases/my-new-case.yml")
    assert (check.returncode, check.stderr) == (0, "")
    assert lint.returncode == 0 and "error:" not in lint.stdout, lint.stdout
    tags = set(load_course(root).tags)
    assert set(load_course(root).quizzes["my-new-quiz"].questions[0].tags) <= tags


# -- course check: the steps the guide describes ------------------------------------------------------


def test_check_goes_in_the_three_steps_the_guide_describes(course):
    """YAML and fields first (a file with such a problem is not read further), then ids and references in
    every file that passed, then pages once all YAML is valid; each step reports every file's problems."""
    guide = (REPO / "docs/authoring.md").read_text(encoding="utf-8")
    assert "1. **YAML and fields**" in guide and "2. **Ids and references**" in guide and "3. **Pages**" in guide
    quiz, case, page = course / "quizzes/motor-sample.yml", course / "cases/gbs-sample.yml", course / "docs/modules/crisis.md"
    edit(quiz, "    stem: Which sign points", "    stam: Which sign points")
    edit(quiz, "    references: [ucsf-weakness]\n  - id: motor-q2", "    references: [ucsf-weaknes]\n  - id: motor-q2")
    edit(case, "references: [lawn-2001]", "references: [lawn-2010]")
    edit(page, "[quiz: motor-sample]", "[quizz: motor-sample]")

    first = course_cmd("check", cwd=course).stderr
    assert "unknown field 'stam'" in first  # step 1 in the quiz
    assert "unknown reference 'lawn-2010'" in first  # step 2 in the case, which passed step 1: same run
    assert "ucsf-weaknes" not in first and "unknown marker" not in first  # the quiz is not read further; pages wait
    edit(quiz, "    stam: Which sign points", "    stem: Which sign points")
    second = course_cmd("check", cwd=course).stderr
    assert "unknown reference 'ucsf-weaknes'" in second and "lawn-2010" in second and "unknown marker" not in second
    edit(quiz, "    references: [ucsf-weaknes]\n", "    references: [ucsf-weakness]\n")
    edit(case, "references: [lawn-2010]", "references: [lawn-2001]")
    third = course_cmd("check", cwd=course)
    assert third.returncode == 1 and "unknown marker 'quizz'" in third.stderr and "reference" not in third.stderr
