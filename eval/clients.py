"""Answer clients for the evaluation: the core in-process, or a running API over HTTP."""

from __future__ import annotations

import dataclasses

import httpx

from kcc.answer import AnswerService


def result_to_json(result) -> dict:
    """The API's JSON shape of an :class:`kcc.answer.AnswerResult`."""
    return dataclasses.asdict(result)


class InProcessClient:
    """Calls the same answer core the API calls."""

    def __init__(self, service: AnswerService):
        self.service = service

    def answer(self, question: str, channel: str, agent: bool) -> dict:
        return result_to_json(self.service.answer(question, channel=channel, agent=agent))

    def rank(self, question: str, agent: bool, top_k: int) -> list[str]:
        return self.service.searcher.search_articles(question, audience="agent" if agent else "public", top_k=top_k,
                                                     mode=self.service.settings.retrieval_mode)


class HttpClient:
    """Evaluates a running API by URL (the agent key is needed for internal questions)."""

    def __init__(self, base_url: str, agent_key: str | None = None, timeout: float = 30.0):
        self.http = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)
        self.agent_key = agent_key

    def _headers(self, agent: bool) -> dict[str, str]:
        return {"X-API-Key": self.agent_key} if agent and self.agent_key else {}

    def answer(self, question: str, channel: str, agent: bool) -> dict:
        response = self.http.post("/v1/answer", json={"question": question, "channel": channel},
                                  headers=self._headers(agent))
        response.raise_for_status()
        return response.json()

    def rank(self, question: str, agent: bool, top_k: int) -> list[str]:
        response = self.http.get("/v1/search", params={"q": question, "limit": top_k * 6},
                                 headers=self._headers(agent))
        response.raise_for_status()
        ranked: list[str] = []
        for hit in response.json()["results"]:
            if hit["article_id"] not in ranked:
                ranked.append(hit["article_id"])
        return ranked[:top_k]
