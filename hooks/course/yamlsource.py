"""Read one YAML file safely, keeping the line of every value.

PyYAML's own loaders silently keep the last of two duplicate keys and will build
objects from tags; authors must hear about both. So we compose the node graph
(which stays small even for alias bombs) and build plain data ourselves.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ContentError, field_path

# Plain data only: anything else is a tag that would construct an object.
SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}
MAX_VALUES = 50_000  # far above any real quiz; far below what an alias bomb expands to

Positions = dict[tuple, int]
_FAST = getattr(yaml, "CSafeLoader", None)  # libyaml: some 30 times faster than the pure-Python parser


def _compose(text: str):
    """The node graph of text. libyaml composes it when it can; a file it rejects is parsed again by the
    pure-Python parser, whose error messages (and marks) are the ones authors are shown and the tests pin."""
    if _FAST is not None:
        try:
            return yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def line_of(positions: Positions, path: tuple) -> int | None:
    """The line of the value at path, or of its nearest parent that has one."""
    while path not in positions and path:
        path = path[:-1]
    return positions.get(path)


class _Stop(Exception):
    def __init__(self, error: ContentError):
        self.error = error


def read_yaml(path: Path, display: str, raw: bytes | None = None) -> tuple[object, Positions, list[ContentError]]:
    """Return (data, positions, errors); data is None when the file cannot be read at all. `raw`: its bytes, if read."""
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, {}, [ContentError(display, line, "", "the file is not UTF-8 text: save it as UTF-8 in your editor")]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote or bracket: point where it opened, not past the last line
        line = mark.line + 1 if mark else None
        return None, {}, [ContentError(display, line, "", _syntax_message(exc))]
    except yaml.YAMLError as exc:
        return None, {}, [ContentError(display, None, "", f"YAML error: {exc}")]
    if node is None:
        return None, {}, [ContentError(display, 1, "", "the file is empty (or holds only comments): write its content, or delete the file")]
    builder = _Builder(display)
    try:
        data = builder.build(node, ())
    except _Stop as stop:
        return None, builder.positions, [stop.error]
    return data, builder.positions, builder.errors


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    """What the author reads for a YAML syntax error: a tab has its own plain fix."""
    what = " ".join(p for p in (exc.context, exc.problem) if p)
    if "'\\t'" in what:
        return "YAML forbids tabs: indent with spaces"
    return f"YAML syntax error ({what}): check the indentation and quoting on this line and the one before"


def _written(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' -> '!!python/object', as the author wrote it."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    def __init__(self, display: str):
        self.display = display
        self.positions: Positions = {}
        self.errors: list[ContentError] = []
        self.count = 0
        self.active: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node, path):
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Stop(ContentError(self.display, node.start_mark.line + 1, "", f"the file expands to more than {MAX_VALUES} values (anchors and aliases that repeat each other?): write the content out plainly"))
        line = node.start_mark.line + 1
        self.positions.setdefault(path, line)
        if node.tag not in SAFE_TAGS:
            raise _Stop(ContentError(self.display, line, field_path(path), f"the YAML tag '{_written(node.tag)}' is not allowed: course files hold plain text, numbers, lists and mappings only; remove the tag"))
        if id(node) in self.active:
            raise _Stop(ContentError(self.display, line, field_path(path), "an alias refers to itself: remove the recursive anchor"))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value  # a date is text to us, as the author wrote it
            return self.constructor.construct_object(node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node, path):
        out: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Stop(ContentError(self.display, key_line, field_path(path), "merge keys (<<) are not supported: write the fields out"))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop(ContentError(self.display, key_line, field_path(path), "a key must be plain text"))
            key = key_node.value
            if key in out:
                first = self.positions.get(path + (key,), "?")
                self.errors.append(ContentError(self.display, key_line, field_path(path + (key,)), f"duplicate key '{key}' (first on line {first}): YAML would silently keep only the last one; merge them or rename one"))
                continue
            self.positions[path + (key,)] = key_line
            out[key] = self.build(value_node, path + (key,))
        return out



def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """(front matter YAML or None, line offset of that YAML in the file, the body)."""
    if not text.startswith("---"):
        return None, 0, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return None, 0, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), 1, "".join(lines[i + 1:])
    return None, 0, text


def read_front_matter(path: Path, display: str) -> tuple[dict | None, Positions, list[ContentError], str]:
    """(front matter, positions, errors, body) of a Markdown page; front matter is None when the page has none."""
    text = path.read_text(encoding="utf-8")
    yaml_text, offset, body = split_front_matter(text)
    if yaml_text is None or not yaml_text.strip():
        return None, {}, [], body
    try:
        node = _compose(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        return None, {}, [ContentError(display, line, "front matter", _syntax_message(exc))], body
    builder = _Builder(display)
    try:
        data = builder.build(node, ())
    except _Stop as stop:
        e = stop.error
        return None, {}, [ContentError(e.file, e.line + offset if e.line else None, e.field, e.message)], body
    positions = {path_: line + offset for path_, line in builder.positions.items()}
    errors = [ContentError(e.file, e.line + offset if e.line else None, e.field, e.message) for e in builder.errors]
    if not isinstance(data, dict):
        return None, positions, [ContentError(display, 1 + offset, "front matter", "front matter must be a mapping of fields (key: value lines)")], body
    return data, positions, errors, body
