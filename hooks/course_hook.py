"""MkDocs adapter over the course core: load and check content, add generated pages,
and give pages with a quiz or case their script and style. Everything else is in course/."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from course import CourseError, ROOT, check_pages, load_course
from course.markdown_ext import CourseExtension
from course.schema import KINDS, SCHEMA_DIR

ASSET_DIR = Path(__file__).parent / "course" / "assets"
log = logging.getLogger("mkdocs.hooks.course")
ASSETS = ('<link rel="stylesheet" href="{root}assets/course/course.css">'
          '<script src="{root}assets/course/course.js"></script>')
NEEDS_ASSETS = ('class="quiz"', 'class="case"', 'class="course-progress"')


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    root = _root(config)
    try:
        course = load_course(root, Path(config.docs_dir))
    except CourseError as exc:
        raise PluginError(str(exc)) from None
    problems = check_pages(course, Path(config.docs_dir), root)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise PluginError(str(CourseError(errors)))
    for warning in (p for p in problems if p.warning):
        log.warning(str(warning))
    names = [e for e in config.markdown_extensions if isinstance(e, str)]
    configs = {k: v for k, v in config.mdx_configs.items() if k in names}
    config.markdown_extensions.append(CourseExtension(course=course, extensions=names, extension_configs=configs))
    config["course"] = course
    return config


def on_files(files, config):
    course = config["course"]
    pages = {
        "quizzes/index.md": "# All quizzes\n\n[quizzes]\n",
        "cases/index.md": "# All cases\n\n[cases]\n",
    }
    for quiz in course.quizzes.values():
        pages[f"quizzes/{quiz.id}.md"] = f"# {quiz.title}\n\nModule: [{course.modules[quiz.module].title}](../modules/{quiz.module}.md)\n\n[quiz: {quiz.id}]\n"
    for case in course.cases.values():
        pages[f"cases/{case.id}.md"] = f"# {case.title}\n\nModule: [{course.modules[case.module].title}](../modules/{case.module}.md)\n\n## The case\n\n[case: {case.id}]\n"
    for src_uri, content in pages.items():
        files.append(File.generated(config, src_uri, content=content))
    for asset in ("course.js", "course.css"):
        files.append(File.generated(config, f"assets/course/{asset}", abs_src_path=str(ASSET_DIR / asset)))
    for kind in KINDS:
        files.append(File.generated(config, f"schemas/{kind}.schema.json", abs_src_path=str(SCHEMA_DIR / f"{kind}.schema.json")))
    return files


def on_page_content(html, page, config, files):
    prefix = "../" * page.file.url.count("/")
    if any(marker in html for marker in NEEDS_ASSETS):
        html += ASSETS.format(root=ROOT)
    return html.replace(ROOT, prefix)


def on_post_page(output, page, config):
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    return output.replace('<div class="md-search" data-md-component="search" role="dialog"',
                          '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search"', 1)


def on_serve(server, config, builder):
    root = _root(config)
    for path in ("quizzes", "cases", "references.yml", "glossary.yml", "hooks/course"):
        if (root / path).exists():
            server.watch(str(root / path))
    return server
