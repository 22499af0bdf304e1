"""The website chat page in a real headless Chromium against a real server on 127.0.0.1."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from api.app import create_app
from tests.browser import chromium, serve
from tests.sample_questions import PARTS_AND_SECOND


@pytest.fixture(scope="module")
def chat_url(sample_runtime, api_settings):
    with serve(create_app(api_settings, runtime=sample_runtime)) as base:
        yield f"{base}/chat"


def ask_in_browser(driver, question: str):
    before = len(driver.find_elements(By.CSS_SELECTOR, "#messages > li"))
    box = driver.find_element(By.ID, "question")
    box.send_keys(question)
    driver.find_element(By.ID, "send").click()
    WebDriverWait(driver, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#messages > li")) >= before + 2)
    return driver.find_elements(By.CSS_SELECTOR, "#messages > li")[-1]


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
        # a landlord question: the resident hears who does help, not the municipality's phone line
        answer = ask_in_browser(driver, "Mijn huisbaas verhoogt de huur met tien procent, mag dat zomaar?")
        assert "no-answer" in answer.get_attribute("class")
        assert "Huurcommissie" in answer.text and "huurcommissie.nl" in answer.text
        assert "14 0456" not in answer.text


def test_markup_in_a_question_is_shown_as_text_never_run(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        ask_in_browser(driver, '<img src=x onerror="document.title=\'pwned\'"><b>paspoort</b>')
        question = driver.find_elements(By.CSS_SELECTOR, "#messages > li.question")[-1]
        assert question.text.startswith("<img src=x")
        assert driver.find_elements(By.CSS_SELECTOR, "#messages img, #messages b") == []
        assert driver.title != "pwned"


def test_the_short_answer_comes_first_and_an_alternative_asks_again(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")
        assert answer.find_element(By.CSS_SELECTOR, "h2.title").text == "Paspoort aanvragen"
        # right below the title, before any section: the short answer
        first = answer.find_element(By.XPATH, ".//h2[@class='title']/following-sibling::*[1]")
        assert first.get_attribute("class") == "short" and "€ 84,45" in first.text
        assert answer.find_elements(By.CSS_SELECTOR, ".sources a")  # the sources are still shown
        assert "Dit antwoord is in het Nederlands." not in answer.text

        alternatives = answer.find_element(By.CSS_SELECTOR, ".alternatives")
        assert "Bedoelde u misschien:" in alternatives.text
        choice = alternatives.find_element(By.CSS_SELECTOR, "button.choice")
        title = choice.text
        before = len(driver.find_elements(By.CSS_SELECTOR, "#messages > li"))
        choice.click()
        WebDriverWait(driver, 30).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "#messages > li")) >= before + 2)
        asked, again = driver.find_elements(By.CSS_SELECTOR, "#messages > li")[-2:]
        assert "question" in asked.get_attribute("class") and asked.text == title
        assert "answer" in again.get_attribute("class")
        assert again.find_element(By.CSS_SELECTOR, ".short").text
        assert again.find_element(By.CSS_SELECTOR, "h2.title").text == title
        assert all(title in a.text for a in again.find_elements(By.CSS_SELECTOR, ".sources a"))


def test_a_second_articles_block_is_introduced_as_such(chat_url):
    """One question close to two articles (kcc.answer: the second-best article's block): the resident reads that
    the second block is another article that may be meant, not a second part of the answer."""
    with chromium() as driver:
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Wat is de eigen bijdrage voor een voorziening van het Sociaal Loket?")
        titles = answer.find_elements(By.CSS_SELECTOR, "h2.title")
        assert len(titles) == 2
        label = answer.find_element(By.XPATH, ".//h2[@class='title'][2]/preceding-sibling::*[1]")
        assert label.get_attribute("class") == "also" and label.text == "Misschien zoekt u ook:"
        assert answer.find_element(By.XPATH, ".//p[@class='also']/preceding-sibling::*[1]").tag_name == "hr"
        single = ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")
        assert single.find_elements(By.CSS_SELECTOR, ".also") == []
        # a question in parts: their blocks are not introduced; the second-best article's block after them is
        parts = ask_in_browser(driver, PARTS_AND_SECOND)
        assert len(parts.find_elements(By.CSS_SELECTOR, "h2.title")) == 3
        assert len(parts.find_elements(By.CSS_SELECTOR, ".also")) == 1
        label = parts.find_element(By.XPATH, ".//h2[@class='title'][3]/preceding-sibling::*[1]")
        assert label.get_attribute("class") == "also"


def test_a_question_in_another_language_says_the_answer_is_dutch(chat_url):
    with chromium() as driver:
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Where can I get a passport?")
        assert answer.find_element(By.CSS_SELECTOR, ".language-note").text == "Dit antwoord is in het Nederlands."


def test_the_page_says_answers_are_automated_and_how_to_reach_a_person(chat_url, api_settings):
    with chromium() as driver:
        driver.get(chat_url)
        text = driver.find_element(By.TAG_NAME, "body").text
        assert "automatisch" in text and api_settings.phone in text and api_settings.opening_hours in text
        assert api_settings.municipality in driver.title
        assert "kennisbank" not in text.lower()


def test_no_counts_as_self_service_feedback(chat_url, sample_runtime, api_settings):
    import httpx

    base = chat_url.removesuffix("/chat")
    staff = {"X-API-Key": api_settings.agent_api_key.split(",")[0]}
    before = httpx.get(f"{base}/v1/stats/fcr", headers=staff).json()["self_service"]["chat"]
    with chromium() as driver:
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")
        assert "Heeft dit antwoord u geholpen?" in answer.text
        next(b for b in answer.find_elements(By.CSS_SELECTOR, ".feedback-choice") if b.text == "Nee").click()
        WebDriverWait(driver, 10).until(lambda d: "Dank u." in answer.text)
        assert not answer.find_elements(By.CSS_SELECTOR, ".feedback-choice")  # answered once
    after = httpx.get(f"{base}/v1/stats/fcr", headers=staff).json()["self_service"]["chat"]
    assert (after["total"], after["helpful"]) == (before["total"] + 1, before["helpful"])


def test_tables_headings_and_links_of_the_answer_are_rendered(chat_url):
    with chromium() as driver:
        # a phone's screen (a desktop window cannot be made that narrow)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        driver.get(chat_url)
        answer = ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")
        table = answer.find_element(By.CSS_SELECTOR, "table")
        assert [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")] == ["Paspoort", "Prijs"]
        cells = [td.text for td in table.find_elements(By.CSS_SELECTOR, "tbody td")]
        assert "18 jaar en ouder" in cells and "€ 84,45" in cells
        assert "Wat kost het?" in [h.text for h in answer.find_elements(By.CSS_SELECTOR, "h3.heading")]
        assert answer.find_elements(By.CSS_SELECTOR, "ul li")  # the list of the last section
        # nothing wider than the phone's screen: a wide table scrolls inside its own box
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 390

        answer = ask_in_browser(driver, "Hoe vraag ik een parkeervergunning aan?")
        links = [a for a in answer.find_elements(By.CSS_SELECTOR, ".short a, h3 ~ p a")
                 if "parkeervergunning" in (a.get_attribute("href") or "")]
        assert links, answer.get_attribute("innerHTML")[:500]
        assert all(a.get_attribute("href").startswith(("https://", "http://")) and a.get_attribute("target") == "_blank"
                   and "noopener" in a.get_attribute("rel") for a in links)


def test_the_chat_page_has_no_serious_accessibility_violations(chat_url):
    from axe_selenium_python import Axe

    with chromium(width=1366, height=768) as driver:
        driver.get(chat_url)
        ask_in_browser(driver, "Wat kost een paspoort voor een volwassene?")  # an answer with a table and buttons
        ask_in_browser(driver, "Wie wint de Champions League dit jaar?")  # and a referral
        Axe(driver).inject()  # axe-core from the wheel: nothing fetched
        driver.set_script_timeout(60)
        results = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(done, function (e) { done({error: String(e)}); });",
            {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})  # this axe-core (3.x) knows no 2.1 tags
        assert "error" not in results, results
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert not serious, serious
        assert results["passes"]  # the check ran


def test_the_api_docs_pages_render_from_local_assets(chat_url):
    base = chat_url.removesuffix("/chat")
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{base}/docs")  # the CSP allows no other host: what renders, renders from this server
        WebDriverWait(driver, 30).until(lambda d: "/v1/answer" in d.find_element(By.TAG_NAME, "body").text)
        driver.get(f"{base}/redoc")
        WebDriverWait(driver, 30).until(lambda d: "/v1/answer" in d.find_element(By.TAG_NAME, "body").text)
