"""page_context.current_page reads each engine's internals: a test under each, with the engine's own objects,
and the built sites show the result (links from a nested page climb to the site root)."""

from __future__ import annotations

from pathlib import Path

import markdown

from course.page_context import UNKNOWN, current_page


def test_under_mkdocs_the_page_comes_from_its_relpath_treeprocessor(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import _RelativePathTreeprocessor

    (tmp_path / "docs" / "modules").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nuse_directory_urls: false\n", encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "use_directory_urls": False, "docs_dir": str(tmp_path / "docs")})
    assert config.validate() == ([], [])
    file = File("modules/icu.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=False)
    md = markdown.Markdown()
    _RelativePathTreeprocessor(file, Files([file]), config)._register(md)  # as mkdocs.structure.pages.Page.render does
    page = current_page(md)
    assert (page.src_path, page.url, page.engine) == ("modules/icu.md", "modules/icu.html", "mkdocs")
    assert page.docs_dir == tmp_path / "docs" and page.config_dir == tmp_path


def test_under_zensical_the_page_comes_from_its_rendering_context():
    from zensical.extensions.context import ContextExtension, Page

    context = ContextExtension(page=Page(url="cases/gbs.html", path="cases/gbs.md"),
                               config={"root_dir": "/project", "docs_dir": "docs"})
    md = markdown.Markdown(extensions=[context])  # as zensical.markdown.render.render does
    page = current_page(md)
    assert (page.src_path, page.url, page.engine) == ("cases/gbs.md", "cases/gbs.html", "zensical")
    assert page.docs_dir == Path("/project/docs") and page.config_dir == Path("/project")


def test_plain_markdown_has_no_page():
    assert current_page(markdown.Markdown()) is UNKNOWN


def test_each_engine_fills_in_the_path_to_the_root(fixture_site, engine):
    nested = (fixture_site / "quizzes/crisis-sample.html").read_text(encoding="utf-8")
    top = (fixture_site / "progress.html").read_text(encoding="utf-8")
    assert '<script src="../assets/course/course.js"></script>' in nested, engine
    assert 'href="../modules/crisis.html">Back to module: Myasthenic vs cholinergic crisis</a>' in nested
    assert '<script src="assets/course/course.js"></script>' in top
    assert "%%COURSE_ROOT%%" not in nested + top
    assert "course.js" not in (fixture_site / "index.html").read_text(encoding="utf-8")


def test_mkdocs_checks_links_to_anchors_inside_rendered_markers(tmp_path):
    """Markers' HTML is stashed, out of MkDocs' sight, so the extension tells MkDocs its ids (announce_anchors)."""
    from helpers import copy_course, edit, mkdocs_build

    root = copy_course(tmp_path)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "validation:\n  anchors: warn\n",
                                     encoding="utf-8")
    edit(root / "docs/index.md", "[the crisis module](modules/crisis.md)",
         "[the crisis module](modules/crisis.md#question-sample-q1)")
    good = mkdocs_build(root, tmp_path / "good")
    assert good.returncode == 0, good.stderr
    edit(root / "docs/index.md", "#question-sample-q1", "#question-sample-q9")
    bad = mkdocs_build(root, tmp_path / "bad")
    assert bad.returncode != 0 and "question-sample-q9" in bad.stderr


def test_under_zensical_a_new_quiz_gets_its_page_while_serving(tmp_path):
    """Zensical has no build hook: the extension writes the generated pages when the course changes."""
    from zensical.extensions.context import ContextExtension, Page

    from course.markdown_ext import CourseExtension
    from helpers import copy_course

    root = copy_course(tmp_path)

    def render_a_page():
        context = ContextExtension(page=Page(url="index.html", path="index.md"),
                                   config={"root_dir": str(root), "docs_dir": "docs"})
        markdown.markdown("# Start\n", extensions=[context, CourseExtension(root=".")])

    render_a_page()
    assert (root / "docs/quizzes/crisis-sample.md").is_file()
    new = (root / "quizzes/crisis-sample.yml").read_text(encoding="utf-8").replace("id: crisis-sample", "id: third") \
        .replace("id: sample-q", "id: third-q")
    (root / "quizzes/third.yml").write_text(new, encoding="utf-8")
    render_a_page()
    assert "[quiz: third]" in (root / "docs/quizzes/third.md").read_text(encoding="utf-8")
