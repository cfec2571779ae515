#!/usr/bin/env python3
"""Cross-check Tests/Fixtures/distributions.json (written by distributions.R)
against mpmath at 50 significant digits.

Every row gets an "mpmath" field. Where R's value differs from mpmath by more
than 1e-13 relative, R is taken to be less accurate than the 1e-12 target
allows for, and the row's "expected" becomes the mpmath value with
"reference": "mpmath" (R's value is kept in "r"). Run after distributions.R:
    python3 Tests/Reference/distributions_mpmath.py
Requires `pip install mpmath` (1.3.0 used).
"""
import json
import mpmath as mp

mp.mp.dps = 50
PATH = "Tests/Fixtures/distributions.json"


def f(v):
    return mp.mpf(v) if not isinstance(v, str) else mp.mpf(v.replace("Inf", "inf"))


def P(a, x):  # regularized lower incomplete gamma
    return mp.gammainc(a, 0, x, regularized=True)


def Q(a, x):
    return mp.gammainc(a, x, mp.inf, regularized=True)


def Ibeta(x, a, b):
    return mp.betainc(a, b, 0, x, regularized=True)


def Ibeta_upper(x, a, b):
    # I_{1-x}(b, a) directly: betainc(a, b, x, 1) loses the digits of tiny tails.
    return mp.betainc(b, a, 0, 1 - mp.mpf(x), regularized=True)


def solve_monotone(fun, target, lo, hi):
    """Bisection in log space on a monotone function (robust, high precision)."""
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    inc = fun(hi) > fun(lo)
    for _ in range(400):
        mid = mp.sqrt(lo * hi) if lo > 0 else (lo + hi) / 2
        v = fun(mid)
        if (v < target) == inc:
            lo = mid
        else:
            hi = mid
        if hi - lo <= mp.mpf(10) ** -45 * abs(hi):
            break
    return (lo + hi) / 2


def pt_upper(t, nu):
    t = mp.mpf(t)
    x = nu / (nu + t * t)
    half = Ibeta(x, nu / 2, mp.mpf(1) / 2) / 2
    return half if t > 0 else 1 - half


def qgamma(p, a, upper=False):
    fun = (lambda x: Q(a, x)) if upper else (lambda x: P(a, x))
    return solve_monotone(fun, p, mp.mpf(10) ** -400, mp.mpf(10) ** 6)


def qt_upper(q, nu):
    q = mp.mpf(q)
    if q > mp.mpf(1) / 2:
        return -qt_upper(1 - q, nu)
    return solve_monotone(lambda t: pt_upper(t, nu), q, mp.mpf(10) ** -30, mp.mpf(10) ** 300)


def value(row):
    fn, x, a, b = row["fn"], row["x"], row["a"], row["b"]
    x = f(x) if x is not None else None
    a = f(a) if a is not None else None
    b = f(b) if b is not None else None
    if fn == "pnorm":
        return mp.ncdf(x)
    if fn == "pnorm_upper":
        return mp.erfc(x / mp.sqrt(2)) / 2
    if fn == "qnorm":
        return -mp.sqrt(2) * mp.erfinv(1 - 2 * x) if x > 1e-20 else -mp.sqrt(2 * qgamma(2 * x, mp.mpf(1) / 2, upper=True))
    if fn == "qnorm_upper":
        return mp.sqrt(2 * qgamma(2 * x, mp.mpf(1) / 2, upper=True)) if x < 0.5 else None
    if fn == "pchisq":
        return P(a / 2, x / 2)
    if fn == "pchisq_upper":
        return Q(a / 2, x / 2)
    if fn == "qchisq":
        return 2 * qgamma(x, a / 2)
    if fn == "qchisq_upper":
        return 2 * qgamma(x, a / 2, upper=True)
    if fn == "lgamma":
        return mp.loggamma(x)
    if fn == "pgamma":
        return P(a, x)
    if fn == "pgamma_upper":
        return Q(a, x)
    if fn == "lbeta":
        return mp.log(mp.beta(a, b))
    if fn == "pbeta":
        return Ibeta(x, a, b)
    if fn == "pbeta_upper":
        return Ibeta_upper(x, a, b)
    if fn == "pt_upper":
        return pt_upper(x, a)
    if fn == "pt":
        return pt_upper(-x, a)
    if fn == "qt":
        return -qt_upper(x, a)
    if fn == "qt_upper":
        return qt_upper(x, a)
    if fn in ("pf", "pf_upper"):
        y = a * x / (a * x + b)
        return Ibeta(y, a / 2, b / 2) if fn == "pf" else mp.betainc(b / 2, a / 2, 0, b / (a * x + b), regularized=True)
    if fn == "poisson_lower":
        alpha = (1 - a) / 2
        return qgamma(alpha, x)
    if fn == "poisson_upper":
        alpha = (1 - a) / 2
        return qgamma(alpha, x + 1, upper=True)
    raise ValueError(fn)


def main():
    rows = json.load(open(PATH))
    replaced = 0
    worst = (0, None)
    for row in rows:
        v = value(row)
        row["mpmath"] = float(v)
        r = row["r"]
        # A true value below the double range (e.g. 1e-500) must come out as 0.
        rel = abs((mp.mpf(r) - v) / v) if float(v) != 0 else abs(mp.mpf(r))
        if rel > worst[0]:
            worst = (float(rel), row["fn"], row["x"], row["a"], row["b"])
        if rel > 1e-13:
            row["expected"] = float(v)
            row["reference"] = "mpmath"
            replaced += 1
            print(f"mpmath replaces R for {row['fn']}({row['x']}, {row['a']}, {row['b']}): R {r!r}, mpmath {float(v)!r}, rel {float(rel):.2e}")
    print(f"{len(rows)} rows; {replaced} use mpmath; worst R-vs-mpmath relative difference {worst}")
    with open(PATH, "w") as out:
        out.write("[\n")
        out.write(",\n".join("  " + json.dumps(r) for r in rows))
        out.write("\n]\n")


if __name__ == "__main__":
    main()
