"""FCR and grading statistics on a small, hand-made contact log, on SQLite and on PostgreSQL.

The eight contacts below (and three grades) are the whole log of this module's database; every expected
figure is counted by hand from this table.

| # | created_at (UTC)  | channel | outcome (override)          | team         | article            | FCR |
|---|-------------------|---------|-----------------------------|--------------|--------------------|-----|
| 1 | 2026-11-02 09:00  | phone   | Zelfstandig afgehandeld     | Burgerzaken  | paspoort-aanvragen | yes |
| 2 | 2026-11-02 10:00  | phone   | Doorverbonden -> Vergunn.   | Vergunningen | -                  | no  |
| 3 | 2026-11-02 23:30  | email   | Terugbelnotitie gemaakt     | -            | -                  | no  |
| 4 | 2026-11-03 08:00  | counter | Afgehandeld na ruggespraak  | Burgerzaken  | paspoort-aanvragen | yes |
| 5 | 2026-11-03 12:00  | chat    | Verwezen naar andere inst.  | Afval        | grofvuil-ophalen   | yes |
| 6 | 2026-11-09 09:00  | phone   | Doorverbonden (override yes)| Burgerzaken  | -                  | yes |
| 7 | 2026-11-09 15:00  | phone   | Zelfstandig (override no)   | Burgerzaken  | paspoort-aanvragen | no  |
| 8 | 2026-11-01 12:00  | email   | Verbinding verbroken        | -            | -                  | no  |
"""

from __future__ import annotations

import pytest

from tests.api.conftest import ADMIN, AUTH

PASPOORT = [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}]
CONTACTS = [
    ("2026-11-02T09:00:00Z", "phone", "Zelfstandig afgehandeld", None, None, PASPOORT),
    ("2026-11-02T10:00:00Z", "phone", "Doorverbonden", None, "Vergunningen", []),
    ("2026-11-02T23:30:00Z", "email", "Terugbelnotitie gemaakt", None, None, []),
    ("2026-11-03T08:00:00Z", "counter", "Afgehandeld na ruggespraak", None, None, PASPOORT),
    ("2026-11-03T12:00:00Z", "chat", "Verwezen naar andere instantie", None, None,
     [{"article_id": "grofvuil-ophalen", "section": "Wat is het?"}]),
    ("2026-11-09T09:00:00Z", "phone", "Doorverbonden", True, "Burgerzaken", []),
    ("2026-11-09T15:00:00Z", "phone", "Zelfstandig afgehandeld", False, None, PASPOORT),
    ("2026-11-01T12:00:00Z", "email", "Verbinding verbroken", None, None, []),
]
GRADES = {1: (True, True, True, True), 4: (True, False, True, True), 7: (False, False, False, True)}


def rates(total: int, resolved: int) -> dict:
    return {"total": total, "resolved_first_contact": resolved, "rate": pytest.approx(resolved / total, abs=1e-4)}


@pytest.fixture(scope="module")
def log(log_client) -> dict[int, int]:
    """Contact number (1-8, as in the table) -> id."""
    ids = {}
    for number, (created_at, channel, outcome, override, forwarded_to, sources) in enumerate(CONTACTS, start=1):
        response = log_client.post("/v1/contacts", headers=ADMIN, json={  # only an admin may set created_at
            "channel": channel, "question": f"Vraag {number}", "outcome": outcome, "resolved_first_contact": override,
            "forwarded_to": forwarded_to, "sources": sources, "answer_id": f"antwoord-{number}" if sources else None,
            "answer_status": "answered" if sources else "no_answer", "duration_seconds": 60, "agent_id": "agent-01",
            "created_at": created_at})
        assert response.status_code == 201, response.text
        ids[number] = response.json()["id"]
    for number, (juist, volledig, bron_klopt, begrijpelijk) in GRADES.items():
        response = log_client.post("/v1/grades", headers=AUTH, json={
            "contact_id": ids[number], "grader": "kwaliteit-01", "juist": juist, "volledig": volledig,
            "bron_klopt": bron_klopt, "begrijpelijk": begrijpelijk})
        assert response.status_code == 201, response.text
    return ids


def fcr(client, query: str = "") -> dict:
    response = client.get(f"/v1/stats/fcr?{query}", headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


def test_fcr_overall_and_per_group(log_client, log):
    stats = fcr(log_client)
    assert {k: stats[k] for k in ("total", "resolved_first_contact", "rate")} == rates(8, 4)
    assert stats["target"] == 0.8
    assert stats["by_channel"] == {"phone": rates(4, 2), "email": rates(2, 0), "counter": rates(1, 1),
                                   "chat": rates(1, 1)}
    assert stats["by_team"] == {"Burgerzaken": rates(4, 3), "(geen)": rates(2, 0), "Vergunningen": rates(1, 0),
                                "Afval": rates(1, 1)}
    assert stats["by_article"] == {"(geen)": rates(4, 1), "paspoort-aanvragen": rates(3, 2),
                                   "grofvuil-ophalen": rates(1, 1)}
    assert stats["by_outcome"] == {"Zelfstandig afgehandeld": rates(2, 1), "Doorverbonden": rates(2, 1),
                                   "Terugbelnotitie gemaakt": rates(1, 0), "Afgehandeld na ruggespraak": rates(1, 1),
                                   "Verwezen naar andere instantie": rates(1, 1), "Verbinding verbroken": rates(1, 0)}
    assert list(stats["by_team"])[0] == "Burgerzaken"  # biggest group first


@pytest.mark.parametrize(("query", "total", "resolved"), [
    ("start=2026-11-02&end=2026-11-03", 5, 3),
    ("start=2026-11-02&end=2026-11-02", 3, 1),  # 23:30 UTC is still the 2nd
    ("start=2026-11-09", 2, 1),
    ("end=2026-11-01", 1, 0),
    ("channel=phone", 4, 2),
    ("channel=phone&start=2026-11-09", 2, 1),
    ("team=Burgerzaken", 4, 3),
    ("team=(geen)", 2, 0),
    ("article=paspoort-aanvragen", 3, 2),
    ("article=(geen)", 4, 1),
    ("team=Burgerzaken&article=paspoort-aanvragen&channel=phone", 2, 1),
])
def test_fcr_filters(log_client, log, query, total, resolved):
    stats = fcr(log_client, query)
    assert {k: stats[k] for k in ("total", "resolved_first_contact", "rate")} == rates(total, resolved)
    assert sum(v["total"] for v in stats["by_channel"].values()) == total


def test_fcr_of_an_empty_selection_has_no_rate(log_client, log):
    stats = fcr(log_client, "start=2030-01-01")
    assert (stats["total"], stats["resolved_first_contact"], stats["rate"]) == (0, 0, None)
    assert stats["by_channel"] == {} and stats["over_time"] == []


def test_fcr_over_time_per_day_and_per_week(log_client, log):
    days = fcr(log_client, "interval=day")
    assert days["interval"] == "day"
    assert days["over_time"] == [{"period": "2026-11-01", **rates(1, 0)}, {"period": "2026-11-02", **rates(3, 1)},
                                 {"period": "2026-11-03", **rates(2, 2)}, {"period": "2026-11-09", **rates(2, 1)}]
    weeks = fcr(log_client, "interval=week")
    # weeks start on Monday: Sunday 1 November belongs to the week of 26 October
    assert weeks["over_time"] == [{"period": "2026-10-26", **rates(1, 0)}, {"period": "2026-11-02", **rates(5, 3)},
                                  {"period": "2026-11-09", **rates(2, 1)}]


@pytest.mark.parametrize(("query", "code"), [
    ("interval=month", "unknown_interval"), ("channel=fax", "unknown_channel"), ("start=2026-02-30", "invalid_date"),
    ("start=2026-11-09&end=2026-11-02", "invalid_period"),
])
def test_bad_stats_filters_get_a_dutch_422(log_client, log, query, code):
    for path in ("/v1/stats/fcr", "/v1/stats/grades") if "channel" not in query else ("/v1/stats/fcr",):
        response = log_client.get(f"{path}?{query}", headers=AUTH)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == code


def test_grade_stats(log_client, log):
    stats = log_client.get("/v1/stats/grades", headers=AUTH).json()
    third, two_thirds = pytest.approx(1 / 3, abs=1e-4), pytest.approx(2 / 3, abs=1e-4)
    assert stats["total"] == 3 and stats["interval"] == "week"
    assert stats["criteria"] == {"juist": two_thirds, "volledig": third, "bron_klopt": two_thirds, "begrijpelijk": 1.0}
    assert stats["by_article"] == {"paspoort-aanvragen": {"total": 3, "juist": two_thirds, "volledig": third,
                                                          "bron_klopt": two_thirds, "begrijpelijk": 1.0}}
    # by the contact's date: contacts 1 and 4 in the week of 2 November, contact 7 in the week of 9 November
    assert stats["over_time"] == [
        {"period": "2026-11-02", "total": 2, "juist": 1.0, "volledig": 0.5, "bron_klopt": 1.0, "begrijpelijk": 1.0},
        {"period": "2026-11-09", "total": 1, "juist": 0.0, "volledig": 0.0, "bron_klopt": 0.0, "begrijpelijk": 1.0}]
    later = log_client.get("/v1/stats/grades?start=2026-11-09&interval=day", headers=AUTH).json()
    assert later["total"] == 1 and later["criteria"]["juist"] == 0.0
    assert [p["period"] for p in later["over_time"]] == ["2026-11-09"]
    empty = log_client.get("/v1/stats/grades?end=2026-10-01", headers=AUTH).json()
    assert empty["total"] == 0 and set(empty["criteria"].values()) == {None}
