"""Plain reprs fit a terminal line; HTML reprs are well formed, escaped and say the right things.

The HTML is parsed with the standard library's `html.parser` into a small tree (every end
tag must close the innermost open element), and the tree is checked against the texts.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jrcorpus
from jrcorpus import _display

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"
# The tags the reprs may use; anything else (a <script>, say) means text was not escaped.
ALLOWED_TAGS = {"div", "p", "strong", "code", "span", "a", "mark", "table"}
ALLOWED_TAGS |= {"thead", "tbody", "tr", "th", "td"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str) -> list[Node]:
        found: list[Node] = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    found.append(c)
                found += c.all(tag)
        return found

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert len(self.stack) > 1, f"</{tag}> closes nothing"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError("comment in the HTML")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError("declaration in the HTML")

    def handle_pi(self, data: str) -> None:
        raise AssertionError("processing instruction in the HTML")


def parse(html: str) -> Node:
    """The one top-level element of ``html``, its tags checked to balance."""
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed tags"
    (top,) = builder.root.children
    assert isinstance(top, Node)
    assert top.tag == "div"
    return top


def rows(table: Node) -> list[list[Node]]:
    (body,) = table.all("tbody")
    return [tr.all("td") for tr in body.elements()]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus() -> jrcorpus.Corpus:
    return jrcorpus.load()


# ------------------------------------------------------------------------------ plain reprs


def every_object(corpus: jrcorpus.Corpus) -> list[object]:
    objs: list[object] = [corpus, corpus.catalogue]
    for doc in corpus:
        objs += [doc, *doc.paragraphs, *doc.references, *doc.mentions, *doc.links]
        objs += [*doc.signatories, *([doc.speaker] if doc.speaker else [])]
    cat = corpus.catalogue
    objs += [*cat.instruments, *cat.parties, *cat.places]
    objs += [office for party in cat.parties for office in party.offices]
    for query in ("peace treaty", "Japan", "Spasibo", "zzzz"):
        hits = corpus.search(query)
        objs += [hits, *hits]
    objs.append(jrcorpus.draft_metadata(corpus[JOINT].text))
    return objs


def test_every_repr_fits_one_terminal_line(corpus: jrcorpus.Corpus) -> None:
    objs = every_object(corpus)
    kinds = {type(o).__name__ for o in objs}
    assert kinds >= {"Corpus", "Catalogue", "Document", "Paragraph", "Reference", "Mention"}
    assert kinds >= {"Link", "Signatory", "Instrument", "Party", "Place", "Office"}
    assert kinds >= {"Hits", "Hit", "Draft"}
    for obj in objs:
        text = repr(obj)
        assert len(text) <= 120, text
        assert text.isprintable(), text
        name = type(obj).__name__
        assert text.startswith((f"{name}(", f"<{name} ", f"<{name}:")), text


def test_repr_examples(corpus: jrcorpus.Corpus) -> None:
    hits = corpus.search("peace treaty")
    assert repr(hits) == "<Hits 'peace treaty': 7 hits in 2 documents>"
    assert repr(hits[0]) == (
        "Hit(location='2003-01-10-joint-statement:p7', start=2141, end=2153, text='peace treaty')"
    )
    assert repr(corpus) == (
        "<Corpus 'jrcorpus': 2 documents, 20 paragraphs, 2003-01-10 to 2003-01-12>"
    )
    assert repr(corpus.catalogue).startswith("<Catalogue: 16 instruments, ")
    p7 = corpus.paragraph(f"{JOINT}:p7")
    assert repr(p7).startswith(
        "Paragraph(id='2003-01-10-joint-statement:p7', role=ParagraphRole.RECITAL, "
        "text='Aspiring to open up a new"
    )
    assert repr(p7).endswith("…')")
    assert repr(corpus[OPENING]).startswith(
        "Document(id='2003-01-12-khabarovsk-opening-statement', "
        "kind=DocumentKind.PRESS_STATEMENT, title='Opening Statement"
    )
    japan = corpus.entity("Japan")
    assert repr(japan) == "Party(id='japan', name='Japan', kind=PartyKind.STATE)"
    ref = corpus[JOINT].references[0]
    assert repr(ref) == (
        "Reference(text='Japan-Russia Action Plan', start=172, end=196, "
        "instrument=<Instrument 'action-plan-2003'>)"
    )
    ishaef = corpus.mentions("Ishaef")[0]
    assert repr(ishaef) == (
        "Mention(text='Viktor Ishaef', start=365, end=378, entity=<Party 'viktor-ishaev'>)"
    )
    program = corpus.instrument("trade-economic-program-2000")
    assert repr(program).startswith(
        "Instrument(id='trade-economic-program-2000', date_text='2000-09', title='Program"
    )
    governor = corpus.entity("Ishaev")
    assert isinstance(governor, jrcorpus.Party)
    assert repr(governor.offices[0]) == "<Office 'Governor of Khabarovsk Krai', 1991 to 2009>"


def test_clipped_text_is_a_prefix(corpus: jrcorpus.Corpus) -> None:
    for doc in corpus:
        for p in doc.paragraphs:
            shown = ast.literal_eval(repr(p).split(", text=", 1)[1][:-1])
            assert isinstance(shown, str)
            assert shown.endswith("…")
            assert p.text.startswith(shown[:-1])


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=3, max_value=200))
def test_clip_fits_and_keeps_a_prefix(text: str, room: int) -> None:
    shown = _display._clip(text, room)
    assert len(shown) <= room
    value = ast.literal_eval(shown)
    assert value == text or (value.endswith("…") and text.startswith(value[:-1]))


def test_long_user_titles_still_fit(tmp_path: Path) -> None:
    title = "A Statement " + "on Very Many Things " * 40
    text = f"{title}\n\nTokyo, 5 September 2000\n\n{'Words and more words. ' * 200}"
    root = make_corpus(tmp_path, text)
    corpus = jrcorpus.load(root)
    for obj in (corpus, *corpus, *corpus.documents[0].paragraphs):
        assert len(repr(obj)) <= 120, repr(obj)


def test_enums_keep_their_own_repr(corpus: jrcorpus.Corpus) -> None:
    p = corpus.paragraph(f"{JOINT}:p7")
    assert repr(p.role) == "<ParagraphRole.RECITAL: 'recital'>"


def test_an_empty_corpus_has_no_date_range() -> None:
    assert repr(jrcorpus.Corpus([], name="empty")) == "<Corpus 'empty': 0 documents, 0 paragraphs>"


@pytest.mark.parametrize(
    ("office", "shown"),
    [
        (
            jrcorpus.Office("Prime Minister of Japan", dt.date(2001, 4, 26), None),
            "<Office 'Prime Minister of Japan', from 2001-04-26>",
        ),
        (
            jrcorpus.Office(
                "Governor of Khabarovsk Krai",
                None,
                dt.date(2009, 1, 1),
                jrcorpus.DatePrecision.YEAR,
            ),
            "<Office 'Governor of Khabarovsk Krai', until 2009>",
        ),
        (
            jrcorpus.Office("Ambassador", dt.date(2000, 9, 1), None, jrcorpus.DatePrecision.MONTH),
            "<Office 'Ambassador', from 2000-09>",
        ),
        (jrcorpus.Office("Ambassador", None, None), "<Office 'Ambassador', dates unknown>"),
    ],
    ids=["open-end", "open-start", "month", "no-dates"],
)
def test_office_repr_with_open_or_unknown_dates(office: jrcorpus.Office, shown: str) -> None:
    assert repr(office) == shown


# ------------------------------------------------------------------------------------ KWIC

# Read off the two texts by hand: every "peace treaty", with what precedes and follows.
PEACE_TREATY = [
    (f"{JOINT}:p7", "to conclude a ", "peace treaty", " as soon as possible"),
    (f"{JOINT}:p7", "on the Issue of a ", "Peace Treaty", " in 2000 and the Irkutsk"),
    (f"{JOINT}:p7", "on the issue of a ", "Peace Treaty", " in 2001;"),
    (f"{OPENING}:p3", "through concluding a ", "peace treaty", " between Japan and Russia"),
    (f"{OPENING}:p4", "toward completing a ", "peace treaty", "."),
    (f"{OPENING}:p7", "conclusion of a ", "peace treaty", ". However, there are"),
    (f"{OPENING}:p7", "and conclude the ", "peace treaty", ". It is in that sprit"),
]


def test_kwic_table_has_one_row_per_hit(corpus: jrcorpus.Corpus) -> None:
    hits = corpus.search("peace treaty")
    assert len(hits) == 7
    top = parse(hits._repr_html_())
    assert "7 hits for peace treaty in 2 documents" in top.all("p")[0].text
    (table,) = top.all("table")
    assert [th.text for th in table.all("th")] == ["location", "left", "hit", "right"]
    body = rows(table)
    assert len(body) == 7
    for cells, hit, (location, before, match, after) in zip(body, hits, PEACE_TREATY):
        assert len(cells) == 4
        left, mark, right = cells[1].text, cells[2].all("mark"), cells[3].text
        assert cells[0].text == hit.location == location
        assert [m.text for m in mark] == [hit.text] == [match]
        assert left.endswith(before)
        assert right.startswith(after)
        assert (left, match, right) == hit.context(_display.KWIC_WIDTH)
        assert len(left.strip()) <= _display.KWIC_WIDTH >= len(right.strip())
        assert squash(left + match + right) in squash(hit.document.text)
        assert "text-align:right" in (cells[1].attrs["style"] or "")


def test_a_single_hit_and_no_hits(corpus: jrcorpus.Corpus) -> None:
    hit = corpus.search("Spasibo")[0]
    (cells,) = rows(parse(hit._repr_html_()).all("table")[0])
    assert cells[2].text == "Spasibo"
    assert cells[3].text == "!"
    none = parse(corpus.search("zzzz")._repr_html_())
    assert none.all("table") == []
    assert "0 hits for zzzz in 0 documents" in none.text


def test_a_hit_outside_paragraphs(corpus: jrcorpus.Corpus) -> None:
    hits = corpus.search("Concerning the Adoption")
    (cells,) = rows(parse(hits._repr_html_()).all("table")[0])
    assert cells[0].text == f"{JOINT}:title"


def test_long_results_are_cut_with_a_note(
    corpus: jrcorpus.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_display, "MAX_ROWS", 3)
    hits = corpus.search("Japan")
    assert len(hits) > 3
    top = parse(hits._repr_html_())
    assert len(rows(top.all("table")[0])) == 3
    assert f"… and {len(hits) - 3} more hits (the first 3 are shown)" in top.text


# ------------------------------------------------------------------------- corpus, document


def test_corpus_html(corpus: jrcorpus.Corpus) -> None:
    top = parse(corpus._repr_html_())
    cat = corpus.catalogue
    summary = squash(top.all("p")[0].text)
    assert "2 documents, 20 paragraphs" in summary
    assert (
        f"catalogue of {len(cat.instruments)} instruments, {len(cat.parties)} actors and "
        f"{len(cat.places)} places" in summary
    )
    (table,) = top.all("table")
    assert [th.text for th in table.all("th")] == [
        "id",
        "date",
        "kind",
        "place",
        "paragraphs",
        "title",
    ]
    assert [[c.text for c in row[:5]] for row in rows(table)] == [
        [JOINT, "2003-01-10", "joint-statement", "Moscow", "12"],
        [OPENING, "2003-01-12", "press-statement", "Khabarovsk", "8"],
    ]
    assert [row[5].text for row in rows(table)] == [d.title for d in corpus]


def test_document_html(corpus: jrcorpus.Corpus) -> None:
    doc = corpus[JOINT]
    top = parse(doc._repr_html_())
    assert top.all("strong")[0].text == doc.title
    facts = top.all("p")[1].text
    for fact in (JOINT, "2003-01-10", "Moscow", "joint-statement", "provisional translation"):
        assert fact in facts
    (link,) = top.all("a")
    assert link.attrs["href"] == doc.source_url == link.text
    (table,) = top.all("table")
    body = rows(table)
    assert [row[0].text for row in body] == [f"{JOINT}:p{n}" for n in range(1, 13)]
    assert [row[1].text for row in body] == [p.role.value for p in doc.paragraphs]
    assert [row[2].text for row in body] == [p.text for p in doc.paragraphs]
    assert "Signed: Junichiro Koizumi, Prime Minister of Japan; Vladimir Vladimirovich Putin, " in (
        squash(top.text)
    )
    opening = parse(corpus[OPENING]._repr_html_())
    assert "Speaker: Junichiro Koizumi, Prime Minister" in squash(opening.text)
    assert len(rows(opening.all("table")[0])) == 8


def test_paragraph_html_marks_references_and_mentions(corpus: jrcorpus.Corpus) -> None:
    p = corpus.paragraph(f"{JOINT}:p7")
    top = parse(p._repr_html_())
    head, body = top.all("p")[:2]
    assert head.text == f"{JOINT}:p7 · recital"
    assert body.text == p.text
    marks = body.all("mark")
    assert [m.text for m in marks] == [r.text for r in p.references]
    assert len(marks) == 5
    assert marks[1].text == "Tokyo Declaration on Japan-Russia Relations"
    assert (
        marks[1].attrs["title"] == "cites Tokyo Declaration on Japan-Russia Relations (1993-10-13)"
    )
    # The mentions inside a reference sit inside its <mark>.
    assert [s.text for s in marks[1].all("span")] == ["Tokyo", "Japan", "Russia"]
    assert marks[1].all("span")[0].attrs["title"] == "names Tokyo (city)"
    spans = body.all("span")
    assert sorted(s.text for s in spans) == sorted(m.text for m in p.mentions)
    assert "names Etorofu (island)" in [s.attrs["title"] for s in spans]
    assert "Cites: Joint Declaration by Japan and the Union of Soviet" in top.text


def test_ishaef_is_annotated_with_his_name(corpus: jrcorpus.Corpus) -> None:
    p = corpus.paragraph(f"{OPENING}:p1")
    spans = parse(p._repr_html_()).all("span")
    titles = {s.text: s.attrs["title"] for s in spans}
    assert titles["Viktor Ishaef"] == "names Viktor Ishaev (person)"


def test_nest_balances_crossing_spans() -> None:
    spans = [(0, 4, 0, "<b>", "</b>"), (2, 6, 1, "<i>", "</i>"), (1, 1, 0, "<u>", "</u>")]
    assert _display._nest("ab&def", spans) == "<b>ab<i>&amp;d</i></b><i>ef</i>"
    assert _display._nest("x<y", [(0, 3, 0, "<b>", "</b>"), (0, 3, 1, "<i>", "</i>")]) == (
        "<b><i>x&lt;y</i></b>"
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.booleans()), max_size=8))
def test_nest_always_balances_and_keeps_the_text(raw: list[tuple[int, int, bool]]) -> None:
    text = "abc<d&ef ghij"
    spans = [
        (
            min(a, b),
            max(a, b),
            int(mark),
            "<mark>" if mark else "<span>",
            "</mark>" if mark else "</span>",
        )
        for a, b, mark in raw
    ]
    top = parse(f"<div>{_display._nest(text, spans)}</div>")
    assert top.text == text


# -------------------------------------------------------------------------------- escaping

NASTY_TEXT = """(Provisional Translation)

Fisheries & <script>alert("x")</script> Statement

Tokyo, 5 September 2000

The Prime Minister of Japan & the President of the Russian Federation,

Recalling the Tokyo Declaration on Japan-Russia Relations & <script>alert('y')</script>;

Have agreed to cooperate on R&D <b>now</b>.

Back to Index"""


def make_corpus(root: Path, text: str, **meta: object) -> Path:
    (root / "documents").mkdir(parents=True)
    info = {"format": 1, "name": "mine", "title": "Fish & <Chips>", "description": "<i>&</i>"}
    (root / "corpus.json").write_text(json.dumps(info))
    (root / "documents" / "2000-09-05-fish.txt").write_text(text, encoding="utf-8")
    metadata = {"id": "2000-09-05-fish", "kind": "joint-statement", **meta}
    (root / "documents" / "2000-09-05-fish.json").write_text(json.dumps(metadata))
    return root


def test_user_text_is_escaped_everywhere(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, NASTY_TEXT, source_url="javascript:alert(1)", publisher="A&B <i>")
    corpus = jrcorpus.load(root)
    doc = corpus["2000-09-05-fish"]
    assert doc.title == 'Fisheries & <script>alert("x")</script> Statement'
    html_of = [
        corpus._repr_html_(),
        doc._repr_html_(),
        *(p._repr_html_() for p in doc.paragraphs),
        corpus.search("script")._repr_html_(),
        corpus.search("R&D")._repr_html_(),
    ]
    for html in html_of:
        assert "<script" not in html
        assert "<b>now" not in html
        parse(html)  # only the tags the reprs write, balanced
    corpus_top, doc_top = parse(html_of[0]), parse(html_of[1])
    assert "Fish & <Chips>" in corpus_top.text
    assert "<i>&</i>" in corpus_top.text
    assert rows(corpus_top.all("table")[0])[0][5].text == doc.title
    assert doc_top.all("strong")[0].text == doc.title
    assert doc_top.all("a") == [], "a javascript: URL must not become a link"
    assert "Source: javascript:alert(1), A&B <i>" in doc_top.text
    assert [row[2].text for row in rows(doc_top.all("table")[0])] == [
        p.text for p in doc.paragraphs
    ]
    assert "&amp; &lt;script&gt;alert(&#x27;y&#x27;)&lt;/script&gt;" in html_of[1]
    kwic = rows(parse(html_of[-1]).all("table")[0])
    assert [[c.text for c in row] for row in kwic] == [
        ["2000-09-05-fish:p3", "Have agreed to cooperate on ", "R&D", " <b>now</b>."]
    ]


def test_http_source_urls_are_links_with_escaped_href(tmp_path: Path) -> None:
    url = 'https://example.org/a?b=1&c="2"'
    corpus = jrcorpus.load(make_corpus(tmp_path, NASTY_TEXT, source_url=url))
    html = corpus["2000-09-05-fish"]._repr_html_()
    assert 'href="https://example.org/a?b=1&amp;c=&quot;2&quot;"' in html
    (link,) = parse(html).all("a")
    assert link.attrs["href"] == url


# --------------------------------------------------------------------------------- laziness


@pytest.mark.slow
def test_import_and_load_do_not_import_the_display_code() -> None:
    code = (
        "import sys, jrcorpus; c = jrcorpus.load(); str(c.search('peace treaty')); "
        "print(sorted(m for m in ('html', 'jrcorpus._display') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_corpus_html_without_title_or_description(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, NASTY_TEXT)
    (root / "corpus.json").write_text('{"format": 1, "name": "mine"}')
    top = parse(jrcorpus.load(root)._repr_html_())
    summary = top.all("p")
    assert len(summary) == 1  # no description paragraph
    assert [s.text for s in summary[0].all("strong")] == ["mine"]
    assert summary[0].all("code") == []  # the name is not repeated after a title
    assert squash(summary[0].text).startswith("mine: 1 document, 3 paragraphs; catalogue of ")
    empty = parse(jrcorpus.Corpus([], name="empty")._repr_html_())
    assert empty.all("table") == []
    assert squash(empty.text).startswith("empty: 0 documents, 0 paragraphs;")


def test_document_html_of_a_final_text_without_a_source(tmp_path: Path) -> None:
    final = NASTY_TEXT.removeprefix("(Provisional Translation)\n\n")
    doc = jrcorpus.load(make_corpus(tmp_path, final))["2000-09-05-fish"]
    assert not doc.provisional
    assert (doc.source_url, doc.publisher) == (None, None)
    top = parse(doc._repr_html_())
    facts = top.all("p")[1]
    assert squash(facts.text) == "2000-09-05-fish · 2000-09-05 · Tokyo · joint-statement"
    assert facts.all("span") == []  # no "provisional translation" badge
    assert "Source:" not in top.text
    assert len(rows(top.all("table")[0])) == 3
