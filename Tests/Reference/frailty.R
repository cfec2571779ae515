# Reference fixtures for shared frailty in coxph (R's survival: coxpenal.fit with a sparse frailty
# term). Run from the repository root, after Tests/Reference/export_frailty_datasets.R:
#   Rscript Tests/Reference/frailty.R
# Writes Tests/Fixtures/frailty/<case>.json: the JSON `survkit <args>` must produce, plus `case`,
# `args`, `formula`, `data`. Compared to 1e-5 (R's outer loop stops at a relative change of 1e-5 in
# the I-likelihood for gamma, |theta-hat - theta| < sqrt(1e-9) for gaussian REML).
#
# Conventions:
# * coefficients: the fixed effects, se = sqrt(diag(fit$var)) (R's se(coef)), se2 = sqrt(diag(fit$var2)),
#   p = pchisq(coef^2 / var, 1) as print.coxph.penal.
# * frailty: variance = the theta of the final fit (history[nrow, 1]), df = the frailty term's fit$df,
#   chisq = sum(frail^2 / fvar), p on max(df, 0.5) df, as the frailty printfun.
# * loglik_integrated: the gamma frailty's I-likelihood (history$c.loglik).
# * loglik / loglik_null: fit$loglik (penalty not included).
# * concordance: fit$concordance (its linear predictor includes the frailty effects).
# * penalized_likelihood_ratio: -2 (loglik0 - loglik1) on round(sum(fit$df), 2) df, as printed.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
out <- file.path("Tests", "Fixtures", "frailty")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
write_json_file <- function(x, path) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), path)

frailty_case <- function(name, data_name, formula, ties = "efron", distribution) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  fit <- coxph(as.formula(formula), data = data, ties = ties)
  cf <- coef(fit)
  # Contract names: factor dummies `diseaseGN` -> `disease=GN`.
  nms <- names(cf)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) nms[nms == paste0(v, l)] <- paste0(v, "=", l)
  names(cf) <- nms
  coefs <- lapply(seq_along(cf), function(j) list(
    term = names(cf)[j], coef = unname(cf[j]), se = sqrt(fit$var[j, j]), se2 = sqrt(fit$var2[j, j]),
    p = pchisq(unname(cf[j])^2 / fit$var[j, j], 1, lower.tail = FALSE)))
  h <- fit$history[[1]]
  theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta
  fdf <- fit$df[length(fit$df)]
  chisq <- sum(fit$frail^2 / fit$fvar)
  lr <- -2 * (fit$loglik[1] - fit$loglik[2])
  dft <- round(sum(fit$df), 2)
  args <- c("cox", paste0("datasets/", data_name, ".csv"), "--formula", formula, "--format", "json")
  if (ties != "efron") args <- c(args, "--ties", ties)
  res <- list(
    case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "cox", n = fit$n, events = fit$nevent, iterations = fit$iter[2],
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2],
    frailty = list(distribution = distribution, variance = theta, df = fdf, chisq = chisq,
                   p = pchisq(chisq, max(fdf, 0.5), lower.tail = FALSE)),
    penalized_likelihood_ratio = list(statistic = lr, df = dft, p = pchisq(lr, dft, lower.tail = FALSE)),
    variance = unname(fit$var))
  if (distribution == "gamma") res$loglik_integrated <- h$c.loglik
  # concordance: fit$concordance, of the linear predictor with the frailty effects (coxpenal.fit's).
  res$concordance <- list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"]))
  write_json_file(res, file.path(out, paste0(name, ".json")))
}

frailty_case("rats_gamma", "rats", "Surv(time, status) ~ rx + frailty(litter)", distribution = "gamma")
frailty_case("rats_gamma_sex_breslow", "rats", "Surv(time, status) ~ rx + sex + frailty.gamma(litter)",
             ties = "breslow", distribution = "gamma")
frailty_case("rats_gaussian", "rats", "Surv(time, status) ~ rx + frailty(litter, distribution = \"gaussian\")",
             distribution = "gaussian")
frailty_case("kidney_gamma", "kidney", "Surv(time, status) ~ age + sex + frailty(id)", distribution = "gamma")
frailty_case("kidney_gaussian", "kidney", "Surv(time, status) ~ age + sex + frailty.gaussian(id)",
             distribution = "gaussian")
frailty_case("kidney_gamma_disease", "kidney", "Surv(time, status) ~ age + sex + disease + frailty(id)",
             distribution = "gamma")
