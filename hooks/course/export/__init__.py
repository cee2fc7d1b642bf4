"""Exports for instructors: the course's questions in formats an LMS or Anki imports, and an answer key.

Every exporter reads the typed model (through `select`, which turns quizzes and case decisions into
banks of items) and writes files; none reads YAML or checks content again. XML is built with lxml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Course
from .select import Bank, ExportError, Item, select

# key-html: the answer key as HTML; key-pdf: as PDF (Chromium's print, through Playwright, which only `make test`
# installs); key: both. The default leaves the PDF out, so `course export` works after `make serve`'s install.
# canvas: QTI 1.2 laid out as Canvas exports its own quizzes (per-option feedback included); qti: QTI 2.1, for
# Blackboard.
FORMATS = ("moodle", "canvas", "qti", "anki", "key-html", "key-pdf", "key")
DEFAULT = ("moodle", "canvas", "qti", "anki", "key-html")


@dataclass(frozen=True)
class Job:
    """What every exporter is given: the course, the chosen banks, where images are and where files go."""

    course: Course
    banks: list[Bank]
    docs: Path  # image paths are relative to it
    out: Path
    title: str  # the course's name: Anki's parent deck, the answer key's heading


def export(course: Course, docs: Path, out: Path, formats=DEFAULT, quiz=(), module=(), tag=(), title: str = "Course",
           case=()) -> list[Path]:
    """Write each format's files into out and return their paths; ExportError on an empty or unknown selection,
    or (before anything is written) when a PDF is asked for and Playwright or Chromium is missing."""
    from . import anki, answer_key, canvas, moodle, qti  # imported here: genanki and lxml load only for an export

    writers = {"moodle": moodle.write, "canvas": canvas.write, "qti": qti.write, "anki": anki.write, "key": answer_key.write,
               "key-html": answer_key.write_html, "key-pdf": answer_key.write_pdf}
    job = Job(course, select(course, quiz=quiz, module=module, tag=tag, case=case), Path(docs), Path(out), title)
    if {"key", "key-pdf"} & set(formats):
        answer_key.pdf_ready()
    job.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in formats:
        written += writers[name](job)
    return written


__all__ = ["DEFAULT", "FORMATS", "Bank", "ExportError", "Item", "Job", "export", "select"]
