"""The benchmark runs, and its bare twin is a fair comparison: it holds every question, option, feedback,
explanation and case stage of the course. No timing is asserted here (targets are reported by `make bench`)."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bench import bare, report, scale
from bench.lighthouse import GzipServer
from bench.project import copy_project, read_config
from course import check_pages, load_course
from course.markers import find_markers
from helpers import FIXTURE, REPO


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def _assert_holds(page_text: str, fragment: str, what: str) -> None:
    assert _flat(fragment) in _flat(page_text), f"the bare twin lacks {what}: {fragment[:80]!r}"


def _assert_question(text: str, q, where: str, course) -> None:
    _assert_holds(text, q.stem, f"the stem of {where}")
    for o in q.options:
        _assert_holds(text, o.text, f"option {o.id} of {where}")
        _assert_holds(text, o.feedback, f"the feedback on option {o.id} of {where}")
    _assert_holds(text, q.explanation, f"the explanation of {where}")
    for key in q.references:
        _assert_holds(text, course.references[key].citation, f"reference {key} of {where}")


def _bare_twin(source: Path, tmp_path: Path):
    ours = copy_project(source, tmp_path / "ours")
    course = load_course(ours)
    bare.write_bare(ours, tmp_path / "bare", course)
    return course, tmp_path / "bare" / "docs"


@pytest.mark.parametrize("source", [FIXTURE, REPO], ids=["fixture", "real course"])
def test_the_bare_twin_holds_every_question_option_feedback_and_stage(source, tmp_path):
    course, docs = _bare_twin(source, tmp_path)
    assert course.quizzes and course.cases
    for quiz in course.quizzes.values():
        text = (docs / "quizzes" / f"{quiz.id}.md").read_text(encoding="utf-8")
        for n, q in enumerate(quiz.questions, 1):
            _assert_question(text, q, f"question {n} ({q.id}) of quiz {quiz.id}", course)
            assert f"Question {n} of {len(quiz.questions)}" in text
        # one collapsed answer per question, one lettered line per option: nothing merged or dropped
        assert text.count('??? note "Answer and explanation"') == len(quiz.questions)
        options = [line for line in text.splitlines() if re.match(r"- \*\*[A-Z]\.\*\* ", line)]
        assert len(options) == sum(len(q.options) for q in quiz.questions)
    for case in course.cases.values():
        text = (docs / "cases" / f"{case.id}.md").read_text(encoding="utf-8")
        _assert_holds(text, case.summary, f"the summary of case {case.id}")
        for stage in case.stages:
            assert f"{{#stage-{stage.id}}}" in text, f"case {case.id} has no section for stage {stage.id}"
            # the narrative's text around any tool marker (a calculator in the stage), which is written out
            for part in re.split(r"^\[[a-z-]+(?::[^\]]*)?\]\s*$", stage.narrative, flags=re.M):
                if part.strip():
                    _assert_holds(text, part, f"the narrative of stage {stage.id}")
            if stage.decision:
                _assert_question(text, stage.decision, f"the decision of stage {stage.id}", course)
            if stage.debrief:
                _assert_holds(text, stage.debrief, f"the debrief of stage {stage.id}")
        for point in case.teaching_points:
            _assert_holds(text, point, f"a teaching point of case {case.id}")
    for page in docs.rglob("*.md"):  # every marker written out: the bare site needs no course code
        assert find_markers(page.read_text(encoding="utf-8")) == [], f"{page} still has a course marker"


def test_the_bare_config_has_no_course_hook_extension_or_assets():
    config = read_config(FIXTURE)
    config["markdown_extensions"] = [*config["markdown_extensions"], {"course.markdown_ext": {"root": "."}}]
    config["extra_javascript"] = ["assets/course/course.js", "assets/other.js"]
    out = bare.bare_config(config)
    assert "hooks" not in out
    names = [e if isinstance(e, str) else next(iter(e)) for e in out["markdown_extensions"]]
    assert not [n for n in names if n.startswith("course")]
    assert {"admonition", "pymdownx.details", "attr_list"} <= set(names)
    assert out["extra_javascript"] == ["assets/other.js"]
    assert out["theme"] == config["theme"] and out["plugins"] == config["plugins"]


def test_replication_reaches_the_size_asked_with_unique_ids_and_every_item_placed(tmp_path):
    ours = copy_project(FIXTURE, tmp_path / "ours")
    questions, cases = scale.counts(ours)
    info = scale.replicate(ours, 137)
    course = load_course(ours)  # raises on a duplicate id or a broken case link
    assert sum(len(q.questions) for q in course.quizzes.values()) == 137 == info["items"]
    assert all(len(q.questions) <= scale.QUIZ_SIZE for q in course.quizzes.values())
    assert len(course.cases) == round(cases * 137 / questions) == info["cases"]
    warnings = [str(p) for p in check_pages(course, ours / "docs", ours)]
    assert warnings == [], "replicated quizzes and cases must be placed on pages like the originals"


def test_the_benchmark_runs_on_the_test_course(tmp_path):
    out = tmp_path / "results.json"
    cmd = [sys.executable, "-m", "tests.bench", "--root", str(FIXTURE), "--sizes", "real,60", "--runs", "1",
           "--edits", "1", "--no-lighthouse", "--output", str(out)]
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [b["size"] for b in data["builds"]] == ["real", 60]
    assert data["builds"][1]["items"] == 60
    for b in data["builds"]:
        assert all(run["cpu"] > 0 and run["wall"] > 0 for side in ("ours", "bare") for run in b["runs"][side])
    assert set(data["weight"]) >= {"start", "quiz", "case", "progress"}
    quiz = data["weight"]["quiz"]
    assert "assets/course/course.js" in quiz["ours"]["files"] and "assets/course/course.js" not in quiz["bare"]["files"]
    assert set(data["assets"]["files"]) >= {"course.js", "course.css"}
    assert len(data["preview"]["edits"]) == 1 and data["preview"]["page"].startswith("quizzes/")
    assert data["machine"]["cores"] >= 1
    zensical = data["zensical"]["median"]  # make test installs Zensical, so the bench builds with it too
    assert zensical["ours"]["cpu"] > 0 and zensical["bare"]["cpu"] > 0
    assert "With Zensical at real" in result.stdout
    thread = data["mainthread"]["quiz"]
    assert thread["ours"]["task_ms"] > 0 and thread["bare"]["task_ms"] > 0
    assert thread["ours_without_course_js"]["script_ms"] <= thread["ours"]["script_ms"] * 1.5  # scripts emptied
    assert "| Task ours / without course JS / bare |" in result.stdout
    assert "| Size |" in result.stdout and "| Target | Met | Figure |" in result.stdout


def test_the_lighthouse_server_sends_gzip(tmp_path):
    (tmp_path / "page.html").write_text("<p>" + "weak " * 500 + "</p>", encoding="utf-8")
    server = GzipServer(tmp_path)
    try:
        request = urllib.request.Request(server.url + "page.html", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == (tmp_path / "page.html").read_bytes()
    finally:
        server.stop()


def test_a_missed_target_is_reported_as_missed():
    results = {"builds": [{"label": "1,000 items", "ratio": {"cpu": 1.6, "wall": 1.7}}, {"label": "real", "ratio": {"cpu": 1.2, "wall": 1.3}}],
               "per_item_flatness": {"from": 1000, "to": 10000, "from_ms": 5.0, "to_ms": 6.5, "change": 0.3},
               "preview": {"median": {"wall": 0.8, "cpu": 0.5}}}
    met = {t: ok for t, ok, _ in report.targets(results)}
    assert [ok for t, ok in met.items() if "build" in t] == [False, True]
    assert met["per-item cost flat within 20% (1000 → 10000 items)"] is False
    assert met["preview ≤ 1 s"] is True


def test_the_course_scripts_are_told_from_materials_and_vendored_ones():
    from bench.mainthread import is_course_script
    assert is_course_script("http://127.0.0.1:8000/assets/course/course.js")
    assert is_course_script("http://127.0.0.1:8000/assets/quiz.js?v=2")
    assert not is_course_script("http://127.0.0.1:8000/assets/javascripts/bundle.5f9d56c.min.js")
    assert not is_course_script("http://127.0.0.1:8000/assets/vendor/iframe-worker-shim.js")
    assert not is_course_script("http://127.0.0.1:8000/assets/stylesheets/main.css")
