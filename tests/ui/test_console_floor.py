"""The console on a KCC floor, in headless Chromium at 1366x768 (a common laptop screen): the outcome buttons in
view without scrolling, the cursor back in the search box after each logged question, a call with two questions
logged as one contact, a callback request that shows in its team's list, and a resident's "Nee" on the chat page
counted on the team lead's dashboard."""

from __future__ import annotations

import httpx
import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from kcc.settings import Settings
from tests.browser import chromium, free_port
from tests.ui.conftest import ANNA_KEY
from tests.ui.test_console_browser import wait_until_healthy
from ui.launch import start_console, stop_console

SEARCH_BOX = "input[aria-label='Vraag van de inwoner']"
DUTCH_MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"}


@pytest.fixture(scope="module")
def console_url(ui_api_url, tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("console-floor"))
    process = start_console(settings, port=(port := free_port()), api_url=ui_api_url,
                            agent_key=f"anna.devries:{ANNA_KEY}", quiet=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process)
        yield url
    finally:
        stop_console(process)


def body(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def focused_on_search_box(driver) -> bool:
    return bool(driver.execute_script(
        f"return document.activeElement && document.activeElement.matches({SEARCH_BOX!r});"))


def ask(driver, question: str) -> None:
    box = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, SEARCH_BOX))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(question, Keys.ENTER)
    WebDriverWait(driver, 60).until(lambda d: question in body(d) and "Uitkomst vastleggen" in body(d))


def button(driver, label: str):
    try:
        return WebDriverWait(driver, 30).until(lambda d: next(
            (b for b in d.find_elements(By.TAG_NAME, "button") if label in b.text.splitlines() and b.is_displayed()),
            None))
    except TimeoutException:
        shown = [b.text for b in driver.find_elements(By.TAG_NAME, "button")]
        raise AssertionError(f"no button {label!r}: {shown}") from None


def in_view(driver, element) -> bool:
    return bool(driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;",
        element))


def anna_contacts(api_url: str) -> list[dict]:
    return httpx.get(f"{api_url}/v1/contacts", params={"agent_id": "anna.devries", "limit": 5},
                     headers={"X-API-Key": ANNA_KEY}, timeout=30).json()["contacts"]


def test_a_call_with_two_questions_at_1366_by_768(console_url, ui_api_url):
    with chromium(width=1366, height=768) as driver:
        driver.get(console_url)
        WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, SEARCH_BOX))
        WebDriverWait(driver, 10).until(focused_on_search_box)  # the cursor is there from the start
        assert "Ingelogd als anna.devries" in body(driver)

        ask(driver, "Wat kost een paspoort voor een volwassene?")
        # every outcome button in view without scrolling
        outcomes = httpx.get(f"{ui_api_url}/v1/outcomes", headers={"X-API-Key": ANNA_KEY}).json()["outcomes"]
        for outcome in outcomes:
            assert in_view(driver, button(driver, outcome["name"])), outcome["name"]
        button(driver, "Zelfstandig afgehandeld").click()
        WebDriverWait(driver, 30).until(lambda d: "Vraag 1 vastgelegd" in body(d))
        WebDriverWait(driver, 10).until(focused_on_search_box)  # back in the search box for the next question

        ask(driver, "Wanneer wordt het grofvuil opgehaald?")
        button(driver, "Verbinding verbroken").click()
        WebDriverWait(driver, 30).until(lambda d: "Vraag 2 vastgelegd" in body(d))
        WebDriverWait(driver, 10).until(focused_on_search_box)

        newest = anna_contacts(ui_api_url)[0]
        assert [(q["question"], q["outcome"]) for q in newest["questions"]] == [
            ("Wat kost een paspoort voor een volwassene?", "Zelfstandig afgehandeld"),
            ("Wanneer wordt het grofvuil opgehaald?", "Verbinding verbroken")]
        assert newest["resolved_first_contact"] is False

        button(driver, "Gesprek afronden").click()
        WebDriverWait(driver, 30).until(lambda d: "Gesprek afgerond: 2 vragen" in body(d))


def test_a_callback_request_shows_in_the_teams_list(console_url, ui_api_url):
    with chromium(width=1366, height=768) as driver:
        driver.get(console_url)
        ask(driver, "Wanneer moet ik de WOZ-beschikking betalen?")
        WebDriverWait(driver, 30).until(lambda d: d.find_element(
            By.XPATH, "//summary[contains(., 'Contactverzoek maken')]")).click()
        # clickable: the expander has finished opening
        name = WebDriverWait(driver, 30).until(ec.element_to_be_clickable(
            (By.CSS_SELECTOR, "input[aria-label='Naam van de inwoner']")))
        name.send_keys("Floor Test Bakker")
        driver.find_element(By.CSS_SELECTOR, "input[aria-label='Telefoonnummer']").send_keys("06-12345678")
        button(driver, "Verzoek versturen").click()
        WebDriverWait(driver, 30).until(lambda d: "Contactverzoek naar" in body(d))
        team = next(c["team"] for c in httpx.get(f"{ui_api_url}/v1/callbacks", headers={"X-API-Key": ANNA_KEY})
                    .json()["callbacks"] if c["name"] == "Floor Test Bakker")

        driver.get(f"{console_url}/terugbellen")
        WebDriverWait(driver, 60).until(lambda d: "Terugbelverzoeken" in body(d) and "Floor Test Bakker" in body(d))
        assert team in body(driver)


def test_a_no_on_the_chat_page_is_counted_on_the_dashboard(console_url, ui_api_url):
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{ui_api_url}/chat")
        box = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "question"))
        box.send_keys("Wat kost een paspoort voor een volwassene?")
        driver.find_element(By.ID, "send").click()
        no = WebDriverWait(driver, 60).until(lambda d: next(
            (b for b in d.find_elements(By.CSS_SELECTOR, "#messages > li.answer button") if b.text == "Nee"), None))
        no.click()
        WebDriverWait(driver, 30).until(lambda d: "Dank u" in d.find_element(By.ID, "messages").text)
        chat = httpx.get(f"{ui_api_url}/v1/stats/fcr", headers={"X-API-Key": ANNA_KEY}).json()["self_service"]["chat"]
        assert chat["total"] >= 1 and chat["helpful"] < chat["total"]
        expected = f"{chat['helpful'] / chat['total'] * 100:.1f}%".replace(".", ",")

        driver.get(f"{console_url}/fcr_dashboard")
        WebDriverWait(driver, 60).until(lambda d: "Zelf geholpen (chat)" in body(d))
        metric = driver.find_element(
            By.XPATH, "//*[@data-testid='stMetric'][.//*[contains(., 'Zelf geholpen (chat)')]]")
        assert expected in metric.text


def test_the_dashboards_date_picker_is_dutch_in_a_dutch_browser(console_url):
    with chromium(width=1366, height=768) as driver:
        driver.get(f"{console_url}/fcr_dashboard")
        WebDriverWait(driver, 60).until(ec.element_to_be_clickable(
            (By.CSS_SELECTOR, "[data-testid='stDateInputCalendarButton']"))).click()
        # the calendar's grid, not the dashboard's tables (also grids; on a slow machine they render first)
        grid = WebDriverWait(driver, 30).until(lambda d: next(
            (t for t in d.find_elements(By.CSS_SELECTOR, "table[role='grid']")
             if t.find_elements(By.CSS_SELECTOR, "[role='gridcell'] [role='button']")), None))
        days = [th.get_attribute("textContent") for th in grid.find_elements(By.CSS_SELECTOR, "thead th")]
        assert days == ["M", "D", "W", "D", "V", "Z", "Z"]  # maandag first, Dutch initials
        first = grid.find_element(By.CSS_SELECTOR, "[role='gridcell'] [role='button']").get_attribute("aria-label")
        assert first.split()[0] == "maandag" and first.split()[2] in DUTCH_MONTHS, first
