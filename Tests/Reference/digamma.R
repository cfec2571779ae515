# Reference values of digamma and trigamma (R's own, 4.2.2 when generated) for
# SurvivalNumericsTests/DigammaTests. Run from the repository root:
#   Rscript Tests/Reference/digamma.R   ->  Tests/Fixtures/digamma.json
suppressPackageStartupMessages(library(jsonlite))
x <- c(1e-6, 0.01, 0.1, 0.5, 1, 1.27489264581101, 2, 3.5, 9.99, 10, 10.01, 25, 100, 1234.5, 221207.33, 1e8)
writeLines(toJSON(list(x = x, digamma = digamma(x), trigamma = trigamma(x)), digits = NA),
           "Tests/Fixtures/digamma.json")
