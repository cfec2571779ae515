# Reference values for SurvivalModels' Cox regression, from R's survival package.
# Writes Tests/Fixtures/cox/<case>.json holding BOTH the model inputs (response,
# design columns, strata, cluster, offset, weights, term names) and R's outputs,
# so the Swift tests can build a ModelFrame directly (no formula parser needed).
# Run from the repository root:  Rscript Tests/Reference/cox.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")  # factor levels in byte order, as survkit
out <- "Tests/Fixtures/cox"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
rd <- function(name) read.csv(file.path("datasets", paste0(name, ".csv")), stringsAsFactors = TRUE)

num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

write_case <- function(name, formula, data, term_names, term_of_column, ties = "efron",
                       robust = FALSE, detail = FALSE, zph = TRUE, weights = NULL,
                       zph_transforms = FALSE, predict = NULL) {
  warns <- character(0)
  data$.w <- if (is.null(weights)) 1 else weights
  fit <- withCallingHandlers(
    if (robust) coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE,
                      robust = TRUE, weights = .w)
    else coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE, weights = .w),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  mf <- fit$model
  Y <- fit$y
  X <- fit$x
  stopifnot(ncol(X) == length(term_names))
  input <- list(
    status = as.integer(Y[, ncol(Y)]),
    stop = num(Y[, ncol(Y) - 1]),
    start = if (ncol(Y) == 3) num(Y[, 1]) else NULL,
    x = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
    term_names = term_names, term_of_column = term_of_column,
    strata_codes = if (!is.null(fit$strata)) as.integer(fit$strata) - 1L else NULL,
    strata_labels = if (!is.null(fit$strata)) levels(fit$strata) else NULL,
    cluster = NULL, offset = NULL,
    weights = if (is.null(weights)) NULL else as.numeric(model.weights(mf))
  )
  cl <- grep("^\\(cluster\\)$|^cluster\\(", names(mf), value = TRUE)
  if (length(cl)) { v <- mf[[cl]]; input$cluster <- match(v, sort(unique(v))) - 1L }
  off <- model.offset(mf)
  if (!is.null(off)) input$offset <- as.numeric(off)

  s <- summary(fit)
  naive <- if (!is.null(fit$naive.var)) fit$naive.var else fit$var
  cf <- coef(fit)
  ok <- !is.na(cf)
  se <- rep(NA, length(cf)); se[ok] <- sqrt(diag(naive))[ok]
  rse <- rep(NA, length(cf)); if (!is.null(fit$naive.var)) rse[ok] <- sqrt(diag(fit$var))[ok]
  ctab <- s$coefficients
  zc <- rep(NA, length(cf)); pc <- rep(NA, length(cf)); lo <- rep(NA, length(cf)); hi <- rep(NA, length(cf))
  ci <- s$conf.int
  if (nrow(ctab) == length(cf)) ctab <- ctab[ok, , drop = FALSE]
  if (nrow(ci) == length(cf)) ci <- ci[ok, , drop = FALSE]
  zc[ok] <- ctab[, "z"]; pc[ok] <- ctab[, "Pr(>|z|)"]
  lo[ok] <- ci[, "lower .95"]; hi[ok] <- ci[, "upper .95"]
  df <- sum(ok)
  expected <- list(
    ties = ties, n = nrow(X), events = sum(Y[, ncol(Y)]), iterations = fit$iter,
    coef = num(cf), se = num(se), robust_se = num(rse), z = num(zc), p = num(pc),
    hr_lower = num(lo), hr_upper = num(hi),
    loglik = fit$loglik,
    lr = list(statistic = unname(s$logtest["test"]), df = df, p = unname(s$logtest["pvalue"])),
    wald = list(statistic = unname(fit$wald.test), df = df, p = pchisq(unname(fit$wald.test), df, lower.tail = FALSE)),
    score = list(statistic = unname(fit$score), df = df, p = pchisq(unname(fit$score), df, lower.tail = FALSE)),
    concordance = list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"])),
    # coxph ranks the linear predictor with exact equality, so rows with equal
    # covariates can be split by a 1-ulp difference from BLAS; survkit treats
    # predictors equal to 10 decimals as tied. This is R's concordance on that rule.
    concordance_tied = {
      lp <- round(fit$linear.predictors, 10)
      cl <- if (length(input$cluster)) input$cluster else NULL
      st <- if (!is.null(fit$strata)) fit$strata else NULL
      a <- if (is.null(cl)) concordancefit(Y, lp, st, model.weights(mf), reverse = TRUE, timefix = FALSE)
           else concordancefit(Y, lp, st, model.weights(mf), cluster = cl, reverse = TRUE, timefix = FALSE)
      list(c = a$concordance, se = sqrt(a$var))
    },
    variance = unname(fit$var),
    warnings = I(warns),
    martingale = unname(residuals(fit, "martingale")),
    deviance = unname(residuals(fit, "deviance"))
  )
  if (zph) {
    z <- cox.zph(fit)
    tb <- z$table
    expected$zph <- list(terms = rownames(tb)[-nrow(tb)], chisq = unname(tb[-nrow(tb), "chisq"]),
                         df = unname(tb[-nrow(tb), "df"]), p = unname(tb[-nrow(tb), "p"]),
                         global = unname(tb[nrow(tb), ]))
  }
  if (zph_transforms) {
    # The other time scales of cox.zph, on this one case.
    expected$zph_transforms <- lapply(c(identity = "identity", rank = "rank", log = "log"), function(tr) {
      tb <- cox.zph(fit, transform = tr)$table
      list(terms = rownames(tb)[-nrow(tb)], chisq = unname(tb[-nrow(tb), "chisq"]),
           df = unname(tb[-nrow(tb), "df"]), p = unname(tb[-nrow(tb), "p"]), global = unname(tb[nrow(tb), ]))
    })
  }
  if (!is.null(predict)) expected$prediction <- predict_case(fit, predict)
  if (detail) {
    # Schoenfeld residuals come back sorted by (stratum, time), as R orders them.
    expected$scaled_schoenfeld <- unname(as.matrix(residuals(fit, "scaledsch")))
    expected$score_resid <- unname(residuals(fit, "score"))
    expected$dfbeta <- unname(residuals(fit, "dfbeta"))
    sch <- residuals(fit, "schoenfeld")
    expected$schoenfeld <- unname(as.matrix(sch))
  }
  writeLines(toJSON(list(case = name, formula = deparse(formula), input = input, expected = expected),
                    digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"),
             file.path(out, paste0(name, ".json")))
  cat(name, ": coef", format(coef(fit), digits = 6), "\n")
}

# survfit.coxph curves and predict.coxph linear predictors for new covariate
# rows. `spec$newdata` is a data frame of new rows, `spec$x` their design rows
# (as the Swift side takes them), `spec$offset` their offsets (default 0), `spec$strata` their stratum codes (0-based, or
# NULL). Each curve: R's survfit(fit, newdata = row) (default conf.type "log",
# ctype 2 for Efron ties, stype 2), with std_err the standard error of S(t)
# (fit$std.err * surv, as the km fixtures) and std_cumhaz = fit$std.err.
curve_list <- function(sf) {
  one <- function(idx, label) list(label = label, time = sf$time[idx], n_risk = sf$n.risk[idx],
    n_event = sf$n.event[idx], n_censor = sf$n.censor[idx], cumhaz = sf$cumhaz[idx], survival = sf$surv[idx],
    std_cumhaz = num(sf$std.err[idx]), std_err = num(sf$std.err[idx] * sf$surv[idx]),
    lower = num(sf$lower[idx]), upper = num(sf$upper[idx]))
  if (is.null(sf$strata)) return(list(one(seq_along(sf$time), "all")))
  ends <- cumsum(sf$strata); starts <- c(1, head(ends, -1) + 1)
  lapply(seq_along(ends), function(k) one(starts[k]:ends[k], names(sf$strata)[k]))
}
predict_case <- function(fit, spec) {
  nd <- spec$newdata
  rows <- lapply(seq_len(nrow(nd)), function(i) {
    r <- nd[i, , drop = FALSE]
    out <- list(x = spec$x[[i]], offset = if (is.null(spec$offset)) 0 else spec$offset[[i]], stratum = if (is.null(spec$strata)) NULL else spec$strata[[i]],
                curves = curve_list(survfit(fit, newdata = r)),
                curves_loglog = curve_list(survfit(fit, newdata = r, conf.type = "log-log", conf.int = 0.9)),
                lp = unname(predict(fit, newdata = r, type = "lp")),
                risk = unname(predict(fit, newdata = r, type = "risk")),
                lp_sample = unname(predict(fit, newdata = r, type = "lp", reference = "sample")),
                lp_zero = unname(predict(fit, newdata = r, type = "lp", reference = "zero")))
    out
  })
  list(means_curves = curve_list(survfit(fit)), rows = rows)
}

lung <- rd("lung")
lung <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
write_case("lung_efron", Surv(time, status) ~ age + sex + ph.ecog, lung,
           c("age", "sex", "ph.ecog"), c("age", "sex", "ph.ecog"), detail = TRUE, zph_transforms = TRUE,
           predict = list(newdata = data.frame(age = c(60, 45), sex = c(2, 1), ph.ecog = c(1, 0)),
                          x = list(c(60, 2, 1), c(45, 1, 0))))
write_case("lung_breslow", Surv(time, status) ~ age + sex + ph.ecog, lung,
           c("age", "sex", "ph.ecog"), c("age", "sex", "ph.ecog"), ties = "breslow", detail = TRUE,
           predict = list(newdata = data.frame(age = 60, sex = 2, ph.ecog = 1), x = list(c(60, 2, 1))))
write_case("lung_strata", Surv(time, status) ~ age + ph.ecog + strata(sex), lung,
           c("age", "ph.ecog"), c("age", "ph.ecog"), detail = TRUE, zph_transforms = TRUE,
           predict = list(newdata = data.frame(age = c(60, 70), ph.ecog = c(1, 2), sex = c(2, 1)),
                          x = list(c(60, 1), c(70, 2)), strata = list(1L, 0L)))
write_case("lung_offset", Surv(time, status) ~ age + ph.ecog + offset(0.3 * sex), lung,
           c("age", "ph.ecog"), c("age", "ph.ecog"),
           predict = list(newdata = data.frame(age = 60, ph.ecog = 1, sex = 2), x = list(c(60, 1)),
                          offset = list(0.6)))
write_case("lung_interaction", Surv(time, status) ~ age * sex + ph.ecog, lung,
           c("age", "sex", "ph.ecog", "age:sex"), c("age", "sex", "ph.ecog", "age:sex"))
write_case("lung_weights", Surv(time, status) ~ age + sex + ph.ecog, lung,
           c("age", "sex", "ph.ecog"), c("age", "sex", "ph.ecog"),
           weights = rep(c(1, 2, 0.5), length.out = nrow(lung)),
           predict = list(newdata = data.frame(age = 60, sex = 2, ph.ecog = 1), x = list(c(60, 2, 1))))
lung$age2 <- lung$age
write_case("lung_collinear", Surv(time, status) ~ age + sex + age2, lung,
           c("age", "sex", "age2"), c("age", "sex", "age2"), zph = FALSE)

vet <- rd("veteran")
write_case("veteran", Surv(time, status) ~ trt + celltype + karno, vet,
           c("trt", "celltype=large", "celltype=smallcell", "celltype=squamous", "karno"),
           c("trt", "celltype", "celltype", "celltype", "karno"), detail = TRUE, zph_transforms = TRUE)

ova <- rd("ovarian")
write_case("ovarian_robust", Surv(futime, fustat) ~ age + rx, ova, c("age", "rx"), c("age", "rx"),
           robust = TRUE, detail = TRUE,
           predict = list(newdata = data.frame(age = 55, rx = 1), x = list(c(55, 1))))

bl <- rd("bladder")
write_case("bladder_wlw", Surv(stop, event) ~ rx + size + number + strata(enum) + cluster(id), bl,
           c("rx", "size", "number"), c("rx", "size", "number"))

heart <- rd("heart")
heart$transplant <- factor(heart$transplant)
write_case("heart_cp", Surv(start, stop, event) ~ age + year + surgery + transplant, heart,
           c("age", "year", "surgery", "transplant=1"), c("age", "year", "surgery", "transplant"), detail = TRUE,
           zph_transforms = TRUE)

cgd <- rd("cgd")
write_case("cgd_cluster", Surv(tstart, tstop, status) ~ treat + age + cluster(id), cgd,
           c("treat=rIFN-g", "age"), c("treat", "age"))

# Monotone likelihood: every death in group 1 happens before any group-0 death.
sep <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0),
                  g = c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0), age = c(50, 61, 45, 70, 52, 66, 58, 49, 71, 63))
write_case("separation", Surv(time, status) ~ g + age, sep, c("g", "age"), c("g", "age"), zph = FALSE)

# Stratified counting-process data with Breslow ties: cox.zph's zph2 path with
# strata, survfit.coxph on (start, stop] data per stratum.
cgd$inherit <- factor(as.character(cgd$inherit))  # C-locale levels: X-linked, autosomal
write_case("cgd_strata_breslow", Surv(tstart, tstop, status) ~ treat + age + strata(inherit), cgd,
           c("treat=rIFN-g", "age"), c("treat", "age"), ties = "breslow", detail = TRUE, zph_transforms = TRUE,
           predict = list(newdata = data.frame(treat = factor("rIFN-g", levels = levels(cgd$treat)), age = 30,
                                               inherit = factor("autosomal", levels = levels(cgd$inherit))),
                          x = list(c(1, 30)), strata = list(1L)))
