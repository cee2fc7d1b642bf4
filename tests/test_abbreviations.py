"""Abbreviations: the first use in each section of a page is marked, never one inside a citation, a link, code
or a heading; on the built site of either engine."""

from __future__ import annotations

import re

from course.abbreviations import mark_first_uses
from helpers import copy_course, edit, mkdocs_build, parse_html

GLOSSARY = {"MG": "myasthenia gravis", "GBS": "Guillain-Barré syndrome", "FVC": "forced vital capacity"}
MG = '<abbr title="myasthenia gravis">MG</abbr>'


def test_first_use_in_each_section_only():
    html = "<p>MG and MG again, GBS.</p><h2 id=a>About MG</h2><p>MG, then MGFA and pre-MG.</p><p>MG</p>"
    assert mark_first_uses(html, GLOSSARY) == (
        f'<p>{MG} and MG again, <abbr title="Guillain-Barré syndrome">GBS</abbr>.</p>'
        f"<h2 id=a>About MG</h2><p>{MG}, then MGFA and pre-MG.</p><p>MG</p>")


def test_never_inside_citations_links_code_or_headings():
    html = ('<div class="course-references"><ol><li>Hanna MG. <div>Nested MG</div> MG</li></ol></div>'
            '<p><a href="#ref-x">MG 2020</a> <code>MG</code></p><h3>MG</h3>'
            '<ol class="course-bibliography"><li id="ref-h">Hanna MG, Jones FVC.</li></ol><p>Then MG.</p>')
    marked = mark_first_uses(html, GLOSSARY)
    assert marked.count("<abbr") == 1 and marked.endswith(f"<p>Then {MG}.</p>")


def test_attributes_and_comments_are_left_alone():
    html = '<p title="MG">x</p><!-- MG --><img alt="MG"><p>MG</p>'
    assert mark_first_uses(html, GLOSSARY) == f'<p title="MG">x</p><!-- MG --><img alt="MG"><p>{MG}</p>'


def _abbr_problems(html: str) -> list[str]:
    """Terms marked twice in one section, and marks inside reference lists."""
    root = parse_html(html)
    [article] = root.find_all("article") or [root]
    problems, seen = [], set()
    for node in article.iter():
        if node.tag == "h2":
            seen = set()
        if node.tag == "abbr":
            if node.text() in seen:
                problems.append(f"{node.text()} marked twice in one section")
            seen.add(node.text())
            if any(a.classes & {"course-references", "course-bibliography"} or a.tag == "a" for a in node.ancestors()):
                problems.append(f"{node.text()} marked inside a citation or link")
    return problems


def test_the_built_sites_mark_each_term_once_per_section(real_site, engine):
    pages = sorted(real_site.rglob("*.html"))
    problems = {p.relative_to(real_site).as_posix(): found for p in pages
                if (found := _abbr_problems(p.read_text(encoding="utf-8")))}
    assert problems == {}
    assert sum(p.read_text(encoding="utf-8").count("<abbr ") for p in pages) > 0


def test_author_initials_in_a_citation_are_not_an_abbreviation(tmp_path):
    root = copy_course(tmp_path)
    edit(root / "references.yml", "farkas-2015:\n", "hanna-2020:\n  type: article\n  authors: [Hanna MG, Smith J]\n  year: 2020\n"
         "  title: A study of MG\n  journal: J Neurol\n  volume: 1\n  pages: 1-2\nfarkas-2015:\n")
    edit(root / "quizzes/crisis-sample.yml", "references: [farkas-2015]", "references: [farkas-2015, hanna-2020]")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/quizzes/crisis-sample.html").read_text(encoding="utf-8")
    assert "Hanna MG, Smith J. A study of MG." in html
    assert re.search(r"woman with <abbr title=\"[^\"]+\">MG</abbr> is weak", html)
