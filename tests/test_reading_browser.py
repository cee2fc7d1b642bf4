"""Reading a module on a phone and a laptop, as a student would: abbreviations on tap and focus, wide
tables and diagrams, where am I (header, contents), continue where I left off, back to top, and printing
for rounds. On the hub-shaped test course, over file:// and 127.0.0.1, other hosts blocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from conftest import _is_local

pytestmark = pytest.mark.browser

BREATHING, HUB, SUMMARY = "modules/icu/breathing.html", "modules/icu.html", "modules/icu/summary.html"
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser, external_requests):
    """A phone: 360 px wide, touch, every request to another host blocked and recorded."""
    context = browser.new_context(**PHONE)
    context.route("**/*", lambda r: r.continue_() if _is_local(r.request.url) else (external_requests.append(r.request.url), r.abort()))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [] and external_requests == []


def open_page(page, url):
    page.goto(url)
    expect(page.locator(".md-content__inner[data-site-ready]")).to_be_attached()
    page.wait_for_load_state("load")


def tooltip(page):
    return page.locator(".md-tooltip2--active")


def section_heading(page, n):
    return page.locator(".md-content__inner h2[id]").nth(n)


def scroll_to_section(page, n):
    """Scroll the page until section n (or the last there is) is the one being read."""
    page.evaluate("""n => {
        const all = document.querySelectorAll('.md-content__inner h2[id]');
        if (all.length) window.scrollTo(0, all[Math.min(n, all.length - 1)].getBoundingClientRect().top + scrollY - 60);
    }""", n)
    page.wait_for_timeout(200)


def test_a_tap_on_an_abbreviation_shows_its_expansion(hubs_site, site_url, phone):
    open_page(phone, site_url(hubs_site, BREATHING))
    gbs = phone.locator(".md-content__inner abbr", has_text="GBS")
    first, later = gbs.first, gbs.nth(1)
    first.scroll_into_view_if_needed()
    first.tap()
    expect(tooltip(phone)).to_have_text("Guillain-Barré syndrome")
    phone.locator(".md-content__inner h1").tap()
    expect(tooltip(phone)).to_have_count(0)
    later.scroll_into_view_if_needed()
    later.tap()
    expect(tooltip(phone)).to_have_text("Guillain-Barré syndrome"), "every use answers a tap, not only the first"


def test_abbreviations_expand_on_keyboard_focus_and_still_on_hover(hubs_site, site_url, page):
    open_page(page, site_url(hubs_site, BREATHING))
    focusable = page.locator(".md-content__inner abbr[tabindex='0']")
    texts = focusable.all_inner_texts()
    assert len(texts) == len(set(texts)) > 3, "one tab stop per abbreviation: its first use"
    focusable.first.focus()
    expect(tooltip(page)).to_have_text(focusable.first.get_attribute("data-expansion"))
    page.locator(".md-content__inner abbr").filter(has_text=re.compile("^VC$")).nth(1).hover()
    expect(page.get_by_role("tooltip", name="vital capacity", exact=True)).to_be_visible()


def test_printed_pages_expand_each_abbreviation_on_first_use(hubs_site, site_url, page):
    open_page(page, site_url(hubs_site, BREATHING))
    page.emulate_media(media="print")
    after = "i => getComputedStyle(document.querySelectorAll('.md-content__inner abbr')[i], '::after').content"
    abbrs = page.locator(".md-content__inner abbr")
    first_gbs = abbrs.evaluate_all("els => els.findIndex(e => e.textContent === 'GBS')")
    second_gbs = abbrs.evaluate_all("els => els.findIndex((e, i) => e.textContent === 'GBS' && els.findIndex(f => f.textContent === 'GBS') < i)")
    assert page.evaluate(after, first_gbs) == '" (Guillain-Barré syndrome)"'
    assert page.evaluate(after, second_gbs) in ("none", "normal")


def test_a_wide_table_scrolls_inside_its_box_with_a_cue_and_a_sticky_first_column(hubs_site, site_url, phone):
    open_page(phone, site_url(hubs_site, BREATHING))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    box = phone.locator(".md-content__inner .course-wide")
    expect(box).to_have_count(1)
    cue = phone.get_by_text("Scroll sideways to see the whole table")
    expect(cue).to_be_visible()
    expect(box).to_have_attribute("role", "region")
    expect(box).to_have_attribute("aria-label", "Table, scrolls sideways")
    first_cell = box.locator("tbody tr").first.locator("td").first
    expect(first_cell).to_have_text("Anterior horn cell")
    box.focus()
    for _ in range(6):
        phone.keyboard.press("ArrowRight")
    phone.wait_for_function("() => document.querySelector('.course-wide').scrollLeft > 50")  # the keyboard scrolls the table
    cell = first_cell.bounding_box()
    assert cell["x"] >= 0 and cell["x"] + cell["width"] <= 360, "the first column stays in view"
    second = box.locator("tbody tr").first.locator("td").nth(1).bounding_box()
    assert second["x"] < cell["x"] + cell["width"], "the other columns slide under it"
    expect(box).not_to_have_class(re.compile(r"\bcourse-at-end\b"))
    box.evaluate("e => e.scrollTo({left: e.scrollWidth, behavior: 'instant'})")
    expect(box).to_have_class(re.compile(r"\bcourse-at-end\b"))  # the faded edge goes
    last = box.locator("thead th").last.bounding_box()
    assert last["x"] + last["width"] <= 361, "the last column can be reached"
    # a table that fits says nothing
    phone.set_viewport_size({"width": 1400, "height": 900})
    expect(cue).to_be_hidden()


def test_a_diagram_opens_full_screen_and_zooms(hubs_site, site_url, phone, axe):
    open_page(phone, site_url(hubs_site, BREATHING))
    opener = phone.get_by_role("button", name="Enlarge diagram")
    opener.scroll_into_view_if_needed()
    shown = phone.locator(".md-content__inner img[data-zoom]").bounding_box()["width"]
    opener.tap()
    dialog = phone.get_by_role("dialog", name=re.compile("Diagram: A wide flow chart"))
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box["width"] >= 359 and box["height"] >= 700, "full screen"
    picture = dialog.locator("img")
    fitted = picture.bounding_box()["width"]
    assert fitted >= shown
    dialog.get_by_role("button", name="Zoom in").tap()
    dialog.get_by_role("button", name="Zoom in").tap()
    expect(dialog.locator(".course-zoom-level")).to_have_text("225%")
    assert picture.bounding_box()["width"] > 2 * fitted
    view = dialog.locator(".course-zoom-view")
    view.evaluate("e => e.scrollBy(300, 0)")
    assert view.evaluate("e => e.scrollLeft") > 0, "a zoomed diagram pans"
    assert (v := axe(phone, ".course-zoom")) == [], v
    phone.keyboard.press("-")
    expect(dialog.locator(".course-zoom-level")).to_have_text("150%")
    phone.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()


def test_the_header_shows_the_module_and_the_section_being_read(hubs_site, site_url, phone):
    open_page(phone, site_url(hubs_site, BREATHING))
    topic = phone.locator("[data-md-component='header-topic']")
    scroll_to_section(phone, 2)
    expect(topic).to_have_text(re.compile(r"Module 2: ICU weakness\s*Read the trend, not one number"))
    expect(phone.locator(".md-header__title")).to_have_class(re.compile("md-header__title--active"))
    assert topic.bounding_box()["height"] <= phone.locator(".md-header").bounding_box()["height"]
    scroll_to_section(phone, 4)
    expect(topic).to_have_text(re.compile(r"Module 2: ICU weakness\s*Bulbar weakness"))


def test_continue_where_i_left_off_from_the_module_page(hubs_site, site_url, phone):
    open_page(phone, site_url(hubs_site, HUB))
    expect(phone.locator(".course-continue")).to_have_count(0)
    open_page(phone, site_url(hubs_site, BREATHING))
    scroll_to_section(phone, 3)
    heading = section_heading(phone, 3).inner_text().strip("¶").strip()
    open_page(phone, site_url(hubs_site, HUB))
    note = phone.locator(".course-continue")
    expect(note).to_have_text(f"Continue where you left off: Watching breathing: {heading}")
    expect(phone.locator(".course-module-pages li")).to_contain_text(f"Last read: {heading}")
    note.get_by_role("link").tap()
    phone.wait_for_url(re.compile(r"breathing\.html#when-to-call-the-icu$"))
    top = section_heading(phone, 3).bounding_box()["y"]
    assert 0 <= top < 740 / 2


def test_back_to_top(hubs_site, site_url, phone):
    open_page(phone, site_url(hubs_site, BREATHING))
    phone.mouse.wheel(0, 4000)
    phone.wait_for_timeout(300)
    phone.mouse.wheel(0, -300)
    back = phone.get_by_role("button", name="Back to top")
    expect(back).to_be_visible()
    back.tap()
    phone.wait_for_function("window.scrollY === 0")


def test_the_contents_panel_follows_the_reading_and_stops_above_the_footer(hubs_site, site_url, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, site_url(hubs_site, BREATHING))
    scroll_to_section(page, 3)
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    expect(active).to_have_text(section_heading(page, 3).inner_text().strip("¶").strip())
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    panel = page.locator(".md-sidebar--secondary .md-sidebar__scrollwrap").bounding_box()
    footer = page.locator(".md-footer").bounding_box()
    assert panel["y"] + panel["height"] <= footer["y"] + 1, (panel, footer)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_a_module_summary_prints_on_one_page(hubs_site, site_url, page):
    open_page(page, site_url(hubs_site, SUMMARY))
    expect(page.get_by_role("button", name="Print this summary")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print this summary")).to_be_hidden()
    expect(page.locator("table")).to_be_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1
    # the same text on a teaching page is not squeezed: the rule is for summaries only
    open_page(page, site_url(hubs_site, BREATHING))
    assert pdf_pages(page.pdf(format="A4")) > 1


def test_every_module_summary_of_the_course_prints_on_one_page(real_site, page):
    summaries = sorted(real_site.glob("modules/*/summary.html"))
    if not summaries:
        pytest.skip("the course has no module summary pages yet (docs/modules/<module>/summary.md)")
    pages = {}
    for path in summaries:
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        pages[path.relative_to(real_site).as_posix()] = pdf_pages(page.pdf(format="A4"))
        page.emulate_media(media="null")
    assert all(n == 1 for n in pages.values()), pages


def test_no_accessibility_violations_on_the_reading_pages(hubs_site, site_url, page, axe):
    for path in (HUB, BREATHING, SUMMARY, "modules/crisis.html"):
        for scheme in ("default", "slate"):
            open_page(page, site_url(hubs_site, path))
            page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
            scroll_to_section(page, 1)  # the header shows module and section
            assert (v := axe(page)) == [], (path, scheme, v)
            if path == BREATHING:
                # with an abbreviation in focus; the theme's tooltip itself is appended to <body>, outside our markup
                page.locator(".md-content__inner abbr[tabindex='0']").first.focus()
                expect(tooltip(page)).to_have_count(1)
                assert (v := axe(page, ".md-header", ".md-container")) == [], (path, scheme, v)


def test_no_page_of_the_course_scrolls_sideways_on_a_phone(real_site, site_url, phone):
    """Every page of the built course at 360 px: nothing wider than the screen, and each table too wide for
    its box scrolls inside it, says so, and can be reached by keyboard."""
    pages = sorted(p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html") if p.name != "404.html")
    wide, tables = {}, 0
    for path in pages:
        open_page(phone, site_url(real_site, path))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
        found = phone.evaluate("""() => [...document.querySelectorAll('.md-content .md-typeset__scrollwrap, .md-content .course-scroll')]
            .filter(box => box.scrollWidth > box.clientWidth + 1)
            .map(box => ({wide: box.classList.contains('course-wide'), focusable: box.tabIndex === 0,
                          cue: !!box.previousElementSibling && box.previousElementSibling.matches('.course-scroll-cue:not([hidden])')}))""")
        tables += len(found)
        assert all(t == {"wide": True, "focusable": True, "cue": True} for t in found), (path, found)
    assert wide == {}, f"pages wider than a 360 px phone: {wide}"
    assert len(pages) > 10


def test_screenshots_of_reading_and_records(hubs_site, browser, request):
    """Refreshes the README's screenshots of this behaviour; runs only when asked for (`make screenshots`)."""
    import os
    from pathlib import Path

    if "screenshot" not in (request.config.getoption("keyword") or "") and not os.environ.get("SCREENSHOTS"):
        pytest.skip("run with -k screenshot to refresh docs/images/screenshots")
    shots = Path(__file__).resolve().parent.parent / "docs" / "images" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    url = lambda path: (hubs_site / path).as_uri()  # noqa: E731
    context = browser.new_context(**PHONE, reduced_motion="reduce", device_scale_factor=1)
    page = context.new_page()
    static_header = "document.head.append(Object.assign(document.createElement('style'), {textContent: '.md-header { position: static }'}))"

    open_page(page, url("quizzes/crisis-sample.html"))
    q = page.locator("#question-sample-q1")
    q.get_by_label("Oxygen saturation").check()
    q.get_by_role("button", name="Check answer").click()
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Forced vital capacity").check()
    q.get_by_role("button", name="Check answer").click()
    page.locator("#question-sample-q2").get_by_label("Miosis").check()
    page.locator("#question-sample-q2").get_by_role("button", name="Check answer").click()
    page.mouse.click(5, 300)
    q.screenshot(path=shots / "quiz-first-try-360px.png")
    open_page(page, url("cases/gbs-sample.html"))
    page.locator("#stage-sample-gbs-ed").get_by_label("Send home").check()
    page.locator("#stage-sample-gbs-ed").get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="Continue").click()

    open_page(page, url(BREATHING))
    scroll_to_section(page, 1)
    box = page.locator(".course-wide")
    box.scroll_into_view_if_needed()
    box.evaluate("e => e.scrollTo({left: 160, behavior: 'instant'})")
    page.evaluate("window.scrollBy(0, -120)")
    page.wait_for_timeout(200)
    page.screenshot(path=shots / "table-360px.png")
    gbs = page.locator(".md-content__inner abbr", has_text="GBS").first
    gbs.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    gbs.tap()
    expect(tooltip(page)).to_be_visible()
    page.screenshot(path=shots / "abbreviation-tap-360px.png")
    scroll_to_section(page, 3)
    opener = page.get_by_role("button", name="Enlarge diagram")
    opener.scroll_into_view_if_needed()
    opener.tap()
    page.get_by_role("button", name="Zoom in").tap()
    page.screenshot(path=shots / "diagram-zoom-360px.png")
    page.keyboard.press("Escape")
    scroll_to_section(page, 3)

    open_page(page, url(HUB))
    page.evaluate(static_header)  # so that the sticky header does not cover element screenshots
    page.locator(".course-module").screenshot(path=shots / "module-hub-360px.png")
    open_page(page, url("progress.html"))
    page.evaluate(static_header)
    page.locator(".course-progress").screenshot(path=shots / "progress-360px.png")
    context.close()
