"""Take the README screenshots with the real product in headless Chromium: the chat page, the agent console
answering a question, and the FCR-dashboard over a month of demo data.

Usage: python scripts/screenshots.py [--data DIR]   (indexes the sample KB into DIR first; the demo contacts go
into a temporary database, never into DIR's contact log)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
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


def chat(base: str, out: Path) -> None:
    with chromium(width=900, height=1000) as driver:
        driver.get(f"{base}/chat")
        for question in ("Wat kost een paspoort voor een volwassene?", "Wie wint de Champions League dit jaar?"):
            count = len(driver.find_elements(By.CSS_SELECTOR, "#messages li"))
            driver.find_element(By.ID, "question").send_keys(question)
            driver.find_element(By.ID, "send").click()
            WebDriverWait(driver, 30).until(lambda d, c=count: len(d.find_elements(By.CSS_SELECTOR,
                                                                                  "#messages li")) >= c + 2)
        time.sleep(0.3)
        driver.save_screenshot(str(out))


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def settle(driver, seconds: float = 1.5) -> None:
    """Let Streamlit finish drawing (charts animate in) before the picture is taken."""
    WebDriverWait(driver, 30).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid='stSkeleton']"))
    time.sleep(seconds)


def console(url: str, out: Path) -> None:
    with chromium(width=1500, height=1400) as driver:
        driver.get(url)
        box = WebDriverWait(driver, 60).until(lambda d: d.find_element(
            By.CSS_SELECTOR, "input[aria-label='Vraag van de inwoner']"))
        box.send_keys("Wat kost een paspoort voor een volwassene?", Keys.ENTER)
        WebDriverWait(driver, 60).until(lambda d: "Intern — niet voorlezen" in body_text(d)
                                        and "Uitkomst vastleggen" in body_text(d))
        time.sleep(6)  # a few seconds on the call timer
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
        settings = Settings(data_dir=args.data, agent_api_key=AGENT_KEY,
                            database_url=f"sqlite:///{Path(scratch) / 'screenshots.sqlite'}")
        with Runtime(settings) as runtime:
            runtime.ingest()
            summary = fill(settings, runtime, days=30, seed=42)
            print(f"demo data: {summary.contacts} contacts, {summary.start} to {summary.end}")  # noqa: T201
            with serve(create_app(settings, runtime=runtime)) as base:
                chat(base, docs / "chat.png")
                port = free_port()
                process = start_console(settings, port=port, api_url=base, agent_key=AGENT_KEY, quiet=True)
                try:
                    url = f"http://127.0.0.1:{port}"
                    wait_until_healthy(url)
                    console(url, docs / "console.png")
                    dashboard(url, docs / "dashboard.png")
                finally:
                    stop_console(process)


if __name__ == "__main__":
    main()
