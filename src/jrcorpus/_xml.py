"""TEI P5 and Akoma Ntoso 3.0 XML for documents, built with the standard library.

Both carry the exact text: the text content of every paragraph element is the paragraph's
text, with references and mentions as inline elements (nested where the annotation layers
nest; a mention that would cross a reference's boundary is left out, to stay well-formed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Union

from ._corpus import Corpus
from ._model import Document, Instrument, Party, PartyKind, Place

__all__ = ["AKN_NS", "TEI_NS", "akoma_ntoso", "tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

_Target = Union[Instrument, Party, Place]
_Span = tuple[int, int, _Target]


def _append_text(parent: ET.Element, last: ET.Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _spans(doc: Document, start: int, end: int) -> list[_Span]:
    found: list[tuple[int, int, int, _Target]] = [
        (r.start, -r.end, 0, r.instrument) for r in doc.references if start <= r.start < end
    ]
    found += [(m.start, -m.end, 1, m.entity) for m in doc.mentions if start <= m.start < end]
    return [(s, -e, target) for s, e, _, target in sorted(found, key=lambda f: f[:3])]


def _inline(
    parent: ET.Element, text: str, start: int, end: int, spans: list[_Span], element: object
) -> None:
    """Fill ``parent`` with ``text[start:end]``, the spans as nested child elements."""
    make = element  # (parent, target) -> child element
    pos, last, i = start, None, 0
    while i < len(spans):
        s, e, target = spans[i]
        j = i + 1
        while j < len(spans) and spans[j][0] < e:
            j += 1
        if e > end:  # crosses the enclosing element: leave it out
            i += 1
            continue
        _append_text(parent, last, text[pos:s])
        child: ET.Element = make(parent, target)  # type: ignore[operator]
        _inline(child, text, s, e, [sp for sp in spans[i + 1 : j] if sp[1] <= e], make)
        pos, last, i = e, child, j
    _append_text(parent, last, text[pos:end])


def _ncname(prefix: str, id_: str) -> str:
    return f"{prefix}-{id_}"


# -- TEI ---------------------------------------------------------------------------------


def _tei_tag(parent: ET.Element, target: _Target) -> ET.Element:
    if isinstance(target, Instrument):
        target_id = f"#{_ncname('inst', target.id)}"
        return ET.SubElement(parent, "ref", type="instrument", target=target_id)
    if isinstance(target, Place):
        return ET.SubElement(parent, "placeName", ref=f"jrcorpus:{target.id}")
    tag = {
        PartyKind.PERSON: "persName",
        PartyKind.ORGANISATION: "orgName",
        PartyKind.STATE: "orgName",
    }[target.kind]
    return ET.SubElement(parent, tag, ref=f"jrcorpus:{target.id}", type=target.kind.value)


def tei(doc: Document) -> ET.Element:
    """A ``<TEI>`` element for one document."""
    root = ET.Element("TEI", xmlns=TEI_NS)
    root.set(XML_ID, _ncname("doc", doc.id))
    header = ET.SubElement(root, "teiHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = doc.title
    publication = ET.SubElement(file_desc, "publicationStmt")
    ET.SubElement(publication, "publisher").text = "jrcorpus"
    ET.SubElement(publication, "idno", type="jrcorpus").text = doc.id
    notes = ET.SubElement(file_desc, "notesStmt")
    ET.SubElement(notes, "note", type="translation").text = (
        "Provisional translation into English; the original is authoritative."
        if doc.provisional
        else "English text."
    )
    source = ET.SubElement(file_desc, "sourceDesc")
    bibl = ET.SubElement(source, "bibl")
    ET.SubElement(bibl, "title").text = doc.title
    if doc.publisher:
        ET.SubElement(bibl, "publisher").text = doc.publisher
    ET.SubElement(bibl, "date", when=doc.date.isoformat())
    if doc.place:
        ET.SubElement(bibl, "pubPlace").text = doc.place
    if doc.source_url:
        ET.SubElement(bibl, "ref", target=doc.source_url).text = doc.source_url
    if doc.sha256:
        ET.SubElement(bibl, "idno", type="sha256").text = doc.sha256
    if doc.instruments:
        cited = ET.SubElement(source, "listBibl", type="cited-instruments")
        for instrument in doc.instruments:
            entry = ET.SubElement(cited, "bibl")
            entry.set(XML_ID, _ncname("inst", instrument.id))
            ET.SubElement(entry, "title").text = instrument.title
            ET.SubElement(entry, "date", when=instrument.date_text)
    profile = ET.SubElement(header, "profileDesc")
    ET.SubElement(ET.SubElement(profile, "langUsage"), "language", ident=doc.language)

    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    div = ET.SubElement(body, "div", type=doc.kind.value)
    text = doc.text
    head = ET.SubElement(div, "head")
    _inline(head, text, *doc.title_span, _spans(doc, *doc.title_span), _tei_tag)
    if doc.date_span:
        date = ET.SubElement(ET.SubElement(div, "dateline"), "date", when=doc.date.isoformat())
        _inline(date, text, *doc.date_span, _spans(doc, *doc.date_span), _tei_tag)
    for p in doc.paragraphs:
        el = ET.SubElement(div, "p", n=str(p.index), type=p.role.value)
        el.set(XML_ID, _ncname("p", p.id.replace(":", "-")))
        _inline(el, text, p.start, p.end, _spans(doc, p.start, p.end), _tei_tag)
    if doc.signatories:
        closer = ET.SubElement(div, "closer")
        for s in doc.signatories:
            signed = ET.SubElement(closer, "signed")
            person = ET.SubElement(signed, "persName")
            if s.party:
                person.set("ref", f"jrcorpus:{s.party.id}")
            person.text = s.name
            ET.SubElement(signed, "roleName").text = s.office
    return root


# -- Akoma Ntoso -------------------------------------------------------------------------


def _akn_tag(parent: ET.Element, target: _Target) -> ET.Element:
    if isinstance(target, Instrument):
        return ET.SubElement(parent, "ref", href=f"/akn/jrcorpus/instrument/{target.id}")
    if isinstance(target, Place):
        return ET.SubElement(parent, "location", refersTo=f"#{target.id}")
    tag = "person" if target.kind is PartyKind.PERSON else "organization"
    return ET.SubElement(parent, tag, refersTo=f"#{target.id}")


def _frbr(parent: ET.Element, level: str, uri: str, doc: Document) -> None:
    el = ET.SubElement(parent, level)
    ET.SubElement(el, "FRBRthis", value=uri)
    ET.SubElement(el, "FRBRuri", value=uri)
    ET.SubElement(el, "FRBRdate", date=doc.date.isoformat(), name="signature")
    ET.SubElement(el, "FRBRauthor", href="#author")
    if level == "FRBRWork":
        ET.SubElement(el, "FRBRcountry", value="jp")
    if level == "FRBRExpression":
        ET.SubElement(el, "FRBRlanguage", language="eng")


def akoma_ntoso(doc: Document) -> ET.Element:
    """An ``<akomaNtoso>`` element with one ``<statement>`` for the document."""
    root = ET.Element("akomaNtoso", xmlns=AKN_NS)
    statement = ET.SubElement(root, "statement", name=doc.kind.value)
    meta = ET.SubElement(statement, "meta")
    ident = ET.SubElement(meta, "identification", source="#jrcorpus")
    work = f"/akn/jp/statement/{doc.date.isoformat()}/{doc.id}"
    _frbr(ident, "FRBRWork", work, doc)
    _frbr(ident, "FRBRExpression", f"{work}/eng@", doc)
    _frbr(ident, "FRBRManifestation", f"{work}/eng@/main.xml", doc)
    refs = ET.SubElement(meta, "references", source="#jrcorpus")
    ET.SubElement(
        refs, "TLCOrganization", eId="jrcorpus", href="/ontology/jrcorpus", showAs="jrcorpus"
    )
    ET.SubElement(
        refs,
        "TLCOrganization",
        eId="author",
        href="/ontology/mofa",
        showAs=doc.publisher or "unknown",
    )
    entities = {m.entity.id: m.entity for m in doc.mentions}
    for entity in entities.values():
        kind = (
            "TLCLocation"
            if isinstance(entity, Place)
            else ("TLCPerson" if entity.kind is PartyKind.PERSON else "TLCOrganization")
        )
        ET.SubElement(
            refs, kind, eId=entity.id, href=f"/ontology/jrcorpus/{entity.id}", showAs=entity.name
        )
    if doc.provisional:
        notes = ET.SubElement(meta, "notes", source="#jrcorpus")
        note = ET.SubElement(notes, "note", eId="translation")
        ET.SubElement(note, "p").text = "Provisional translation; the original is authoritative."

    text = doc.text
    preface = ET.SubElement(ET.SubElement(statement, "preface"), "p")
    title = ET.SubElement(preface, "docTitle")
    _inline(title, text, *doc.title_span, _spans(doc, *doc.title_span), _akn_tag)
    formula = [p for p in doc.paragraphs if p.role.value == "formula"]
    recitals = [p for p in doc.paragraphs if p.role.value == "recital"]
    if formula or recitals:
        preamble = ET.SubElement(statement, "preamble")
        for p in formula:
            el = ET.SubElement(ET.SubElement(preamble, "formula", name="opening"), "p")
            _inline(el, text, p.start, p.end, _spans(doc, p.start, p.end), _akn_tag)
        if recitals:
            group = ET.SubElement(preamble, "recitals")
            for p in recitals:
                recital = ET.SubElement(group, "recital", eId=f"rec_{p.index}")
                el = ET.SubElement(recital, "p")
                _inline(el, text, p.start, p.end, _spans(doc, p.start, p.end), _akn_tag)
    body = ET.SubElement(statement, "mainBody")
    for p in doc.paragraphs:
        if p.role.value in ("formula", "recital"):
            continue
        paragraph = ET.SubElement(body, "paragraph", eId=f"para_{p.index}")
        paragraph.set("class", p.role.value)
        el = ET.SubElement(ET.SubElement(paragraph, "content"), "p")
        _inline(el, text, p.start, p.end, _spans(doc, p.start, p.end), _akn_tag)
    if doc.date_span or doc.signatories:
        conclusions = ET.SubElement(statement, "conclusions")
        if doc.date_span:
            line = ET.SubElement(conclusions, "p")
            date = ET.SubElement(line, "date", date=doc.date.isoformat())
            _inline(date, text, *doc.date_span, _spans(doc, *doc.date_span), _akn_tag)
        for s in doc.signatories:
            signature = ET.SubElement(ET.SubElement(conclusions, "p"), "signature")
            person = ET.SubElement(
                signature, "person", refersTo=f"#{s.party.id}" if s.party else "#unknown"
            )
            person.text = s.name
            ET.SubElement(signature, "role", refersTo="#office").text = s.office
    return root


def to_string(element: ET.Element) -> str:
    """Serialise with an XML declaration (no added whitespace: the text stays exact)."""
    return ET.tostring(element, encoding="unicode", xml_declaration=True) + "\n"


def corpus_xml(corpus: Corpus, fmt: str) -> str:
    """Every document: in a ``<teiCorpus>``, or in an Akoma Ntoso ``documentCollection``."""
    if fmt == "tei":
        wrapper = ET.Element("teiCorpus", xmlns=TEI_NS)
        header = ET.SubElement(wrapper, "teiHeader")
        fd = ET.SubElement(header, "fileDesc")
        ET.SubElement(ET.SubElement(fd, "titleStmt"), "title").text = corpus.title or corpus.name
        ET.SubElement(ET.SubElement(fd, "publicationStmt"), "p").text = "jrcorpus export"
        ET.SubElement(ET.SubElement(fd, "sourceDesc"), "p").text = corpus.description or ""
        for doc in corpus:
            wrapper.append(tei(doc))
        return to_string(wrapper)
    collection = ET.Element("akomaNtoso", xmlns=AKN_NS)
    docs = ET.SubElement(collection, "documentCollection", name="jrcorpus")
    meta = ET.SubElement(docs, "meta")
    ET.SubElement(meta, "identification", source="#jrcorpus")
    ET.SubElement(ET.SubElement(docs, "preface"), "p").text = corpus.title or corpus.name
    components = ET.SubElement(docs, "collectionBody")
    for doc in corpus:
        component = ET.SubElement(components, "component", eId=f"cmp_{doc.id}")
        component.extend(list(akoma_ntoso(doc)))  # the <statement>
    return to_string(collection)
