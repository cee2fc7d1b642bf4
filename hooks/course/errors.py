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
    """('questions', 3, 'options') -> 'questions[3].options'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
