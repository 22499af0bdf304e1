"""Take the README screenshots with the real product in headless Chromium at 1366x768 (a KCC laptop): the chat
page, the agent console mid-call, the team's callback list; and the FCR-dashboard over a month of demo data.

Usage: python scripts/screenshots.py [--data DIR]   (indexes a copy of the sample KB, plus one stale VAC for the
editors' pictures, into DIR or a temporary folder; the demo contacts go into a temporary database)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from api.app import create_app  # noqa: E402
from cli.demo import fill  # noqa: E402
from kcc.runtime import Runtime  # noqa: E402
from kcc.settings import Settings  # noqa: E402
from tests.browser import chromium, free_port, serve  # noqa: E402
from ui.launch import start_console, stop_console  # noqa: E402

AGENT_KEY = "screenshot-agent-key-0123456789"
AGENT = f"demo-medewerker:{AGENT_KEY}"  # the console shows who is logged in
EDITOR_KEY = "screenshot-editor-key-0123456789"
EDITOR = f"demo-redacteur:{EDITOR_KEY}"


def chat(base: str, out: Path) -> None:
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{base}/chat")
        for question in ("Wat kost een paspoort voor een volwassene?", "Mijn verhuurder doet niets aan de schimmel"):
            count = len(driver.find_elements(By.CSS_SELECTOR, "#messages > li"))
            driver.find_element(By.ID, "question").send_keys(question)
            driver.find_element(By.ID, "send").click()
            WebDriverWait(driver, 30).until(lambda d, c=count: len(d.find_elements(By.CSS_SELECTOR,
                                                                                  "#messages > li")) >= c + 2)
        time.sleep(0.3)
        driver.save_screenshot(str(out))


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def settle(driver, seconds: float = 1.5) -> None:
    """Let Streamlit finish drawing (charts animate in) before the picture is taken."""
    WebDriverWait(driver, 30).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid='stSkeleton']"))
    time.sleep(seconds)


def ask(driver, question: str) -> None:
    box = WebDriverWait(driver, 60).until(lambda d: d.find_element(
        By.CSS_SELECTOR, "input[aria-label='Vraag van de inwoner']"))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(question, Keys.ENTER)
    WebDriverWait(driver, 60).until(lambda d: question in body_text(d) and "Uitkomst vastleggen" in body_text(d))


def console(url: str, out: Path) -> None:
    """Mid-call: the first question logged, the second one answered."""
    with chromium(width=1366, height=768) as driver:
        driver.get(url)
        ask(driver, "Wat kost een paspoort voor een volwassene?")
        next(b for b in driver.find_elements(By.TAG_NAME, "button")
             if "Zelfstandig afgehandeld" in b.text.splitlines()).click()
        WebDriverWait(driver, 30).until(lambda d: "Vraag 1 vastgelegd" in body_text(d))
        ask(driver, "Hoe vraag ik een parkeervergunning aan?")
        time.sleep(4)  # a few seconds on the call timer
        settle(driver)
        driver.save_screenshot(str(out))


def callbacks(url: str, base: str, key: str, out: Path) -> None:
    """The callback list of one team, after three requests from the console's form (made here through the API)."""
    due = date.today() + timedelta(days=1)
    for name, phone, question, team in (
            ("mw. De Boer", "06-11223344", "Wil teruggebeld worden over de aanslag afvalstoffenheffing.",
             "Belastingen"),
            ("dhr. Yilmaz", "010-7654321", "Vraagt of de WOZ-waarde nog kan worden aangepast.", "Belastingen"),
            ("J. Peters", None, "Bezwaar tegen de naheffing parkeren: wil uitleg per e-mail.", "Belastingen")):
        httpx.post(f"{base}/v1/callbacks", headers={"X-API-Key": key}, timeout=30, json={
            "name": name, "phone": phone, "email": None if phone else "j.peters@example.nl", "question": question,
            "team": team, "due": due.isoformat()}).raise_for_status()
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{url}/terugbellen")
        WebDriverWait(driver, 60).until(lambda d: "mw. De Boer" in body_text(d))
        settle(driver)
        driver.save_screenshot(str(out))


def referral(url: str, out: Path) -> None:
    """A question for another organisation: the referral guide names it, the sidebar guide is at hand."""
    with chromium(width=1366, height=768) as driver:
        driver.get(url)
        ask(driver, "Mijn huisbaas verhoogt de huur met tien procent, mag dat zomaar?")
        settle(driver)
        driver.save_screenshot(str(out))


def signals(url: str, base: str, key: str, out: Path) -> None:
    """Signalen: two agents' remarks on articles, one already being worked on, with the article opened."""
    made = []
    for article, section, comment in (
            ("paspoort-aanvragen", "Wat kost het?", "De prijs voor kinderen is per 1 januari veranderd."),
            ("grofvuil-ophalen", None, "Bellers vragen vaak of een matras ook mag; dat staat er niet in.")):
        response = httpx.post(f"{base}/v1/feedback", headers={"X-API-Key": key}, timeout=30, json={
            "article_id": article, "section": section, "comment": comment, "agent_id": "anna.devries"})
        response.raise_for_status()
        made.append(response.json()["id"])
    httpx.patch(f"{base}/v1/feedback/{made[1]}", headers={"X-API-Key": key}, timeout=30,
                json={"status": "in behandeling"}).raise_for_status()
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{url}/signalen")
        WebDriverWait(driver, 60).until(lambda d: "De prijs voor kinderen" in body_text(d))
        WebDriverWait(driver, 30).until(lambda d: d.find_element(
            By.CSS_SELECTOR, f".st-key-signalen_article_{made[0]} button")).click()
        WebDriverWait(driver, 30).until(lambda d: "Eigenaar:" in body_text(d))
        settle(driver)
        driver.save_screenshot(str(out))


def dashboard(url: str, out: Path) -> None:
    with chromium(width=1500, height=1700) as driver:
        driver.get(f"{url}/fcr_dashboard")
        WebDriverWait(driver, 60).until(lambda d: "Per artikel" in body_text(d)
                                        and len(d.find_elements(By.CSS_SELECTOR, ".vega-embed")) >= 4)
        settle(driver, 3)
        driver.save_screenshot(str(out))


# a VAC an editor forgot when the passport's price went up: the content checks find the two prices
STALE_VAC = """---
id: vac-paspoort-prijs
title: Wat kost een paspoort?
type: vac
upl: Paspoort
audience: public
owner: Burgerzaken
reviewed: 2025-06-02
keywords: [paspoort, kosten, prijs]
---
## Antwoord
| Paspoort | Prijs |
|---|---|
| 18 jaar en ouder | € 82,20 |
| Jonger dan 18 jaar | € 61,25 |

Teneinde een paspoort aan te vragen dient u derhalve
middels een afspraak naar de balie te komen, alwaar de aanvraag conform de geldende regelgeving in behandeling
wordt genomen en door een medewerker wordt gecontroleerd.
"""


def editor_log_in(driver, url: str, key: str) -> None:
    """Beside the launcher's shared agent key, an editor logs in with their own key in the sidebar."""
    driver.get(url)
    WebDriverWait(driver, 60).until(lambda d: "Redacteur of beheerder? Log in" in body_text(d))
    next(e for e in driver.find_elements(By.CSS_SELECTOR, "summary") if "Redacteur" in e.text).click()
    field = "input[aria-label='Uw redacteurs- of beheerderssleutel']"
    box = WebDriverWait(driver, 30).until(lambda d: next(
        (e for e in d.find_elements(By.CSS_SELECTOR, field) if e.is_displayed()), None))
    box.send_keys(key, Keys.ENTER)
    WebDriverWait(driver, 60).until(lambda d: "Ingelogd als" in body_text(d) and "Redactie" in body_text(d))


def editor_page(driver, url: str, key: str, page: str, box: str, choice: str, until: str) -> None:
    """As an editor (logged in beside the shared agent key), open a page from the sidebar (a new page load would
    start a new session) and choose ``choice`` in its select box ``box``."""
    editor_log_in(driver, url, key)
    WebDriverWait(driver, 60).until(lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, "a")
                                                    if a.text.strip().endswith(page)), None)).click()
    chooser = WebDriverWait(driver, 60).until(lambda d: d.find_element(By.CSS_SELECTOR, f".st-key-{box} input"))
    chooser.click()
    chooser.send_keys(choice, Keys.ENTER)
    WebDriverWait(driver, 60).until(lambda d: until in body_text(d))
    settle(driver, 2)


def redactie(url: str, base: str, keys: tuple[str, str], out: Path) -> None:
    """The workspace on the stale VAC: flagged by an agent, a price that disagrees, B1 findings."""
    agent, editor = keys
    httpx.post(f"{base}/v1/feedback", headers={"X-API-Key": agent}, timeout=30, json={
        "article_id": "vac-paspoort-prijs", "section": "Antwoord", "agent_id": "anna.devries",
        "comment": "Een beller zegt dat de balie € 84,45 vroeg, niet € 82,20."}).raise_for_status()
    with chromium(width=1366, height=2150) as driver:
        editor_page(driver, url, editor, "Redactie", "redactie_article", "Wat kost een paspoort",
                    "Tegenstrijdige feiten")
        driver.save_screenshot(str(out))


def werklijst(url: str, editor: str, out: Path) -> None:
    with chromium(width=1366, height=1100) as driver:
        editor_page(driver, url, editor, "Werklijst", "werklijst_team", "Burgerzaken", "tegenstrijdig")
        driver.save_screenshot(str(out))


def wait_until_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok":
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise RuntimeError("the console did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, help="data folder (index); default: a temporary one")
    parser.add_argument("--only", nargs="*", help="take only these pictures (file names without .png)")
    args = parser.parse_args()
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        kb = Path(scratch) / "kb"  # the sample KB plus a stale VAC; publishing never touches the repository's KB
        shutil.copytree(Settings().kb_dir, kb)
        (kb / "vac-paspoort-prijs.md").write_text(STALE_VAC, encoding="utf-8")
        settings = Settings(data_dir=args.data or Path(scratch) / "data", agent_api_key=AGENT,
                            editor_api_key=EDITOR, kb_dir=kb,
                            database_url=f"sqlite:///{Path(scratch) / 'screenshots.sqlite'}")
        with Runtime(settings) as runtime:
            runtime.ingest()
            summary = fill(settings, runtime, days=30, seed=42)
            print(f"demo data: {summary.contacts} contacts, {summary.start} to {summary.end}")  # noqa: T201
            with serve(create_app(settings, runtime=runtime)) as base:
                wanted = set(args.only or ("chat", "console", "callbacks", "referral", "signalen", "dashboard",
                                           "redactie", "werklijst"))
                if "chat" in wanted:
                    chat(base, docs / "chat.png")
                port = free_port()
                process = start_console(settings, port=port, api_url=base, agent_key=AGENT, quiet=True)
                try:
                    url = f"http://127.0.0.1:{port}"
                    wait_until_healthy(url)
                    pictures = {
                        "console": lambda: console(url, docs / "console.png"),
                        "callbacks": lambda: callbacks(url, base, AGENT_KEY, docs / "callbacks.png"),
                        "referral": lambda: referral(url, docs / "referral.png"),
                        "signalen": lambda: signals(url, base, AGENT_KEY, docs / "signalen.png"),
                        "dashboard": lambda: dashboard(url, docs / "dashboard.png"),
                        "redactie": lambda: redactie(url, base, (AGENT_KEY, EDITOR_KEY), docs / "redactie.png"),
                        "werklijst": lambda: werklijst(url, EDITOR_KEY, docs / "werklijst.png")}
                    for name, take in pictures.items():
                        if name in wanted:
                            take()
                finally:
                    stop_console(process)


if __name__ == "__main__":
    main()
