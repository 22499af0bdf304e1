"""Altair charts of the dashboards (Altair ships with Streamlit; no extra dependency)."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

NONE = "(geen)"  # the API's group of contacts without a team or article
GRADE_CRITERIA = {"juist": "Juist", "volledig": "Volledig", "bron_klopt": "Bron klopt", "begrijpelijk": "Begrijpelijk"}


def groups_frame(groups: dict[str, dict[str, Any]], label: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """``{"phone": {"total", "resolved_first_contact", "rate"}}`` as a table, worst rate first."""
    names = {NONE: f"(geen {label.lower()})", **(names or {})}
    rows = [{label: names.get(key, key), "FCR": value["rate"], "Contacten": value["total"],
             "Opgelost": value["resolved_first_contact"]} for key, value in groups.items()]
    frame = pd.DataFrame(rows, columns=[label, "FCR", "Contacten", "Opgelost"])
    return frame.sort_values(["FCR", "Contacten"], ascending=[True, False], na_position="last", ignore_index=True)


def _target_rule(target: float, axis: str) -> alt.Chart:
    rule = alt.Chart(pd.DataFrame({"doel": [target]}))
    encoding = {axis: alt.X("doel:Q") if axis == "x" else alt.Y("doel:Q")}
    return rule.mark_rule(color="#c0392b", strokeDash=[6, 4], size=2).encode(**encoding)


def fcr_over_time(rows: list[dict[str, Any]], target: float) -> alt.LayerChart:
    """FCR per day or week, with the target as a dashed line."""
    frame = pd.DataFrame(rows, columns=["period", "total", "resolved_first_contact", "rate"])
    frame["period"] = pd.to_datetime(frame["period"])
    base = alt.Chart(frame).encode(
        x=alt.X("period:T", title=None, axis=alt.Axis(format="%d-%m")),
        tooltip=[alt.Tooltip("period:T", title="Periode", format="%d-%m-%Y"),
                 alt.Tooltip("rate:Q", title="FCR", format=".0%"), alt.Tooltip("total:Q", title="Contacten")])
    line = base.mark_line(point=True, color="#1f6fb2").encode(
        y=alt.Y("rate:Q", title="In één keer goed", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")))
    return alt.layer(line, _target_rule(target, "y")).properties(height=260)


def rate_bars(frame: pd.DataFrame, label: str, target: float, *, height: int | None = None) -> alt.LayerChart:
    """Horizontal FCR bars (worst on top), the contact count as text, the target as a dashed line."""
    order = list(frame[label])
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(labelLimit=240, labelOverlap=False)),
        tooltip=[alt.Tooltip(f"{label}:N"), alt.Tooltip("FCR:Q", format=".0%"), alt.Tooltip("Contacten:Q")])
    bars = base.mark_bar().encode(
        x=alt.X("FCR:Q", title="In één keer goed", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        color=alt.condition(f"datum.FCR >= {target}", alt.value("#2e8b57"), alt.value("#e67e22")))
    counts = base.mark_text(align="left", dx=4, color="#333").encode(
        x=alt.X("FCR:Q"), text=alt.Text("Contacten:Q", format="d"))
    # about 30 pixels a bar, so every label stays readable, plus room for the axis and its title
    return alt.layer(bars, counts, _target_rule(target, "x")).properties(height=height or 30 * len(order) + 80)


def grades_over_time(rows: list[dict[str, Any]]) -> alt.Chart:
    """Share of graded answers that meet each criterion, per period."""
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=["period", *GRADE_CRITERIA])
    long = frame.melt(id_vars=["period"], value_vars=list(GRADE_CRITERIA), var_name="criterium", value_name="aandeel")
    long["criterium"] = long["criterium"].map(GRADE_CRITERIA)
    long["period"] = pd.to_datetime(long["period"])
    return alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("period:T", title=None, axis=alt.Axis(format="%d-%m")),
        y=alt.Y("aandeel:Q", title="Aandeel goed", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        color=alt.Color("criterium:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("period:T", title="Periode", format="%d-%m-%Y"), "criterium:N",
                 alt.Tooltip("aandeel:Q", format=".0%")]).properties(height=260)
