"""Anki deck package (.apkg) built with genanki: one note per question, a deck per module.

The front holds the stem (and image) and the lettered options; the back the answer, every option's
feedback, the explanation and the references. Tags are the question's tags and its quiz or case id.
Ids are derived from the course's own ids, so exporting again and importing into Anki updates the same
notes instead of duplicating them (a note's guid is its question id).
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import genanki

from . import html
from .select import Bank

CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; line-height: 1.4; }
.options { list-style: none; padding-left: 0; } .options li { margin: .3em 0; }
.verdict { font-weight: bold; } img { max-width: 100%; } table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: .2em .5em; }"""


def _id(*parts: str) -> int:
    """A stable 31-bit id (Anki wants model and deck ids that stay the same across exports)."""
    return int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:8], 16) >> 1


MODEL = genanki.Model(
    _id("model", "course-question"),
    "Course question (stem and options / answer and feedback)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Question id"}],
    templates=[{
        "name": "Question",
        "qfmt": "{{Front}}",
        "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
    }],
    css=CSS,
    sort_field_index=2,
)


def write(job) -> list[Path]:
    course, banks, docs, out = job.course, job.banks, job.docs, job.out
    decks: dict[str, genanki.Deck] = {}
    media: dict[str, Path] = {}
    seen: set[str] = set()
    staging = Path(tempfile.mkdtemp(prefix="course-anki-"))
    for bank in banks:
        deck = decks.setdefault(bank.module_id, genanki.Deck(_id("deck", bank.module_id), f"{job.title}::{bank.module_title}"))
        for item in bank.items:
            q = item.question
            if q.id in seen:  # a question reused in two quizzes is one note
                continue
            seen.add(q.id)
            if q.image:
                # genanki stores a media file under its base name: give it the unique name the note refers to
                target = staging / html.image_name(q)
                target.write_bytes(html.image_file(docs, q).read_bytes())
                media[target.name] = target
            tags = [*q.tags, bank.id]
            deck.add_note(genanki.Note(model=MODEL, fields=[front(item), back(course, q), q.id], tags=tags, guid=genanki.guid_for(q.id)))
    path = out / "anki.apkg"
    genanki.Package(list(decks.values()), media_files=[str(p) for p in media.values()]).write_to_file(str(path))
    return [path]


def front(item) -> str:
    q = item.question
    out = [html.block(item.stem)]
    if q.image:
        out.append(f'<p><img src="{html.image_name(q)}" alt="{_attr(q.image.alt)}"></p>')
    hint = {"single": "Choose the single best answer.", "multiple": "Choose all that apply.", "true-false": "True or false?"}[q.type]
    out.append(f"<p><em>{hint}</em></p>")
    options = "".join(f"<li>{html.LETTERS[i]}. {html.inline(o.text)}</li>" for i, o in enumerate(q.options))
    out.append(f'<ol class="options">{options}</ol>')
    return "".join(out)


def back(course, q) -> str:
    out = [f"<p><strong>Answer: {html.key_letters(q)}</strong></p><ul class=\"options\">"]
    for i, o in enumerate(q.options):
        verdict = "Correct" if o.correct else "Incorrect"
        out.append(f'<li><span class="verdict">{html.LETTERS[i]}. {verdict}.</span> {html.inline(o.feedback)}</li>')
    out.append("</ul><p><strong>Explanation</strong></p>")
    out.append(html.general_feedback(course, q))
    return "".join(out)


def _attr(value: str) -> str:
    from html import escape
    return escape(value, quote=True)
