"""Content errors: each names the file, the line, the field path and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    file: str
    line: int | None
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class CourseError(Exception):
    """Raised with every error found in one run, so authors fix them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(f"{len(errors)} problem(s) in the course content:\n{lines}")


def field_path(path: tuple) -> str:
    """('questions', 2, 'options', 0, 'feedback') -> 'question 3, option 1, feedback'.

    Counted from 1, as the site numbers questions ("Question 3 of 5") and as authors count list items;
    a list's name is made singular for its item (questions -> question 3, tags -> tag 1)."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int) and not out:
            out.append(f"item {part + 1}")
        elif isinstance(part, int):
            name = out.pop()
            single = name[:-1] if name.endswith("s") else f"{name} item"
            out.append(f"{single.replace('_', ' ')} {part + 1}")
        else:
            out.append(str(part))
    return ", ".join(out)
