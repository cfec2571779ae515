#!/usr/bin/env bash
# Regenerates notebooks-export/: for each cohort a Jupyter notebook (.ipynb), its
# Markdown twin (.md) and the figures (<name>-figures/*.svg), all written by
# `survkit report`. Tests/SurvivalKitCLITests/NotebookExportTests.swift runs the
# same commands and fails on any byte of difference, so a statistical change
# anywhere shows up as a diff here. Keep the two lists of commands identical.
#
# Usage: scripts/export-notebooks.sh            (builds survkit, debug)
#        SURVKIT=/path/to/survkit scripts/export-notebooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SURVKIT:-}" ]]; then
    swift build --product survkit >&2
    SURVKIT="$(swift build --show-bin-path)/survkit"
fi
out=notebooks-export
mkdir -p "$out"

"$SURVKIT" report datasets/sarcoma_patients.csv --time os_years --status os_status --group grade \
    --covariates "age,sex,factor(grade),size_cm,depth,margin,site" --time-unit years \
    --times 1,2,5,10 --event-time lr_first_years --event-status lr_status \
    --recurrences datasets/sarcoma_recurrences.csv --recurrence-id id \
    --rate-events lr_count --rate-person-time os_years --recurrence-group margin \
    --fine-gray-covariates "margin,factor(grade),size_cm,depth,radiotherapy" --rmst-group margin \
    --title "Synthetic soft-tissue sarcoma cohort: survival by grade, local recurrence by margin" \
    --format markdown --output "$out/sarcoma.md" --figures "$out/sarcoma-figures" \
    --notebook "$out/sarcoma.ipynb"

"$SURVKIT" report datasets/lung.csv --time time --status status --group sex \
    --covariates "age,sex,ph.ecog" --time-unit days --times 180,365,730 \
    --title "NCCTG advanced lung cancer (R survival::lung): survival by sex" \
    --format markdown --output "$out/lung.md" --figures "$out/lung-figures" \
    --notebook "$out/lung.ipynb"

"$SURVKIT" report datasets/veteran.csv --time time --status status --group trt \
    --covariates "trt,celltype,karno" --time-unit days --times 90,180,365 \
    --title "Veterans' Administration lung cancer trial (R survival::veteran): survival by treatment" \
    --format markdown --output "$out/veteran.md" --figures "$out/veteran-figures" \
    --notebook "$out/veteran.ipynb"
