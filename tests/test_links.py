"""No broken internal link or anchor anywhere in the built site (LinkChecker, internal URLs only)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def readable_site(real_site):
    # LinkChecker running as root drops to `nobody`, so the copy it reads must be world-readable.
    base = Path(tempfile.mkdtemp(prefix="course-links-"))
    site = base / "site"
    shutil.copytree(real_site, site)
    for path in [base, *base.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield site
    shutil.rmtree(base)


def test_no_broken_links_or_anchors(readable_site, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text("[AnchorCheck]\n")
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run(
        [str(linkchecker), "-f", str(config), "--no-status", "--verbose", "-o", "csv", (readable_site / "index.html").as_uri()],
        capture_output=True, text=True, cwd=tempfile.gettempdir(), env={**os.environ, "HOME": tempfile.gettempdir()},
    )
    # LinkChecker's comment lines start "# "; a row may start with "#" too (a link to an anchor on its own page),
    # and a quoted field may run over two lines, so only the comments are dropped before parsing.
    body = "\n".join(l for l in result.stdout.splitlines() if not (l.startswith("# ") or l == "#"))
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert any(r["urlname"].startswith("#ref-") for r in rows), "no link to a reference anchor was checked"
    pages = len(list(readable_site.rglob("*.html")))
    assert len(rows) > pages, f"LinkChecker checked only {len(rows)} URLs for {pages} pages:\n{result.stderr[-2000:]}"
    broken = [f"{r['parentname']}:{r['line']}: {r['urlname']}: {r['result'] or r['warningstring']}"
              for r in rows if r["valid"] != "True" or r["warningstring"]]
    assert broken == []
