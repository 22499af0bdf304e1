from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from kcc.render import TAGS, to_html, to_text, to_text_and_html

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@dataclass
class Parsed:
    """What a browser would see in the HTML: every tag with its attributes, comments, and the visible text."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    text: str = ""

    @property
    def links(self) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == "a"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parsed.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.parsed.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.parsed.text += data


def parse(html: str) -> Parsed:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.parsed


def assert_safe(html: str) -> Parsed:
    """Only allowed tags; no src, style or event handler anywhere; every href http(s), mailto or tel."""
    parsed = parse(html)
    assert parsed.comments == []
    for tag, attrs in parsed.tags:
        assert tag in TAGS, tag
        assert set(attrs) <= {"href", "title", "rel", "start"}, (tag, attrs)
        if "href" in attrs:
            assert tag == "a"
            assert (attrs["href"] or "").lower().startswith(SAFE_SCHEMES), attrs["href"]
        if tag == "a":
            assert attrs["rel"] == "noopener noreferrer"
    return parsed


# --- plain text -------------------------------------------------------------------------------------------

def test_text_drops_markup_and_keeps_tables_readable():
    md = "**Paspoort**\n\n| Soort | Prijs |\n|---|---|\n| Volwassene | € 84,45 |\n\nZie [de website](https://x.nl)."
    assert to_text(md) == "Paspoort\n\nSoort - Prijs\nVolwassene - € 84,45\n\nZie de website (https://x.nl)."


def test_a_thematic_break_between_answer_parts_stays_in_the_text():
    assert to_text("**A**\n\ntekst\n\n---\n\n**B**\n\n| x | y |\n|---|---|\n| 1 | 2 |") == \
        "A\n\ntekst\n\n---\n\nB\n\nx - y\n1 - 2"


@pytest.mark.parametrize("rule", ["***", "___", "- - -", "-----"])
def test_every_form_of_thematic_break_is_the_line_the_chat_splits_on(rule):
    assert to_text(f"A\n\n{rule}\n\nB") == "A\n\n---\n\nB"


def test_headings_emphasis_and_code_become_their_text():
    md = "# Titel\n\n## Kosten *2026*\n\nU betaalt __€ 10__ of _meer_, code `A_B*C`.\n\nKop\n==="
    assert to_text(md) == "Titel\n\nKosten 2026\n\nU betaalt € 10 of meer, code A_B*C.\n\nKop"


def test_intraword_underscores_and_escapes_are_text_not_markup():
    assert to_text(r"Het veld KCC_RESERVE_BLOK en 5 \* 3 = 15") == "Het veld KCC_RESERVE_BLOK en 5 * 3 = 15"


@pytest.mark.parametrize(("md", "text"), [
    ("[de website](https://x.nl)", "de website (https://x.nl)"),
    ("[https://x.nl](https://x.nl)", "https://x.nl"),
    ("<https://x.nl/paspoort>", "https://x.nl/paspoort"),
    ("<info@x.nl>", "info@x.nl"),
    ("[mail ons](mailto:info@x.nl)", "mail ons (mailto:info@x.nl)"),
    ('[bel ons](tel:140456 "Bellen")', "bel ons (tel:140456)"),
    ("[](https://x.nl)", "https://x.nl"),
    ("[site][1]\n\n[1]: https://x.nl", "site (https://x.nl)"),
    ("[klik](javascript:alert(1))", "klik"),
    ("[formulier](/formulieren/x)", "formulier"),
    ("![Kaart van het centrum](https://x.nl/kaart.png)", "Kaart van het centrum"),
])
def test_links_read_label_then_url_and_an_unsafe_link_only_its_label(md, text):
    assert to_text(md) == text


def test_list_items_are_lines_with_their_markers_and_the_source_layout_stays():
    md = ("Neem mee:\n- uw paspoort\n- een pasfoto\n\n3. Derde stap\n4. Vierde stap\n\n"
          "* los\n\n  tweede alinea\n* met\n  - sub")
    assert to_text(md) == ("Neem mee:\n- uw paspoort\n- een pasfoto\n\n3. Derde stap\n4. Vierde stap\n\n"
                           "* los\n\n  tweede alinea\n* met\n  - sub")


def test_a_lazy_line_after_a_list_item_stays_flush_left_as_written():
    md = "U hebt een vergunning nodig als:\n- de stam dik is\n- de boom monumentaal is\nFruitbomen mag u altijd kappen."
    assert to_text(md) == md


def test_table_rows_drop_the_separator_row_and_keep_empty_and_escaped_cells():
    md = "| Hoe | Wat |\n|:--|--:|\n| Post | Postbus 100 \\| 4800 AA |\n| Balie | |"
    assert to_text(md) == "Hoe - Wat\nPost - Postbus 100 | 4800 AA\nBalie -"


def test_raw_html_in_the_source_is_text_in_the_text():
    assert to_text("Hallo <b>wereld</b>") == "Hallo <b>wereld</b>"


def test_windows_line_endings_keep_the_layout():
    assert to_text("A\r\n- een\r\n- twee\r\n\r\nB") == "A\n- een\n- twee\n\nB"


# --- HTML: what articles use ------------------------------------------------------------------------------

def test_html_keeps_what_articles_use_and_only_allowed_tags():
    md = ("# Titel\n\n## Kop\n\n**vet** en *schuin* en `code`  \nregel\n\n- een\n- twee\n\n3. drie\n\n"
          "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n> citaat\n\n```\nvast\n```\n\n---\n\n[site](https://x.nl)")
    parsed = assert_safe(to_html(md))
    assert {tag for tag, _ in parsed.tags} == {"h1", "h2", "p", "strong", "em", "code", "br", "ul", "ol", "li",
                                              "table", "thead", "tbody", "tr", "th", "td", "blockquote", "pre",
                                              "hr", "a"}
    assert ("ol", {"start": "3"}) in parsed.tags
    assert all(attrs == {} for tag, attrs in parsed.tags if tag in ("th", "td"))  # alignment style is dropped


def test_html_of_a_price_table_keeps_its_text():
    parsed = assert_safe(to_html("| Soort | Prijs |\n|---|---|\n| Volwassene | € 84,45 |"))
    assert parsed.text.split() == ["Soort", "Prijs", "Volwassene", "€", "84,45"]


@pytest.mark.parametrize(("md", "href", "label"), [
    ("[de website](https://www.lindewaard.nl/paspoort)", "https://www.lindewaard.nl/paspoort", "de website"),
    ("[oud](http://x.nl)", "http://x.nl", "oud"),
    ('[x](https://x.nl "titel")', "https://x.nl", "x"),
    ("[mail ons](mailto:info@x.nl)", "mailto:info@x.nl", "mail ons"),
    ("[bel 14 0456](tel:140456)", "tel:140456", "bel 14 0456"),
    ("<https://x.nl>", "https://x.nl", "https://x.nl"),
    ("<info@x.nl>", "mailto:info@x.nl", "info@x.nl"),
    ("[site][1]\n\n[1]: https://x.nl", "https://x.nl", "site"),
])
def test_safe_links_survive_with_their_text_and_rel(md, href, label):
    parsed = assert_safe(to_html(md))
    assert [link["href"] for link in parsed.links] == [href]
    assert parsed.text.strip() == label


# --- HTML: known bypasses ---------------------------------------------------------------------------------

UNSAFE_LINKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    '[x](javascript:alert(1) "titel")',
    "[x](  javascript:alert(1))",
    "[x](\njavascript:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](java&#9;script:alert(1))",
    "[x](&#x20;javascript:alert(1))",
    "[x](java\x00script:alert(1))",
    "[x](java%0Ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](//evil.example/x)",
    "[x](/relatief/pad)",
    "[x][1]\n\n[1]: javascript:alert(1)",
    '[x][1]\n\n[1]: <javascript:alert(1)> "titel"',
    "[x]\n\n[x]: JAVASCRIPT:alert(1)",
    "| [x](javascript:alert(1)) |\n|---|",
    "- [x](javascript:alert(1))",
]


@pytest.mark.parametrize("md", UNSAFE_LINKS)
def test_an_unsafe_link_is_no_link_but_keeps_its_label(md):
    parsed = assert_safe(to_html(md))
    assert parsed.links == []
    assert parsed.text.strip() == "x"
    assert "script" not in to_text(md).lower()


@pytest.mark.parametrize("md", ["<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<vbscript:msgbox(1)>",
                                "<data:text/html,x>"])
def test_an_unsafe_autolink_is_text_not_a_link(md):
    parsed = assert_safe(to_html(md))
    assert parsed.links == []
    assert parsed.text.strip() == md[1:-1]


def test_an_attribute_cannot_be_broken_out_of():
    parsed = assert_safe(to_html('[x](<https://x.nl" onmouseover="alert(1)>)'))
    assert all(set(attrs) <= {"href", "rel"} for _, attrs in parsed.tags)


@pytest.mark.parametrize("md", [
    "![x](javascript:alert(1))",
    "![x](https://evil.example/pixel.png)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    '![x](https://evil.example/p.png "titel")',
    "![x][1]\n\n[1]: https://evil.example/p.png",
])
def test_an_image_is_its_alt_text(md):
    parsed = assert_safe(to_html(md))
    assert not any(tag == "img" for tag, _ in parsed.tags)
    assert parsed.text.strip() == "x"
    assert to_text(md) == "x"


def test_an_image_inside_a_safe_link_leaves_the_link_with_the_alt_text():
    parsed = assert_safe(to_html("[![Paspoort](https://evil.example/p.png)](https://x.nl)"))
    assert [link["href"] for link in parsed.links] == ["https://x.nl"]
    assert parsed.text.strip() == "Paspoort"


@pytest.mark.parametrize("md", [
    "<script>alert(1)</script>",
    "Hallo <script>alert(1)</script> wereld",
    "<img src=x onerror=alert(1)>",
    'Zie <a href="https://x.nl" onclick="alert(1)">hier</a>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<!-- verborgen --> tekst",
    "<!--\nverborgen\n-->",
    "<style>body { display: none }</style>",
    '<div style="position:fixed">x</div>',
    '<svg onload="alert(1)"></svg>',
    "<p>\n<script>alert(1)</script>\n</p>",
])
def test_raw_html_is_shown_as_text_never_passed_through(md):
    parsed = assert_safe(to_html(md))
    # paragraphs only; a web address in the text is a link of its own (linkify), never the HTML's own <a>
    assert [tag for tag, _ in parsed.tags if tag != "a"] == ["p"] * md.count("\n\n") + ["p"]
    assert [link["href"] for link in parsed.links] == re.findall(r"https://[^\s\"<>]+", md)
    assert parsed.text.strip() == md  # the visible text is the source, HTML included


@pytest.mark.parametrize(("md", "href"), [
    ("Vraag het aan via www.lindewaard.nl/parkeren.", "http://www.lindewaard.nl/parkeren"),
    ("Kijk op https://www.lindewaard.nl/afval voor de kalender", "https://www.lindewaard.nl/afval"),
    ("Mail naar info@lindewaard.nl", "mailto:info@lindewaard.nl"),
])
def test_bare_web_addresses_become_links_and_the_text_stays(md, href):
    parsed = assert_safe(to_html(md))
    assert [link["href"] for link in parsed.links] == [href]
    assert parsed.text.strip() == md
    assert to_text(md).strip() == md


def test_unsafe_content_inside_allowed_markup_is_still_caught():
    md = "**[x](javascript:alert(1))** en *![y](javascript:alert(1))* en [ok](https://x.nl)"
    parsed = assert_safe(to_html(md))
    assert [link["href"] for link in parsed.links] == ["https://x.nl"]
    assert parsed.text.strip() == "x en y en ok"


@pytest.mark.parametrize("md", [
    "Zie [de website](https://www.lindewaard.nl).\n\n| Soort | Prijs |\n|---|---|\n| Paspoort | € 84,45 |",
    "- een\n- twee\nlui\n\n---\n\n**Kosten**\n\n[ref]\n\n[ref]: https://example.nl",
    "<script>alert(1)</script> en [x](javascript:alert(1) \"titel\") ![foto](https://x.nl/a.png)",
])
def test_one_parse_gives_what_the_two_renderers_give(md):
    assert to_text_and_html(md) == (to_text(md), to_html(md))
