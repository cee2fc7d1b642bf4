"""Timed builds, ours and bare interleaved, each measured as wall time and as CPU time, with MkDocs or with
Zensical (which runs no hook: ours is built as `make build ENGINE=zensical` does, `course generate --strict`
first, and that step is timed as part of the build; the bare twin needs no such step).

CPU time (user + system of the build process) is the work the build does; wall time is what an author
waits. On an idle machine they agree to within a few percent; on a shared, loaded one wall time grows
with the load and CPU time barely moves, so the ratios are taken from CPU time and both are reported.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _run(cmd: list[str], project: Path, env: dict) -> None:
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(cmd[1:4])} failed in {project}:\n{result.stdout}{result.stderr}")


def build(project: Path, out: Path, env: dict, engine: str = "mkdocs") -> dict:
    """Build once; {'wall': s, 'cpu': s}. A failed build stops the benchmark with the engine's own message."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if engine == "mkdocs":
        _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], project, env)
    else:  # Zensical writes to the config's site_dir, inside the copy
        ours = _has_course_hook(project)
        if ours:
            _run([sys.executable, "-m", "course", "generate", "--strict", str(project)], project, env)
        # the bare twin keeps the pages' links to reference anchors that only the course renders, which
        # Zensical's --strict rejects (MkDocs only notes them), so the twin is built without it
        strict = ["--strict"] if ours else []
        _run([str(Path(sys.executable).with_name("zensical")), "build", *strict, "--clean"], project, env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(wall, 3), "cpu": round(cpu, 3)}


def _has_course_hook(project: Path) -> bool:
    return "course_hook.py" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def zensical_installed() -> bool:
    return Path(sys.executable).with_name("zensical").exists()


def interleaved(ours: Path, bare: Path, out: Path, env: dict, runs: int, say=print, engine: str = "mkdocs") -> dict:
    """Build ours, bare, ours, bare... `runs` times each; medians, every run, and the ratios of the medians."""
    samples = {"ours": [], "bare": []}
    for n in range(runs):
        for side, project in (("ours", ours), ("bare", bare)):
            samples[side].append(build(project, out / side, env, engine))
            say(f"    run {n + 1}/{runs} {side}{' (Zensical)' if engine != 'mkdocs' else ''}: {samples[side][-1]['wall']:.2f} s wall, {samples[side][-1]['cpu']:.2f} s CPU")
    median = {side: {k: round(statistics.median(s[k] for s in runs_), 3) for k in ("wall", "cpu")}
              for side, runs_ in samples.items()}
    ratio = {k: round(median["ours"][k] / median["bare"][k], 2) for k in ("wall", "cpu")}
    return {"runs": samples, "median": median, "ratio": ratio}
