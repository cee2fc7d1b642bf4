"""IMS QTI 1.2 package for Canvas (`canvas.zip`), the format of Canvas's own quiz export and its "QTI .zip file"
import.

The instructor walk found that Canvas drops per-option feedback from QTI 2.1 packages (a QTI 2.1 generator
that tested Canvas reports the same), so Canvas gets QTI 1.2, laid out as Canvas's own export is: a manifest
naming one assessment per quiz or case (`<bank>/<bank>.xml`), each with one section of items. An item keeps:

- the stem as HTML (a case decision's carries its stage, as every export does), image files in `images/`
  referred to as Canvas refers to a package's files (`$IMS-CC-FILEBASE$/images/...`);
- Canvas's question type and points in `itemmetadata` (`multiple_choice_question`, `true_false_question`,
  `multiple_answers_question`; 1 point);
- the scoring in `resprocessing`: SCORE 100 only for the correct option, or for multiple select the exact
  correct set (each correct option chosen and no wrong one), the site's all-or-nothing rule;
- every option's feedback as an `itemfeedback` (`<option>_fb`) that a `displayfeedback` shows when that
  option is chosen, and the explanation with the references as the general feedback (`general_fb`), shown
  whatever was chosen.

The documents are written in the namespace of QTI 1.2.1's XML Schema binding, as Canvas writes them; the
elements and attributes are those of the IMS QTI 1.2.1 DTD, and the tests validate every document against it.
"""

from __future__ import annotations

import zipfile
from html import escape
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from . import html
from .select import Bank, Item

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FILEBASE = "%24IMS-CC-FILEBASE%24"  # Canvas's name for the package's own files, URL-escaped as Canvas writes it

QUESTION_TYPES = {"single": "multiple_choice_question", "true-false": "true_false_question",
                  "multiple": "multiple_answers_question"}


def write(job) -> list[Path]:
    path = job.out / "canvas.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in package(job.course, job.banks, job.docs).items():
            z.writestr(name, data)
    return [path]


def package(course, banks: list[Bank], docs: Path) -> dict[str, bytes]:
    """File name in the zip -> content: the manifest, one assessment per bank, the images."""
    files: dict[str, bytes] = {}
    images: list[str] = []
    for bank in banks:
        files[assessment_file(bank)] = _xml(assessment(course, bank))
        for item in bank.items:
            q = item.question
            if q.image and f"images/{html.image_name(q)}" not in files:
                name = f"images/{html.image_name(q)}"
                files[name] = html.image_file(docs, q).read_bytes()
                images.append(name)
    files["imsmanifest.xml"] = _xml(manifest(banks, images))
    return files


def assessment_file(bank: Bank) -> str:
    return f"{ident(bank.id)}/{ident(bank.id)}.xml"


def ident(course_id: str) -> str:
    return f"course-{course_id}"  # QTI 1.2 idents are free text, but Canvas's own start with a letter; course ids may not


def assessment(course, bank: Bank) -> etree._Element:
    root = etree.Element(f"{{{QTI}}}questestinterop", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    test = _sub(root, "assessment", ident=ident(bank.id), title=f"{'Quiz' if bank.kind == 'quiz' else 'Case'}: {bank.title}")
    _metadata(test, [("cc_maxattempts", "1")])
    section = _sub(test, "section", ident=f"{ident(bank.id)}-section")
    for item in bank.items:
        section.append(assessment_item(course, bank, item))
    return root


def assessment_item(course, bank: Bank, item: Item) -> etree._Element:
    q = item.question
    # an item's ident is unique in its assessment; a question in two quizzes is an item in each
    node = etree.Element(f"{{{QTI}}}item", ident=f"{ident(bank.id)}-{q.id}", title=_title(q))
    meta = _sub(node, "itemmetadata")
    _metadata(meta, [("question_type", QUESTION_TYPES[q.type]), ("points_possible", "1"),
                     ("original_answer_ids", ",".join(_option(o.id) for o in q.options))])
    presentation = _sub(node, "presentation")
    stem = html.block(item.stem)
    if q.image:
        stem += f'<p><img src="{FILEBASE}/images/{quote(html.image_name(q))}" alt="{escape(q.image.alt, quote=True)}"></p>'
    _mattext(_sub(presentation, "material"), stem)
    response = _sub(presentation, "response_lid", ident="response1", rcardinality="Multiple" if q.type == "multiple" else "Single")
    choices = _sub(response, "render_choice", shuffle="No")
    for o in q.options:
        _mattext(_sub(_sub(choices, "response_label", ident=_option(o.id)), "material"), html.inline(o.text))
    _scoring(node, q)
    _feedback(node, "general_fb", html.general_feedback(course, q))
    for o in q.options:
        verdict = "Correct" if o.correct else "Incorrect"
        _feedback(node, f"{_option(o.id)}_fb", f"<p><strong>{verdict}.</strong> {html.inline(o.feedback)}</p>")
    return node


def _scoring(node, q) -> None:
    """Feedback first (each condition continues), then the score: 100 only for the correct answer or set."""
    rp = _sub(node, "resprocessing")
    _sub(_sub(rp, "outcomes"), "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
    general = _sub(rp, "respcondition", **{"continue": "Yes"})
    _sub(_sub(general, "conditionvar"), "other")
    _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for o in q.options:
        chosen = _sub(rp, "respcondition", **{"continue": "Yes"})
        _sub(_sub(chosen, "conditionvar"), "varequal", respident="response1").text = _option(o.id)
        _sub(chosen, "displayfeedback", feedbacktype="Response", linkrefid=f"{_option(o.id)}_fb")
    right = _sub(rp, "respcondition", **{"continue": "No"})
    condition = _sub(right, "conditionvar")
    if q.type == "multiple":
        every = _sub(condition, "and")
        for o in q.options:
            parent = every if o.correct else _sub(every, "not")
            _sub(parent, "varequal", respident="response1").text = _option(o.id)
    else:
        [correct] = [o for o in q.options if o.correct]
        _sub(condition, "varequal", respident="response1").text = _option(correct.id)
    _sub(right, "setvar", varname="SCORE", action="Set").text = "100"


def manifest(banks: list[Bank], images: list[str]) -> etree._Element:
    root = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    root.set("identifier", "course-export-canvas")
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "IMS Content"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CP}}}organizations")
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    for bank in banks:
        res = etree.SubElement(resources, f"{{{CP}}}resource", identifier=ident(bank.id), type="imsqti_xmlv1p2")
        etree.SubElement(res, f"{{{CP}}}file", href=assessment_file(bank))
    for n, name in enumerate(images, 1):
        res = etree.SubElement(resources, f"{{{CP}}}resource", identifier=f"image-{n}", type="webcontent", href=name)
        etree.SubElement(res, f"{{{CP}}}file", href=name)
    return root


def _metadata(parent, fields) -> None:
    meta = _sub(parent, "qtimetadata")
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel").text = label
        _sub(field, "fieldentry").text = entry


def _feedback(node, name: str, fragment: str) -> None:
    _mattext(_sub(_sub(_sub(node, "itemfeedback", ident=name), "flow_mat"), "material"), fragment)


def _mattext(material, fragment: str) -> None:
    """QTI 1.2 carries HTML as the text of a mattext (escaped), not as elements."""
    _sub(material, "mattext", texttype="text/html").text = fragment


def _option(option_id: str) -> str:
    return f"option-{option_id}"


def _title(q) -> str:
    text = " ".join(html.plain(q.stem).split())
    return text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"


def _sub(parent, tag, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{QTI}}}{tag}", **attrs)


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
