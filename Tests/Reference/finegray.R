# Reference fixtures for `survkit finegray` (Fine–Gray subdistribution hazards),
# computed with cmprsk::crr at R's default controls (start at 0, gtol 1e-6,
# maxiter 10) and predict.crr. Run from the repository root:
#   Rscript Tests/Reference/finegray.R
# Writes Tests/Fixtures/finegray/<case>.json (the JSON `survkit <args>` must
# produce, docs/json-output.md section finegray, plus the bookkeeping keys
# `case`, `args`, `formula`, `data`) and the new-data files of --predict in
# Tests/Fixtures/finegray/data/.
#
# Conventions checked or chosen here:
# * cov1 is model.matrix(~ rhs) without its intercept column on the complete
#   cases (rows with a missing value in any column the formula uses dropped,
#   counted under the first missing column in formula order, as survkit);
#   text columns are factors with levels in C-locale order; term names are the
#   contract's `var=level` (R's model.matrix names `factor(edema)0.5`).
# * se = sqrt(diag(fit$var)) (crr's sandwich variance), z = coef / se,
#   p = 2 * pnorm(-|z|) (summary.crr's 2 * (1 - pnorm(|z|)) without its
#   rounding and without the cancellation for small p), shr = exp(coef),
#   limits exp(coef -+ qnorm(1 - (1 - level) / 2) * se) as summary.crr.
# * loglik = fit$loglik, loglik_null = fit$loglik.null, converged =
#   fit$converged, variance = fit$var, n = fit$n, events = rows with the cause,
#   competing_events = rows with neither the cause nor the censoring code.
# * --predict: predict.crr(fit, cov1 = model matrix of the new rows), `time` =
#   fit$uftime (every distinct time of an event of the cause), `cif` the
#   column of the row; `row` the 1-based data row of the new file (rows with a
#   missing covariate are skipped).
# * --competing-status S (sarcoma): the 0/1 status becomes 1 = event, 2 = S
#   without the event, 0 = neither, as survkit cif.
# cmprsk does not merge near-tied times (survkit's frame applies R's timefix):
# the data here have no near ties.
suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
out_dir <- file.path("Tests", "Fixtures", "finegray")
dir.create(file.path(out_dir, "data"), recursive = TRUE, showWarnings = FALSE)

write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
read_dataset <- function(path) read.csv(path, stringsAsFactors = TRUE)

# R's model.matrix column names -> the contract's term names.
contract_names <- function(mm_names, mf) {
  map <- character(0)
  for (v in names(mf)) {
    if (is.factor(mf[[v]])) {
      short <- sub("^(as\\.)?factor\\((.*)\\)$", "\\2", v)
      for (l in levels(mf[[v]])) map[paste0(v, l)] <- paste0(short, "=", l)
    }
  }
  vapply(mm_names, function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

# `vars`: the data columns the formula uses, in formula order (time, status, covariates).
fg_case <- function(case, data, time, status, rhs, vars, cause = 1, cencode = NULL, competing_status = NULL,
                    subset = NULL, reference = NULL, conf_level = NULL, predict = NULL) {
  d <- read_dataset(data)
  read <- nrow(d)
  if (!is.null(competing_status)) d[[status]] <- ifelse(d[[status]] == 1, 1, 2 * d[[competing_status]])
  excluded <- 0
  if (!is.null(subset)) {
    keep <- eval(parse(text = subset), d)
    keep <- !is.na(keep) & keep
    excluded <- sum(!keep)
    d <- d[keep, ]
  }
  for (r in names(reference)) d[[r]] <- relevel(factor(d[[r]]), ref = reference[[r]])
  miss <- is.na(d[, vars, drop = FALSE])
  dropped_row <- rowSums(miss) > 0
  dropped <- setNames(list(), character(0))
  if (any(dropped_row)) {
    first <- vars[apply(miss[dropped_row, , drop = FALSE], 1, function(r) which(r)[1])]
    for (v in vars) if (any(first == v)) dropped[[paste0("missing: ", v)]] <- sum(first == v)
  }
  d <- d[!dropped_row, ]
  mf <- model.frame(as.formula(paste("~", rhs)), d)
  mm <- model.matrix(as.formula(paste("~", rhs)), mf)[, -1, drop = FALSE]
  cen <- if (is.null(cencode)) 0 else cencode
  fit <- crr(d[[time]], d[[status]], cov1 = mm, failcode = cause, cencode = cen)
  level <- if (is.null(conf_level)) 0.95 else conf_level
  q <- qnorm(1 - (1 - level) / 2)
  se <- sqrt(diag(fit$var))
  terms <- contract_names(colnames(mm), mf)
  coefs <- lapply(seq_along(fit$coef), function(j) {
    b <- unname(fit$coef[j]); s <- se[j]
    list(term = terms[j], coef = b, se = s, z = b / s, p = 2 * pnorm(-abs(b / s)),
         shr = exp(b), shr_lower = exp(b - q * s), shr_upper = exp(b + q * s))
  })
  formula <- paste0("Surv(", time, ", ", status, ") ~ ", rhs)
  args <- c("finegray", data, "--formula", formula)
  if (!is.null(competing_status)) args <- c(args, "--competing-status", competing_status)
  args <- c(args, "--cause", format(cause))
  if (!is.null(cencode)) args <- c(args, "--cencode", format(cencode))
  if (!is.null(subset)) args <- c(args, "--subset", subset)
  for (r in names(reference)) args <- c(args, "--reference", paste0(r, "=", reference[[r]]))
  if (!is.null(conf_level)) args <- c(args, "--conf-level", format(conf_level))
  obj <- list(
    case = case, args = NULL, formula = formula, data = data,
    analysis = "fine-gray", cause = format(cause), cencode = format(cen),
    n = fit$n, events = sum(d[[status]] == cause), competing_events = sum(d[[status]] != cause & d[[status]] != cen),
    n_dropped_missing = sum(dropped_row),
    rows = list(read = read, excluded_by_subset = excluded, used = nrow(d), dropped = dropped),
    converged = fit$converged, conf_level = level,
    loglik = fit$loglik, loglik_null = fit$loglik.null,
    coefficients = coefs, variance = unname(fit$var))
  if (!is.null(predict)) {
    path <- file.path(out_dir, "data", paste0(case, "_new.csv"))
    write.csv(predict, path, row.names = FALSE, na = "")
    args <- c(args, "--predict", path)
    nd <- read.csv(path, stringsAsFactors = FALSE)
    ok <- complete.cases(nd[, intersect(vars[-(1:2)], names(nd)), drop = FALSE])
    # New rows coded with the training levels, as survkit's new-data design.
    nd2 <- nd[ok, , drop = FALSE]
    for (v in names(nd2)) if (v %in% names(d) && is.factor(d[[v]])) nd2[[v]] <- factor(nd2[[v]], levels = levels(d[[v]]))
    tt <- delete.response(terms(mf))
    nmf <- model.frame(tt, nd2, xlev = .getXlevels(tt, mf))
    nmm <- model.matrix(tt, nmf)[, -1, drop = FALSE]
    stopifnot(identical(colnames(nmm), colnames(mm)))
    pr <- predict(fit, cov1 = nmm)
    obj$predictions <- lapply(seq_len(nrow(nmm)), function(k)
      list(row = which(ok)[k], time = I(unname(pr[, 1])), cif = I(unname(pr[, k + 1]))))
  }
  obj$args <- I(c(args, "--format", "json"))
  write_fixture(obj, case)
}

mg <- "datasets/mgus2_competing.csv"
# Progression (PCM, cause 1) with death competing; months with many ties; hgb and mspike missing.
fg_case("mgus2_pcm", mg, "etime", "event", "age + sex + hgb + mspike",
        c("etime", "event", "age", "sex", "hgb", "mspike"), cause = 1)
# Death as the cause, PCM competing; a text factor with a chosen reference level.
fg_case("mgus2_death", mg, "etime", "event", "age_group + sex + hgb",
        c("etime", "event", "age_group", "sex", "hgb"), cause = 2, reference = list(sex = "M"))

pbc <- "datasets/pbc.csv"
# pbc status: 0 censored, 1 transplant, 2 death. Death with transplant competing;
# a derived term and a three-level numeric factor; predictions for new rows (one with a missing bili).
fg_case("pbc_death", pbc, "time", "status", "age + log(bili) + factor(edema) + albumin",
        c("time", "status", "age", "bili", "edema", "albumin"), cause = 2,
        predict = data.frame(age = c(45, 60, 55, 70), bili = c(1.2, 3.5, NA, 0.8),
                             edema = c(0, 0.5, 1, 1), albumin = c(3.6, 3.1, 3.0, 3.4)))
# Transplant with death competing, on a subset, at a 90% level.
fg_case("pbc_transplant", pbc, "time", "status", "age + albumin + bili",
        c("time", "status", "age", "albumin", "bili"), cause = 1, subset = "age < 65", conf_level = 0.9)
# No transplant among the edema = 1 rows: the coefficient runs off to -infinity and crr
# stops after its 10 Newton steps with converged = FALSE; survkit follows the same path.
fg_case("pbc_transplant_edema", pbc, "time", "status", "age + factor(edema) + albumin",
        c("time", "status", "age", "edema", "albumin"), cause = 1, subset = "age < 65")
# --cencode: code 2 (death) treated as censoring, so the censored rows (0) are the competing events.
fg_case("pbc_cencode", pbc, "time", "status", "age + albumin + sex",
        c("time", "status", "age", "albumin", "sex"), cause = 1, cencode = 2)

# Synthetic sarcoma cohort: first local recurrence with death competing.
fg_case("sarcoma_lr", "datasets/sarcoma_patients.csv", "lr_first_years", "lr_status",
        "margin + factor(grade) + size_cm + depth + radiotherapy",
        c("lr_first_years", "lr_status", "margin", "grade", "size_cm", "depth", "radiotherapy"),
        cause = 1, competing_status = "os_status",
        predict = data.frame(margin = c("R0", "R1", "R2"), grade = c(1, 2, 3), size_cm = c(3, 6, 12),
                             depth = c("subcut", "deep", "deep"), radiotherapy = c(1, 0, 1)))
