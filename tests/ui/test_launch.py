"""How the console is started: the settings reach Streamlit through the environment; ``kcc run`` starts
the console beside the API and stops it when the API stops."""

from __future__ import annotations

import time

import httpx
from click.testing import CliRunner

import cli.main
import ui.launch
from kcc.settings import Settings, parse_keys
from tests.browser import free_port
from ui.launch import console_command, console_environment


def test_the_console_environment_carries_the_settings_but_not_the_editor_and_admin_keys(monkeypatch, tmp_path):
    monkeypatch.setenv("KCC_ADMIN_API_KEY", "admin-secret-0123456789abcdef")
    agents = "first-agent-0123456789abcdef,second-agent-0123456789abcdef"
    settings = Settings(data_dir=tmp_path, api_url="http://127.0.0.1:8123", agent_api_key=agents,
                        editor_api_key="editor-secret-0123456789abcdef",
                        outcomes={"Opgelost": True, "Doorverbonden": False}, fcr_target=0.75)
    env = console_environment(settings)
    assert env["KCC_API_URL"] == "http://127.0.0.1:8123"
    # no key by itself: each agent logs in with their own
    assert not {"KCC_AGENT_API_KEY", "KCC_EDITOR_API_KEY", "KCC_ADMIN_API_KEY"} & set(env)
    for name, value in env.items():  # what Streamlit's process will read back
        if name.startswith("KCC_"):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("KCC_ADMIN_API_KEY")
    seen = Settings()
    assert (seen.data_dir, seen.outcomes, seen.fcr_target, seen.agent_api_key) == (
        tmp_path, settings.outcomes, 0.75, None)
    assert agents  # (set in the settings, kept out of the console)
    other = "other-agent-0123456789abcdef"
    assert console_environment(settings, agent_key=other)["KCC_AGENT_API_KEY"] == other


def test_the_console_listens_on_localhost_only_without_usage_statistics():
    command = console_command(8600)
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4].endswith("ui/app.py")
    options = dict(zip(command[5::2], command[6::2], strict=True))
    assert options == {"--server.headless": "true", "--server.address": "127.0.0.1", "--server.port": "8600",
                       "--browser.gatherUsageStats": "false", "--client.toolbarMode": "minimal"}


def test_kcc_run_starts_the_console_with_the_demo_key_and_stops_it_with_the_api(monkeypatch, tmp_path):
    monkeypatch.delenv("KCC_AGENT_API_KEY", raising=False)
    monkeypatch.delenv("KCC_EDITOR_API_KEY", raising=False)
    api_port, console_port = free_port(), free_port()
    started, seen = [], {}
    real_start = ui.launch.start_console

    def spy_start(settings, **kwargs):
        process = real_start(settings, **kwargs, quiet=True)
        started.append((process, settings, kwargs))
        return process

    def fake_api(settings, host, port, ingest_first):
        # stands in for the API (ingest and uvicorn are tested elsewhere); it returns when "the API stops"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                seen["health"] = httpx.get(f"http://127.0.0.1:{console_port}/_stcore/health", timeout=2).text
                break
            except httpx.TransportError:
                time.sleep(0.3)
        seen["demo"], seen["port"] = settings.demo, port
        seen["agent_key"], seen["editor_key"] = settings.agent_api_key, settings.editor_api_key

    monkeypatch.setattr(ui.launch, "start_console", spy_start)
    monkeypatch.setattr(cli.main, "_serve", fake_api)
    result = CliRunner().invoke(cli.main.main, ["run", "--data", str(tmp_path), "--port", str(api_port),
                                               "--console-port", str(console_port)])
    assert result.exit_code == 0, result.output
    assert f"Console:    http://127.0.0.1:{console_port}" in result.output
    agent_key, editor_key = seen.pop("agent_key"), seen.pop("editor_key")
    assert seen == {"health": "ok", "demo": True, "port": api_port}
    # a random key per start (tests/api/test_access.py checks the API side), printed for the operator
    # named, so the contacts logged in the demo carry a name
    (agent_name, agent_secret), (editor_name, editor_secret) = parse_keys(agent_key)[0], parse_keys(editor_key)[0]
    assert (agent_name, editor_name) == ("demo-medewerker", "demo-redacteur")
    assert len(agent_secret) >= 40 and len(editor_secret) >= 40 and agent_secret != editor_secret
    assert f"agent-sleutel voor deze start: {agent_secret}" in result.output
    assert f"editor-sleutel voor deze start: {editor_secret}" in result.output
    process, console_settings, kwargs = started[0]
    console_env = console_environment(console_settings, api_url=kwargs["api_url"], agent_key=kwargs["agent_key"])
    assert console_env["KCC_AGENT_API_KEY"] == agent_key  # the console logs in as the demo agent
    assert "KCC_EDITOR_API_KEY" not in console_env
    assert kwargs["api_url"] == f"http://127.0.0.1:{api_port}"
    assert process.poll() is not None  # stopped together with the API
