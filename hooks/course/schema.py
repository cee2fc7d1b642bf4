"""JSON Schema checks of course files, with messages that tell the author what to do."""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .errors import ContentError, field_path
from .yamlsource import line_of

SCHEMA_DIR = Path(__file__).parent / "schemas"
KINDS = ("quiz", "case", "references", "glossary", "tags", "module")


@lru_cache(maxsize=None)
def schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(kind: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (f"{k}.schema.json", Resource.from_contents(schema(k))) for k in KINDS
    )
    return Draft202012Validator(schema(kind), registry=registry)


def check(kind: str, data, positions: dict, display: str) -> list[ContentError]:
    errors = []
    for err in _misspelt_required_dropped(list(_validator(kind).iter_errors(data))):
        path = tuple(err.absolute_path)
        line = line_of(positions, path)
        message, at = _explain(err)
        if at is not None:
            path = path + (at,)
            line = positions.get(path, line)
        error = ContentError(display, line, field_path(path), message)
        if error not in errors:  # "" breaks both minLength and pattern: say it once
            errors.append(error)
    errors.sort(key=lambda e: (e.line or 0, e.field))
    return errors


def _misspelt_required_dropped(found: list) -> list:
    """One misspelt required field breaks two rules: 'missing feedback' and 'unknown field feedbak'.
    Keep only the second, whose did-you-mean names the fix, so one typo gives one message."""
    unknown: dict[tuple, set[str]] = {}
    for err in found:
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = err.schema.get("properties", {})
            unknown[tuple(err.absolute_path)] = {k for k in err.instance if k not in allowed}
    kept = []
    for err in found:
        if err.validator == "required" and unknown.get(tuple(err.absolute_path)):
            missing = err.message.split("'")[1]
            if any(difflib.get_close_matches(extra, [missing], n=1) for extra in unknown[tuple(err.absolute_path)]):
                continue
        kept.append(err)
    return kept


_KIND_NAMES = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
    "array": "a list (lines starting with '- ')", "object": "a mapping of fields (key: value lines)", "null": "nothing",
}


def _found(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/true/false/on/off as true or false)"
    for py, name in ((str, "text"), (int, "a number"), (float, "a number"), (list, "a list"), (dict, "a mapping")):
        if isinstance(value, py):
            return name
    return type(value).__name__


def _explain(err) -> tuple[str, str | None]:
    """Return (message, extra path part) for one jsonschema error."""
    v, value, sch = err.validator, err.instance, err.schema
    if v == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(sch.get("properties", {}))
        extra = sorted(k for k in value if k not in allowed)
        key = extra[0]
        if value[key] is None and not re.fullmatch(r"[A-Za-z_-]+", key):
            # {name: Power (neck, hip), value: 3}: the comma ended the text, and its tail became a key
            return f"unknown field '{key}': if it is the end of the text before it, put that whole text in quotes (inside {{ }} a comma ends a value)", key
        hint = difflib.get_close_matches(key, allowed, n=1)
        did = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"unknown field '{key}'{did}: use one of {', '.join(allowed)}", key
    if v == "required":
        missing = err.message.split("'")[1]
        return f"missing required field '{missing}': add it", None
    if v == "anyOf" and all(set(branch) == {"required"} for branch in sch["anyOf"]):
        names = " or ".join(f"'{branch['required'][0]}'" for branch in sch["anyOf"])
        return f"missing required field: add {names}", None
    if v == "type":
        wanted = sch["type"] if isinstance(sch["type"], list) else [sch["type"]]
        names = " or ".join(_KIND_NAMES.get(t, t) for t in wanted)
        fix = "; put text in quotes if it looks like a number or yes/no" if "string" in wanted else ""
        return f"expected {names}, found {_found(value)}{fix}", None
    if v in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "empty text: write it, or remove the field if it is optional", None
    if v == "pattern" and sch.get("pattern", "").startswith("^[a-z0-9]"):
        return f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens, for example 'gbs-vital-capacity'", None
    if v == "pattern" and sch.get("pattern", "").startswith("^http"):
        return f"'{value}' is not a web address: start it with https://", None
    if v == "pattern":
        return f"'{value}' has characters not allowed here (expected pattern {sch['pattern']})", None
    if v == "minItems":
        return f"needs at least {sch['minItems']} item(s), found {len(value)}", None
    if v == "maxItems":
        return f"allows at most {sch['maxItems']} items, found {len(value)}: split the question or drop weak options", None
    if v == "maxLength":
        return f"is too long (at most {sch['maxLength']} characters)", None
    if v == "enum":
        choices = ", ".join(str(c) for c in sch["enum"])
        return f"'{value}' is not allowed here: use one of {choices}", None
    if v == "propertyNames":
        return f"'{value}' is not a valid key here (pattern {sch.get('pattern')})", None
    return err.message, None
