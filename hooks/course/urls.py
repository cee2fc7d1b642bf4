"""Where each generated page lives: the one URL scheme, used by the page generator and every link to it.

`ROOT/` stands for the path from the current page to the site root; the Markdown extension fills it in per page.
Pages use `.html` addresses because the site is built with `use_directory_urls: false` (it must work from file://).
"""

from __future__ import annotations

ROOT = "%%COURSE_ROOT%%/"


def quiz_source(quiz_id: str) -> str:
    """The generated page of a quiz, relative to docs/."""
    return f"quizzes/{quiz_id}.md"


def case_source(case_id: str) -> str:
    return f"cases/{case_id}.md"


def html_path(md_path: str) -> str:
    """docs-relative Markdown path -> the page's address relative to the site root."""
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def quiz_url(quiz_id: str) -> str:
    return ROOT + html_path(quiz_source(quiz_id))


def case_url(case_id: str) -> str:
    return ROOT + html_path(case_source(case_id))


def practice_url(kind: str, item_id: str) -> str:
    """kind is "quiz" or "case"."""
    return quiz_url(item_id) if kind == "quiz" else case_url(item_id)


def module_url(module_id: str) -> str:
    return f"{ROOT}modules/{module_id}.html"


def root_prefix(page_url: str) -> str:
    """The relative path from a page to the site root: 'modules/icu.html' -> '../'; 'a/b/' -> '../../'."""
    return "../" * page_url.lstrip("/").count("/")
