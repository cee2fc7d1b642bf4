"""`make bench` (python -m tests.bench): build ratio at several sizes, preview latency, page weight and
Lighthouse, ours beside the bare twin; a Markdown table on stdout and everything in bench-results.json.

    python -m tests.bench                    # the full run: real size, 1,000 and 10,000 items, Lighthouse
    python -m tests.bench --quick            # real size, one run each, no Lighthouse: well under a minute
    python -m tests.bench --sizes real,1000 --no-lighthouse
    python -m tests.bench --root ../other-checkout    # measure another version of the course
    python -m tests.bench --profile 1000 --sizes real --no-lighthouse --no-preview
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _parse_sizes(text: str) -> list[int | str]:
    sizes = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if part:
            sizes.append("real" if part == "real" else int(part))
    return sizes


def _args(argv):
    p = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--root", type=Path, default=REPO, help="the course project to measure (default: this checkout); it is copied, never written to")
    p.add_argument("--sizes", type=_parse_sizes, default=_parse_sizes("real,1000,10000"), help="comma-separated: real and/or item counts (default real,1000,10000)")
    p.add_argument("--runs", type=int, default=3, help="builds of each side per size, interleaved (default 3)")
    p.add_argument("--edits", type=int, default=3, help="one-file edits timed under mkdocs serve (default 3)")
    p.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs of each page on each side, medians reported (default 3)")
    p.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    p.add_argument("--no-preview", action="store_true", help="skip the mkdocs serve preview latency")
    p.add_argument("--no-zensical", action="store_true", help="skip the Zensical builds at the real size")
    p.add_argument("--no-mainthread", action="store_true", help="skip the main-thread time of each page in Chromium")
    p.add_argument("--quick", action="store_true", help="real size only, one run each, one edit, no Lighthouse")
    p.add_argument("--profile", metavar="SIZE", help="also profile one build of ours at SIZE (real or an item count) with cProfile")
    p.add_argument("--report", type=Path, metavar="JSON", help="print the tables of an earlier run's JSON and stop")
    p.add_argument("--output", type=Path, default=REPO / "bench-results.json", help="where to write the JSON (default bench-results.json)")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.edits, args.no_lighthouse = ["real"], 1, 1, True
    return args


def _machine(root: Path) -> dict:
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count(),
            "load_before": round(os.getloadavg()[0], 2), "python": sys.version.split()[0],
            "mkdocs": version("mkdocs"), "material": version("mkdocs-material"),
            "project": "this checkout" if root == REPO else str(root), "commit": commit or "not a git checkout"}


def main(argv=None) -> int:
    args = _args(argv)
    if args.report:
        from . import report
        print(report.markdown(json.loads(args.report.read_text(encoding="utf-8"))))
        return 0
    root = args.root.resolve()
    from .project import course_env, hooks_dir
    sys.path.insert(0, str(hooks_dir(root)))  # the measured project's own course code, for the model
    from course import load_course

    from . import bare, builds, lighthouse, mainthread, preview, report, scale, weight
    from .project import copy_project

    say = lambda text: print(text, flush=True)
    env = course_env(root)
    results = {"machine": _machine(root), "runs": args.runs, "lighthouse_runs": args.lighthouse_runs, "builds": []}
    started = time.perf_counter()

    def save():
        results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
        results["seconds"] = round(time.perf_counter() - started, 1)
        args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def prepare(size, work: Path):
        ours = copy_project(root, work / "ours")
        info = {"items": None}
        if size != "real":
            info = scale.replicate(ours, size)
        course = load_course(ours)
        bare.write_bare(ours, work / "bare", course)
        items = sum(len(q.questions) for q in course.quizzes.values())
        return ours, work / "bare", course, {**info, "items": items, "cases": len(course.cases)}

    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        tmp = Path(tmp)
        for size in args.sizes:
            work = tmp / f"size-{size}"
            say(f"Building at {'the real size' if size == 'real' else f'{size:,} items'}:")
            ours, twin, course, info = prepare(size, work)
            measured = builds.interleaved(ours, twin, work / "out", env, args.runs, say)
            med = measured["median"]
            label = f"real ({info['items']} items, {info['cases']} cases)" if size == "real" else f"{info['items']:,} items ({info['cases']} cases)"
            results["builds"].append({
                "size": size, "label": label, **info, **measured,
                "ms_per_item": round(med["ours"]["cpu"] / info["items"] * 1000, 2),
                "extra_ms_per_item": round((med["ours"]["cpu"] - med["bare"]["cpu"]) / info["items"] * 1000, 2),
            })
            if size == "real" and not args.no_zensical and builds.zensical_installed():
                say("Building at the real size with Zensical:")
                z = builds.interleaved(ours, twin, work / "out-zensical", env, args.runs, say, engine="zensical")
                results["zensical"] = {"label": label, **z}
                save()
            if size == "real":
                sites = work / "out" / "ours", work / "out" / "bare"
                results["weight"] = weight.weights(*sites, course)
                results["pages_with_code"] = weight.pages_with_code(sites[0])
                results["assets"] = weight.assets(hooks_dir(root) / "course" / "assets", root / "docs" / "assets")
                save()
                if not args.no_mainthread:
                    say("Main-thread time in Chromium (ours, ours without the course's scripts, bare):")
                    pages = {k: w["page"] for k, w in results["weight"].items()}
                    results["mainthread"] = mainthread.run(*sites, pages, args.runs, say=say)
                    save()
                if not args.no_preview:
                    say("Preview latency under mkdocs serve:")
                    results["preview"] = preview.measure(ours, env, args.edits, say=say)
                if not args.no_lighthouse:
                    say("Lighthouse (mobile), ours then bare:")
                    pages = {k: w["page"] for k, w in results["weight"].items()}
                    results["lighthouse"] = lighthouse.run(*sites, pages, args.lighthouse_runs, say=say)
            save()
            if size != "real":
                shutil.rmtree(work, ignore_errors=True)
        numeric = [b for b in results["builds"] if b["size"] != "real"]
        if len(numeric) >= 2:
            first, last = numeric[0], numeric[-1]
            # the build's CPU time per item: the extra over bare can be near zero at 1,000 items, where a
            # percentage change of it says nothing, so flatness is judged on the whole cost per item
            results["per_item_flatness"] = {"from": first["items"], "to": last["items"], "from_ms": first["ms_per_item"],
                                            "to_ms": last["ms_per_item"],
                                            "change": round(last["ms_per_item"] / first["ms_per_item"] - 1, 3)}
        if args.profile:
            from . import hotspots
            size = _parse_sizes(args.profile)[0]
            say(f"Profiling one build of ours at {size}:")
            ours, _, _, info = prepare(size, tmp / "profile")
            results["hotspots"] = {"label": f"{info['items']:,} items", **hotspots.profile(ours, tmp / "profile", env)}
            keep = args.output.with_suffix(".prof")
            Path(results["hotspots"]["profile"]).replace(keep)
            results["hotspots"]["profile"] = str(keep)
        save()
    say("")
    say(report.markdown(results))
    say(f"\n{results['seconds']:.0f} s in all; figures in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
