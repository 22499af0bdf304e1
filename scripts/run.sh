#!/usr/bin/env bash
# Install the product (in .venv) and run it on its embedded defaults: index the sample KB,
# start the API (with the chat page) and print the URLs.
set -euo pipefail
cd "$(dirname "$0")/.."
export HAYSTACK_TELEMETRY_ENABLED=False PIP_DISABLE_PIP_VERSION_CHECK=1
python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip
pip install -q -c constraints.txt -e '.[use,html,reports]'
exec kcc run "$@"
