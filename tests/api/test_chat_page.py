"""The website chat page in a real headless Chromium against a real server on 127.0.0.1."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from api.app import create_app
from tests.browser import chromium, serve


@pytest.fixture(scope="module")
def chat_url(sample_runtime, api_settings):
    with serve(create_app(api_settings, runtime=sample_runtime)) as base:
        yield f"{base}/chat"


def ask_in_browser(driver, question: str):
    before = len(driver.find_elements(By.CSS_SELECTOR, "#messages li"))
    box = driver.find_element(By.ID, "question")
    box.send_keys(question)
    driver.find_element(By.ID, "send").click()
    WebDriverWait(driver, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#messages li")) >= before + 2)
    return driver.find_elements(By.CSS_SELECTOR, "#messages li")[-1]


def test_typing_a_question_shows_the_sourced_answer(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "question")))
        answer = ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")
        assert "answer" in answer.get_attribute("class")
        assert "€ 84,45" in answer.text
        links = answer.find_elements(By.CSS_SELECTOR, ".sources a")
        assert {a.get_attribute("href") for a in links} == {"https://www.lindewaard.nl/paspoort-aanvragen"}
        assert any("Wat kost het?" in a.text for a in links)


def test_no_answer_shows_the_referral(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Wie wint de Champions League dit jaar?")
        assert "no-answer" in answer.get_attribute("class")
        assert "14 0456" in answer.text


def test_markup_in_a_question_is_shown_as_text_never_run(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        ask_in_browser(driver, '<img src=x onerror="document.title=\'pwned\'"><b>paspoort</b>')
        question = driver.find_elements(By.CSS_SELECTOR, "#messages li.question")[-1]
        assert question.text.startswith("<img src=x")
        assert driver.find_elements(By.CSS_SELECTOR, "#messages img, #messages b") == []
        assert driver.title != "pwned"
