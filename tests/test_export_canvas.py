"""`course export --format canvas`: the QTI 1.2 package for Canvas, validated against the official IMS QTI
1.2.1 DTD and read back question by question: per-option feedback, general feedback and scoring.

The DTD (`ims_qtiasiv1p2p1.dtd`, IMS Global, 2003) carries no licence of its own, and pyslet's BSD licence
covers pyslet's code, not IMS's file, so it is not vendored: the test setup fetches pyslet's source release
from PyPI with `pip download` (as the README says) and checks the DTD's SHA-256. If that fails the tests fail;
nothing is skipped.

Canvas writes QTI 1.2 in the namespace of the spec's XML Schema binding, and so does the export; the DTD
predates namespaces, so each document is validated with its namespace taken off (after checking that every
element is in it, so nothing foreign is dropped unseen).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from course import load_course
from course.cli import main
from course.export import export, html, select
from course.export.canvas import QTI
from helpers import EXPORT_QUIZ, EXPORT_SVG, export_course

PYSLET = "pyslet==0.7.20170805"
DTD_IN_SDIST = "unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd"
DTD_SHA256 = "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd"  # the file in pyslet 0.7.20170805
QUIZ, SVG = EXPORT_QUIZ, EXPORT_SVG
NS = {"q": QTI}


@pytest.fixture(scope="session")
def qti_dtd(request) -> etree.DTD:
    """IMS's QTI 1.2.1 DTD, from pyslet's source release on PyPI (cached in pytest's cache between runs)."""
    cache = Path(request.config.cache.mkdir("qti12-dtd"))
    dtd = cache / "ims_qtiasiv1p2p1.dtd"
    if not dtd.exists():
        got = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--dest", str(cache), PYSLET],
                             capture_output=True, text=True)
        if got.returncode != 0:
            pytest.fail(f"could not fetch the QTI 1.2.1 DTD: pip download {PYSLET} failed:\n{got.stderr[-2000:]}")
        [sdist] = cache.glob("pyslet-*.tar.gz")
        with tarfile.open(sdist) as tar:
            member = tar.getmember(f"{sdist.name.removesuffix('.tar.gz')}/{DTD_IN_SDIST}")
            dtd.write_bytes(tar.extractfile(member).read())
    data = dtd.read_bytes()
    assert hashlib.sha256(data).hexdigest() == DTD_SHA256, f"{dtd} is not the DTD this test was written against"
    return etree.DTD(io.BytesIO(data))


@pytest.fixture(scope="module")
def course_root(tmp_path_factory) -> Path:
    return export_course(tmp_path_factory.mktemp("canvas"))


@pytest.fixture(scope="module")
def course(course_root):
    return load_course(course_root)


@pytest.fixture(scope="module")
def package(course_root, course, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("out")
    [path] = export(course, course_root / "docs", out, formats=("canvas",), title="Sample course")
    assert path == out / "canvas.zip"
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def text(html: str) -> str:
    return " ".join(lxml.html.fragment_fromstring(html or "", create_parent="div").text_content().split())


def without_namespace(data: bytes) -> etree._ElementTree:
    """The document as the DTD knows it: every element checked to be in the QTI namespace, then taken out of it."""
    root = etree.fromstring(data)
    foreign = {el.tag for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).namespace != QTI}
    assert not foreign, f"elements outside QTI 1.2: {foreign}"
    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = etree.QName(el).localname
            for name in [n for n in el.attrib if n.startswith("{")]:
                assert etree.QName(name).localname == "schemaLocation"
                del el.attrib[name]
    etree.cleanup_namespaces(root)
    assert root.nsmap == {}
    return etree.ElementTree(root)


def assessments(package) -> dict[str, etree._Element]:
    return {name: etree.fromstring(data) for name, data in package.items() if name.endswith(".xml") and name != "imsmanifest.xml"}


# -- the DTD ----------------------------------------------------------------------------------------


def test_every_assessment_is_valid_against_the_qti_1_2_1_dtd(package, qti_dtd):
    found = assessments(package)
    assert found
    for name, _ in found.items():
        doc = without_namespace(package[name])
        assert qti_dtd.validate(doc), f"{name}: {qti_dtd.error_log.filter_from_errors()}"


def test_the_dtd_check_can_fail(package, qti_dtd):
    """The validation is not vacuous: a feedback link of a kind QTI 1.2 lacks, or an item feedback with no
    content, is rejected."""
    name = next(iter(assessments(package)))
    doc = without_namespace(package[name])
    doc.find(".//displayfeedback").set("feedbacktype", "Popup")
    assert not qti_dtd.validate(doc)
    doc = without_namespace(package[name])
    feedback = doc.find(".//itemfeedback")
    for child in list(feedback):
        feedback.remove(child)
    assert not qti_dtd.validate(doc)


# -- the package ------------------------------------------------------------------------------------


def test_the_manifest_lists_one_assessment_per_quiz_or_case_and_every_file(course, package):
    manifest = etree.fromstring(package["imsmanifest.xml"])
    cp = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
    resources = manifest.findall("cp:resources/cp:resource", cp)
    tests = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    assert [r.get("identifier") for r in tests] == [f"course-{b.id}" for b in select(course)]
    listed = {f.get("href") for r in resources for f in r.findall("cp:file", cp)}
    assert listed == set(package) - {"imsmanifest.xml"}
    assert "images/sample-q3-pupils.svg" in listed and package["images/sample-q3-pupils.svg"] == SVG


def read_items(package) -> dict[str, etree._Element]:
    """question id -> its item, for every assessment (a question appears once per quiz that holds it)."""
    found = {}
    for root in assessments(package).values():
        [test] = root.findall("q:assessment", NS)
        for item in test.iterfind(".//q:item", NS):
            found[item.get("ident").removeprefix(test.get("ident") + "-")] = item
    return found


def test_every_question_keeps_its_stem_options_types_and_points(course, package):
    got = read_items(package)
    banks = select(course)
    assert list(got) == [i.id for b in banks for i in b.items]
    for item in (i for b in banks for i in b.items):
        q, node = item.question, got[item.id]
        meta = {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
                for f in node.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)}
        assert meta["question_type"] == {"single": "multiple_choice_question", "true-false": "true_false_question",
                                         "multiple": "multiple_answers_question"}[q.type]
        assert meta["points_possible"] == "1"
        stem = node.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
        assert text(q.stem.split("\n")[0]) in text(stem)
        [response] = node.findall("q:presentation/q:response_lid", NS)
        assert response.get("rcardinality") == ("Multiple" if q.type == "multiple" else "Single")
        labels = response.findall("q:render_choice/q:response_label", NS)
        assert [text(l.findtext("q:material/q:mattext", namespaces=NS)) for l in labels] == [text(html.inline(o.text)) for o in q.options]  # Markdown rendered
        assert meta["original_answer_ids"] == ",".join(l.get("ident") for l in labels)
    assert "<em>Miosis</em>" in got["sample-q2"].findtext(".//q:response_label/q:material/q:mattext", namespaces=NS)
    image = got["sample-q3"].findtext("q:presentation/q:material/q:mattext", namespaces=NS)
    assert '<img src="%24IMS-CC-FILEBASE%24/images/sample-q3-pupils.svg" alt="Small pupils">' in image


def respond(node, chosen: set[str]) -> tuple[float, list[str]]:
    """Run an item's resprocessing on a response as a QTI 1.2 processor does: every condition in order,
    setvar and displayfeedback where it holds, stopping after a true one with continue="No"."""

    def holds(cond) -> bool:
        tag = etree.QName(cond).localname
        if tag == "other":
            return True
        if tag == "varequal":
            assert cond.get("respident") == "response1"
            return cond.text in chosen
        if tag == "not":
            [inner] = cond
            return not holds(inner)
        if tag == "and":
            return all(holds(c) for c in cond)
        if tag == "or":
            return any(holds(c) for c in cond)
        raise AssertionError(f"condition {tag} not expected")

    score, shown = 0.0, []
    for rc in node.iterfind("q:resprocessing/q:respcondition", NS):
        if all(holds(c) for c in rc.find("q:conditionvar", NS)):
            for setvar in rc.iterfind("q:setvar", NS):
                assert setvar.get("varname") == "SCORE"
                value = float(setvar.text)
                score = {"Set": value, "Add": score + value, "Subtract": score - value}[setvar.get("action")]
            shown += [d.get("linkrefid") for d in rc.iterfind("q:displayfeedback", NS)]
            if rc.get("continue") == "No":
                break
    return score, shown


def test_scoring_and_feedback_for_every_possible_response(course, package):
    """All or nothing, as on the site: 100 only for the correct option, or for multiple select the exact
    correct set; each chosen option's feedback and the general feedback are shown whatever the score."""
    got = read_items(package)
    for item in (i for b in select(course) for i in b.items):
        q, node = item.question, got[item.id]
        idents = [l.get("ident") for l in node.iterfind(".//q:response_label", NS)]
        correct = {i for i, o in zip(idents, q.options) if o.correct}
        if q.type == "multiple":
            responses = [set(c) for n in range(len(idents) + 1) for c in itertools.combinations(idents, n)]
        else:
            responses = [{i} for i in idents]
        for response in responses:
            score, shown = respond(node, response)
            assert score == (100.0 if response == correct else 0.0), (item.id, response)
            assert shown[0] == "general_fb" and sorted(shown[1:]) == sorted(f"{i}_fb" for i in response)


def test_per_option_and_general_feedback_texts(course, package):
    got = read_items(package)
    for item in (i for b in select(course) for i in b.items):
        q, node = item.question, got[item.id]
        feedback = {f.get("ident"): text(f.findtext("q:flow_mat/q:material/q:mattext", namespaces=NS))
                    for f in node.iterfind("q:itemfeedback", NS)}
        idents = [l.get("ident") for l in node.iterfind(".//q:response_label", NS)]
        assert set(feedback) == {"general_fb", *(f"{i}_fb" for i in idents)}
        for ident, o in zip(idents, q.options):
            assert feedback[f"{ident}_fb"] == f"{'Correct' if o.correct else 'Incorrect'}. {text(html.inline(o.feedback))}"
        assert feedback["general_fb"].startswith(text(q.explanation))
        for key in q.references:
            assert course.references[key].citation.split(".")[0] in feedback["general_fb"]


def test_a_case_decision_carries_its_stage(course, package):
    got = read_items(package)
    [case] = select(course, module=["icu"])
    [decision] = case.items
    stem = text(got[decision.id].findtext("q:presentation/q:material/q:mattext", namespaces=NS))
    assert all(part in stem for part in ("Sample case", "Emergency department", "Vital signs", "What next?"))


def test_course_export_writes_canvas_by_default(course_root, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--root", str(course_root), "--out", str(out), "--quiz", "motor-sample", "--format", "canvas"]) == 0
    assert capsys.readouterr().out.split() == [str(out / "canvas.zip")]
    assert main(["export", "--root", str(course_root), "--out", str(out / "all")]) == 0
    assert str(out / "all" / "canvas.zip") in capsys.readouterr().out.split()
