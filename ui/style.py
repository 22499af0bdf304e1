"""The console's few style rules: room for the answer and the outcome buttons on a 1366x768 screen (Streamlit's
default top padding is 6rem; the outcome buttons as a compact list), and no English typing hints ("Press Enter to
submit form") under Dutch inputs."""

from __future__ import annotations

import streamlit as st

CSS = """<style>
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 1.5rem; padding-bottom: 2rem; }
[data-testid="InputInstructions"] { display: none; }
.st-key-outcomes { gap: 0.4rem; }
.st-key-outcomes button { min-height: 2.2rem; padding-top: 0.15rem; padding-bottom: 0.15rem; }
.st-key-outcomes [data-testid="stCaptionContainer"] { margin-top: 0.3rem; }
</style>"""


def apply() -> None:
    st.html(CSS)
