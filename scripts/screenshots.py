"""Take the README screenshots with the real product in headless Chromium at 1366x768 (a KCC laptop): the chat
page, the agent console mid-call, the team's callback list; and the FCR-dashboard over a month of demo data.

Usage: python scripts/screenshots.py [--data DIR]   (indexes the sample KB into DIR first; the demo contacts go
into a temporary database, never into DIR's contact log)
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--data", type=Path, default=REPO / "data")
    args = parser.parse_args()
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(data_dir=args.data, agent_api_key=AGENT,
                            database_url=f"sqlite:///{Path(scratch) / 'screenshots.sqlite'}")
        with Runtime(settings) as runtime:
            runtime.ingest()
            summary = fill(settings, runtime, days=30, seed=42)
            print(f"demo data: {summary.contacts} contacts, {summary.start} to {summary.end}")  # noqa: T201
            with serve(create_app(settings, runtime=runtime)) as base:
                chat(base, docs / "chat.png")
                port = free_port()
                process = start_console(settings, port=port, api_url=base, agent_key=AGENT, quiet=True)
                try:
                    url = f"http://127.0.0.1:{port}"
                    wait_until_healthy(url)
                    console(url, docs / "console.png")
                    callbacks(url, base, AGENT_KEY, docs / "callbacks.png")
                    referral(url, docs / "referral.png")
                    signals(url, base, AGENT_KEY, docs / "signalen.png")
                    dashboard(url, docs / "dashboard.png")
                finally:
                    stop_console(process)


if __name__ == "__main__":
    main()
