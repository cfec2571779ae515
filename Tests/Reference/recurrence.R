# Reference fixtures for `survkit cif`, `survkit mcf` and `survkit rates`,
# computed with R's survival package (3.5.3 when generated) and cmprsk.
# Run from the repo root:
#   Rscript Tests/Reference/recurrence.R
# Writes datasets/mgus2_competing.csv (derived from datasets/mgus2.csv, see
# datasets/README.md) and Tests/Fixtures/{cif,mcf,rates}/<case>.json.
#
# Each fixture is the JSON `survkit <args>` must produce (docs/json-output.md,
# sections cif, rates, recur/mcf), plus bookkeeping keys `case`,
# `args`, `formula`, `data`. Numbers: jsonlite digits = NA (15 significant
# digits); NA/NaN/Inf -> null.
#
# Conventions checked or chosen here:
# * cif: the reference is survfit(Surv(time, factor(event)) ~ g), the
#   Aalen–Johansen estimator; `cif` is the pstate column of each cause and
#   `std_err` survfit's std.err (infinitesimal jackknife, survfit's default for
#   multi-state curves). cmprsk::cuminc gives the same estimates (checked
#   below, 1e-12) but a different (delta-method) variance, which is NOT used.
#   `n_risk` is n.risk[, 1], the number still in the initial state. Rows are
#   every distinct time (events and censorings). `gray_test` is
#   cmprsk::cuminc(time, event, group, strata)$Tests (rho = 0); null with one group.
#   cmprsk does not merge near-tied times (survfit's timefix does): the data
#   here have no near ties.
# * mcf: survfit(Surv(start, stop, event) ~ g, id = id): `mcf` = cumhaz,
#   `std_err` = std.chaz (robust, id-clustered infinitesimal jackknife; without
#   id= survfit gives the smaller Aalen variance). survfit's lower/upper are for
#   exp(-cumhaz); survkit's limits are for the MCF on the log scale:
#   mcf * exp(-+ z * se / mcf), 0 where mcf = 0. survfit's default is the
#   robust variance only when some id has 2+ events (else the Aalen variance);
#   survkit always gives the robust one, so the fixtures use robust = TRUE
#   (and check the default agrees on these data).
# * rates: poisson.test(x, T)$conf.int (Garwood exact) times `per`, and for
#   each group after the first poisson.test(c(x, x1), c(T, T1))$conf.int
#   (conditional binomial / Clopper–Pearson limits mapped to the ratio).
suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures")
for (k in c("cif", "mcf", "rates")) dir.create(file.path(out_dir, k), recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }
write_fixture <- function(obj, kind, case) {
  path <- file.path(out_dir, kind, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
read_dataset <- function(path) read.csv(path, stringsAsFactors = FALSE)
row_accounting <- function(d, vars) {
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

# ---- derived dataset: mgus2 with progression and death competing -------------
# As the survival package's competing-risks vignette: the first of plasma-cell
# malignancy (PCM, event 1) or death (event 2), censored (0) otherwise.
m <- read_dataset("datasets/mgus2.csv")
m$etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
m$event <- ifelse(m$pstat == 0, 2 * m$death, 1)
m$age_group <- ifelse(m$age >= 70, "70+", "<70")
write.csv(m[, c("id", "age", "age_group", "sex", "hgb", "mspike", "etime", "event")],
          "datasets/mgus2_competing.csv", row.names = FALSE, na = "NA")

# ---- cif ---------------------------------------------------------------------

cif_case <- function(case, data, time, event, group = NULL, strata = NULL, competing_status = NULL) {
  d <- read_dataset(data)
  # --competing-status: status 0 with the competing status 1 becomes cause 2.
  if (!is.null(competing_status)) d[[event]] <- ifelse(d[[event]] == 1, 1, 2 * d[[competing_status]])
  rhs <- c(group, if (!is.null(strata)) paste0("strata(", strata, ")"))
  formula <- paste0("Surv(", time, ", ", event, ") ~ ", if (length(rhs)) paste(rhs, collapse = " + ") else "1")
  vars <- c(time, event, group, strata)
  rows <- row_accounting(d, vars)
  d <- d[complete.cases(d[, vars]), ]
  # Curves: groups crossed with strata, labelled var=level joined by ", ".
  key <- if (length(c(group, strata))) interaction(lapply(c(group, strata), function(v)
    factor(paste0(v, "=", d[[v]]))), sep = ", ", lex.order = TRUE, drop = TRUE) else factor(rep("all", nrow(d)))
  causes <- sort(unique(d[[event]][d[[event]] != 0]))
  strata_out <- lapply(levels(key), function(lab) {
    s <- d[key == lab, ]
    fit <- survfit(Surv(s[[time]], factor(s[[event]], levels = c(0, causes))) ~ 1)
    stopifnot(identical(fit$states, c("(s0)", as.character(causes))))
    cif <- setNames(lapply(seq_along(causes), function(j) arr(fit$pstate[, j + 1])), causes)
    se <- setNames(lapply(seq_along(causes), function(j) arr(fit$std.err[, j + 1])), causes)
    nev <- setNames(lapply(seq_along(causes), function(j) arr(fit$n.event[, j + 1])), causes)
    # cmprsk gives the same incidence at the event times.
    ci <- cuminc(s[[time]], s[[event]])
    for (j in seq_along(causes)) {
      est <- timepoints(ci, fit$time)$est[j, ]
      ok <- !is.na(est)
      stopifnot(max(abs(est[ok] - fit$pstate[ok, j + 1])) < 1e-12)
    }
    list(label = lab, n = nrow(s), time = arr(fit$time), n_risk = arr(fit$n.risk[, 1]),
         n_event = nev, cif = cif, std_err = se)
  })
  gray <- NULL
  if (!is.null(group) && length(unique(d[[group]])) > 1) {
    ci <- if (is.null(strata)) cuminc(d[[time]], d[[event]], d[[group]])
          else cuminc(d[[time]], d[[event]], d[[group]], strata = d[[strata]])
    tst <- ci$Tests
    gray <- setNames(lapply(rownames(tst), function(cz) list(
      statistic = num(tst[cz, "stat"]), df = as.integer(tst[cz, "df"]),
      p = num(pchisq(tst[cz, "stat"], tst[cz, "df"], lower.tail = FALSE)))), rownames(tst))
  }
  args <- c("cif", data, "--formula", formula)
  if (!is.null(competing_status)) args <- c(args, "--competing-status", competing_status)
  obj <- list(case = case, args = I(c(args, "--format", "json")),
              analysis = "cumulative-incidence", formula = formula, data = data,
              n = rows$used, n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped")],
              causes = I(as.character(causes)), strata = strata_out, gray_test = gray)
  write_fixture(obj, "cif", case)
}

mg <- "datasets/mgus2_competing.csv"
cif_case("mgus2_all", mg, "etime", "event")
cif_case("mgus2_sex", mg, "etime", "event", group = "sex")
cif_case("mgus2_age_group", mg, "etime", "event", group = "age_group")
# Stratified Gray test (cmprsk strata =), curves for sex x age group.
cif_case("mgus2_sex_strata_age", mg, "etime", "event", group = "sex", strata = "age_group")
# Synthetic sarcoma cohort: first local recurrence with death competing, coded
# by survkit from lr_status and os_status (--competing-status os_status).
cif_case("sarcoma_lr_grade", "datasets/sarcoma_patients.csv", "lr_first_years", "lr_status",
         group = "grade", competing_status = "os_status")

# ---- mcf ---------------------------------------------------------------------

mcf_case <- function(case, data, start, stop, event, id, group = NULL, conf_level = NULL) {
  d <- read_dataset(data)
  formula <- paste0("Surv(", start, ", ", stop, ", ", event, ") ~ ",
                    paste(c(group, paste0("cluster(", id, ")")), collapse = " + "))
  vars <- c(start, stop, event, group, id)
  rows <- row_accounting(d, vars)
  d <- d[complete.cases(d[, vars]), ]
  cl <- if (is.null(conf_level)) 0.95 else conf_level
  z <- qnorm(0.5 + cl / 2)
  form <- as.formula(paste0("Surv(", start, ", ", stop, ", ", event, ") ~ ", if (is.null(group)) "1" else group))
  d$.subject <- d[[id]]
  fit <- survfit(form, data = d, id = .subject, robust = TRUE)
  # survfit's own default is robust only when some id has two or more events;
  # survkit is always robust (the IJ variance is valid either way). Check the
  # default agrees on these (recurrent-event) data sets.
  dflt <- survfit(form, data = d, id = .subject)
  stopifnot(anyDuplicated(d[[id]][d[[event]] == 1]) > 0, identical(dflt$std.chaz, fit$std.chaz))
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  which_stratum <- if (is.null(fit$strata)) rep(1L, length(fit$time)) else rep(seq_along(labels), fit$strata)
  key <- if (is.null(group)) rep("all", nrow(d)) else paste0(group, "=", d[[group]])
  strata_out <- lapply(seq_along(labels), function(k) {
    w <- which_stratum == k
    s <- d[key == labels[k], ]
    h <- fit$cumhaz[w]; se <- fit$std.chaz[w]
    lo <- ifelse(h > 0, h * exp(-z * se / h), 0)
    up <- ifelse(h > 0, h * exp(z * se / h), 0)
    list(label = labels[k], subjects = length(unique(s[[id]])), events = sum(s[[event]]),
         time = arr(fit$time[w]), n_risk = arr(fit$n.risk[w]), n_event = arr(fit$n.event[w]),
         mcf = arr(h), std_err = arr(se), lower = arr(lo), upper = arr(up))
  })
  args <- c("mcf", data, "--formula", formula)
  if (!is.null(conf_level)) args <- c(args, "--conf-level", format(conf_level))
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "mcf",
              formula = formula, data = data, n = rows$used, events = sum(d[[event]]),
              n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped")],
              conf_type = "log", conf_level = cl, strata = strata_out)
  write_fixture(obj, "mcf", case)
}

mcf_case("bladder2_rx", "datasets/bladder2.csv", "start", "stop", "event", "id", group = "rx")
mcf_case("bladder2_all_conf90", "datasets/bladder2.csv", "start", "stop", "event", "id", conf_level = 0.90)
mcf_case("cgd_treat", "datasets/cgd.csv", "tstart", "tstop", "status", "id", group = "treat")
mcf_case("sarcoma_surgery", "datasets/sarcoma_recurrences.csv", "start", "stop", "event", "id", group = "surgery")

# ---- rates -------------------------------------------------------------------

rates_case <- function(case, data, events, person_time, by = NULL, per = NULL, conf_level = NULL) {
  d <- read_dataset(data)
  vars <- c(events, by, person_time)
  rows <- row_accounting(d, vars)
  d <- d[complete.cases(d[, vars]), ]
  p <- if (is.null(per)) 1000 else per
  cl <- if (is.null(conf_level)) 0.95 else conf_level
  key <- if (is.null(by)) factor(rep("all", nrow(d))) else factor(paste0(by, "=", d[[by]]))
  x <- tapply(d[[events]], key, sum); t <- tapply(d[[person_time]], key, sum)
  groups <- lapply(seq_along(x), function(k) {
    one <- poisson.test(x[k], t[k], conf.level = cl)
    g <- list(label = levels(key)[k], events = as.integer(x[k]), person_time = num(t[k]),
              rate = num(x[k] / t[k] * p), lower = num(one$conf.int[1] * p), upper = num(one$conf.int[2] * p),
              rate_ratio = 1, rr_lower = NA, rr_upper = NA)
    if (k > 1) {
      two <- poisson.test(c(x[k], x[1]), c(t[k], t[1]), conf.level = cl)
      g$rate_ratio <- num(two$estimate); g$rr_lower <- num(two$conf.int[1]); g$rr_upper <- num(two$conf.int[2])
    }
    g
  })
  args <- c("rates", data, "--events", events, "--person-time", person_time)
  if (!is.null(by)) args <- c(args, "--by", by)
  if (!is.null(per)) args <- c(args, "--per", format(per))
  if (!is.null(conf_level)) args <- c(args, "--conf-level", format(conf_level))
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "rates", data = data,
              per = p, conf_level = cl, rows = rows[c("read", "used", "dropped")], groups = groups)
  write_fixture(obj, "rates", case)
}

sp <- "datasets/sarcoma_patients.csv"
rates_case("sarcoma_margin_per100", sp, "lr_count", "os_years", by = "margin", per = 100)
rates_case("sarcoma_surgery", sp, "lr_count", "os_years", by = "surgery")
rates_case("sarcoma_all_conf90", sp, "lr_count", "os_years", conf_level = 0.90)
rates_case("sarcoma_grade", sp, "lr_count", "os_years", by = "grade", per = 1)
