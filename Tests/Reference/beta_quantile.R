# Reference values for Beta.quantile / Beta.upperQuantile (R qbeta), used by
# the exact rate-ratio limits of `survkit rates`. Run from the repo root:
#   Rscript Tests/Reference/beta_quantile.R
# Writes Tests/Fixtures/beta_quantile.json: rows {p, a, b, lower_tail, expected}.
suppressPackageStartupMessages(library(jsonlite))
cases <- expand.grid(p = c(1e-12, 0.005, 0.025, 0.05, 0.5, 0.95),
                     a = c(0.5, 1, 3, 40, 408), b = c(1, 2.5, 96, 1000))
rows <- list()
for (i in seq_len(nrow(cases))) for (lt in c(TRUE, FALSE)) {
  p <- cases$p[i]; a <- cases$a[i]; b <- cases$b[i]
  rows[[length(rows) + 1]] <- list(p = p, a = a, b = b, lower_tail = lt,
                                   expected = qbeta(p, a, b, lower.tail = lt))
}
writeLines(toJSON(rows, auto_unbox = TRUE, digits = NA, pretty = FALSE), "Tests/Fixtures/beta_quantile.json")
