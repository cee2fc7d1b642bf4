"""The field reference of the authoring guide, written from the JSON Schema's own descriptions."""

from __future__ import annotations

from html import escape

from . import schema


def _resolve(node: dict, kind: str) -> tuple[dict, str]:
    """Follow $ref chains (within and across our schema files) to the schema they name."""
    seen = 0
    while "$ref" in node and seen < 10:
        ref = node["$ref"]
        target_file, _, pointer = ref.partition("#")
        doc = schema.schema(target_file.split(".")[0]) if target_file else schema.schema(kind)
        target = doc
        for part in pointer.strip("/").split("/"):
            target = target[part]
        kind = target_file.split(".")[0] if target_file else kind
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        seen += 1
    return node, kind


def fields(kind: str, node: dict | None = None, prefix: str = "") -> list[tuple[str, bool, str]]:
    """(field path, required, description) for every field, depth first."""
    return [(name, req, desc) for name, req, desc, _, _ in _walk(kind, node, prefix)]


def _walk(kind: str, node: dict | None, prefix: str):
    """(field path, required, description, its resolved schema, the schema file it is in) for every field."""
    node, kind = _resolve(node or schema.schema(kind), kind)
    out = []
    required = set(node.get("required", ()))
    for name, sub in node.get("properties", {}).items():
        full = f"{prefix}{name}"
        resolved, where = _resolve(sub, kind)
        out.append((full, name in required, resolved.get("description", ""), resolved, where))
        if resolved.get("type") == "array" and "items" in resolved:
            items = resolved["items"]
            # {if: ..., then: A, else: B}: an item is one of two shapes (a question, or {use: id}); list both
            for branch in ([items["else"], items["then"]] if "then" in items else [items]):
                item, item_kind = _resolve(branch, where)
                if "properties" in item:
                    out += _walk(item_kind, item, f"{full}[].")
        elif "properties" in resolved:
            out += _walk(where, resolved, f"{full}.")
    return out


def field_table(kind: str, inline) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td><td>{'required' if req else 'optional'}</td><td>{inline(desc) if desc else ''}</td></tr>"
        for name, req, desc in fields(kind.strip())
    )
    return f'<table class="course-fields"><thead><tr><th scope="col">Field</th><th scope="col">Required</th><th scope="col">What it is</th></tr></thead><tbody>{rows}</tbody></table>'


# -- the committed field reference (docs/authoring/fields.md) ---------------------------------------------

SECTIONS = (
    ("quiz", "Quiz files", "`quizzes/<quiz>.yml`: one quiz."),
    ("case", "Case files", "`cases/<case>.yml`: one unfolding case."),
    ("module", "Module front matter", "The front matter of `docs/modules/<module>.md`, between the `---` lines at the top."),
    ("references", "References", "`references.yml` (or files in `references/`): one entry per source, under its key; `KEY` stands for the key."),
    ("tags", "Tags", "`tags.yml`: the tag vocabulary, `TAG: what it covers`."),
    ("glossary", "Glossary", "`glossary.yml`: `ABBREVIATION: what it stands for`."),
)
ID_RULE = "an id: lowercase letters, digits and single hyphens (`gbs-vital-capacity`), at most 60 characters"


def allowed(node: dict, kind: str) -> str:
    """The values a field accepts, in words: what the field reference's last column says."""
    node, _ = _resolve(node, kind)
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    kinds = node.get("type")
    if node.get("pattern", "").startswith("^[a-z0-9]+(-[a-z0-9]+)*$"):
        return ID_RULE
    if node.get("pattern", "").startswith("^http"):
        return "a web address starting with https://"
    if kinds == "boolean":
        return "`true` or `false`"
    if kinds == "integer":
        bounds = [f"from {node['minimum']}" if "minimum" in node else "", f"to {node['maximum']}" if "maximum" in node else ""]
        return " ".join(["a whole number", *[b for b in bounds if b]])
    if kinds == "array":
        items, _ = _resolve(node.get("items", {}), kind)
        limits = [f"at least {node['minItems']}" if "minItems" in node else "", f"at most {node['maxItems']}" if "maxItems" in node else ""]
        what = "a list" + (f" ({', '.join(x for x in limits if x)})" if any(limits) else "")
        if items.get("type") == "string" and "properties" not in items:
            return what + " of " + (allowed(items, kind) if items.get("pattern") else "texts")
        return what
    if kinds == "object" or "properties" in node:
        return "fields, below"
    if isinstance(kinds, list):
        return " or ".join({"string": "text", "integer": "a whole number", "number": "a number"}.get(k, k) for k in kinds)
    if node.get("pattern") and node["pattern"] != "\\S":
        return f"text matching `{node['pattern']}`"
    return "text" + (" (Markdown)" if "Markdown" in node.get("description", "") else "")


def _rows(kind: str) -> list[tuple[str, bool, str, str]]:
    doc = schema.schema(kind)
    if kind == "references":
        entry = doc["$defs"]["entry"]
        return [(f"KEY.{name}", req, desc, allowed(node, where)) for name, req, desc, node, where in _walk(kind, entry, "")]
    if kind in ("tags", "glossary"):
        return [("KEY" if kind == "glossary" else "TAG", True, doc["additionalProperties"].get("description", doc["description"]), "text")]
    return [(name, req, desc, allowed(node, where)) for name, req, desc, node, where in _walk(kind, None, "")]


def reference_markdown() -> str:
    out = ["<!-- Generated from hooks/course/schemas/ by `python -m course.schemadoc > docs/authoring/fields.md`: do not edit by hand. -->", "",
           "# Every field", "",
           "Written from the JSON Schemas the build checks with (`hooks/course/schemas/`), so it is always what the "
           "build accepts. *Required* fields must be there; *Allowed* says what values the build takes.", ""]
    for kind, title, intro in SECTIONS:
        out += [f"## {title}", "", intro, "", "| Field | Required | Allowed | What it is |", "|---|---|---|---|"]
        for name, req, desc, values in _rows(kind):
            cell = " ".join(desc.split()).replace("|", "\\|")
            out.append(f"| `{name}` | {'required' if req else 'optional'} | {values} | {cell} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(reference_markdown(), end="")
