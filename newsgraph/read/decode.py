"""Bytes to text: any encoding decoded, mojibake repaired, and the kind of content (text, HTML, feed) told.

Scraped news arrives in every encoding and often with a wrong declaration, so
decoding tries, in order: a byte-order mark, UTF-8, the charset an HTML page
declares, then statistical detection (charset-normalizer). ftfy repairs text
that was decoded wrongly once already (mojibake) before it reached us.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from ftfy.badness import is_bad

from newsgraph.read.raw import Unreadable

_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|br|a|h[1-6]|article|section|ul|li|table|meta|title)\b[^>]*>", re.I)
_FEED_SNIFF = re.compile(r"<rss[\s>]|<feed[\s>][^>]*xmlns|<rdf:RDF", re.I)
_MESS = 0.2  # charset-normalizer's own default ceiling for text that reads as a language
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def decode_bytes(raw: bytes, html_hint: bool = False, declared: str | None = None) -> tuple[str, str]:
    """Bytes to text: byte-order mark, UTF-8, a declared charset, then detection; mojibake repaired.

    `declared` is a charset the container named (an HTTP Content-Type header); it
    is tried before the page's own <meta> declaration.
    """
    text, encoding = decode(raw, html_hint, declared)
    return repair_text(text, html=html_hint or sniff_kind(text) == "html"), encoding


def decode(raw: bytes, html_hint: bool, declared: str | None = None) -> tuple[str, str]:
    """Decode without repair, naming the encoding used; raises Unreadable for binary content."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise Unreadable(f"file starts with a {name} byte-order mark but is not valid {name}") from exc
    if b"\x00" in raw[:8192]:
        return _decode_with_nuls(raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    looks_html = html_hint or _HTML_SNIFF.search(raw[:4096].decode("latin-1"))
    for name in (_known_charset(declared), _declared_charset(raw) if looks_html else None):
        if name:
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue  # a wrong declaration is common: fall through to the next sign
            if not _misread(text):
                return text, name
    return _detect(raw)


def _misread(text: str) -> bool:
    """Whether text decoded with a declared single-byte charset reads as letter soup (a wrong declaration).

    Any byte decodes in Latin-1, so success proves nothing; a page of Cyrillic
    declared as Latin-1 reads as runs of accented letters that no language
    writes, which charset-normalizer's mess measure and ftfy's badness test see.
    """
    sample = text[:20000]
    return mess_ratio(sample, maximum_threshold=_MESS) >= _MESS or is_bad(sample)


# When detection ties (the same bytes read equally well in several single-byte code pages), prefer the code
# pages most used on the web; browsers likewise read Latin-1 labels as Windows-1252.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "koi8_r")


def _detect(raw: bytes) -> tuple[str, str]:
    results = from_bytes(raw)
    best = results.best()
    if best is None or best.encoding is None:
        raise Unreadable("could not detect the text encoding (the file may be binary)")
    tied = {name for match in results if (match.chaos, match.coherence) == (best.chaos, best.coherence)
            for name in match.could_be_from_charset}
    for name in _PREFERRED:
        if name in tied:
            try:
                return raw.decode(name), name
            except UnicodeDecodeError:
                continue
    return str(best), best.encoding


def _decode_with_nuls(raw: bytes) -> tuple[str, str]:
    """NUL bytes mean binary, unless the file is UTF-16 without a byte-order mark (NUL every other byte)."""
    head = raw[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) / 2
    for name, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls > 0.6 * half:
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.95:
                return text, name
    raise Unreadable("binary file (contains NUL bytes), not text or HTML")


def _printable_share(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    return sum(ch.isprintable() or ch in "\n\r\t" for ch in sample) / len(sample)


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    return _known_charset(match.group(1).decode("ascii", "ignore"))


def _known_charset(name: str | None) -> str | None:
    """A charset label as Python's codec name, or None when Python has no such codec."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


_FTFY_TEXT = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
_FTFY_HTML = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, unescape_html=False, explain=False
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# UTF-8 read as Latin-1 or Windows-1252 leaves a lead letter (Â..ô) followed by a continuation byte shown
# as a Latin-1 symbol or a Windows-1252 punctuation mark; only then is ftfy's slower detector worth running.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
    "\u017e\u0178]"
)


def repair_text(text: str, html: bool = False) -> str:
    """Repair mojibake and stray control characters; typographic quotes are kept as printed.

    ftfy's repair and its detector are slow on long pages, so they run only where
    a cheap pattern of mojibake or a control character is seen.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text) or (_MOJIBAKE_HINT.search(text) and is_bad(text)):
        text = ftfy.fix_text(text, _FTFY_HTML if html else _FTFY_TEXT)
        # what ftfy keeps but XML parsers refuse: page and line tabulations become line breaks, the rest goes
        text = _NOT_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)
    return unicodedata.normalize("NFC", text)


def sniff_kind(text: str) -> str:
    """`html`, `feed` or `text`, from the content: a .txt that holds a web page is HTML."""
    head = text[:4096]
    if _FEED_SNIFF.search(head) and not _HTML_SNIFF.search(head):
        return "feed"
    if _HTML_SNIFF.search(head):
        return "html"
    if len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


def html_has_text(html: str) -> bool:
    """Whether an HTML page has any text at all; a page of only markup is reported, not cleaned to nothing."""
    return bool(visible_text(html).strip())


def visible_text(html: str) -> str:
    """The text a browser would show (scripts and styles dropped), one line per block; a last resort."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", html)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for block in tree.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                           "article", "header", "footer", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()



def stream_encoding(head: bytes) -> str:
    """The encoding of a streamed file from its start (a multi-byte character may be cut at the end)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return _detect(head)[1]
