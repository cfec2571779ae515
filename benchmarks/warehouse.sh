#!/usr/bin/env bash
# Warehouse-scale push-down benchmark (issue 14, item 4): a seeded sarcoma-like cohort of
# 10^8 person-rows in a throwaway local PostgreSQL 15, fitted by survkit inside the database
# (KM: one GROUP BY; Cox with 5 categorical + 3 continuous covariates: one aggregate query per
# Newton step) against exporting the table to CSV and fitting locally. Prints wall time, bytes
# moved to survkit, peak RSS of survkit, and whether the two routes agree. From the repository root:
#
#   bash benchmarks/warehouse.sh [--rows N] [--cox-rows M] [--data DIR] [--port P] [--record] [--no-export]
#                                [--fresh] [--gen-only]
#
# --cox-rows M fits the Cox model on the first M rows only (table cohort_cox), for machines where
# one iterated aggregate query over all N rows takes too long (10^8 rows, 8 covariates: over
# 8 minutes per Newton step on 2 cores); KM always runs on all N rows.
#
# The cluster runs as the `postgres` user (PostgreSQL refuses root) on 127.0.0.1:$PORT with its
# data under DIR/pg; it is stopped on exit (the table is kept for the next run unless --fresh).
set -euo pipefail

ROWS=100000000 DATA=${SURVKIT_WAREHOUSE_DATA:-/tmp/survkit-warehouse} PORT=55439 RECORD=0 EXPORT=1 FRESH=0 GEN_ONLY=0 COX_ROWS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS=${2:?}; shift ;;
    --data) DATA=${2:?}; shift ;;
    --port) PORT=${2:?}; shift ;;
    --record) RECORD=1 ;;
    --no-export) EXPORT=0 ;;
    --fresh) FRESH=1 ;;
    --gen-only) GEN_ONLY=1 ;;
    --cox-rows) COX_ROWS=${2:?}; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "warehouse.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15; }
command -v jq >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq; }
mkdir -p "$DATA"
chown postgres:postgres "$DATA"
pg() { runuser -u postgres -- "$@"; }
if [ "$FRESH" = 1 ]; then rm -rf "$DATA/pg"; fi
[ -d "$DATA/pg" ] || pg "$PGBIN/initdb" -D "$DATA/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
pg "$PGBIN/pg_ctl" -D "$DATA/pg" -l "$DATA/pg.log" -w -t 120 start -o "-c listen_addresses=127.0.0.1 -p $PORT \
   -k $DATA -c fsync=off -c synchronous_commit=off -c shared_buffers=1GB -c work_mem=256MB \
   -c max_parallel_workers_per_gather=2 -c jit=off" >/dev/null
trap 'pg "$PGBIN/pg_ctl" -D "$DATA/pg" -m fast -w stop >/dev/null 2>&1 || true' EXIT
URL="postgres://postgres@127.0.0.1:$PORT/postgres"
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

have=0
if [ "$("${PSQL[@]}" -c "SELECT to_regclass('cohort') IS NOT NULL")" = t ]; then
  have=$("${PSQL[@]}" -c "SELECT count(*) FROM cohort")
fi
if [ "$have" != "$ROWS" ]; then
  echo "generating $ROWS rows in PostgreSQL ..." >&2
  t0=$(date +%s.%N)
  # Exponential event times with a proportional-hazards linear predictor, uniform censoring over
  # ten years, times rounded up to whole days (ties, as registries record them).
  "${PSQL[@]}" <<SQL
DROP TABLE IF EXISTS cohort;
SELECT setseed(0.2026);
CREATE UNLOGGED TABLE cohort AS
SELECT id, sex, grade, site, depth, centre, age, size_cm, ki67,
       ceil(least(te, tc))::float8 AS time, (te <= tc)::int AS status
FROM (
  SELECT *, -ln(1 - random()) / (0.00015 * exp(0.2 * (sex = 'male')::int + 0.7 * (grade = 'high')::int
              + 0.3 * (site = 'trunk')::int + 0.4 * (depth = 'deep')::int - 0.2 * (centre = 'referral')::int
              + 0.02 * (age - 55) + 0.05 * size_cm + 0.01 * ki67)) AS te,
            1 + random() * 3650 AS tc
  FROM (
    SELECT g AS id,
      CASE WHEN random() < 0.5 THEN 'female' ELSE 'male' END AS sex,
      CASE WHEN random() < 0.6 THEN 'high' ELSE 'low' END AS grade,
      CASE WHEN random() < 0.7 THEN 'extremity' ELSE 'trunk' END AS site,
      CASE WHEN random() < 0.65 THEN 'deep' ELSE 'superficial' END AS depth,
      CASE WHEN random() < 0.4 THEN 'referral' ELSE 'regional' END AS centre,
      round((30 + random() * 55)::numeric, 1)::float8 AS age,
      round((1 + random() * 20)::numeric, 1)::float8 AS size_cm,
      round((random() * 60)::numeric)::float8 AS ki67
    FROM generate_series(1, $ROWS) g) a) b;
ANALYZE cohort;
SQL
  echo "generated in $(echo "$(date +%s.%N) - $t0" | bc) s" >&2
fi
[ "$GEN_ONLY" = 1 ] && exit 0
COX_ROWS=${COX_ROWS:-$ROWS}
COX_TABLE=cohort
if [ "$COX_ROWS" != "$ROWS" ]; then
  COX_TABLE=cohort_cox
  have_cox=0
  if [ "$("${PSQL[@]}" -c "SELECT to_regclass('cohort_cox') IS NOT NULL")" = t ]; then
    have_cox=$("${PSQL[@]}" -c "SELECT count(*) FROM cohort_cox")
  fi
  if [ "$have_cox" != "$COX_ROWS" ]; then
    "${PSQL[@]}" -c "DROP TABLE IF EXISTS cohort_cox" \
      -c "CREATE UNLOGGED TABLE cohort_cox AS SELECT * FROM cohort WHERE id <= $COX_ROWS" -c "ANALYZE cohort_cox"
  fi
fi
table_bytes=$("${PSQL[@]}" -c "SELECT pg_total_relation_size('cohort')")

echo "building survkit (release, --traits Postgres) ..." >&2
(cd "$ROOT" && swift build -c release --traits Postgres --product survkit >/dev/null)
SURVKIT="$ROOT/.build/release/survkit"
RUN="$DATA/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN"

KM_FORMULA='Surv(time, status) ~ sex'
COX_FORMULA='Surv(time, status) ~ sex + grade + site + depth + centre + age + size_cm + ki67'

# timed NAME CMD...: wall seconds and peak RSS (MB) of CMD into $RUN/NAME.{json,time}
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$RUN/$name.time" "$@" >"$RUN/$name.out" 2>"$RUN/$name.err" ||
    { echo "step $name failed: $(tail -3 "$RUN/$name.err")" >&2; echo "fail 0" >"$RUN/$name.time"; }
}
wall() { awk '{print $1}' "$RUN/$1.time"; }
rss() { awk '{printf "%.0f", $2 / 1024}' "$RUN/$1.time"; }
received() { jq -r '.input.bytes_received // empty' "$RUN/$1.out" 2>/dev/null || true; }

echo "push-down: km, cox ..." >&2
timed db-km "$SURVKIT" km --db "$URL" --db-table cohort --formula "$KM_FORMULA" --format json
timed db-cox "$SURVKIT" cox --db "$URL" --db-table "$COX_TABLE" --formula "$COX_FORMULA" --format json
if [ "$EXPORT" = 1 ]; then
  echo "export to CSV and fit locally ..." >&2
  timed export psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc \
    "\\copy cohort (sex, grade, site, depth, centre, age, size_cm, ki67, time, status) TO '$RUN/cohort.csv' CSV HEADER"
  csv_bytes=$(stat -c %s "$RUN/cohort.csv")
  timed csv-km "$SURVKIT" km "$RUN/cohort.csv" --formula "$KM_FORMULA" --format json
  if [ "$COX_TABLE" != cohort ]; then
    rm -f "$RUN/cohort.csv"
    timed export-cox psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc \
      "\\copy $COX_TABLE (sex, grade, site, depth, centre, age, size_cm, ki67, time, status) TO '$RUN/cohort.csv' CSV HEADER"
    cox_csv_bytes=$(stat -c %s "$RUN/cohort.csv")
  fi
  timed csv-cox "$SURVKIT" cox "$RUN/cohort.csv" --formula "$COX_FORMULA" --format json
  agree=$(python3 - "$RUN" <<'PY'
import json, sys
run = sys.argv[1]
def load(n):
    try: return json.load(open(f"{run}/{n}.out"))
    except Exception: return None
out = []
a, b = load("db-cox"), load("csv-cox")
if a and b:
    d = max(abs(x["coef"] - y["coef"]) / max(abs(y["coef"]), 1e-12) for x, y in zip(a["coefficients"], b["coefficients"]))
    out.append(f"cox coefficients max rel. diff {d:.1e}")
a, b = load("db-km"), load("csv-km")
if a and b:
    d = max(abs(x - y) for sa, sb in zip(a["strata"], b["strata"]) for x, y in zip(sa["survival"], sb["survival"]))
    out.append(f"km survival max abs diff {d:.1e}")
print("; ".join(out) or "no comparison (a step failed)")
PY
)
  rm -f "$RUN/cohort.csv"
fi

load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "## Warehouse push-down, $(printf "%'d" "$ROWS") rows — $(date -u +%Y-%m-%d\ %H:%M) UTC"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), PostgreSQL 15 on loopback"
  echo "(shared_buffers 1 GB, 2 parallel workers), survkit release --traits Postgres; load average $load at the end."
  echo "Table \`cohort\`: $(numfmt --to=iec "$table_bytes") in PostgreSQL."
  echo
  echo "| step | wall | bytes to survkit | survkit peak RSS |"
  echo "| --- | --- | --- | --- |"
  echo "| km in the database (one GROUP BY) | $(wall db-km) s | $(received db-km) | $(rss db-km) MB |"
  echo "| cox in the database ($(printf "%'d" "$COX_ROWS") rows, 8 covariates, one query per Newton step) | $(wall db-cox) s | $(received db-cox) | $(rss db-cox) MB |"
  if [ "$EXPORT" = 1 ]; then
    echo "| export to CSV (\`\\copy\`) | $(wall export) s | $csv_bytes | – |"
    echo "| km on the CSV | $(wall csv-km) s | – | $(rss csv-km) MB |"
    if [ "$COX_TABLE" != cohort ]; then
      echo "| export the Cox rows to CSV | $(wall export-cox) s | $cox_csv_bytes | – |"
    fi
    echo "| cox on the CSV ($(printf "%'d" "$COX_ROWS") rows) | $(wall csv-cox) s | – | $(rss csv-cox) MB |"
    echo
    echo "Agreement: $agree."
  fi
  echo
} | tee "$RUN/report.md"
if [ "$RECORD" = 1 ]; then
  python3 - "$ROOT/benchmarks/README.md" "$RUN/report.md" <<'PY'
import sys
readme, report = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
marker = "\n## "
i = text.find(marker)
text = text + "\n" + report if i < 0 else text[:i] + "\n" + report.rstrip() + "\n" + text[i:]
open(readme, "w").write(text)
PY
  echo "recorded in benchmarks/README.md" >&2
fi
