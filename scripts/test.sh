#!/usr/bin/env bash
# Install everything the tests need (in .venv) and run the whole suite. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export HAYSTACK_TELEMETRY_ENABLED=False HF_HUB_OFFLINE=1 PIP_DISABLE_PIP_VERSION_CHECK=1

apt_install() {  # Debian packages, as root or through sudo
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Headless Chromium for the browser tests; skipped when already present.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi
# PostgreSQL server binaries for the contact-log tests (tests/pg.py starts a throwaway cluster);
# skipped when present, or when KCC_TEST_DATABASE_URL points at a server.
if [ -z "${KCC_TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt_install postgresql
fi

python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip
# The core first: deduce builds its name lists' cache once per install (about two minutes on two cores); it does
# so in the background while torch and the optional parts install, and a test that needs it meanwhile waits for
# it (kcc.privacy holds a lock while it builds) instead of building it in the middle of the suite.
pip install -q -c constraints.txt -e .
warm_log=$(mktemp)
python -c "from kcc import privacy; privacy.warm_up()" >"$warm_log" 2>&1 &
warm_pid=$!
# torch pinned, before the parts that need it: the CPU build from this machine's disk, not a multi-GB CUDA build
pip install -q -c constraints.txt torch==2.13.0
pip install -q -c constraints.txt -e '.[st,test,use,html,reports,bench]'

ruff check .

# Regression guard on answer quality, compared with eval/baselines/<gold set>.json: the sample KB that the
# defaults were chosen on, and a second KB in another house style that nothing was tuned on (without the
# sample's own out-of-scope list: a new municipality starts with the product's generic one only), and a third KB
# that nothing was chosen on (Wervelde, written on 2026-12-02); then residents
# writing in English, Polish, Turkish, Arabic, Ukrainian or German, on the sample KB (30 questions written by
# someone who saw only the articles; its tolerance is one question), and residents asking about municipal products
# the sample KB has no article on (50 near-scope questions, written by someone who saw only the articles), and
# residents as they speak on the phone and write in the chat, with greetings, fillers, scene-setting and thanks
# (90 questions, written by someone who saw only the articles, on 2026-12-04); then a
# smoke run of the benchmark (a tiny synthetic KB, short load steps: it must run end to end and write its report;
# nothing asserts a timing).
# They run beside pytest (each in its own temporary index and on its own free port): the suite leaves part of
# the second core idle, and CI stays under 20 minutes. Their output is printed after pytest's.
guards() {
  # the other KBs first: meanwhile the suite's first test indexes the sample KB and keeps its passage vectors
  KCC_OUT_OF_SCOPE_FILE= kcc eval --kb kb/dijkerveen --gold eval/gold/dijkerveen.jsonl --check \
    --out eval/reports/dijkerveen
  KCC_OUT_OF_SCOPE_FILE= kcc eval --kb kb/wervelde --gold eval/gold/wervelde.jsonl --check --out eval/reports/wervelde
  # the sample KB's four sets on one index of it (indexed and calibrated once, not four times)
  local sample="$vectors/lindewaard-index"
  kcc ingest --kb kb/articles --data "$sample" --no-progress >/dev/null
  KCC_KB_DIR=kb/articles kcc eval --data "$sample" --gold eval/gold/lindewaard.jsonl --check \
    --out eval/reports/lindewaard
  KCC_KB_DIR=kb/articles kcc eval --data "$sample" --gold eval/gold/lindewaard-anderstalig.jsonl --check \
    --no-consistency --out eval/reports/lindewaard-anderstalig
  KCC_KB_DIR=kb/articles kcc eval --data "$sample" --gold eval/gold/lindewaard-nabij.jsonl --check \
    --out eval/reports/lindewaard-nabij
  KCC_KB_DIR=kb/articles kcc eval --data "$sample" --gold eval/gold/lindewaard-spreektaal.jsonl --check \
    --out eval/reports/lindewaard-spreektaal
  kcc bench --sizes 60 --clients 1,4 --seconds 2 --questions 200 --embed-all-max 60 --out eval/reports/bench-smoke
}
# One folder of kept vectors (example questions, passages) for the suite and the guards: the sample KB is embedded
# once, not in every process that indexes it (ingest/passage_cache.py); fresh for every run.
vectors=$(mktemp -d)
export KCC_VECTOR_CACHE_DIR="$vectors/questions" KCC_PASSAGE_CACHE_DIR="$vectors/passages"
# The suite and the guards share the two cores: onnxruntime's worker threads sleep instead of spinning while they
# wait (ingest/e5_onnx.py, spinning())
export KCC_ORT_SPINNING=0
guard_log=$(mktemp)
guards >"$guard_log" 2>&1 &
guard_pid=$!
trap 'kill "$guard_pid" "$warm_pid" 2>/dev/null || true; rm -rf "$guard_log" "$warm_log" "$vectors"' EXIT

set +e
python -m pytest --durations=15 "$@"  # the slowest tests, for reading
status=$?
wait "$warm_pid" || { echo "deduce's cache was not built ahead (the tests built it themselves):"; cat "$warm_log"; }
wait "$guard_pid"
guard_status=$?
set -e
echo "--- answer-quality guards and the benchmark smoke run ---"
cat "$guard_log"
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
[ "$status" = 0 ] || exit "$status"
[ "$guard_status" = 0 ] || { echo "an answer-quality guard or the benchmark smoke run failed" >&2; exit "$guard_status"; }
