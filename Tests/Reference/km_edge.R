# Reference fixtures for the edge cases of `survkit km`, `logrank`, `cif`,
# `survreg`, `poisson` and `negbin` (issue 9 item 3), computed with R's
# survival package (3.5.3 when these were generated), cmprsk and MASS.
# Run from the repository root:
#   Rscript Tests/Reference/km_edge.R
# Writes the small data sets Tests/Fixtures/km-edge/data/*.csv and the cases
# Tests/Fixtures/km-edge/<case>.json.
#
# A case is either
# * the JSON that `survkit <args>` must print (the shape of the km, logrank,
#   cif and survreg fixtures; see those scripts), with the bookkeeping keys
#   `case`, `args`, `formula`, `data`, `rmst_tau_rule` and `r_note` (what R
#   does, in words); or
# * an outcome case: `exit_code` (1 where R errors or returns a degenerate
#   fit; 0 where R only warns), `stderr_contains` (a fragment of survkit's
#   message or warning) and `r_outcome` (what R does, for the record).
#
# R rules checked here (the script stops if R disagrees):
# * survfit switches from Greenwood to the infinitesimal-jackknife (robust)
#   variance exactly when some case weight is not an integer
#   (survfitKM: has.rwt <- any(weights != floor(weights)); robust defaults to
#   TRUE then, with one cluster per row). The IJ std.err is that of S itself
#   (fit$logse is FALSE), the Greenwood one that of -log S (logse TRUE); the
#   fixtures' std_err is always that of S.
# * summary(fit, times =) has extend = FALSE: times after a stratum's last
#   time (event or censoring) are dropped for that stratum, and R stops with
#   "no points selected for one or more curves, consider using the extend
#   argument" when a stratum keeps none. extend = TRUE is `--extend`.
# * n_event / n_risk / n_censor and `events` are weighted sums (not rounded).
suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
  library(MASS)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures", "km-edge")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }

write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null",
                    pretty = TRUE, matrix = "rowmajor"), path)
  cat("wrote", path, "\n")
}

# Data files are written with 17 significant digits so that near-ties
# (1 and 1 + 1e-15) survive the round trip.
write_data <- function(d, name) {
  path <- file.path(data_dir, name)
  cols <- lapply(d, function(x) if (is.numeric(x)) sprintf("%.17g", x) else paste0('"', x, '"'))
  lines <- c(paste0('"', names(d), '"', collapse = ","), do.call(paste, c(cols, sep = ",")))
  writeLines(lines, path)
  path
}
read_data <- function(path) read.csv(path, stringsAsFactors = FALSE)

rows_of <- function(d, vars) {
  miss <- is.na(d[, vars, drop = FALSE])
  n_drop <- sum(rowSums(miss) > 0)
  list(read = nrow(d), used = nrow(d) - n_drop, dropped = setNames(list(), character(0)))
}

# ---- data -------------------------------------------------------------------

# Stratum a reaches 0 at its last time, b is all censored, c is one row (an event).
edge <- write_data(data.frame(
  time = c(1, 2, 3, 4, 5, 6, 2, 4, 6, 7), status = c(1, 0, 1, 1, 0, 1, 0, 0, 0, 1),
  g = c(rep("a", 6), rep("b", 3), "c")), "edge.csv")
one <- write_data(data.frame(time = 5, status = 1), "one.csv")
one_censored <- write_data(data.frame(time = 5, status = 0), "one_censored.csv")
# Every event at t = 5 (censorings before and at it).
tied <- write_data(data.frame(time = c(2, 3, 5, 5, 5, 5, 5, 5), status = c(0, 0, 1, 1, 1, 1, 0, 0),
                              g = c(1, 2, 1, 2, 1, 2, 1, 2)), "tied.csv")
# Times that differ by about 1e-15: R's timefix (aeqSurv) makes them ties.
near <- write_data(data.frame(
  time = c(1, 1 + 1e-15, 2, 2 - 2e-15, 3, 3 + 4e-15, 4, 5, 5 + 1e-14, 6),
  status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0), g = c(1, 2, 1, 2, 1, 2, 1, 2, 1, 2)), "near_ties.csv")
# Fractional case weights, ties of events and censorings.
fracwt <- write_data(data.frame(
  time = c(3, 5, 5, 7, 8, 8, 10, 12, 12, 15, 4, 4, 6, 9, 9, 11, 13, 14, 16, 18),
  status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0),
  w = c(0.5, 1.25, 2, 0.75, 1, 3.5, 1.5, 0.25, 2.25, 1, 2, 0.5, 1.75, 1, 0.25, 3, 1.5, 0.75, 1, 2.5),
  g = c(rep("x", 10), rep("y", 10))), "fracwt.csv")
# The same with (start, stop] entry times.
fracwt_cp <- write_data(data.frame(
  start = c(0, 0, 1, 2, 0, 3, 0, 4, 0, 1, 0, 2, 0, 1, 3, 0, 5, 0, 2, 0),
  time = c(3, 5, 5, 7, 8, 8, 10, 12, 12, 15, 4, 4, 6, 9, 9, 11, 13, 14, 16, 18),
  status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0),
  w = c(0.5, 1.25, 2, 0.75, 1, 3.5, 1.5, 0.25, 2.25, 1, 2, 0.5, 1.75, 1, 0.25, 3, 1.5, 0.75, 1, 2.5)),
  "fracwt_counting.csv")
# Competing risks: cause 2 never occurs in group b; group c is all censored.
cr <- write_data(data.frame(
  time = c(1, 2, 3, 4, 5, 6, 7, 2, 3, 5, 6, 8, 9, 1, 4, 7),
  event = c(1, 2, 1, 0, 2, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0),
  g = c(rep("a", 7), rep("b", 6), rep("c", 3))), "competing.csv")
# All censored, in two groups.
censored <- write_data(data.frame(time = c(1, 2, 3, 4), status = 0, g = c(1, 1, 2, 2)), "all_censored.csv")
# lung, one sex only: sex is then a constant column.
lung <- read.csv("datasets/lung.csv")
men <- write_data(subset(lung, sex == 1, c(time, status, age, sex)), "lung_men.csv")
women <- write_data(subset(lung, sex == 2, c(time, status, age, sex)), "lung_women.csv")
two <- write_data(lung[2:3, c("time", "status", "age", "sex")], "lung_two_rows.csv")
quine1 <- write_data(read.csv("datasets/quine.csv")[1, ], "quine_one_row.csv")
huge <- write_data(data.frame(y = c(2e21, 3, 5), x = c(1, 2, 3)), "huge_count.csv")

# ---- Kaplan–Meier -----------------------------------------------------------

km_case <- function(case, data, formula, times = NULL, extend = FALSE, weights = NULL,
                    conf_type = "log", note = NULL) {
  d <- read_data(data)
  form <- as.formula(formula)
  d$.w <- if (is.null(weights)) 1 else d[[weights]]
  fit <- survfit(form, data = d, weights = .w, conf.type = conf_type)
  nonint <- any(d$.w != floor(d$.w))
  # The variance rule: IJ (std.err of S) exactly for non-integer weights.
  stopifnot(identical(fit$logse, !nonint))
  if (nonint && !grepl("start", formula)) {
    # (start, stop] data cannot pass robust = TRUE without an id; the default is the same IJ.
    ij <- survfit(form, data = d, weights = .w, conf.type = conf_type, robust = TRUE)
    stopifnot(isTRUE(all.equal(ij$std.err, fit$std.err)))
  }
  tau <- max(fit$time)
  tab <- summary(fit, rmean = tau)$table
  if (!is.matrix(tab)) tab <- matrix(tab, nrow = 1, dimnames = list(NULL, names(tab)))
  q <- quantile(fit, probs = 0.5, conf.int = TRUE)
  nstrat <- if (is.null(fit$strata)) 1 else length(fit$strata)
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  which_stratum <- if (is.null(fit$strata)) rep(1L, length(fit$time)) else rep(seq_len(nstrat), fit$strata)
  sa <- NULL
  if (!is.null(times)) {
    sa <- summary(fit, times = times, extend = extend)
    sa_stratum <- if (is.null(sa$strata)) rep(1L, length(sa$time)) else as.integer(sa$strata)
  }
  strata <- lapply(seq_len(nstrat), function(k) {
    w <- which(which_stratum == k)
    s <- fit$surv[w]
    # Greenwood: where S = 0 R's std.err is Inf (NaN for S) and the limits
    # NA; the contract has null for all three. IJ: R's std.err is 0 there and
    # the limits what survfit_confint makes of it (plain: 0 and 0); kept as R.
    zero <- if (fit$logse) s == 0 else rep(FALSE, length(s))
    se <- if (fit$logse) fit$std.err[w] * s else fit$std.err[w]
    se[zero] <- NA
    lo <- fit$lower[w]; lo[zero] <- NA
    up <- fit$upper[w]; up[zero] <- NA
    st <- list(
      label = labels[k], n = as.integer(fit$n[k]), events = sum(fit$n.event[w]),
      time = arr(fit$time[w]), n_risk = arr(fit$n.risk[w]), n_event = arr(fit$n.event[w]),
      n_censor = arr(fit$n.censor[w]), survival = arr(s), std_err = arr(se),
      lower = arr(lo), upper = arr(up), cumhaz = arr(fit$cumhaz[w]),
      median = num(q$quantile[k]), median_lower = num(q$lower[k]), median_upper = num(q$upper[k]),
      rmst = list(tau = num(tau), estimate = num(tab[k, "rmean"]), std_err = num(tab[k, "se(rmean)"])))
    if (!is.null(sa)) {
      v <- which(sa_stratum == k)
      z <- if (fit$logse) sa$surv[v] == 0 else rep(FALSE, length(v))
      f0 <- function(x) { x <- fin(x); x[z] <- NA; I(x) }
      st$summary_at <- list(
        time = arr(sa$time[v]), n_risk = arr(sa$n.risk[v]), n_event = arr(sa$n.event[v]),
        survival = arr(sa$surv[v]), std_err = f0(sa$std.err[v]),
        lower = f0(sa$lower[v]), upper = f0(sa$upper[v]))
    }
    st
  })
  args <- c("km", data, "--formula", formula)
  if (conf_type != "log") args <- c(args, "--conf-type", conf_type)
  if (!is.null(times)) args <- c(args, "--times", paste(format(times, scientific = FALSE, trim = TRUE), collapse = ","))
  if (extend) args <- c(args, "--extend")
  if (!is.null(weights)) args <- c(args, "--weights", weights)
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "kaplan-meier",
              formula = formula, data = data, r_note = note, conf_type = conf_type, conf_level = 0.95,
              n = as.integer(sum(fit$n)), events = sum(fit$n.event), n_dropped_missing = 0L,
              rows = rows_of(d, all.vars(form)), rmst_tau_rule = "common", strata = strata)
  write_fixture(obj, case)
}

error_case <- function(case, args, stderr_contains, r_outcome, exit_code = 1L) {
  write_fixture(list(case = case, args = I(args), exit_code = exit_code, stderr_contains = stderr_contains,
                     r_outcome = r_outcome), case)
}
r_error <- function(expr) tryCatch({ expr; NA_character_ }, error = function(e) conditionMessage(e))

km_case("km_edge_strata", edge, "Surv(time, status) ~ g",
        note = "a reaches 0 at t=6 (std.err NaN, limits NA); b all censored (S=1, std.err 0, limits 1, median NA); c one row")
km_case("km_edge_times", edge, "Surv(time, status) ~ g", times = c(0.5, 3, 6, 6.5),
        note = "extend=FALSE: 6.5 is after the last time of a and b (6) and is dropped there; kept for c (7)")
km_case("km_edge_times_extend", edge, "Surv(time, status) ~ g", times = c(0.5, 3, 6, 6.5), extend = TRUE)
km_case("km_edge_times_loglog", edge, "Surv(time, status) ~ g", times = c(3, 6.5), conf_type = "log-log")
msg <- r_error(summary(survfit(Surv(time, status) ~ g, data = read_data(edge)), times = c(6.5, 10)))
stopifnot(grepl("no points selected", msg))
error_case("km_error_times_beyond_stratum",
           c("km", edge, "--formula", "Surv(time, status) ~ g", "--times", "6.5,10", "--format", "json"),
           "--extend", msg)
km_case("km_one_row", one, "Surv(time, status) ~ 1", times = 3)
km_case("km_one_row_censored", one_censored, "Surv(time, status) ~ 1")
km_case("km_all_tied", tied, "Surv(time, status) ~ g")
km_case("km_near_ties", near, "Surv(time, status) ~ 1",
        note = "timefix merges 1 and 1+1e-15 (and the other near pairs): 6 distinct times")
km_case("km_all_censored", censored, "Surv(time, status) ~ g", times = c(1, 2))
km_case("km_fracwt", fracwt, "Surv(time, status) ~ g", weights = "w", times = c(4, 8, 15),
        note = "non-integer weights: infinitesimal-jackknife std.err, as survfit's robust default")
km_case("km_fracwt_all", fracwt, "Surv(time, status) ~ 1", weights = "w")
km_case("km_fracwt_loglog", fracwt, "Surv(time, status) ~ g", weights = "w", conf_type = "log-log")
km_case("km_fracwt_plain", fracwt, "Surv(time, status) ~ g", weights = "w", conf_type = "plain")
km_case("km_fracwt_counting", fracwt_cp, "Surv(start, time, status) ~ 1", weights = "w")
km_case("km_ovarian_age_weights", "datasets/ovarian.csv", "Surv(futime, fustat) ~ rx", weights = "age",
        times = c(100, 365))
km_case("km_lung_age_weights", "datasets/lung.csv", "Surv(time, status) ~ sex", weights = "age",
        note = "integer weights: Greenwood, as without weights")

# ---- log-rank ---------------------------------------------------------------

logrank_case <- function(case, data, formula, note = NULL) {
  d <- read_data(data)
  form <- as.formula(formula)
  sd <- withCallingHandlers(survdiff(form, data = d), warning = function(w) invokeRestart("muffleWarning"))
  df <- sum(sd$exp > 0) - 1
  p <- if (df > 0) pchisq(sd$chisq, df, lower.tail = FALSE) else NA
  V <- as.matrix(sd$var)
  obj <- list(case = case, args = I(c("logrank", data, "--formula", formula, "--format", "json")),
              analysis = "logrank", formula = formula, data = data, r_note = note, rho = 0,
              n = as.integer(sum(sd$n)), n_dropped_missing = 0L, rows = rows_of(d, all.vars(form)),
              groups = lapply(seq_along(sd$n), function(k) list(
                label = names(sd$n)[k], n = as.integer(sd$n[k]), observed = num(sd$obs[k]),
                expected = num(sd$exp[k]))),
              statistic = num(sd$chisq), df = as.integer(df), p = num(p),
              variance = lapply(seq_len(nrow(V)), function(i) arr(V[i, ])))
  write_fixture(obj, case)
}
logrank_case("logrank_edge_strata", edge, "Surv(time, status) ~ g",
             note = "group b has no events (observed 0), group c one row")
logrank_case("logrank_all_tied", tied, "Surv(time, status) ~ g")
logrank_case("logrank_near_ties", near, "Surv(time, status) ~ g")
logrank_case("logrank_all_censored", censored, "Surv(time, status) ~ g",
             note = "no events: chisq 0, expected 0, df = -1, R's p-value NaN (null here)")
msg <- r_error(survdiff(Surv(time, status) ~ 1, data = read_data(edge)))
error_case("logrank_error_one_group", c("logrank", edge, "--formula", "Surv(time, status) ~ 1", "--format", "json"),
           "at least two levels", msg)

# ---- cumulative incidence -----------------------------------------------------

cif_case <- function(case, data, formula, group) {
  d <- read_data(data)
  causes <- sort(unique(d$event[d$event != 0]))
  key <- factor(paste0(group, "=", d[[group]]))
  strata_out <- lapply(levels(key), function(lab) {
    s <- d[key == lab, ]
    fit <- survfit(Surv(s$time, factor(s$event, levels = c(0, causes))) ~ 1)
    list(label = lab, n = nrow(s), time = arr(fit$time), n_risk = arr(fit$n.risk[, 1]),
         n_event = setNames(lapply(seq_along(causes), function(j) arr(fit$n.event[, j + 1])), causes),
         cif = setNames(lapply(seq_along(causes), function(j) arr(fit$pstate[, j + 1])), causes),
         std_err = setNames(lapply(seq_along(causes), function(j) arr(fit$std.err[, j + 1])), causes))
  })
  tst <- cuminc(d$time, d$event, d[[group]])$Tests
  gray <- setNames(lapply(rownames(tst), function(cz) list(
    statistic = num(tst[cz, "stat"]), df = as.integer(tst[cz, "df"]),
    p = num(pchisq(tst[cz, "stat"], tst[cz, "df"], lower.tail = FALSE)))), rownames(tst))
  obj <- list(case = case, args = I(c("cif", data, "--formula", formula, "--format", "json")),
              analysis = "cumulative-incidence", formula = formula, data = data,
              n = nrow(d), n_dropped_missing = 0L, rows = rows_of(d, c("time", "event", group)),
              causes = I(as.character(causes)), strata = strata_out, gray_test = gray)
  write_fixture(obj, case)
}
cif_case("cif_edge_groups", cr, "Surv(time, event) ~ g", "g")

# ---- survreg ----------------------------------------------------------------

survreg_case <- function(case, data, formula, note = NULL) {
  d <- read_data(data)
  warned <- character(0)
  fit <- withCallingHandlers(survreg(as.formula(formula), data = d, dist = "weibull"),
                             warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
  stopifnot(length(warned) == 0)
  tab <- summary(fit)$table
  cf <- coef(fit)
  nv <- length(cf)
  # summary()$table leaves out aliased (NA) coefficients; the contract lists
  # every term with null estimates.
  coefs <- lapply(seq_len(nv), function(i) {
    nm <- names(cf)[i]
    if (is.na(cf[i])) return(list(term = nm, coef = NA, se = NA, z = NA, p = NA))
    list(term = nm, coef = unname(tab[nm, 1]), se = unname(tab[nm, 2]), z = unname(tab[nm, 3]), p = unname(tab[nm, 4]))
  })
  ls <- tab["Log(scale)", ]
  df <- sum(fit$df) - fit$idf
  chi <- 2 * diff(fit$loglik)
  obj <- list(case = case, args = I(c("survreg", data, "--formula", formula, "--format", "json")),
              formula = formula, data = data, r_note = note, analysis = "survreg", dist = "weibull",
              n = nrow(fit$y), events = sum(fit$y[, 2] == 1), n_dropped_missing = 0L,
              iterations = fit$iter, converged = TRUE, coefficients = coefs,
              scale = unname(fit$scale),
              log_scale = list(estimate = unname(ls[1]), se = unname(ls[2]), z = unname(ls[3]), p = unname(ls[4])),
              loglik = fit$loglik[2], loglik_null = fit$loglik[1],
              tests = list(likelihood_ratio = list(statistic = chi, df = df,
                                                   p = if (df > 0) pchisq(chi, df, lower.tail = FALSE) else 1)),
              aic = AIC(fit), variance = unname(fit$var))
  write_fixture(obj, case)
}
survreg_case("survreg_lung_men_constant_sex", men, "Surv(time, status) ~ age + sex",
             note = "sex is the constant 1, a copy of the intercept: R's coefficient is NA (aliased)")
survreg_case("survreg_two_rows", two, "Surv(time, status) ~ 1")

# R fails (or returns a degenerate fit) on these; survkit exits 1.
dw <- read_data(women)
msg <- r_error(summary(survreg(Surv(time, status) ~ age + sex, data = dw)))
error_case("survreg_error_constant_covariate",
           c("survreg", women, "--formula", "Surv(time, status) ~ age + sex", "--format", "json"),
           "is constant", paste("R:", msg, "(after 'Ran out of iterations and did not converge'; sex is the constant 2,",
                             "which survreg.fit's rescaling divides by its standard deviation 0)"))
f1 <- survreg(Surv(time, status) ~ 1, data = read_data(one))
stopifnot(is.na(coef(f1)), f1$scale == 0)
error_case("survreg_error_one_row", c("survreg", one, "--formula", "Surv(time, status) ~ 1", "--format", "json"),
           "scale estimate collapses", "R: a degenerate fit, coefficient NA and scale 0 (no error)")
ft <- suppressWarnings(survreg(Surv(time, status) ~ 1, data = read_data(tied)))
stopifnot(ft$scale < 1e-4, ft$var[2, 2] == 0)
error_case("survreg_error_all_tied", c("survreg", tied, "--formula", "Surv(time, status) ~ 1", "--format", "json"),
           "scale estimate collapses", sprintf(paste("R: 'Ran out of iterations and did not converge'; every event is at t = 5, the scale",
                                  "collapses (%.3g after %d iterations) and Log(scale) has variance 0"), ft$scale, ft$iter))
f2 <- suppressWarnings(survreg(Surv(time, status) ~ age, data = read_data(two)))
stopifnot(all(is.na(coef(f2))))
error_case("survreg_error_two_rows_covariate",
           c("survreg", two, "--formula", "Surv(time, status) ~ age", "--format", "json"),
           "scale estimate collapses", "R: 'Ran out of iterations and did not converge', every coefficient NA")

# ---- GLM ----------------------------------------------------------------------

msg <- r_error(glm.nb(Days ~ 1, data = read_data(quine1)))
error_case("negbin_error_one_row", c("negbin", quine1, "--formula", "Days ~ 1", "--format", "json"),
           "theta (the dispersion) cannot be estimated", paste("R glm.nb:", msg))
w <- character(0)
invisible(withCallingHandlers(glm(y ~ x, family = poisson, data = read_data(huge)),
                    warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") }))
stopifnot(any(grepl("did not converge", w)))
# R returns the unconverged fit with warnings; so does survkit (exit 0, the
# warning on stderr, finite numbers: not compared, as two unconverged
# iterations need not agree).
error_case("poisson_warning_huge_count", c("poisson", huge, "--formula", "y ~ x", "--format", "json"),
           "did not converge", paste("R glm: warnings", paste(shQuote(w), collapse = ", "), "(a fit that did not converge)"),
           exit_code = 0L)
