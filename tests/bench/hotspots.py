"""Where build time goes: one `mkdocs build` under cProfile, its time summed by package and by function.

Own time (tottime) is summed by the package a function lives in (markdown, pymdownx, material, mkdocs,
jinja2, yaml, jsonschema, the course's own code...), so the split adds up to the whole build; the top
functions by cumulative time then show which calls drive it.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
from pathlib import Path

GROUPS = (("hooks/course/", "course (ours)"), ("course_hook", "course (ours)"), ("/markdown/", "markdown"),
          ("/pymdownx/", "pymdownx"), ("/material/", "material"), ("/mkdocs/", "mkdocs"), ("/jinja2/", "jinja2"),
          ("/yaml/", "yaml"), ("/jsonschema", "jsonschema"), ("/referencing/", "jsonschema"), ("/rpds", "jsonschema"),
          ("/re/", "re (regex)"), ("re.Pattern", "re (regex)"), ("/xml/etree/", "xml.etree"),
          ("/html/", "html"), ("/babel/", "babel"), ("/pygments/", "pygments"))


def _group(filename: str, name: str) -> str:
    where = f"{filename}:{name}"
    return next((label for key, label in GROUPS if key in where), "other (stdlib, builtins)")


def profile(project: Path, out: Path, env: dict, top: int = 15) -> dict:
    prof = out / "build.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out / "site")]
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"profiled build failed:\n{result.stdout}{result.stderr}")
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    groups: dict[str, float] = {}
    for (filename, _, name), (_, _, tottime, _, _) in stats.stats.items():
        key = _group(filename, name)
        groups[key] = groups.get(key, 0.0) + tottime
    # the call stack down to mkdocs' build() holds ~100% of the time and says nothing: leave it out
    inner = [kv for kv in stats.stats.items() if kv[1][3] < 0.97 * total]
    by_cumulative = sorted(inner, key=lambda kv: kv[1][3], reverse=True)[:top]
    by_own = sorted(inner, key=lambda kv: kv[1][2], reverse=True)[:top]
    label = lambda f: f"{Path(f[0]).parent.name}/{Path(f[0]).name}:{f[1]} {f[2]}" if f[0] != "~" else f[2]
    row = lambda f, s: {"function": label(f), "calls": s[1], "cumulative_s": round(s[3], 2), "own_s": round(s[2], 2)}
    return {
        "total_s": round(total, 2), "profile": str(prof),
        "by_package": {k: round(v, 2) for k, v in sorted(groups.items(), key=lambda kv: -kv[1])},
        "top_cumulative": [row(f, s) for f, s in by_cumulative],
        "top_own": [row(f, s) for f, s in by_own],
    }
