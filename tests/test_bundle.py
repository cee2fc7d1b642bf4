"""The shipped course.js is exactly the concatenation of hooks/course/assets/js/ (see course/bundle.py)."""

from __future__ import annotations

import subprocess
import sys

from course import bundle


def test_shipped_course_js_is_the_concatenation_of_its_sources():
    shipped = bundle.SHIPPED.read_text(encoding="utf-8")
    assert shipped == bundle.bundle(), "hooks/course/assets/course.js is stale: run `make js` and commit it"


def test_every_source_file_is_part_of_the_bundle():
    on_disk = sorted(p.name for p in bundle.SOURCES.glob("*.js"))
    assert on_disk == sorted(bundle.PARTS), "list every file of assets/js/ in bundle.PARTS (or delete it)"


def test_the_check_fails_on_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "course.js"
    stale.write_text(bundle.bundle().replace("function", "funktion", 1), encoding="utf-8")
    monkeypatch.setattr(bundle, "SHIPPED", stale)
    assert bundle.main(["--check"]) == 1
    assert bundle.main([]) == 0 and bundle.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == bundle.bundle()


def test_the_script_runs_without_the_package_installed():
    result = subprocess.run([sys.executable, "-I", str(bundle.Path(bundle.__file__)), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
