"""Shared fixtures: built sites, a loopback web server, and Chromium with every outside request blocked."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_COURSE = ROOT / "tests" / "fixtures" / "course"
HUBS_COURSE = ROOT / "tests" / "fixtures" / "hubs"
STUDY_COURSE = ROOT / "tests" / "fixtures" / "study"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


# Both engines by default; COURSE_ENGINES=mkdocs (or zensical) runs one while working.
ENGINES = [e for e in os.environ.get("COURSE_ENGINES", "mkdocs,zensical").split(",") if e]


def engine_command(engine: str) -> list[str]:
    """The engine's own command line, from this virtualenv."""
    exe = Path(sys.executable).with_name(engine)
    if not exe.exists():
        pytest.fail(f"{engine} is not installed in {exe.parent}: run `make test` (it installs the zensical extra)")
    return [str(exe)]


def build_site(project: Path, out: Path, engine: str = "mkdocs") -> Path:
    """Build as `make build ENGINE=...` does: MkDocs runs the course hook itself; for Zensical, which runs no
    hook, `course generate --strict` writes the generated pages and fails on course warnings first."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if engine == "mkdocs":
        cmd = [*engine_command("mkdocs"), "build", "--strict", "-q", "-d", str(out)]
    else:
        course = Path(sys.executable).with_name("course")
        first = subprocess.run([str(course), "generate", "--strict", str(project)], env=env, capture_output=True, text=True)
        assert first.returncode == 0, f"course generate failed in {project}:\n{first.stdout}\n{first.stderr}"
        cmd = [*engine_command("zensical"), "build", "--strict", "--clean"]
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{engine} build failed in {project}:\n{result.stdout}\n{result.stderr}"
    if engine == "zensical":  # Zensical writes to the config's site_dir; move it where the caller wants it
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(project / "site"), str(out))
    return out


@pytest.fixture(scope="session", params=ENGINES)
def engine(request) -> str:
    """Each test that uses a built site runs once per engine."""
    return request.param


def _private_project(work: Path, source: Path) -> Path:
    from helpers import copy_course, copy_real_course

    return copy_real_course(work) if source == ROOT else copy_course(work, source)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """built(course, engine) -> the site of "fixture" (the tiny test course), "hubs" (the test course laid out
    with module hubs) or "real" (the real course), built
    once per session and engine. Each build is of a private copy (a build writes the generated pages into the
    project, and the two engines must not share them), except the real course under MkDocs, which is built in
    place, as `make build` does."""
    sites: dict[tuple[str, str], Path] = {}

    def build(course: str, engine: str) -> Path:
        if (course, engine) not in sites:
            work = tmp_path_factory.mktemp(f"{course}-{engine}")
            if course == "real" and engine == "mkdocs":
                project = ROOT
            else:
                project = _private_project(work, {"fixture": FIXTURE_COURSE, "hubs": HUBS_COURSE, "study": STUDY_COURSE}.get(course, ROOT))
            sites[(course, engine)] = build_site(project, work / "site", engine)
        return sites[(course, engine)]

    return build


@pytest.fixture(scope="session")
def fixture_site(built, engine) -> Path:
    """The tiny test course (two quizzes, one branching case), built by each engine in turn."""
    return built("fixture", engine)


@pytest.fixture(scope="session")
def real_site(built, engine) -> Path:
    """The real course, built by each engine in turn."""
    return built("real", engine)


@pytest.fixture(scope="session")
def hubs_site(built) -> Path:
    """The test course laid out as the real one: module hubs, teaching pages, a summary; built once, by MkDocs."""
    return built("hubs", "mkdocs")


@pytest.fixture(scope="session")
def study_site(built, engine) -> Path:
    """The study tools' test course (exam, review, dashboard, calculators, chart), built by each engine in turn."""
    return built("study", engine)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def serve():
    """serve(directory) -> base URL on 127.0.0.1; every server stops at the end of the session."""
    servers: dict[Path, Server] = {}

    def start(directory: Path) -> str:
        if directory not in servers:
            servers[directory] = Server(directory)
        return servers[directory].url

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs it), or `apt-get install -y chromium`, or set CHROMIUM=/path/to/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return parsed.hostname in LOCAL_HOSTS


@pytest.fixture
def external_requests():
    """Every request to another host that a test's pages tried to make (they are all blocked)."""
    return []


@pytest.fixture
def context(browser, external_requests):
    """A fresh browser profile whose requests to any other host are blocked and recorded.
    The test fails at teardown if any was attempted."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})

    def route(r):
        if _is_local(r.request.url):
            r.continue_()
        else:
            external_requests.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    yield ctx
    ctx.close()
    assert external_requests == [], f"pages tried to reach other hosts: {external_requests}"


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture(params=["file", "http"])
def site_url(request, serve):
    """site_url(site_dir, path) -> the page's address, over file:// and over http://127.0.0.1 in turn."""

    def url(site: Path, path: str = "index.html") -> str:
        if request.param == "file":
            return (site / path).as_uri() if "#" not in path else (site / path.split("#")[0]).as_uri() + "#" + path.split("#")[1]
        return serve(site) + path

    url.mode = request.param
    return url


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory, serve, engine) -> str:
    """The test course with site_url set to its own loopback address; returns that address.
    Material's instant navigation only intercepts links listed in sitemap.xml, which is empty without site_url."""
    from helpers import copy_course

    work = tmp_path_factory.mktemp(f"instant-{engine}")
    project = copy_course(work)
    url = serve(work / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nsite_url: {url}\n", encoding="utf-8")
    build_site(project, work / "site", engine)
    return url


@pytest.fixture(scope="session")
def axe_source() -> str:
    import axe_playwright_python

    return next(Path(axe_playwright_python.__file__).parent.rglob("axe.min.js")).read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """axe(page, *selectors, skip=rule ids) -> axe-core violations inside those elements, or the whole page
    when no selector is given (rule id, help, failing HTML)."""

    def run(page, *selectors, skip=()):
        # no half-faded text; an animation cancelled meanwhile (a scheme switch restarts transitions) is over too
        page.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            "async ([sel, skip]) => (await axe.run(sel.length ? {include: sel.map(s => [s])} : document,"
            " {rules: Object.fromEntries(skip.map(r => [r, {enabled: false}]))})).violations"
            ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.html.slice(0, 160))}))",
            [list(selectors), list(skip)],
        )
        return violations

    return run
