"""IMS QTI 2.1 content package (a zip with imsmanifest.xml), for Blackboard.

Blackboard Learn imports QTI 2.1 packages into question banks (only for its own export format does it read
QTI 1.2-like files). Canvas gets QTI 1.2 instead (canvas.py): its importer was found to drop QTI 2.1's
per-option feedback.

Each question is an assessmentItem with a choiceInteraction (one choice for single best answer and
true/false, any number for multiple select) and its correct response. Response processing names the
standard match_correct template, which both LMSs recognise and which scores 1 only when the response
equals the correct set: exactly the site's all-or-nothing rule for multiple select. Its inline rules do
the same and also set FEEDBACK to the chosen options, so a QTI player shows each chosen option's
feedback (a modalFeedback per option); the explanation and references are a modalFeedback shown after
every attempt. Each quiz or case is an assessmentTest referring to its items; a question in two quizzes
is one item referred to twice.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import lxml.html
from lxml import etree

from . import html
from .select import Bank

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"

# The XHTML subset QTI 2.1 allows in item bodies, and the attributes kept on each
_ELEMENTS = {
    "p", "div", "span", "em", "strong", "b", "i", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption",
    "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "code", "pre", "kbd", "samp", "var", "br", "hr",
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "acronym", "cite", "q", "dfn", "sub", "sup",
    "small", "big", "tt", "address",
}
_ATTRIBUTES = {"a": ("href",), "img": ("src", "alt"), "abbr": ("title",), "th": ("scope", "colspan", "rowspan"),
               "td": ("colspan", "rowspan"), "ol": (), "q": ()}


def write(job) -> list[Path]:
    course, banks, docs, out = job.course, job.banks, job.docs, job.out
    path = out / "qti.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in package(course, banks, docs).items():
            z.writestr(name, data)
    return [path]


def package(course, banks: list[Bank], docs: Path) -> dict[str, bytes]:
    """File name in the zip -> content."""
    files: dict[str, bytes] = {}
    resources = []
    seen: set[str] = set()
    for bank in banks:
        for item in bank.items:
            q = item.question
            if q.id in seen:
                continue
            seen.add(q.id)
            href = f"items/{q.id}.xml"
            files[href] = _xml(assessment_item(course, item))
            extra = []
            if q.image:
                extra.append(f"items/images/{html.image_name(q)}")
                files[extra[0]] = html.image_file(docs, q).read_bytes()
            resources.append(("item", item_identifier(q.id), href, extra, ()))
        href = f"tests/{bank.id}.xml"
        files[href] = _xml(assessment_test(bank))
        resources.append(("test", f"test-{bank.id}", href, [], tuple(dict.fromkeys(item_identifier(i.id) for i in bank.items))))
    files["imsmanifest.xml"] = _xml(manifest(resources))
    return files


def item_identifier(question_id: str) -> str:
    return f"item-{question_id}"  # an identifier must not start with a digit; course ids may


def choice_identifier(option_id: str) -> str:
    return f"choice-{option_id}"


def assessment_item(course, item) -> etree._Element:
    q = item.question
    multiple = q.type == "multiple"
    cardinality = "multiple" if multiple else "single"
    root = etree.Element(f"{{{QTI}}}assessmentItem", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.attrib.update({"identifier": item_identifier(q.id), "title": _title(q), "adaptive": "false", "timeDependent": "false"})
    response = _sub(root, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType="identifier")
    correct = _sub(response, "correctResponse")
    for oid in q.correct_ids:
        _sub(correct, "value").text = choice_identifier(oid)
    score = _sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(_sub(score, "defaultValue"), "value").text = "0"
    _sub(root, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float").append(_default("1"))
    _sub(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality=cardinality, baseType="identifier")
    _sub(root, "outcomeDeclaration", identifier="EXPLANATION", cardinality="single", baseType="identifier")
    body = _sub(root, "itemBody")
    stem = _sub(body, "div", **{"class": "stem"})
    _html_into(stem, html.block(item.stem))
    if q.image:
        _sub(_sub(stem, "p"), "img", src=f"images/{html.image_name(q)}", alt=q.image.alt)
    interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="0" if multiple else "1")
    for o in q.options:
        choice = _sub(interaction, "simpleChoice", identifier=choice_identifier(o.id))
        _html_into(choice, html.inline(o.text))
    _response_processing(root)
    for o in q.options:
        verdict = "Correct" if o.correct else "Incorrect"
        feedback = _sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=choice_identifier(o.id), showHide="show", title=verdict)
        _html_into(feedback, f"<p><strong>{verdict}.</strong> {html.inline(o.feedback)}</p>")
    explanation = _sub(root, "modalFeedback", outcomeIdentifier="EXPLANATION", identifier="explanation", showHide="show", title="Explanation")
    _html_into(explanation, html.general_feedback(course, q))
    return root


def _response_processing(root):
    """match_correct's rules (SCORE 1 when the response is the correct set, else 0), plus the feedback outcomes."""
    rp = _sub(root, "responseProcessing", template=MATCH_CORRECT)
    condition = _sub(rp, "responseCondition")
    when = _sub(condition, "responseIf")
    match = _sub(when, "match")
    _sub(match, "variable", identifier="RESPONSE")
    _sub(match, "correct", identifier="RESPONSE")
    _set(when, "SCORE", "float", "1")
    _set(_sub(condition, "responseElse"), "SCORE", "float", "0")
    chosen = _sub(rp, "setOutcomeValue", identifier="FEEDBACK")
    _sub(chosen, "variable", identifier="RESPONSE")
    _set(rp, "EXPLANATION", "identifier", "explanation")


def assessment_test(bank: Bank) -> etree._Element:
    root = etree.Element(f"{{{QTI}}}assessmentTest", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.attrib.update({"identifier": f"test-{bank.id}", "title": bank.title})
    part = _sub(root, "testPart", identifier="part-1", navigationMode="nonlinear", submissionMode="individual")
    section = _sub(part, "assessmentSection", identifier=f"section-{bank.id}", title=bank.title, visible="true")
    for item in bank.items:
        _sub(section, "assessmentItemRef", identifier=item_identifier(item.id), href=f"../items/{item.id}.xml")
    return root


def manifest(resources) -> etree._Element:
    root = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    root.set("identifier", "manifest-course-export")
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.0.0"
    etree.SubElement(root, f"{{{CP}}}organizations")
    container = etree.SubElement(root, f"{{{CP}}}resources")
    for kind, identifier, href, extra, depends in resources:
        res = etree.SubElement(container, f"{{{CP}}}resource", identifier=identifier, type=f"imsqti_{kind}_xmlv2p1", href=href)
        for name in (href, *extra):
            etree.SubElement(res, f"{{{CP}}}file", href=name)
        for ref in depends:
            etree.SubElement(res, f"{{{CP}}}dependency", identifierref=ref)
    return root


def _html_into(parent, fragment: str):
    """Copy an HTML fragment into parent as QTI-namespaced XHTML, keeping only what QTI allows."""
    wrapper = lxml.html.fragment_fromstring(fragment or "", create_parent="div")
    parent.text = (parent.text or "") + (wrapper.text or "")
    for child in wrapper:
        parent.append(_convert(child))


def _convert(node) -> etree._Element:
    if not isinstance(node.tag, str):  # a comment
        el = etree.Element(f"{{{QTI}}}span")
        el.tail = node.tail
        return el
    tag = node.tag if node.tag in _ELEMENTS else "span"
    el = etree.Element(f"{{{QTI}}}{tag}")
    for name in _ATTRIBUTES.get(tag, ()):
        if node.get(name) is not None:
            el.set(name, node.get(name))
    if tag == "img" and el.get("alt") is None:
        el.set("alt", "")
    el.text = node.text
    for child in node:
        el.append(_convert(child))
    el.tail = node.tail
    return el


def _title(q) -> str:
    text = " ".join(html.plain(q.stem).split())
    return text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"


def _sub(parent, tag, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{QTI}}}{tag}", **attrs)


def _default(value: str) -> etree._Element:
    default = etree.Element(f"{{{QTI}}}defaultValue")
    etree.SubElement(default, f"{{{QTI}}}value").text = value
    return default


def _set(parent, identifier: str, base_type: str, value: str):
    _sub(_sub(parent, "setOutcomeValue", identifier=identifier), "baseValue", baseType=base_type).text = value


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
