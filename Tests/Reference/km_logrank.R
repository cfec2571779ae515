# Reference fixtures for `survkit km` and `survkit logrank`, computed with R's
# survival package (3.5.3 when these were generated). Run from the repo root:
#   Rscript Tests/Reference/km_logrank.R
# Writes Tests/Fixtures/km/<case>.json and Tests/Fixtures/logrank/<case>.json.
#
# Each fixture is the JSON that `survkit <args>` must produce (see
# docs/json-output.md, sections km and logrank), plus bookkeeping keys
# `case`, `args`, `formula`, `data` (and for km `rmst_tau_rule`). Numbers are
# written with jsonlite `digits = NA` (15 significant digits); NA, NaN and
# +-Inf become null.
#
# Conventions checked here rather than assumed (the script stops if R disagrees):
# * `std_err` is the Greenwood standard error of S(t) itself. survfit's
#   `std.err` is the standard error of the cumulative hazard (of -log S), so
#   std_err = fit$std.err * fit$surv; where S(t) = 0 R gives Inf * 0 = NaN and
#   the fixture has null (as do `lower`/`upper`, which R gives as NA/NaN there).
# * `time` is every distinct observed time (events and censorings) in the
#   stratum: survfit's default `censor = TRUE`. For (start, stop] data these
#   are the distinct stop times; entry times are not rows.
# * median and its limits come from quantile(fit, 0.5) (the contract names
#   quantile.survfit). Its helper findq works on y = 1 - curve with the start
#   time prepended (x = c(0, time), y = c(0, 1 - S)), drops repeated y values
#   (keeping the first), and with tol = sqrt(eps) takes the mean of
#   x[first index with y >= 0.5 - tol] and x[first index with y >= 0.5 + tol],
#   "first" meaning in increasing order of y (approx sorts by y; this matters
#   only for the non-monotone upper limit). If the curve ends exactly at 0.5
#   (within tol) the second point is the last time of the curve (xmax, even a
#   censoring). NA when the curve never gets to 0.5. Limits: the same on the
#   lower curve (-> median_lower) and the upper curve (-> median_upper), with
#   NA limits ignored. print()/summary()$table use a different routine
#   (survmean's minmin) that disagrees in two corner cases, both in lung_inst:
#   inst=33 (curve flat at 0.5 to a last censoring: quantile 139 = (105+173)/2,
#   print 105) and inst=12 (non-monotone upper limit: quantile 567, print 520).
#   The script prints a note for each such disagreement.
# * rmst: R's default `rmean = "common"` uses, for every stratum, the largest
#   time over all strata (survmean: end.time = max(last.time)), integrating
#   from min(0, time). The fixtures pass that tau explicitly (rmean = tau) and
#   assert the result is identical to the default; with `--tau` the case's tau
#   is passed instead.
# * Factor levels: text columns are read as character and sorted in C-locale
#   byte order (LC_COLLATE = "C"); numeric columns sort numerically.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures")
dir.create(file.path(out_dir, "km"), recursive = TRUE, showWarnings = FALSE)
dir.create(file.path(out_dir, "logrank"), recursive = TRUE, showWarnings = FALSE)

# ---- helpers ---------------------------------------------------------------

# Non-finite -> NA so jsonlite writes null.
fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
# A JSON array, even when of length 1 (auto_unbox would make it a scalar).
arr <- function(x) I(fin(x))
# A JSON scalar number or null.
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }

write_fixture <- function(obj, kind, case) {
  path <- file.path(out_dir, kind, paste0(case, ".json"))
  txt <- toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null",
                pretty = TRUE)
  writeLines(txt, path)
  cat("wrote", path, "\n")
}

read_dataset <- function(path) read.csv(path, stringsAsFactors = FALSE)

# Rows read / used / dropped, as the contract's "rows" object. A dropped row is
# attributed to the first variable of the formula (in formula order) that is
# missing in it.
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
  list(read = nrow(d), used = sum(!dropped_row), dropped = dropped,
       n_dropped = sum(dropped_row))
}

# ---- Kaplan–Meier ----------------------------------------------------------

km_case <- function(case, data, formula, conf_type = NULL, conf_level = NULL,
                    times = NULL, tau = NULL, weights = NULL, extend = FALSE) {
  d <- read_dataset(data)
  form <- as.formula(formula)
  ct <- if (is.null(conf_type)) "log" else conf_type
  cl <- if (is.null(conf_level)) 0.95 else conf_level
  d$.case_weight <- if (is.null(weights)) 1 else d[[weights]]
  fit <- survfit(form, data = d, conf.type = ct, conf.int = cl, weights = .case_weight)
  rows <- row_accounting(d, form)
  stopifnot(sum(fit$n) == rows$used)

  # tau: explicit, or R's "common" rule (largest time over all strata).
  tau_used <- if (is.null(tau)) max(fit$time) else tau
  tab_explicit <- summary(fit, rmean = tau_used)$table
  if (is.null(tau)) {
    tab_default <- summary(fit)$table  # rmean = "common"
    stopifnot(identical(unname(tab_default), unname(tab_explicit)))
  }
  tab <- if (is.matrix(tab_explicit)) tab_explicit else matrix(tab_explicit, nrow = 1,
                                                               dimnames = list(NULL, names(tab_explicit)))
  lcl <- paste0(cl, "LCL"); ucl <- paste0(cl, "UCL")
  stopifnot(all(c("rmean", "se(rmean)", "median", lcl, ucl) %in% colnames(tab)))
  # The contract's median rules are quantile.survfit's (findq); print() and
  # summary()$table use survmean's minmin, which differs in two corner cases
  # (see the header). Report where they differ, use quantile().
  q <- quantile(fit, probs = 0.5, conf.int = TRUE)
  med <- cbind(unname(c(q$quantile)), unname(c(q$lower)), unname(c(q$upper)))
  tabmed <- unname(tab[, c("median", lcl, ucl), drop = FALSE])
  differs <- !((is.na(med) & is.na(tabmed)) | (!is.na(med) & !is.na(tabmed) & med == tabmed))
  if (any(differs)) {
    for (k in which(rowSums(differs) > 0))
      message(sprintf("  note %s %s: quantile() median/lower/upper = %s, summary()$table = %s",
                      case, if (is.null(fit$strata)) "all" else names(fit$strata)[k],
                      paste(med[k, ], collapse = "/"), paste(tabmed[k, ], collapse = "/")))
  }

  nstrat <- if (is.null(fit$strata)) 1 else length(fit$strata)
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  which_stratum <- if (is.null(fit$strata)) rep(1L, length(fit$time)) else rep(seq_len(nstrat), fit$strata)

  sa <- NULL
  if (!is.null(times)) {
    # R's default extend = FALSE drops the times after a stratum's last time;
    # extend = TRUE (survkit --extend) keeps them.
    sa <- summary(fit, times = times, extend = extend)
    sa_stratum <- if (is.null(sa$strata)) rep(1L, length(sa$time)) else as.integer(sa$strata)
  }

  strata <- lapply(seq_len(nstrat), function(k) {
    w <- which(which_stratum == k)
    s <- fit$surv[w]
    zero <- s == 0
    # R: Inf*0 = NaN (std.err) and NA/NaN (limits) where S = 0; contract: null.
    stopifnot(all(!is.finite(fit$std.err[w][zero])),
              all(is.na(fit$lower[w][zero])), all(is.na(fit$upper[w][zero])))
    se <- fit$std.err[w] * s; se[zero] <- NA
    lo <- fit$lower[w]; lo[zero] <- NA
    up <- fit$upper[w]; up[zero] <- NA
    st <- list(
      label = labels[k],
      n = as.integer(fit$n[k]),
      events = as.integer(round(sum(fit$n.event[w]))),
      time = arr(fit$time[w]),
      n_risk = arr(fit$n.risk[w]),
      n_event = arr(fit$n.event[w]),
      n_censor = arr(fit$n.censor[w]),
      survival = arr(s),
      std_err = arr(se),
      lower = arr(lo),
      upper = arr(up),
      cumhaz = arr(fit$cumhaz[w]),
      median = num(med[k, 1]),
      median_lower = num(med[k, 2]),
      median_upper = num(med[k, 3]),
      rmst = list(tau = num(tau_used), estimate = num(tab[k, "rmean"]),
                  std_err = num(tab[k, "se(rmean)"]))
    )
    if (!is.null(sa)) {
      v <- which(sa_stratum == k)
      z <- sa$surv[v] == 0
      f0 <- function(x) { x <- fin(x); x[z] <- NA; I(x) }
      st$summary_at <- list(
        time = arr(sa$time[v]), n_risk = arr(sa$n.risk[v]), n_event = arr(sa$n.event[v]),
        survival = arr(sa$surv[v]), std_err = f0(sa$std.err[v]),
        lower = f0(sa$lower[v]), upper = f0(sa$upper[v]))
    }
    st
  })

  args <- c("km", data, "--formula", formula)
  if (!is.null(conf_type)) args <- c(args, "--conf-type", conf_type)
  if (!is.null(conf_level)) args <- c(args, "--conf-level", format(conf_level))
  if (!is.null(times)) args <- c(args, "--times", paste(format(times, scientific = FALSE, trim = TRUE), collapse = ","))
  if (extend) args <- c(args, "--extend")
  if (!is.null(tau)) args <- c(args, "--tau", format(tau))
  if (!is.null(weights)) args <- c(args, "--weights", weights)
  args <- c(args, "--format", "json")

  obj <- list(
    case = case,
    args = I(args),
    analysis = "kaplan-meier",
    formula = formula,
    data = data,
    conf_type = ct,
    conf_level = cl,
    n = as.integer(sum(fit$n)),
    events = as.integer(round(sum(fit$n.event))),
    n_dropped_missing = as.integer(rows$n_dropped),
    rows = rows[c("read", "used", "dropped")],
    rmst_tau_rule = if (is.null(tau)) "common" else "explicit",
    strata = strata
  )
  write_fixture(obj, "km", case)
}

lung_sex <- "Surv(time, status) ~ sex"
km_case("lung_sex", "datasets/lung.csv", lung_sex)
km_case("lung_sex_loglog", "datasets/lung.csv", lung_sex, conf_type = "log-log")
km_case("lung_sex_plain", "datasets/lung.csv", lung_sex, conf_type = "plain")
km_case("lung_sex_conf90", "datasets/lung.csv", lung_sex, conf_level = 0.90)
km_case("lung_sex_tau365", "datasets/lung.csv", lung_sex, tau = 365)
km_case("lung_all", "datasets/lung.csv", "Surv(time, status) ~ 1")
km_case("lung_sex_weighted", "datasets/lung.csv", lung_sex, weights = "age")  # case weights
km_case("lung_ph_ecog", "datasets/lung.csv", "Surv(time, status) ~ ph.ecog")
km_case("lung_sex_ph_ecog", "datasets/lung.csv", "Surv(time, status) ~ sex + ph.ecog")
# aml: text levels; the Nonmaintained curve reaches 0 at t = 45.
km_case("aml_x", "datasets/aml.csv", "Surv(time, status) ~ x")
km_case("aml_x_plain", "datasets/aml.csv", "Surv(time, status) ~ x", conf_type = "plain")
km_case("aml_x_loglog_times", "datasets/aml.csv", "Surv(time, status) ~ x",
        conf_type = "log-log", times = c(10, 45, 50, 200), extend = TRUE)
km_case("ovarian_rx_times", "datasets/ovarian.csv", "Surv(futime, fustat) ~ rx",
        times = c(100, 365, 730))
km_case("veteran_celltype", "datasets/veteran.csv", "Surv(time, status) ~ celltype")
# veteran: events and censorings tied at t = 25, 87, 100, 103, 231.
km_case("veteran_all_ties", "datasets/veteran.csv", "Surv(time, status) ~ 1")
# Left truncation / (start, stop] data.
km_case("heart_transplant", "datasets/heart.csv", "Surv(start, stop, event) ~ transplant")
km_case("bladder2_rx", "datasets/bladder2.csv", "Surv(start, stop, event) ~ rx")
km_case("heart_transplant_loglog", "datasets/heart.csv", "Surv(start, stop, event) ~ transplant",
        conf_type = "log-log", times = c(30, 365))
km_case("heart_transplant_plain", "datasets/heart.csv", "Surv(start, stop, event) ~ transplant",
        conf_type = "plain")
# Median midpoint rule: the trt=2 curve is exactly 0.5 over [51, 54) -> 52.5.
km_case("veteran_trt", "datasets/veteran.csv", "Surv(time, status) ~ trt")
# 18 strata with numeric levels (inst=10 sorts after inst=7), one row missing
# inst, and midpoint medians (inst=4, inst=10, inst=33).
km_case("lung_inst", "datasets/lung.csv", "Surv(time, status) ~ inst")
# Byte-order text levels: "X-linked" sorts before "autosomal"; (start, stop] data.
km_case("cgd_inherit", "datasets/cgd.csv", "Surv(tstart, tstop, status) ~ inherit")

# ---- log-rank / G-rho --------------------------------------------------------

logrank_case <- function(case, data, formula, rho = NULL) {
  d <- read_dataset(data)
  form <- as.formula(formula)
  r <- if (is.null(rho)) 0 else rho
  sd <- survdiff(form, data = d, rho = r)
  rows <- row_accounting(d, form)
  stopifnot(sum(sd$n) == rows$used)
  # With strata(), obs and exp are groups x strata matrices; print.survdiff sums
  # them over strata. With rho > 0 they are weighted sums (non-integer).
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  expd <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(expd > 0) - 1  # as print.survdiff
  p <- pchisq(sd$chisq, df, lower.tail = FALSE)
  stopifnot(isTRUE(all.equal(p, sd$pvalue, tolerance = 1e-12)))
  labels <- names(sd$n)
  groups <- lapply(seq_along(labels), function(k)
    list(label = labels[k], n = as.integer(sd$n[k]), observed = num(obs[k]),
         expected = num(expd[k])))
  V <- as.matrix(sd$var)
  args <- c("logrank", data, "--formula", formula)
  if (!is.null(rho)) args <- c(args, "--rho", format(rho))
  args <- c(args, "--format", "json")
  obj <- list(
    case = case,
    args = I(args),
    analysis = "logrank",
    formula = formula,
    data = data,
    rho = r,
    n = as.integer(sum(sd$n)),
    n_dropped_missing = as.integer(rows$n_dropped),
    rows = rows[c("read", "used", "dropped")],
    groups = groups,
    statistic = num(sd$chisq),
    df = as.integer(df),
    p = num(p),
    variance = lapply(seq_len(nrow(V)), function(i) arr(V[i, ]))
  )
  if (!is.null(sd$strata)) obj$n_strata <- length(sd$strata)
  write_fixture(obj, "logrank", case)
}

logrank_case("lung_sex", "datasets/lung.csv", lung_sex)
logrank_case("lung_sex_rho1", "datasets/lung.csv", lung_sex, rho = 1)
logrank_case("veteran_celltype", "datasets/veteran.csv", "Surv(time, status) ~ celltype")
# inst has one missing value (row 156): that row is dropped.
logrank_case("lung_sex_strata_inst", "datasets/lung.csv", "Surv(time, status) ~ sex + strata(inst)")
logrank_case("ovarian_rx_rho05", "datasets/ovarian.csv", "Surv(futime, fustat) ~ rx", rho = 0.5)
logrank_case("veteran_trt", "datasets/veteran.csv", "Surv(time, status) ~ trt")
logrank_case("aml_x", "datasets/aml.csv", "Surv(time, status) ~ x")
