"""Lighthouse (mobile) over the main kinds of page, ours beside bare in one run.

Both sites are served gzipped on 127.0.0.1 (as a real host would send them; Python's own server does not
compress). Lighthouse comes from the npm registry at the version pinned in package.json beside this file,
installed into node_modules/ here on first use; the browser is Debian's Chromium. Runs alternate ours,
bare, ours, bare, and each page is measured `repeat` times (medians reported), so both sides see the same
machine load.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


def ensure_installed(say=print) -> Path:
    """Install the pinned Lighthouse with npm if it is not there yet (no lock file is written)."""
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            raise SystemExit("Lighthouse needs Node.js and npm (Debian: apt-get install nodejs npm), or run with --no-lighthouse")
        say("  installing Lighthouse from the npm registry (package.json in tests/bench)...")
        subprocess.run(["npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium not found at {CHROMIUM}: apt-get install chromium, or set CHROMIUM=/path/to/chromium")
    return LIGHTHOUSE


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as they are, gzipped when the client accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class GzipServer:
    def __init__(self, directory: Path):
        handler = functools.partial(_GzipHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def run_once(url: str, timeout: float = 240) -> dict:
    """One Lighthouse run: the four category scores (0-100), total blocking time and LCP (ms), the audits that
    kept a category under 100, and Lighthouse's own CPU benchmark index (lower means a busier machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(FLAGS + [f"--user-data-dir={Path(tmp) / 'profile'}"])
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        result = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=timeout)
        if result.returncode or not report.exists():
            return {"error": (result.stderr or result.stdout)[-500:]}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) if data["categories"][c]["score"] is not None else None for c in CATEGORIES}
    tbt = data["audits"]["total-blocking-time"]["numericValue"]
    failed = {c: [a["id"] for a in data["categories"][c]["auditRefs"]
                  if a["weight"] and data["audits"][a["id"]]["score"] is not None and data["audits"][a["id"]]["score"] < 1]
              for c in CATEGORIES if c != "performance"}
    return {**scores, "tbt_ms": round(tbt), "lcp_ms": round(data["audits"]["largest-contentful-paint"]["numericValue"]),
            "failed_audits": {c: ids for c, ids in failed.items() if ids},
            "dom_size": round(data["audits"]["dom-size"].get("numericValue") or 0),
            "benchmark_index": round(data.get("environment", {}).get("benchmarkIndex", 0))}


def _median(runs: list[dict]) -> dict | None:
    """The median of each figure over the runs that worked, with every run kept; None if none worked."""
    good = [r for r in runs if "error" not in r]
    if not good:
        return runs[-1] if runs else None
    keys = [*CATEGORIES, "tbt_ms", "lcp_ms", "dom_size", "benchmark_index"]
    out = {k: statistics.median(r.get(k) or 0 for r in good) for k in keys}
    out = {k: round(v) for k, v in out.items()}
    failed: dict[str, set] = {}
    for r in good:
        for c, ids in r["failed_audits"].items():
            failed.setdefault(c, set()).update(ids)
    return {**out, "failed_audits": {c: sorted(ids) for c, ids in failed.items()}, "runs": runs}


def run(ours: Path, bare: Path, pages: dict[str, str], repeat: int = 3, say=print) -> dict:
    """pages: kind -> site path. Each page `repeat` times on each side, interleaved (every page ours then
    bare, then again); returns kind -> {'page', 'ours': medians, 'bare': medians or None}."""
    ensure_installed(say)
    roots = {"ours": ours, "bare": bare}
    servers = {side: GzipServer(root) for side, root in roots.items()}
    runs = {kind: {side: [] for side in roots} for kind in pages}
    try:
        for n in range(repeat):
            for kind, path in pages.items():
                for side, server in servers.items():
                    if not (roots[side] / path).is_file():
                        continue
                    scores = run_once(server.url + path)
                    runs[kind][side].append(scores)
                    say(f"    {n + 1}/{repeat} {kind:12} {side}: " + (scores["error"][:200] if "error" in scores else
                        f"performance {scores['performance']}, TBT {scores['tbt_ms']} ms, a11y {scores['accessibility']}, "
                        f"best practices {scores['best-practices']}, SEO {scores['seo']}, CPU index {scores['benchmark_index']}"))
    finally:
        for server in servers.values():
            server.stop()
    return {kind: {"page": pages[kind], **{side: _median(r) for side, r in sides.items()}} for kind, sides in runs.items()}
