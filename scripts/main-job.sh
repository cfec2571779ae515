#!/usr/bin/env bash
# The main job: installs what is missing, builds survkit (release), and runs the
# complete survival report on the bundled synthetic sarcoma cohort. The text
# report goes to stdout; Markdown, JSON, SVG figures and a Jupyter notebook go
# to ./sarcoma-report/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product survkit >&2
bin="$(swift build -c release --show-bin-path)/survkit"
out=sarcoma-report
mkdir -p "$out"
source scripts/sarcoma-report-args.sh
args=("${sarcoma_report_args[@]}")
"$bin" "${args[@]}" --format markdown --output "$out/report.md" --figures "$out/figures"
"$bin" "${args[@]}" --format json --output "$out/report.json"
"$bin" "${args[@]}" --notebook "$out/report.ipynb" --output "$out/report.txt"
"$bin" "${args[@]}"
echo "Markdown, JSON, SVG figures and notebook written to $out/" >&2
