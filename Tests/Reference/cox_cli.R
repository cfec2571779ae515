# Reference fixtures for `survkit cox`, in the JSON contract's form (docs/json-output.md,
# section cox), computed with R's survival package (3.5.3 when
# generated). Run from the repository root:  Rscript Tests/Reference/cox_cli.R
# Writes Tests/Fixtures/cox-cli/<case>.json: the JSON `survkit <args>` must
# produce, plus the bookkeeping keys `case`, `args`, `formula`, `data`.
#
# * Data are read with read.csv (text columns become factors, levels sorted in
#   the C locale = survkit's byte order; celltype: adeno < large < smallcell < squamous).
#   Rows with a missing value in a used column are dropped (na.omit), as survkit.
# * term names: factor dummies as `var=level` (contract), not R's `varlevel`.
# * coefficients: summary(fit) with the robust se driving z, p and the limits
#   when there is one; `se` is the model-based one (fit$naive.var); NA -> null.
# * tests: likelihood ratio (summary logtest), Wald fit$wald.test (robust when
#   robust), score fit$score (model based), df = number of non-NA coefficients.
# * concordance: fit$concordance, written only when it is tie-stable: coxph
#   ranks the linear predictor with exact equality, so rows with equal
#   covariates can be split by a 1-ulp difference from BLAS (survkit treats
#   predictors equal to 10 decimals as tied). Where R's value changes when the
#   predictor is rounded to 10 decimals the key is left out.
# * zph: cox.zph(fit, transform)$table (terms = TRUE, global = TRUE).
# * residuals: residuals(fit, type), one per used row in input order;
#   schoenfeld / scaled_schoenfeld one row per event in R's order (stratum, then
#   time); score and dfbeta one row per used row.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/cox-cli"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

# R names a factor dummy `celltypelarge`; the contract says `celltype=large`
# (interaction parts mapped one by one, joined by ":").
contract_names <- function(fit) {
  map <- character(0)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) map[paste0(v, l)] <- paste0(v, "=", l)
  vapply(names(coef(fit)), function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

cli_case <- function(name, data_name, formula, ties = "efron", robust = FALSE, zph = NULL,
                     residuals = NULL, weights = NULL) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  f <- as.formula(formula)
  args <- c("cox", paste0("datasets/", data_name, ".csv"), "--formula", formula)
  if (ties != "efron") args <- c(args, "--ties", ties)
  if (robust) args <- c(args, "--robust")
  if (!is.null(weights)) args <- c(args, "--weights", weights)
  if (!is.null(zph)) {
    args <- c(args, "--zph")
    if (zph != "km") args <- c(args, "--zph-transform", zph)
  }
  if (!is.null(residuals)) args <- c(args, "--residuals", paste(residuals, collapse = ","))
  args <- c(args, "--format", "json")

  # robust is passed only when asked for: coxph(robust = FALSE) would ignore cluster().
  data$.w <- if (is.null(weights)) 1 else data[[weights]]
  fit <- if (robust) coxph(f, data = data, ties = ties, robust = TRUE, weights = .w, x = TRUE, model = TRUE)
         else coxph(f, data = data, ties = ties, weights = .w, x = TRUE, model = TRUE)
  s <- summary(fit)
  cf <- coef(fit)
  ok <- !is.na(cf)
  naive <- if (!is.null(fit$naive.var)) fit$naive.var else fit$var
  robust_used <- !is.null(fit$naive.var)
  ctab <- s$coefficients; ci <- s$conf.int
  if (nrow(ctab) == length(cf)) ctab <- ctab[ok, , drop = FALSE]
  if (nrow(ci) == length(cf)) ci <- ci[ok, , drop = FALSE]
  k <- cumsum(ok)
  names(cf) <- contract_names(fit)
  coefs <- lapply(seq_along(cf), function(j) {
    if (!ok[j]) return(list(term = names(cf)[j], coef = NA, se = NA, robust_se = NA, z = NA, p = NA,
                            hr = NA, hr_lower = NA, hr_upper = NA))
    r <- k[j]
    list(term = names(cf)[j], coef = unname(cf[j]), se = sqrt(naive[j, j]),
         robust_se = if (robust_used) sqrt(fit$var[j, j]) else NA,
         z = unname(ctab[r, "z"]), p = unname(ctab[r, "Pr(>|z|)"]), hr = unname(exp(cf[j])),
         hr_lower = unname(ci[r, 3]), hr_upper = unname(ci[r, 4]))
  })
  df <- sum(ok)
  test <- function(stat) list(statistic = unname(stat), df = df, p = pchisq(unname(stat), df, lower.tail = FALSE))
  res <- list(
    case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "cox", ties = ties, n = fit$n, events = fit$nevent,
    n_dropped_missing = length(fit$na.action), iterations = fit$iter, converged = TRUE,
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2],
    tests = list(likelihood_ratio = test(s$logtest["test"]), wald = test(fit$wald.test), score = test(fit$score)),
    variance = unname(fit$var))

  # Concordance only when it does not hinge on 1-ulp differences of the predictor.
  lp <- round(fit$linear.predictors, 10)
  y <- fit$y
  wts <- model.weights(fit$model)
  cl <- if (!is.null(fit$model[["(cluster)"]])) fit$model[["(cluster)"]] else NULL
  cl_name <- grep("^cluster\\(", names(fit$model), value = TRUE)
  if (length(cl_name)) cl <- fit$model[[cl_name]]
  st <- if (!is.null(fit$strata)) fit$strata else NULL
  a <- if (is.null(cl)) concordancefit(y, lp, st, wts, reverse = TRUE, timefix = FALSE)
       else concordancefit(y, lp, st, wts, cluster = cl, reverse = TRUE, timefix = FALSE)
  c_r <- unname(fit$concordance["concordance"]); se_r <- unname(fit$concordance["std"])
  if (abs(a$concordance - c_r) <= 1e-12 * c_r && abs(sqrt(a$var) - se_r) <= 1e-9 * se_r) {
    res$concordance <- list(c = c_r, se = se_r)
  } else {
    cat(name, ": concordance not tie-stable (", c_r, "vs", a$concordance, "), left out\n")
  }

  if (!is.null(zph)) {
    tb <- cox.zph(fit, transform = zph)$table
    m <- nrow(tb)
    res$zph <- list(
      terms = lapply(seq_len(m - 1), function(i) list(term = rownames(tb)[i], chisq = tb[i, "chisq"],
                                                     df = tb[i, "df"], p = tb[i, "p"])),
      global = list(chisq = tb[m, "chisq"], df = tb[m, "df"], p = tb[m, "p"]))
  }
  if (!is.null(residuals)) {
    rr <- list()
    for (type in residuals) {
      key <- gsub("-", "_", type)
      rtype <- switch(type, "scaled-schoenfeld" = "scaledsch", type)
      v <- residuals(fit, type = rtype)
      rr[[key]] <- if (is.matrix(v)) unname(v) else if (type %in% c("martingale", "deviance")) unname(v)
                   else unname(as.matrix(v))
    }
    res$residuals <- rr
  }
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor",
                    pretty = FALSE),
             file.path(out, paste0(name, ".json")))
  cat(name, ": n", fit$n, "events", fit$nevent, "coef", format(cf, digits = 6), "\n")
}

lungf <- "Surv(time, status) ~ age + sex + ph.ecog"
cli_case("lung_efron", "lung", lungf, zph = "km",
         residuals = c("martingale", "deviance", "schoenfeld", "scaled-schoenfeld"))
cli_case("lung_breslow", "lung", lungf, ties = "breslow", zph = "km")
cli_case("lung_zph_rank", "lung", lungf, zph = "rank")
cli_case("lung_strata", "lung", "Surv(time, status) ~ age + ph.ecog + strata(sex)", zph = "km",
         residuals = c("martingale", "deviance"))
cli_case("lung_interaction", "lung", "Surv(time, status) ~ age * sex + ph.ecog", zph = "identity")
cli_case("lung_offset", "lung", "Surv(time, status) ~ age + ph.ecog + offset(0.3 * sex)")
cli_case("lung_weights", "lung", lungf, weights = "ph.karno", residuals = c("martingale"))
cli_case("veteran", "veteran", "Surv(time, status) ~ trt + celltype + karno", zph = "km")
cli_case("ovarian_robust", "ovarian", "Surv(futime, fustat) ~ age + rx", robust = TRUE,
         residuals = c("martingale", "deviance", "score", "dfbeta"))
cli_case("bladder_wlw", "bladder", "Surv(stop, event) ~ rx + size + number + strata(enum) + cluster(id)",
         zph = "km")
cli_case("heart_cp", "heart", "Surv(start, stop, event) ~ age + year + surgery + transplant", zph = "log",
         residuals = c("martingale", "schoenfeld"))
cli_case("cgd_cluster", "cgd", "Surv(tstart, tstop, status) ~ treat + age + cluster(id)", zph = "km")
