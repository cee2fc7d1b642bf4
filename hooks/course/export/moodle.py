"""Moodle XML: one category per module and quiz (or case), tags, per-option and general feedback, images.

Scoring, as Moodle's core question types allow:
- single best answer: multichoice with one answer at 100%, the others at 0%;
- true/false: Moodle's truefalse type when the options are True and False, else a single-answer multichoice;
- multiple select (all or nothing on the site): multichoice with several answers, each correct option at
  100/k % (k correct options) and each wrong option at -100 %, so any wrong choice scores 0 (Moodle
  never goes below 0) and only the complete correct set scores 100 %. Moodle core has no all-or-nothing
  rule: a student who picks some correct options and no wrong one earns partial credit (k-1 of k: 50 %
  for one of two). The guide says so.
"""

from __future__ import annotations

import base64
from pathlib import Path

from lxml import etree

from . import html
from .select import Bank

# The percentages Moodle accepts for an answer (qtype_multichoice's list); 100/k is among them for k <= 8.
FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def write(job) -> list[Path]:
    course, banks, docs, out = job.course, job.banks, job.docs, job.out
    path = out / "moodle.xml"
    path.write_bytes(etree.tostring(document(course, banks, docs), xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return [path]


def document(course, banks: list[Bank], docs: Path) -> etree._Element:
    quiz = etree.Element("quiz")
    for bank in banks:
        category = etree.SubElement(quiz, "question", type="category")
        _text(etree.SubElement(category, "category"), f"$course$/top/{bank.module_title}/{_kind(bank)}: {bank.title}")
        _text(etree.SubElement(category, "info", format="html"), "")
        for item in bank.items:
            quiz.append(question(course, item, docs))
    return quiz


def question(course, item, docs: Path) -> etree._Element:
    q = item.question
    truefalse = q.type == "true-false" and sorted(o.text.strip().lower() for o in q.options) == ["false", "true"]
    el = etree.Element("question", type="truefalse" if truefalse else "multichoice")
    _text(etree.SubElement(el, "name"), f"{q.id}: {_excerpt(html.plain(q.stem))}")
    stem = html.block(item.stem)
    text_el = etree.SubElement(el, "questiontext", format="html")
    if q.image:
        stem += f'<p><img src="@@PLUGINFILE@@/{html.image_name(q)}" alt="{_attr(q.image.alt)}"></p>'
    _text(text_el, stem)
    if q.image:
        image = html.image_file(docs, q)
        file = etree.SubElement(text_el, "file", name=html.image_name(q), path="/", encoding="base64")
        file.text = base64.b64encode(image.read_bytes()).decode()
    _text(etree.SubElement(el, "generalfeedback", format="html"), html.general_feedback(course, q))
    etree.SubElement(el, "defaultgrade").text = "1"
    etree.SubElement(el, "penalty").text = "0"
    etree.SubElement(el, "hidden").text = "0"
    etree.SubElement(el, "idnumber").text = q.id
    if truefalse:
        for o in q.options:
            answer = etree.SubElement(el, "answer", fraction="100" if o.correct else "0", format="moodle_auto_format")
            _text(answer, o.text.strip().lower())
            _text(etree.SubElement(answer, "feedback", format="html"), html.inline(o.feedback))
    else:
        single = q.type != "multiple"
        etree.SubElement(el, "single").text = "true" if single else "false"
        etree.SubElement(el, "shuffleanswers").text = "false"  # the author's order; the LMS quiz setting can shuffle
        etree.SubElement(el, "answernumbering").text = "ABCD"
        right = FRACTIONS[len(q.correct_ids)] if not single else "100"
        wrong = "0" if single else "-100"
        for o in q.options:
            answer = etree.SubElement(el, "answer", fraction=right if o.correct else wrong, format="html")
            _text(answer, html.inline(o.text))
            _text(etree.SubElement(answer, "feedback", format="html"), html.inline(o.feedback))
    if q.tags:
        tags = etree.SubElement(el, "tags")
        for t in q.tags:
            _text(etree.SubElement(tags, "tag"), t)
    return el


def _kind(bank: Bank) -> str:
    return "Quiz" if bank.kind == "quiz" else "Case"


def _text(parent, value: str):
    etree.SubElement(parent, "text").text = value  # lxml escapes <, & and >: Moodle reads the HTML back from the text


def _attr(value: str) -> str:
    from html import escape
    return escape(value, quote=True)


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
