# Reference values of the publication tables (survkit cox/finegray/survreg/poisson/negbin
# --format markdown --table publication, html, csv, latex), computed with R's survival 3.5.3,
# cmprsk and MASS. Run from the repository root:  Rscript Tests/Reference/publication_tables.R
# Writes Tests/Fixtures/publication/<case>.json with, per formula term:
#   * `levels`: one entry per level of a factor term, the reference level first (estimate 1,
#     no limits, no p), each with `n` (used rows with that level) and `events` (events among
#     them: status 1 for Cox and survreg, the cause for Fine-Gray, the summed counts for
#     poisson/negbin); a numeric term has one entry with every used row;
#   * `estimate`, `lower`, `upper`: the ratio (HR, sHR, time ratio, RR) = exp(coef) and its
#     Wald limits exp(coef -/+ z se) at 95%, and the same rounded to 2 decimals as sprintf
#     gives them (`estimate_text`, `lower_text`, `upper_text`);
#   * `joint`: for a term with more than one coefficient, the Wald test of all of them,
#     chisq = b' V^-1 b with V the model-based covariance of the term's coefficients,
#     df = their number, p = pchisq(chisq, df, lower.tail = FALSE).
# The joint test is checked against survival's own Wald test: for a model with the factor
# alone, coxph's fit$wald.test is the same statistic (stopifnot below).
suppressPackageStartupMessages({ library(survival); library(jsonlite); library(cmprsk); library(MASS) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/publication"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
z <- qnorm(0.975)

joint_wald <- function(b, V, idx) {
  bb <- b[idx]; chisq <- as.numeric(t(bb) %*% solve(V[idx, idx, drop = FALSE], bb))
  list(chisq = chisq, df = length(idx), p = pchisq(chisq, length(idx), lower.tail = FALSE))
}

# terms: list(label = , variable = data column, factor = TRUE/FALSE, coef_prefix = R's coefficient name prefix)
# b, se, V: coefficients (named as R), their se, covariance; evt: event amount per used row.
table_case <- function(case, args, data, terms, b, se, V, p, evt) {
  rows <- list()
  for (t in terms) {
    x <- data[[t$variable]]
    if (t$factor) {
      lv <- if (is.factor(x)) levels(x) else sort(unique(x))
      names_b <- paste0(t$coef_prefix, lv)
      levs <- lapply(seq_along(lv), function(k) {
        sel <- x == lv[k]
        e <- list(level = as.character(lv[k]), n = sum(sel), events = sum(evt[sel]))
        if (k == 1) {
          e$reference <- TRUE
        } else {
          nm <- names_b[k]; est <- exp(b[[nm]]); lo <- exp(b[[nm]] - z * se[[nm]]); hi <- exp(b[[nm]] + z * se[[nm]])
          e <- c(e, list(reference = FALSE, estimate = est, lower = lo, upper = hi, p = p[[nm]],
                         estimate_text = sprintf("%.2f", est), lower_text = sprintf("%.2f", lo),
                         upper_text = sprintf("%.2f", hi)))
        }
        e
      })
      idx <- match(names_b[-1], names(b))
      term <- list(term = t$label, levels = levs)
      if (length(idx) > 1) term$joint <- joint_wald(b, V, idx)
    } else {
      nm <- t$coef_prefix; est <- exp(b[[nm]]); lo <- exp(b[[nm]] - z * se[[nm]]); hi <- exp(b[[nm]] + z * se[[nm]])
      term <- list(term = t$label, levels = list(list(
        level = NULL, n = length(x), events = sum(evt), reference = FALSE, estimate = est, lower = lo,
        upper = hi, p = p[[nm]], estimate_text = sprintf("%.2f", est), lower_text = sprintf("%.2f", lo),
        upper_text = sprintf("%.2f", hi))))
    }
    rows[[length(rows) + 1]] <- term
  }
  writeLines(toJSON(list(case = case, args = args, terms = rows), auto_unbox = TRUE, digits = NA, null = "null",
                    pretty = TRUE), file.path(out, paste0(case, ".json")))
}

# --- Cox, lung: age + sex + factor(ph.ecog) -------------------------------------------
lung <- read.csv("datasets/lung.csv")
f <- Surv(time, status) ~ age + sex + factor(ph.ecog)
fit <- coxph(f, data = lung)
d <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
s <- summary(fit)$coefficients
table_case("cox_lung", c("cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)"),
  d, list(list(label = "age", variable = "age", factor = FALSE, coef_prefix = "age"),
          list(label = "sex", variable = "sex", factor = FALSE, coef_prefix = "sex"),
          list(label = "ph.ecog", variable = "ph.ecog", factor = TRUE, coef_prefix = "factor(ph.ecog)")),
  coef(fit), s[, "se(coef)"], vcov(fit), s[, "Pr(>|z|)"], as.numeric(d$status == 2))
# survival's own Wald test agrees with b'V^-1b on a model with the factor alone.
fit1 <- coxph(Surv(time, status) ~ factor(ph.ecog), data = d)
stopifnot(abs(joint_wald(coef(fit1), vcov(fit1), 1:3)$chisq - fit1$wald.test) < 1e-8 * fit1$wald.test)

# --- Cox, lung, robust variance: limits, p and the joint test from the sandwich variance (vcov(fit))
fit <- coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), data = lung, robust = TRUE)
s <- summary(fit)$coefficients
table_case("cox_lung_robust", c("cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)", "--robust"),
  d, list(list(label = "age", variable = "age", factor = FALSE, coef_prefix = "age"),
          list(label = "sex", variable = "sex", factor = FALSE, coef_prefix = "sex"),
          list(label = "ph.ecog", variable = "ph.ecog", factor = TRUE, coef_prefix = "factor(ph.ecog)")),
  coef(fit), s[, "robust se"], vcov(fit), s[, "Pr(>|z|)"], as.numeric(d$status == 2))

# --- Cox, sarcoma: age + sex + factor(grade) + margin + site ---------------------------
sarcoma <- read.csv("datasets/sarcoma_patients.csv", stringsAsFactors = TRUE)
f <- Surv(os_years, os_status) ~ age + sex + factor(grade) + margin + site
fit <- coxph(f, data = sarcoma)
s <- summary(fit)$coefficients
table_case("cox_sarcoma", c("cox", "datasets/sarcoma_patients.csv", "--formula",
    "Surv(os_years, os_status) ~ age + sex + factor(grade) + margin + site"),
  sarcoma, list(list(label = "age", variable = "age", factor = FALSE, coef_prefix = "age"),
          list(label = "sex", variable = "sex", factor = TRUE, coef_prefix = "sex"),
          list(label = "grade", variable = "grade", factor = TRUE, coef_prefix = "factor(grade)"),
          list(label = "margin", variable = "margin", factor = TRUE, coef_prefix = "margin"),
          list(label = "site", variable = "site", factor = TRUE, coef_prefix = "site")),
  coef(fit), s[, "se(coef)"], vcov(fit), s[, "Pr(>|z|)"], sarcoma$os_status)
fit1 <- coxph(Surv(os_years, os_status) ~ site, data = sarcoma)
stopifnot(abs(joint_wald(coef(fit1), vcov(fit1), 1:3)$chisq - fit1$wald.test) < 1e-8 * fit1$wald.test)

# --- Fine-Gray, sarcoma: local recurrence, death a competing event (--competing-status os_status)
status <- ifelse(sarcoma$lr_status == 1, 1, ifelse(sarcoma$os_status == 1, 2, 0))
X <- model.matrix(~ margin + factor(grade) + size_cm, data = sarcoma)[, -1]
fg <- crr(sarcoma$lr_first_years, status, X, failcode = 1, cencode = 0)
b <- fg$coef; names(b) <- colnames(X); V <- fg$var; dimnames(V) <- list(colnames(X), colnames(X))
se <- sqrt(diag(V)); p <- 2 * pnorm(-abs(b / se))
table_case("finegray_sarcoma", c("finegray", "datasets/sarcoma_patients.csv", "--formula",
    "Surv(lr_first_years, lr_status) ~ margin + factor(grade) + size_cm", "--competing-status", "os_status"),
  sarcoma, list(list(label = "margin", variable = "margin", factor = TRUE, coef_prefix = "margin"),
          list(label = "grade", variable = "grade", factor = TRUE, coef_prefix = "factor(grade)"),
          list(label = "size_cm", variable = "size_cm", factor = FALSE, coef_prefix = "size_cm")),
  b, se, V, p, as.numeric(status == 1))

# --- Weibull survreg, lung: time ratios ------------------------------------------------
fit <- survreg(Surv(time, status) ~ age + sex + factor(ph.ecog), data = lung)
s <- summary(fit)$table
table_case("survreg_lung", c("survreg", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)"),
  d, list(list(label = "age", variable = "age", factor = FALSE, coef_prefix = "age"),
          list(label = "sex", variable = "sex", factor = FALSE, coef_prefix = "sex"),
          list(label = "ph.ecog", variable = "ph.ecog", factor = TRUE, coef_prefix = "factor(ph.ecog)")),
  coef(fit), s[names(coef(fit)), "Std. Error"], vcov(fit), s[names(coef(fit)), "p"], as.numeric(d$status == 2))

# --- Poisson, sarcoma: local-recurrence counts, offset log(os_years) -------------------
fit <- glm(lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years)), family = poisson, data = sarcoma)
s <- summary(fit)$coefficients
table_case("poisson_sarcoma", c("poisson", "datasets/sarcoma_patients.csv", "--formula",
    "lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years))"),
  sarcoma, list(list(label = "margin", variable = "margin", factor = TRUE, coef_prefix = "margin"),
          list(label = "grade", variable = "grade", factor = TRUE, coef_prefix = "factor(grade)"),
          list(label = "radiotherapy", variable = "radiotherapy", factor = FALSE, coef_prefix = "radiotherapy")),
  coef(fit), s[, "Std. Error"], vcov(fit), s[, "Pr(>|z|)"], sarcoma$lr_count)

# --- Negative binomial, quine: days absent ----------------------------------------------
quine <- read.csv("datasets/quine.csv", stringsAsFactors = TRUE)
fit <- glm.nb(Days ~ Sex + Age + Eth, data = quine)
s <- summary(fit)$coefficients
table_case("negbin_quine", c("negbin", "datasets/quine.csv", "--formula", "Days ~ Sex + Age + Eth"),
  quine, list(list(label = "Sex", variable = "Sex", factor = TRUE, coef_prefix = "Sex"),
          list(label = "Age", variable = "Age", factor = TRUE, coef_prefix = "Age"),
          list(label = "Eth", variable = "Eth", factor = TRUE, coef_prefix = "Eth")),
  coef(fit), s[, "Std. Error"], vcov(fit), s[, "Pr(>|z|)"], quine$Days)
