#!/usr/bin/env bash
# Executes the exported notebooks (notebooks-export/*.ipynb) with Jupyter and
# fails unless each executed notebook is the committed one, byte for byte.
#
# The notebooks are copied into a temporary folder laid out as the repository
# (notebooks-export/ next to a link to datasets/), so the cells' relative paths
# (../datasets/...) and the figures they write stay there. Each notebook is
# run twice: `jupyter nbconvert --execute` started in the notebook's own
# folder, and started in an unrelated folder with the notebook's absolute path
# (the kernel runs in the notebook's folder either way: the cells must not
# depend on the current directory of whoever runs them).
#
# nbconvert runs with --ExecutePreprocessor.record_timing=False (no execution
# timestamps in the cells' metadata). The one thing normalised before the
# comparison is the notebook's metadata.language_info: nbclient writes the
# running Python's (version, mimetype ...), the committed notebook stores only
# {"name": "python"}. Everything else — sources, outputs (the text each command
# prints, its warnings, the SVG of each --plot figure), execution counts, ids —
# must be identical.
#
# Needs python3 with nbconvert, nbclient, ipykernel and nbformat (.ci/run
# installs them from PyPI). Tests/SurvivalKitCLITests/NotebookExportTests.swift
# runs this script.
#
# Usage: scripts/execute-notebooks.sh            (builds survkit, debug)
#        SURVKIT=/path/to/survkit scripts/execute-notebooks.sh [lung.ipynb ...]
#        NOTEBOOKS=/other/folder scripts/execute-notebooks.sh   (the folder to check,
#        laid out as notebooks-export/: its notebooks name ../datasets/...)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${SURVKIT:-}" ]]; then
    (cd "$repo" && swift build --product survkit >&2)
    SURVKIT="$(cd "$repo" && swift build --show-bin-path)/survkit"
fi
case "$SURVKIT" in /*) ;; *) SURVKIT="$(cd "$(dirname "$SURVKIT")" && pwd)/$(basename "$SURVKIT")" ;; esac
export SURVKIT
[[ -x "$SURVKIT" ]] || { echo "execute-notebooks: SURVKIT=$SURVKIT is not an executable" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/execute-notebooks.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/copy" "$tmp/elsewhere" "$tmp/executed-here" "$tmp/executed-elsewhere"
notebooks="${NOTEBOOKS:-$repo/notebooks-export}"
cp -R "$notebooks" "$tmp/copy/notebooks-export"
ln -s "$repo/datasets" "$tmp/copy/datasets"

status=0
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
    for f in "$notebooks"/*.ipynb; do names+=("$(basename "$f")"); done
fi
for name in "${names[@]}"; do
    committed="$notebooks/$name"
    [[ -f "$committed" ]] || { echo "execute-notebooks: no notebook $committed" >&2; status=1; continue; }
    copy="$tmp/copy/notebooks-export/$name"
    run=(jupyter nbconvert --to notebook --execute --ExecutePreprocessor.record_timing=False
        --ExecutePreprocessor.timeout=600 --log-level=WARN)
    # From the notebook's own folder ...
    (cd "$(dirname "$copy")" && "${run[@]}" --output-dir "$tmp/executed-here" "$name") \
        || { echo "execute-notebooks: $name failed to execute (from its folder)" >&2; status=1; continue; }
    # ... and from an unrelated folder.
    (cd "$tmp/elsewhere" && "${run[@]}" --output-dir "$tmp/executed-elsewhere" "$copy") \
        || { echo "execute-notebooks: $name failed to execute (from another folder)" >&2; status=1; continue; }
    for executed in "$tmp/executed-here/$name" "$tmp/executed-elsewhere/$name"; do
        python3 - "$committed" "$executed" <<'EOF' || status=1
import difflib, json, sys

committed_path, executed_path = sys.argv[1], sys.argv[2]
with open(committed_path, encoding="utf-8") as f:
    committed = f.read()
with open(executed_path, encoding="utf-8") as f:
    executed = f.read()

def dump(nb):
    # As nbformat writes a notebook (nbformat.v4.nbjson): sorted keys, indent 1, UTF-8.
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"

nb = json.loads(executed)
if dump(nb) != executed:
    sys.exit(f"{executed_path}: not written as nbformat writes notebooks; cannot compare")
info = nb.get("metadata", {}).get("language_info", {})
if info.get("name") == "python":
    nb["metadata"]["language_info"] = {"name": "python"}
normalised = dump(nb)
if normalised != committed:
    diff = difflib.unified_diff(
        committed.splitlines(keepends=True), normalised.splitlines(keepends=True),
        fromfile=committed_path + " (committed)", tofile=executed_path + " (executed)", n=2)
    lines = list(diff)
    sys.stdout.writelines(lines[:400])
    if len(lines) > 400:
        print(f"... {len(lines) - 400} more diff lines")
    sys.exit(f"{committed_path}: the executed notebook differs from the committed one")
EOF
    done
    # The figures the cells wrote are the ones the notebook displays (same text, by construction of Figure).
    ls "$(dirname "$copy")/${name%.ipynb}-notebook-figures/"*.svg >/dev/null 2>&1 \
        || { echo "execute-notebooks: $name wrote no figures into ${name%.ipynb}-notebook-figures/" >&2; status=1; }
    if [[ $status -eq 0 ]]; then
        echo "execute-notebooks: $name executes with no error and no diff (from its folder and from another)"
    fi
done
exit $status
