"""`course export`: every format read back by a real consumer or a strict reader and compared, question by
question, with the course it came from: feedback, explanation, references, images and the scoring rule.

- Moodle XML is read back element by element (Moodle itself is PHP and cannot run here).
- The QTI 2.1 package (for Blackboard) is opened as a content package: every file the manifest lists is in the zip and
  every item's response, choices and feedback are read back. (No package on PyPI or npm ships IMS's
  QTI 2.1 XSD files, so the schema check is structural; see the authoring guide.)
- The Anki deck is imported into a fresh collection by the official `anki` package.
- The answer key is read as HTML, and its PDF as text with pypdf.
"""

from __future__ import annotations

import base64
import io
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from course import load_course
from course.cli import main
from course.export import ExportError, export, select
from helpers import EXPORT_QUIZ, EXPORT_SVG, copy_course, edit, export_course

QUIZ, SVG = EXPORT_QUIZ, EXPORT_SVG


@pytest.fixture(scope="module")
def course_root(tmp_path_factory) -> Path:
    return export_course(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def course(course_root):
    return load_course(course_root)


@pytest.fixture(scope="module")
def exported(course_root, course, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    export(course, course_root / "docs", out, formats=("moodle", "qti", "anki", "key"), title="Sample course")
    return out


def text(html: str) -> str:
    """What a reader sees of an HTML fragment: its text, whitespace collapsed."""
    return " ".join(lxml.html.fragment_fromstring(html or "", create_parent="div").text_content().split())


def items(course):
    return [item for bank in select(course) for item in bank.items]


# -- selection --------------------------------------------------------------------------------------


def test_selection_by_quiz_module_and_tag(course):
    assert [b.id for b in select(course)] == ["crisis-sample", "motor-sample", "gbs-sample"]
    assert [b.id for b in select(course, quiz=["motor-sample"])] == ["motor-sample"]  # --quiz leaves cases out
    assert [b.id for b in select(course, case=["gbs-sample"])] == ["gbs-sample"]  # --case leaves quizzes out
    assert [b.id for b in select(course, quiz=["motor-sample"], case=["gbs-sample"])] == ["motor-sample", "gbs-sample"]
    with pytest.raises(ExportError, match="no case 'gbs-sampel': use one of gbs-sample"):
        select(course, case=["gbs-sampel"])
    assert [b.id for b in select(course, module=["icu"])] == ["gbs-sample"]
    with pytest.raises(ExportError, match="no module 'icu-typo': use one of crisis, icu"):
        select(course, module=["icu-typo"])
    with pytest.raises(ExportError, match="nothing to export"):
        select(course, tag=["no-such-tag"])


def test_a_case_exports_its_decisions_in_stage_order_with_the_narrative_as_stem(course):
    [case] = select(course, module=["icu"])
    [decision] = case.items
    assert decision.id == "sample-gbs-ed"
    stem = decision.stem
    order = ["Sample case", "A 45-year-old man", "Emergency department", "He has areflexia", "Vital signs", "Heart rate", "112 /min (high)", "What next?"]
    assert [stem.index(part) for part in order] == sorted(stem.index(part) for part in order)


def test_tag_selection_keeps_only_tagged_questions(tmp_path):
    root = copy_course(tmp_path)
    (root / "tags.yml").write_text("nmj: The junction.\n", encoding="utf-8")
    edit(root / "quizzes/motor-sample.yml", "  - id: motor-q2\n", "  - id: motor-q2\n    tags: [nmj]\n")
    [bank] = select(load_course(root), tag=["nmj"])
    assert (bank.id, [i.id for i in bank.items]) == ("motor-sample", ["motor-q2"])


# -- Moodle XML -------------------------------------------------------------------------------------


def read_moodle(path: Path) -> dict[str, dict]:
    """Every question of a Moodle XML file, as Moodle's importer reads it: category, type, texts, answers, tags."""
    root = etree.parse(str(path)).getroot()
    assert root.tag == "quiz"
    found, category = {}, None
    for q in root.findall("question"):
        if q.get("type") == "category":
            category = q.findtext("category/text")
            continue
        found[q.findtext("idnumber")] = {
            "type": q.get("type"), "category": category, "name": q.findtext("name/text"),
            "stem": q.findtext("questiontext/text"), "files": {f.get("name"): base64.b64decode(f.text) for f in q.findall("questiontext/file")},
            "general": q.findtext("generalfeedback/text"), "single": q.findtext("single"),
            "answers": [(a.findtext("text"), float(a.get("fraction")), a.findtext("feedback/text")) for a in q.findall("answer")],
            "tags": [t.findtext("text") for t in q.findall("tags/tag")],
        }
    return found


def test_moodle_xml_read_back_question_by_question(course, exported):
    questions = read_moodle(exported / "moodle.xml")
    assert list(questions) == [i.id for i in items(course)]
    for bank in select(course):
        for item in bank.items:
            q, got = item.question, questions[item.id]
            kind = "Quiz" if bank.kind == "quiz" else "Case"
            assert got["category"] == f"$course$/top/{bank.module_title}/{kind}: {bank.title}"
            assert text(q.stem.split("\n")[0]) in text(got["stem"])
            assert text(got["general"]).startswith(text(q.explanation))
            for key in q.references:  # the references follow the explanation
                assert course.references[key].citation.split(".")[0] in text(got["general"])
            assert [text(f) for _, _, f in got["answers"]] == [text(o.feedback) for o in q.options]
            assert got["tags"] == list(q.tags)


def test_moodle_scoring_rule_of_each_type(course, exported):
    questions = read_moodle(exported / "moodle.xml")
    single, multiple, truefalse = questions["sample-q1"], questions["sample-q2"], questions["sample-q3"]
    assert (single["type"], single["single"]) == ("multichoice", "true")
    assert [(text(a), f) for a, f, _ in single["answers"]] == [("Oxygen saturation", 0), ("Forced vital capacity", 100), ("Respiratory rate", 0)]
    # all or nothing as near as Moodle core allows: each correct option 100/k, any wrong option -100
    assert (multiple["type"], multiple["single"]) == ("multichoice", "false")
    assert [(text(a), f) for a, f, _ in multiple["answers"]] == [("Miosis", 50), ("Fasciculations", -100), ("Bronchorrhoea", 50)]
    assert "<em>Miosis</em>" in multiple["answers"][0][0]  # Markdown arrives as HTML
    assert truefalse["type"] == "truefalse"
    assert [(a, f) for a, f, _ in truefalse["answers"]] == [("true", 0), ("false", 100)]


def test_moodle_embeds_the_image(exported):
    q = read_moodle(exported / "moodle.xml")["sample-q3"]
    assert q["files"] == {"sample-q3-pupils.svg": SVG}
    assert '<img src="@@PLUGINFILE@@/sample-q3-pupils.svg" alt="Small pupils">' in q["stem"]


# -- QTI 2.1 ------------------------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def read_qti(path: Path):
    """(manifest resources, items by id, tests by id) of a QTI 2.1 content package, checked as a package."""
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    manifest = etree.fromstring(z.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "QTIv2.1 Package"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    listed = {f.get("href") for f in manifest.iter(f"{CP}file")}
    assert listed | {"imsmanifest.xml"} == names, "the manifest lists exactly the files in the zip"
    for r in resources.values():
        assert r.get("href") in listed
        for dep in r.findall(f"{CP}dependency"):
            assert dep.get("identifierref") in resources
    parsed = {}
    for r in resources.values():
        root = etree.fromstring(z.read(r.get("href")))
        assert r.get("type") == {"assessmentItem": "imsqti_item_xmlv2p1", "assessmentTest": "imsqti_test_xmlv2p1"}[etree.QName(root).localname]
        parsed[r.get("identifier")] = root
    return z, resources, parsed


def test_qti_package_read_back_question_by_question(course, exported):
    z, resources, parsed = read_qti(exported / "qti.zip")
    for bank in select(course):
        test = parsed[f"test-{bank.id}"]
        refs = [ref.get("identifier") for ref in test.iter(f"{QTI}assessmentItemRef")]
        assert refs == [f"item-{i.id}" for i in bank.items]
        for item in bank.items:
            q, el = item.question, parsed[f"item-{item.id}"]
            response = el.find(f"{QTI}responseDeclaration")
            assert response.get("cardinality") == ("multiple" if q.type == "multiple" else "single")
            assert [v.text for v in response.iter(f"{QTI}value")] == [f"choice-{o}" for o in q.correct_ids]
            interaction = el.find(f"{QTI}itemBody/{QTI}choiceInteraction")
            assert interaction.get("maxChoices") == ("0" if q.type == "multiple" else "1")
            choices = interaction.findall(f"{QTI}simpleChoice")
            assert [" ".join("".join(c.itertext()).split()) for c in choices] == [text(o.text) if "*" not in o.text else o.text.strip("*") for o in q.options]
            processing = el.find(f"{QTI}responseProcessing")
            assert processing.get("template") == "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
            feedback = {f.get("identifier"): " ".join("".join(f.itertext()).split()) for f in el.iter(f"{QTI}modalFeedback")}
            for o in q.options:
                assert feedback[f"choice-{o.id}"] == ("Correct. " if o.correct else "Incorrect. ") + text(o.feedback)
            assert feedback["explanation"].startswith(text(q.explanation))
            assert text(q.stem) in " ".join("".join(el.find(f"{QTI}itemBody").itertext()).split())  # a decision's own question, after its stage


def test_qti_scoring_rules_score_like_the_site(exported):
    """Run each item's own response rules on answers, as a QTI player would: all or nothing."""
    _, _, parsed = read_qti(exported / "qti.zip")

    def score(item, chosen: set[str]) -> float:
        correct = {v.text for v in item.find(f"{QTI}responseDeclaration").iter(f"{QTI}value")}
        condition = item.find(f"{QTI}responseProcessing/{QTI}responseCondition")
        assert condition.find(f"{QTI}responseIf/{QTI}match/{QTI}correct").get("identifier") == "RESPONSE"
        branch = "responseIf" if chosen == correct else "responseElse"
        return float(condition.find(f"{QTI}{branch}/{QTI}setOutcomeValue/{QTI}baseValue").text)

    q2 = parsed["item-sample-q2"]
    assert score(q2, {"choice-a", "choice-c"}) == 1
    assert score(q2, {"choice-a"}) == 0  # one of two correct options: nothing, as on the site
    assert score(q2, {"choice-a", "choice-b", "choice-c"}) == 0


def test_qti_package_holds_the_image(exported):
    z, resources, parsed = read_qti(exported / "qti.zip")
    assert z.read("items/images/sample-q3-pupils.svg") == SVG
    imgs = list(parsed["item-sample-q3"].iter(f"{QTI}img"))
    assert [(i.get("src"), i.get("alt")) for i in imgs] == [("images/sample-q3-pupils.svg", "Small pupils")]
    assert "items/images/sample-q3-pupils.svg" in {f.get("href") for f in resources["item-sample-q3"].iter(f"{CP}file")}


# -- Anki -------------------------------------------------------------------------------------------


def test_anki_deck_imports_into_a_fresh_collection(course, exported, tmp_path):
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(exported / "anki.apkg"), options=ImportAnkiPackageOptions()))
        expected = {i.id: i for i in items(course)}
        assert col.note_count() == len(expected)
        notes = {col.get_note(nid)["Question id"]: col.get_note(nid) for nid in col.find_notes("")}
        assert set(notes) == set(expected)
        banks = {i.id: b for b in select(course) for i in b.items}
        for qid, note in notes.items():
            q = expected[qid].question
            front, back = text(note["Front"]), text(note["Back"])
            for i, o in enumerate(q.options):
                assert f"{'ABCDEFGH'[i]}. {text(o.text) if '*' not in o.text else o.text.strip('*')}" in front
                assert text(o.feedback) in back
                assert text(o.feedback) not in front
            assert text(q.explanation) in back and f"Answer: {', '.join('ABCDEFGH'[i] for i, o in enumerate(q.options) if o.correct)}" in back
            assert sorted(note.tags) == sorted([*q.tags, banks[qid].id])
            [card] = note.cards()
            assert col.decks.name(card.did) == f"Sample course::{banks[qid].module_title}"
        assert (Path(col.media.dir()) / "sample-q3-pupils.svg").read_bytes() == SVG
        assert 'src="sample-q3-pupils.svg"' in notes["sample-q3"]["Front"]
    finally:
        col.close()


def test_anki_reexport_updates_the_same_notes(course_root, course, exported, tmp_path):
    """Stable ids: importing a second export into the same collection adds nothing."""
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    again = tmp_path / "again"
    export(course, course_root / "docs", again, formats=("anki",), title="Sample course")
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        for apkg in (exported / "anki.apkg", again / "anki.apkg"):
            col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        assert col.note_count() == len(items(course))
    finally:
        col.close()


# -- answer key -------------------------------------------------------------------------------------


def test_answer_key_html_per_quiz_and_for_the_course(course, exported):
    for bank in select(course):
        page = lxml.html.parse(str(exported / f"answer-key-{bank.id}.html")).getroot()
        assert [d.get("id") for d in page.find_class("item")] == [f"item-{i.id}" for i in bank.items]
    page = lxml.html.parse(str(exported / "answer-key.html")).getroot()
    for item in items(course):
        q = item.question
        [block] = [d for d in page.find_class("item") if d.get("id") == f"item-{q.id}"]
        body = " ".join(block.text_content().split())
        assert f"Key: {', '.join('ABCDEFGH'[i] for i, o in enumerate(q.options) if o.correct)}" in body
        rows = block.findall(".//table[@class='options']/tbody/tr")
        verdicts = [" ".join(r.find_class("verdict")[0].text_content().split()) for r in rows]
        assert verdicts == ["✓ Correct" if o.correct else "Incorrect" for o in q.options]  # in words, not colour alone
        for o in q.options:
            assert text(o.feedback) in body
        assert text(q.explanation) in body
        for key in q.references:
            assert course.references[key].citation.split(".")[0] in body
    [img] = [i for i in page.iter("img")]
    assert img.get("src") == "data:image/svg+xml;base64," + base64.b64encode(SVG).decode()


def test_answer_key_pdf_prints_every_key(course, exported):
    from pypdf import PdfReader

    for bank in select(course):
        pdf = exported / f"answer-key-{bank.id}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        words = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages).split())
        assert f"Answer key: {bank.title}" in words
        keys = [f"Key: {', '.join('ABCDEFGH'[i] for i, o in enumerate(i_.question.options) if o.correct)}" for i_ in bank.items]
        assert words.count("Key: ") == len(keys) and all(k in words for k in keys)
        for item in bank.items:
            assert text(item.question.options[0].feedback)[:25] in words



def test_a_case_key_shows_where_each_option_leads_every_stage_the_endings_and_teaching_points(course, exported):
    page = lxml.html.parse(str(exported / "answer-key-gbs-sample.html")).getroot()
    [decision] = page.find_class("item")
    assert [" ".join(r.text_content().split()) for r in decision.find_class("route")] == ["At home (ending)", "Ward (ending)"]
    stages = {li.get("id"): " ".join(li.text_content().split()) for li in page.find_class("stage")}
    case = course.cases["gbs-sample"]
    assert list(stages) == [f"stage-{st.id}" for st in case.stages]
    assert stages["stage-sample-gbs-ed"] == "Emergency department Decision 1 above."
    assert stages["stage-sample-gbs-ward"] == "Ward His VC falls. Ending. Debrief: Good ending."
    assert stages["stage-sample-gbs-home"] == ("At home (reached only after a wrong choice) He returns in respiratory distress. "
                                               "Ending. Debrief: Bad ending.")
    body = " ".join(page.text_content().split())
    assert "Teaching points Measure VC serially." in body
    assert course.references["lawn-2001"].citation.split(".")[0] in body.split("Teaching points")[1]


def test_the_pdf_key_does_not_waste_pages(tmp_path, capsys):
    """Long items: the first question starts on the title's page, and no item pushes the next page blank
    (a key kept each item whole, so three long questions took four pages, the title alone on the first)."""
    from pypdf import PdfReader

    root = copy_course(tmp_path)
    long = " ".join(["This feedback is long on purpose so that one item fills most of a printed page of the key."] * 4)
    for old in ("A late sign; SpO2 stays normal until late.", "Right; FVC is the most reproducible bedside measure.",
                "May be normal even in ventilatory failure.", "{text: Miosis, correct: true, feedback: Muscarinic.}"):
        edit(root / QUIZ, old, old.replace("Muscarinic.", long) if old.startswith("{") else long)
    assert main(["export", "--root", str(root), "--out", str(tmp_path / "out"), "--quiz", "crisis-sample", "--format", "key-pdf"]) == 0
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "out/answer-key-crisis-sample.pdf")).pages]
    assert "Question 1." in pages[0]
    assert len(pages) < 1 + 3, f"{len(pages)} pages for 3 questions"
    assert all(not page.endswith(("Explanation", "References")) for page in pages)  # a heading stays with its text


# -- the command ------------------------------------------------------------------------------------


def test_course_export_command(course_root, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out), "--module", "crisis", "--format", "moodle", "--format", "key-html"]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in printed) == sorted(["moodle.xml", "answer-key-crisis-sample.html", "answer-key-motor-sample.html", "answer-key.html"])
    assert list(read_moodle(out / "moodle.xml")) == ["sample-q1", "sample-q2", "sample-q3", "motor-q1", "motor-q2"]
    assert "<h1>Answer key: Sample course</h1>" in (out / "answer-key.html").read_text(encoding="utf-8")


def test_course_export_of_one_case(course_root, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out), "--case", "gbs-sample", "--format", "moodle"]) == 0
    assert list(read_moodle(out / "moodle.xml")) == ["sample-gbs-ed"]


def test_course_export_refuses_an_unknown_quiz(course_root, tmp_path, capsys):
    assert main(["export", "--root", str(course_root), "--out", str(tmp_path), "--quiz", "crisis-sampel"]) == 1
    assert capsys.readouterr().err == "error: no quiz 'crisis-sampel': use one of crisis-sample, motor-sample\n"


# -- the PDF is a format of its own: the default export needs no Playwright ---------------------------


@pytest.fixture
def no_playwright(monkeypatch):
    """This machine as `make serve` leaves it: Playwright not installed (an import of it fails)."""
    monkeypatch.setitem(sys.modules, "playwright", None)
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)


def test_default_export_works_without_playwright(course_root, tmp_path, capsys, no_playwright):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out)]) == 0
    printed = sorted(Path(p).name for p in capsys.readouterr().out.split())
    keys = sorted(f"answer-key-{b.id}.html" for b in select(load_course(course_root))) + ["answer-key.html"]
    assert printed == sorted(["moodle.xml", "canvas.zip", "qti.zip", "anki.apkg", *keys])
    assert sorted(p.name for p in out.iterdir()) == printed  # no PDF, and nothing else


def test_key_pdf_without_playwright_says_what_to_install_and_writes_nothing(course_root, tmp_path, capsys, no_playwright):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out), "--format", "moodle", "--format", "key-pdf"]) == 1
    assert capsys.readouterr().err == (
        "error: --format key-pdf needs Playwright, which `make test` installs and `make serve` does not: run "
        "`.venv/bin/pip install -c constraints.txt playwright` (it prints with the system's Chromium and downloads "
        "no browser), or leave key-pdf out: the default export writes the HTML key, which prints from any browser\n")
    assert not out.exists() or not any(out.iterdir())


def test_key_pdf_without_chromium_says_where_it_looked(course_root, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    assert main(["export", "--root", str(course_root), "--out", str(tmp_path / "x"), "--format", "key-pdf"]) == 1
    assert capsys.readouterr().err == (
        f"error: --format key-pdf needs Chromium, not found at {tmp_path / 'no-chromium'}: `apt-get install chromium`, "
        "or set CHROMIUM=/path/to/chromium; or leave key-pdf out: the default export writes the HTML key\n")


def test_key_pdf_writes_the_pdfs_only(course_root, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out), "--module", "crisis", "--format", "key-pdf"]) == 0
    printed = sorted(Path(p).name for p in capsys.readouterr().out.split())
    assert printed == sorted(["answer-key-crisis-sample.pdf", "answer-key-motor-sample.pdf", "answer-key.pdf"])
    assert sorted(p.name for p in out.iterdir()) == printed
    assert all((out / name).read_bytes().startswith(b"%PDF-") for name in printed)
