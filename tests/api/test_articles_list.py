"""GET /v1/articles: every article's id and title (dashboards show titles); internal articles only for staff."""

from __future__ import annotations

from tests.api.conftest import AUTH


def test_the_list_holds_titles_and_hides_internal_articles_from_the_public(client):
    articles = client.app.state.kcc.articles
    staff = client.get("/v1/articles", headers=AUTH).json()["articles"]
    public = client.get("/v1/articles").json()["articles"]
    internal = {a["id"] for a in staff if a["audience"] == "internal"}
    assert internal and not internal & {a["id"] for a in public}
    assert {a["id"] for a in public} | internal == {a["id"] for a in staff}
    assert [a["title"].casefold() for a in staff] == sorted(a["title"].casefold() for a in staff)
    passport = next(a for a in public if a["id"] == "paspoort-aanvragen")
    assert passport["title"] == "Paspoort aanvragen" and passport["owner"] == "Burgerzaken"
    assert passport["url"].startswith("https://") and passport["reviewed"]
    assert len(staff) == len(articles)
