"""How well the referral guide names who helps: a held-out set of questions labelled with the organisation that
handles them (``eval/gold/doorverwijzen.jsonl``, written without seeing the guide), answered by the default
answer service on a KB in a temporary index.

Usage::

    python -m eval.referrals --kb kb/articles                 # with the sample's own guide (KCC_REFERRAL_FILE)
    KCC_OUT_OF_SCOPE_FILE= KCC_REFERRAL_FILE= python -m eval.referrals --kb kb/dijkerveen   # national guide only

Labels name the organisations of the national guide (``LABELS``); ``none-offtopic`` is nobody's task (no
organisation may be named) and ``none-municipal`` a question the KB answers.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from kcc.runtime import Runtime
from kcc.settings import Settings

HELD_OUT = Path(__file__).resolve().parent / "gold" / "doorverwijzen.jsonl"
LABELS = {
    "huurcommissie": {"Huurcommissie"}, "verhuurder": {"Verhuurder of woningcorporatie", "Woningcorporatie Lindewonen"},
    "juridisch loket": {"Het Juridisch Loket"}, "ov": {"9292 OV-reisinformatie"}, "politie": {"Politie"},
    "cjib": {"CJIB"}, "netbeheerder": {"Netbeheerder (storingsnummer gas en stroom)"},
    "energie/telecom": {"Energieleverancier of telecomaanbieder"}, "veilig thuis": {"Veilig Thuis"},
    "zorg": {"Huisarts, GGD of zorgverzekeraar"}, "consument": {"ConsuWijzer (ACM)"},
    "bank/verzekeraar": {"Bank, verzekeraar of pensioenfonds"}, "school": {"School of kinderopvang"},
    "kvk": {"Kamer van Koophandel (KVK)"}, "ind": {"IND"},
    "buitenlandse zaken": {"Nederland Wereldwijd (ministerie van Buitenlandse Zaken)"},
    "ambassade": {"Ambassade of consulaat van het eigen land"}, "duo": {"DUO"}, "belastingdienst": {"Belastingdienst"},
    "toeslagen": {"Dienst Toeslagen"}, "uwv": {"UWV"}, "rdw": {"RDW"}, "svb": {"Sociale Verzekeringsbank (SVB)"},
}


def measure(kb: Path, questions: list[dict]) -> Counter:
    counts: Counter = Counter()
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(kb_dir=kb, data_dir=Path(data), qdrant_url=None)
        with Runtime(settings) as runtime:
            runtime.ingest()
            service = runtime.answer_service(settings)
            counts["threshold"] = service.referrals.threshold
            own_kcc = service.general_referral().owner
            for row in questions:
                result = service.answer(row["question"], channel="chat", agent=False)
                owner = result.referral.owner if result.status == "no_answer" and result.referral else None
                label = row["organisation"]
                if label == "none-offtopic":
                    counts["offtopic"] += 1
                    counts["offtopic_organisation_named"] += owner not in (None, own_kcc)
                elif label == "none-municipal":
                    counts["municipal"] += 1
                    counts["municipal_answered"] += result.status == "answered"
                elif result.status == "answered":
                    counts["other_answered_by_kb"] += 1
                else:
                    counts["other_no_answer"] += 1
                    kind = "right" if owner in LABELS[label] else "municipality" if owner == own_kcc else "wrong"
                    counts[f"other_{kind}"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=HELD_OUT)
    args = parser.parse_args()
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line]
    print(json.dumps(dict(sorted(measure(args.kb, questions).items())), indent=1))  # noqa: T201


if __name__ == "__main__":
    main()
