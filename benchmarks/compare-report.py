"""Report of one benchmarks/compare.sh run: the table of times, ratios and peak RSS, and
the agreement checks (survkit against R). Markdown on stdout, so that --record can paste
it into benchmarks/README.md as it is.

    python3 benchmarks/compare-report.py RUN_FOLDER

Exit status 1 when a check against R fails (survkit Cox coefficients vs coxph.fit beyond
1e-9 relative, a KM median per group that differs, a log-rank chi-square beyond 1e-9
relative); a check that could not be made (a step skipped or failed) does not fail.
"""
import csv
import json
import math
import os
import sys

TOLERANCE = 1e-9
SIZE_LABEL = {"1m": "1M × 20 + g", "1m3": "1M × 3", "10m": "10M × 20 + g", "10m3": "10M × 3", "80m": "80M × 3"}


def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def machine(run):
    out = {}
    with open(os.path.join(run, "machine.tsv")) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            out[key] = value
    return out


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def peer_values(path):
    """key,value lines written by compare-r.R / compare-python.py."""
    if not path or not os.path.exists(path):
        return None
    values = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.strip().rpartition(",")
            if key:
                values[key] = number(value)
    return values


def survkit_values(path, analysis):
    """The same keys from a survkit JSON answer."""
    if not path or not os.path.exists(path):
        return None
    try:
        with open(path) as f:
            answer = json.load(f)
    except (OSError, ValueError):
        return None
    if analysis == "cox":
        values = {f"coef:{c['term']}": c["coef"] for c in answer["coefficients"]}
        values["loglik"] = answer["loglik"]
        return values
    if analysis == "km":
        return {f"median:{s['label']}": s["median"] for s in answer["strata"]}
    if analysis == "logrank":
        return {"chisq": answer["statistic"]}
    return None


def relative(a, b):
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)):
        return math.inf
    return abs(a - b) / max(abs(b), 1e-300) if b != 0 else abs(a - b)


def compare(values, reference, prefix):
    """Max relative difference over the reference's keys with that prefix (inf if one is missing)."""
    keys = [k for k in reference if k.startswith(prefix)]
    if not keys:
        return math.inf, "no values"
    worst, worst_key = 0.0, keys[0]
    for k in keys:
        r = relative(values.get(k), reference[k])
        if r > worst:
            worst, worst_key = r, k
    return worst, worst_key


def fmt_seconds(text):
    x = number(text)
    if x is None:
        return ""
    return f"{x:.2f}" if x >= 0.1 else f"{x:.3f}"


def main():
    run = sys.argv[1]
    info = machine(run)
    rows = read_tsv(os.path.join(run, "results.tsv"))
    small = info.get("rows_1m", "1000000")
    if small != "1000000":  # a SURVKIT_BENCH_ROWS smoke test
        SIZE_LABEL["1m"] = f"{int(small):,} × 20 + g (smoke test)"

    survkit_time = {(r["size"], r["analysis"]): number(r["seconds"])
                    for r in rows if r["tool"] == "survkit" and r["status"] == "ok"}

    print(f"## Side by side (`compare.sh`), {info.get('date', '?')}")
    print()
    print(f"Machine: `nproc` {info.get('nproc')}, {info.get('cpu')}, {info.get('memory')} RAM; "
          f"load average before {info.get('load_before')}, after {info.get('load_after')}; "
          f"every step at nice {info.get('nice')}"
          + (f", best of {info.get('reps')} rounds" if info.get('reps', '1') != '1' else "")
          + f"; mode {info.get('mode')}.")
    print(f"survkit `{info.get('survkit', '?')}`, {info.get('swift', '?')}.")
    if info.get("r"):
        print(f"R {info['r']}.")
    if info.get("python"):
        print(f"{info['python']}.")
    print()
    print("| cohort | analysis | tool | step | time (s) | ÷ survkit | read (s) | peak RSS (MB) | note |")
    print("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        seconds = number(r["seconds"])
        base = survkit_time.get((r["size"], r["analysis"]))
        ratio = ""
        if r["tool"] != "survkit" and seconds is not None and base:
            ratio = f"{seconds / base:.1f}×" if seconds / base >= 0.95 else f"{seconds / base:.2f}×"
        status = "" if r["status"] == "ok" else f"**{r['status']}**"
        note = "; ".join(x for x in (status, r["note"]) if x)
        print(f"| {SIZE_LABEL.get(r['size'], r['size'])} | {r['analysis']} | {r['tool']} | {r['step']} | "
              f"{fmt_seconds(r['seconds'])} | {ratio} | {fmt_seconds(r['read'])} | {r['rss_mb']} | {note} |")
    print()
    print("survkit rows time the whole command (process start to exit: read the CSV, build the "
          "frame, fit, write JSON). R and Python rows time the named step inside their process; "
          "\"in memory\" rows exclude the read, which is shown under *read*. ÷ survkit is the row's "
          "time over the survkit command for the same cohort and analysis (above 1: survkit is "
          "faster). Peak RSS is the whole process's (GNU time `%M`).")
    print()

    # --- checks -----------------------------------------------------------------------
    failed = False
    lines = []
    sizes = sorted({r["size"] for r in rows}, key=lambda s: list(SIZE_LABEL).index(s) if s in SIZE_LABEL else 9)
    for size in sizes:
        here = [r for r in rows if r["size"] == size and r["status"] == "ok"]
        for analysis, prefix, what in (("cox", "coef:", "Cox coefficients"),
                                       ("km", "median:", "KM medians by group"),
                                       ("logrank", "chisq", "log-rank chi-square")):
            sk = next((r for r in here if r["tool"] == "survkit" and r["analysis"] == analysis), None)
            candidates = [r for r in here if r["tool"] == "R" and r["analysis"] == analysis]
            if analysis == "cox":
                candidates = [r for r in candidates if "coxph.fit" in r["step"]]
            ref_row = candidates[-1] if candidates else None
            if not any(r["size"] == size and r["analysis"] == analysis and r["tool"] == "survkit" for r in rows):
                continue
            label = f"{SIZE_LABEL.get(size, size)}, {what}"
            sv = survkit_values(sk["values"], analysis) if sk else None
            rv = peer_values(ref_row["values"]) if ref_row else None
            if sv is None or rv is None:
                missing = "survkit" if sv is None else "R"
                lines.append(f"- {label}: not checked ({missing} step skipped or failed)")
                continue
            worst, key = compare(sv, rv, prefix)
            ok = worst <= TOLERANCE
            failed |= not ok
            ref_name = "R " + ref_row["step"]
            if analysis == "km":
                pairs = ", ".join(f"{k.split(':', 1)[1]} {sv.get(k)} / {rv[k]:g}" if rv[k] is not None
                                  else f"{k.split(':', 1)[1]} {sv.get(k)} / NA" for k in rv)
                lines.append(f"- {label}: survkit / {ref_name}: {pairs} — "
                             f"{'PASS' if ok else 'FAIL'}")
            else:
                extra = ""
                if analysis == "logrank":
                    extra = f" (survkit {sv['chisq']:.10g}, R {rv['chisq']:.10g})"
                elif "loglik" in rv and "loglik" in sv:
                    extra = f" (loglik survkit {sv['loglik']:.6f}, R {rv['loglik']:.6f})"
                lines.append(f"- {label}: max relative difference survkit vs {ref_name} "
                             f"{worst:.1e} at {key}{extra} — {'PASS' if ok else 'FAIL'} (≤ {TOLERANCE:g})")
            # peers against the same R reference: for information only
            for peer in here:
                if peer["analysis"] != analysis or peer["tool"] in ("survkit",) or peer is ref_row:
                    continue
                pv = peer_values(peer["values"])
                if not pv:
                    continue
                pw, pk = compare(pv, rv, prefix)
                lines.append(f"  - {peer['tool']} {peer['step']} vs {ref_name}: max relative difference {pw:.1e}"
                             + ("" if pw <= TOLERANCE else f" (at {pk}; not a survkit check)"))
    print("Agreement with R:")
    print()
    print("\n".join(lines) if lines else "- nothing to check (no R steps ran)")
    print()
    sys.exit(1 if failed else 0)


main()
