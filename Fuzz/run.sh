#!/usr/bin/env bash
# Builds one libFuzzer target (release, -sanitize=fuzzer,address) and runs it.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is fuzz-csv, fuzz-statfile, fuzz-formula or fuzz-subset. New corpus
# inputs go to a scratch directory under /tmp (never committed; override with
# FUZZ_SCRATCH), the committed seeds in Fuzz/corpus/TARGET are read but not
# written, crashes/timeouts/OOMs go to Fuzz/crashes/TARGET/. The run is niced
# (19) so that builds on a shared machine proceed. FUZZ_NO_BUILD=1 skips the
# build. The full log is written to $scratch.log. Exit status: libFuzzer's
# (0 when the time ran out without a finding).
#
# -detect_leaks=0: LeakSanitizer reports the fixed cohort (a lazily
# initialised Swift global that lives for the whole process) and Swift runtime
# caches as leaks at exit; leaks are not what these targets look for.
set -uo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
case $target in
    fuzz-csv | fuzz-statfile | fuzz-formula | fuzz-subset) ;;
    *) echo "unknown target '$target' (fuzz-csv, fuzz-statfile, fuzz-formula, fuzz-subset)" >&2; exit 2 ;;
esac

fuzz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz")
cd "$root" || exit 1

if [[ -z ${FUZZ_NO_BUILD:-} ]]; then
    # Both flags are needed: `--sanitize fuzzer` for the link (libFuzzer's main),
    # `-Xswiftc -sanitize=fuzzer,address` for coverage + ASan (two --sanitize
    # options silently drop the coverage instrumentation).
    nice -n 19 swift build -c release --package-path Fuzz --product "$target" \
        --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address || exit 1
fi
binary=$(swift build -c release --package-path Fuzz --show-bin-path --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address)/$target

scratch=${FUZZ_SCRATCH:-/tmp/survkit-fuzz/$target}
mkdir -p "$scratch" "Fuzz/crashes/$target"
log=$scratch.log
dict=()
[[ -f Fuzz/dict/$target.dict ]] && dict=(-dict="Fuzz/dict/$target.dict")

echo "fuzzing $target for $seconds s; new corpus: $scratch; crashes: Fuzz/crashes/$target/; log: $log"
# SWIFT_BACKTRACE=enable=no: Swift's backtracer otherwise fights ASan and leaves
# a swift-backtrace process behind.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS} nice -n 19 "$binary" "$scratch" "Fuzz/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 "$@" >"$log" 2>&1 &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null' INT TERM
wait "$pid"
status=$?
# Interrupted: let libFuzzer finish writing its final stats.
if kill -0 "$pid" 2>/dev/null; then wait "$pid"; status=$?; fi
trap - INT TERM
# fuzz-statfile's scratch file is left behind when an input crashes the process.
rm -f "/tmp/survkit-fuzz-statfile-$pid".*

# The final stats: the last status line (execs, cov, ft, corpus) and libFuzzer's stat:: lines.
grep -E '^#[0-9]+' "$log" | tail -n 1
grep -E '^stat::' "$log" | awk '!seen[$0]++'
grep -E 'ERROR: (libFuzzer|AddressSanitizer)|SUMMARY|Test unit written' "$log"
echo "corpus files: $(find "$scratch" -type f | wc -l) new in $scratch, $(find "Fuzz/corpus/$target" -type f | wc -l) seeds"
exit $status
