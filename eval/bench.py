"""``kcc bench``: speed and memory at 1k, 10k and 50k synthetic articles, measured in one run.

Per size: :mod:`eval.bench_size` in its own process (ingest with the time split, peak memory, start-up,
retrieval, the answer path's CPU split, qdrant-client local mode and bm25s on the same data); then the API
as a real server process (``kcc serve``): time until ``/health`` answers, ``/v1/answer`` latency for one
client, a repeated question (answer cache), throughput at 1/10/50 concurrent clients with distinct questions,
and ``/health`` and answers while a re-index runs. :mod:`eval.bench_report` writes the Markdown and chart.

Example::

    kcc bench --sizes 1000,10000,50000 --out eval/reports/bench
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from eval.load import run_load
from eval.synthetic import AMOUNT

EDITOR_KEY = "bench-editor-key-not-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_size(size: int, work: Path, source: Path, embed: str, questions: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "eval.bench_size", "--size", str(size), "--work", str(work),
                          "--source", str(source), "--embed", embed, "--questions", str(questions)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench size {size} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


class Server:
    """``kcc serve`` on a free loopback port for one size's index; stopped on exit."""

    def __init__(self, work: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, KCC_KB_DIR=str(work / "kb"), KCC_DATA_DIR=str(work / "data"), KCC_QDRANT_URL="",
                   KCC_OUT_OF_SCOPE_FILE="", KCC_EDITOR_API_KEY=EDITOR_KEY, KCC_DEMO="false",
                   KCC_RATE_LIMIT_PUBLIC="")  # the load test is many anonymous clients on one address
        started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--host", "127.0.0.1",
                                         "--port", str(self.port)], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = started + 600
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("kcc serve stopped during start-up")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        self.ready_s = time.perf_counter() - started

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def timed_get(client: httpx.Client, method: str, path: str, **kwargs) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = client.request(method, path, **kwargs)
    return time.perf_counter() - start, response


def during_reindex(server: Server, work: Path, question: str) -> dict:
    """Change 5 articles, re-index through the API, and meanwhile ask ``/health`` and ``/v1/answer``."""
    changed = 0
    for path in sorted((work / "kb").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if changed < 5 and AMOUNT.search(text):
            path.write_text(AMOUNT.sub("€ 1,00", text, count=1), encoding="utf-8")
            changed += 1
    with httpx.Client(base_url=server.url, timeout=1800) as client:  # a re-index of 50,000 articles takes minutes
        before = client.post("/v1/answer", json={"question": question, "channel": "web"}).json()
        result: dict = {}

        def reindex() -> None:
            seconds, response = timed_get(client, "POST", "/v1/admin/reindex", headers={"X-API-Key": EDITOR_KEY})
            result.update(seconds=seconds, status=response.status_code)

        thread = threading.Thread(target=reindex)
        thread.start()
        health, answers, same = [], [], 0
        while thread.is_alive():
            seconds, response = timed_get(client, "GET", "/health")
            health.append(seconds)
            seconds, response = timed_get(client, "POST", "/v1/answer", json={"question": question,
                                                                              "channel": "web"})
            answers.append(seconds)
            same += response.status_code == 200 and response.json().get("answer") == before.get("answer")
            time.sleep(0.05)
        thread.join()
    return {"reindex_s": round(result.get("seconds", 0.0), 1), "reindex_status": result.get("status"),
            "health_max_ms": round(max(health, default=0) * 1000, 1),
            "answer_max_ms": round(max(answers, default=0) * 1000, 1), "answers": len(answers),
            "answers_unchanged": same}


PUBLISH_TIMEOUT_S = 120


def publish(server: Server, work: Path, rounds: int = 5) -> dict:
    """An editor publishes an article's new price through the API (``PUT /v1/articles/{id}``); measured until an
    answer to a question about it holds the new price (the server's own figure beside it)."""
    paths = [p for p in sorted((work / "kb").glob("*.md")) if AMOUNT.search(p.read_text(encoding="utf-8"))]
    if not paths:
        return {}
    path = paths[len(paths) // 2]
    article_id, text = path.stem, path.read_text(encoding="utf-8")
    title = next((line[7:].strip() for line in text.splitlines() if line.startswith("title:")), article_id)
    until_answer, server_side = [], []
    with httpx.Client(base_url=server.url, timeout=PUBLISH_TIMEOUT_S) as client:
        for number in range(rounds):
            price = f"€ {900 + number},{10 + number}"
            started = time.perf_counter()
            try:
                response = client.put(f"/v1/articles/{article_id}", headers={"X-API-Key": EDITOR_KEY},
                                      json={"markdown": AMOUNT.sub(price, text, count=1), "status": "published",
                                            "reason": "kcc bench"})
            except httpx.TimeoutException:  # a finding to report, not a reason to lose the whole run
                return {"error": f"no response to the PUT within {PUBLISH_TIMEOUT_S} s (round {number + 1})"}
            response.raise_for_status()
            answer = client.post("/v1/answer", json={"question": f"Wat kost {title}?", "channel": "web"}).json()
            until_answer.append(time.perf_counter() - started)
            server_side.append(response.json()["seconds"])
            if price not in json.dumps(answer, ensure_ascii=False):
                return {"error": f"the answer after publishing did not hold {price}"}
            time.sleep(1.0)  # between edits, as an editor works; the recalibration runs in the background
    return {"until_answer": percentiles(until_answer), "server_s": round(max(server_side), 3), "rounds": rounds}


def http_phase(work: Path, clients: list[int], seconds: float) -> dict:
    questions = json.loads((work / "questions.json").read_text(encoding="utf-8"))
    with Server(work) as server:
        out: dict = {"ready_s": round(server.ready_s, 1)}
        with httpx.Client(base_url=server.url, timeout=60) as client:
            single = [timed_get(client, "POST", "/v1/answer", json={"question": q, "channel": "web"})[0]
                      for q in questions[:100]]
            repeated = [timed_get(client, "POST", "/v1/answer", json={"question": q, "channel": "web"})[0]
                        for q in questions[:100]]
        out["answer"] = percentiles(single)
        out["repeated"] = percentiles(repeated)
        fresh = questions[100:]
        out["load"] = []
        for n in clients:
            result = run_load(server.url, fresh, clients=n, seconds=seconds)
            fresh = fresh[result.requests:]
            out["load"].append({"clients": n, "per_s": round(result.per_second, 1), "p50_ms": round(result.p50_ms),
                                "p95_ms": round(result.p95_ms), "errors": result.errors,
                                "requests": result.requests})
        out["during_reindex"] = during_reindex(server, work, questions[-1])
        out["publish"] = publish(server, work)
    return out


def percentiles(seconds: list[float]) -> dict[str, float]:
    from eval.bench_size import percentiles as p

    return p(seconds)


def gold_questions() -> list[str]:
    """Every question of the gold sets that ship (residents' wording, personal data included where they wrote it)."""
    return [json.loads(line)["question"] for path in sorted((Path(__file__).parent / "gold").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def masking_cost(questions: list[str], rounds: int = 3) -> dict:
    """Milliseconds a question for the identifier masker (the answer path) and the full masker (what is stored),
    the best of ``rounds`` passes after deduce's lists are loaded."""
    from kcc.privacy import mask_identifiers, mask_personal_data, warm_up

    warm_up()
    figures: dict = {"questions": len(questions)}
    for name, mask in (("identifiers_ms", mask_identifiers), ("full_ms", mask_personal_data)):
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            for question in questions:
                mask(question)
            best = min(best, time.perf_counter() - started)
        figures[name] = round(best / max(len(questions), 1) * 1000, 3)
    return figures


def run_bench(sizes: list[int], out: Path, *, work: Path, source: Path, clients: list[int], seconds: float,
              embed_all_max: int, questions: int, log=print) -> list[dict]:
    from eval.bench_report import write_report

    log("maskeren van persoonsgegevens: kosten per vraag")
    masking = masking_cost(gold_questions())
    results = []
    for size in sizes:
        folder = work / str(size)
        embed = "all" if size <= embed_all_max else "reuse"
        log(f"{size} artikelen: indexeren en meten ({'alles ge-embed' if embed == 'all' else 'vectoren hergebruikt'})")
        result = run_size(size, folder, source, embed, questions)
        log(f"{size} artikelen: de API onder belasting")
        result["http"] = http_phase(folder, clients, seconds)
        results.append(result)
        write_report(results, out, masking)  # after every size: a long run that stops still leaves its figures
    return results
