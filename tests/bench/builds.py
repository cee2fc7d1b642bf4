"""Timed `mkdocs build`s, ours and bare interleaved, each measured as wall time and as CPU time.

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


def build(project: Path, out: Path, env: dict) -> dict:
    """Build once; {'wall': s, 'cpu': s}. A failed build stops the benchmark with MkDocs's own message."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(wall, 3), "cpu": round(cpu, 3)}


def interleaved(ours: Path, bare: Path, out: Path, env: dict, runs: int, say=print) -> dict:
    """Build ours, bare, ours, bare... `runs` times each; medians, every run, and the ratios of the medians."""
    samples = {"ours": [], "bare": []}
    for n in range(runs):
        for side, project in (("ours", ours), ("bare", bare)):
            samples[side].append(build(project, out / side, env))
            say(f"    run {n + 1}/{runs} {side}: {samples[side][-1]['wall']:.2f} s wall, {samples[side][-1]['cpu']:.2f} s CPU")
    median = {side: {k: round(statistics.median(s[k] for s in runs_), 3) for k in ("wall", "cpu")}
              for side, runs_ in samples.items()}
    ratio = {k: round(median["ours"][k] / median["bare"][k], 2) for k in ("wall", "cpu")}
    return {"runs": samples, "median": median, "ratio": ratio}
