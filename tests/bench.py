"""Benchmarks: the weight of the quiz and case code, and the build time. Run with `make bench`.

Targets: course.js + course.css <= 6 KB gzipped; 0 bytes of it on pages without a quiz, case or
progress table; a full build in a few seconds.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "hooks" / "course" / "assets"
BUDGET = 6 * 1024


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def main() -> int:
    sizes = {name: (len((ASSETS / name).read_bytes()), gzipped(ASSETS / name)) for name in ("course.js", "course.css")}
    total = sum(gz for _, gz in sizes.values())
    for name, (raw, gz) in sizes.items():
        print(f"{name:12} {raw:6d} bytes, {gz:5d} bytes gzipped")
    print(f"{'together':12} {total:5d} bytes gzipped (budget {BUDGET})")

    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out], cwd=ROOT, env=env, check=True)
        seconds = time.perf_counter() - start
        pages = list(Path(out).rglob("*.html"))
        with_code = [p for p in pages if "assets/course/course.js" in p.read_text(encoding="utf-8")]
        print(f"build        {seconds:.2f} s for {len(pages)} pages; quiz code on {len(with_code)} of them")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
