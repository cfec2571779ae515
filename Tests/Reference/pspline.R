# Reference fixtures for penalised smoothing splines in coxph (R's survival: pspline() terms, coxpenal.fit
# with a dense penalty, theta chosen by frailty.controldf so that the term's df is within eps = 0.1 of the
# target, or fixed). Run from the repository root:
#   Rscript Tests/Reference/pspline.R
# Writes Tests/Fixtures/pspline/<case>.json: the JSON `survkit <args>` must produce, plus `case`, `args`,
# `formula`, `data`. Compared to 1e-5 (R's outer loop stops at the same fit when the θ search is followed
# step by step; the inner Newton-Raphson at a relative change of 1e-9).
#
# Conventions:
# * coefficients: every column, the basis ones under R's names (ps(age)3 ...), se = sqrt(diag(fit$var)),
#   se2 = sqrt(diag(fit$var2)), p = pchisq(coef^2 / var, 1) as print.coxph.penal; factor dummies as x=LEVEL.
# * spline_tests: per pspline term (R's term label), theta = the θ of the final fit (the last row of the
#   df search's history; the fixed θ), df = the term's fit$df, linear / nonlinear = the rows of the term's
#   printfun (print.coxph.penal's "linear" and "nonlin").
# * loglik / loglik_null: fit$loglik (penalty not included); iterations = fit$iter[2] (Newton-Raphson total).
# * penalized_likelihood_ratio: -2 (loglik0 - loglik1) on round(sum(fit$df), 2) df, as printed.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
out <- file.path("Tests", "Fixtures", "pspline")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
write_json_file <- function(x, path) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), path)

pspline_case <- function(name, data_name, formula, ties = "efron") {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  fit <- coxph(as.formula(formula), data = data, ties = ties)
  cf <- coef(fit)
  nms <- names(cf)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) nms[nms == paste0(v, l)] <- paste0(v, "=", l)
  coefs <- lapply(seq_along(cf), function(j) list(
    term = nms[j], coef = unname(cf[j]), se = sqrt(fit$var[j, j]), se2 = sqrt(fit$var2[j, j]),
    p = pchisq(unname(cf[j])^2 / fit$var[j, j], 1, lower.tail = FALSE)))
  pterms <- fit$pterms
  tests <- list()
  k <- 0
  for (i in seq_along(pterms)) {
    if (pterms[i] == 0) next
    k <- k + 1
    kk <- fit$assign2[[i]]
    h <- fit$history[[k]]
    pr <- fit$printfun[[k]](cf[kk], fit$var[kk, kk], fit$var2[kk, kk], fit$df[i], h)$coef
    theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta
    tests[[k]] <- list(
      term = names(pterms)[i], theta = theta, df = fit$df[i],
      linear = list(coef = pr[1, 1], se = pr[1, 2], se2 = pr[1, 3], chisq = pr[1, 4], df = pr[1, 5], p = pr[1, 6]),
      nonlinear = list(chisq = pr[2, 4], df = pr[2, 5], p = pr[2, 6]))
  }
  lr <- -2 * (fit$loglik[1] - fit$loglik[2])
  dft <- round(sum(fit$df), 2)
  args <- c("cox", paste0("datasets/", data_name, ".csv"), "--formula", formula, "--format", "json")
  if (ties != "efron") args <- c(args, "--ties", ties)
  res <- list(
    case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "cox", n = fit$n, events = fit$nevent, iterations = fit$iter[2],
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2], spline_tests = tests,
    penalized_likelihood_ratio = list(statistic = lr, df = dft, p = pchisq(lr, dft, lower.tail = FALSE)),
    variance = unname(fit$var))
  # concordance: fit$concordance (the linear predictor with every spline column).
  res$concordance <- list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"]))
  write_json_file(res, file.path(out, paste0(name, ".json")))
}

pspline_case("pbc_age_bili", "pbc", "Surv(time, status == 2) ~ pspline(age) + log(bili)")
pspline_case("pbc_age_df3", "pbc", "Surv(time, status == 2) ~ pspline(age, df = 3) + log(bili)")
pspline_case("pbc_two_splines", "pbc", "Surv(time, status == 2) ~ pspline(age) + pspline(bili, df = 3)")
pspline_case("colon_rx_nodes", "colon", "Surv(time, status) ~ rx + pspline(nodes)")
pspline_case("lung_age_df3_sex", "lung", "Surv(time, status) ~ pspline(age, df = 3) + sex")
pspline_case("lung_age_theta_breslow", "lung", "Surv(time, status) ~ pspline(age, theta = 0.9) + sex", ties = "breslow")
pspline_case("lung_age_nterm", "lung", "Surv(time, status) ~ pspline(age, nterm = 6) + sex + ph.ecog")
