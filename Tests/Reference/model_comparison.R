# Reference fixtures for model comparison (docs/json-output.md, sections "aic, bic",
# "cox --anova" and "compare"), computed with R's survival (3.5.3), stats and MASS
# when generated. Run from the repository root:
#   Rscript Tests/Reference/model_comparison.R
# Writes Tests/Fixtures/model-comparison/<case>.json: the JSON keys `survkit <args>`
# must produce, plus the bookkeeping keys `case`, `args`, `formula`, `data`.
#
# Three kinds of case:
# * `*_ic`: `cox`, `survreg`, `poisson`, `negbin` with `loglik`, `aic` = AIC(fit),
#   `bic` = BIC(fit) and `ic_df` = attr(logLik(fit), "df") (the bookkeeping key
#   `ic_df` is what the library tests check the df against; it is not in the
#   JSON). BIC's n is R's: Cox nobs(fit) = fit$nevent (the unweighted number of
#   events, also with case weights); survreg, glm and glm.nb: the rows.
#   A null Cox model (~ 1) has no coefficients: AIC = BIC = -2 loglik.
# * `cox_anova_*`: `cox --anova`, R's anova(fit): "NULL" with fit$loglik[1], then
#   one row per term (R's term labels; strata() has no row) with loglik, chisq =
#   2 diff(loglik), df, p = pchisq(chisq, df, lower.tail = FALSE).
#   With case weights survival 3.5-3's anova.coxph refits the intermediate
#   models WITHOUT the weights (its coxph(Y ~ X[, ...] + strata(...)) call has
#   no weights =), mixing weighted and unweighted log-likelihoods; survkit
#   refits them with the weights, and the weighted case here is R's
#   anova(fit1, fit2, ...) of the nested weighted fits (anova.coxphlist),
#   whose NULL row is fit1$loglik[1]. The script checks that the unweighted
#   cases equal anova.coxphlist on the nested fits too.
# * `compare_*`: `compare`, R's anova(fit1, fit2, ...): `models` with `formula`,
#   `loglik` = logLik(fit), `df` = its "df" attribute, `aic` = AIC(fit); `tests`
#   one per consecutive pair with R's own statistic, df and p:
#     cox     anova.coxphlist: chisq = |2 diff(loglik)|, df = |diff(df)|;
#     survreg anova.survreglist and glm anova(..., test = "Chisq") (stat.anova):
#             chisq = the signed drop in -2 loglik (deviance), df = the signed
#             drop in residual df; p = pchisq(chisq * sign(df), |df|, lower = FALSE),
#             NA (null) when df = 0 or chisq * sign(df) < 0;
#     negbin  MASS anova.negbin: models sorted by residual df, largest first
#             (the fixture lists them in that order), chisq = diff(2 loglik),
#             df = drop in residual df, p = 1 - pchisq(chisq, df).
#
# Data are read with read.csv(stringsAsFactors = TRUE) in the C locale (factor
# levels in byte order, as survkit's); rows with a missing value in a used
# column are dropped (na.omit), `--subset` is subset(d, expr) first.
suppressPackageStartupMessages({ library(survival); library(MASS); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/model-comparison"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

read_data <- function(data_name, subset = NULL) {
  d <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  if (!is.null(subset)) d <- d[which(eval(parse(text = subset), d)), ]
  d
}

fit_model <- function(model, formula, d, weights = NULL, ties = "efron", dist = "weibull") {
  f <- as.formula(formula)
  d$.w <- if (is.null(weights)) 1 else d[[weights]]
  switch(model,
    cox = coxph(f, data = d, ties = ties, weights = .w),
    survreg = survreg(f, data = d, dist = dist, weights = .w),
    poisson = glm(f, family = poisson, data = d, weights = .w),
    negbin = glm.nb(f, data = d, weights = .w))
}

common_args <- function(weights, ties, dist, subset) {
  a <- character(0)
  if (!is.null(weights)) a <- c(a, "--weights", weights)
  if (!is.null(subset)) a <- c(a, "--subset", subset)
  if (ties != "efron") a <- c(a, "--ties", ties)
  if (dist != "weibull") a <- c(a, "--dist", dist)
  a
}

write_case <- function(name, res) {
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE),
             file.path(out, paste0(name, ".json")))
}

ic_case <- function(name, model, data_name, formula, weights = NULL, ties = "efron", dist = "weibull") {
  d <- read_data(data_name)
  fit <- fit_model(model, formula, d, weights, ties, dist)
  ll <- logLik(fit)
  args <- c(model, paste0("datasets/", data_name, ".csv"), "--formula", formula,
            common_args(weights, ties, dist, NULL), "--format", "json")
  res <- list(case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
              n = nobs(fit) , loglik = as.numeric(ll), aic = AIC(fit), bic = BIC(fit),
              ic_df = attr(ll, "df"))
  if (model == "cox") {
    res$n <- fit$n
    stopifnot(nobs(fit) == fit$nevent)
    if (is.null(coef(fit))) stopifnot(abs(AIC(fit) + 2 * fit$loglik[1]) < 1e-9, AIC(fit) == BIC(fit))
  }
  if (model == "survreg") res$n <- length(fit$linear.predictors)
  write_case(name, res)
  cat(name, ": loglik", format(as.numeric(ll), digits = 10), "df", attr(ll, "df"), "AIC", AIC(fit),
      "BIC", BIC(fit), "\n")
}

anova_case <- function(name, data_name, formula, weights = NULL, ties = "efron", subset = NULL) {
  d <- read_data(data_name, subset)
  fit <- fit_model("cox", formula, d, weights, ties)
  # The nested fits on the rows of the full model (anova refits on those rows).
  if (!is.null(fit$na.action)) d <- d[-as.integer(fit$na.action), , drop = FALSE]
  stopifnot(nrow(d) == fit$n)
  labels <- attr(terms(fit), "term.labels")
  labels <- labels[!grepl("^strata\\(", labels)]
  specials <- attr(terms(fit), "term.labels")[grepl("^strata\\(", attr(terms(fit), "term.labels"))]
  lhs <- deparse(as.formula(formula)[[2]])
  nested <- lapply(seq_along(labels), function(k) {
    rhs <- paste(c(labels[seq_len(k)], specials), collapse = " + ")
    fit_model("cox", paste(lhs, "~", rhs), d, weights, ties)
  })
  if (length(labels) == 0) {
    # anova.coxph fails on a model without terms in survival 3.5-3 (seq.int(1,
    # length.out = -1)); its table would be the NULL row alone, fit$loglik[1].
    rows <- list(list(term = "NULL", loglik = fit$loglik[1]))
  } else if (is.null(weights)) {
    a <- anova(fit)
    stopifnot(nrow(a) == length(labels) + 1, all(rownames(a) == c("NULL", labels)))
    if (length(nested) > 1) {
      b <- do.call(anova, nested)
      stopifnot(max(abs(b$loglik - a$loglik[-1])) < 1e-8)
    }
    rows <- c(list(list(term = "NULL", loglik = a$loglik[1])),
              lapply(seq_along(labels), function(k) list(term = labels[k], loglik = a$loglik[k + 1],
                chisq = a$Chisq[k + 1], df = a$Df[k + 1], p = a[["Pr(>|Chi|)"]][k + 1])))
  } else {
    ll <- sapply(nested, function(f) f$loglik[2])
    dfs <- sapply(nested, function(f) sum(!is.na(coef(f))))
    b <- if (length(nested) > 1) do.call(anova, nested) else NULL
    if (!is.null(b)) stopifnot(max(abs(b$loglik - ll)) < 1e-12)
    ll0 <- nested[[1]]$loglik[1]
    chisq <- 2 * diff(c(ll0, ll)); df <- diff(c(0, dfs))
    rows <- c(list(list(term = "NULL", loglik = ll0)),
              lapply(seq_along(labels), function(k) list(term = labels[k], loglik = ll[k], chisq = chisq[k],
                df = df[k], p = pchisq(chisq[k], df[k], lower.tail = FALSE))))
  }
  args <- c("cox", paste0("datasets/", data_name, ".csv"), "--formula", formula,
            common_args(weights, ties, "weibull", subset), "--anova", "--format", "json")
  write_case(name, list(case = name, args = I(args), formula = formula, data = paste0("datasets/", data_name, ".csv"),
                        n = fit$n, loglik = tail(fit$loglik, 1), aic = AIC(fit), bic = BIC(fit), anova = rows))
  cat(name, ":", paste(sapply(rows, function(r) paste0(r$term, " ", format(r$loglik, digits = 8))), collapse = ", "), "\n")
}

compare_case <- function(name, model, data_name, formulas, weights = NULL, ties = "efron", dist = "weibull",
                         subset = NULL) {
  d <- read_data(data_name, subset)
  fits <- lapply(formulas, function(f) fit_model(model, f, d, weights, ties, dist))
  ns <- sapply(fits, nobs)
  stopifnot(all(ns == ns[1]))
  if (model == "negbin") {
    # anova.negbin sorts by residual df (largest first); the fixture lists the models in that order.
    s <- sort.list(-sapply(fits, function(x) x$df.residual))
    fits <- fits[s]; formulas <- formulas[s]
  }
  a <- do.call(anova, c(fits, if (model == "poisson") list(test = "Chisq")))
  tests <- lapply(seq_along(fits)[-1], function(i) {
    switch(model,
      cox = list(chisq = a$Chisq[i], df = a$Df[i], p = a[["Pr(>|Chi|)"]][i]),
      survreg = list(chisq = a$Deviance[i], df = a$Df[i], p = a[["Pr(>Chi)"]][i]),
      poisson = list(chisq = a$Deviance[i], df = a$Df[i], p = a[["Pr(>Chi)"]][i]),
      negbin = list(chisq = a[["LR stat."]][i], df = a[["   df"]][i], p = a[["Pr(Chi)"]][i]))
  })
  models <- lapply(seq_along(fits), function(i) {
    ll <- logLik(fits[[i]])
    list(formula = formulas[i], loglik = as.numeric(ll), df = attr(ll, "df"), aic = AIC(fits[[i]]))
  })
  n <- if (model == "cox") fits[[1]]$n else nobs(fits[[1]])
  args <- c("compare", paste0("datasets/", data_name, ".csv"), "--model", model,
            as.vector(rbind("--formula", formulas)), common_args(weights, ties, dist, subset), "--format", "json")
  write_case(name, list(case = name, args = I(args), data = paste0("datasets/", data_name, ".csv"),
                        analysis = "model-comparison", model = model, n = n, models = models, tests = tests))
  cat(name, ": chisq", sapply(tests, function(t) format(t$chisq, digits = 8)),
      "p", sapply(tests, function(t) format(t$p, digits = 6)), "\n")
}

# --- AIC and BIC on the fitted models -------------------------------------------------
lungf <- "Surv(time, status) ~ age + sex + ph.ecog"
ic_case("cox_lung_ic", "cox", "lung", lungf)
ic_case("cox_lung_strata_ic", "cox", "lung", "Surv(time, status) ~ age + ph.ecog + strata(sex)")
ic_case("cox_veteran_weights_ic", "cox", "veteran", "Surv(time, status) ~ trt + celltype + karno",
        weights = "diagtime")
ic_case("cox_lung_cluster_ic", "cox", "lung", "Surv(time, status) ~ age + sex + cluster(inst)")
ic_case("cox_lung_null_ic", "cox", "lung", "Surv(time, status) ~ 1")
ic_case("cox_sarcoma_ic", "cox", "sarcoma_patients", "Surv(os_years, os_status) ~ age + margin + factor(grade)",
        ties = "breslow")
ic_case("survreg_lung_ic", "survreg", "lung", "Surv(time, status) ~ age + sex")
ic_case("survreg_lung_strata_ic", "survreg", "lung", "Surv(time, status) ~ age + sex + strata(ph.ecog)",
        dist = "lognormal")
ic_case("survreg_veteran_exponential_ic", "survreg", "veteran", "Surv(time, status) ~ trt + celltype",
        dist = "exponential")
ic_case("poisson_quine_ic", "poisson", "quine", "Days ~ Eth + Sex + Age + Lrn")
ic_case("poisson_sarcoma_ic", "poisson", "sarcoma_patients",
        "lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years))")
ic_case("negbin_quine_ic", "negbin", "quine", "Days ~ Eth + Sex + Age + Lrn")
ic_case("negbin_sarcoma_ic", "negbin", "sarcoma_patients",
        "lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years))")

# --- cox --anova ------------------------------------------------------------------------
anova_case("cox_anova_lung", "lung", lungf)
anova_case("cox_anova_veteran_interaction", "veteran", "Surv(time, status) ~ trt * karno + celltype")
anova_case("cox_anova_lung_strata", "lung", "Surv(time, status) ~ age + sex + ph.ecog + strata(inst)")
anova_case("cox_anova_veteran_weights", "veteran", "Surv(time, status) ~ trt + celltype + karno",
           weights = "diagtime")
anova_case("cox_anova_colon_breslow", "colon", "Surv(time, status) ~ rx + sex + age + nodes",
           ties = "breslow", subset = "etype == 2")
anova_case("cox_anova_sarcoma", "sarcoma_patients", "Surv(os_years, os_status) ~ age + margin + factor(grade)")
anova_case("cox_anova_null", "lung", "Surv(time, status) ~ 1")

# --- compare -------------------------------------------------------------------------------
compare_case("compare_cox_lung", "cox", "lung",
             c("Surv(time, status) ~ age", "Surv(time, status) ~ age + sex", lungf), subset = "!is.na(ph.ecog)")
compare_case("compare_cox_lung_reversed", "cox", "lung",
             c(lungf, "Surv(time, status) ~ age"), subset = "!is.na(ph.ecog)")
compare_case("compare_cox_sarcoma", "cox", "sarcoma_patients",
             c("Surv(os_years, os_status) ~ age", "Surv(os_years, os_status) ~ age + margin"))
compare_case("compare_cox_colon_strata", "cox", "colon",
             c("Surv(time, status) ~ rx + strata(sex)", "Surv(time, status) ~ rx + nodes + strata(sex)"),
             ties = "breslow", subset = "etype == 2 & !is.na(nodes)")
compare_case("compare_survreg_lung", "survreg", "lung",
             c("Surv(time, status) ~ age", "Surv(time, status) ~ age + sex"))
compare_case("compare_survreg_lung_reversed", "survreg", "lung",
             c("Surv(time, status) ~ age + sex", "Surv(time, status) ~ age"))
compare_case("compare_survreg_veteran_lognormal", "survreg", "veteran",
             c("Surv(time, status) ~ trt", "Surv(time, status) ~ trt + celltype"), dist = "lognormal")
compare_case("compare_poisson_quine", "poisson", "quine",
             c("Days ~ Sex", "Days ~ Sex + Eth", "Days ~ Sex + Eth + Age"))
compare_case("compare_poisson_sarcoma", "poisson", "sarcoma_patients",
             c("lr_count ~ margin + offset(log(os_years))", "lr_count ~ margin + factor(grade) + offset(log(os_years))"))
compare_case("compare_negbin_quine", "negbin", "quine", c("Days ~ Sex + Age", "Days ~ Eth + Sex + Age + Lrn"))
compare_case("compare_negbin_sarcoma", "negbin", "sarcoma_patients",
             c("lr_count ~ radiotherapy + offset(log(os_years))", "lr_count ~ margin + radiotherapy + offset(log(os_years))"))
