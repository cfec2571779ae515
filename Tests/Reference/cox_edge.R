# Edge cases of R's coxph (survival 3.5.3 when generated): where the
# Newton-Raphson iteration stops on a monotone likelihood, maxiter = 0 / 1 / 2,
# R's exact warning texts, exact-equality ties in the concordance, degenerate
# strata and data.
# Regenerate from the repository root:  Rscript Tests/Reference/cox_edge.R
# Writes Tests/Fixtures/cox-edge/<case>.json (library-level cases: model inputs +
# R's outputs, as Tests/Reference/cox.R), Tests/Fixtures/cox-edge/*.csv (data for
# the command-line cases) and Tests/Fixtures/cox-edge/cli/<case>.json (what
# `survkit <args>` must print, in the JSON contract's form).
#
# Conventions:
# * `warnings` are R's warning messages exactly (conditionMessage), spaces included.
# * `iterations` is fit$iter: R's coxfit6 (right-censored) reports maxiter + 1 when
#   it runs out of iterations, agfit4 ((start, stop]) reports maxiter.
# * `concordance` is fit$concordance (concordant/discordant/tied.x... and std);
#   `concordance_c` / `concordance_se` are its concordance and std, null when R's
#   is NaN (no comparable pairs).
# * `converged`: R's fitter did not flag "out of iterations" (coxfit6 flag 1000,
#   agfit4 info["convergence"]); false with maxiter = 0 (the initial values are
#   returned). With maxiter <= 1 R gives no warning either way.
# * `error` is R's error message when coxph stops.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/cox-edge"
dir.create(file.path(out, "cli"), recursive = TRUE, showWarnings = FALSE)
num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

fit_capture <- function(expr) {
  warns <- character(0)
  fit <- tryCatch(withCallingHandlers(expr,
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) structure(conditionMessage(e), class = "fit_error"))
  list(fit = fit, warnings = warns)
}

write_case <- function(name, formula, data, term_names, ties = "efron", iter_max = 20, init = NULL,
                       note = "") {
  cap <- fit_capture(if (is.null(init))
    coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE,
          control = coxph.control(iter.max = iter_max))
  else coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE, init = init,
             control = coxph.control(iter.max = iter_max)))
  fit <- cap$fit
  options <- list(ties = ties, iter_max = iter_max, init = init)
  if (inherits(fit, "fit_error")) {
    res <- list(case = name, note = note, formula = deparse(formula), options = options,
                expected = list(error = unclass(fit), warnings = I(cap$warnings)))
  } else {
    mf <- fit$model; Y <- fit$y; X <- fit$x
    stopifnot(ncol(X) == length(term_names))
    input <- list(
      status = as.integer(Y[, ncol(Y)]), stop = num(Y[, ncol(Y) - 1]),
      start = if (ncol(Y) == 3) num(Y[, 1]) else NULL,
      x = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
      term_names = I(term_names), term_of_column = I(term_names),
      strata_codes = if (!is.null(fit$strata)) as.integer(fit$strata) - 1L else NULL,
      strata_labels = if (!is.null(fit$strata)) levels(fit$strata) else NULL)
    cc <- fit$concordance
    expected <- list(
      n = nrow(X), events = sum(Y[, ncol(Y)]), iterations = fit$iter,
      coef = I(num(coef(fit))), se = I(num(sqrt(diag(fit$var)))),
      converged = iter_max > 0 && (if (ncol(Y) == 3) fit$info[["convergence"]] == 0 else fit$iter <= iter_max), loglik = fit$loglik, score = fit$score,
      variance = unname(fit$var), warnings = I(cap$warnings),
      linear_predictors = fit$linear.predictors,
      concordance_c = num(cc["concordance"]), concordance_se = num(cc["std"]),
      concordance_counts = unname(cc[c("concordant", "discordant", "tied.x", "tied.y", "tied.xy")]))
    res <- list(case = name, note = note, formula = deparse(formula), options = options,
                input = input, expected = expected)
  }
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"),
             file.path(out, paste0(name, ".json")))
  cat(name, ":", if (inherits(fit, "fit_error")) unclass(fit) else format(coef(fit), digits = 10),
      "iter", if (!inherits(fit, "fit_error")) fit$iter, "|", cap$warnings, "\n")
}

# The command-line form: args and the contract keys that must match.
cli_case <- function(name, csv, formula, ties = "efron", iter_max = 20, extra = character(0)) {
  data <- read.csv(file.path(out, csv), stringsAsFactors = TRUE)
  args <- c("cox", file.path(out, csv), "--formula", formula)
  if (ties != "efron") args <- c(args, "--ties", ties)
  if (iter_max != 20) args <- c(args, "--max-iterations", as.character(iter_max))
  args <- c(args, extra, "--format", "json")
  cap <- fit_capture(coxph(as.formula(formula), data = data, ties = ties,
                           control = coxph.control(iter.max = iter_max)))
  fit <- cap$fit
  if (inherits(fit, "fit_error")) {
    res <- list(case = name, args = args, r_error = unclass(fit))
  } else {
    se <- sqrt(diag(fit$var))
    # R names a factor dummy `celltypesquamous`; the contract says `celltype=squamous`.
    terms <- names(coef(fit))
    for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) terms[terms == paste0(v, l)] <- paste0(v, "=", l)
    res <- list(case = name, args = args, iterations = fit$iter,
                converged = !any(grepl("Ran out of iterations", cap$warnings)) && iter_max > 0,
                coefficients = lapply(seq_along(coef(fit)), function(j)
                  list(term = terms[j], coef = unname(coef(fit)[j]), se = unname(se[j]))),
                loglik_null = fit$loglik[1], loglik = fit$loglik[2],
                warnings = I(cap$warnings))
    c0 <- fit$concordance["concordance"]
    if (is.finite(c0)) res$concordance <- list(c = unname(c0), se = unname(fit$concordance["std"]))
  }
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null"),
             file.path(out, "cli", paste0(name, ".json")))
}

# ---- 1. Monotone likelihood (complete separation) --------------------------
# Every death with g = 1 happens before any death with g = 0.
sep <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0),
                  g = c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0), age = c(50, 61, 45, 70, 52, 66, 58, 49, 71, 63))
sep$t0 <- 0
write.csv(sep, file.path(out, "separation.csv"), row.names = FALSE)
for (ties in c("efron", "breslow")) {
  write_case(paste0("sep_right_", ties), Surv(time, status) ~ g + age, sep, c("g", "age"), ties = ties)
  write_case(paste0("sep_counting_", ties), Surv(t0, time, status) ~ g + age, sep, c("g", "age"), ties = ties)
  write_case(paste0("sep_right_g_", ties), Surv(time, status) ~ g, sep, "g", ties = ties)
  write_case(paste0("sep_counting_g_", ties), Surv(t0, time, status) ~ g, sep, "g", ties = ties)
}
# maxiter 0 (initial values, iter 0, no warning), 1 (one step, no warning), 2 and 3
# (out of iterations: R's warning; right-censored variance diag(1/diag(I)))
for (m in 0:3) {
  write_case(paste0("sep_right_maxiter", m), Surv(time, status) ~ g + age, sep, c("g", "age"), iter_max = m)
  write_case(paste0("sep_counting_maxiter", m), Surv(t0, time, status) ~ g + age, sep, c("g", "age"), iter_max = m)
}
# Real data: lung restricted so that every male death precedes every female time.
lung <- read.csv("datasets/lung.csv")
lsub <- lung[(lung$sex == 1 & lung$status == 2 & lung$time < 150) | (lung$sex == 2 & lung$time >= 150), ]
lsub <- lsub[complete.cases(lsub[, c("time", "status", "sex", "age")]), c("time", "status", "sex", "age")]
lsub$male <- as.integer(lsub$sex == 1)
write.csv(lsub, file.path(out, "lung_separated.csv"), row.names = FALSE)
write_case("lung_separated_efron", Surv(time, status) ~ male + age, lsub, c("male", "age"))
write_case("lung_separated_breslow", Surv(time, status) ~ male + age, lsub, c("male", "age"), ties = "breslow")
cli_case("separation_right", "separation.csv", "Surv(time, status) ~ g + age")
cli_case("separation_counting", "separation.csv", "Surv(t0, time, status) ~ g + age", ties = "breslow")
cli_case("separation_maxiter0", "separation.csv", "Surv(time, status) ~ g + age", iter_max = 0)
cli_case("separation_maxiter2", "separation.csv", "Surv(time, status) ~ g + age", iter_max = 2)
cli_case("lung_separated", "lung_separated.csv", "Surv(time, status) ~ male + age")

# ---- 2. Concordance: only exactly equal linear predictors are tied -----------
# Group c is group b twice over, so at the exact maximum beta_b = beta_c; from
# init = (1.5, 0) the path is asymmetric and R stops with beta_b - beta_c about
# -3e-12: the b and c rows are NOT tied in R's concordance (std 0.0402; rounding
# the predictor to 10 decimals would tie them and give 0.0321).
set.seed(3)
nb <- 12; tb <- round(rexp(nb, 0.1), 1); sb <- rbinom(nb, 1, 0.7)
na <- 20; ta <- round(rexp(na, 0.05), 1); sa <- rbinom(na, 1, 0.7)
dup <- data.frame(time = c(ta, tb, tb, tb), status = c(sa, sb, sb, sb),
                  g = factor(c(rep("a", na), rep("b", nb), rep("c", 2 * nb))))
write_case("near_tie_efron", Surv(time, status) ~ g, dup, c("g=b", "g=c"), init = c(1.5, 0))
write_case("near_tie_breslow", Surv(time, status) ~ g, dup, c("g=b", "g=c"), ties = "breslow", init = c(2, 0))
write_case("exact_tie_efron", Surv(time, status) ~ g, dup, c("g=b", "g=c"))

# ---- 3. A single-level factor: R stops -------------------------------------
one <- data.frame(time = c(1, 2, 3, 4), status = c(1, 0, 1, 1), x = c(1, 3, 2, 5), g = c("a", "a", "a", "a"))
write.csv(one, file.path(out, "single_level.csv"), row.names = FALSE)
one$g <- factor(one$g)
write_case("single_level_factor", Surv(time, status) ~ x + g, one, c("x"))

# ---- 4. Degenerate data ----------------------------------------------------
set.seed(11)
base <- data.frame(time = round(rexp(24, 0.1), 2) + 0.5, status = rbinom(24, 1, 0.7), x = round(rnorm(24), 2))
base$s <- rep(1:3, each = 8)
acs <- base; acs$status[acs$s == 3] <- 0                       # stratum 3 has no events
write_case("all_censored_stratum", Surv(time, status) ~ x + strata(s), acs, "x")
one_row <- rbind(base[base$s != 3, ], data.frame(time = 4, status = 1, x = 0.3, s = 3))  # one-row stratum (an event)
write_case("one_row_stratum_event", Surv(time, status) ~ x + strata(s), one_row, "x")
one_row$status[nrow(one_row)] <- 0
write_case("one_row_stratum_censored", Surv(time, status) ~ x + strata(s), one_row, "x")
write_case("n1", Surv(time, status) ~ x, data.frame(time = 5, status = 1, x = 2), "x")
same <- data.frame(time = c(5, 5, 5, 5, 5, 5, 8, 9), status = c(1, 1, 1, 1, 1, 1, 0, 0), x = c(1, 2, 3, 4, 5, 7, 2, 3))
write_case("one_event_time_efron", Surv(time, status) ~ x, same, "x")
write_case("one_event_time_breslow", Surv(time, status) ~ x, same, "x", ties = "breslow")
write_case("all_events_one_time", Surv(time, status) ~ x, same[1:6, ], "x")
# times 1e-15 apart: R's timefix (aeqSurv) makes them one time.
tf <- base[base$s == 1, c("time", "status", "x")]
tf$time[2] <- tf$time[1] * (1 + 1e-15); tf$status[1:2] <- 1
write.csv(tf, file.path(out, "timefix.csv"), row.names = FALSE)
cli_case("timefix", "timefix.csv", "Surv(time, status) ~ x")
# a zero-event group on real data: veteran, large cell plus the censored squamous rows.
vet <- read.csv("datasets/veteran.csv", stringsAsFactors = TRUE)
vsub <- vet[vet$celltype == "large" | (vet$celltype == "squamous" & vet$status == 0), c("time", "status", "karno", "celltype")]
vsub$celltype <- factor(as.character(vsub$celltype))
write.csv(vsub, file.path(out, "veteran_zero_event_group.csv"), row.names = FALSE)
write_case("zero_event_group", Surv(time, status) ~ celltype + karno, vsub, c("celltype=squamous", "karno"))
cli_case("zero_event_group", "veteran_zero_event_group.csv", "Surv(time, status) ~ celltype + karno")
