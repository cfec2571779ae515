# Reference fixtures for `survkit cox --ties exact` (R coxph(ties = "exact"),
# survival's coxexact.fit), in the same contract form as Tests/Reference/cox_cli.R
# (see that script for the conventions). Run from the repository root:
#   Rscript Tests/Reference/cox_exact.R
# Writes Tests/Fixtures/cox-cli/<case>.json (picked up by CoxFixtureTests) and the
# derived data set Tests/Fixtures/cox-cli/lung_months.csv: lung with the time
# rounded up to 30-day months, ceiling(time / 30), so that most event times are
# tied (up to 16 deaths at one month), and Tests/Fixtures/cox-cli/exact_sim.csv
# (simulated, below).
#
# Exact fits have martingale residuals only (R: coxmart2, the Breslow hazard at
# the exact estimate) and deviance residuals built from them; R refuses score,
# schoenfeld and dfbeta residuals for the exact method.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/cox-cli"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

lung <- read.csv("datasets/lung.csv")
lung$time <- ceiling(lung$time / 30)
write.csv(lung, file.path(out, "lung_months.csv"), row.names = FALSE, na = "")

exact_case <- function(name, data_path, formula, residuals = NULL) {
  data <- read.csv(data_path, stringsAsFactors = TRUE)
  f <- as.formula(formula)
  args <- c("cox", data_path, "--formula", formula, "--ties", "exact")
  if (!is.null(residuals)) args <- c(args, "--residuals", paste(residuals, collapse = ","))
  args <- c(args, "--format", "json")
  fit <- coxph(f, data = data, ties = "exact", x = TRUE, model = TRUE)
  s <- summary(fit)
  cf <- coef(fit)
  stopifnot(!anyNA(cf))
  ctab <- s$coefficients; ci <- s$conf.int
  coefs <- lapply(seq_along(cf), function(j)
    list(term = names(cf)[j], coef = unname(cf[j]), se = sqrt(fit$var[j, j]), robust_se = NA,
         z = unname(ctab[j, "z"]), p = unname(ctab[j, "Pr(>|z|)"]), hr = unname(exp(cf[j])),
         hr_lower = unname(ci[j, 3]), hr_upper = unname(ci[j, 4])))
  df <- length(cf)
  test <- function(stat) list(statistic = unname(stat), df = df, p = pchisq(unname(stat), df, lower.tail = FALSE))
  res <- list(
    case = name, args = I(args), formula = formula, data = data_path,
    analysis = "cox", ties = "exact", n = fit$n, events = fit$nevent,
    n_dropped_missing = length(fit$na.action), iterations = fit$iter, converged = TRUE,
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2],
    tests = list(likelihood_ratio = test(s$logtest["test"]), wald = test(fit$wald.test), score = test(fit$score)),
    variance = unname(fit$var))
  # Concordance, only when tie-stable (as cox_cli.R).
  lp <- round(fit$linear.predictors, 10)
  st <- if (!is.null(fit$strata)) fit$strata else NULL
  a <- concordancefit(fit$y, lp, st, reverse = TRUE, timefix = FALSE)
  c_r <- unname(fit$concordance["concordance"]); se_r <- unname(fit$concordance["std"])
  if (abs(a$concordance - c_r) <= 1e-12 * c_r && abs(sqrt(a$var) - se_r) <= 1e-9 * se_r) {
    res$concordance <- list(c = c_r, se = se_r)
  } else {
    cat(name, ": concordance not tie-stable, left out\n")
  }
  if (!is.null(residuals)) {
    rr <- list()
    for (type in residuals) rr[[type]] <- unname(residuals(fit, type = type))
    res$residuals <- rr
  }
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor",
                    pretty = FALSE),
             file.path(out, paste0(name, ".json")))
  cat(name, ": n", fit$n, "events", fit$nevent, "iter", fit$iter, "coef", format(cf, digits = 6), "\n")
}

months <- file.path(out, "lung_months.csv")
exact_case("lung_exact", "datasets/lung.csv", "Surv(time, status) ~ age + sex",
           residuals = c("martingale", "deviance"))
exact_case("lung_months_exact", months, "Surv(time, status) ~ age + sex + ph.ecog",
           residuals = c("martingale", "deviance"))
exact_case("lung_months_exact_strata", months, "Surv(time, status) ~ age + ph.karno + strata(sex)",
           residuals = c("martingale"))
# Simulated, massively tied: 2000 rows, times 1..30 in 2 strata, up to 99 deaths
# at one time (exercises the rescaling of the running recursion).
set.seed(1)
n <- 2000
sim <- data.frame(x1 = rnorm(n), x2 = rbinom(n, 1, 0.4), g = sample(1:2, n, TRUE))
t <- rexp(n, exp(0.5 * sim$x1 - 0.7 * sim$x2))
sim$time <- pmin(ceiling(t * 10), 30)
sim$status <- as.integer(t * 10 < 30 & runif(n) < 0.9)
sim_file <- file.path(out, "exact_sim.csv")
write.csv(sim, sim_file, row.names = FALSE)
exact_case("exact_sim_strata", sim_file, "Surv(time, status) ~ x1 + x2 + strata(g)")
exact_case("veteran_exact", "datasets/veteran.csv", "Surv(time, status) ~ trt + karno + strata(prior)")

# predict(fit, newdata, type = "lp") of exact fits, in the form of
# Tests/Reference/cox_predict.R (same new data file), written to
# Tests/Fixtures/cox-predict/<case>.json (picked up by CoxPredictTests).
lung <- read.csv("datasets/lung.csv")
newfile <- "Tests/Fixtures/cox-predict/lung_newdata.csv"
newdata <- read.csv(newfile)
rownames(newdata) <- seq_len(nrow(newdata))
predict_case <- function(name, formula, extra_args = character(0), reference = "strata") {
  fit <- coxph(as.formula(formula), data = lung, ties = "exact")
  nd <- newdata[complete.cases(newdata[, all.vars(as.formula(formula))[-(1:2)], drop = FALSE]), ]
  lp <- predict(fit, newdata = nd, type = "lp", reference = reference)
  res <- list(
    case = name,
    args = c("cox", "datasets/lung.csv", "--formula", formula, "--ties", "exact", "--predict", newfile,
             extra_args, "--format", "json"),
    predictions = list(row = as.integer(rownames(nd)), linear_predictor = unname(lp), risk = unname(exp(lp))))
  writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path("Tests/Fixtures/cox-predict", paste0(name, ".json")))
  cat("wrote", name, "\n")
}
predict_case("lung_exact", "Surv(time, status) ~ age + sex + factor(ph.ecog)")
predict_case("lung_exact_strata", "Surv(time, status) ~ age + ph.ecog + strata(sex)")
