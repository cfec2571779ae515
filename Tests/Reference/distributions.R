#!/usr/bin/env Rscript
# Reference values for SurvivalNumerics' distribution functions
# (Tests/SurvivalNumericsTests/DistributionReferenceTests.swift).
#
# Writes Tests/Fixtures/distributions.json: rows
#   {"fn": ..., "x": ..., "a": ..., "b": ..., "r": <R value>, "expected": ...}
# where `a`/`b` are the parameters (df; df1/df2; gamma shape; beta shapes; for
# the Poisson limits `x` is the count and `a` the confidence level).
#
# `expected` is R's value, except where R (4.2.2) is itself less accurate than
# the 1e-12 relative target: Tests/Reference/distributions_mpmath.py then
# recomputes every row with mpmath at 50 significant digits, and for rows where
# R and mpmath differ by more than 1e-13 relative it replaces `expected` by the
# mpmath value and sets "reference": "mpmath" (R's value stays in "r").
# Run from the repository root:
#   Rscript Tests/Reference/distributions.R && python3 Tests/Reference/distributions_mpmath.py

rows <- list()
add <- function(fn, x, a = NA, b = NA, value) {
  rows[[length(rows) + 1]] <<- list(fn = fn, x = x, a = a, b = b, r = value)
}

# Normal: centre, moderate and extreme tails (upper tail down to ~1e-300).
for (x in c(-38, -20, -8.5, -3, -1, -0.5, 0.3, 0.67, 1.96, 4, 7.5, 12, 30, 37))
  add("pnorm_upper", x, value = pnorm(x, lower.tail = FALSE))
for (x in c(-37, -10, -2.5, 0.1, 1.2))
  add("pnorm", x, value = pnorm(x))
for (p in c(1e-300, 1e-50, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999))
  add("qnorm", p, value = qnorm(p))
for (q in c(1e-300, 1e-20, 0.05))
  add("qnorm_upper", q, value = qnorm(q, lower.tail = FALSE))

# Chi-square: non-integer df, tails to ~1e-300.
chisq <- list(c(0.001, 0.5), c(0.3, 0.5), c(3.84, 1), c(1380, 1), c(700, 1), c(12, 2.5),
              c(0.2, 2.5), c(150, 150), c(220, 150), c(90, 150), c(1600, 150), c(50, 3),
              c(1e-5, 4), c(25, 10), c(300, 30), c(2.5, 0.5), c(40, 1))
for (v in chisq) {
  add("pchisq_upper", v[1], v[2], value = pchisq(v[1], v[2], lower.tail = FALSE))
}
for (v in list(c(0.001, 0.5), c(0.2, 2.5), c(90, 150), c(1e-5, 4), c(5, 1), c(1e-3, 150)))
  add("pchisq", v[1], v[2], value = pchisq(v[1], v[2]))
for (v in list(c(0.95, 1), c(0.5, 2.5), c(0.01, 0.5), c(1e-10, 3), c(0.999, 150), c(0.05, 150), c(1e-100, 2)))
  add("qchisq", v[1], v[2], value = qchisq(v[1], v[2]))
# The last row: R's qchisq is off by 4.7e-11 relative (its upper-tail
# probability at R's answer is 4.98561909e-14), so mpmath is the reference.
for (v in list(c(1e-300, 1), c(1e-50, 2.5), c(0.05, 1), c(1e-8, 150), c(0.3, 0.5),
               c(4.985619113465642e-14, 303.01798563373677)))
  add("qchisq_upper", v[1], v[2], value = qchisq(v[1], v[2], lower.tail = FALSE))

# Gamma functions.
for (x in c(0.1, 0.5, 2.5, 7.3, 30, 171.5, 1e5))
  add("lgamma", x, value = lgamma(x))
for (v in list(c(0.5, 0.25), c(3, 2.5), c(10, 20), c(0.1, 100), c(75, 80)))
  add("pgamma", v[1], v[2], value = pgamma(v[1], v[2]))
for (v in list(c(0.5, 0.25), c(3, 2.5), c(500, 10), c(80, 75), c(650, 0.5)))
  add("pgamma_upper", v[1], v[2], value = pgamma(v[1], v[2], lower.tail = FALSE))

# Beta functions.
for (v in list(c(0.5, 0.5), c(2.5, 7), c(30, 40), c(0.1, 200), c(75, 1.25)))
  add("lbeta", NA, v[1], v[2], value = lbeta(v[1], v[2]))
for (v in list(c(0.2, 2, 3), c(0.5, 0.5, 0.5), c(0.001, 2.5, 0.5), c(0.9, 30, 5), c(0.3, 75, 75)))
  add("pbeta", v[1], v[2], v[3], value = pbeta(v[1], v[2], v[3]))
for (v in list(c(0.2, 2, 3), c(0.999, 2.5, 0.5), c(0.9, 30, 5), c(0.7, 75, 75)))
  add("pbeta_upper", v[1], v[2], v[3], value = pbeta(v[1], v[2], v[3], lower.tail = FALSE))

# Student t: small, non-integer and large df; far tails.
for (v in list(c(2.1, 3), c(-1.5, 2.5), c(0.3, 0.5), c(40, 1), c(1e10, 2.5), c(8, 150), c(1e20, 3),
               c(-0.01, 10), c(3.5, 1000), c(1e100, 0.5)))
  add("pt_upper", v[1], v[2], value = pt(v[1], v[2], lower.tail = FALSE))
for (v in list(c(-2.1, 3), c(1.5, 2.5), c(-50, 150)))
  add("pt", v[1], v[2], value = pt(v[1], v[2]))
for (v in list(c(0.975, 3), c(0.025, 2.5), c(0.9, 150), c(1e-10, 5), c(0.6, 0.5)))
  add("qt", v[1], v[2], value = qt(v[1], v[2]))
# R's qt is itself inaccurate for small non-integer df in the tails (~10% at
# t ~ 1e161, where pt at R's answer is 1.47e-173, not 1.64e-173; 6e-10 for
# df 0.867, p 2.5e-7), so distributions_mpmath.py substitutes mpmath there.
for (v in list(c(1e-50, 3), c(0.005, 10), c(1.639861188158007e-173, 1.0704056820688914),
               c(2.4884573651193533e-07, 0.8669428832976607)))
  add("qt_upper", v[1], v[2], value = qt(v[1], v[2], lower.tail = FALSE))

# F distribution.
for (v in list(c(3, 2, 10), c(0.5, 2.5, 0.5), c(150, 5, 150), c(1e6, 1, 1), c(1.1, 150, 150), c(40, 3, 30)))
  add("pf_upper", v[1], v[2], v[3], value = pf(v[1], v[2], v[3], lower.tail = FALSE))
for (v in list(c(3, 2, 10), c(0.01, 5, 2.5), c(0.8, 150, 150)))
  add("pf", v[1], v[2], v[3], value = pf(v[1], v[2], v[3]))

# Exact Poisson limits (Garwood), as poisson.test.
for (v in list(c(0, 0.95), c(1, 0.95), c(7, 0.95), c(42, 0.9), c(1000, 0.99)))  {
  ci <- poisson.test(v[1], conf.level = v[2])$conf.int
  if (v[1] > 0) add("poisson_lower", v[1], v[2], value = ci[1])
  add("poisson_upper", v[1], v[2], value = ci[2])
}

# jsonlite prints at most 15 significant digits, so numbers are formatted by
# hand with %.17g (round-trip exact); NA becomes null, +-Inf become strings.
num <- function(v) {
  if (is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) '"Inf"' else '"-Inf"')
  sprintf("%.17g", v)
}
lines <- vapply(rows, function(r) {
  sprintf('  {"fn": "%s", "x": %s, "a": %s, "b": %s, "r": %s, "expected": %s, "reference": "R"}',
          r$fn, num(r$x), num(r$a), num(r$b), num(r$r), num(r$r))
}, "")
writeLines(c("[", paste(lines, collapse = ",\n"), "]"), "Tests/Fixtures/distributions.json")
cat(length(rows), "rows written\n")
