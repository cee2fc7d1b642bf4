"""MkDocs adapter over the course core, and nothing more: before each build, load and check the course and
write the generated pages (course.site.prepare, which `course generate` runs for Zensical), failing the
build on errors and logging warnings so that --strict fails on them too. All per-page work is done by the
Markdown extension `course.markdown_ext`, listed in mkdocs.yml, so it runs the same under both engines."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from course import CourseError
from course.site import prepare

log = logging.getLogger("mkdocs.hooks.course")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        prepared = prepare(Path(config.config_file_path).parent, Path(config.docs_dir))
    except CourseError as exc:
        raise PluginError(str(exc)) from None
    for warning in prepared.warnings:
        log.warning(str(warning))
    return config
