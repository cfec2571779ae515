# Reference fixtures for frequency-weighted input, `--counts COL` (issue 14):
# each row of a compressed table stands for COL identical subjects, and every
# result must equal R's on the EXPANDED rows, d[rep(seq_len(nrow(d)), d$n), ].
# Run from the repo root:
#   Rscript Tests/Reference/counts.R
# Writes Tests/Fixtures/counts/data/<table>.csv (the compressed tables) and
# Tests/Fixtures/counts/<case>.json (R on the expanded rows, in the form
# `survkit <args>` must print; bookkeeping keys case/args/formula/data).
# Numbers: jsonlite digits = NA; NA/NaN/Inf -> null.
#
# Tables (one row per distinct (time, status, covariates), count column n):
# * colon_death: colon, etype == 2 (death), time in months
#   ceiling(time / 30.4375), rx, sex, extent.
# * lung_months: lung, time in months ceiling(time / 30.4375), status (1/2),
#   sex, ph.ecog; the subjects with ph.ecog missing keep their own row
#   (survkit drops it as "missing: ph.ecog", R's expanded fit drops them), and
#   one row with n = 0 is added (dropped as "zero count: n").
# * colon_death_entry: colon_death with a start column (delayed entry), for
#   Surv(start, time, status).
# * mgus2_events: datasets/mgus2_competing.csv (first of PCM = 1 or death = 2),
#   etime (months), event, sex.
#
# rows: `read`/`used` count compressed rows, `dropped` the compressed rows
# dropped (missing values, zero counts), `subjects` the expanded rows used.
# Sizes (`n`, `events`, group and stratum `n`) are the expanded rows'.
#
# The case `colon_efron_weighted` is R's *weighted* Efron (coxph(weights = n)
# on the compressed rows), which uses the number of tied event rows, not
# subjects: survkit --weights n reproduces it, and it differs from the
# --counts fit (CountsReferenceTests checks both).
suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- file.path("Tests", "Fixtures", "counts")
dir.create(file.path(out_dir, "data"), recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))
num <- function(x) { x <- fin(x); if (length(x) != 1) stop("scalar expected"); x }
write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}

# One row per distinct combination of `vars` (NA kept as its own value), count n.
compress <- function(d, vars) {
  key <- do.call(paste, c(lapply(vars, function(v) ifelse(is.na(d[[v]]), "<NA>", as.character(d[[v]]))), sep = "\r"))
  first <- !duplicated(key)
  out <- d[first, vars, drop = FALSE]
  out$n <- as.integer(table(factor(key, levels = key[first])))
  o <- do.call(order, unname(as.list(out[, vars, drop = FALSE])))
  out <- out[o, , drop = FALSE]
  rownames(out) <- NULL
  out
}
expand <- function(t) { e <- t[rep(seq_len(nrow(t)), t$n), , drop = FALSE]; rownames(e) <- NULL; e }

# The rows object of survkit on the compressed table `t` with `vars` used.
rows_of <- function(t, vars) {
  miss <- is.na(t[, vars, drop = FALSE])
  missing_row <- rowSums(miss) > 0
  dropped <- list()
  if (any(missing_row)) {
    first <- vars[apply(miss[missing_row, , drop = FALSE], 1, function(r) which(r)[1])]
    for (v in vars) if (any(first == v)) dropped[[paste0("missing: ", v)]] <- sum(first == v)
  }
  zero <- !missing_row & t$n == 0
  if (any(zero)) dropped[["zero count: n"]] <- sum(zero)
  if (length(dropped) == 0) dropped <- setNames(list(), character(0))
  used <- !missing_row & !zero
  list(read = nrow(t), used = sum(used), dropped = dropped, subjects = sum(t$n[used]),
       n_dropped = sum(!used))
}

write_table <- function(t, name) {
  path <- file.path(out_dir, "data", paste0(name, ".csv"))
  write.csv(t, path, row.names = FALSE, na = "NA")
  cat("wrote", path, "(", nrow(t), "rows for", sum(t$n), "subjects )\n")
  path
}

# ---- the compressed tables ---------------------------------------------------

colon <- read.csv("datasets/colon.csv", stringsAsFactors = FALSE)
colon <- colon[colon$etype == 2, ]
colon$time <- ceiling(colon$time / 30.4375)
colon_t <- compress(colon, c("time", "status", "rx", "sex", "extent"))
colon_csv <- write_table(colon_t, "colon_death")
# Counting-process form: extent 3-4 enter at min(time - 1, 3) months (delayed entry).
colon_entry_t <- colon_t
colon_entry_t$start <- ifelse(colon_entry_t$extent >= 3, pmin(colon_entry_t$time - 1, 3), 0)
colon_entry_csv <- write_table(colon_entry_t, "colon_death_entry")

lung <- read.csv("datasets/lung.csv", stringsAsFactors = FALSE)
lung$time <- ceiling(lung$time / 30.4375)
lung_t <- compress(lung, c("time", "status", "sex", "ph.ecog"))
lung_t <- rbind(lung_t, data.frame(time = 7, status = 2, sex = 2, ph.ecog = 3, n = 0L))
lung_csv <- write_table(lung_t, "lung_months")

mg <- read.csv("datasets/mgus2_competing.csv", stringsAsFactors = FALSE)
mg_t <- compress(mg, c("etime", "event", "sex"))
mg_csv <- write_table(mg_t, "mgus2_events")

input <- function() list(format = "csv", delimiter = ",", decimal = ".", counts = "n")

# ---- km ----------------------------------------------------------------------

km_case <- function(case, t, data, formula, vars, group_labels) {
  rows <- rows_of(t, vars)
  e <- expand(t[t$n > 0, ])
  e <- e[complete.cases(e[, vars]), ]
  fit <- survfit(as.formula(formula), data = e)
  stopifnot(sum(fit$n) == rows$subjects)
  tau <- max(fit$time)
  tab <- summary(fit, rmean = tau)$table
  if (!is.matrix(tab)) tab <- matrix(tab, nrow = 1, dimnames = list(NULL, names(tab)))
  q <- quantile(fit, probs = 0.5, conf.int = TRUE)
  nstrat <- if (is.null(fit$strata)) 1 else length(fit$strata)
  which_stratum <- if (is.null(fit$strata)) rep(1L, length(fit$time)) else rep(seq_len(nstrat), fit$strata)
  strata <- lapply(seq_len(nstrat), function(k) {
    w <- which(which_stratum == k)
    s <- fit$surv[w]
    zero <- s == 0
    se <- fit$std.err[w] * s; se[zero] <- NA
    lo <- fit$lower[w]; lo[zero] <- NA
    up <- fit$upper[w]; up[zero] <- NA
    list(label = group_labels[k], n = as.integer(fit$n[k]), events = as.integer(round(sum(fit$n.event[w]))),
         time = arr(fit$time[w]), n_risk = arr(fit$n.risk[w]), n_event = arr(fit$n.event[w]),
         n_censor = arr(fit$n.censor[w]), survival = arr(s), std_err = arr(se), lower = arr(lo),
         upper = arr(up), cumhaz = arr(fit$cumhaz[w]),
         median = num(c(q$quantile)[k]), median_lower = num(c(q$lower)[k]), median_upper = num(c(q$upper)[k]),
         rmst = list(tau = num(tau), estimate = num(tab[k, "rmean"]), std_err = num(tab[k, "se(rmean)"])))
  })
  obj <- list(case = case, args = I(c("km", data, "--formula", formula, "--counts", "n", "--format", "json")),
              analysis = "kaplan-meier", formula = formula, data = data,
              n = as.integer(sum(fit$n)), events = as.integer(round(sum(fit$n.event))),
              n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped", "subjects")],
              input = input(), strata = strata)
  write_fixture(obj, case)
}

km_case("colon_km_rx", colon_t, colon_csv, "Surv(time, status) ~ rx", c("time", "status", "rx"),
        c("rx=Lev", "rx=Lev+5FU", "rx=Obs"))
km_case("lung_km_sex", lung_t, lung_csv, "Surv(time, status) ~ sex", c("time", "status", "sex"),
        c("sex=1", "sex=2"))

# ---- logrank -----------------------------------------------------------------

logrank_case <- function(case, t, data, formula, vars, labels) {
  rows <- rows_of(t, vars)
  e <- expand(t[t$n > 0, ])
  e <- e[complete.cases(e[, vars]), ]
  sd <- survdiff(as.formula(formula), data = e)
  nstr <- if (grepl("strata\\(", formula)) length(unique(e[[sub(".*strata\\((\\w+)\\).*", "\\1", formula)]])) else 1
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  expct <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  groups <- lapply(seq_along(labels), function(k) list(label = labels[k], n = as.integer(sd$n[k]),
                                                        observed = num(obs[k]), expected = num(expct[k])))
  df <- sum(expct > 0) - 1
  obj <- list(case = case, args = I(c("logrank", data, "--formula", formula, "--counts", "n", "--format", "json")),
              analysis = "logrank", formula = formula, data = data, rho = 0, n = as.integer(sum(sd$n)),
              n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped", "subjects")],
              input = input(), groups = groups, statistic = num(sd$chisq), df = as.integer(df),
              p = num(pchisq(sd$chisq, df, lower.tail = FALSE)), variance = I(unname(sd$var)))
  write_fixture(obj, case)
}

logrank_case("colon_logrank_rx", colon_t, colon_csv, "Surv(time, status) ~ rx", c("time", "status", "rx"),
             c("rx=Lev", "rx=Lev+5FU", "rx=Obs"))
logrank_case("colon_logrank_rx_strata_sex", colon_t, colon_csv, "Surv(time, status) ~ rx + strata(sex)",
             c("time", "status", "rx", "sex"), c("rx=Lev", "rx=Lev+5FU", "rx=Obs"))

# ---- cif ---------------------------------------------------------------------

cif_case <- function(case, t, data, time, event, group) {
  vars <- c(time, event, group)
  formula <- paste0("Surv(", time, ", ", event, ") ~ ", group)
  rows <- rows_of(t, vars)
  e <- expand(t[t$n > 0, ])
  e <- e[complete.cases(e[, vars]), ]
  causes <- sort(unique(e[[event]][e[[event]] != 0]))
  levels_g <- sort(unique(e[[group]]))
  strata <- lapply(levels_g, function(g) {
    s <- e[e[[group]] == g, ]
    fit <- survfit(Surv(s[[time]], factor(s[[event]], levels = c(0, causes))) ~ 1)
    list(label = paste0(group, "=", g), n = nrow(s), time = arr(fit$time), n_risk = arr(fit$n.risk[, 1]),
         n_event = setNames(lapply(seq_along(causes), function(j) arr(fit$n.event[, j + 1])), causes),
         cif = setNames(lapply(seq_along(causes), function(j) arr(fit$pstate[, j + 1])), causes),
         std_err = setNames(lapply(seq_along(causes), function(j) arr(fit$std.err[, j + 1])), causes))
  })
  tst <- cuminc(e[[time]], e[[event]], e[[group]])$Tests
  gray <- setNames(lapply(rownames(tst), function(cz) list(
    statistic = num(tst[cz, "stat"]), df = as.integer(tst[cz, "df"]),
    p = num(pchisq(tst[cz, "stat"], tst[cz, "df"], lower.tail = FALSE)))), rownames(tst))
  obj <- list(case = case, args = I(c("cif", data, "--formula", formula, "--counts", "n", "--format", "json")),
              analysis = "cumulative-incidence", formula = formula, data = data, n = rows$subjects,
              n_dropped_missing = rows$n_dropped, rows = rows[c("read", "used", "dropped", "subjects")],
              input = input(), causes = I(as.character(causes)), strata = strata, gray_test = gray)
  write_fixture(obj, case)
}

cif_case("mgus2_cif_sex", mg_t, mg_csv, "etime", "event", "sex")

# ---- cox ---------------------------------------------------------------------

cox_case <- function(case, t, data, formula, vars, terms, ties = "efron", robust = FALSE, weighted = FALSE) {
  # A cluster() term makes coxph's variance robust without robust = TRUE.
  clustered <- grepl("cluster\\(", formula)
  rows <- rows_of(t, vars)
  if (weighted) {
    # R's weighted Efron on the compressed rows (the contrast, not the reference of --counts).
    e <- t[t$n > 0 & complete.cases(t[, vars]), ]
    fit <- coxph(as.formula(formula), data = e, ties = ties, weights = n)
    n_out <- fit$n; events_out <- fit$nevent
  } else {
    e <- expand(t[t$n > 0, ])
    e <- e[complete.cases(e[, vars]), ]
    fit <- if (robust) coxph(as.formula(formula), data = e, ties = ties, robust = TRUE)
           else coxph(as.formula(formula), data = e, ties = ties)
    stopifnot(fit$n == rows$subjects)
    n_out <- fit$n; events_out <- fit$nevent
  }
  cf <- coef(fit)
  stopifnot(length(cf) == length(terms), !any(is.na(cf)))
  robust_used <- robust || clustered
  se <- sqrt(diag(if (robust_used) fit$naive.var else fit$var))
  used_se <- sqrt(diag(fit$var))
  z <- cf / used_se
  coefs <- lapply(seq_along(cf), function(j) list(
    term = terms[j], coef = num(cf[j]), se = num(se[j]), robust_se = if (robust_used) num(used_se[j]) else NA,
    z = num(z[j]), p = num(2 * pnorm(-abs(z[j]))), hr = num(exp(cf[j])),
    hr_lower = num(exp(cf[j] - qnorm(0.975) * used_se[j])), hr_upper = num(exp(cf[j] + qnorm(0.975) * used_se[j]))))
  df <- length(cf)
  lr <- 2 * (fit$loglik[2] - fit$loglik[1])
  wald <- unname(fit$wald.test)
  test <- function(s) list(statistic = num(s), df = df, p = num(pchisq(s, df, lower.tail = FALSE)))
  args <- c("cox", data, "--formula", formula, if (weighted) c("--weights", "n") else c("--counts", "n"))
  if (ties != "efron") args <- c(args, "--ties", ties)
  if (robust) args <- c(args, "--robust")
  obj <- list(case = case, args = I(c(args, "--format", "json")), analysis = "cox", formula = formula,
              data = data, ties = ties, n = as.integer(n_out), events = as.integer(events_out),
              n_dropped_missing = rows$n_dropped, coefficients = coefs,
              loglik_null = num(fit$loglik[1]), loglik = num(fit$loglik[2]),
              tests = list(likelihood_ratio = test(lr), wald = test(wald), score = test(unname(fit$score))),
              variance = I(unname(fit$var)),
              concordance = list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"])),
              aic = num(AIC(fit)), bic = num(BIC(fit)))
  if (!weighted) {
    obj$rows <- rows[c("read", "used", "dropped", "subjects")]
    obj$input <- input()
  }
  write_fixture(obj, case)
}

colon_terms <- c("rx=Lev+5FU", "rx=Obs", "sex", "extent=2", "extent=3", "extent=4")
colon_vars <- c("time", "status", "rx", "sex", "extent")
cox_case("colon_efron", colon_t, colon_csv, "Surv(time, status) ~ rx + sex + factor(extent)", colon_vars, colon_terms)
cox_case("colon_breslow", colon_t, colon_csv, "Surv(time, status) ~ rx + sex + factor(extent)", colon_vars,
         colon_terms, ties = "breslow")
cox_case("colon_efron_strata", colon_t, colon_csv, "Surv(time, status) ~ rx + factor(extent) + strata(sex)",
         colon_vars, colon_terms[-3])
cox_case("colon_breslow_strata", colon_t, colon_csv, "Surv(time, status) ~ rx + factor(extent) + strata(sex)",
         colon_vars, colon_terms[-3], ties = "breslow")
cox_case("colon_efron_robust", colon_t, colon_csv, "Surv(time, status) ~ rx + sex + factor(extent)", colon_vars,
         colon_terms, robust = TRUE)
# cluster(extent): the subjects a row stands for share its cluster (the expanded rows' ids).
cox_case("colon_efron_cluster", colon_t, colon_csv, "Surv(time, status) ~ rx + sex + cluster(extent)", colon_vars,
         colon_terms[1:3])
cox_case("colon_efron_weighted", colon_t, colon_csv, "Surv(time, status) ~ rx + sex + factor(extent)", colon_vars,
         colon_terms, weighted = TRUE)
# (start, stop] data (agreg's path), Efron and Breslow.
cox_case("colon_entry_efron", colon_entry_t, colon_entry_csv, "Surv(start, time, status) ~ rx + sex + factor(extent)",
         c("start", colon_vars), colon_terms)
cox_case("colon_entry_breslow", colon_entry_t, colon_entry_csv, "Surv(start, time, status) ~ rx + sex + factor(extent)",
         c("start", colon_vars), colon_terms, ties = "breslow")
lung_vars <- c("time", "status", "sex", "ph.ecog")
cox_case("lung_efron", lung_t, lung_csv, "Surv(time, status) ~ sex + factor(ph.ecog)", lung_vars,
         c("sex", "ph.ecog=1", "ph.ecog=2", "ph.ecog=3"))
cox_case("lung_efron_strata", lung_t, lung_csv, "Surv(time, status) ~ factor(ph.ecog) + strata(sex)", lung_vars,
         c("ph.ecog=1", "ph.ecog=2", "ph.ecog=3"))

# ---- poisson -----------------------------------------------------------------
# glm on the expanded rows: each subject's death (0/1) over its follow-up months.

poisson_case <- function(case, t, data, formula, vars, terms) {
  rows <- rows_of(t, vars)
  e <- expand(t[t$n > 0, ])
  e <- e[complete.cases(e[, vars]), ]
  fit <- glm(as.formula(formula), family = poisson, data = e)
  s <- summary(fit)$coefficients
  cf <- coef(fit)
  coefs <- lapply(seq_along(cf), function(j) {
    b <- cf[j]; se <- s[j, 2]
    list(term = terms[j], coef = num(b), se = num(se), z = num(b / se), p = num(2 * pnorm(-abs(b / se))),
         rr = num(exp(b)), rr_lower = num(exp(b - qnorm(0.975) * se)), rr_upper = num(exp(b + qnorm(0.975) * se)))
  })
  obj <- list(case = case, args = I(c("poisson", data, "--formula", formula, "--counts", "n", "--format", "json")),
              analysis = "poisson", formula = formula, data = data, n = as.integer(nobs(fit)),
              n_dropped_missing = rows$n_dropped, events = num(sum(e$status)),
              converged = fit$converged, coefficients = coefs, deviance = num(fit$deviance),
              null_deviance = num(fit$null.deviance), df_residual = as.integer(fit$df.residual),
              df_null = as.integer(fit$df.null), aic = num(AIC(fit)), bic = num(BIC(fit)),
              loglik = num(as.numeric(logLik(fit))), variance = I(unname(vcov(fit))),
              rows = rows[c("read", "used", "dropped", "subjects")], input = input())
  write_fixture(obj, case)
}

poisson_case("colon_poisson", colon_t, colon_csv, "status ~ rx + sex + factor(extent) + offset(log(time))",
             colon_vars, c("(Intercept)", colon_terms))

# ---- rates -------------------------------------------------------------------
# poisson.test on the expanded rows' totals: deaths over person-months by rx.

rates_case <- function(case, t, data, events, person_time, by) {
  vars <- c(events, by, person_time)
  rows <- rows_of(t, vars)
  e <- expand(t[t$n > 0, ])
  e <- e[complete.cases(e[, vars]), ]
  key <- factor(paste0(by, "=", e[[by]]))
  x <- tapply(e[[events]], key, sum); pt <- tapply(e[[person_time]], key, sum)
  groups <- lapply(seq_along(x), function(k) {
    one <- poisson.test(x[k], pt[k])
    g <- list(label = levels(key)[k], events = as.integer(x[k]), person_time = num(pt[k]),
              rate = num(x[k] / pt[k] * 1000), lower = num(one$conf.int[1] * 1000),
              upper = num(one$conf.int[2] * 1000), rate_ratio = 1, rr_lower = NA, rr_upper = NA)
    if (k > 1) {
      two <- poisson.test(c(x[k], x[1]), c(pt[k], pt[1]))
      g$rate_ratio <- num(two$estimate); g$rr_lower <- num(two$conf.int[1]); g$rr_upper <- num(two$conf.int[2])
    }
    g
  })
  obj <- list(case = case, args = I(c("rates", data, "--events", events, "--person-time", person_time,
                                      "--by", by, "--counts", "n", "--format", "json")),
              analysis = "rates", data = data, per = 1000, conf_level = 0.95,
              rows = rows[c("read", "used", "dropped", "subjects")], input = input(), groups = groups)
  write_fixture(obj, case)
}

rates_case("colon_rates_rx", colon_t, colon_csv, "status", "time", "rx")
