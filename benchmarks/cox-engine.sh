#!/bin/sh
# Engine-only Cox benchmark (formerly compare.sh; the side-by-side command is now
# benchmarks/compare.sh): runs the Swift and R Cox fits on the same seeded 1M x 20 cohort and
# compares coefficients and times. From the repository root:
#   sh benchmarks/cox-engine.sh [/tmp/cox-bench.csv] [ROWS]
set -e
CSV=${1:-/tmp/cox-bench.csv}
ROWS=${2:-1000000}
swift build -c release --package-path Benchmarks >/dev/null
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), CPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
Benchmarks/.build/release/cox-bench "$CSV" "$ROWS" | tee "$CSV.swift.log"
Rscript benchmarks/run-r.R "$CSV" | tee "$CSV.r.log"
Rscript -e '
args <- commandArgs(TRUE)
s <- read.csv(paste0(args[1], ".swift-coef.csv")); r <- read.csv(paste0(args[1], ".r-coef.csv"))
m <- merge(s, r, by = c("ties", "term"), suffixes = c(".swift", ".r"))
rel <- abs(m$coef.swift - m$coef.r) / pmax(abs(m$coef.r), 1e-12)
cat(sprintf("max relative coefficient difference: efron %.2e, breslow %.2e\n",
            max(rel[m$ties == "efron"]), max(rel[m$ties == "breslow"])))
' "$CSV"
for ties in efron breslow; do
  sw=$(grep "swift $ties:" "$CSV.swift.log" | sed -E "s/.*: ([0-9.]+) s.*/\1/")
  rf=$(grep "R $ties:" "$CSV.r.log" | sed -E "s/.*coxph.fit ([0-9.]+) s.*/\1/")
  rc=$(grep "R $ties:" "$CSV.r.log" | sed -E "s/.*coxph ([0-9.]+) s .*/\1/")
  echo "$ties: swift $sw s, R coxph.fit $rf s (ratio $(echo "$rf / $sw" | bc -l | cut -c1-5)), R coxph $rc s (ratio $(echo "$rc / $sw" | bc -l | cut -c1-5))"
done
Benchmarks/.build/release/import-bench "$CSV" --reps 1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
