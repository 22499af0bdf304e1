"""The KCC console: navigation only. Start it with ``kcc console`` (or ``kcc run``, which also starts the API)."""

import streamlit as st

from ui import style

st.set_page_config(page_title="KCC Kennisbank", page_icon=":material/support_agent:", layout="wide")
style.apply()

st.navigation([
    st.Page("app_pages/zoeken.py", title="Zoeken", icon=":material/search:", default=True),
    st.Page("app_pages/terugbellen.py", title="Terugbelverzoeken", icon=":material/phone_callback:"),
    st.Page("app_pages/fcr_dashboard.py", title="FCR-dashboard", icon=":material/monitoring:"),
    st.Page("app_pages/beoordelen.py", title="Beoordelen", icon=":material/grading:"),
    st.Page("app_pages/signalen.py", title="Signalen", icon=":material/flag:"),
]).run()
