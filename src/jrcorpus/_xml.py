"""TEI P5 and Akoma Ntoso 3.0 XML for documents, built with the standard library.

Both carry the exact text: the text content of every paragraph element is the paragraph's
text, with references and mentions as inline elements (nested where the annotation layers
nest; a mention that would cross a reference's boundary is left out, to stay well-formed).
A carriage return is written as ``&#13;`` so that parsers give it back unchanged; a text
holding a character XML 1.0 cannot carry at all (most C0 controls) raises
`CorpusFormatError` rather than being written inexactly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Callable, Union

from ._corpus import Corpus
from ._model import Document, Instrument, ParagraphRole, Party, PartyKind, Place
from .exceptions import CorpusFormatError, Problem

__all__ = ["AKN_NS", "TEI_NS", "akoma_ntoso", "tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

_Target = Union[Instrument, Party, Place]
_Span = tuple[int, int, _Target]
_Make = Callable[[ET.Element, _Target], ET.Element]

# Characters XML 1.0 cannot hold, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_xml_text(doc: Document) -> None:
    found = [m for m in (_NOT_XML.search(v) for v in (doc.text, doc.title)) if m]
    if found:
        m = found[0]
        raise CorpusFormatError(
            [
                Problem(
                    doc.id,
                    f"character U+{ord(m.group()):04X} at offset {m.start()} cannot be written "
                    "in XML 1.0; export this document as jsonl or csv instead",
                    "text",
                )
            ]
        )


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
    parent: ET.Element, text: str, start: int, end: int, spans: list[_Span], make: _Make
) -> None:
    """Fill ``parent`` with ``text[start:end]``, the spans as nested child elements."""
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
        child = make(parent, target)
        _inline(child, text, s, e, [sp for sp in spans[i + 1 : j] if sp[1] <= e], make)
        pos, last, i = e, child, j
    _append_text(parent, last, text[pos:end])


def _ncname(prefix: str, id_: str) -> str:
    return f"{prefix}-{id_}"


def _fill(parent: ET.Element, doc: Document, start: int, end: int, make: _Make) -> None:
    """``doc.text[start:end]`` into ``parent``, its annotations as nested elements."""
    _inline(parent, doc.text, start, end, _spans(doc, start, end), make)


def _opening_date(doc: Document) -> bool:
    """Whether the date line comes before the paragraphs (else it closes the document)."""
    return doc.date_span is not None and (
        not doc.paragraphs or doc.date_span[0] < doc.paragraphs[0].start
    )


# -- TEI ---------------------------------------------------------------------------------


def _tei_instrument_id(doc: Document, instrument: Instrument) -> str:
    # Scoped by document: a teiCorpus holds every document, and xml:id must be unique.
    return _ncname("inst", f"{doc.id}.{instrument.id}")


def _tei_maker(doc: Document) -> _Make:
    def make(parent: ET.Element, target: _Target) -> ET.Element:
        if isinstance(target, Instrument):
            target_id = f"#{_tei_instrument_id(doc, target)}"
            return ET.SubElement(parent, "ref", type="instrument", target=target_id)
        if isinstance(target, Place):
            return ET.SubElement(parent, "placeName", ref=f"jrcorpus:{target.id}")
        tag = "persName" if target.kind is PartyKind.PERSON else "orgName"
        return ET.SubElement(parent, tag, ref=f"jrcorpus:{target.id}", type=target.kind.value)

    return make


def _tei_dateline(parent: ET.Element, doc: Document, make: _Make) -> None:
    assert doc.date_span is not None
    line = ET.SubElement(parent, "dateline")
    _fill(ET.SubElement(line, "date", when=doc.date.isoformat()), doc, *doc.date_span, make)


def tei(doc: Document) -> ET.Element:
    """A ``<TEI>`` element for one document."""
    _check_xml_text(doc)
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
        else "Not marked as a provisional translation."
    )
    if doc.notes:
        ET.SubElement(notes, "note").text = doc.notes
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
            entry.set(XML_ID, _tei_instrument_id(doc, instrument))
            ET.SubElement(entry, "title").text = instrument.title
            ET.SubElement(entry, "date", when=instrument.date_text)
    profile = ET.SubElement(header, "profileDesc")
    ET.SubElement(ET.SubElement(profile, "langUsage"), "language", ident=doc.language)

    make = _tei_maker(doc)
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    div = ET.SubElement(body, "div", type=doc.kind.value)
    _fill(ET.SubElement(div, "head"), doc, *doc.title_span, make)
    opening = _opening_date(doc)
    if opening:
        _tei_dateline(ET.SubElement(div, "opener"), doc, make)
    for p in doc.paragraphs:
        el = ET.SubElement(div, "p", n=str(p.index), type=p.role.value)
        el.set(XML_ID, _ncname("p", p.id.replace(":", "-")))
        _fill(el, doc, p.start, p.end, make)
    if (doc.date_span and not opening) or doc.signatories:
        closer = ET.SubElement(div, "closer")
        if doc.date_span and not opening:
            _tei_dateline(closer, doc, make)
        for s in doc.signatories:
            signed = ET.SubElement(closer, "signed")
            person = ET.SubElement(signed, "persName")
            if s.party:
                person.set("ref", f"jrcorpus:{s.party.id}")
            person.text = s.name
            person.tail = doc.text[s.name_span[1] : s.office_span[0]] or None
            _fill(ET.SubElement(signed, "roleName"), doc, *s.office_span, make)
    return root


# -- Akoma Ntoso -------------------------------------------------------------------------


def _akn_tag(parent: ET.Element, target: _Target) -> ET.Element:
    if isinstance(target, Instrument):
        return ET.SubElement(parent, "ref", href=f"/akn/jrcorpus/instrument/{target.id}")
    if isinstance(target, Place):
        return ET.SubElement(parent, "location", refersTo=f"#{target.id}")
    tag = "person" if target.kind is PartyKind.PERSON else "organization"
    return ET.SubElement(parent, tag, refersTo=f"#{target.id}")


def _frbr(parent: ET.Element, uri: str, date: str) -> None:
    """The FRBR work, expression and manifestation of ``uri``, dated ``date``."""
    for level, this in (
        ("FRBRWork", uri),
        ("FRBRExpression", f"{uri}/eng@"),
        ("FRBRManifestation", f"{uri}/eng@/main.xml"),
    ):
        el = ET.SubElement(parent, level)
        ET.SubElement(el, "FRBRthis", value=this)
        ET.SubElement(el, "FRBRuri", value=this)
        ET.SubElement(el, "FRBRdate", date=date, name="signature")
        ET.SubElement(el, "FRBRauthor", href="#author")
        if level == "FRBRWork":
            ET.SubElement(el, "FRBRcountry", value="jp")
        if level == "FRBRExpression":
            ET.SubElement(el, "FRBRlanguage", language="eng")


def _akn_date(parent: ET.Element, tag: str, doc: Document) -> None:
    assert doc.date_span is not None
    date = ET.SubElement(ET.SubElement(parent, "p"), tag, date=doc.date.isoformat())
    _fill(date, doc, *doc.date_span, _akn_tag)


def _akn_references(meta: ET.Element, doc: Document) -> dict[int, tuple[str, str]]:
    """The TLC entries; returns the (person, role) eIds of each signatory by position."""
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
    entities: dict[str, Party | Place] = {m.entity.id: m.entity for m in doc.mentions}
    entities.update({s.party.id: s.party for s in doc.signatories if s.party})
    for entity in entities.values():
        kind = (
            "TLCLocation"
            if isinstance(entity, Place)
            else ("TLCPerson" if entity.kind is PartyKind.PERSON else "TLCOrganization")
        )
        ET.SubElement(
            refs, kind, eId=entity.id, href=f"/ontology/jrcorpus/{entity.id}", showAs=entity.name
        )
    signers: dict[int, tuple[str, str]] = {}
    for k, s in enumerate(doc.signatories, start=1):
        person = s.party.id if s.party else f"signatory_{k}"
        if not s.party:
            ET.SubElement(
                refs, "TLCPerson", eId=person, href=f"/ontology/jrcorpus/{person}", showAs=s.name
            )
        role = f"office_{k}"
        ET.SubElement(refs, "TLCRole", eId=role, href=f"/ontology/jrcorpus/{role}", showAs=s.office)
        signers[k] = (person, role)
    return signers


def _statement(doc: Document) -> ET.Element:
    _check_xml_text(doc)
    statement = ET.Element("statement", name=doc.kind.value)
    meta = ET.SubElement(statement, "meta")
    ident = ET.SubElement(meta, "identification", source="#jrcorpus")
    _frbr(ident, f"/akn/jp/statement/{doc.date.isoformat()}/{doc.id}", doc.date.isoformat())
    signers = _akn_references(meta, doc)
    if doc.provisional:
        notes = ET.SubElement(meta, "notes", source="#jrcorpus")
        note = ET.SubElement(notes, "note", eId="translation")
        ET.SubElement(note, "p").text = "Provisional translation; the original is authoritative."

    preface = ET.SubElement(statement, "preface")
    _fill(ET.SubElement(ET.SubElement(preface, "p"), "docTitle"), doc, *doc.title_span, _akn_tag)
    opening = _opening_date(doc)
    if opening:
        _akn_date(preface, "docDate", doc)
    formula = [p for p in doc.paragraphs if p.role is ParagraphRole.FORMULA]
    recitals = [p for p in doc.paragraphs if p.role is ParagraphRole.RECITAL]
    if formula or recitals:
        preamble = ET.SubElement(statement, "preamble")
        for p in formula:
            el = ET.SubElement(ET.SubElement(preamble, "formula", name="opening"), "p")
            _fill(el, doc, p.start, p.end, _akn_tag)
        if recitals:
            group = ET.SubElement(preamble, "recitals")
            for p in recitals:
                recital = ET.SubElement(group, "recital", eId=f"rec_{p.index}")
                _fill(ET.SubElement(recital, "p"), doc, p.start, p.end, _akn_tag)
    body = ET.SubElement(statement, "mainBody")
    for p in doc.paragraphs:
        if p.role in (ParagraphRole.FORMULA, ParagraphRole.RECITAL):
            continue
        paragraph = ET.SubElement(body, "paragraph", eId=f"para_{p.index}")
        paragraph.set("class", p.role.value)
        el = ET.SubElement(ET.SubElement(paragraph, "content"), "p")
        _fill(el, doc, p.start, p.end, _akn_tag)
    if (doc.date_span and not opening) or doc.signatories:
        conclusions = ET.SubElement(statement, "conclusions")
        if doc.date_span and not opening:
            _akn_date(conclusions, "date", doc)
        for k, s in enumerate(doc.signatories, start=1):
            person_id, role_id = signers[k]
            signature = ET.SubElement(ET.SubElement(conclusions, "p"), "signature")
            person = ET.SubElement(signature, "person", refersTo=f"#{person_id}")
            person.text = s.name
            person.tail = doc.text[s.name_span[1] : s.office_span[0]] or None
            role = ET.SubElement(signature, "role", refersTo=f"#{role_id}")
            _fill(role, doc, *s.office_span, _akn_tag)
    return statement


def akoma_ntoso(doc: Document) -> ET.Element:
    """An ``<akomaNtoso>`` element with one ``<statement>`` for the document."""
    root = ET.Element("akomaNtoso", xmlns=AKN_NS)
    root.append(_statement(doc))
    return root


def to_string(element: ET.Element) -> str:
    """Serialise with an XML declaration (no added whitespace: the text stays exact).

    ElementTree escapes carriage returns in attributes but not in text, where a parser
    would turn them into line feeds; as ``&#13;`` they come back exactly.
    """
    out = ET.tostring(element, encoding="unicode", xml_declaration=True) + "\n"
    found = _NOT_XML.search(out)
    if found:
        raise CorpusFormatError(
            [
                Problem(
                    "<xml>",
                    f"character U+{ord(found.group()):04X} cannot be written in XML 1.0",
                    repr(out[max(0, found.start() - 30) : found.start()]),
                )
            ]
        )
    return out.replace("\r", "&#13;")


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
    ident = ET.SubElement(meta, "identification", source="#jrcorpus")
    last = max((d.date for d in corpus), default=None)
    date = last.isoformat() if last else "0001-01-01"
    _frbr(ident, f"/akn/jp/documentCollection/{date}/{corpus.name}", date)
    references = ET.SubElement(meta, "references", source="#jrcorpus")
    for eid in ("jrcorpus", "author"):
        ET.SubElement(
            references, "TLCOrganization", eId=eid, href=f"/ontology/{eid}", showAs="jrcorpus"
        )
    ET.SubElement(ET.SubElement(docs, "preface"), "p").text = corpus.title or corpus.name
    components = ET.SubElement(docs, "collectionBody")
    for doc in corpus:
        component = ET.SubElement(components, "component", eId=f"cmp_{doc.id}")
        component.append(_statement(doc))
    return to_string(collection)
