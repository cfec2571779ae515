# Reference fixtures for `survkit poisson` and `survkit negbin` (docs/json-output.md,
# section "poisson, negbin"), computed with R's stats::glm and
# MASS::glm.nb (R 4.2.2, MASS 7.3 when generated). Run from the repository root:
#   Rscript Tests/Reference/glm.R
# Writes Tests/Fixtures/poisson/<case>.json and Tests/Fixtures/negbin/<case>.json
# (the JSON `survkit <args>` must produce plus bookkeeping keys `case`, `args`,
# `formula`, `data`), and the derived data sets
#   datasets/quine.csv             MASS::quine as is (levels already in byte order)
#   datasets/sarcoma_lr_rates.csv  sarcoma_patients.csv aggregated by margin,
#                                  grade and radiotherapy: lr_count and os_years summed.
#
# * Data read with read.csv(stringsAsFactors = TRUE) in the C locale, so factor
#   levels sort in byte order as survkit's; term names mapped to the contract
#   (`EthN` -> `Eth=N`, `factor(grade)2` -> `grade=2`, interactions part by part).
# * coefficients: summary(fit)$coefficients (z tests, dispersion 1) with
#   rr = exp(coef) and Wald limits exp(coef -/+ qnorm(0.975) se); aliased -> null.
# * deviance, null_deviance, df_residual, df_null, aic = AIC(fit),
#   loglik = logLik(fit), iterations = fit$iter; negbin: theta = fit$theta,
#   theta_se = fit$SE.theta.
# * variance = vcov(fit) with the aliased rows/columns (NA in R) written as 0.
suppressPackageStartupMessages({ library(MASS); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

write.csv(MASS::quine, "datasets/quine.csv", row.names = FALSE)
sp <- read.csv("datasets/sarcoma_patients.csv", stringsAsFactors = FALSE)
agg <- aggregate(cbind(lr_count, os_years) ~ margin + grade + radiotherapy, data = sp, FUN = sum)
agg <- agg[order(agg$margin, agg$grade, agg$radiotherapy), ]
write.csv(agg, "datasets/sarcoma_lr_rates.csv", row.names = FALSE)

contract_names <- function(fit) {
  map <- character(0)
  for (v in names(fit$xlevels)) {
    base <- sub("^factor\\((.*)\\)$", "\\1", v)
    for (l in fit$xlevels[[v]]) map[paste0(v, l)] <- paste0(base, "=", l)
  }
  vapply(names(coef(fit)), function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

glm_case <- function(kind, name, data_name, formula, drop = character(0)) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  f <- as.formula(formula)
  fit <- if (kind == "poisson") glm(f, family = poisson, data = data) else glm.nb(f, data = data)
  args <- c(kind, paste0("datasets/", data_name, ".csv"), "--formula", formula, "--format", "json")
  cf <- coef(fit)
  ok <- !is.na(cf)
  tab <- summary(fit)$coefficients
  k <- cumsum(ok)
  q <- qnorm(0.975)
  terms <- contract_names(fit)
  coefs <- lapply(seq_along(cf), function(j) {
    if (!ok[j]) return(list(term = terms[j], coef = NA, se = NA, z = NA, p = NA, rr = NA, rr_lower = NA,
                            rr_upper = NA))
    r <- k[j]; b <- tab[r, 1]; se <- tab[r, 2]
    list(term = terms[j], coef = b, se = se, z = tab[r, 3], p = tab[r, 4], rr = exp(b),
         rr_lower = exp(b - q * se), rr_upper = exp(b + q * se))
  })
  v <- vcov(fit, complete = TRUE); v[is.na(v)] <- 0
  res <- list(
    case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = if (kind == "poisson") "poisson" else "negative-binomial",
    n = nobs(fit), n_dropped_missing = length(fit$na.action), events = sum(fit$y),
    iterations = fit$iter, converged = fit$converged, coefficients = coefs,
    deviance = fit$deviance, null_deviance = fit$null.deviance, df_residual = fit$df.residual,
    df_null = fit$df.null, aic = AIC(fit), loglik = as.numeric(logLik(fit)), variance = unname(v))
  if (kind == "negbin") { res$theta <- fit$theta; res$theta_se <- fit$SE.theta }
  res[drop] <- NULL
  out <- file.path("Tests/Fixtures", kind)
  dir.create(out, recursive = TRUE, showWarnings = FALSE)
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"),
             file.path(out, paste0(name, ".json")))
  cat(kind, name, ": n", nobs(fit), "coef", format(cf, digits = 6), if (kind == "negbin") c("theta", fit$theta), "\n")
}

sarcoma_rhs <- "margin + factor(grade) + radiotherapy + offset(log(os_years))"
glm_case("poisson", "sarcoma_patients", "sarcoma_patients", paste("lr_count ~", sarcoma_rhs))
glm_case("poisson", "sarcoma_aggregated", "sarcoma_lr_rates", paste("lr_count ~", sarcoma_rhs))
glm_case("poisson", "sarcoma_aliased", "sarcoma_lr_rates",
         "lr_count ~ margin + radiotherapy + I(2 * radiotherapy) + offset(log(os_years))")
glm_case("poisson", "sarcoma_no_offset", "sarcoma_patients", "lr_count ~ margin + age")
glm_case("poisson", "quine", "quine", "Days ~ Eth + Sex + Age + Lrn")
glm_case("negbin", "quine", "quine", "Days ~ Eth + Sex + Age + Lrn")
glm_case("negbin", "quine_interaction", "quine", "Days ~ Eth * Lrn + Sex + Age")
glm_case("negbin", "sarcoma_patients", "sarcoma_patients", paste("lr_count ~", sarcoma_rhs))
# Not over-dispersed: theta runs off to ~2e5 and theta.ml stops at its iteration
# limit (R warns). theta, the coefficients and the deviances still agree; the
# theta standard error does not carry 6 digits (its information
# trigamma(theta) - trigamma(theta + y) - 1/theta + ... cancels to ~1e-13 of
# its terms), so it is left out of this case.
glm_case("negbin", "sarcoma_aggregated_offset", "sarcoma_lr_rates", paste("lr_count ~", sarcoma_rhs),
         drop = "theta_se")
