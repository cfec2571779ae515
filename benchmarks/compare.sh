#!/usr/bin/env bash
# Side-by-side benchmark: survkit (whole commands) against R survival/data.table and the
# Python peers on the same seeded cohorts, with wall time, peak RSS and agreement checks.
# From the repository root:
#
#   bash benchmarks/compare.sh [--quick] [--record] [--data DIR] [--r-big] [options]
#
# See benchmarks/README.md (top section) for what it runs and how to read the output.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bash benchmarks/compare.sh [options] [DATA_DIR]

  --quick          1M rows only (cohort 1m); the default also runs 10M x 20 and 80M x 3
  --record         insert the output as a dated section into benchmarks/README.md
  --data DIR       folder for the cohorts and run logs (default $SURVKIT_BENCH_DATA or
                   /tmp/survkit-bench); cohorts are generated only when missing
  --r-big          also run R on the 10M and 80M cohorts (minutes, up to ~10 GB RAM;
                   also SURVKIT_BENCH_R_BIG=1); without it R runs on 1M only
  --no-r           skip R;  --no-python  skip the Python peers
  --no-build       use the existing .build/release/survkit and cohort-gen (SURVKIT=path overrides)
  --timeout S      per-step time limit in seconds (default 900; a step over it is recorded as timeout)
  --nice N         niceness of every timed step (default 10; 0 for none)
  --reps N         N rounds over all the timed steps, keeping each step's fastest run
                   (default 1); a step's runs are rounds apart, so that a slow spell of
                   the shared host does not fall on every run of one tool
  --gen-only       only build the generator and write the cohorts
  --report RUN     print (and with --record, record) the report of an earlier run folder
                   DATA_DIR/run-YYYYMMDD-HHMMSS without running anything
  -h, --help       this text
EOF
}

QUICK=0 RECORD=0 R_BIG=${SURVKIT_BENCH_R_BIG:-0} DO_R=1 DO_PY=1 BUILD=1 GEN_ONLY=0 REPORT_ONLY=""
TIMEOUT=900 NICE=10 REPS=1
DATA=${SURVKIT_BENCH_DATA:-/tmp/survkit-bench}
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --record) RECORD=1 ;;
    --data) DATA=${2:?--data needs a folder}; shift ;;
    --data=*) DATA=${1#--data=} ;;
    --r-big) R_BIG=1 ;;
    --no-r) DO_R=0 ;;
    --no-python) DO_PY=0 ;;
    --no-build) BUILD=0 ;;
    --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift ;;
    --nice) NICE=${2:?--nice needs a number}; shift ;;
    --reps) REPS=${2:?--reps needs a number}; shift ;;
    --gen-only) GEN_ONLY=1 ;;
    --report) REPORT_ONLY=${2:?--report needs a run folder}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) DATA=$1 ;;
  esac
  shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 1; }

# report_and_record RUN: the report on stdout (and in RUN/report.md); --record inserts it
# into benchmarks/README.md below the marker line of its top section.
report_and_record() {
  local run=$1 rc=0
  python3 benchmarks/compare-report.py "$run" >"$run/report.md" || rc=$?
  cat "$run/report.md"
  say "(run folder: $run)"
  if [ "$RECORD" = 1 ]; then
    python3 - "$ROOT/benchmarks/README.md" "$run/report.md" <<'EOF'
import sys
readme_path, report_path = sys.argv[1:]
readme = open(readme_path).read()
report = open(report_path).read().rstrip() + "\n\n"
marker = "<!-- compare.sh --record inserts new sections below this line -->\n"
if marker in readme:
    head, tail = readme.split(marker, 1)
    readme = head + marker + "\n" + report + tail.lstrip("\n")
else:
    readme = readme.rstrip() + "\n\n" + report
open(readme_path, "w").write(readme)
EOF
    say "recorded in benchmarks/README.md"
  fi
  return "$rc"
}
if [ -n "$REPORT_ONLY" ]; then
  [ -f "$REPORT_ONLY/results.tsv" ] || die "$REPORT_ONLY has no results.tsv"
  rc=0; report_and_record "$REPORT_ONLY" || rc=$?; exit "$rc"
fi

# --- tools ------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  say "compare.sh: /usr/bin/time (GNU time) is missing; installing the Debian package 'time'"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
  else
    sudo apt-get install -y time >/dev/null
  fi
  [ -x /usr/bin/time ] || die "could not install GNU time (apt-get install time)"
fi
command -v python3 >/dev/null || die "python3 is needed for the report (benchmarks/compare-report.py)"
command -v timeout >/dev/null || die "coreutils 'timeout' is needed"

mkdir -p "$DATA"
GEN=Benchmarks/.build/release/cohort-gen
SURVKIT=${SURVKIT:-$ROOT/.build/release/survkit}
if [ "$BUILD" = 1 ]; then
  say "== building cohort-gen (Benchmarks package) and survkit (release)"
  nice swift build -c release --package-path Benchmarks --product cohort-gen >"$DATA/build.log" 2>&1 \
    || { tail -20 "$DATA/build.log" >&2; die "building cohort-gen failed (log: $DATA/build.log)"; }
  if [ "$GEN_ONLY" = 0 ]; then
    nice swift build -c release --product survkit >>"$DATA/build.log" 2>&1 \
      || { tail -20 "$DATA/build.log" >&2; die "building survkit failed (log: $DATA/build.log)"; }
  fi
fi
[ -x "$GEN" ] || die "$GEN is missing (run without --no-build)"

# --- cohorts ----------------------------------------------------------------------
# name rows covariates
# The narrow cohorts (time, status, g) are the "small file" of the KM and log-rank targets.
COHORTS="1m ${SURVKIT_BENCH_ROWS:-1000000} 20
1m3 ${SURVKIT_BENCH_ROWS:-1000000} 0"   # SURVKIT_BENCH_ROWS: smaller "1m" cohorts for smoke tests (use its own --data folder)
[ "$QUICK" = 1 ] || COHORTS="$COHORTS
10m 10000000 20
10m3 10000000 0
80m 80000000 0"
cohort_file() {
  case "$1" in
    80m) echo "$DATA/cohort-80m-3col.csv" ;;
    *3) echo "$DATA/cohort-${1%3}-3col.csv" ;;
    *) echo "$DATA/cohort-$1.csv" ;;
  esac
}
while read -r name rows p; do
  f=$(cohort_file "$name")
  if [ -s "$f" ]; then
    say "== cohort $name: $f exists ($(du -h "$f" | cut -f1)), not regenerated"
  else
    say "== cohort $name: generating $rows rows into $f"
    nice /usr/bin/time -f "cohort-gen: %e s wall, peak RSS %M kB" "$GEN" "$f" "$rows" --covariates "$p" >&2
  fi
done <<<"$COHORTS"
[ "$GEN_ONLY" = 0 ] || exit 0
[ -x "$SURVKIT" ] || die "survkit binary $SURVKIT is missing (run without --no-build)"

# --- peers available? ---------------------------------------------------------------
R_OK=0
if [ "$DO_R" = 1 ]; then
  if ! command -v Rscript >/dev/null; then
    say "compare.sh: Rscript not found: the R rows are skipped (apt-get install r-base-core)"
  elif ! Rscript -e 'ok <- sapply(c("survival", "data.table"), requireNamespace, quietly = TRUE); if (!all(ok)) { message("missing R packages: ", paste(names(ok)[!ok], collapse = ", ")); quit(status = 1) }' >&2; then
    say "compare.sh: the R rows are skipped (install.packages(c(\"survival\", \"data.table\")))"
  else
    R_OK=1
  fi
fi
PY_MODULES=""
if [ "$DO_PY" = 1 ]; then
  for m in pandas lifelines statsmodels survival; do
    if python3 -c "import $m" 2>/dev/null; then PY_MODULES="$PY_MODULES $m"
    else say "compare.sh: Python module '$m' not importable: its rows are skipped (pip install $m)"; fi
  done
  case " $PY_MODULES " in *" pandas "*) ;; *) PY_MODULES="" ;; esac
fi
py_has() { case " $PY_MODULES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- run bookkeeping ----------------------------------------------------------------
STAMP=$(date -u '+%Y%m%d-%H%M%S')
RUN="$DATA/run-$STAMP"
mkdir -p "$RUN"
RESULTS="$RUN/results.tsv"
printf 'size\tanalysis\ttool\tstep\tseconds\tread\trss_mb\tstatus\tvalues\tnote\n' >"$RESULTS"
{
  echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc	$(nproc)"
  echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory	$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "survkit	$(git rev-parse --short HEAD 2>/dev/null || echo '?') ($SURVKIT)"
  echo "swift	$(swift --version 2>/dev/null | head -1 || echo '?')"
  [ "$R_OK" = 1 ] && echo "r	$(Rscript -e 'cat(R.version$major, ".", R.version$minor, ", survival ", format(packageVersion("survival")), ", data.table ", format(packageVersion("data.table")), sep = "")')"
  [ -n "$PY_MODULES" ] && echo "python	$(python3 -c '
import sys, importlib
out = ["Python " + sys.version.split()[0]]
for m in sys.argv[1:]:
    try: out.append(m + " " + importlib.import_module(m).__version__)
    except Exception: out.append(m)
print(", ".join(out))' $PY_MODULES)"
  echo "rows_1m	${SURVKIT_BENCH_ROWS:-1000000}"
  echo "nice	$NICE"
  echo "reps	$REPS"
  echo "mode	$([ "$QUICK" = 1 ] && echo quick || echo full)$([ "$R_BIG" = 1 ] && echo ', R on 10M/80M')"
} >"$RUN/machine.tsv"

# run_step SIZE ANALYSIS TOOL STEP VALUES -- COMMAND...
#   VALUES json: a survkit command; its stdout is the JSON answer (kept as the values);
#                the time is the process's wall clock
#   VALUES FILE: an R/Python step; stdout carries TIME/READ/NOTE lines (the time is
#                the TIME line) and the step writes key,value lines to FILE
# One run per call, in round $ROUND of $REPS: the fastest round's time, read and peak
# RSS are kept in $RUN/$id.best, written to the results in first-run order at the end.
# A step that fails, times out or is skipped in a round is not run again.
run_step() {
  local size=$1 analysis=$2 tool=$3 step=$4 values=$5; shift 6
  local id="$size-$analysis-$tool-${step// /_}"
  id=${id//[^A-Za-z0-9._-]/_}
  local out="$RUN/$id.out" err="$RUN/$id.err" tf="$RUN/$id.time" kind=peer best="$RUN/$id.best"
  if [ "$values" = json ]; then kind=survkit; values="$out"; fi
  [ -e "$RUN/$id.final" ] && return 0
  [ -e "$best" ] || echo "$id" >>"$RUN/order.txt"
  local round=""
  [ "$REPS" -gt 1 ] && round=" (round $ROUND of $REPS)"
  say "-- $size $analysis: $tool $step$round"
  local rc=0 t0 t1 rss seconds read="" status=ok note=""
  t0=$(date +%s.%N)
  nice -n "$NICE" /usr/bin/time -f "%e %M" -o "$tf" timeout "$TIMEOUT" "$@" >"$out" 2>"$err" || rc=$?
  t1=$(date +%s.%N)
  rss=$(tail -1 "$tf" 2>/dev/null | awk '{printf "%.0f", $2 / 1024}')
  if [ "$kind" = survkit ]; then
    seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
  else
    seconds=$(awk '$1 == "TIME" {print $2}' "$out" | tail -1)
    read=$(awk '$1 == "READ" {print $2}' "$out" | tail -1)
    note=$(awk '$1 == "NOTE" {$1 = ""; print substr($0, 2)}' "$out" | tail -1)
  fi
  if [ "$rc" = 124 ]; then status="timeout"; note="over ${TIMEOUT} s"
  elif [ "$rc" = 3 ]; then status="skipped"; note=$(tail -1 "$err")
  elif [ "$rc" != 0 ]; then status="failed"; note="exit $rc: $(grep -v '^\s*$' "$err" | tail -1 | cut -c1-160)"
  fi
  if [ "$status" != ok ] || [ -z "$seconds" ]; then
    seconds=""; say "   $status: $note"
    printf '%s\t%s\t%s\t%s\t\t\t%s\t%s\t%s\t%s\n' "$size" "$analysis" "$tool" "$step" \
      "$rss" "$status" "$values" "${note//$'\t'/ }" >"$best"
    touch "$RUN/$id.final"
    return 0
  fi
  say "   ${seconds} s, peak RSS ${rss} MB"
  local previous=""
  [ -e "$best" ] && previous=$(cut -f5 "$best")
  if [ -z "$previous" ] || awk -v a="$seconds" -v b="$previous" 'BEGIN {exit !(a < b)}'; then
    [ "$REPS" -gt 1 ] && note="${note:+$note; }best of $REPS rounds"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$analysis" "$tool" "$step" \
      "$seconds" "$read" "$rss" "$status" "$values" "${note//$'\t'/ }" >"$best"
  fi
}
skip_step() { # SIZE ANALYSIS TOOL STEP REASON
  local id="$1-$2-$3-${4// /_}"
  id=${id//[^A-Za-z0-9._-]/_}
  [ -e "$RUN/$id.best" ] && return 0
  echo "$id" >>"$RUN/order.txt"
  printf '%s\t%s\t%s\t%s\t\t\t\tskipped\t\t%s\n' "$1" "$2" "$3" "$4" "$5" >"$RUN/$id.best"
  touch "$RUN/$id.final"
}

FORMULA_COX="Surv(time, status) ~ $(seq -s ' + ' -f 'x%g' 1 20)"
FORMULA_G="Surv(time, status) ~ g"
R="Rscript benchmarks/compare-r.R"
PY="python3 benchmarks/compare-python.py"

for ROUND in $(seq "$REPS"); do
[ "$REPS" -gt 1 ] && say "== round $ROUND of $REPS"
while read -r size rows p; do
  f=$(cohort_file "$size")
  say "== $size: $f"
  # survkit, whole commands (read + analysis + JSON)
  if [ "$p" = 20 ]; then
    run_step "$size" cox survkit "cox (Efron, 20 covariates)" json -- "$SURVKIT" cox "$f" --formula "$FORMULA_COX" --format json
    run_step "$size" km survkit "km ~ g" json -- "$SURVKIT" km "$f" --formula "$FORMULA_G" --format json
    run_step "$size" logrank survkit "logrank ~ g" json -- "$SURVKIT" logrank "$f" --formula "$FORMULA_G" --format json
  else
    run_step "$size" km survkit "km ~ g" json -- "$SURVKIT" km "$f" --formula "$FORMULA_G" --format json
    [ "$size" = 80m ] || run_step "$size" logrank survkit "logrank ~ g" json -- "$SURVKIT" logrank "$f" --formula "$FORMULA_G" --format json
  fi
  # R
  # R on 10M/80M: only with --r-big, and only with enough free memory (peaks measured on
  # 2026-12-01: coxph() on 10M 13.1 GB, survfit on 80M 18.6 GB)
  r_here=0
  if [ "$R_OK" = 1 ] && { [ "$size" = 1m ] || [ "$size" = 1m3 ]; }; then r_here=1
  elif [ "$R_OK" = 1 ] && [ "$R_BIG" = 1 ]; then
    need_gb=$([ "$size" = 80m ] && echo 20 || echo 15)
    avail_gb=$(awk '/MemAvailable/ {printf "%d", $2 / 1048576}' /proc/meminfo)
    if [ "$avail_gb" -ge "$need_gb" ]; then r_here=1
    else
      say "compare.sh: R on $size skipped: $avail_gb GiB available, it needs about $need_gb GiB"
      skip_step "$size" all R "all R steps" "needs about $need_gb GiB free, $avail_gb GiB available"
    fi
  fi
  if [ "$r_here" = 1 ]; then
    run_step "$size" read R "fread (1 thread)" "$RUN/$size-read-R-1.values" -- $R fread "$f" 1 "$RUN/$size-read-R-1.values"
    run_step "$size" read R "fread (2 threads)" "$RUN/$size-read-R-2.values" -- $R fread "$f" 2 "$RUN/$size-read-R-2.values"
    if [ "$p" = 20 ]; then
      for th in 1 2; do
        run_step "$size" cox R "fread ($th thr) + coxph.fit" "$RUN/$size-cox-R-fit$th.values" -- $R fread-fit "$f" "$th" "$RUN/$size-cox-R-fit$th.values"
      done
      run_step "$size" cox R "coxph() in memory" "$RUN/$size-cox-R-coxph.values" -- $R coxph "$f" 2 "$RUN/$size-cox-R-coxph.values"
    fi
    run_step "$size" km R "survfit ~ g in memory" "$RUN/$size-km-R.values" -- $R survfit "$f" 2 "$RUN/$size-km-R.values"
    # no survkit logrank on 80M, so no R survdiff there either (it took 160 s and 15.5 GB)
    [ "$size" = 80m ] || run_step "$size" logrank R "survdiff ~ g in memory" "$RUN/$size-logrank-R.values" -- $R survdiff "$f" 2 "$RUN/$size-logrank-R.values"
  elif [ "$R_OK" = 1 ] && [ "$R_BIG" = 0 ]; then
    skip_step "$size" all R "all R steps" "R on 10M/80M only with --r-big"
  fi
  # Python (1M only)
  if [ -n "$PY_MODULES" ] && [ "$size" = 1m ]; then
    py_step() { # ANALYSIS MODULE STEP LABEL
      if py_has "$2"; then
        run_step "$size" "$1" "$2" "$4" "$RUN/$size-$1-$3.values" -- $PY "$3" "$f" "$RUN/$size-$1-$3.values"
      else
        skip_step "$size" "$1" "$2" "$4" "module $2 not importable"
      fi
    }
    py_step read pandas pandas-read "pandas.read_csv"
    py_step cox lifelines lifelines-cox "CoxPHFitter (Efron) in memory"
    py_step cox survival survival-cox "coxph (Efron) in memory"
    py_step km lifelines lifelines-km "KaplanMeierFitter by g in memory"
    py_step km statsmodels statsmodels-km "SurvfuncRight by g in memory"
    py_step km survival survival-km "survfit ~ g in memory"
    py_step logrank statsmodels statsmodels-logrank "survdiff in memory"
    py_step logrank survival survival-logrank "survdiff ~ g in memory"
  elif [ -n "$PY_MODULES" ]; then
    skip_step "$size" all Python "all Python steps" "Python peers on 1M only"
  fi
done <<<"$COHORTS"
done
# Each step's kept run, in the order the steps first ran.
while read -r id; do cat "$RUN/$id.best" >>"$RESULTS"; done <"$RUN/order.txt"

echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/machine.tsv"

rc=0
report_and_record "$RUN" || rc=$?
exit "$rc"
