"""Access controls a security officer expects: body-size limit, rate limits, strong keys, random demo keys,
security headers, CORS for configured origins only, and the X-API-Key scheme in the OpenAPI document.

One app with small limits (LIMITS) is served by uvicorn for the module; each test speaks from its own client
address (TestClient's ``client=``, or X-Forwarded-For through the trusted proxy), so their counts never mix.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import re

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.app import create_app
from api.deps import get_state
from api.limits import client_address
from cli.main import main
from kcc.settings import Settings, with_demo_keys
from tests.api.conftest import AGENT_KEY, AUTH
from tests.browser import serve

SITE = "https://www.lindewaard.nl"
PROXY = "10.0.0.1"
LIMITS = {"rate_limit_public": "3/minute", "rate_limit_failed_keys": "2/minute", "max_body_bytes": 2048,
          "max_staff_body_bytes": 8192, "cors_origins": [SITE], "trusted_proxies": [PROXY]}
QUESTION = {"question": "Wat kost een paspoort?", "channel": "chat"}


@pytest.fixture(scope="module")
def served(sample_runtime, api_settings, tmp_path_factory):
    """(app, base URL): the real app with LIMITS and its own contact log, behind uvicorn on 127.0.0.1."""
    database = f"sqlite:///{tmp_path_factory.mktemp('access') / 'log.sqlite'}"
    app = create_app(api_settings.model_copy(update={**LIMITS, "database_url": database}), runtime=sample_runtime)
    with serve(app) as base:
        yield app, base


def client_at(served, address: str) -> TestClient:
    """The served app as seen from ``address`` (the app is already started: no second lifespan)."""
    return TestClient(served[0], client=(address, 50000))


def padded(size: int) -> bytes:
    return b'{"question": "paspoort", "channel": "chat", "pad": "' + b"x" * size + b'"}'


# -- body size --------------------------------------------------------------------------------------------------


def test_an_oversized_body_with_content_length_gets_413_and_the_server_still_answers(served):
    client = client_at(served, "192.0.2.1")
    response = client.post("/v1/answer", content=padded(4000), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert "te groot" in response.json()["error"]["message"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert httpx.post(f"{served[1]}/v1/answer", json=QUESTION, headers=AUTH).status_code == 200


def test_a_chunked_body_without_content_length_is_cut_off_at_the_limit(served):
    base = served[1]

    def chunks():
        for _ in range(64):
            yield b"x" * 1024

    # httpx sends a generator as Transfer-Encoding: chunked, without Content-Length
    response = httpx.post(f"{base}/v1/answer", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "body_too_large"
    assert httpx.post(f"{base}/v1/answer", json=QUESTION, headers=AUTH).json()["status"] == "answered"


def test_a_lying_content_length_is_counted_and_cut_off_at_the_limit(served):
    """The app is called as a server would (ASGI) with Content-Length: 10 and a body of 64 KiB: it takes chunks
    only up to the limit, then answers 413."""
    taken, sent = 0, []

    async def receive():
        nonlocal taken
        taken += 1
        return {"type": "http.request", "body": b"x" * 1024, "more_body": taken < 64}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/v1/answer", "raw_path": b"/v1/answer", "query_string": b"", "root_path": "",
             "headers": [(b"content-type", b"application/json"), (b"content-length", b"10"),
                         (b"x-api-key", AGENT_KEY.encode())],
             "client": ("192.0.2.2", 50000), "server": ("127.0.0.1", 80)}
    asyncio.run(served[0](scope, receive, send))
    assert sent[0]["status"] == 413
    assert taken == 3  # 2048 bytes allowed: the third KiB is one too many, and nothing is read after it
    assert httpx.get(f"{served[1]}/health").status_code == 200


def test_the_contact_log_takes_larger_bodies_than_the_public_routes(served):
    client = client_at(served, "192.0.2.3")
    contact = {"channel": "phone", "question": "Wat kost een paspoort?", "answer_text": "Paspoort " * 500,
               "outcome": "Zelfstandig afgehandeld", "duration_seconds": 60, "agent_id": "agent-01"}
    assert 4000 < len(json.dumps(contact)) < 8192
    assert client.post("/v1/contacts", json=contact, headers=AUTH).status_code == 201
    assert client.post("/v1/answer", json={**QUESTION, "pad": "x" * 4000}, headers=AUTH).status_code == 413
    too_big = {**contact, "answer_text": "Paspoort " * 1000}
    assert client.post("/v1/contacts", json=too_big, headers=AUTH).status_code == 413


# -- rate limits ------------------------------------------------------------------------------------------------


def test_anonymous_requests_get_429_after_the_public_limit_and_a_staff_key_is_not_held(served):
    client = client_at(served, "192.0.2.10")
    assert [client.post("/v1/answer", json=QUESTION).status_code for _ in range(2)] == [200, 200]
    assert client.get("/v1/search", params={"q": "paspoort"}).status_code == 200  # one count for answers and search
    refused = client.post("/v1/answer", json=QUESTION)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited" and "Te veel" in refused.json()["error"]["message"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert client.get("/v1/search", params={"q": "paspoort"}).status_code == 429
    assert [client.post("/v1/answer", json=QUESTION, headers=AUTH).status_code for _ in range(5)] == [200] * 5
    assert client_at(served, "192.0.2.11").post("/v1/answer", json=QUESTION).status_code == 200  # another address


def test_wrong_keys_get_429_after_the_limit_for_every_keyed_request_from_that_address(served):
    client = client_at(served, "192.0.2.20")
    wrong = {"X-API-Key": "wrong-key-0123456789abcdefghij"}
    assert [client.post("/v1/answer", json=QUESTION, headers=wrong).status_code for _ in range(2)] == [401, 401]
    refused = client.post("/v1/answer", json=QUESTION, headers=wrong)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_failed_keys"
    assert int(refused.headers["retry-after"]) >= 1
    # a right key among the guesses goes no further from this address until the window passes ...
    assert client.post("/v1/answer", json=QUESTION, headers=AUTH).status_code == 429
    # ... but the address may still ask as the public, and a colleague elsewhere is not held
    assert client.post("/v1/answer", json=QUESTION).status_code == 200
    assert client_at(served, "192.0.2.21").post("/v1/answer", json=QUESTION, headers=AUTH).status_code == 200


def test_behind_a_trusted_proxy_the_client_is_the_forwarded_address(served):
    proxy = client_at(served, PROXY)

    def ask_via(client_ip: str) -> int:
        return proxy.post("/v1/answer", json=QUESTION, headers={"X-Forwarded-For": client_ip}).status_code

    assert [ask_via("198.51.100.7") for _ in range(4)] == [200, 200, 200, 429]
    assert ask_via("198.51.100.8") == 200  # another resident behind the same proxy
    # from an untrusted address X-Forwarded-For is ignored: a new made-up address per request does not help
    direct = client_at(served, "203.0.113.9")
    statuses = [direct.post("/v1/answer", json=QUESTION, headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
                for n in range(20, 24)]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.parametrize(("peer", "forwarded", "expected"), [
    ("203.0.113.9", "198.51.100.1", "203.0.113.9"),             # not a proxy: its header is ignored
    ("10.0.0.1", "198.51.100.1", "198.51.100.1"),
    ("10.0.0.1", "1.2.3.4, 198.51.100.1", "198.51.100.1"),      # the left part is the client's to forge
    ("10.0.0.1", "198.51.100.1, 10.0.0.2", "198.51.100.1"),     # a chain of trusted proxies
    ("10.0.0.1", None, "10.0.0.1"),
    ("10.0.0.1", "not-an-address", "not-an-address"),
    ("testclient", "198.51.100.1", "testclient"),
])
def test_client_address(peer, forwarded, expected):
    from ipaddress import ip_network

    assert client_address(peer, forwarded, [ip_network("10.0.0.0/24")]) == expected


# -- keys -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["short-key", "a" * 40, "ab" * 20])
def test_a_short_or_weak_key_stops_the_start_naming_the_setting_not_the_key(key, monkeypatch, tmp_path):
    with pytest.raises(ValidationError) as error:
        Settings(agent_api_key=f"{'k' * 3}-good-0123456789abcdefgh,{key}")
    assert "KCC_AGENT_API_KEY" in str(error.value) and key not in str(error.value)
    monkeypatch.setenv("KCC_EDITOR_API_KEY", key)
    result = CliRunner().invoke(main, ["serve", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "Ongeldige instelling: KCC_EDITOR_API_KEY" in result.output and key not in result.output


def test_a_random_key_is_accepted():
    _, made = with_demo_keys(Settings(demo=True))
    assert Settings(agent_api_key=made["agent"], admin_api_key=made["editor"]).agent_api_key == made["agent"]


def test_demo_mode_makes_new_random_keys_per_start_that_work_and_the_old_fixed_key_does_not(
        sample_runtime, api_settings, caplog):
    demo = api_settings.model_copy(update={"demo": True, "agent_api_key": None, "editor_api_key": None})
    keys = []
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="kcc.api"):
            app = create_app(demo, runtime=sample_runtime)
        logged = dict(re.findall(r"DEMO MODE: (\w+) API key for this start is '([^']+)'", caplog.text))
        assert set(logged) == {"agent", "editor"}
        keys.append(logged)
    assert keys[0]["agent"] != keys[1]["agent"] and keys[0]["editor"] != keys[1]["editor"]
    assert all(len(key) >= 40 for logged in keys for key in logged.values())
    with TestClient(app) as client:  # the second start
        for key in keys[1].values():
            assert client.get("/v1/outcomes", headers={"X-API-Key": key}).status_code == 200
        assert client.get("/v1/outcomes", headers={"X-API-Key": keys[0]["agent"]}).status_code == 401
        assert client.get("/v1/outcomes", headers={"X-API-Key": "demo-agent-key"}).status_code == 401


def test_demo_mode_keeps_configured_keys_and_is_off_by_default(api_settings):
    settings, made = with_demo_keys(api_settings.model_copy(update={"demo": True, "editor_api_key": None}))
    assert set(made) == {"editor"} and settings.agent_api_key == api_settings.agent_api_key
    assert with_demo_keys(api_settings) == (api_settings, {})


# -- headers ----------------------------------------------------------------------------------------------------


def test_security_headers_on_api_responses_and_no_store_for_staff(served):
    client = client_at(served, "192.0.2.30")
    public = client.get("/health")
    assert public.headers["x-content-type-options"] == "nosniff"
    assert public.headers["referrer-policy"] == "no-referrer"
    assert public.headers["x-frame-options"] == "DENY"
    assert public.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert "no-store" not in public.headers.get("cache-control", "")
    staff = client.post("/v1/answer", json=QUESTION, headers=AUTH)
    assert staff.headers["cache-control"] == "no-store" and staff.headers["x-frame-options"] == "DENY"
    wrong = client.get("/v1/outcomes", headers={"X-API-Key": "wrong-key-0123456789abcdefghij"})
    assert wrong.status_code == 401 and wrong.headers["cache-control"] == "no-store"


def test_even_an_unexpected_error_carries_the_security_headers(served):
    app = served[0]

    def broken_state():
        raise RuntimeError("the store went away")

    app.dependency_overrides[get_state] = broken_state
    try:
        response = TestClient(app, raise_server_exceptions=False, client=("192.0.2.32", 50000)).get("/health")
    finally:
        app.dependency_overrides.pop(get_state, None)
    assert response.status_code == 500
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"


def test_html_pages_get_a_strict_csp_and_the_docs_page_only_its_own_inline_script(served):
    client = client_at(served, "192.0.2.31")
    chat = client.get("/chat")
    policy = chat.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert chat.headers["x-frame-options"] == "DENY"
    docs = client.get("/docs")
    inline = re.findall(r"<script>(.*?)</script>", docs.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    script_src = re.search(r"script-src ([^;]+);", docs.headers["content-security-policy"]).group(1)
    assert script_src.split() == ["'self'", f"'sha256-{digest}'"]  # no CDN: the assets are served here
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    for page in ("/docs", "/redoc"):
        text = client.get(page).text
        assets = re.findall(r"""(?:src|href)=["']?([^"' >]+\.(?:js|css|png))""", text)
        assert assets and all(asset.startswith("/docs-assets/") for asset in assets), (page, assets)
        assert all(client.get(asset).status_code == 200 for asset in assets)
        assert "http" not in "".join(assets) and "fonts.googleapis" not in text


# -- CORS -------------------------------------------------------------------------------------------------------


def preflight(client: TestClient, origin: str, headers: str = "content-type"):
    return client.options("/v1/answer", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": headers})


def test_cors_preflight_is_allowed_for_a_configured_origin_only(served):
    client = client_at(served, "192.0.2.40")
    allowed = preflight(client, SITE)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SITE
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in allowed.headers
    other = preflight(client, "https://evil.example")
    assert other.status_code == 400 and other.json()["error"]["code"] == "cors_refused"
    assert "access-control-allow-origin" not in other.headers
    # a key does not belong in a web page: the browser may not send one across origins
    assert preflight(client, SITE, "content-type, x-api-key").status_code == 400


def test_cors_headers_on_answers_and_errors_for_a_configured_origin(served):
    client = client_at(served, "192.0.2.41")
    answer = client.post("/v1/answer", json=QUESTION, headers={"Origin": SITE})
    assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == SITE
    too_big = client.post("/v1/answer", content=padded(4000), headers={"Origin": SITE,
                                                                       "content-type": "application/json"})
    assert too_big.status_code == 413 and too_big.headers["access-control-allow-origin"] == SITE
    other = client.post("/v1/answer", json=QUESTION, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_no_cors_without_configured_origins(client):
    assert "access-control-allow-origin" not in client.post("/v1/answer", json=QUESTION,
                                                            headers={"Origin": SITE}).headers
    assert "access-control-allow-origin" not in preflight(client, SITE).headers


# -- OpenAPI ----------------------------------------------------------------------------------------------------


def test_the_api_key_scheme_is_in_the_openapi_document(client):
    document = client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["APIKeyHeader"] == {
        "type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "Staff key (agent, editor or admin); leave out for public requests."}
    paths = document["paths"]
    for path, method in [("/v1/answer", "post"), ("/v1/search", "get"), ("/v1/contacts", "post"),
                         ("/v1/admin/reindex", "post")]:
        assert paths[path][method]["security"] == [{"APIKeyHeader": []}], path
    assert "security" not in paths["/health"]["get"]


def test_a_403_names_the_role_it_takes_and_says_when_that_role_is_off(sample_runtime, api_settings, client):
    refused = client.post("/v1/admin/reindex", headers={"X-API-Key": AGENT_KEY})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert "redacteuren of beheerders" in refused.json()["error"]["message"]
    agents_only = api_settings.model_copy(update={"editor_api_key": None, "admin_api_key": None})
    with TestClient(create_app(agents_only, runtime=sample_runtime)) as only_agents:
        off = only_agents.post("/v1/admin/reindex", headers={"X-API-Key": AGENT_KEY})
    assert off.status_code == 403 and off.json()["error"]["code"] == "role_not_configured"
    assert "KCC_EDITOR_API_KEY of KCC_ADMIN_API_KEY" in off.json()["error"]["message"]
