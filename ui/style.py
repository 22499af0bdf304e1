"""The console's few style rules: room for the answer and the outcome buttons on a 1366x768 screen (Streamlit's
default top padding is 6rem; the outcome buttons as a compact list), no English typing hints ("Press Enter to
submit form") under Dutch inputs, and no English table toolbars ("Download as CSV", "Search", "Fullscreen"):
the pages offer their own Dutch export where one is needed. The date picker follows the browser's language: in a
Dutch browser its week starts on maandag and months and days are Dutch (tests/ui/test_console_floor.py)."""

from __future__ import annotations

import streamlit as st

CSS = """<style>
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1.5rem; padding-bottom: 2rem; }
[data-testid="InputInstructions"] { display: none; }
[data-testid="stElementToolbar"] { display: none; }
.st-key-outcomes { gap: 0.4rem; }
.st-key-outcomes button { min-height: 2.2rem; padding-top: 0.15rem; padding-bottom: 0.15rem; }
.st-key-outcomes [data-testid="stCaptionContainer"] { margin-top: 0.3rem; }
</style>"""


def apply() -> None:
    st.html(CSS)
