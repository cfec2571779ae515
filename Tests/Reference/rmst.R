# Reference fixtures for `survkit rmst`, computed with R's survival package
# (3.5.3 when generated). Run from the repo root:
#   Rscript Tests/Reference/rmst.R
# Writes Tests/Fixtures/rmst/data/*.csv (small synthetic data) and
# Tests/Fixtures/rmst/<case>.json: the JSON `survkit <args>` must produce
# (docs/json-output.md, section rmst), plus bookkeeping keys `case`, `args`,
# `formula`, `data`.
#
# Conventions checked or chosen here:
# * Per group: rmst and std_err are R's print(survfit(Surv(t, s) ~ g),
#   rmean = tau) columns `rmean` and `se(rmean)` (summary(fit, rmean =
#   tau)$table), lower/upper rmst -/+ qnorm(0.975) * se.
# * Contrasts are survRM2::rmst2's unadjusted ones. survRM2 is not packaged
#   for Debian (no r-cran-survrm2), so they are computed here from survfit's
#   rmean and se(rmean) with rmst2's formulas: difference B - A with se
#   sqrt(v_B + v_A); ratio B / A on the log scale with se
#   sqrt(v_B / rmst_B^2 + v_A / rmst_A^2) (delta method); normal limits and
#   two-sided p = 2 * pnorm(-|estimate| / se). A is the reference (the first
#   level, or --reference).
# * survRM2's rmst1 variance is the same sum as survfit's survmean:
#   sum over event times of d/(n(n - d)) times the squared area beyond the
#   time up to tau, with no n/(n - 1) (or m/(m - 1)) factor; rmst1_var below
#   transcribes rmst1's computation (from survRM2 1.0-4's source) and is
#   checked against se(rmean) to 1e-12. The contract follows survfit's
#   se(rmean).
# * tau past a group's last observed time: survfit carries the curve flat to
#   tau (its rmean), which is what the fixture holds; survRM2 would stop with
#   an error ("The truncation time, tau, needs to be shorter than or equal to
#   the minimum of the largest observed time on each of the two groups").
#   survkit follows survfit and warns.
# * A group with no events: its curve is 1 throughout, rmst = tau (when its
#   follow-up reaches tau) and se(rmean) = 0.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures", "rmst")
dir.create(file.path(out_dir, "data"), recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }
write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
read_dataset <- function(path) read.csv(path, stringsAsFactors = FALSE)
row_accounting <- function(d, form) {
  vars <- all.vars(form)
  miss <- is.na(d[, vars, drop = FALSE])
  dropped_row <- rowSums(miss) > 0
  dropped <- list()
  if (any(dropped_row)) {
    first <- vars[apply(miss[dropped_row, , drop = FALSE], 1, function(r) which(r)[1])]
    for (v in vars) if (any(first == v)) dropped[[paste0("missing: ", v)]] <- sum(first == v)
  }
  if (length(dropped) == 0) dropped <- setNames(list(), character(0))
  list(read = nrow(d), used = sum(!dropped_row), dropped = dropped, n_dropped = sum(dropped_row))
}

# survRM2 1.0-4 rmst1's variance, transcribed: the Greenwood-type increments
# at the event times up to tau and the squared areas beyond them.
rmst1_var <- function(time, status, tau) {
  ft <- survfit(Surv(time, status) ~ 1)
  idx <- ft$time <= tau
  wk.time <- sort(c(ft$time[idx], tau))
  wk.surv <- ft$surv[idx]
  wk.n.risk <- ft$n.risk[idx]
  wk.n.event <- ft$n.event[idx]
  time.diff <- diff(c(0, wk.time))
  areas <- time.diff * c(1, wk.surv)
  wk.var <- ifelse((wk.n.risk - wk.n.event) == 0, 0, wk.n.event / (wk.n.risk * (wk.n.risk - wk.n.event)))
  wk.var <- c(wk.var, 0)
  c(rmst = sum(areas), var = sum(cumsum(rev(areas[-1]))^2 * rev(wk.var)[-1]))
}

rmst_case <- function(case, data, formula, tau, reference = NULL) {
  d <- read_dataset(data)
  form <- as.formula(formula)
  rows <- row_accounting(d, form)
  d <- d[complete.cases(d[, all.vars(form)]), ]
  gvar <- all.vars(form)[-(1:2)]
  if (length(gvar) == 1) {
    lev <- sort(unique(d[[gvar]]))
    if (!is.null(reference)) lev <- c(reference, setdiff(lev, reference))
    d[[gvar]] <- factor(d[[gvar]], levels = lev)
  }
  fit <- survfit(form, data = d)
  tab <- summary(fit, rmean = tau)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  z <- qnorm(0.975)
  mu <- tab[, "rmean"]; se <- tab[, "se(rmean)"]
  # Cross-check with survRM2's rmst1 computation, group by group.
  y <- model.frame(form, d)[[1]]  # Surv(): status recoded to 0/1 as survfit does
  for (k in seq_along(labels)) {
    keep <- if (length(gvar) == 1) d[[gvar]] == levels(d[[gvar]])[k] else rep(TRUE, nrow(d))
    chk <- rmst1_var(y[keep, "time"], y[keep, "status"], tau)
    if (tau <= max(y[keep, "time"])) stopifnot(abs(chk[["rmst"]] - mu[k]) < 1e-9 * tau,
                                       abs(sqrt(chk[["var"]]) - se[k]) < 1e-12 * max(1, se[k]))
  }
  groups <- lapply(seq_along(labels), function(k) list(
    label = labels[k], n = as.integer(tab[k, "records"]), events = num(tab[k, "events"]),
    rmst = num(mu[k]), std_err = num(se[k]), lower = num(mu[k] - z * se[k]), upper = num(mu[k] + z * se[k])))
  pval <- function(x, s) 2 * pnorm(-abs(x) / s)
  contrasts <- lapply(seq_along(labels)[-1], function(k) {
    dif <- mu[k] - mu[1]; dse <- sqrt(se[k]^2 + se[1]^2)
    lr <- log(mu[k]) - log(mu[1]); lse <- sqrt(se[k]^2 / mu[k]^2 + se[1]^2 / mu[1]^2)
    list(label = paste(labels[k], "vs", labels[1]),
         difference = num(dif), diff_lower = num(dif - z * dse), diff_upper = num(dif + z * dse),
         diff_p = num(pval(dif, dse)),
         ratio = num(exp(lr)), ratio_lower = num(exp(lr - z * lse)), ratio_upper = num(exp(lr + z * lse)),
         ratio_p = num(pval(lr, lse)))
  })
  args <- c("rmst", data, "--formula", formula, "--tau", format(tau))
  if (!is.null(reference)) args <- c(args, "--reference", paste0(gvar, "=", reference))
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "rmst",
              formula = formula, data = data, tau = tau, n = rows$used,
              n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped")],
              groups = groups, contrasts = contrasts)
  write_fixture(obj, case)
}

rmst_case("veteran_trt_365", "datasets/veteran.csv", "Surv(time, status) ~ trt", 365)
rmst_case("veteran_celltype_180", "datasets/veteran.csv", "Surv(time, status) ~ celltype", 180)
rmst_case("lung_sex_365", "datasets/lung.csv", "Surv(time, status) ~ sex", 365)
rmst_case("lung_sex_730_ref2", "datasets/lung.csv", "Surv(time, status) ~ sex", 730, reference = 2)
rmst_case("lung_all_500", "datasets/lung.csv", "Surv(time, status) ~ 1", 500)
rmst_case("pbc_trt_3652", "datasets/pbc.csv", "Surv(time, status == 2) ~ trt", 3652)
# tau past the last observed time of Nonmaintained (45 weeks): curve carried flat.
rmst_case("aml_x_tau_beyond", "datasets/aml.csv", "Surv(time, status) ~ x", 100)
# Synthetic sarcoma cohort: 5-year RMST by resection margin.
rmst_case("sarcoma_margin_5y", "datasets/sarcoma_patients.csv", "Surv(os_years, os_status) ~ margin", 5)
# A group with no events (b): rmst = tau, se 0.
no_events <- data.frame(time = c(2, 3, 5, 7, 8, 11, 4, 6, 9, 12, 13),
                        status = c(1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0),
                        g = c(rep("a", 6), rep("b", 5)))
write.csv(no_events, file.path(out_dir, "data", "no_events.csv"), row.names = FALSE)
rmst_case("no_events_group", "Tests/Fixtures/rmst/data/no_events.csv", "Surv(time, status) ~ g", 10)
