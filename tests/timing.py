"""A simple timing script for the rendering work (issue 10's "where the time goes"): not a test, not the benchmark.

    .venv/bin/python tests/timing.py [--engine mkdocs|zensical] [--runs 3]
    .venv/bin/python tests/timing.py --cpu      # CPU seconds in-process: steady on a busy machine

Prints, on a private copy of the real course:
- build: wall time of a full `build --strict` (median of the runs), Python start-up included;
- preview: under `serve`, the time from saving one quiz file to the server having rebuilt with the change.
`make bench` (tests/bench.py) is the benchmark proper; this script only compares before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ("docs", "quizzes", "cases", "references", "hooks", "overrides", "mkdocs.yml", "references.yml", "glossary.yml", "tags.yml")


def _copy(dest: Path) -> Path:
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def _engine_cmd(engine: str, verb: str) -> list[str]:
    exe = Path(sys.executable).with_name(engine)
    return [str(exe), verb]


def _prepare(project: Path) -> None:
    """Write the generated pages first where the project has a generator (the engines read them from disk)."""
    if (project / "hooks/course/pages.py").is_file():  # older versions made their pages in the hook alone
        course = Path(sys.executable).with_name("course")
        subprocess.run([str(course), "generate", str(project)], check=True, capture_output=True)


def build_time(project: Path, engine: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = project / "site"
    start = time.perf_counter()
    cmd = _engine_cmd(engine, "build") + ["--strict"] + (["-q", "-d", str(out)] if engine == "mkdocs" else [])
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def preview_latency(project: Path, engine: str) -> float:
    """Seconds from saving a changed quiz file to the served quiz page showing the change."""
    quiz = sorted((project / "quizzes").glob("*.yml"))[0]
    quiz_id = quiz.stem
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = _engine_cmd(engine, "serve") + ["--dev-addr", f"127.0.0.1:{port}"]
    log = open(project / "serve.log", "w")
    server = subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/quizzes/{quiz_id}.html"
    try:
        end = time.monotonic() + 120
        while "<html" not in _get(url):
            if time.monotonic() > end or server.poll() is not None:
                raise SystemExit("the server did not start:\n" + (project / "serve.log").read_text())
            time.sleep(0.2)
        time.sleep(1.5)  # let the first build's watchers settle
        text = quiz.read_text(encoding="utf-8")
        word = f"Timingword{int(time.time())}"
        marker = "explanation: "
        assert marker in text, f"no explanation in {quiz}"
        start = time.perf_counter()
        quiz.write_text(text.replace(marker, marker + word + " ", 1), encoding="utf-8")
        while word not in _get(url):
            if time.perf_counter() - start > 60:
                raise SystemExit("the change never showed:\n" + (project / "serve.log").read_text())
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        built = re.findall(r"Documentation built in ([0-9.]+) seconds", (project / "serve.log").read_text())
        if engine == "mkdocs" and built:
            print(f"  (of which MkDocs' own rebuild: {built[-1]} s)")
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def cpu_times(project: Path) -> tuple[float, float]:
    """CPU seconds (this process) of a first MkDocs build, and of the rebuild `mkdocs serve` does after one quiz
    file is saved (serve rebuilds in the same process, so the course's caches are warm). CPU time, unlike wall
    time, does not move with the load of a shared machine."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.WARNING)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(project)
    try:
        start = time.process_time()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-cpu")))
        first = time.process_time() - start
        quiz = sorted((project / "quizzes").glob("*.yml"))[0]
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("explanation: ", "explanation: Edited ", 1), encoding="utf-8")
        start = time.process_time()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-cpu")), dirty=False)
        again = time.process_time() - start
    finally:
        os.chdir(cwd)
        logging.disable(logging.NOTSET)
    return first, again


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="mkdocs", choices=("mkdocs", "zensical"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument("--cpu", action="store_true", help="MkDocs only: CPU seconds of a build and of a serve rebuild")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="course-timing-") as tmp:
        project = _copy(Path(tmp))
        _prepare(project)
        if args.cpu:
            first, again = cpu_times(project)
            print(f"mkdocs: CPU {first:.2f} s for a build, {again:.2f} s for the rebuild after a one-quiz edit")
            return 0
        builds = [build_time(project, args.engine) for _ in range(args.runs)]
        print(f"{args.engine}: build {statistics.median(builds):.2f} s (median of {len(builds)}: "
              + ", ".join(f"{b:.2f}" for b in builds) + ")")
        if not args.no_preview:
            previews = [preview_latency(project, args.engine) for _ in range(args.runs)]
            print(f"{args.engine}: preview after editing one quiz {statistics.median(previews):.2f} s (median of "
                  f"{len(previews)}: " + ", ".join(f"{p:.2f}" for p in previews) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
