# Reference fixtures for interval censoring, Surv(left, right, type = "interval2"), and for the Weibull hazard
# ratios of `survkit survreg`, computed with R's survival package (3.5.x when generated).
# Run from the repository root:  Rscript Tests/Reference/interval_censoring.R
#
# 1. Simulates (fixed seed) an interval-censored data set and writes it to
#    Tests/Fixtures/interval/data/interval_sim.csv: survival has no bundled
#    interval2 data set. Weibull event times (shape 1.5, AFT in age and arm);
#    each subject is seen at visits every 0.5 (+ uniform jitter of ±0.1) until a
#    censoring time; the event is recorded as
#      - exact (left = right) for about 15% of the subjects whose event is seen,
#      - left-censored (left empty) when it is before the first visit,
#      - right-censored (right empty) when no visit after it happened,
#      - in (last visit before, first visit after] otherwise.
#    Two rows have both ends empty (a missing response: dropped as R's na.omit).
# 2. Writes Tests/Fixtures/interval/<case>.json: the JSON `survkit <args>`
#    must produce, plus the bookkeeping keys `case`, `args`, `formula`, `data`.
#    survreg cases as Tests/Reference/survreg.R writes them (coefficients,
#    scale, log_scale, loglik, loglik_null, tests, aic, variance, iterations);
#    km cases: per stratum `label`, `n`, `time` (fit$time) and `survival`
#    (fit$surv) of survfit's Turnbull estimate, which stops its EM when the
#    curve moves by at most 5e-5: the fixtures are R's values at that point.
# 3. Weibull hazard ratios (every Weibull fit, right-censored ones too):
#      hr = exp(-b / sigma), b = coef, sigma = fit$scale, s = log(sigma);
#      delta method on log hr = -b * exp(-s):  gradient (d/db, d/ds) = (-1/sigma, b/sigma), so
#      var(log hr) = (V[b,b] - 2 b V[b,s] + b^2 V[s,s]) / sigma^2   (V = vcov(fit));
#      hr_lower, hr_upper = exp(log hr -/+ qnorm(0.975) * sqrt(var(log hr))).
#    The script checks hr against exp(-coef/scale) computed directly, and the
#    limits against a numerical-gradient delta method.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- "Tests/Fixtures/interval"
dir.create(file.path(out, "data"), recursive = TRUE, showWarnings = FALSE)

# ---- 1. the simulated data ----
set.seed(20261201)
n <- 160
age <- round(runif(n, 30, 80))
arm <- sample(c("A", "B"), n, replace = TRUE)
lp <- 1.2 - 0.015 * (age - 55) + 0.4 * (arm == "B")
t_true <- exp(lp + (1 / 1.5) * log(rexp(n)))  # Weibull with shape 1.5 on the AFT scale
cens <- runif(n, 1.5, 6)
left <- rep(NA_real_, n); right <- rep(NA_real_, n)
for (i in seq_len(n)) {
  visits <- cumsum(rep(0.5, 20)) + runif(20, -0.1, 0.1)
  visits <- round(visits[visits <= cens[i]], 3)
  if (t_true[i] > max(visits)) {
    left[i] <- max(visits)                      # right-censored at the last visit
  } else if (runif(1) < 0.15) {
    left[i] <- right[i] <- round(t_true[i], 3)  # seen exactly
  } else {
    after <- min(visits[visits >= t_true[i]])
    before <- visits[visits < t_true[i]]
    right[i] <- after
    if (length(before) > 0) left[i] <- max(before)  # else left-censored
  }
}
left[c(7, 42)] <- NA; right[c(7, 42)] <- NA
sim <- data.frame(id = seq_len(n), age = age, arm = arm, left = left, right = right)
write.csv(sim, file.path(out, "data", "interval_sim.csv"), row.names = FALSE, na = "")
sim_path <- file.path(out, "data", "interval_sim.csv")

contract_names <- function(fit, nms) {
  map <- character(0)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) map[paste0(v, l)] <- paste0(v, "=", l)
  vapply(nms, function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

write_fixture <- function(res, name) {
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor",
                    pretty = FALSE), file.path(out, paste0(name, ".json")))
}

hazard_ratios <- function(fit) {
  b <- coef(fit); V <- vcov(fit); sigma <- fit$scale
  fixed <- is.null(fit$var) || nrow(V) == length(b)  # exponential: no Log(scale) row
  lapply(seq_along(b), function(j) {
    if (j == 1) return(NULL)
    vs <- if (fixed) 0 else V[length(b) + 1, length(b) + 1]
    cv <- if (fixed) 0 else V[j, length(b) + 1]
    var_log <- (V[j, j] - 2 * b[j] * cv + b[j]^2 * vs) / sigma^2
    log_hr <- -b[j] / sigma
    hr <- exp(log_hr)
    stopifnot(abs(hr - exp(-coef(fit)[j] / fit$scale)) < 1e-14)
    # numerical-gradient delta method as a check on the formula
    f <- function(th) -th[1] * exp(-th[2])
    th <- c(b[j], log(sigma)); h <- 1e-6
    g <- c((f(th + c(h, 0)) - f(th - c(h, 0))) / (2 * h), (f(th + c(0, h)) - f(th - c(0, h))) / (2 * h))
    Vj <- matrix(c(V[j, j], cv, cv, vs), 2)
    stopifnot(abs(sqrt(drop(t(g) %*% Vj %*% g)) - sqrt(var_log)) < 1e-7)
    z <- qnorm(0.975)
    list(hr = unname(hr), hr_lower = unname(exp(log_hr - z * sqrt(var_log))),
         hr_upper = unname(exp(log_hr + z * sqrt(var_log))))
  })
}

# ---- 2. survreg ----
survreg_case <- function(name, data_path, formula, dist, with_hr = dist %in% c("weibull", "exponential")) {
  data <- read.csv(data_path, stringsAsFactors = TRUE)
  args <- c("survreg", data_path, "--formula", formula, "--dist", dist, "--format", "json")
  fit <- survreg(as.formula(formula), data = data, dist = dist)
  tab <- summary(fit)$table
  nv <- length(coef(fit))
  row <- function(i) list(estimate = unname(tab[i, 1]), se = unname(tab[i, 2]), z = unname(tab[i, 3]),
                          p = unname(tab[i, 4]))
  terms <- contract_names(fit, names(coef(fit)))
  hrs <- if (with_hr) hazard_ratios(fit) else NULL
  coefs <- lapply(seq_len(nv), function(i) {
    r <- list(term = terms[i], coef = unname(tab[i, 1]), se = unname(tab[i, 2]), z = unname(tab[i, 3]),
              p = unname(tab[i, 4]))
    if (with_hr && i > 1) r <- c(r, hrs[[i]])
    r
  })
  nscale <- nrow(tab) - nv
  strata_scales <- NULL
  scale_names <- if (nscale == 1) "Log(scale)" else character(0)
  if (nscale > 1) {
    labels <- names(fit$scale)
    # survreg names a factor stratum by its level alone; the contract labels are `var=level`.
    svar <- sub(".*strata\\(([^)]+)\\).*", "\\1", formula)
    labels <- ifelse(grepl("=", labels, fixed = TRUE), labels, paste0(svar, "=", labels))
    scale_names <- paste("Log(scale)", labels)
    strata_scales <- lapply(seq_len(nscale), function(k) list(label = labels[k], scale = unname(fit$scale[k]),
                                                             log_scale = row(nv + k)))
  }
  df <- sum(fit$df) - fit$idf
  chi <- 2 * diff(fit$loglik)
  y <- fit$y
  status <- y[, ncol(y)]
  res <- list(
    case = name, args = I(args), formula = formula, data = data_path,
    analysis = "survreg", dist = dist, n = nrow(y), events = sum(status != 0),
    n_dropped_missing = length(fit$na.action), iterations = fit$iter, converged = TRUE,
    coefficients = coefs,
    scale = if (nscale > 1) NA else unname(fit$scale),
    log_scale = if (nscale == 1) row(nv + 1) else NA,
    loglik = fit$loglik[2], loglik_null = fit$loglik[1],
    tests = list(likelihood_ratio = list(statistic = chi, df = df, p = pchisq(chi, df, lower.tail = FALSE))),
    aic = AIC(fit), variance = unname(vcov(fit)),
    variance_terms = I(c(terms, scale_names)))
  if (!is.null(strata_scales)) res$strata_scales <- strata_scales
  write_fixture(res, name)
  cat(name, ": n", nrow(y), "iter", fit$iter, "coef", format(coef(fit), digits = 6), "scale", fit$scale, "\n")
}

ic <- "Surv(left, right, type = 'interval2') ~ age + arm"
for (d in c("weibull", "exponential", "lognormal", "loglogistic")) survreg_case(paste0("survreg_sim_", d), sim_path, ic, d)
survreg_case("survreg_sim_strata", sim_path, "Surv(left, right, type = 'interval2') ~ age + strata(arm)", "loglogistic")
survreg_case("survreg_sim_intercept_only", sim_path, "Surv(left, right, type = 'interval2') ~ 1", "weibull")
# Weibull hazard ratios on right-censored data.
survreg_case("survreg_lung_weibull_hr", "datasets/lung.csv", "Surv(time, status) ~ age + sex + ph.ecog", "weibull")
survreg_case("survreg_lung_exponential_hr", "datasets/lung.csv", "Surv(time, status) ~ age + sex", "exponential")

# ---- km: the Turnbull estimate ----
km_case <- function(name, data_path, formula) {
  data <- read.csv(data_path, stringsAsFactors = TRUE)
  args <- c("km", data_path, "--formula", formula, "--format", "json")
  fit <- survfit(as.formula(formula), data = data)
  stopifnot(identical(fit$type, "interval"))
  sizes <- if (is.null(fit$strata)) length(fit$time) else unname(fit$strata)
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  ends <- cumsum(sizes); starts <- ends - sizes + 1
  strata <- lapply(seq_along(sizes), function(k) {
    idx <- starts[k]:ends[k]
    list(label = labels[k], n = unname(fit$n[k]), time = I(fit$time[idx]), survival = I(fit$surv[idx]))
  })
  res <- list(case = name, args = I(args), formula = formula, data = data_path, analysis = "kaplan-meier",
              method = "turnbull", n = sum(fit$n), strata = strata)
  write_fixture(res, name)
  cat(name, ": strata", length(sizes), "times", sizes, "\n")
}
km_case("km_sim_all", sim_path, "Surv(left, right, type = 'interval2') ~ 1")
km_case("km_sim_arm", sim_path, "Surv(left, right, type = 'interval2') ~ arm")
# The sarcoma cohort's visit-scheduled local recurrence (datasets/sarcoma_patients.csv).
if (file.exists("datasets/sarcoma_patients.csv")) {
  sarcoma <- read.csv("datasets/sarcoma_patients.csv")
  if ("lr_visit_left_years" %in% names(sarcoma)) {
    km_case("km_sarcoma_margin", "datasets/sarcoma_patients.csv",
            "Surv(lr_visit_left_years, lr_visit_right_years, type = 'interval2') ~ margin")
  }
}
