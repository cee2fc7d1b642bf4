"""The shipped scripts are exactly the concatenation of their parts in hooks/course/assets/js/ (see course/bundle.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from course import bundle


def test_shipped_scripts_are_the_concatenation_of_their_sources():
    for target in bundle.BUNDLES:
        text = target.read_text(encoding="utf-8")
        assert text == bundle.bundle(target), f"{target} is stale: run `make js` and commit it"
        for name in bundle.BUNDLES[target]:
            assert (bundle.SOURCES / name).read_text(encoding="utf-8").strip("\n") in text


def test_every_source_file_is_part_of_a_script():
    used = {name for parts in bundle.BUNDLES.values() for name in parts}
    assert sorted(p.name for p in bundle.SOURCES.glob("*.js")) == sorted(used), "list every file of assets/js/ in bundle.BUNDLES"


def test_the_check_fails_on_a_stale_script_and_make_js_fixes_it(tmp_path, monkeypatch):
    target = next(iter(bundle.BUNDLES))
    stale = tmp_path / target.name
    stale.write_text(bundle.bundle(target).replace("function", "funktion", 1), encoding="utf-8")
    monkeypatch.setattr(bundle, "BUNDLES", {stale: bundle.BUNDLES[target]})
    assert bundle.main(["--check"]) == 1
    assert bundle.main([]) == 0 and bundle.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == bundle.bundle(stale)


def test_the_script_runs_without_the_package_installed():
    result = subprocess.run([sys.executable, "-I", str(Path(bundle.__file__)), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
