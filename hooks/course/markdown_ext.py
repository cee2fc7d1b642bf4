"""A Python-Markdown extension: replaces course markers with rendered quizzes, cases and indexes,
and appends the glossary so abbreviations get tooltips on every page.

Usable without MkDocs (for example by Zensical, which runs Markdown extensions):

    markdown_extensions:
      - course.markdown_ext:
          root: .
"""

from __future__ import annotations

from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .load import load_course
from .markers import scan
from .render import Renderer
from .schemadoc import field_table

DEFAULT_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables", "md_in_html", "pymdownx.superfences"]


class CourseExtension(Extension):
    def __init__(self, course=None, **kwargs):
        self._course = course  # an already loaded Course: the MkDocs hook passes it, so content is read once
        self.config = {
            "root": [".", "Project root: the folder holding quizzes/, cases/, references.yml and glossary.yml"],
            "docs_dir": ["", "The docs folder; default ROOT/docs"],
            "extensions": [DEFAULT_EXTENSIONS, "Markdown extensions used for text inside quizzes and cases"],
            "extension_configs": [{}, "Their configuration"],
        }
        super().__init__(**kwargs)
        self._renderer: Renderer | None = None
        self._glossary_lines: list[str] | None = None

    @property
    def course(self):
        if self._course is None:
            docs = self.getConfig("docs_dir") or None
            self._course = load_course(Path(self.getConfig("root")), Path(docs) if docs else None)
        return self._course

    @property
    def glossary_lines(self) -> list[str]:
        if self._glossary_lines is None:
            self._glossary_lines = [f"*[{k}]: {v}" for k, v in self.course.glossary.items()]
        return self._glossary_lines

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            extensions = list(self.getConfig("extensions"))
            configs = dict(self.getConfig("extension_configs"))
            if "abbr" not in extensions:
                extensions.append("abbr")
            # abbr's own glossary option: far cheaper than appending the definitions to every fragment
            configs["abbr"] = {**configs.get("abbr", {}), "glossary": dict(self.course.glossary)}
            inner = markdown.Markdown(extensions=extensions, extension_configs=configs)

            def convert(text: str) -> str:
                inner.reset()
                return inner.convert(text)

            self._renderer = Renderer(self.course, convert)
        return self._renderer

    def render_marker(self, kind: str, argument: str | None) -> str:
        r = self.renderer
        if kind == "quiz":
            return r.quiz(argument)
        if kind == "case":
            return r.case(argument)
        if kind in ("quizzes", "cases"):
            return r.index(kind)
        if kind == "progress":
            return r.progress()
        if kind == "glossary":
            return r.glossary()
        if kind == "schema":
            return field_table(argument, r.inline)
        if kind == "module":
            return r.module(argument)
        if kind == "objectives":
            return r.objectives(argument)
        if kind == "practice":
            return r.practice(argument)
        keys = [k.strip() for k in argument.split(",")] if argument else None
        return r.references(keys)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        md.preprocessors.register(_Markers(md, self), "course_markers", 25)


class _Markers(Preprocessor):
    def __init__(self, md, extension: CourseExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        out = list(lines)
        for index, marker in reversed(scan(lines)):
            # raw HTML, not a stash placeholder, so MkDocs sees the anchors it holds
            out[index:index + 1] = ["", self.extension.render_marker(marker.kind, marker.argument), ""]
        if self.extension.glossary_lines:
            out += ["", *self.extension.glossary_lines]
        return out


def makeExtension(**kwargs):
    return CourseExtension(**kwargs)
