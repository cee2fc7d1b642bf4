"""The course content meets its own standards: counts, structure, sources, and the seeds' facts taught."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from course import load_course
from course.markers import find_markers

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["motor-unit", "patterns", "crisis", "icu"]


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


def test_every_module_has_a_page_with_objectives_key_points_and_references(course):
    assert set(MODULES) <= set(course.modules)
    for module in MODULES:
        text = (ROOT / "docs" / "modules" / f"{module}.md").read_text(encoding="utf-8")
        head = text[: text.find("\n## ")]
        assert '"Learning objectives"' in head, f"{module}: learning objectives belong at the top"
        assert '"Key points"' in text, f"{module}: no key points"
        refs = [m for m in find_markers(text) if m.kind == "references" and m.argument]
        assert refs, f"{module}: no [references: ...] list"
        listed = {k.strip() for m in refs for k in m.argument.split(",")}
        cited = set(re.findall(r"\(#ref-([A-Za-z0-9_-]+)\)", text))
        assert cited, f"{module}: no inline citations"
        assert cited <= listed, f"{module}: cited but not listed: {sorted(cited - listed)}"
        assert listed <= set(course.references), f"{module}: unknown keys {sorted(listed - set(course.references))}"


def test_each_module_has_at_least_15_questions_and_60_in_all(course):
    per_module = Counter()
    for quiz in course.quizzes.values():
        per_module[quiz.module] += len(quiz.questions)
    for module in MODULES:
        assert per_module[module] >= 15, f"{module}: {per_module[module]} questions"
    assert sum(per_module.values()) >= 60


def test_question_types_are_mixed_and_mostly_single_best_answer(course):
    types = Counter(q.type for q in course.questions())
    assert types["single"] > types["multiple"] + types["true-false"]
    assert types["multiple"] >= 4 and types["true-false"] >= 4


def test_every_question_has_feedback_on_every_option_an_explanation_and_a_reference(course):
    for q in course.questions():
        assert all(o.feedback.strip() for o in q.options), q.id
        assert q.explanation.strip() and q.references, q.id
        assert q.objective and q.tags, f"{q.id}: tag it and name the objective it tests"
        if q.type in ("single", "multiple"):
            assert 4 <= len(q.options) <= 5, f"{q.id}: {len(q.options)} options"
        assert len(q.stem.split()) <= 230, f"{q.id}: stem of {len(q.stem.split())} words"


def test_at_least_two_cases_per_module_eight_in_all_two_branching(course):
    per_module = Counter(c.module for c in course.cases.values())
    for module in MODULES:
        assert per_module[module] >= 2, f"{module}: {per_module[module]} cases"
    assert len(course.cases) >= 8
    branching = [c.id for c in course.cases.values() if sum(s.ending for s in c.stages) >= 2]
    assert len(branching) >= 2, branching


REQUIRED_CASE_TOPICS = {
    "Guillain-Barré syndrome with impending respiratory failure": r"guillain|gbs",
    "myasthenic crisis set off by a drug": r"myasthenic crisis",
    "cholinergic crisis after escalating pyridostigmine": r"cholinergic",
    "organophosphate poisoning": r"organophosphate",
    "ICU-acquired weakness after sepsis": r"sepsis|septic",
    "botulism or tick paralysis": r"botulism|tick",
    "a child with proximal weakness and a Gowers sign": r"gowers",
}


@pytest.mark.parametrize("topic", REQUIRED_CASE_TOPICS)
def test_required_case_topics_are_covered(course, topic):
    pattern = re.compile(REQUIRED_CASE_TOPICS[topic], re.I)
    assert any(pattern.search(c.title + " " + c.summary) for c in course.cases.values()), topic


def test_every_case_teaches_and_cites(course):
    for case in course.cases.values():
        assert case.teaching_points and case.references, case.id
        assert any(s.decision for s in case.stages), f"{case.id}: no decision"
        assert any(g.rows for s in case.stages for g in s.findings), f"{case.id}: no chart-like findings"


# Facts from the two seed documents (shared/seeds) that the course must teach, as phrases to find.
SEED_FACTS = {
    "motor unit levels": [r"anterior horn", r"nerve root", r"neuromuscular junction"],
    "localized vs generalized weakness": [r"locali[sz]ed", r"generali[sz]ed"],
    "debility: strength, atrophy, fatigue": [r"atrophy", r"fatigue"],
    "proximal: myopathies; distal: neuropathies": [r"proximal", r"distal"],
    "facial and bulbar: myotonic dystrophy": [r"myotonic dystrophy"],
    "classification examples": [r"amyotrophic lateral sclerosis|\bALS\b", r"spinal muscular atrophy|\bSMA\b", r"\bCIDP\b|chronic inflammatory demyelinating", r"Lambert.Eaton|\bLEMS\b", r"muscular dystroph", r"inflammatory myopath"],
    "functional assessment by age": [r"antigravity", r"hopping", r"climbing", r"Gowers"],
    "cardiac involvement": [r"cardiomyopathy", r"conduction", r"arrhythmia", r"Duchenne"],
    "bulbar function": [r"drooling", r"weight gain", r"aspiration", r"malnutrition"],
    "weakness vs fatigue": [r"weakness vs\.? fatigue|weakness versus fatigue|weakness and fatigue"],
    "respiratory: insidious then sudden": [r"insidious|gradual", r"sudden"],
    "respiratory measures": [r"vital capacity", r"inspiratory", r"expiratory"],
    "symptoms list": [r"numbness|tingling", r"balance", r"cramp", r"twitch", r"swallow", r"coordination", r"double vision|diplopia", r"drooping|ptosis", r"head (up|drop)|neck"],
    "diagnosis": [r"no (single|definitive) test|no single test", r"climb(ing)? stairs", r"ris(e|ing) from a chair", r"blood test", r"complete blood count|full blood count", r"\bCT\b|computed tomography", r"\bMRI\b|magnetic resonance", r"electromyography|\bEMG\b"],
    "treatment": [r"physical therapy|physiotherapy", r"occupational therapy", r"button", r"assistive", r"mechanical ventilation", r"immunosuppress|immunomodulat"],
    "pitfalls": [r"pitfall"],
}


@pytest.mark.parametrize("topic", SEED_FACTS)
def test_seed_facts_are_taught(real_site, topic):
    text = " ".join(p.read_text(encoding="utf-8") for p in (real_site / "modules").glob("*.html"))
    text = re.sub(r"<[^>]+>", " ", text)
    missing = [p for p in SEED_FACTS[topic] if not re.search(p, text, re.I)]
    assert missing == [], f"{topic}: not found on any module page: {missing}"
