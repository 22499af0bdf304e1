"""HTTP load on ``/v1/answer``: N concurrent clients asking distinct questions (each question once, so the
answer cache does not flatter the figures), as an async client.

An async client (httpx) rather than locust: one process drives 50 clients without 50 threads competing with
the server for the machine's two cores, and the figures land in the bench report directly.

Example::

    result = run_load("http://127.0.0.1:8000", questions, clients=50, seconds=20)
    result.per_second, result.p95_ms, result.errors
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import httpx
import numpy as np


@dataclass(frozen=True)
class LoadResult:
    clients: int
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def _load(base_url: str, questions: Sequence[str], clients: int, seconds: float,
                headers: dict[str, str]) -> LoadResult:
    latencies: list[float] = []
    errors = 0
    source = iter(questions)
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits, headers=headers) as client:
        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                question = next(source, None)
                if question is None:
                    return
                start = time.perf_counter()
                try:
                    response = await client.post("/v1/answer", json={"question": question, "channel": "web"})
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += 0 if ok else 1

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    ms = np.array(latencies) * 1000 if latencies else np.zeros(1)
    return LoadResult(clients, len(latencies), errors, elapsed, float(np.percentile(ms, 50)),
                      float(np.percentile(ms, 95)))


def run_load(base_url: str, questions: Sequence[str], *, clients: int, seconds: float,
             headers: dict[str, str] | None = None) -> LoadResult:
    return asyncio.run(_load(base_url, questions, clients, seconds, headers or {}))
