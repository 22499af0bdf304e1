"""Take the README screenshots with the real product in headless Chromium.

Usage: python scripts/screenshots.py [--data DIR]   (indexes the sample KB into DIR first)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from api.app import create_app  # noqa: E402
from kcc.runtime import Runtime  # noqa: E402
from kcc.settings import Settings  # noqa: E402
from tests.browser import chromium, serve  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=REPO / "data")
    args = parser.parse_args()
    settings = Settings(data_dir=args.data)
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    with Runtime(settings) as runtime:
        runtime.ingest()
        with serve(create_app(settings, runtime=runtime)) as base:
            chat(base, docs / "chat.png")


if __name__ == "__main__":
    main()
