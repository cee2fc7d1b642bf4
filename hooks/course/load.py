"""Load the whole course: read every YAML file, check it once, and build typed objects.

All problems in all files are collected and raised together in one CourseError.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path
from string import ascii_lowercase

from . import schema
from .citation import format_citation
from .errors import ContentError, CourseError, field_path
from .model import (Case, Course, Finding, FindingGroup, Image, Module, ModulePage, Objective, Option, Question, Quiz,
                    Reference, Stage)
from .yamlsource import line_of, read_front_matter, read_yaml, split_front_matter


class Layout:
    """Where course content lives, relative to the project root."""

    def __init__(self, root: Path, docs_dir: Path | None = None):
        self.root = Path(root)
        self.docs = Path(docs_dir) if docs_dir else self.root / "docs"
        self.quizzes = self.root / "quizzes"
        self.cases = self.root / "cases"
        self.references = self.root / "references.yml"
        self.references_dir = self.root / "references"  # optional: a bibliography split over several files
        self.glossary = self.root / "glossary.yml"
        self.tags = self.root / "tags.yml"
        self.modules = self.docs / "modules"

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def load_course(root: Path, docs_dir: Path | None = None) -> Course:
    """Return the course, or raise CourseError listing every problem found."""
    layout = Layout(root, docs_dir)
    loader = _Loader(layout)
    course = loader.run()
    if loader.errors:
        raise CourseError(loader.errors)
    return course


# (kind, display path, sha256 of the bytes) -> (data, positions, errors): a file is parsed and schema-checked
# once per change to it, however often the course is loaded (each page asks under `serve`). Entries are
# only read, never changed, by the loader.
_READ_CACHE: dict[tuple, tuple] = {}


def _version(*parts) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=lambda o: o.__dict__)
    return hashlib.sha256(blob.encode()).hexdigest()[:10]


class _Loader:
    def __init__(self, layout: Layout):
        self.layout = layout
        self.errors: list[ContentError] = []
        self.course = Course()
        self.ids: dict[str, tuple[str, int | None]] = {}  # every id in the course -> where first seen
        self.references_broken = False  # then its own errors are reported, not every citation of it
        self.tags_broken = False
        self.uses: list[tuple] = []  # (context, quiz id, question index, used id), resolved after all quizzes load

    def run(self) -> Course:
        self.course.modules = self._modules()
        self.course.references = self._references()
        self.course.glossary = self._glossary()
        self.course.tags = self._tags()
        for path in sorted(self.layout.quizzes.glob("*.y*ml")):
            quiz = self._file(path, "quiz", self._quiz)
            if quiz:
                self.course.quizzes[quiz.id] = quiz
        for path in sorted(self.layout.cases.glob("*.y*ml")):
            case = self._file(path, "case", self._case)
            if case:
                self.course.cases[case.id] = case
        self._resolve_uses()
        return self.course

    # -- files -------------------------------------------------------------

    def _read(self, path: Path, kind: str):
        """Read and schema-check one file, or take both from the cache when its bytes are unchanged."""
        display = self.layout.display(path)
        raw = path.read_bytes()
        key = (kind, display, hashlib.sha256(raw).digest())
        found = _READ_CACHE.get(key)
        if found is None:
            data, positions, errors = read_yaml(path, display, raw)
            if data is not None:
                invalid = schema.check(kind, data, positions, display)
                errors = errors + invalid
                data = None if invalid else data
            found = _READ_CACHE[key] = (data, positions, errors)
            if len(_READ_CACHE) > 4096:
                _READ_CACHE.clear()
        data, positions, errors = found
        self.errors += errors
        return data, positions, display

    def _file(self, path: Path, kind: str, build):
        data, positions, display = self._read(path, kind)
        if data is None:
            return None
        ctx = _Context(display, positions, self.errors)
        before = len(self.errors)
        obj = build(data, ctx)
        return obj if len(self.errors) == before else None

    def _modules(self) -> dict[str, Module]:
        modules = []
        objective_ids: dict[str, tuple[str, int | None]] = {}
        for page in sorted(self.layout.modules.glob("*.md")):
            display = self.layout.display(page)
            meta, positions, errors, body = read_front_matter(page, display)
            self.errors += errors
            if meta is not None:
                found = schema.check("module", meta, positions, display)
                self.errors += found
                if found:
                    meta = None
            meta = meta or {}
            ctx = _Context(display, positions, self.errors)
            objectives = []
            for i, o in enumerate(meta.get("objectives", ())):
                if o["id"] in objective_ids:
                    where, line = objective_ids[o["id"]]
                    ctx.error(("objectives", i, "id"), f"duplicate objective id '{o['id']}' (already used in {where}:{line}): objective ids are unique across the course; rename this one")
                    continue
                objective_ids[o["id"]] = (display, ctx.line(("objectives", i, "id")))
                objectives.append(Objective(o["id"], o["text"], page.stem, ctx.line(("objectives", i, "id"))))
            pages = []
            for i, rel in enumerate(meta.get("pages", ())):
                target = page.parent / rel
                if not target.is_file():
                    ctx.error(("pages", i), f"no page {self.layout.display(target)}: create it, or fix the path (it is relative to {display})")
                    continue
                _, _, text = split_front_matter(target.read_text(encoding="utf-8"))
                pages.append(ModulePage(target.relative_to(self.layout.docs).as_posix(), _title(text, target.stem), _words(text)))
            modules.append(Module(
                id=page.stem, title=meta.get("title") or _title(body, page.stem), order=meta.get("order", 0),
                summary=meta.get("summary"), objectives=tuple(objectives), pages=tuple(pages), source=display,
                short_title=meta.get("short_title"),
            ))
        modules.sort(key=lambda m: (m.order, m.id))
        return {m.id: m for m in modules}

    def _references(self) -> dict[str, Reference]:
        files = [self.layout.references] if self.layout.references.exists() else []
        if self.layout.references_dir.is_dir():
            files += sorted(self.layout.references_dir.glob("*.y*ml"))
        out: dict[str, Reference] = {}
        for path in files:
            data, positions, display = self._read(path, "references")
            if data is None:
                self.references_broken = True
                continue
            for key, entry in data.items():
                if key in out:
                    first = out[key]
                    self.errors.append(ContentError(display, positions.get((key,)), key, f"duplicate reference key '{key}' (already in {first.source}:{first.line}): keep one entry, or rename this one"))
                    continue
                citation = format_citation(entry)
                out[key] = Reference(key, citation, entry.get("url"), fields=dict(entry), source=display, line=positions.get((key,)))
        return out

    def _tags(self) -> dict[str, str]:
        if not self.layout.tags.exists():
            return {}
        data, _, _ = self._read(self.layout.tags, "tags")
        self.tags_broken = data is None
        return dict(data or {})

    def _glossary(self) -> dict[str, str]:
        if not self.layout.glossary.exists():
            return {}
        data, _, _ = self._read(self.layout.glossary, "glossary")
        return dict(data or {})

    # -- shared checks -----------------------------------------------------

    def _claim(self, ctx, path, value):
        if value == "index":
            ctx.error(path, "'index' is reserved for the generated index pages: choose another id")
        elif value in self.ids:
            where, line = self.ids[value]
            ctx.error(path, f"duplicate id '{value}' (already used in {where}:{line}): ids must be unique across the whole course; rename this one")
        else:
            self.ids[value] = (ctx.display, ctx.line(path))

    def _module(self, ctx, data):
        if data["module"] not in self.course.modules:
            known = ", ".join(self.course.modules) or "none yet"
            ctx.error(("module",), f"no module page docs/modules/{data['module']}.md: use one of {known}, or create that page")

    def _objective(self, ctx, path, value, module_id):
        """An objective names one of the course's declared objectives, where its module declares any."""
        module = self.course.modules.get(module_id)
        if value is None or module is None or not module.objectives:
            return value
        known = self.course.objectives
        if value not in known:
            hint = difflib.get_close_matches(value, known, n=1)
            did = f" (did you mean '{hint[0]}'?)" if hint else ""
            ids = ", ".join(o.id for o in module.objectives)
            ctx.error(path, f"unknown objective '{value}'{did}: name an objective id from the front matter of {module.source} ({ids}), or of another module")
        return value

    def _tag_list(self, ctx, path, tags):
        tags = tuple(tags or ())
        if self.course.tags and not self.tags_broken:
            for i, tag in enumerate(tags):
                if tag not in self.course.tags:
                    hint = difflib.get_close_matches(tag, self.course.tags, n=1)
                    did = f" (did you mean '{hint[0]}'?)" if hint else ""
                    ctx.error(path + (i,), f"unknown tag '{tag}'{did}: use a tag from tags.yml, or add this one there with what it covers")
        return tags

    @staticmethod
    def _lint(data) -> dict[str, str]:
        lint = data.get("lint")
        return {rule: lint["why"] for rule in lint["ignore"]} if lint else {}

    def _refs(self, ctx, path, keys):
        for i, key in enumerate(keys or ()):
            if key not in self.course.references and not self.references_broken:
                hint = difflib.get_close_matches(key, self.course.references, n=1)
                did = f" (did you mean '{hint[0]}'?)" if hint else ""
                ctx.error(path + (i,), f"unknown reference '{key}'{did}: add it to references.yml or fix the key")
        return tuple(keys or ())

    def _question(self, ctx, path, q, module_id, default_id=None) -> Question:
        qid = q.get("id", default_id)
        if "id" in q:
            self._claim(ctx, path + ("id",), qid)
        options = []
        for i, o in enumerate(q["options"]):
            oid = o.get("id", ascii_lowercase[i])
            options.append(Option(oid, o["text"], o["correct"], o["feedback"], o.get("next"), ctx.line(path + ("options", i))))
        ids = [o.id for o in options]
        for i, oid in enumerate(ids):
            if ids.index(oid) != i:
                ctx.error(path + ("options", i, "id"), f"option id '{oid}' is used twice in this question: give each option its own id")
        correct = sum(o.correct for o in options)
        kind = q["type"]
        if kind in ("single", "true-false") and correct != 1:
            label = "single-best-answer" if kind == "single" else "true/false"
            # point at the second 'correct: true', the line to change; with none, at the options
            where = ("options",) if correct == 0 else ("options", [i for i, o in enumerate(options) if o.correct][1], "correct")
            ctx.error(path + where, f"a {label} question needs exactly one correct option (found {correct}): set 'correct: true' on one option only")
        if kind == "multiple" and correct < 1:
            ctx.error(path + ("options",), "a multiple-select question needs at least one correct option (found 0): mark the right ones with 'correct: true'")
        if kind == "true-false" and len(options) != 2:
            ctx.error(path + ("options",), f"a true/false question has exactly two options, True and False (found {len(options)}): keep one option for True and one for False")
        image = None
        if "image" in q:
            image = Image(q["image"]["src"], q["image"]["alt"])
            if not (self.layout.docs / image.src).is_file():
                ctx.error(path + ("image", "src"), f"image file docs/{image.src} does not exist: add the file or fix the path (it is relative to docs/)")
        refs = self._refs(ctx, path + ("references",), q.get("references"))
        version = _version(kind, q["stem"], [(o.id, o.text, o.correct) for o in options])
        return Question(
            id=qid, type=kind, stem=q["stem"], options=tuple(options), explanation=q["explanation"],
            references=refs, tags=self._tag_list(ctx, path + ("tags",), q.get("tags")),
            objective=self._objective(ctx, path + ("objective",), q.get("objective"), module_id),
            difficulty=q.get("difficulty"), image=image, version=version,
            source=ctx.display, line=ctx.line(path), lint=self._lint(q),
        )

    # -- quizzes -------------------------------------------------------------

    def _quiz(self, data, ctx) -> Quiz:
        self._claim(ctx, ("id",), data["id"])
        self._module(ctx, data)
        questions = []
        for i, q in enumerate(data["questions"]):
            if "use" in q:  # resolved once every quiz is loaded: the question may be written in a later file
                self.uses.append((ctx, data["id"], i, q["use"]))
                questions.append(None)
            else:
                questions.append(self._question(ctx, ("questions", i), q, data["module"]))
        questions = tuple(questions)
        return Quiz(
            id=data["id"], title=data["title"], module=data["module"], questions=questions,
            description=data.get("description"), shuffle=data.get("shuffle", False), source=ctx.display,
            line=ctx.line(("id",)), lint=self._lint(data),
        )

    def _resolve_uses(self):
        """Put each {use: id} in its quiz as the very question written elsewhere: one object, one id, one saved answer."""
        written = {q.id: (quiz, q) for quiz in self.course.quizzes.values() for q in quiz.questions if q is not None}
        for ctx, quiz_id, index, qid in self.uses:
            quiz = self.course.quizzes.get(quiz_id)
            if qid not in written and qid in self.ids:
                ctx.error(("questions", index, "use"), f"'{qid}' is not a quiz question (it is written in {self.ids[qid][0]}): use a question written out in a quiz")
            elif qid not in written:
                hint = difflib.get_close_matches(qid, written, n=1)
                did = f" (did you mean '{hint[0]}'?)" if hint else ""
                ctx.error(("questions", index, "use"), f"no question '{qid}' to use{did}: name the id of a question written out in a quiz")
            elif written[qid][0].id == quiz_id:
                ctx.error(("questions", index, "use"), f"question '{qid}' is already in this quiz: use a question from another quiz")
            elif quiz is not None:
                questions = list(quiz.questions)
                questions[index] = written[qid][1]
                self.course.quizzes[quiz_id] = replace(quiz, questions=tuple(questions))
                continue
            if quiz is not None:
                self.course.quizzes.pop(quiz_id)
        for quiz in list(self.course.quizzes.values()):
            ids = [q.id for q in quiz.questions]
            for index, qid in enumerate(ids):
                if ids.index(qid) != index:
                    where = next(u[0] for u in self.uses if u[1] == quiz.id and u[2] == index)
                    where.error(("questions", index, "use"), f"question '{qid}' is used twice in this quiz: keep it once")
                    self.course.quizzes.pop(quiz.id, None)
                    break

    # -- cases ---------------------------------------------------------------

    def _case(self, data, ctx) -> Case:
        self._claim(ctx, ("id",), data["id"])
        self._module(ctx, data)
        raw = data["stages"]
        stage_ids = [s["id"] for s in raw]
        stages = []
        for i, s in enumerate(raw):
            path = ("stages", i)
            self._claim(ctx, path + ("id",), s["id"])
            if "debrief" in s:
                nxt = None
                if "next" in s:
                    ctx.error(path + ("next",), "an ending (a stage with a debrief) cannot have 'next': remove one of them")
            else:
                if "outcome" in s:
                    ctx.error(path + ("outcome",), "'outcome' names what happened at an ending: add a 'debrief' to make this stage one, or remove 'outcome'")
                nxt = s.get("next") or (stage_ids[i + 1] if i + 1 < len(raw) else None)
                if nxt is None:
                    ctx.error(path, "the last stage must be an ending: add a 'debrief', or a 'next' pointing to another stage")
            decision = None
            if "decision" in s:
                decision = self._question(ctx, path + ("decision",), s["decision"], data["module"], default_id=s["id"])
                for j, o in enumerate(s["decision"]["options"]):
                    if "next" in o and "debrief" in s:
                        ctx.error(path + ("decision", "options", j, "next"), "an ending cannot lead on: remove 'next' or the debrief")
            for link_path, target in self._links(path, s, nxt):
                if target not in stage_ids:
                    ctx.error(link_path, f"no stage '{target}' in this case: use one of {', '.join(stage_ids)}")
            groups = []
            for j, g in enumerate(s.get("findings", ())):
                if ("rows" in g) == ("text" in g):
                    ctx.error(path + ("findings", j), "a findings group has either 'rows' (a table) or 'text' (a report), not both or neither")
                rows = tuple(Finding(r["name"], str(r["value"]), r.get("unit", ""), r.get("reference", ""), r.get("flag")) for r in g.get("rows", ()))
                groups.append(FindingGroup(g["title"], rows, g.get("text")))
            stages.append(Stage(s["id"], s["title"], s["narrative"], tuple(groups), decision, nxt, s.get("debrief"), ctx.line(path),
                                s.get("outcome")))
        case = Case(
            id=data["id"], title=data["title"], module=data["module"], summary=data["summary"],
            stages=tuple(stages), teaching_points=tuple(data["teaching_points"]),
            references=self._refs(ctx, ("references",), data["references"]),
            objectives=tuple(data.get("objectives", ())), source=ctx.display, line=ctx.line(("id",)),
            lint=self._lint(data), diagnosis=data.get("diagnosis"), tags=self._tag_list(ctx, ("tags",), data.get("tags")),
        )
        if not ctx.failed_since_start():
            self._graph(ctx, case)
        return replace(case, version=_version([(s.id, sorted(s.leads_to())) for s in case.stages]))

    @staticmethod
    def _links(path, s, nxt):
        if "next" in s:
            yield path + ("next",), s["next"]
        for j, o in enumerate(s.get("decision", {}).get("options", ())):
            if "next" in o:
                yield path + ("decision", "options", j, "next"), o["next"]

    def _graph(self, ctx, case: Case):
        index = {s.id: i for i, s in enumerate(case.stages)}
        reached, todo = set(), [case.stages[0].id]
        while todo:
            sid = todo.pop()
            if sid not in reached:
                reached.add(sid)
                todo += case.stage(sid).leads_to()
        for s in case.stages:
            if s.id not in reached:
                ctx.error(("stages", index[s.id]), f"stage '{s.id}' can never be reached from the first stage: link to it with 'next', or remove it")
        # Every reachable stage must be able to reach an ending, or the student is trapped in a loop.
        can_end = {s.id for s in case.stages if s.ending}
        changed = True
        while changed:
            changed = False
            for s in case.stages:
                if s.id not in can_end and s.leads_to() & can_end:
                    can_end.add(s.id)
                    changed = True
        for s in case.stages:
            if s.id in reached and s.id not in can_end:
                ctx.error(("stages", index[s.id]), f"stage '{s.id}' leads into a loop with no ending: make one of its links go to an ending (a stage with a debrief)")


_HEADING = re.compile(r"^# (.+?)\s*$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")  # a link reads as its text
# markup characters, and HTML tags (a tag opens with a letter, / or !, so "< 48/60 ... > 7 days" is prose)
_MARKUP = re.compile(r"[#*_`>|-]+|</?[A-Za-z!][^>\n]*>")


def _title(markdown: str, fallback: str) -> str:
    m = _HEADING.search(markdown)
    return m.group(1).strip() if m else fallback.replace("-", " ").capitalize()


def _words(markdown: str) -> int:
    """Words a student reads on the page: prose and tables, not code, links' targets or markup."""
    text = _MARKUP.sub(" ", _LINK.sub(r"\1", _FENCE.sub(" ", markdown)))
    return len(text.split())


class _Context:
    """Where we are in one file, for error messages."""

    def __init__(self, display, positions, errors):
        self.display, self.positions, self.errors = display, positions, errors
        self.start = len(errors)

    def line(self, path):
        return line_of(self.positions, path)

    def error(self, path, message):
        self.errors.append(ContentError(self.display, self.line(tuple(path)), field_path(tuple(path)), message))

    def failed_since_start(self):
        return len(self.errors) > self.start
