"""Under `mkdocs serve` a broken file is reported, the server keeps running, and the fix is picked up."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from helpers import copy_course, edit

QUIZ = "quizzes/crisis-sample.yml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(predicate, seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except Exception:
        return None


def test_serve_reports_a_broken_file_keeps_running_and_recovers(tmp_path):
    course = copy_course(tmp_path)
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=course, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    url = f"http://127.0.0.1:{port}/modules/crisis.html"
    try:
        assert _wait_for(lambda: _status(url) == 200), log.read_text()
        original = (course / QUIZ).read_text(encoding="utf-8")
        edit(course / QUIZ, "feedback: Right; FVC", "feedbak: Right; FVC")
        message = f"{QUIZ}:16: question 1, option 2, feedbak: unknown field 'feedbak' (did you mean 'feedback'?)"
        assert _wait_for(lambda: message in log.read_text()), log.read_text()
        assert server.poll() is None, "the server stopped on a content error"
        (course / QUIZ).write_text(original, encoding="utf-8")
        assert _wait_for(lambda: log.read_text().count("Documentation built") >= 2), log.read_text()
        assert _status(url) == 200
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
