"""Replicate a course's own questions to N items, in quizzes of 50, and its cases in proportion.

The copies are written as YAML files beside the originals, so the course reads them like any author's
files: each replicated quiz or case belongs to the module of the one it copies, and the module's page
places it (with [module: ...] or [practice: ...]) as it places the originals. Ids are suffixed so they
stay unique across the course.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from course.markers import find_markers
from course.yamlsource import read_yaml

QUIZ_SIZE = 50


def _read(path: Path):
    data, _, errors = read_yaml(path, path.name)
    if errors or data is None:
        raise SystemExit(f"cannot replicate {path}: {errors[0] if errors else 'empty file'}")
    return data


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def _question_copy(question: dict, copy: int) -> dict:
    return {**question, "id": f"{question['id']}-r{copy}"}


def _case_copy(case: dict, suffix: str) -> dict:
    """A case with its id and every stage id (and every link to one) suffixed."""
    rename = lambda sid: f"{sid}-{suffix}"
    stages = []
    for stage in case["stages"]:
        stage = {**stage, "id": rename(stage["id"])}
        if "next" in stage:
            stage["next"] = rename(stage["next"])
        if "decision" in stage:
            decision = dict(stage["decision"])
            if "id" in decision:
                decision["id"] = rename(decision["id"])
            decision["options"] = [{**o, "next": rename(o["next"])} if "next" in o else o for o in decision["options"]]
            stage["decision"] = decision
        stages.append(stage)
    return {**case, "id": rename(case["id"]), "title": f"{case['title']} ({suffix})", "stages": stages}


def counts(root: Path) -> tuple[int, int]:
    """(questions, cases) of the course as written."""
    questions = sum(len(_read(p)["questions"]) for p in sorted((root / "quizzes").glob("*.y*ml")))
    return questions, len(list((root / "cases").glob("*.y*ml")))


def replicate(root: Path, items: int) -> dict:
    """Add quizzes and cases to the course copy at root until it has `items` questions in all.
    Returns what it did: the totals, and how many quizzes and cases were added."""
    quizzes = [_read(p) for p in sorted((root / "quizzes").glob("*.y*ml"))]
    cases = [_read(p) for p in sorted((root / "cases").glob("*.y*ml"))]
    have = sum(len(q["questions"]) for q in quizzes)
    if items < have:
        raise SystemExit(f"--sizes {items}: the course already has {have} questions; ask for more, or 'real'")
    want_cases = round(len(cases) * items / have) if have else 0
    added_quizzes = 0
    sources = itertools.cycle(quizzes)
    streams = {id(q): itertools.cycle(enumerate(q["questions"])) for q in quizzes}
    copies: dict[tuple[int, int], int] = {}
    missing = items - have
    while missing > 0:
        source = next(sources)
        added_quizzes += 1
        suffix = f"r{added_quizzes}"
        questions = []
        for _ in range(min(QUIZ_SIZE, missing)):
            index, question = next(streams[id(source)])
            copies[(id(source), index)] = copy = copies.get((id(source), index), 0) + 1
            questions.append(_question_copy(question, copy))
        quiz = {**source, "id": f"{source['id']}-{suffix}", "title": f"{source['title']} ({suffix})", "questions": questions}
        quiz.pop("shuffle", None)
        _write(root / "quizzes" / f"{quiz['id']}.yml", quiz)
        missing -= len(questions)
    for n, source in zip(range(want_cases - len(cases)), itertools.cycle(cases)):
        case = _case_copy(source, f"r{n + 1}")
        _write(root / "cases" / f"{case['id']}.yml", case)
    _place(root, {q["module"] for q in quizzes} | {c["module"] for c in cases})
    return {"items": items, "cases": max(want_cases, len(cases)), "added_quizzes": added_quizzes,
            "added_cases": max(0, want_cases - len(cases)), "quiz_size": QUIZ_SIZE}


def _place(root: Path, modules: set[str]) -> None:
    """Make sure each module page lists all its quizzes and cases, copies included: a page that places
    its items one by one ([quiz: id]) gets a [practice: module] line, as the authoring guide advises."""
    for module in sorted(modules):
        page = root / "docs" / "modules" / f"{module}.md"
        text = page.read_text(encoding="utf-8")
        if not any(m.kind in ("module", "practice") and m.argument == module for m in find_markers(text)):
            page.write_text(f"{text.rstrip()}\n\n## Practice\n\n[practice: {module}]\n", encoding="utf-8")
