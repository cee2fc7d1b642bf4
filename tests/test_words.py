"""The interface's words: one table per language, every language as complete as English, every word the code asks
for in the table, a missing table or key a warning that says what to add, and plurals by the language's rules."""

from __future__ import annotations

import re
import shutil

import pytest

from course import words
from course.words import PLURAL_FORMS, SECTIONS, placeholders, plural_form, words_for
from helpers import REPO, copy_course, edit, mkdocs_build

LANGUAGES = sorted(p.stem for p in words.STRINGS.glob("*.yml"))
JS = REPO / "hooks" / "course" / "assets"


def raw(language: str) -> dict:
    table, problems = words._read(words.STRINGS / f"{language}.yml")
    assert problems == [], problems
    return table


def test_english_and_french_are_shipped():
    assert {"en", "fr"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_has_every_key_and_placeholder_of_english(language):
    english, other = raw("en"), raw(language)
    for section in SECTIONS:
        assert set(other[section]) == set(english[section]), (section, set(english[section]) ^ set(other[section]))
        for key, value in english[section].items():
            assert placeholders(other[section][key]) == placeholders(value), (section, key)
            if isinstance(value, dict):
                assert "other" in other[section][key], (section, key)
    assert words_for(language).problems == ()


def _literal_keys(pattern: str, paths) -> set[str]:
    found = set()
    for path in paths:
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_word_the_scripts_ask_for_is_in_the_browser_section():
    scripts = [*JS.glob("js/*.js"), REPO / "docs/assets/site.js", REPO / "docs/assets/zoom.js"]
    asked = _literal_keys(r"\bt\('([a-z_0-9]+)'\s*[,)]", scripts)
    assert len(asked) > 100
    assert asked - set(raw("en")["browser"]) == set()


def test_every_word_the_renderer_asks_for_is_in_the_build_section():
    code = [p for p in (REPO / "hooks/course").rglob("*.py") if "lint" not in p.parts and "export" not in p.parts]
    asked = _literal_keys(r"""\b(?:w|words|self\.words|renderer\.words)(?:\.html)?\(["']([a-z_0-9]+)["']\s*[,)]""", code)
    assert len(asked) > 60
    assert asked - set(raw("en")["build"]) == set()


def test_plurals_follow_each_language():
    en, fr = words_for("en"), words_for("fr")
    assert [en("questions_count", n=n) for n in (0, 1, 2)] == ["0 questions", "1 question", "2 questions"]
    assert [fr("questions_count", n=n) for n in (0, 1, 2)] == ["0 question", "1 question", "2 questions"]
    assert plural_form("pt-BR", 1) == "one" and plural_form("xx-nowhere", 2) == "other"
    assert set(PLURAL_FORMS) >= {"one", "other"}


def test_words_are_escaped_in_html_and_values_are_not():
    w = words_for("en")
    assert w.html("continues_at", stage='<a href="#s">Ward</a>') == 'Continues at <a href="#s">Ward</a>.'
    assert w.html("quiz_named", title="x") == "Quiz: x"


def test_a_language_without_a_table_is_english_with_a_warning_naming_the_file():
    w = words_for("de")
    assert w.browser["check"] == "Check answer"
    assert [str(p) for p in w.problems] == [
        "mkdocs.yml: theme.language: no interface words for 'de', so the course's labels are in English: "
        "add hooks/course/strings/de.yml (copy en.yml and translate it)"]
    assert words_for("fr-CA").browser["check"] == "Vérifier la réponse", "a regional code uses its language's table"


def test_a_table_without_a_key_shows_english_there_and_says_so(tmp_path, monkeypatch):
    strings = tmp_path / "strings"
    shutil.copytree(words.STRINGS, strings)
    edit(strings / "fr.yml", "  check: Vérifier la réponse\n", "")
    edit(strings / "fr.yml", "  question_of: Question {n} sur {total}\n", "  question_of: Question {n}\n")
    monkeypatch.setattr(words, "STRINGS", strings)
    w = words_for("fr")
    assert w.browser["check"] == "Check answer" and w("question_of", n=1, total=2) == "Question 1 of 2"
    assert sorted(p.field for p in w.problems) == ["browser, check", "build, question_of"]
    assert all(p.warning and p.file == "hooks/course/strings/fr.yml" for p in w.problems)


def test_a_strict_build_in_a_language_without_a_table_fails_with_that_warning(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "mkdocs.yml", "  font: false\n", "  font: false\n  language: de\n")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "no interface words for 'de'" in result.stderr and "hooks/course/strings/de.yml" in result.stderr
