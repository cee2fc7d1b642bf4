"""Benchmarks: the weight of the quiz and case code, and the build time. Run with `make bench`.

Targets: course.js + course.css <= 6 KB gzipped; 0 bytes of it on pages without a quiz, case or
progress table; a full build in a few seconds. Also shown: the parts that docs/assets/site.js loads
where a page needs them, and what a quiz page and a case page load in all.
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
SITE_ASSETS = ROOT / "docs" / "assets"
BUDGET = 6 * 1024
PARTS = ("quiz.js", "case.js", "records.js", "zoom.js")
EVERY_PAGE = ("site.js", "site.css", "file-protocol.js")


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def main() -> int:
    sizes = {name: (len((ASSETS / name).read_bytes()), gzipped(ASSETS / name)) for name in ("course.js", "course.css")}
    total = sum(gz for _, gz in sizes.values())
    for name, (raw, gz) in sizes.items():
        print(f"{name:12} {raw:6d} bytes, {gz:5d} bytes gzipped")
    print(f"{'together':12} {total:5d} bytes gzipped (budget {BUDGET})")
    parts = {name: gzipped(SITE_ASSETS / name) for name in PARTS + EVERY_PAGE}
    for name in PARTS:
        print(f"{name:12} {parts[name]:5d} bytes gzipped, a part loaded only where a page needs it")
    print(f"{'every page':12} {sum(parts[n] for n in EVERY_PAGE):5d} bytes gzipped ({', '.join(EVERY_PAGE)})")
    print(f"{'quiz page':12} {total + parts['quiz.js']:5d} bytes gzipped of course code; a case page {total + parts['case.js']}")

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
