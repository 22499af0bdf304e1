"""The console as operators run it: ``kcc console`` (a real ``streamlit run``) in headless Chromium, on the API."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import chromium, free_port
from tests.ui.conftest import AGENT_KEY
from ui.launch import stop_console


def wait_until_healthy(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "streamlit exited early"
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok":
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError("the console did not start")


def test_the_running_console_answers_a_typed_question(ui_api_url, tmp_path):
    port = free_port()
    env = {**os.environ, "KCC_AGENT_API_KEY": AGENT_KEY, "KCC_DATA_DIR": str(tmp_path)}
    # --shared-key: one desk, one agent; without it each agent logs in (tests/ui/test_login.py)
    process = subprocess.Popen([sys.executable, "-m", "cli.main", "console", "--port", str(port),
                                "--api-url", ui_api_url, "--shared-key"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process)
        with chromium(width=1400, height=1000) as driver:
            driver.get(url)
            box = WebDriverWait(driver, 30).until(ec.element_to_be_clickable(
                (By.CSS_SELECTOR, "input[aria-label='Vraag van de inwoner']")))
            box.send_keys("Wat kost een paspoort voor een volwassene?", Keys.ENTER)
            WebDriverWait(driver, 30).until(
                lambda d: "Paspoort aanvragen — Wat kost het?" in d.find_element(By.TAG_NAME, "body").text)
            page = driver.find_element(By.TAG_NAME, "body").text
            assert "€ 84,45" in page
            assert "Intern — niet voorlezen of doorsturen" in page
            assert "toestel 4517" in page  # the agent key reached the API: internal notes are shown
            assert "Traceback" not in page
    finally:
        stop_console(process)
    assert process.poll() is not None
