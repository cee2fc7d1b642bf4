"""The printable answer key for instructors: one per quiz or case and one for the whole selection, in HTML
and PDF. Each item shows its stem, every option with its verdict in words, the key, every option's
feedback, the explanation and the references. A case's key is what a tutor running it on paper needs:
where each option leads, then every stage in order (those reached only by a wrong choice marked), the
endings with their debriefs, and the teaching points.

The PDF is Chromium's own print of the HTML, through Playwright, so the PDF and the HTML cannot differ.
Playwright is a test dependency (`make test` installs it, `make serve` does not), so the PDF is a format of
its own, `key-pdf`, outside the default export, and asking for it without Playwright fails before anything is
written, with how to install it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from html import escape
from pathlib import Path

from . import html
from .select import Bank, ExportError

# An item may break across pages (only its heading, a table row or a paragraph is kept whole): kept whole, a
# long item left the rest of a page blank, and the title alone on page 1.
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 11pt; line-height: 1.4; margin: 2em; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 2em; }
.item { margin: 1.2em 0; padding-top: .6em; border-top: 1px solid #ddd; }
h2, h3, .item > p:first-child, .item p:has(> strong:only-child), .key, .options thead { break-after: avoid; } tr, li, .item > p { break-inside: avoid; }
.meta { color: #444; font-size: 9pt; } .key { font-weight: bold; }
table.options { border-collapse: collapse; width: 100%; } table.options td, table.options th { border: 1px solid #bbb; padding: .3em .5em; vertical-align: top; text-align: left; }
tr.correct th, tr.correct td { background: #eef7ee; } .verdict { white-space: nowrap; font-weight: bold; }
img { max-width: 60%; } @page { size: A4; margin: 16mm; }
"""


def write(job) -> list[Path]:
    """`key`: the HTML key and its PDF print beside it."""
    pages = write_html(job)
    return pages + to_pdf(pages)


def write_html(job, out: Path | None = None) -> list[Path]:
    out = out or job.out
    written = []
    for bank in job.banks:
        written.append(_write_html(out / f"answer-key-{bank.id}.html", f"Answer key: {bank.title}", [bank], job))
    written.append(_write_html(out / "answer-key.html", f"Answer key: {job.title}", job.banks, job))
    return written


def write_pdf(job) -> list[Path]:
    """`key-pdf`: the PDFs only, printed from HTML written to a scratch folder (images are inlined, so the
    HTML needs nothing beside it)."""
    with tempfile.TemporaryDirectory() as scratch:
        printed = to_pdf(write_html(job, Path(scratch)))
        written = []
        for pdf in printed:
            written.append(Path(shutil.move(pdf, job.out / pdf.name)))
    return written


def _write_html(path: Path, title: str, banks: list[Bank], job) -> Path:
    path.write_text(document(title, banks, job), encoding="utf-8")
    return path


def document(title: str, banks: list[Bank], job) -> str:
    out = [f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{STYLE}</style></head><body>',
           f"<h1>{escape(title)}</h1><p class=\"meta\">For instructors: the key, every option's feedback and the sources of each item.</p>"]
    for bank in banks:
        kind = "Quiz" if bank.kind == "quiz" else "Case"
        out.append(f'<section class="bank" id="{bank.id}"><h2>{kind}: {escape(bank.title)} <span class="meta">({escape(bank.module_title)})</span></h2>')
        label = "Question" if bank.kind == "quiz" else "Decision"
        out += [_item(job, item, label, n, bank.case) for n, item in enumerate(bank.items, 1)]
        if bank.case:
            out.append(_case_course(job, bank.case))
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def _item(job, item, label: str, number: int, case=None) -> str:
    q = item.question
    rule = {"single": "single best answer", "multiple": "multiple select, all or nothing", "true-false": "true/false"}[q.type]
    meta = [f"id {q.id}", rule] + ([f"tags: {', '.join(q.tags)}"] if q.tags else []) + ([f"objective: {q.objective}"] if q.objective else [])
    out = [f'<div class="item" id="item-{q.id}"><p><strong>{label} {number}.</strong> <span class="meta">{escape("; ".join(meta))}</span></p>',
           html.block(item.stem)]
    if q.image:
        out.append(f'<p><img src="{html.data_uri(html.image_file(job.docs, q))}" alt="{escape(q.image.alt, quote=True)}"></p>')
    out.append(f'<p class="key">Key: {html.key_letters(q)}</p>')
    stage = next((st for st in case.stages if st.decision is q), None) if case else None
    leads = '<th scope="col">Leads to</th>' if stage else ""
    out.append('<table class="options"><thead><tr><th scope="col">Option</th><th scope="col">Verdict</th>'
               f'<th scope="col">Feedback</th>{leads}</tr></thead><tbody>')
    for i, o in enumerate(q.options):
        verdict = "✓ Correct" if o.correct else "Incorrect"
        route = f'<td class="route">{escape(_where(case, o.next or stage.next))}</td>' if stage else ""
        out.append(f'<tr class="{"correct" if o.correct else "incorrect"}"><th scope="row">{html.LETTERS[i]}. {html.inline(o.text)}</th>'
                   f'<td class="verdict">{verdict}</td><td>{html.inline(o.feedback)}</td>{route}</tr>')
    out.append("</tbody></table><p><strong>Explanation</strong></p>")
    out.append(html.general_feedback(job.course, q))
    out.append("</div>")
    return "\n".join(out)


def _where(case, stage_id) -> str:
    """Where a choice leads, in words: the stage's title, and whether it ends the case."""
    if stage_id is None:
        return "the case ends"
    stage = next(st for st in case.stages if st.id == stage_id)
    return f"{stage.title} (ending)" if stage.debrief else stage.title


def _on_the_right_path(case) -> set[str]:
    """The stages a student reaches choosing the correct option at every decision."""
    by_id = {st.id: st for st in case.stages}
    seen, stage = set(), case.stages[0] if case.stages else None
    while stage is not None and stage.id not in seen:
        seen.add(stage.id)
        correct = [o for o in stage.decision.options if o.correct] if stage.decision else []
        nxt = (correct[0].next or stage.next) if correct else stage.next
        stage = by_id.get(nxt) if nxt else None
    return seen


def _case_course(job, case) -> str:
    """Every stage in order, as a tutor runs the case: what it says, where it goes, and how it ends."""
    right = _on_the_right_path(case)
    decisions = {st.id: n for n, st in enumerate((st for st in case.stages if st.decision), 1)}
    out = ['<div class="case-course"><h3>The case stage by stage</h3><ol class="stages">']
    for stage in case.stages:
        note = "" if stage.id in right else ' <span class="meta">(reached only after a wrong choice)</span>'
        out.append(f'<li class="stage" id="stage-{stage.id}"><p><strong>{escape(stage.title)}</strong>{note}</p>')
        if stage.id in decisions:
            out.append(f"<p>Decision {decisions[stage.id]} above.</p>")
        else:
            out.append(html.block(stage.narrative))
        if stage.debrief:
            out.append(f'<p><strong>Ending.</strong> Debrief:</p>\n{html.block(stage.debrief)}')
        elif not stage.decision:
            out.append(f"<p>Then: {escape(_where(case, stage.next))}.</p>")
        out.append("</li>")
    out.append("</ol>")
    if case.teaching_points:
        out.append("<h3>Teaching points</h3>\n<ul>" + "\n".join(f"<li>{html.inline(t)}</li>" for t in case.teaching_points) + "</ul>")
    refs = html.references(job.course, case.references)
    if refs:
        out.append(refs)
    out.append("</div>")
    return "\n".join(out)


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


NO_PLAYWRIGHT = ("--format key-pdf needs Playwright, which `make test` installs and `make serve` does not: run "
                 "`.venv/bin/pip install -c constraints.txt playwright` (it prints with the system's Chromium and downloads "
                 "no browser), or leave key-pdf out: the default export writes the HTML key, which prints from any browser")


def pdf_ready() -> None:
    """ExportError saying what to install when the PDF cannot be printed here; checked before any file is written."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise ExportError(NO_PLAYWRIGHT) from None
    if not Path(chromium()).exists():
        raise ExportError(f"--format key-pdf needs Chromium, not found at {chromium()}: `apt-get install chromium`, or set "
                          "CHROMIUM=/path/to/chromium; or leave key-pdf out: the default export writes the HTML key")


def to_pdf(pages: list[Path]) -> list[Path]:
    """Print each HTML page to a PDF beside it with headless Chromium."""
    pdf_ready()
    from playwright.sync_api import sync_playwright
    written: list[Path] = []
    failed: list[BaseException] = []

    def render() -> None:
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium(), args=["--headless", "--no-sandbox", "--disable-gpu"])
                try:
                    page = browser.new_page()
                    for html_path in pages:
                        page.goto(html_path.resolve().as_uri())
                        pdf = html_path.with_suffix(".pdf")
                        page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
                        written.append(pdf)
                finally:
                    browser.close()
        except BaseException as exc:  # re-raised in the caller's thread
            failed.append(exc)

    # Playwright's sync API refuses to start in a thread that runs an asyncio loop (a caller's, or a test
    # runner's browser session): a thread of its own has none.
    worker = threading.Thread(target=render)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]
    return written
