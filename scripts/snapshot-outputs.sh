#!/usr/bin/env bash
# Runs every command the R fixtures describe (their "args"), plus the sarcoma
# report and the simulator, in JSON, text and Markdown, and writes each output
# to one file in DIR. Comparing two snapshots (diff -r) shows whether a change
# altered any output byte: the check a refactoring must pass.
#
#   bash scripts/snapshot-outputs.sh BIN DIR
#   diff -r before/ after/ && echo identical
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"; out="$2"
mkdir -p "$out"
for fixture in Tests/Fixtures/*/*.json; do
  jq -e 'has("args")' "$fixture" >/dev/null || continue
  name="$(basename "$(dirname "$fixture")")-$(basename "$fixture" .json)"
  mapfile -t args < <(jq -r '.args[]' "$fixture")
  # Drop the fixture's own --format so each format can be asked for.
  clean=(); skip=0
  for a in "${args[@]}"; do
    if [ $skip -eq 1 ]; then skip=0; continue; fi
    if [ "$a" = "--format" ]; then skip=1; continue; fi
    clean+=("$a")
  done
  for format in json text markdown; do
    "$bin" "${clean[@]}" --format "$format" > "$out/$name.$format" 2> "$out/$name.$format.stderr" || echo "exit $?" >> "$out/$name.$format.stderr"
  done
done
source scripts/sarcoma-report-args.sh
report=("${sarcoma_report_args[@]}")
for format in json text markdown; do
  "$bin" "${report[@]}" --format "$format" > "$out/report-sarcoma.$format" 2> "$out/report-sarcoma.$format.stderr"
done
"$bin" "${report[@]}" --format markdown --figures "$out/report-sarcoma-figures" > /dev/null 2>&1
"$bin" report datasets/lung.csv --time time --status status --group sex --covariates "age,sex,ph.ecog" --format json > "$out/report-lung.json" 2> "$out/report-lung.json.stderr"
"$bin" simulate sarcoma --n 300 --seed 7 --output-dir "$out/simulated" > "$out/simulate.stdout" 2> "$out/simulate.stderr" || echo "exit $?" >> "$out/simulate.stderr"
echo "$(ls "$out" | wc -l) outputs in $out" >&2
