# Reference values for the bootstrap (`survkit km|cox --bootstrap B --seed S`).
# Run from the repo root:
#   Rscript Tests/Reference/bootstrap.R
# Reads  Tests/Fixtures/bootstrap/indices.json   (written by survkit's own
#        generator: BootstrapReferenceTests.theIndexFixtureIsWhatTheGeneratorDraws
#        with SURVKIT_WRITE_BOOTSTRAP_INDICES=1)
# Writes Tests/Fixtures/bootstrap/replicates_r.json  and
#        Tests/Fixtures/bootstrap/quantile_type7.json.
#
# R cannot reproduce survkit's generator (xoshiro256**), so survkit exports the
# row index sets of a few replicates (1-based indices into the rows the model
# uses, after na.omit on the formula's variables; for cluster(id) the rows of
# the drawn clusters, expanded) and R refits on exactly those rows, as
# boot(data, statistic) would with those indices:
# * km: survfit(formula, data = d[rows, ]); per stratum of the full-data fit
#   (by label) the median quantile(fit, 0.5)$quantile (NA when not reached) and
#   S(t) at the case's times from summary(fit, times =, extend = TRUE), NA for a
#   time after the stratum's last observed time in the replicate (R's default
#   extend = FALSE leaves those out) and for a stratum with no row.
# * cox: coxph(formula, data = d[rows, ], ties =) coefficients (cluster(id)
#   does not change them); null when R ran out of iterations or a coefficient
#   is NA (aliased), which survkit counts as undefined replicates.
# quantile_type7.json: quantile(x, probs, type = 7) on fixed vectors, the rule
# of survkit's percentile limits (boot.ci's "perc" interpolates differently).
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

dir <- file.path("Tests", "Fixtures", "bootstrap")
idx <- fromJSON(file.path(dir, "indices.json"), simplifyVector = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))

km_case <- function(cs) {
  d <- read.csv(cs$data, stringsAsFactors = TRUE)
  d <- na.omit(d[, unlist(cs$columns), drop = FALSE])
  stopifnot(nrow(d) == cs$n)
  f <- as.formula(cs$formula)
  times <- as.numeric(unlist(cs$times))
  labels_of <- function(fit) if (is.null(fit$strata)) "all" else names(fit$strata)
  full <- survfit(f, data = d)
  labels <- labels_of(full)
  reps <- lapply(cs$rows, function(r) {
    rows <- as.integer(unlist(r))
    fit <- survfit(f, data = d[rows, , drop = FALSE])
    lab <- labels_of(fit)
    q <- quantile(fit, probs = 0.5)$quantile
    med <- setNames(as.numeric(q), lab)
    strata <- lapply(labels, function(l) {
      if (!(l %in% lab)) return(list(label = l, median = NA, survival = arr(rep(NA, length(times)))))
      k <- match(l, lab)
      fk <- if (length(lab) > 1) fit[k] else fit
      last <- max(fk$time)
      s <- summary(fk, times = times, extend = TRUE)$surv
      s[times > last] <- NA
      list(label = l, median = fin(med[[l]]), survival = arr(s))
    })
    list(strata = strata)
  })
  list(name = cs$name, analysis = "km", labels = I(labels), replicates = reps)
}

cox_case <- function(cs) {
  d <- read.csv(cs$data, stringsAsFactors = TRUE)
  d <- na.omit(d[, unlist(cs$columns), drop = FALSE])
  stopifnot(nrow(d) == cs$n)
  f <- as.formula(cs$formula)
  terms <- NULL
  reps <- lapply(cs$rows, function(r) {
    rows <- as.integer(unlist(r))
    out_of_iterations <- FALSE
    fit <- withCallingHandlers(
      coxph(f, data = d[rows, , drop = FALSE], ties = cs$ties),
      warning = function(w) {
        if (grepl("Ran out of iterations", conditionMessage(w))) out_of_iterations <<- TRUE
        invokeRestart("muffleWarning")
      })
    terms <<- names(coef(fit))
    b <- coef(fit)
    if (out_of_iterations || any(is.na(b))) b[] <- NA
    list(coefficients = arr(b))
  })
  list(name = cs$name, analysis = "cox", ties = cs$ties, terms = I(terms), replicates = reps)
}

cases <- lapply(idx$cases, function(cs) if (cs$analysis == "km") km_case(cs) else cox_case(cs))
writeLines(
  toJSON(list(seed = idx$seed, replicate_index = I(unlist(idx$replicates)), cases = cases),
         auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE),
  file.path(dir, "replicates_r.json"))

set.seed(20240601)
vectors <- list(
  c(3.1, -2, 7.5, 0, 0, 12.25, 4),
  as.numeric(1:10),
  c(5),
  c(1, 2),
  c(1, 1, 1, 2, 2, 3),
  rnorm(999),
  rexp(200)
)
probs <- c(0, 0.005, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.995, 1)
qcases <- lapply(vectors, function(x)
  list(x = I(x), probs = I(probs), quantile = I(unname(quantile(x, probs, type = 7)))))
writeLines(toJSON(list(cases = qcases), auto_unbox = TRUE, digits = NA, pretty = FALSE),
           file.path(dir, "quantile_type7.json"))
cat("wrote", file.path(dir, "replicates_r.json"), "and quantile_type7.json\n")
