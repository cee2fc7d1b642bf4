"""Format a bibliography entry from its fields, in the Vancouver style medical journals use.

An entry names its kind (`type`) and the fields that kind needs; the schema
(schemas/references.schema.json) says which are required. The formatted text is Markdown.
"""

from __future__ import annotations

MAX_AUTHORS = 6  # Vancouver: list six, then "et al."


def _names(names: list[str]) -> str:
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[:MAX_AUTHORS]) + ", et al"
    return ", ".join(names)


def _editors(names: list[str]) -> str:
    return "editor" if len(names) == 1 else "editors"


def _sentence(text: str) -> str:
    text = str(text).strip()
    return text if text[-1:] in ".?!" else text + "."


def _edition(edition) -> str:
    if isinstance(edition, int):
        suffix = "th" if 10 <= edition % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(edition % 10, "th")
        return f"{edition}{suffix} ed."
    return _sentence(edition)


def _identifiers(entry: dict) -> list[str]:
    out = []
    if entry.get("doi"):
        out.append(f"doi:{entry['doi']}.")
    if entry.get("pmid"):
        out.append(f"PMID: {entry['pmid']}.")
    return out


def _journal(entry: dict) -> str:
    """*Journal*. 2001;58(6):893-8."""
    where = f"{entry['year']}"
    if entry.get("volume"):
        where += f";{entry['volume']}"
        if entry.get("issue"):
            where += f"({entry['issue']})"
    if entry.get("pages"):
        where += f":{entry['pages']}"
    return f"*{entry['journal']}*. {where}."


def format_citation(entry: dict) -> str:
    """The citation as Markdown, for example
    'Lawn ND, Fletcher DD. Anticipating mechanical ventilation in GBS. *Arch Neurol*. 2001;58(6):893-8. doi:....'"""
    kind = entry.get("type", "article")
    parts: list[str] = []
    if entry.get("authors"):
        parts.append(_sentence(_names(entry["authors"])))
    if kind == "article" or (kind == "guideline" and entry.get("journal")):
        parts += [_sentence(entry["title"]), _journal(entry)]
    elif kind == "book":
        if entry.get("editors") and not entry.get("authors"):
            parts.append(f"{_names(entry['editors'])}, {_editors(entry['editors'])}.")
        parts += [f"*{_sentence(entry['title'])}*", _edition(entry["edition"]), f"{entry['publisher']}; {entry['year']}."]
    elif kind == "chapter":
        book = f"In: {_names(entry['editors'])}, {_editors(entry['editors'])}. " if entry.get("editors") else "In: "
        book += f"*{_sentence(entry['book'])}*"
        tail = f"{entry['publisher']}; {entry['year']}"
        tail += f":{entry['pages']}." if entry.get("pages") else "."
        parts += [_sentence(entry["title"]), book, _edition(entry["edition"]), tail]
    else:  # guideline, report or web page of a public body
        parts.append(_sentence(entry["title"]))
        if entry.get("number"):
            parts.append(_sentence(entry["number"]))
        when = entry.get("year") or ""
        parts.append(f"{entry['publisher']}; {when}." if when else f"{entry['publisher']}.")
    if entry.get("accessed"):
        parts.append(f"[cited {entry['accessed']}].")
    parts += _identifiers(entry)
    return " ".join(parts)
