"""Render approved article Markdown as plain text and as safe HTML, both from one markdown-it parse.

Example::

    to_html("Zie [de website](https://www.lindewaard.nl).")
    # '<p>Zie <a href="https://www.lindewaard.nl" rel="noopener noreferrer">de website</a>.</p>\\n'
    to_text("Zie [de website](https://www.lindewaard.nl).")
    # 'Zie de website (https://www.lindewaard.nl).'

Safety does not rest on one layer: markdown-it runs with raw HTML off (``<script>`` in an article is text), a
link whose URL is not http(s), mailto or tel is no link at all (its label stays), images are their alt text,
and nh3 then cleans the HTML against an allow-list of tags, attributes and URL schemes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

SAFE_URL = re.compile(r"(?:https?://|mailto:|tel:)", re.IGNORECASE)
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# what approved articles use; no img (articles are text), no div/span/style/script
TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a",
        "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "blockquote", "hr", "br"}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
NEWLINE = re.compile(r"\r\n?")  # as markdown-it normalises it, so token maps match our lines
THEMATIC_BREAK = "---"  # in the text it separates the parts of a multi-part answer (chat.js splits on it)


def is_safe_url(url: str) -> bool:
    """Whether a (normalised, entity-decoded) link URL may become a link: http(s), mailto or tel only."""
    return SAFE_URL.match(url) is not None


class _ArticleMarkdown(MarkdownIt):
    """CommonMark plus tables and bare web addresses as links, raw HTML off.

    markdown-it's own link check would leave a rejected link in the text as written ("[x](javascript:...)");
    here every link parses, and ``_unwrap_unsafe_inline`` (the one gate for every href and image) keeps only
    the label of a link outside the allow-list, as the old renderer did.
    """

    def __init__(self) -> None:
        # linkify: "www.lindewaard.nl/parkeren" in an article becomes a link (linkify-it-py), through the same gate
        super().__init__("commonmark", {"html": False, "linkify": True})
        self.enable(["table", "linkify"])
        self.core.ruler.push("kcc_safe_inline", _unwrap_unsafe_inline)

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


def _unwrap_unsafe_inline(state: StateCore) -> None:
    """A link whose URL is not on the allow-list becomes its label; an image becomes its alt text. Both outputs
    read these tokens, so HTML and text agree."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = _unwrapped(token.children)


def _unwrapped(children: Sequence[Token]) -> list[Token]:
    kept: list[Token] = []
    open_links: list[bool] = []
    for token in children:
        if token.type == "image":
            kept.extend(_unwrapped(token.children or []))
        elif token.type == "link_open":
            open_links.append(is_safe_url(str(token.attrGet("href") or "")))
            if open_links[-1]:
                kept.append(token)
        elif token.type == "link_close":
            if open_links.pop():
                kept.append(token)
        else:
            kept.append(token)
    return kept


_MD = _ArticleMarkdown()
_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, url_relative="deny",
                       link_rel="noopener noreferrer", strip_comments=True)


def to_html(markdown: str) -> str:
    """HTML from Markdown for websites and mail; raw HTML in the source is shown as text, never passed through.

    :param markdown: approved article Markdown
    :returns: HTML limited to the tags in ``TAGS``, links only to http(s), mailto and tel
    """
    return to_text_and_html(markdown, text=False)[1]


def to_text_and_html(markdown: str, text: bool = True) -> tuple[str, str]:
    """:func:`to_text` and :func:`to_html` of the same Markdown from one parse (an answer needs both)."""
    env: dict = {}
    tokens = _MD.parse(markdown, env)
    html = _CLEANER.clean(_MD.renderer.render(tokens, _MD.options, env))
    return (_plain(markdown, tokens) if text else ""), html


def to_text(markdown: str) -> str:
    """Plain text for channels that cannot show markup (phone script, SMS, e-mail text part).

    Headings and emphasis become their text, a link "label (url)", a table row its cells joined by " - ",
    a list item one line with its marker, a thematic break the line "---". Blocks keep the source's layout:
    a blank line between them where the source has one.

    :param markdown: approved article Markdown
    :returns: the text, without leading or trailing whitespace
    """
    return _plain(markdown, _MD.parse(markdown))


def _plain(markdown: str, tokens: list) -> str:
    text = _TextWriter(NEWLINE.sub("\n", markdown)).blocks(SyntaxTreeNode(tokens).children)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()  # e.g. a row ending in an empty cell


class _TextWriter:
    def __init__(self, source: str) -> None:
        self.lines = source.split("\n")

    def blocks(self, nodes: Sequence[SyntaxTreeNode]) -> str:
        out: list[str] = []
        previous: SyntaxTreeNode | None = None
        for node in nodes:
            if previous is not None:
                out.append(self.separator(previous, node))
            out.append(self.block(node))
            previous = node
        return "".join(out)

    def separator(self, previous: SyntaxTreeNode, node: SyntaxTreeNode) -> str:
        """A blank line between two blocks where the source has one, else a line break."""
        if previous.map is None or node.map is None:
            return "\n\n"
        last = previous.map[1] - 1  # a list item's map may run on over the blank line after it
        while last > previous.map[0] and not self.lines[last].strip():
            last -= 1
        return "\n\n" if node.map[0] > last + 1 else "\n"

    def block(self, node: SyntaxTreeNode) -> str:
        if node.type in ("paragraph", "heading"):
            return inline_text(node.children[0]) if node.children else ""
        if node.type == "hr":
            return THEMATIC_BREAK
        if node.type in ("bullet_list", "ordered_list"):
            return self.blocks(node.children)
        if node.type == "list_item":
            # the marker on the first line; a nested list or a further paragraph indented under it (the first
            # paragraph's own lines are not: editors write them flush left, and the text keeps them so)
            marker = f"{node.info}{node.markup}" if node.info else node.markup
            children = node.children
            text = f"{marker} {self.block(children[0]) if children else ''}".rstrip()
            if len(children) > 1:
                indent = " " * (len(marker) + 1)
                rest = self.separator(children[0], children[1]) + self.blocks(children[1:])
                text += "\n".join(indent + line if line else "" for line in rest.split("\n"))
            return text
        if node.type == "table":
            rows = [row for part in node.children for row in part.children]  # thead and tbody; no separator row
            return "\n".join(" - ".join(inline_text(cell.children[0]).strip() if cell.children else ""
                                        for cell in row.children) for row in rows)
        if node.type == "blockquote":
            return "\n".join(f"> {line}" if line else ">" for line in self.blocks(node.children).split("\n"))
        return node.content.rstrip("\n")  # code blocks (and raw HTML, were it on) stay as written


def inline_text(node: SyntaxTreeNode) -> str:
    parts: list[str] = []
    for child in node.children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link":
            label = inline_text(child)
            url = _MD.normalizeLinkText(str(child.attrs.get("href", "")))
            if child.markup in ("autolink", "linkify") or label in ("", url):  # the address is the text
                parts.append(label or url)
            else:
                parts.append(f"{label} ({url})")
        elif child.children:
            parts.append(inline_text(child))  # strong, em: their text
        else:
            parts.append(child.content)  # text, code_inline
    return "".join(parts)
