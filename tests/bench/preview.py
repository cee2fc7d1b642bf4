"""Preview latency: under `mkdocs serve`, how long from saving one quiz file until the served page shows it.

The server runs on 127.0.0.1 in a copy of the course and is stopped by its process id. Each edit adds a
unique word to the first question's stem; the quiz's page is polled until the word appears. The
server's CPU time for the rebuild is read from /proc, to tell the work from the machine's load.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from course.yamlsource import read_yaml

POLL = 0.05


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def _cpu(pid: int) -> float:
    """User + system seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(POLL)
    return False


def measure(project: Path, env: dict, edits: int = 3, timeout: float = 300, say=print) -> dict:
    """Latency of `edits` successive one-file edits, each waited for before the next."""
    quiz_file = sorted((project / "quizzes").glob("*.y*ml"))[0]
    data, _, errors = read_yaml(quiz_file, quiz_file.name)
    if errors:
        raise SystemExit(f"cannot edit {quiz_file}: {errors[0]}")
    url_path = f"quizzes/{data['id']}.html"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    log = open(project / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    samples = []
    try:
        if not _wait(lambda: _get(url) is not None, timeout):
            raise SystemExit(f"mkdocs serve did not come up in {timeout:.0f} s:\n{(project / 'serve.log').read_text()}")
        time.sleep(1)  # let the watcher settle after the first build
        stem = data["questions"][0]["stem"]
        for n in range(edits):
            word = f"benchedit{os.getpid()}x{n}"
            data["questions"][0]["stem"] = f"{stem.rstrip()}\n\n{word}\n"
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
            cpu_before = _cpu(server.pid)
            start = time.perf_counter()
            quiz_file.write_text(text, encoding="utf-8")
            if not _wait(lambda: word in (_get(url) or ""), timeout):
                raise SystemExit(f"the edit never showed on {url} within {timeout:.0f} s:\n{(project / 'serve.log').read_text()[-2000:]}")
            samples.append({"wall": round(time.perf_counter() - start, 3), "cpu": round(_cpu(server.pid) - cpu_before, 3)})
            say(f"    edit {n + 1}/{edits}: shown after {samples[-1]['wall']:.2f} s ({samples[-1]['cpu']:.2f} s server CPU)")
            time.sleep(0.5)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return {"page": url_path, "file": quiz_file.name, "edits": samples,
            "median": {k: round(statistics.median(s[k] for s in samples), 3) for k in ("wall", "cpu")}}
