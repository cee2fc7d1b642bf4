"""Reading item text the way the rules need it: plain words out of Markdown, the lead-in sentence,
and words folded so that plurals, accents and case do not hide a match.

Item text is Markdown (emphasis, links, tables), and the rules count and compare what a student
reads, so markup is removed first; nothing here renders anything.
"""

from __future__ import annotations

import re
import unicodedata

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)
_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"[*_`#>|]+")
_WORD = re.compile(r"[^\W_](?:[\w'’.,/+−-]*[^\W_])?")
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s+(?=[A-Z\"“(])")


def plain(markdown: str) -> str:
    """The text a student reads: links become their words, tables their cells, markup goes."""
    text = _LINK.sub(r"\1", markdown or "")
    text = _TABLE_RULE.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    return " ".join(text.split())


def words(markdown: str) -> list[str]:
    """The words of a text as a reader counts them: '−34 cmH2O' is two, 'Guillain-Barré' one."""
    return _WORD.findall(plain(markdown))


def count_words(markdown: str) -> int:
    return len(words(markdown))


def lead_in(stem: str) -> str:
    """The question the stem ends on: the last sentence with a question mark, else the last sentence.

    Vignettes put the lead-in last ("... Which is the most likely diagnosis?"); a true/false stem ends
    on its statement ("True or false: ..."), which is the sentence a student answers.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", stem or "") if p.strip()]
    text = plain(paragraphs[-1]) if paragraphs else ""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    asking = [s for s in sentences if "?" in s]
    return (asking or sentences or [""])[-1]


def fold(word: str) -> str:
    """Lower case, no accents, no plural: 'Barré' -> 'barre', 'crises' -> 'crisis', 'ticks' -> 'tick'."""
    w = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()
    if w.endswith(("crises", "yses", "gnoses")):
        return w[:-2] + "is"  # crises, paralyses, diagnoses
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "is", "us", "as")):
        return w[:-1]
    return w


def folded_words(markdown: str) -> list[str]:
    """Folded words, split at hyphens and slashes too ('ICU-acquired' -> 'icu', 'acquired')."""
    return [fold(part) for w in words(markdown) for part in re.split(r"[-/−'’.,+]", w) if part]
