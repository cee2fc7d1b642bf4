"""Text for exports: Markdown to HTML, citations, images as files or data, and the option letters."""

from __future__ import annotations

import base64
import mimetypes
import re
from functools import lru_cache
from html import escape
from pathlib import Path

import markdown

from ..model import Course, Question

LETTERS = "ABCDEFGH"
_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


@lru_cache(maxsize=None)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "sane_lists", "attr_list", "def_list"])


def block(text: str) -> str:
    """Markdown as HTML paragraphs."""
    md = _converter()
    md.reset()
    return md.convert(text or "")


def inline(text: str) -> str:
    """Markdown as HTML without the wrapping <p> of a one-paragraph text (an option, a feedback)."""
    html = block(text).strip()
    m = _ONE_PARAGRAPH.match(html)
    return m.group(1) if m and "<p>" not in m.group(1) else html


def plain(text: str) -> str:
    """Markdown with its markup removed, for titles and names."""
    return re.sub(r"<[^>]+>", "", inline(text)).strip()


def citation(course: Course, key: str) -> str:
    ref = course.references[key]
    text = inline(ref.citation)
    if ref.url:
        text += f' <a href="{escape(ref.url)}">{escape(ref.url)}</a>'
    return text


def references(course: Course, keys) -> str:
    """The question's sources as an HTML list ('' when it cites none)."""
    if not keys:
        return ""
    items = "".join(f"<li>{citation(course, k)}</li>" for k in keys)
    return f"<p><strong>References</strong></p><ol>{items}</ol>"


def general_feedback(course: Course, q: Question) -> str:
    """The explanation and the references: what every LMS shows after the attempt, whatever was chosen."""
    return block(q.explanation) + references(course, q.references)


def image_file(docs: Path, q: Question) -> Path | None:
    return docs / q.image.src if q.image else None


def image_name(q: Question) -> str:
    """A file name unique in a package: the question id keeps two questions' 'diagram.svg' apart."""
    return f"{q.id}-{Path(q.image.src).name}"


def data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def key_letters(q: Question) -> str:
    return ", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct)
