#!/usr/bin/env bash
# The main job: installs what is missing, builds survkit (release), and runs the
# survival report on the bundled data. Output: the text report on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product survkit >&2
bin="$(swift build -c release --show-bin-path)/survkit"
"$bin" km datasets/lung.csv --formula "Surv(time, status) ~ sex"
"$bin" logrank datasets/lung.csv --formula "Surv(time, status) ~ sex"
