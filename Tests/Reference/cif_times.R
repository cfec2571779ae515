# Reference fixtures for `survkit cif --times` (summary_at), computed with R's
# survival package (3.5.3 when generated). Run from the repo root:
#   Rscript Tests/Reference/cif_times.R
# Writes Tests/Fixtures/cif-times/<case>.json: the JSON `survkit <args>` must
# produce (docs/json-output.md, section cif), restricted to what is checked
# here, plus the bookkeeping keys `case`, `args`, `formula`, `data`.
#
# Conventions checked or chosen here:
# * summary_at is summary(survfit(Surv(time, factor(event)) ~ g), times = T)
#   (extend = FALSE, R's default, unless the case passes --extend): `time` the
#   times the stratum keeps, `n_risk` n.risk[, 1] (still in the initial
#   state), and per cause `cif` = pstate, `std_err` = std.err, `lower`/`upper`
#   the default log limits (conf.type "log", 95%, upper capped at 1).
# * R returns NA limits where the incidence is 0, except at requested times
#   before the stratum's first observed time, where summary() fills lower and
#   upper with 0 (an artefact of its padding); the contract says null where
#   the incidence is 0, so the fixture sets NA there (and checks that R's
#   values are NA or that padding 0).
# * Strata are the right-hand-side groups crossed with strata(), labelled
#   var=level joined by ", ", as recurrence.R.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures", "cif-times")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))
write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
read_dataset <- function(path) read.csv(path, stringsAsFactors = FALSE)

cif_times_case <- function(case, data, time, event, times, group = NULL, strata = NULL,
                           competing_status = NULL, extend = FALSE) {
  d <- read_dataset(data)
  if (!is.null(competing_status)) d[[event]] <- ifelse(d[[event]] == 1, 1, 2 * d[[competing_status]])
  rhs <- c(group, if (!is.null(strata)) paste0("strata(", strata, ")"))
  formula <- paste0("Surv(", time, ", ", event, ") ~ ", if (length(rhs)) paste(rhs, collapse = " + ") else "1")
  vars <- c(time, event, group, strata)
  d <- d[complete.cases(d[, vars]), ]
  key <- if (length(c(group, strata))) interaction(lapply(c(group, strata), function(v)
    factor(paste0(v, "=", d[[v]]))), sep = ", ", lex.order = TRUE, drop = TRUE) else factor(rep("all", nrow(d)))
  causes <- sort(unique(d[[event]][d[[event]] != 0]))
  strata_out <- lapply(levels(key), function(lab) {
    s <- d[key == lab, ]
    fit <- survfit(Surv(s[[time]], factor(s[[event]], levels = c(0, causes))) ~ 1)
    stopifnot(identical(fit$states, c("(s0)", as.character(causes))), fit$conf.type == "log")
    sm <- summary(fit, times = times, extend = extend)
    before <- sm$time < min(fit$time)  # summary's padding rows
    per_cause <- function(m, zero_is_na) setNames(lapply(seq_along(causes), function(j) {
      x <- m[, j + 1]
      if (zero_is_na) {
        p <- sm$pstate[, j + 1]
        stopifnot(all(is.na(x[p == 0 & !before])), all(x[p == 0 & before] == 0))
        x[p == 0] <- NA
      }
      arr(x)
    }), causes)
    # The limits recomputed from pstate and std.err by the documented rule.
    z <- qnorm(0.975)
    for (j in seq_along(causes)) {
      p <- sm$pstate[, j + 1]; se <- sm$std.err[, j + 1]; ok <- p > 0
      stopifnot(max(abs(sm$lower[ok, j + 1] - p[ok] * exp(-z * se[ok] / p[ok])), 0) < 1e-12,
                max(abs(sm$upper[ok, j + 1] - pmin(p[ok] * exp(z * se[ok] / p[ok]), 1)), 0) < 1e-12)
    }
    list(label = lab, summary_at = list(
      time = arr(sm$time), n_risk = arr(sm$n.risk[, 1]),
      cif = per_cause(sm$pstate, FALSE), std_err = per_cause(sm$std.err, FALSE),
      lower = per_cause(sm$lower, TRUE), upper = per_cause(sm$upper, TRUE)))
  })
  args <- c("cif", data, "--formula", formula)
  if (!is.null(competing_status)) args <- c(args, "--competing-status", competing_status)
  args <- c(args, "--times", paste(format(times, scientific = FALSE, trim = TRUE), collapse = ","))
  if (extend) args <- c(args, "--extend")
  obj <- list(case = case, args = I(c(args, "--format", "json")),
              analysis = "cumulative-incidence", formula = formula, data = data,
              n = nrow(d), causes = I(as.character(causes)), strata = strata_out)
  write_fixture(obj, case)
}

mg <- "datasets/mgus2_competing.csv"
# mgus2 (months): progression to a plasma-cell malignancy (1), death first (2).
# 0 lies before every curve's first time (padding rows); 400 is past the last
# time of some strata and dropped there (extend = FALSE).
cif_times_case("mgus2_sex", mg, "etime", "event", c(0, 12, 60, 120, 240, 400), group = "sex")
cif_times_case("mgus2_age_group_extend", mg, "etime", "event", c(60, 120, 240, 500), group = "age_group",
               extend = TRUE)
cif_times_case("mgus2_sex_strata_age", mg, "etime", "event", c(24, 120, 300), group = "sex", strata = "age_group")
# pbc (days): liver transplant (status 1) and death (status 2) compete.
cif_times_case("pbc_edema", "datasets/pbc.csv", "time", "status", c(365, 1826, 3652), group = "edema")
cif_times_case("pbc_all", "datasets/pbc.csv", "time", "status", c(1000, 2000, 3000, 4000))
# Synthetic sarcoma cohort (years): first local recurrence, death competing,
# 5-year incidence by resection margin (and at 1 and 2 years).
cif_times_case("sarcoma_lr_margin", "datasets/sarcoma_patients.csv", "lr_first_years", "lr_status",
               c(1, 2, 5), group = "margin", competing_status = "os_status")
