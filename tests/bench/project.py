"""Private copies of a course project to build and edit: as it is, replicated to N items, or bare.

Everything is copied to a temporary folder, so the project measured (this checkout or another, given by
--root) is never written to. Its own hooks run: the copy's mkdocs.yml names them by absolute path, and
`course_env` puts that project's hooks/ first on PYTHONPATH.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

# What a copy leaves out: tools, outputs and code (the code is used where it is, never copied).
SKIP = {".git", ".venv", "site", "node_modules", "tests", "hooks", ".github", ".ci", "__pycache__",
        ".pytest_cache", "bench-results.json"}


def read_config(root: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (with !ENV resolved), as a plain dict we can edit and write back."""
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def write_config(config: dict, root: Path) -> None:
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def copy_project(source: Path, dest: Path) -> Path:
    """Copy the content and config of the project at source to dest, with its hooks named by absolute path."""
    source = Path(source).resolve()
    ignore = lambda folder, names: [n for n in names if n in SKIP or n.endswith(".egg-info")]
    shutil.copytree(source, dest, ignore=ignore)
    config = read_config(source)
    hooks = config.get("hooks") or []
    config["hooks"] = [str((source / h).resolve()) for h in hooks]
    # watched paths that were not copied (the code in hooks/) are watched where they are
    config["watch"] = [w if (dest / w).exists() else str((source / w).resolve()) for w in config.get("watch") or []]
    if not config["watch"]:
        config.pop("watch")
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir") and not (dest / theme["custom_dir"]).is_dir():
        # a theme override outside the project (the test course uses the repository's): name it absolutely
        theme["custom_dir"] = str((source / theme["custom_dir"]).resolve())
    write_config(config, dest)
    return dest


def hooks_dir(source: Path) -> Path:
    """Where the measured project's own course code lives: the folder holding its course hook."""
    for hook in read_config(source).get("hooks") or []:
        if Path(hook).name == "course_hook.py":
            return (Path(source) / hook).resolve().parent
    return Path(source).resolve() / "hooks"


def course_env(source: Path) -> dict:
    """The environment for a build: that project's `course` package first, no end-of-life banner."""
    path = os.pathsep.join(p for p in (str(hooks_dir(source)), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}
