# Reference fixtures for --landmark T on survkit km, logrank, cox and cif,
# computed with R's survival package (3.5.3 when generated) and cmprsk. Run
# from the repo root:
#   Rscript Tests/Reference/landmark.R
# Writes Tests/Fixtures/landmark/<case>.json.
#
# A landmark analysis at T is R's d <- subset(d, time > T) followed by the
# analysis of Surv(time - T, status). Each fixture holds the keys survkit must
# print: `landmark` {time, excluded = rows with time <= T}, `rows` (read = all
# rows, excluded_by_subset = the landmark's exclusions, used), n, and
# km: per stratum label, n, events, time, n_risk, n_event, survival, std_err,
#     lower, upper, median (survfit, log limits);
# logrank: statistic, df, p, groups {label, n, observed, expected} (survdiff);
# cox: coefficients {term, coef, se, z, p}, loglik, loglik_null (coxph, Efron);
# cif: per stratum label, n, time, cif by cause (survfit's Aalen–Johansen on
#      Surv(time - T, factor(status))), gray_test by cause (cmprsk::cuminc).
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- file.path("Tests", "Fixtures", "landmark")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }
arr <- function(v) I(num(v))
write_case <- function(res, name) {
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = TRUE),
             file.path(out, paste0(name, ".json")))
  cat("wrote", name, "\n")
}
landmarked <- function(path, time, t0) {
  d <- read.csv(path, stringsAsFactors = FALSE)
  keep <- !is.na(d[[time]]) & d[[time]] > t0
  list(all = d, d = d[keep, ], excluded = sum(!is.na(d[[time]]) & d[[time]] <= t0))
}
header <- function(name, command, path, formula, t0, L, used) {
  list(case = name, args = I(c(command, path, "--formula", formula, "--landmark", format(t0), "--format", "json")),
       formula = formula, data = path, landmark = list(time = t0, excluded = L$excluded),
       rows = list(read = nrow(L$all), excluded_by_subset = L$excluded, used = used))
}
shifted <- function(formula, time, t0) {
  sub(paste0("Surv(", time, ","), paste0("Surv(", time, " - ", t0, ","), formula, fixed = TRUE)
}

km_case <- function(name, data_name, time, formula, t0) {
  path <- paste0("datasets/", data_name, ".csv")
  L <- landmarked(path, time, t0)
  fit <- survfit(as.formula(shifted(formula, time, t0)), data = L$d)
  s <- summary(fit, censored = TRUE)
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  st <- if (is.null(fit$strata)) rep(1L, length(fit$time)) else rep(seq_along(fit$strata), fit$strata)
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  strata <- lapply(seq_along(labels), function(k) {
    i <- st == k
    list(label = labels[k], n = unname(tab[k, "records"]), events = unname(tab[k, "events"]),
         time = arr(fit$time[i]), n_risk = arr(fit$n.risk[i]), n_event = arr(fit$n.event[i]),
         survival = arr(fit$surv[i]), std_err = arr(fit$std.err[i] * fit$surv[i]),
         lower = arr(fit$lower[i]), upper = arr(fit$upper[i]), median = num(tab[k, "median"]))
  })
  res <- header(name, "km", path, formula, t0, L, sum(fit$n))
  res$n <- sum(fit$n)
  res$strata <- strata
  write_case(res, name)
}

logrank_case <- function(name, data_name, time, formula, t0) {
  path <- paste0("datasets/", data_name, ".csv")
  L <- landmarked(path, time, t0)
  sd <- survdiff(as.formula(shifted(formula, time, t0)), data = L$d)
  df <- length(sd$n) - 1
  res <- header(name, "logrank", path, formula, t0, L, sum(sd$n))
  res$n <- sum(sd$n)
  res$statistic <- sd$chisq
  res$df <- df
  res$p <- pchisq(sd$chisq, df, lower.tail = FALSE)
  res$groups <- lapply(seq_along(sd$n), function(k) list(
    label = sub("^([^=]+)=", "\\1=", names(sd$n)[k]), n = unname(sd$n[k]), observed = unname(sd$obs[k]),
    expected = unname(sd$exp[k])))
  write_case(res, name)
}

cox_case <- function(name, data_name, time, formula, t0) {
  path <- paste0("datasets/", data_name, ".csv")
  L <- landmarked(path, time, t0)
  fit <- coxph(as.formula(shifted(formula, time, t0)), data = L$d)
  ct <- summary(fit)$coefficients
  res <- header(name, "cox", path, formula, t0, L, fit$n)
  res$n <- fit$n
  res$events <- fit$nevent
  res$coefficients <- lapply(seq_len(nrow(ct)), function(j) list(
    term = rownames(ct)[j], coef = ct[j, "coef"], se = ct[j, "se(coef)"], z = ct[j, "z"], p = ct[j, "Pr(>|z|)"]))
  res$loglik_null <- fit$loglik[1]
  res$loglik <- fit$loglik[2]
  # rows.used after the missing-value rule
  res$rows$used <- fit$n
  write_case(res, name)
}

cif_case <- function(name, data_name, time, status, group, t0) {
  path <- paste0("datasets/", data_name, ".csv")
  L <- landmarked(path, time, t0)
  d <- L$d
  formula <- paste0("Surv(", time, ", ", status, ") ~ ", group)
  fit <- survfit(as.formula(paste0("Surv(", time, " - ", t0, ", factor(", status, ")) ~ ", group)), data = d)
  labels <- names(fit$strata)
  st <- rep(seq_along(fit$strata), fit$strata)
  causes <- sort(unique(d[[status]][d[[status]] != 0]))
  strata <- lapply(seq_along(labels), function(k) {
    i <- st == k
    cif <- list()
    for (c in causes) cif[[as.character(c)]] <- arr(fit$pstate[i, 1 + which(causes == c)])
    list(label = labels[k], n = unname(fit$n[k]), time = arr(fit$time[i]), cif = cif)
  })
  g <- cuminc(d[[time]] - t0, d[[status]], d[[group]])
  gray <- list()
  for (c in causes) {
    r <- which(rownames(g$Tests) == as.character(c))
    gray[[as.character(c)]] <- list(statistic = g$Tests[r, "stat"], df = g$Tests[r, "df"], p = g$Tests[r, "pv"])
  }
  res <- header(name, "cif", path, formula, t0, L, nrow(d))
  res$n <- nrow(d)
  res$strata <- strata
  res$gray_test <- gray
  write_case(res, name)
}

# lung (days): landmark at 180 days.
km_case("km_lung_180", "lung", "time", "Surv(time, status) ~ sex", 180)
logrank_case("logrank_lung_180", "lung", "time", "Surv(time, status) ~ sex", 180)
cox_case("cox_lung_180", "lung", "time", "Surv(time, status) ~ age + sex + ph.ecog", 180)
# veteran (days): landmark at 90 days.
km_case("km_veteran_90", "veteran", "time", "Surv(time, status) ~ trt", 90)
logrank_case("logrank_veteran_90", "veteran", "time", "Surv(time, status) ~ celltype", 90)
cox_case("cox_veteran_90", "veteran", "time", "Surv(time, status) ~ trt + karno", 90)
# pbc (days, status 0 censored / 1 transplant / 2 death): landmark at 1000 days.
cif_case("cif_pbc_1000", "pbc", "time", "status", "trt", 1000)
# mgus2 competing (months: 1 PCM, 2 death first): landmark at 60 months.
cif_case("cif_mgus2_60", "mgus2_competing", "etime", "event", "sex", 60)
# the sarcoma cohort (years): landmark at 2 years.
km_case("km_sarcoma_2", "sarcoma_patients", "os_years", "Surv(os_years, os_status) ~ grade", 2)
cox_case("cox_sarcoma_2", "sarcoma_patients", "os_years", "Surv(os_years, os_status) ~ age + grade", 2)
