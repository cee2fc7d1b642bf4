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
    node, kind = _resolve(node or schema.schema(kind), kind)
    out = []
    required = set(node.get("required", ()))
    for name, sub in node.get("properties", {}).items():
        full = f"{prefix}{name}"
        resolved, where = _resolve(sub, kind)
        out.append((full, name in required, resolved.get("description", "")))
        if resolved.get("type") == "array" and "items" in resolved:
            items = resolved["items"]
            # {if: ..., then: A, else: B}: an item is one of two shapes (a question, or {use: id}); list both
            for branch in ([items["else"], items["then"]] if "then" in items else [items]):
                item, item_kind = _resolve(branch, where)
                if "properties" in item:
                    out += fields(item_kind, item, f"{full}[].")
        elif "properties" in resolved:
            out += fields(where, resolved, f"{full}.")
    return out


def field_table(kind: str, inline) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td><td>{'required' if req else 'optional'}</td><td>{inline(desc) if desc else ''}</td></tr>"
        for name, req, desc in fields(kind.strip())
    )
    return f'<table class="course-fields"><thead><tr><th scope="col">Field</th><th scope="col">Required</th><th scope="col">What it is</th></tr></thead><tbody>{rows}</tbody></table>'
