# Reference fixtures for `survkit logrank --trend`, computed with R's
# survival package (3.5.3 when generated). Run from the repo root:
#   Rscript Tests/Reference/logrank_trend.R
# Writes Tests/Fixtures/logrank-trend/<case>.json: the JSON `survkit <args>`
# must produce (docs/json-output.md, section logrank), restricted to the
# overall test and the `trend` object, plus bookkeeping keys.
#
# The test for trend (Collett, Modelling Survival Data, 3rd ed., section
# 2.6.4; Peto & Peto 1972): with scores s, survdiff's observed O and expected
# E summed over strata (rowSums of survdiff's obs/exp matrices with strata())
# and its variance matrix V (already summed over strata),
#   statistic = (s'(O - E))^2 / (s'Vs),  1 df.
# survival has no function for it, so it is computed here from survdiff's own
# matrices (for rho > 0 survdiff's weighted O, E and V). Checked below: with
# two groups it equals survdiff's chisq; it is unchanged by s -> a + b s.
# Scores: the level values when every level is a number, else 1..k in level
# (C-locale byte) order; --trend-scores gives them in level order.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures", "logrank-trend")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }
write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
read_dataset <- function(path) read.csv(path, stringsAsFactors = FALSE)

trend_stat <- function(s, O, E, V) sum(s * (O - E))^2 / c(t(s) %*% V %*% s)

trend_case <- function(case, data, formula, rho = NULL, scores = NULL) {
  d <- read_dataset(data)
  form <- as.formula(formula)
  r <- if (is.null(rho)) 0 else rho
  sd <- survdiff(form, data = d, rho = r)
  O <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  E <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  V <- as.matrix(sd$var)
  levels <- sub("^[^=]*=", "", names(sd$n))
  s <- if (!is.null(scores)) scores else {
    v <- suppressWarnings(as.numeric(levels))
    if (all(is.finite(v))) v else seq_along(levels)
  }
  stat <- trend_stat(s, O, E, V)
  stopifnot(abs(trend_stat(3 - 2 * s, O, E, V) - stat) < 1e-9 * stat)
  if (length(levels) == 2) stopifnot(abs(stat - sd$chisq) < 1e-9 * stat)
  df <- sum(E > 0) - 1
  args <- c("logrank", data, "--formula", formula)
  if (!is.null(rho)) args <- c(args, "--rho", format(rho))
  args <- c(args, "--trend")
  if (!is.null(scores)) args <- c(args, "--trend-scores", paste(format(scores, trim = TRUE), collapse = ","))
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "logrank",
              formula = formula, data = data, rho = r, n = as.integer(sum(sd$n)),
              statistic = num(sd$chisq), df = as.integer(df),
              trend = list(scores = I(fin(s)), statistic = num(stat), df = 1L,
                           p = num(pchisq(stat, 1, lower.tail = FALSE))))
  write_fixture(obj, case)
}

trend_case("pbc_stage", "datasets/pbc.csv", "Surv(time, status == 2) ~ stage")
trend_case("pbc_edema", "datasets/pbc.csv", "Surv(time, status == 2) ~ edema")  # scores 0, 0.5, 1
trend_case("pbc_stage_strata_sex", "datasets/pbc.csv", "Surv(time, status == 2) ~ stage + strata(sex)")
trend_case("lung_ph_ecog", "datasets/lung.csv", "Surv(time, status) ~ ph.ecog")
trend_case("lung_ph_ecog_strata_sex", "datasets/lung.csv", "Surv(time, status) ~ ph.ecog + strata(sex)")
trend_case("lung_ph_ecog_rho1", "datasets/lung.csv", "Surv(time, status) ~ ph.ecog", rho = 1)
trend_case("lung_ph_ecog_scores", "datasets/lung.csv", "Surv(time, status) ~ ph.ecog", scores = c(0, 1, 3, 4))
trend_case("lung_sex", "datasets/lung.csv", "Surv(time, status) ~ sex")  # two groups: the log-rank chisq
# Text levels: scores 1..4 in byte order (adeno, large, smallcell, squamous).
trend_case("veteran_celltype", "datasets/veteran.csv", "Surv(time, status) ~ celltype")
# Synthetic sarcoma cohort: overall survival across grade 1 < 2 < 3.
trend_case("sarcoma_grade", "datasets/sarcoma_patients.csv", "Surv(os_years, os_status) ~ grade")
