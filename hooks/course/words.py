"""The interface's words in the site's language: one table per language in strings/<code>.yml.

The course's content is written in one language by its authors; the words around it (Check answer, Question 3
of 18, Try again, the Progress page, exam mode, the calculators) come from the table named by the engine's
`theme.language`, so a French site says "Vérifier la réponse". Each table has two sections: `build`, the words
the renderer writes into pages, and `browser`, the words the scripts show, which reach the browser in
assets/course/site-data.js (see site_data.py). English is the reference: a language without a table, or a
table without a key, falls back to English, with a warning that says which file to add or complete.
Plurals follow CLDR (Babel here, Intl.PluralRules in the browser), so one table serves "1 question" and
"2 questions" in any language.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .errors import ContentError
from .yamlsource import read_yaml

STRINGS = Path(__file__).parent / "strings"
REFERENCE = "en"
SECTIONS = ("build", "browser")
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LOCK = threading.Lock()


def placeholders(value) -> set[str]:
    """The {names} a value fills in (of every plural form)."""
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts for name in _PLACEHOLDER.findall(str(text))}


@dataclass(frozen=True)
class Words:
    """One language's table, completed from English where it lacks a key."""

    language: str
    build: dict = field(default_factory=dict)
    browser: dict = field(default_factory=dict)
    problems: tuple[ContentError, ...] = ()  # warnings: a missing table, a missing or broken key

    def __call__(self, key: str, /, **values) -> str:
        """The words for key as plain text, placeholders filled in; `n` picks the plural form."""
        return _fill(self._pick(key, values), values)

    def html(self, key: str, /, **values) -> str:
        """The words for key as HTML: its own text escaped, the values (already HTML) put in as they are."""
        return _fill(escape(self._pick(key, values), quote=False), values)

    def _pick(self, key: str, values: dict) -> str:
        value = self.build[key]
        if isinstance(value, dict):
            form = plural_form(self.language, values.get("n", 0))
            return value.get(form, value["other"])
        return value


def _fill(text: str, values: dict) -> str:
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def plural_form(language: str, n) -> str:
    """CLDR plural category of n in the language: 'one', 'other'..."""
    locale = _locale(language) or _locale(REFERENCE)
    return locale.plural_form(abs(n)) if isinstance(n, (int, float)) else "other"


def table_path(language: str) -> Path | None:
    """strings/<language>.yml, else the table of its base language (pt-BR -> pt), else None."""
    for code in (language, language.split("-")[0].split("_")[0]):
        path = STRINGS / f"{code}.yml"
        if path.is_file():
            return path
    return None


def _read(path: Path) -> tuple[dict, list[ContentError]]:
    display = f"hooks/course/strings/{path.name}"
    data, positions, errors = read_yaml(path, display)
    problems = [ContentError(e.file, e.line, e.field, e.message, warning=True) for e in errors]
    if not isinstance(data, dict):
        return {}, problems
    table = {}
    for section in SECTIONS:
        words = data.get(section)
        if not isinstance(words, dict):
            problems.append(ContentError(display, positions.get(()), section,
                                         f"no `{section}:` section of words: copy it from strings/{REFERENCE}.yml", warning=True))
            continue
        table[section] = {}
        for key, value in words.items():
            line = positions.get((section, key))
            plural = isinstance(value, dict) and "other" in value and set(value) <= set(PLURAL_FORMS)
            if not (isinstance(value, str) or plural) or (plural and not all(isinstance(v, str) for v in value.values())):
                problems.append(ContentError(display, line, f"{section}, {key}",
                                             "give the words as text, or as plural forms with at least `other:`", warning=True))
                continue
            table[section][key] = value
    return table, problems


_TABLES: dict[Path, tuple[float, dict, list]] = {}


def _table(path: Path) -> tuple[dict, list[ContentError]]:
    """A table as read from its file, re-read when the file changes (an edit under `serve`)."""
    stamp = path.stat().st_mtime_ns
    with _LOCK:
        found = _TABLES.get(path)
        if found is None or found[0] != stamp:
            found = (stamp, *_read(path))
            _TABLES[path] = found
    return found[1], found[2]


def words_for(language: str | None) -> Words:
    """The table of the language (theme.language), completed from English; its problems are warnings."""
    language = language or REFERENCE
    reference, problems = _table(STRINGS / f"{REFERENCE}.yml")
    problems = list(problems)
    path = table_path(language)
    if path is None:
        problems.append(ContentError("mkdocs.yml", None, "theme.language",
                                     f"no interface words for '{language}', so the course's labels are in English: "
                                     f"add hooks/course/strings/{language}.yml (copy {REFERENCE}.yml and translate it)",
                                     warning=True))
        own = reference
    elif path.stem == REFERENCE:
        own = reference
    else:
        own, found = _table(path)
        problems += found
    merged = {}
    for section in SECTIONS:
        mine = own.get(section, {})
        merged[section] = {}
        for key, value in reference.get(section, {}).items():
            theirs = mine.get(key)
            if theirs is not None and placeholders(theirs) == placeholders(value):
                merged[section][key] = theirs
                continue
            merged[section][key] = value
            if path is not None and path.stem != REFERENCE:
                what = "lacks this key" if theirs is None else (
                    f"fills in {sorted(placeholders(theirs))} where {REFERENCE}.yml has {sorted(placeholders(value))}")
                problems.append(ContentError(f"hooks/course/strings/{path.name}", None, f"{section}, {key}",
                                             f"{what}: the English words are shown instead; translate "
                                             f"{REFERENCE}.yml's {section}.{key}, keeping its placeholders", warning=True))
    return Words(language, merged["build"], merged["browser"], tuple(problems))
