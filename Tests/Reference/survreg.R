# Reference fixtures for `survkit survreg`, in the JSON contract's form (docs/json-output.md,
# section survreg), computed with R's survival package (3.5.3
# when generated). Run from the repository root:  Rscript Tests/Reference/survreg.R
# Writes Tests/Fixtures/survreg/<case>.json: the JSON `survkit <args>` must
# produce, plus the bookkeeping keys `case`, `args`, `formula`, `data`.
#
# * Data are read with read.csv (text columns become factors, levels sorted in
#   the C locale = survkit's byte order; celltype: adeno < large < smallcell < squamous).
#   Rows with a missing value in a used column (weights included) are dropped.
# * coefficients: summary(fit)$table rows of the coefficients (Value, Std. Error,
#   z, p), with `(Intercept)` first; factor dummies named `var=level` (contract).
# * scale: fit$scale (1 for the exponential; null with several strata);
#   log_scale: the `Log(scale)` row {estimate, se, z, p} (null when the scale is
#   fixed or there are several strata); strata_scales: one entry per stratum,
#   labelled `var=level`, with the scale and its `Log(scale)` row.
# * loglik / loglik_null: fit$loglik[2] / fit$loglik[1] (Jacobian included).
# * tests.likelihood_ratio: 2*diff(fit$loglik) on sum(fit$df) - fit$idf df, as
#   print.summary.survreg.  aic: AIC(fit).  variance: vcov(fit) (row-major),
#   variance_terms its names (`Log(scale) sex=1` with strata).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- "Tests/Fixtures/survreg"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

contract_names <- function(fit, nms) {
  map <- character(0)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) map[paste0(v, l)] <- paste0(v, "=", l)
  vapply(nms, function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

case <- function(name, data_name, formula, dist, weights = NULL) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  args <- c("survreg", paste0("datasets/", data_name, ".csv"), "--formula", formula, "--dist", dist)
  if (!is.null(weights)) args <- c(args, "--weights", weights)
  args <- c(args, "--format", "json")
  data$.w <- if (is.null(weights)) 1 else data[[weights]]
  fit <- survreg(as.formula(formula), data = data, dist = dist, weights = .w)
  tab <- summary(fit)$table
  nv <- length(coef(fit))
  row <- function(i) list(estimate = unname(tab[i, 1]), se = unname(tab[i, 2]), z = unname(tab[i, 3]),
                          p = unname(tab[i, 4]))
  terms <- contract_names(fit, names(coef(fit)))
  coefs <- lapply(seq_len(nv), function(i) list(term = terms[i], coef = unname(tab[i, 1]),
                                                se = unname(tab[i, 2]), z = unname(tab[i, 3]),
                                                p = unname(tab[i, 4])))
  nscale <- nrow(tab) - nv
  strata_scales <- NULL
  scale_names <- character(0)
  if (nscale == 1) scale_names <- "Log(scale)"
  if (nscale > 1) {
    labels <- names(fit$scale)  # strata() levels are already `sex=1`
    scale_names <- paste("Log(scale)", labels)
    strata_scales <- lapply(seq_len(nscale), function(k) list(label = labels[k], scale = unname(fit$scale[k]),
                                                             log_scale = row(nv + k)))
  }
  df <- sum(fit$df) - fit$idf
  chi <- 2 * diff(fit$loglik)
  res <- list(
    case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "survreg", dist = dist, n = nrow(fit$y), events = sum(fit$y[, 2] == 1),
    n_dropped_missing = length(fit$na.action), iterations = fit$iter, converged = TRUE,
    coefficients = coefs,
    scale = if (nscale > 1) NA else unname(fit$scale),
    log_scale = if (nscale == 1) row(nv + 1) else NA,
    loglik = fit$loglik[2], loglik_null = fit$loglik[1],
    tests = list(likelihood_ratio = list(statistic = chi, df = df, p = pchisq(chi, df, lower.tail = FALSE))),
    aic = AIC(fit), variance = unname(vcov(fit)), variance_terms = I(c(terms, scale_names)))
  if (!is.null(strata_scales)) res$strata_scales <- strata_scales
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor",
                    pretty = FALSE),
             file.path(out, paste0(name, ".json")))
  cat(name, ": n", nrow(fit$y), "iter", fit$iter, "coef", format(coef(fit), digits = 6), "\n")
}

lungf <- "Surv(time, status) ~ age + sex + ph.ecog"
for (d in c("weibull", "exponential", "lognormal", "loglogistic")) case(paste0("lung_", d), "lung", lungf, d)
case("ovarian_weibull", "ovarian", "Surv(futime, fustat) ~ age + rx", "weibull")
case("veteran_celltype", "veteran", "Surv(time, status) ~ trt + celltype + karno", "weibull")
case("veteran_celltype_loglogistic", "veteran", "Surv(time, status) ~ celltype + karno", "loglogistic")
case("lung_weights", "lung", lungf, "weibull", weights = "ph.karno")
case("lung_strata", "lung", "Surv(time, status) ~ age + ph.ecog + strata(sex)", "weibull")
case("lung_offset", "lung", "Surv(time, status) ~ age + ph.ecog + offset(0.3 * sex)", "lognormal")
case("lung_intercept_only", "lung", "Surv(time, status) ~ 1", "weibull")
