"""The built search index, under each engine: it teaches and never tells (no answer, feedback, explanation or
debrief in it), holds each quiz and case once, on its own page, under a title that says what it is, and
ranks quiz and case pages below teaching (Material honours their lower boost)."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import yaml

from helpers import FIXTURE, REPO

TOLD = ("Answer and explanation", "Answer: ", "Ending: debrief", "Teaching points", "Correct.", "Incorrect.")


def index(site: Path, engine: str) -> list[dict]:
    """Entries as {location, title, text (plain), boost}."""
    if engine == "mkdocs":
        docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        offline = (site / "search/search_index.js").read_text(encoding="utf-8")
        assert json.loads(offline[offline.index("{"):offline.rindex("}") + 1])["docs"] == docs, "the offline index differs"
    else:
        docs = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
        offline = (site / "search.js").read_text(encoding="utf-8")
        assert json.loads(offline[offline.index("{"):offline.rindex("}") + 1])["items"] == docs, "the offline index differs"
    plain = lambda text: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text or "")).split())
    return [{"location": d["location"], "title": plain(d["title"]), "text": plain(d.get("text")), "boost": d.get("boost")}
            for d in docs]


def _quizzes(root: Path):
    for path in sorted((root / "quizzes").glob("*.yml")):
        yield yaml.safe_load(path.read_text(encoding="utf-8"))


def _cases(root: Path):
    for path in sorted((root / "cases").glob("*.yml")):
        yield yaml.safe_load(path.read_text(encoding="utf-8"))


def _plain(markdown_text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", markdown_text).split())


def test_the_index_holds_no_answer_feedback_or_explanation(fixture_site, engine):
    entries = index(fixture_site, engine)
    text = " ".join(e["text"] for e in entries)
    told = [(q["id"], o["feedback"]) for quiz in _quizzes(FIXTURE) for q in quiz["questions"] for o in q["options"]
            if _plain(o["feedback"]) in text]
    told += [(q["id"], q["explanation"]) for quiz in _quizzes(FIXTURE) for q in quiz["questions"] if _plain(q["explanation"]) in text]
    for case in _cases(FIXTURE):
        for stage in case["stages"]:
            if "debrief" in stage and _plain(stage["debrief"]) in text:
                told.append((stage["id"], stage["debrief"]))
            for o in stage.get("decision", {}).get("options", ()):
                if _plain(o["feedback"]) in text:
                    told.append((stage["id"], o["feedback"]))
        told += [(case["id"], p) for p in case["teaching_points"] if _plain(p) in text]
    assert told == []
    assert [w for w in TOLD if w in text] == []
    # the stems and options themselves are there, to be found
    assert "Which bedside measure best tracks her ventilation?" in text and "Forced vital capacity" in text


def test_each_quiz_and_case_is_indexed_once_on_its_own_page(fixture_site, engine):
    entries = index(fixture_site, engine)
    for quiz in _quizzes(FIXTURE):
        stem = _plain(quiz["questions"][0]["stem"])
        holding = sorted({e["location"].split("#")[0] for e in entries if stem in e["text"]})
        assert holding == [f"quizzes/{quiz['id']}.html"], quiz["id"]
    for case in _cases(FIXTURE):
        narrative = _plain(case["stages"][0]["narrative"])
        holding = sorted({e["location"].split("#")[0] for e in entries if narrative in e["text"]})
        assert holding == [f"cases/{case['id']}.html"], case["id"]


def _titles_and_duplicates(entries, root: Path):
    tops = Counter(e["title"] for e in entries if "#" not in e["location"])
    expected = [f"Quiz: {q['title']}" for q in _quizzes(root)] + [f"Case: {c['title']}" for c in _cases(root)]
    anchors = {f"quiz-{q['id']}" for q in _quizzes(root)} | {f"question-{x['id']}" for q in _quizzes(root) for x in q["questions"]}
    anchors |= {f"case-{c['id']}" for c in _cases(root)} | {f"stage-{s['id']}-title" for c in _cases(root) for s in c["stages"]}
    misplaced = [e["location"] for e in entries if e["location"].partition("#")[2] in anchors
                 and not e["location"].startswith(("quizzes/", "cases/"))]
    return {t: tops[t] for t in expected}, misplaced


def test_quiz_and_case_pages_are_titled_for_what_they_are_once_each(fixture_site, engine):
    counts, misplaced = _titles_and_duplicates(index(fixture_site, engine), FIXTURE)
    assert set(counts.values()) == {1}, counts
    assert misplaced == []


def test_the_real_course_index_tells_no_answers_and_has_no_duplicates(real_site, engine):
    entries = index(real_site, engine)
    text = " ".join(e["text"] for e in entries)
    assert [w for w in TOLD if w in text] == []
    counts, misplaced = _titles_and_duplicates(entries, REPO)
    assert set(counts.values()) == {1}, counts
    assert misplaced == []
    assert len({(e["location"], e["title"], e["text"]) for e in entries}) == len(entries), "an entry is indexed twice"


def test_practice_pages_rank_below_teaching_under_material(real_site, engine):
    boosts = {e["location"]: e["boost"] for e in index(real_site, engine) if "#" not in e["location"]}
    practice = {loc: b for loc, b in boosts.items() if re.match(r"(quizzes|cases)/(?!index\.html)", loc)}
    assert practice, "no quiz or case page indexed"
    if engine == "mkdocs":
        assert set(practice.values()) == {0.1}
        assert all(b is None for loc, b in boosts.items() if loc.startswith("modules/"))
    else:  # Zensical 0.0.73 writes no boost (README: what differs)
        assert set(practice.values()) == {None}
