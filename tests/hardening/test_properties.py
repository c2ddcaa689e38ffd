"""Property-based tests (hypothesis) on the reader, the cleaner and the RDF writer.

Arbitrary text goes in (control characters, right-to-left marks, emoji, Turtle syntax such as
`\"\"\"`, `>` and `\\`); what comes out must be an article or a one-line error, a cleaned text
that maps back to the text as read, and TriG that rdflib and pyoxigraph re-parse, where every
span's anchor is exactly `text[begin:end]`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressgraph.errors import InputError
from pressgraph.namespace import CLAIM_KINDS, ROLE_CODES, Iris
from pressgraph.records import ArticleFacts, Claim, Mention, Position, Quantity, RawArticle, Span
from pressgraph.stages.clean import clean, load_rules
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.read import StemRegistry, iter_inputs
from pressgraph.stages.read_decode import normalize
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads
from pressgraph.stages.vocabulary import vocabulary_quads

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT / "build" / "patterns" / "boilerplate.tsv")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = rdflib.Namespace("https://schema.org/")
HOSTILE = ['"""', "'''", ">", "<", "\\", "\\u0022", "}", "@prefix", " .", "\u200f", "\u202e",
           "\u2028", "📈", "\x07", "\x1b[31m", "\r", "\t", "<script>", "é", "e\u0301"]
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

characters = st.characters(blacklist_categories=("Cs",))
texts = st.lists(st.one_of(st.text(characters, max_size=20), st.sampled_from(HOSTILE)),
                 max_size=30).map("".join)
names = texts.filter(lambda value: value.strip() != "")


@SETTINGS
@given(text=texts)
def test_the_reader_gives_the_text_or_a_one_line_error(text):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "article.txt").write_bytes(text.encode("utf-8"))
        [item] = list(iter_inputs([Path(folder)]))
    if isinstance(item, InputError):
        assert str(item)[:7] in ("[KG001]", "[KG002]") and "\n" not in str(item)
        return
    assert item.text == normalize(text.removeprefix("\ufeff"))
    assert item.text.strip() and "\r" not in item.text
    assert item.text == unicodedata.normalize("NFC", item.text)


@SETTINGS
@given(name=names.filter(lambda n: "/" not in n and "\x00" not in n and len(n.encode()) < 200),
       text=names)
def test_any_file_name_gives_a_safe_stem_and_its_own_source(name, text):
    with tempfile.TemporaryDirectory() as folder:
        try:
            (Path(folder) / f"{name}.txt").write_bytes(text.encode("utf-8"))
        except OSError:  # a name the file system refuses (".", "..")
            return
        items = list(iter_inputs([Path(folder)]))
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item) and "\u202e" not in str(item)
            continue
        assert item.source == f"{name}.txt"
        assert item.stem and all(c.isalnum() or c in "_.~-" for c in item.stem)
        assert rdflib.URIRef(f"https://pressgraph.example/id/doc/{item.stem}").n3()


@SETTINGS
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | texts,
                          lambda inner: st.lists(inner) | st.dictionaries(texts, inner),
                          max_leaves=8),
       text=st.one_of(st.none(), texts))
def test_the_jsonl_reader_gives_articles_or_line_errors(value, text):
    line = json.dumps({"text": text, "title": value} if text is not None else value)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "feed.jsonl").write_text(line + "\n" + line, encoding="utf-8")
        items = list(iter_inputs([Path(folder)]))
    assert len(items) in (1, 2)  # the two lines, or one error for the whole file
    for item in items:
        if isinstance(item, InputError):
            assert str(item)[:7] in ("[KG001]", "[KG005]") and "\n" not in str(item)
        else:
            assert item.text == normalize(text)


file_names = st.binary(min_size=1, max_size=60).filter(
    lambda name: b"/" not in name and b"\x00" not in name and not name.startswith(b"."))


@SETTINGS
@given(name=file_names, data=st.binary(max_size=200) | texts.map(str.encode))
def test_any_file_name_bytes_give_a_utf8_source_or_a_one_line_error(name, data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / os.fsdecode(name + b".txt")).write_bytes(data)
        [item] = list(iter_inputs([Path(folder)]))
    if isinstance(item, InputError):
        assert "\n" not in str(item)
        str(item).encode("utf-8")  # printable, the name's odd bytes escaped
    else:
        assert item.source == (name + b".txt").decode("utf-8")


jsonl_lines = st.one_of(
    st.binary(max_size=40),
    texts.map(str.encode),
    st.integers(4000, 6000).map(lambda n: b'{"text": "a", "n": ' + b"9" * n + b"}"),  # > 4300
    st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 3000).map(lambda n: b'{"text": "a", "x": ' + b"[" * n + b"]" * n + b"}"))


@SETTINGS
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=6))
def test_any_jsonl_bytes_give_articles_or_one_line_errors(lines):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "feed.jsonl").write_bytes(b"\n".join(lines))
        items = list(iter_inputs([Path(folder)]))
    assert items
    for item in items:
        if isinstance(item, InputError):
            assert str(item)[:7] in ("[KG001]", "[KG002]", "[KG003]", "[KG005]")
            assert "\n" not in str(item)
        else:
            item.text.encode("utf-8")  # no lone surrogate reaches the graph


@SETTINGS
@given(text=texts)
def test_the_cleaned_text_maps_back_to_the_text_as_read(text):
    raw = RawArticle("a.txt", "a", normalize(text))
    article = clean(raw, RULES)
    assert len(article.offsets) == len(article.text)
    assert list(article.offsets) == sorted(article.offsets)
    for index, char in enumerate(article.text):
        source = raw.text[article.offsets[index]]
        assert char == source or char in " \n" and (source.isspace() or source in "\u200b\ufeff")
    for kind, begin, end in article.regions:
        assert kind in ("header", "body", "bio") and 0 <= begin <= end <= len(article.text)
        raw_begin, raw_end = article.to_raw(begin, end)
        assert 0 <= raw_begin <= raw_end <= len(raw.text)


@st.composite
def spans(draw, length: int) -> Span:
    begin = draw(st.integers(0, length - 1))
    return Span(begin, draw(st.integers(begin + 1, length)))


dates = st.none() | st.dates().map(str) | st.integers(0, 9999).map("{:04d}".format) | texts


@st.composite
def article_facts(draw) -> ArticleFacts:
    """An article's facts with arbitrary text, names, titles and spans."""
    text = draw(names)
    source = draw(names)
    stem = StemRegistry().claim(draw(texts), source)
    raw = RawArticle(source, stem, text, url=draw(st.none() | texts), fmt="txt")
    mentions = tuple(Mention(draw(names), draw(st.sampled_from(["PERSON", "ORG"])),
                             draw(spans(len(text))), confidence=draw(st.floats(0, 1)))
                     for _ in range(draw(st.integers(0, 4))))
    positions = tuple(
        Position(draw(names), draw(names), tuple(draw(st.sets(st.sampled_from(ROLE_CODES)))),
                 draw(st.none() | names), draw(spans(len(text))), "rule:appositive",
                 status=draw(st.sampled_from([None, "former", "incoming"])),
                 unit=draw(st.none() | names))
        for _ in range(draw(st.integers(0, 3))))
    claims = tuple(
        Claim(draw(names), draw(st.sampled_from(CLAIM_KINDS)), claimant, label,
              draw(spans(len(text))), cue=draw(st.none() | names),
              quantities=tuple(Quantity(draw(names), draw(names), draw(texts),
                                        value=str(draw(st.decimals(-1e9, 1e9, places=2))))
                               for _ in range(draw(st.integers(0, 2)))),
              horizon=draw(st.none() | st.sampled_from(["2030", "2025"])))
        for claimant, label in [draw(st.sampled_from([(None, None)]) | st.tuples(
            names, st.sampled_from(["PERSON", "ORG"]))) for _ in range(draw(st.integers(0, 3)))])
    return ArticleFacts(raw, draw(st.none() | names), tuple(draw(st.lists(names, max_size=2))),
                        draw(dates), draw(st.none() | names),
                        mentions, positions, claims)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(facts=article_facts())
def test_the_rdf_writer_gives_trig_that_reparses_with_exact_anchors(facts):
    iris, resolver = Iris(), Resolver()
    resolver.add(facts)
    quads = article_quads(facts, iris, resolver)
    writer = GraphWriter()
    writer.add(vocabulary_quads(iris))
    writer.add(quads)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.trig"
        count = writer.write(path)
        data = path.read_bytes()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data, format="trig")
    assert len(dataset) == count
    assert len(list(ox.parse(data, format=ox.RdfFormat.TRIG))) == count
    doc = iris.doc(facts.raw.stem)
    assert str(dataset.value(doc, NIF.isString)) == facts.raw.text
    anchored = set(dataset.subjects(NIF.anchorOf, None))
    assert len(anchored) == len({(s.begin, s.end) for s in _all_spans(facts)})
    for span in anchored:
        begin = int(dataset.value(span, NIF.beginIndex))
        end = int(dataset.value(span, NIF.endIndex))
        assert facts.raw.text[begin:end] == str(dataset.value(span, NIF.anchorOf))
    written = {(s, p, o, g) for s, p, o, g in quads if not isinstance(o, rdflib.Literal)
               or o.datatype != rdflib.XSD.decimal}
    for _, _, published in dataset.triples((doc, SCHEMA.datePublished, None)):
        assert _valid_date(published), published
    assert not [o for o in dataset.objects() if isinstance(o, rdflib.Literal) and o.ill_typed]
    parsed = set(dataset.quads())
    assert {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in parsed} >= written


def _all_spans(facts: ArticleFacts) -> list[Span]:
    """Every evidence span the facts hold."""
    return [m.span for m in facts.mentions] + [p.span for p in facts.positions] + [
        c.span for c in facts.claims]


def _valid_date(literal: rdflib.Literal) -> bool:
    """Whether a schema:datePublished is a valid xsd:gYear or xsd:date literal."""
    if literal.datatype == rdflib.XSD.gYear:
        return re.fullmatch(r"\d{4}", str(literal), flags=re.ASCII) is not None
    try:
        date.fromisoformat(str(literal))
    except ValueError:
        return False
    return literal.datatype == rdflib.XSD.date and len(str(literal)) == 10
