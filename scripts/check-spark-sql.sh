#!/usr/bin/env bash
# Checks that the SQL `survkit sql --dialect spark` prints runs unchanged in Spark SQL
# (pyspark in local mode) and gives the aggregates survkit computes itself:
#  1. the grouping queries of km and cox (categorical covariates), run in Spark and fitted
#     with --counts n, give the JSON of the same analyses on the rows (to 1e-10);
#  2. the Cox moments, absolute-deviation and per-iteration queries (numeric covariates, at a
#     given beta) equal the same sums computed from the rows in Python (to 1e-10 relative).
# Not part of CI. Needs pyspark (pip install pyspark) and Java 17; exits 0 with a note when
# pyspark does not import. From the repository root: bash scripts/check-spark-sql.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import pyspark" 2>/dev/null; then
  echo "check-spark-sql: pyspark does not import (pip install pyspark); nothing checked"
  exit 0
fi
swift build --product survkit >/dev/null
export SPARK_LOCAL_IP=127.0.0.1   # local mode on loopback only
SURVKIT=${SURVKIT:-.build/debug/survkit}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA=datasets/sarcoma_patients.csv
KM_FORMULA="Surv(os_years, os_status) ~ grade + strata(margin)"
COX_CAT_FORMULA="Surv(os_years, os_status) ~ grade + depth + strata(margin)"
COX_NUM_FORMULA="Surv(os_years, os_status) ~ age + size_cm + strata(margin)"
BETA="0.0125,-0.031"
MEANS="55.5,8.25"

"$SURVKIT" sql --dialect spark --table cohort --analysis km --formula "$KM_FORMULA" --categorical grade,margin > "$WORK/km.sql"
"$SURVKIT" sql --dialect spark --table cohort --analysis cox --formula "$COX_CAT_FORMULA" --categorical grade,depth,margin > "$WORK/coxcat.sql"
for q in moments deviations iteration; do
  "$SURVKIT" sql --dialect spark --table cohort --analysis cox --formula "$COX_NUM_FORMULA" --categorical margin \
    --query "$q" --beta "$BETA" --means "$MEANS" > "$WORK/cox-$q.sql"
done

python3 - "$DATA" "$WORK" "$BETA" "$MEANS" <<'PY'
import csv, math, os, sys
from pyspark.sql import SparkSession
data, work, beta, means = sys.argv[1], sys.argv[2], [float(b) for b in sys.argv[3].split(",")], [float(m) for m in sys.argv[4].split(",")]
spark = (SparkSession.builder.master("local[2]").appName("survkit-sql-check")
         .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
df = spark.read.csv(data, header=True, inferSchema=True)
df.createOrReplaceTempView("cohort")

def run(name):
    sql = open(os.path.join(work, name)).read().strip()
    sql = "\n".join(l for l in sql.splitlines() if not l.startswith("--")).rstrip(";")
    return spark.sql(sql)

for name in ["km", "coxcat"]:
    out = run(name + ".sql")
    rows = out.collect()
    with open(os.path.join(work, name + "-groups.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(out.columns)
        for r in rows:
            w.writerow(["" if v is None else (repr(float(v)) if isinstance(v, float) else v) for v in r])
    print(f"spark {name}: {len(rows)} groups")

# Cox sums from the rows in Python, as survkit's SQL defines them.
rows = list(csv.DictReader(open(data)))
def num(r, c):
    v = r[c]
    return None if v in ("", "NA") else float(v)
used = [r for r in rows if all(r[c] not in ("", "NA") for c in ["os_years", "os_status", "age", "size_cm", "margin"])]
X = [[num(r, "age"), num(r, "size_cm")] for r in used]
worst = 0.0
def close(a, b, what):
    global worst
    rel = abs(a - b) / max(abs(b), 1e-300) if b != 0 else abs(a)
    worst = max(worst, rel)
    if rel > 1e-10:
        raise SystemExit(f"{what}: spark {a!r}, python {b!r} (relative {rel:.3g})")
m = run("cox-moments.sql").collect()[0].asDict()
close(m["subjects"], float(len(used)), "subjects")
close(m["events"], float(sum(1 for r in used if num(r, "os_status") == 1)), "events")
for j in range(2):
    close(m[f"sum_{j}"], math.fsum(x[j] for x in X), f"sum_{j}")
d = run("cox-deviations.sql").collect()[0].asDict()
for j in range(2):
    close(d[f"absdev_{j}"], math.fsum(abs(x[j] - means[j]) for x in X), f"absdev_{j}")
cells = {}
for r, x in zip(used, X):
    z = [x[j] - means[j] for j in range(2)]
    e = math.exp(sum(beta[j] * z[j] for j in range(2)))
    dead = 1.0 if num(r, "os_status") == 1 else 0.0
    key = (r["margin"], num(r, "os_years"))
    c = cells.setdefault(key, {"deaths": [], "risk": [], "risk_x_0": [], "risk_xx_1_0": [], "death_risk_xx_1_1": []})
    c["deaths"].append(dead); c["risk"].append(e); c["risk_x_0"].append(e * z[0])
    c["risk_xx_1_0"].append(e * z[1] * z[0]); c["death_risk_xx_1_1"].append(dead * e * z[1] * z[1])
it = run("cox-iteration.sql").collect()
if len(it) != len(cells):
    raise SystemExit(f"iteration: spark {len(it)} cells, python {len(cells)}")
for row in it:
    c = cells[(row["s_0"], row["t"])]
    for k in c:
        close(row[k], math.fsum(c[k]), f"{k} at ({row['s_0']}, {row['t']})")
print(f"spark cox sums: {len(it)} (stratum, time) cells, worst relative difference {worst:.3g}")
spark.stop()
PY

compare() {  # JSON numbers of $1 and $2 agree to 1e-10 (input keys aside)
  python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
worst = [0.0]
def walk(x, y, path):
    if isinstance(x, dict):
        for k in x:
            if k in ("input", "rows", "warnings"): continue  # the grouped file has other rows
            if k not in y: raise SystemExit(f"{path}.{k}: missing")
            walk(x[k], y[k], f"{path}.{k}")
    elif isinstance(x, list):
        if len(x) != len(y): raise SystemExit(f"{path}: {len(x)} vs {len(y)} elements")
        for i, (u, v) in enumerate(zip(x, y)): walk(u, v, f"{path}[{i}]")
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        d = abs(x - y) / max(abs(y), 1e-12)
        worst[0] = max(worst[0], d)
        if d > 1e-10: raise SystemExit(f"{path}: {x} vs {y}")
    elif x != y and not path.endswith("warnings"):
        raise SystemExit(f"{path}: {x!r} vs {y!r}")
walk(a, b, "$")
print(f"  agree, worst relative difference {worst[0]:.3g}")
PY
}
echo "km: Spark grouping + --counts vs the rows"
"$SURVKIT" km "$WORK/km-groups.csv" --counts n --formula "$KM_FORMULA" --format json > "$WORK/km-spark.json"
"$SURVKIT" km "$DATA" --formula "$KM_FORMULA" --format json > "$WORK/km-rows.json"
compare "$WORK/km-spark.json" "$WORK/km-rows.json"
echo "cox (categorical): Spark grouping + --counts vs the rows"
"$SURVKIT" cox "$WORK/coxcat-groups.csv" --counts n --formula "$COX_CAT_FORMULA" --format json > "$WORK/coxcat-spark.json"
"$SURVKIT" cox "$DATA" --formula "$COX_CAT_FORMULA" --format json > "$WORK/coxcat-rows.json"
compare "$WORK/coxcat-spark.json" "$WORK/coxcat-rows.json"
echo "check-spark-sql: all agree"
