"""Markdown to HTML for the text inside quizzes and cases: many texts in one conversion, each text cached.

A quiz holds dozens of small texts (stems, options, feedback, explanations, citations). Converting each on
its own pays Python-Markdown's whole pipeline per text, which was most of the build; so the texts of one quiz
or case are joined with a separator (an HTML comment, which Markdown passes through as its own block) and
converted once, then split. Only raw HTML and fences can run past a blank line and swallow a separator, so
a text holding `<`, ``` or ~~~ is converted on its own; should the counts still differ, the batch is
converted text by text, so a result is never wrong, only slower.
Converted texts are kept at module level by content, so a one-file edit under `serve` converts only the texts
that changed, and every page after the first reuses the rest.
"""

from __future__ import annotations

import re
import threading
from typing import Callable, Iterable

_SEPARATOR = "<!--course-fragment-->"
_SPLIT = re.compile(r"\n*" + re.escape(_SEPARATOR) + r"\n*")
_MAY_SPAN = re.compile(r"<|```|~~~")
_TEXTS: dict[tuple, str] = {}  # (converter key, Markdown text) -> HTML
_LOCK = threading.Lock()
_LIMIT = 200_000


class Converter:
    def __init__(self, convert: Callable[[str], str], key: tuple):
        self._convert = convert
        self.key = key  # what the conversion depends on (extensions and their configuration)

    def prefetch(self, texts: Iterable[str]) -> None:
        """Convert, in one pass, every text not converted yet."""
        todo = [t for t in dict.fromkeys(texts) if t and (self.key, t) not in _TEXTS]
        alone = [t for t in todo if _MAY_SPAN.search(t)]
        batch = [t for t in todo if not _MAY_SPAN.search(t)]
        parts = []
        if len(batch) > 1:
            parts = _SPLIT.split(self._convert(f"\n\n{_SEPARATOR}\n\n".join(batch)).strip("\n"))
        if len(parts) != len(batch):
            parts = [self._convert(t) for t in batch]
        todo, parts = batch + alone, parts + [self._convert(t) for t in alone]
        if not todo:
            return
        with _LOCK:
            if len(_TEXTS) > _LIMIT:
                _TEXTS.clear()
            _TEXTS.update(((self.key, t), html.strip("\n")) for t, html in zip(todo, parts))

    def html(self, text: str) -> str:
        found = _TEXTS.get((self.key, text))
        if found is None:
            self.prefetch([text])
            found = _TEXTS.get((self.key, text))
            if found is None:  # cleared by another thread in between: convert directly
                found = self._convert(text).strip("\n")
        return found
