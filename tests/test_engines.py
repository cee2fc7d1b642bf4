"""One course, two engines: MkDocs + Material and Zensical build the same pages from one mkdocs.yml, with
identical article HTML, and under Zensical (which runs no hook) the extension alone reports broken markers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENGINES, engine_command
from helpers import copy_course, edit

pytestmark = pytest.mark.skipif(set(ENGINES) != {"mkdocs", "zensical"}, reason="compares the two engines")

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# Theme furniture that differs between the engines and is not page content:
_THEME = [
    re.compile(r'<a id="__skip" tabindex="-1">\s*</a>'),  # Zensical's skip-link target
    re.compile(r" data-search-exclude(?==|\s|>)(=\"\")?"),  # Zensical's indexer consumes the attribute
]


def article(html: str) -> str:
    found = _ARTICLE.search(html)
    assert found, "no article element"
    text = found.group(1)
    for pattern in _THEME:
        text = pattern.sub("", text)
    return re.sub(r">\s+<", "><", text).strip()


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}


@pytest.mark.parametrize("course", ["fixture", "real"])
def test_every_page_has_the_same_article_under_both_engines(built, course):
    mkdocs, zensical = built(course, "mkdocs"), built(course, "zensical")
    assert pages(mkdocs) == pages(zensical)
    differ = [p for p in sorted(pages(mkdocs))
              if article((mkdocs / p).read_text(encoding="utf-8")) != article((zensical / p).read_text(encoding="utf-8"))]
    assert differ == []
    assert len(pages(mkdocs)) >= 8  # every page, generated ones included, was compared


def test_the_article_comparison_notices_a_difference():
    base = '<article class="md-content__inner md-typeset"><p>One</p></article>'
    assert article(base) == article(base.replace("<p>", '<a id="__skip" tabindex="-1"></a>\n<p>'))
    assert article(base) != article(base.replace("One", "Two"))


def _zensical_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*engine_command("zensical"), "build", "--strict", "--clean"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_under_zensical_the_extension_alone_names_a_broken_marker_with_page_and_line(tmp_path):
    root = copy_course(tmp_path)
    assert subprocess.run([sys.executable, "-m", "course.cli", "generate", str(root)], capture_output=True).returncode == 0
    page = root / "docs/modules/crisis.md"
    page.write_text("---\norder: 1\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    edit(page, "[quiz: motor-sample]", "[quiz: motor-sampel]")
    result = _zensical_build(root)
    assert result.returncode != 0
    assert ("docs/modules/crisis.md:13: [quiz: motor-sampel]: no quiz with id 'motor-sampel': "
            "use one of crisis-sample, motor-sample") in result.stdout + result.stderr
    # `make build ENGINE=zensical` runs the course's own check first, which says it without a traceback
    check = subprocess.run([sys.executable, "-m", "course.cli", "generate", "--strict", str(root)], capture_output=True, text=True)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert "  docs/modules/crisis.md:13: [quiz: motor-sampel]: no quiz with id 'motor-sampel'" in check.stderr


def test_each_engine_has_its_own_search_index(built):
    assert (built("fixture", "mkdocs") / "search/search_index.js").is_file()
    assert (built("fixture", "zensical") / "search.json").is_file()


def test_make_builds_with_zensical_only_after_the_course_check_passes():
    """Zensical's --strict ignores the course's warnings, so `make` runs `course generate --strict` first."""
    from helpers import REPO

    for verb in ("build", "serve"):
        plan = subprocess.run(["make", "-n", "-W", "pyproject.toml", verb, "ENGINE=zensical"], cwd=REPO,
                              capture_output=True, text=True).stdout.splitlines()
        generate = next(i for i, line in enumerate(plan) if "course generate --strict" in line)
        run = next(i for i, line in enumerate(plan) if f"zensical {verb}" in line)
        assert generate < run, plan
