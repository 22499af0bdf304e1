"""The KCC console: navigation only. Start it with ``kcc console`` (or ``kcc run``, which also starts the API)."""

import streamlit as st

from ui import style
from ui.session import is_admin, is_editor

st.set_page_config(page_title="KCC Kennisbank", page_icon=":material/support_agent:", layout="wide")
style.apply()

st.navigation([
    st.Page("app_pages/zoeken.py", title="Zoeken", icon=":material/search:", default=True),
    st.Page("app_pages/terugbellen.py", title="Terugbelverzoeken", icon=":material/phone_callback:"),
    st.Page("app_pages/fcr_dashboard.py", title="FCR-dashboard", icon=":material/monitoring:"),
    st.Page("app_pages/beoordelen.py", title="Beoordelen", icon=":material/grading:"),
    st.Page("app_pages/signalen.py", title="Signalen", icon=":material/flag:"),
    # the editors' pages, for editor and admin keys only (the API refuses their routes to any other key)
    *([st.Page("app_pages/redactie.py", title="Redactie", icon=":material/edit_note:"),
       st.Page("app_pages/werklijst.py", title="Werklijst", icon=":material/checklist:")] if is_editor() else []),
    *([st.Page("app_pages/beheer.py", title="Beheer", icon=":material/settings:")] if is_admin() else []),
]).run()
