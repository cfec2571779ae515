# Reference fixtures for regression splines, ns() and bs() (R's splines package, R 4.2 and
# survival 3.5 when generated). Run from the repository root:  Rscript Tests/Reference/splines.R
# Writes
#   Tests/Fixtures/splines/basis/<case>.json  the basis of one column (library tests):
#       kind, df, intercept, degree, x (the data, NA as null), knots, boundary, basis (rows; null for NA),
#       and `new_x` / `new_basis`: predict(basis, new_x), values inside and outside the boundary knots.
#   Tests/Fixtures/splines/<case>.json        the JSON `survkit <args>` must produce (cox, survreg,
#       poisson), plus `case`, `args`, `formula`, `data`.
#
# Conventions checked or chosen here:
# * Basis columns are named `ns(x)1` ... `ns(x)k` (R: `ns(age, df = 3)1`): the call's arguments dropped.
# * Knots come from every row where x is present, before rows with other missing values are dropped
#   (model.frame evaluates ns(x) on the whole data; na.omit runs afterwards).
# * term_tests: the joint Wald test of a spline term's coefficients with the model-based variance,
#   chisq = b' V^-1 b on length(b) df (for cox: fit$var; survreg: vcov without the log-scale rows;
#   glm: vcov).
suppressPackageStartupMessages({ library(survival); library(splines); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- file.path("Tests", "Fixtures", "splines")
dir.create(file.path(out, "basis"), recursive = TRUE, showWarnings = FALSE)
write_json_file <- function(x, path) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), path)

basis_case <- function(name, data_name, column, kind, df = NULL, knots = NULL, intercept = FALSE, degree = 3,
                       boundary = NULL, new_x) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")))
  x <- data[[column]]
  args <- list(x, df = df, knots = knots, intercept = intercept)
  if (kind == "bs") args$degree <- degree
  if (!is.null(boundary)) args$Boundary.knots <- boundary
  b <- do.call(if (kind == "ns") ns else bs, args)
  nb <- predict(b, new_x)
  write_json_file(list(
    case = name, data = paste0("datasets/", data_name, ".csv"), column = column, kind = kind,
    df = if (is.null(df)) NA else df, given_knots = if (is.null(knots)) NA else I(knots),
    given_boundary = if (is.null(boundary)) NA else I(boundary),
    intercept = intercept, degree = attr(b, "degree"),
    x = x, knots = I(unname(attr(b, "knots"))), boundary = I(attr(b, "Boundary.knots")),
    basis = unname(b[, , drop = FALSE]), new_x = I(new_x), new_basis = unname(nb[, , drop = FALSE])),
    file.path(out, "basis", paste0(name, ".json")))
}

basis_case("pbc_age_ns3", "pbc", "age", "ns", df = 3, new_x = c(20, 26.27789, 40, 55.5, 78.43943, 90))
basis_case("pbc_age_ns4_intercept", "pbc", "age", "ns", df = 4, intercept = TRUE, new_x = c(25, 50, 80))
basis_case("pbc_bili_bs4", "pbc", "bili", "bs", df = 4, new_x = c(0.1, 0.3, 1, 5, 28, 35))
basis_case("pbc_bili_bs6_degree2", "pbc", "bili", "bs", df = 6, degree = 2, new_x = c(0.2, 2, 20, 30))
basis_case("lung_wtloss_ns5", "lung", "wt.loss", "ns", df = 5, new_x = c(-30, -24, 0, 10, 68, 80))
basis_case("lung_age_bs_knots", "lung", "age", "bs", knots = c(55, 65, 72), new_x = c(35, 39, 60, 82, 90))
basis_case("lung_age_ns_knots_boundary", "lung", "age", "ns", knots = c(60, 70), boundary = c(40, 80),
           new_x = c(39, 50, 65, 75, 82))
basis_case("colon_nodes_bs3", "colon", "nodes", "bs", df = 3, new_x = c(0, 4, 33, 40))
basis_case("lung_age_ns1", "lung", "age", "ns", df = 1, new_x = c(40, 60))

# Contract names: `ns(age, df = 3)2` -> `ns(age)2`; factor dummies `sexmale` -> `sex=male`.
contract_names <- function(nms, xlevels) {
  map <- character(0)
  for (v in names(xlevels)) for (l in xlevels[[v]]) map[paste0(v, l)] <- paste0(v, "=", l)
  vapply(nms, function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    parts <- ifelse(parts %in% names(map), map[parts], parts)
    parts <- sub("^((ns|bs)\\([^,()]+)(, .*)?\\)([0-9]+)$", "\\1)\\4", parts)
    paste(parts, collapse = ":")
  }, "", USE.NAMES = FALSE)
}
term_tests <- function(b, v, assign, labels) {
  out <- list()
  for (k in seq_along(labels)) {
    lab <- labels[k]
    if (!grepl("^(ns|bs)\\(", lab)) next
    idx <- which(assign == k)
    bb <- b[idx]
    chisq <- drop(t(bb) %*% solve(v[idx, idx, drop = FALSE], bb))
    out[[length(out) + 1]] <- list(term = sub("^((ns|bs)\\([^,()]+).*$", "\\1)", lab), chisq = chisq,
                                   df = length(idx), p = pchisq(chisq, length(idx), lower.tail = FALSE))
  }
  out
}

cox_case <- function(name, data_name, formula) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  fit <- coxph(as.formula(formula), data = data, x = TRUE)
  s <- summary(fit)
  cf <- coef(fit)
  nms <- contract_names(names(cf), fit$xlevels)
  ct <- s$coefficients; ci <- s$conf.int
  coefs <- lapply(seq_along(cf), function(j) list(
    term = nms[j], coef = unname(cf[j]), se = sqrt(fit$var[j, j]), z = unname(ct[j, "z"]),
    p = unname(ct[j, "Pr(>|z|)"]), hr = unname(exp(cf[j])), hr_lower = unname(ci[j, 3]), hr_upper = unname(ci[j, 4])))
  df <- length(cf)
  test <- function(stat) list(statistic = unname(stat), df = df, p = pchisq(unname(stat), df, lower.tail = FALSE))
  tl <- attr(terms(fit), "term.labels")
  write_json_file(list(
    case = name, args = I(c("cox", paste0("datasets/", data_name, ".csv"), "--formula", formula, "--format", "json")),
    formula = formula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "cox", n = fit$n, events = fit$nevent, n_dropped_missing = length(fit$na.action),
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2],
    tests = list(likelihood_ratio = test(s$logtest["test"]), wald = test(fit$wald.test), score = test(fit$score)),
    variance = unname(fit$var),
    term_tests = term_tests(cf, fit$var, attr(fit$x, "assign"), tl)),
    file.path(out, paste0(name, ".json")))
}

cox_case("cox_pbc_ns_age", "pbc", "Surv(time, status == 2) ~ ns(age, df = 3) + log(bili) + edema")
cox_case("cox_pbc_bs_bili", "pbc", "Surv(time, status == 2) ~ age + bs(bili, df = 4)")
cox_case("cox_lung_ns_two", "lung", "Surv(time, status) ~ ns(age, df = 2) + sex + ns(wt.loss, df = 3)")
cox_case("cox_colon_bs_knots", "colon", "Surv(time, status) ~ rx + bs(nodes, knots = c(2, 5)) + ns(age, 3)")

survreg_case <- function(name, data_name, formula, dist = "weibull") {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  fit <- survreg(as.formula(formula), data = data, dist = dist)
  cf <- coef(fit)
  v <- vcov(fit)
  p <- length(cf)
  nms <- contract_names(names(cf), fit$xlevels)
  se <- sqrt(diag(v))[1:p]
  coefs <- lapply(seq_len(p), function(j) list(term = nms[j], coef = unname(cf[j]), se = unname(se[j]),
                                               z = unname(cf[j] / se[j]),
                                               p = 2 * pnorm(-abs(unname(cf[j] / se[j])))))
  mm <- model.matrix(fit)
  tl <- attr(terms(fit), "term.labels")
  write_json_file(list(
    case = name, args = I(c("survreg", paste0("datasets/", data_name, ".csv"), "--formula", formula,
                             "--dist", dist, "--format", "json")),
    formula = formula, data = paste0("datasets/", data_name, ".csv"), analysis = "survreg", dist = dist,
    coefficients = coefs, scale = fit$scale, loglik = fit$loglik[2], loglik_null = fit$loglik[1],
    term_tests = term_tests(cf, v[1:p, 1:p], attr(mm, "assign"), tl)),
    file.path(out, paste0(name, ".json")))
}
survreg_case("survreg_lung_ns_age", "lung", "Surv(time, status) ~ ns(age, df = 3) + sex")
survreg_case("survreg_pbc_bs_lognormal", "pbc", "Surv(time, status == 2) ~ bs(bili, df = 3) + age", "lognormal")

poisson_case <- function(name, formula) {
  data <- read.csv(file.path("datasets", "sarcoma_patients.csv"), stringsAsFactors = TRUE)
  fit <- glm(as.formula(formula), data = data, family = poisson)
  s <- summary(fit)$coefficients
  cf <- coef(fit)
  nms <- contract_names(names(cf), fit$xlevels)
  nms[nms == "(Intercept)"] <- "(Intercept)"
  coefs <- lapply(seq_along(cf), function(j) list(term = nms[j], coef = unname(cf[j]), se = unname(s[j, 2]),
                                                  z = unname(s[j, 3]), p = unname(s[j, 4])))
  v <- vcov(fit)
  assign <- attr(model.matrix(fit), "assign")
  tl <- attr(terms(fit), "term.labels")
  write_json_file(list(
    case = name, args = I(c("poisson", "datasets/sarcoma_patients.csv", "--formula", formula, "--format", "json")),
    formula = formula, data = "datasets/sarcoma_patients.csv", analysis = "poisson",
    coefficients = coefs, deviance = fit$deviance, null_deviance = fit$null.deviance,
    term_tests = term_tests(cf, v, assign, tl)),
    file.path(out, paste0(name, ".json")))
}
poisson_case("poisson_sarcoma_ns_age", "lr_count ~ margin + ns(age, df = 3) + bs(size_cm, df = 4) + offset(log(os_years))")

# Fine-Gray (cmprsk::crr) with a spline: model.frame evaluates ns() on every row, then drops rows with NA.
finegray_case <- function(name, rhs, cause) {
  suppressPackageStartupMessages(library(cmprsk))
  data <- read.csv(file.path("datasets", "mgus2_competing.csv"), stringsAsFactors = TRUE)
  mf <- model.frame(as.formula(paste("~ etime + event +", rhs)), data)
  mm0 <- model.matrix(as.formula(paste("~", rhs)), mf)
  assign <- attr(mm0, "assign")[-1]
  mm <- mm0[, -1, drop = FALSE]
  fit <- crr(mf$etime, mf$event, cov1 = mm, failcode = cause, cencode = 0)
  se <- sqrt(diag(fit$var))
  xl <- lapply(Filter(is.factor, mf), levels)
  nms <- contract_names(colnames(mm), xl)
  coefs <- lapply(seq_along(fit$coef), function(j) list(term = nms[j], coef = unname(fit$coef[j]), se = se[j],
                                                        p = 2 * pnorm(-abs(fit$coef[j] / se[j]))))
  formula <- paste("Surv(etime, event) ~", rhs)
  tl <- attr(terms(as.formula(paste("~", rhs))), "term.labels")
  write_json_file(list(
    case = name, args = I(c("finegray", "datasets/mgus2_competing.csv", "--formula", formula, "--cause", format(cause),
                             "--format", "json")),
    formula = formula, data = "datasets/mgus2_competing.csv", analysis = "fine-gray",
    coefficients = coefs, term_tests = term_tests(fit$coef, fit$var, assign, tl)),
    file.path(out, paste0(name, ".json")))
}
finegray_case("finegray_mgus2_ns_age", "ns(age, df = 3) + sex + hgb", 1)

# predict(fit, newdata): the new rows get the fitted model's knots (makepredictcall), including
# ages outside the boundary knots (linear continuation of ns; bs's Taylor continuation).
predict_case <- function(name, formula) {
  pbc <- read.csv("datasets/pbc.csv")
  nd <- pbc[1:12, ]
  nd$age[1:3] <- c(20, 85, 95)
  nd$bili[4] <- 40
  newfile <- file.path(out, "pbc_newdata.csv")
  write.csv(nd, newfile, row.names = FALSE, na = "NA")
  fit <- coxph(as.formula(formula), data = pbc)
  lp <- suppressWarnings(predict(fit, newdata = nd, type = "lp", reference = "strata"))
  write_json_file(list(
    case = name, args = I(c("cox", "datasets/pbc.csv", "--formula", formula, "--predict", newfile, "--format", "json")),
    formula = formula, data = "datasets/pbc.csv",
    predictions = list(row = seq_len(nrow(nd)), linear_predictor = unname(lp), risk = unname(exp(lp)))),
    file.path(out, paste0(name, ".json")))
}
predict_case("cox_pbc_predict_outside", "Surv(time, status == 2) ~ ns(age, df = 3) + bs(bili, df = 4) + edema")

# termplot(fit, se = TRUE, plot = FALSE): a spline term's fitted effect (predict type = "terms",
# centred at fit$means) at each distinct value of its variable, for survkit cox --plot --plot-term.
dir.create(file.path(out, "termplot"), showWarnings = FALSE)
termplot_case <- function(name, data_name, formula, term_index, term) {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  fit <- coxph(as.formula(formula), data = data)
  tp <- termplot(fit, se = TRUE, plot = FALSE, terms = term_index)[[1]]
  write_json_file(list(case = name, data = paste0("datasets/", data_name, ".csv"), formula = formula, term = term,
                       x = tp$x, fit = tp$y, se = tp$se), file.path(out, "termplot", paste0(name, ".json")))
}
termplot_case("pbc_ns_age", "pbc", "Surv(time, status == 2) ~ ns(age, df = 3) + log(bili) + edema", 1, "ns(age)")
termplot_case("pbc_bs_log_bili", "pbc", "Surv(time, status == 2) ~ age + bs(log(bili), df = 4)", 2, "bs(log(bili))")
termplot_case("lung_ns_wtloss", "lung", "Surv(time, status) ~ ns(age, df = 2) + sex + ns(wt.loss, df = 3)", 3, "ns(wt.loss)")
