"""Start the console as a ``streamlit run`` subprocess, with the settings passed through the environment.

Example::

    process = start_console(settings, port=8501, api_url="http://127.0.0.1:8000")
    ...
    stop_console(process)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kcc.settings import Settings

APP = Path(__file__).resolve().parent / "app.py"
# no key reaches the console by itself: each agent logs in with their own (so contacts carry their name), or the
# launcher hands it one agent key on purpose (``agent_key``: the demo's, or a shared desk's)
PRIVATE_SETTINGS = frozenset({"agent_api_key", "editor_api_key", "admin_api_key"})


def console_environment(settings: Settings, *, api_url: str | None = None,
                        agent_key: str | None = None) -> dict[str, str]:
    """This process's environment plus every set ``KCC_*`` setting, so the console sees the same configuration;
    of the keys only ``agent_key`` (``name:key`` or a key), the key every session of the console logs in with."""
    env = {name: value for name, value in os.environ.items() if name.lower().removeprefix("kcc_")
           not in PRIVATE_SETTINGS}
    values = settings.model_dump(mode="json")
    if api_url:
        values["api_url"] = api_url
    for name, value in values.items():
        if value is None or name in PRIVATE_SETTINGS:
            continue
        env[f"KCC_{name.upper()}"] = value if isinstance(value, str) else json.dumps(value)
    if agent_key:
        env["KCC_AGENT_API_KEY"] = agent_key
    return env


def console_command(port: int, address: str = "127.0.0.1") -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
            "--server.address", address, "--server.port", str(port), "--browser.gatherUsageStats", "false",
            # agents get the app's own menu only: no "Deploy" button or developer options
            "--client.toolbarMode", "minimal"]


def start_console(settings: Settings, *, port: int, address: str = "127.0.0.1", api_url: str | None = None,
                  agent_key: str | None = None, quiet: bool = False) -> subprocess.Popen[bytes]:
    """:param quiet: drop Streamlit's own output (tests); otherwise it goes to this process's terminal."""
    output = subprocess.DEVNULL if quiet else None
    return subprocess.Popen(console_command(port, address), env=console_environment(settings, api_url=api_url,
                                                                                     agent_key=agent_key),
                            stdout=output, stderr=output)


def stop_console(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)
