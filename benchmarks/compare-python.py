"""One Python step of benchmarks/compare.sh, run in its own process so that the peak
RSS that /usr/bin/time reports belongs to that step alone.

    python3 benchmarks/compare-python.py STEP CSV VALUES_FILE

STEP (the timed part is the fit only; pandas.read_csv is timed separately, READ):
  pandas-read       pandas.read_csv(CSV), all columns (TIME is the read)
  lifelines-cox     lifelines CoxPHFitter (Efron, its only method) on x1..x20
  lifelines-km      lifelines KaplanMeierFitter, one fit per level of g
  statsmodels-km    statsmodels SurvfuncRight, one fit per level of g
  statsmodels-logrank  statsmodels.duration.survfunc.survdiff(time, status, g)
  survival-cox      the `survival` package (a Rust port of R's survival): coxph(..., ties="efron")
  survival-km       survival.survfit("Surv(time, status) ~ g"), medians by survival.quantile
  survival-logrank  survival.survdiff("Surv(time, status) ~ g")

Prints "TIME <seconds>" and "READ <seconds>", writes key,value lines to VALUES_FILE.
Exit status 3 (with a message) when a module is not importable.
"""
import sys
import time


def need(module):
    try:
        return __import__(module)
    except Exception as error:  # ImportError, or a broken install
        print(f"compare-python.py: the Python module '{module}' is not importable ({error}); "
              f"pip install {module}", file=sys.stderr)
        sys.exit(3)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: python3 compare-python.py STEP CSV VALUES_FILE")
    step, path, values_path = sys.argv[1:]
    pd = need("pandas")
    values = []

    def read(columns=None):
        t0 = time.perf_counter()
        frame = pd.read_csv(path, usecols=columns)
        print(f"READ {time.perf_counter() - t0:.3f}")
        return frame

    def timed(label, function):
        t0 = time.perf_counter()
        result = function()
        print(f"TIME {time.perf_counter() - t0:.3f}")
        return result

    group_columns = ["time", "status", "g"]

    if step == "pandas-read":
        frame = timed("read", lambda: pd.read_csv(path))
        values.append(("rows", len(frame)))
    elif step == "lifelines-cox":
        lifelines = need("lifelines")
        frame = read()
        xs = [c for c in frame.columns if c.startswith("x")]
        frame = frame[["time", "status"] + xs]
        fitter = lifelines.CoxPHFitter()
        timed("fit", lambda: fitter.fit(frame, duration_col="time", event_col="status"))
        values += [(f"coef:{k}", v) for k, v in fitter.params_.items()]
    elif step == "lifelines-km":
        lifelines = need("lifelines")
        frame = read(group_columns)

        def fit():
            out = []
            for level, part in frame.groupby("g", sort=True):
                km = lifelines.KaplanMeierFitter().fit(part["time"], part["status"])
                out.append((f"median:g={level}", km.median_survival_time_))
            return out

        values += timed("fit", fit)
    elif step == "statsmodels-km":
        need("statsmodels")
        from statsmodels.duration.survfunc import SurvfuncRight
        frame = read(group_columns)

        def fit():
            out = []
            for level, part in frame.groupby("g", sort=True):
                sf = SurvfuncRight(part["time"].to_numpy(), part["status"].to_numpy())
                out.append((f"median:g={level}", sf.quantile(0.5)))
            return out

        values += timed("fit", fit)
    elif step == "statsmodels-logrank":
        need("statsmodels")
        from statsmodels.duration.survfunc import survdiff
        frame = read(group_columns)
        chisq, _ = timed("fit", lambda: survdiff(frame["time"].to_numpy(), frame["status"].to_numpy(),
                                                  frame["g"].to_numpy()))
        values.append(("chisq", chisq))
    elif step in ("survival-cox", "survival-km", "survival-logrank"):
        survival = need("survival")
        if step == "survival-cox":
            frame = read()
            xs = [c for c in frame.columns if c.startswith("x")]
            formula = "Surv(time, status) ~ " + " + ".join(xs)
            fit = timed("fit", lambda: survival.coxph(formula, data=frame, ties="efron"))
            values += [(f"coef:{k}", v) for k, v in zip(xs, fit.coefficients)]
        elif step == "survival-km":
            frame = read(group_columns)
            fit = timed("fit", lambda: survival.survfit("Surv(time, status) ~ g", data=frame))
            q = survival.quantile(fit, 0.5)
            medians = [row[0] if hasattr(row, "__len__") else row for row in q.quantile]
            values += [(f"median:{name}", m) for name, m in zip(q.strata or fit.strata_names, medians)]
        else:
            frame = read(group_columns)
            sd = timed("fit", lambda: survival.survdiff("Surv(time, status) ~ g", data=frame))
            values.append(("chisq", sd.chisq))
    else:
        sys.exit(f"unknown step: {step}")

    with open(values_path, "w") as out:
        for key, value in values:
            out.write(f"{key},{float(value)!r}\n")


main()
