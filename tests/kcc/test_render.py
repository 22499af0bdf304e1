from kcc.render import to_html, to_text


def test_text_drops_markup_and_keeps_tables_readable():
    md = "**Paspoort**\n\n| Soort | Prijs |\n|---|---|\n| Volwassene | € 84,45 |\n\nZie [de website](https://x.nl)."
    assert to_text(md) == "Paspoort\n\nSoort - Prijs\nVolwassene - € 84,45\n\nZie de website (https://x.nl)."


def test_html_escapes_raw_html_and_unsafe_links():
    html = to_html("Hallo <script>alert(1)</script> [klik](javascript:alert(1)) [ok](https://x.nl)")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html.split("klik")[0] + html.split("klik")[-1][:5]
    assert '<a href="https://x.nl">ok</a>' in html


def test_a_thematic_break_between_answer_parts_stays_in_the_text():
    from kcc.render import to_text

    assert to_text("**A**\n\ntekst\n\n---\n\n**B**\n\n| x | y |\n|---|---|\n| 1 | 2 |") == \
        "A\n\ntekst\n\n---\n\nB\n\nx - y\n1 - 2"
