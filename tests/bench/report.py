"""The benchmark's figures as Markdown tables (printed, and pasted into the README), with each target
checked. Targets are reported, never asserted: a miss says by how much."""

from __future__ import annotations

BUILD_RATIO = 1.5  # aim 1.2
FLAT = 0.20
PERFORMANCE, TBT_MS, NO_WORSE = 95, 200, 3
PREVIEW_S = 1.0


def _kb(n: int | None) -> str:
    return "–" if n is None else f"{n / 1024:.1f}"


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def targets(results: dict) -> list[tuple[str, bool | None, str]]:
    """(target, met or None when not measured, the figure)."""
    out = []
    for size in results.get("builds", []):
        ratio = size["ratio"]["cpu"]
        out.append((f"build ≤ {BUILD_RATIO}× bare at {size['label']} (aim 1.2×)", ratio <= BUILD_RATIO, f"{ratio}× (wall {size['ratio']['wall']}×)"))
    z = results.get("zensical")
    if z:
        out.append((f"Zensical build ≤ {BUILD_RATIO}× bare at {z['label']}", z["ratio"]["cpu"] <= BUILD_RATIO,
                    f"{z['ratio']['cpu']}× (wall {z['ratio']['wall']}×)"))
    flat = results.get("per_item_flatness")
    if flat:
        out.append((f"per-item cost flat within {FLAT:.0%} ({flat['from']} → {flat['to']} items)", abs(flat["change"]) <= FLAT,
                    f"{flat['change']:+.0%} ({flat['from_ms']} → {flat['to_ms']} ms/item)"))
    preview = results.get("preview")
    if preview:
        out.append((f"preview ≤ {PREVIEW_S:g} s", preview["median"]["wall"] <= PREVIEW_S,
                    f"{preview['median']['wall']} s ({preview['median']['cpu']} s server CPU)"))
    assets = results.get("assets")
    if assets:
        out.append(("course.js + course.css ≤ 6 KB gzipped", assets["course_js_css_gz"] <= assets["budget"],
                    f"{assets['course_js_css_gz']} of {assets['budget']} bytes"))
        for name, a in assets["files"].items():
            if a["budget"]:
                out.append((f"{name} ≤ 4 KB gzipped", a["gz"] <= a["budget"], f"{a['gz']} bytes"))
    for kind, row in (results.get("lighthouse") or {}).items():
        ours, bare = row.get("ours"), row.get("bare")
        if not ours or "error" in ours:
            out.append((f"Lighthouse {kind}", None, (ours or {}).get("error", "not run")[:80]))
            continue
        out.append((f"Lighthouse {kind}: performance ≥ {PERFORMANCE}, TBT ≤ {TBT_MS} ms",
                    ours["performance"] >= PERFORMANCE and ours["tbt_ms"] <= TBT_MS, f"{ours['performance']}, {ours['tbt_ms']} ms"))
        if bare and "error" not in bare:
            out.append((f"Lighthouse {kind}: no more than {NO_WORSE} points under bare", ours["performance"] >= bare["performance"] - NO_WORSE,
                        f"{ours['performance']} vs {bare['performance']}"))
        rest = [ours[c] for c in ("accessibility", "best-practices", "seo")]
        out.append((f"Lighthouse {kind}: accessibility, best practices, SEO 100", all(s == 100 for s in rest), " / ".join(map(str, rest))))
    return out


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Measured {m['date']} on {m['cores']} cores, load average {m['load_before']} before and {m['load_after']} after "
             f"(Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}; {m['project']} at {m['commit']}). "
             f"Times are medians of {results['runs']} interleaved runs; ratios use CPU time (see tests/bench/builds.py).", ""]
    if results.get("builds"):
        lines += ["| Size | Ours wall (s) | Bare wall (s) | Ours CPU (s) | Bare CPU (s) | Ratio (CPU) | Ratio (wall) | Ours ms/item | Extra ms/item |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for s in results["builds"]:
            med = s["median"]
            lines.append(f"| {s['label']} | {med['ours']['wall']:.2f} | {med['bare']['wall']:.2f} | {med['ours']['cpu']:.2f} | {med['bare']['cpu']:.2f} "
                         f"| {s['ratio']['cpu']}× | {s['ratio']['wall']}× | {s['ms_per_item']} | {s['extra_ms_per_item']} |")
        lines.append("")
    if results.get("zensical"):
        z = results["zensical"]
        med = z["median"]
        lines += [f"With Zensical at {z['label']} (ours includes `course generate --strict`, which Zensical needs first): "
                  f"ours {med['ours']['wall']:.2f} s wall, {med['ours']['cpu']:.2f} s CPU; bare {med['bare']['wall']:.2f} s wall, "
                  f"{med['bare']['cpu']:.2f} s CPU; ratio {z['ratio']['cpu']}× (wall {z['ratio']['wall']}×).", ""]
    if results.get("preview"):
        p = results["preview"]
        edits = ", ".join(f"{e['wall']:.2f} s" for e in p["edits"])
        lines += [f"Preview: an edit to {p['file']} shows on {p['page']} under `mkdocs serve` after {p['median']['wall']:.2f} s "
                  f"(median of {edits}; {p['median']['cpu']:.2f} s of server CPU).", ""]
    if results.get("weight"):
        lines += ["| Page type (heaviest) | HTML ours / bare (KB) | HTML gzipped ours / bare (KB) | JS+CSS gzipped ours / bare (KB) "
                  "| Elements ours / bare | `<abbr>` ours / bare | Form controls ours / bare |", "|---|---|---|---|---|---|---|"]
        for kind, w in results["weight"].items():
            o, b = w["ours"], w["bare"] or {}
            count = lambda key: f"{o.get(key, '–')} / {b.get(key, '–')}"
            lines.append(f"| {kind}: {w['page']} (of {w['pages']}) | {_kb(o['html'])} / {_kb(b.get('html'))} | {_kb(o['html_gz'])} / {_kb(b.get('html_gz'))} "
                         f"| {_kb(o['js_css_gz'])} / {_kb(b.get('js_css_gz'))} | {count('elements')} | {count('abbr')} | {count('controls')} |")
        with_code = results.get("pages_with_code")
        if with_code:
            lines.append(f"\nThe quiz and case code is loaded on {with_code[0]} of {with_code[1]} pages.")
        lines.append("")
    if results.get("assets"):
        lines += ["| hooks/course/assets/ | bytes | gzipped | budget |", "|---|---|---|---|"]
        for name, a in results["assets"]["files"].items():
            lines.append(f"| {name} | {a['bytes']} | {a['gz']} | {a['budget'] or '6144 with the other'} |")
        lines.append("")
    if results.get("mainthread"):
        lines += [f"Main-thread time in Chromium, unthrottled, medians of {results['runs']} loads (ms; task is all main-thread "
                  "work, script the JavaScript part of it):", "",
                  "| Page type | Task ours / without course JS / bare | Script ours / without course JS / bare | Layout + style ours / bare |",
                  "|---|---|---|---|"]
        for kind, row in results["mainthread"].items():
            o, w, b = row["ours"], row["ours_without_course_js"], row.get("bare") or {}
            three = lambda key: f"{o[key]:.0f} / {w[key]:.0f} / {b[key]:.0f}" if b else f"{o[key]:.0f} / {w[key]:.0f} / –"
            paint = f"{o['layout_ms'] + o['style_ms']:.0f} / " + (f"{b['layout_ms'] + b['style_ms']:.0f}" if b else "–")
            lines.append(f"| {kind}: {row['page']} | {three('task_ms')} | {three('script_ms')} | {paint} |")
        lines.append("")
    if results.get("lighthouse"):
        lines += [f"Lighthouse (mobile), medians of {results.get('lighthouse_runs', 1)} runs a page and side:", "",
                  "| Lighthouse mobile | Performance ours / bare | TBT ms ours / bare | Accessibility | Best practices | SEO | CPU index |", "|---|---|---|---|---|---|---|"]
        for kind, row in results["lighthouse"].items():
            o, b = row.get("ours") or {}, row.get("bare") or {}
            if "error" in o:
                lines.append(f"| {kind}: {row['page']} | error | | | | | |")
                continue
            pair = lambda key: f"{o.get(key, '–')} / {b.get(key, '–') if b and 'error' not in b else '–'}"
            trio = lambda key: f"{o.get(key)} / {b.get(key) if b and 'error' not in b else '–'}"
            lines.append(f"| {kind}: {row['page']} | {pair('performance')} | {pair('tbt_ms')} | {trio('accessibility')} | {trio('best-practices')} | {trio('seo')} | {pair('benchmark_index')} |")
        lines.append("")
    if results.get("hotspots"):
        h = results["hotspots"]
        lines += [f"Profile of one build at {h['label']} ({h['total_s']} s under cProfile), own time by package:", "",
                  "| Package | s | share |", "|---|---|---|"]
        lines += [f"| {k} | {v} | {v / h['total_s']:.0%} |" for k, v in h["by_package"].items() if v >= 0.01 * h["total_s"]]
        for key, title in (("top_cumulative", "cumulative"), ("top_own", "own")):
            lines += ["", f"| Function (top by {title} time) | calls | cumulative s | own s |", "|---|---|---|---|"]
            lines += [f"| `{f['function']}` | {f['calls']} | {f['cumulative_s']} | {f['own_s']} |" for f in h.get(key, ())]
        lines.append("")
    if results.get("lighthouse"):
        lines += ["CPU index is Lighthouse's own benchmark of the machine during each run (higher is faster): "
                  "scores move with the machine's load, so compare ours with bare within a row.", ""]
    checked = targets(results)
    if checked:
        lines += ["| Target | Met | Figure |", "|---|---|---|"]
        lines += [f"| {t} | {'not measured' if ok is None else _mark(ok)} | {fig} |" for t, ok, fig in checked]
    return "\n".join(lines)
