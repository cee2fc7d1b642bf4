"""Abbreviations marked where a student first meets them: the first use in each section of a page (each h2)
gets `<abbr title="...">`, as style guides ask, not every use.

Why per section and not per page: students arrive mid-page, from search, the contents panel or a link to a
question, and land at a section; the first use in that section carries the expansion for them. Marking every
use put 454 tooltips on one page (issue 10). Never marked: inside links (citations in the text are links),
code, headings (they feed the contents panel and titles), existing `<abbr>`, the glossary table, and
reference lists, where author initials such as "Hanna MG" are names, not myasthenia gravis.

It runs on the page's finished HTML (quizzes and cases included), so both engines mark the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

# Markdown and the course escape ">" inside attribute values, so a tag ends at the first ">"
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
SKIP_TAGS = frozenset({"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "textarea", "button",
                       "h1", "h2", "h3", "h4", "h5", "h6", "title", "template"})
SKIP_CLASSES = frozenset({"course-references", "course-bibliography", "course-glossary"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
SECTION = "h2"


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def mark_first_uses(html: str, glossary: dict[str, str]) -> str:
    """html with the first use of each glossary term in each section wrapped in <abbr title>."""
    if not glossary:
        return html
    pattern = _pattern(tuple(glossary))
    used: set[str] = set()

    def mark(match: re.Match) -> str:
        term = match.group(1)
        if term in used:
            return term
        used.add(term)
        return f'<abbr title="{escape(glossary[term])}">{term}</abbr>'

    out: list[str] = []
    position = 0
    skipping: str | None = None  # the tag whose element we are inside and not marking
    depth = 0
    for tag in _TAG.finditer(html):
        text = html[position:tag.start()]
        out.append(text if skipping or not text.strip() else pattern.sub(mark, text))
        out.append(tag.group(0))
        position = tag.end()
        name = tag.group(2)
        if name is None:  # a comment
            continue
        name, closing = name.lower(), tag.group(1) == "/"
        if skipping:
            if name == skipping and name not in VOID:
                depth += -1 if closing else (0 if tag.group(3).rstrip().endswith("/") else 1)
                if depth == 0:
                    skipping = None
            continue
        if closing or name in VOID:
            continue
        if name == SECTION:
            used.clear()
        found = _CLASS.search(tag.group(3))
        classes = (found.group(1) or found.group(2) or "").split() if found else ()
        if name in SKIP_TAGS or SKIP_CLASSES.intersection(classes):
            skipping, depth = name, 1
    tail = html[position:]
    out.append(tail if skipping else pattern.sub(mark, tail))
    return "".join(out)
