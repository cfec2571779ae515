# Reference values for derived variables in formulas and for --subset
# (issue 8 item 4), computed in R. Run from the repository root:
#   Rscript Tests/Reference/derived.R
# Writes Tests/Fixtures/derived/designs.json, subsets.json, predictions.json and cut_labels.json
# (R 4.2.2, survival 3.5.3).
# Read by Tests/CohortDataTests/DerivedTermReferenceTests.swift (names, values,
# rows), Tests/SurvivalModelsTests/DerivedTermFitTests.swift (coxph fits) and
# Tests/SurvivalKitCLITests/SubsetCommandTests.swift.
#
# Data are read as the tests read them: read.csv on datasets/*.csv; the date
# columns of the sarcoma cohort are made Dates (survkit reads ISO dates as dates).
#
# Column names: R's model.matrix names a factor column <term label><level>
# (`cut(age, breaks = c(38, 55, 65, 83))(55,65]`, `I(age > 60)TRUE`); the
# contract writes <label>=<level>, and factor(x)<level> as x=<level>. `ours()`
# maps R's names by that rule: each ":"-separated part that starts with the
# label of a factor or logical variable of the model frame gets "=" between
# the label and the level (the longest such label wins).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
lung <- read.csv("datasets/lung.csv")
pbc <- read.csv("datasets/pbc.csv")
colon <- read.csv("datasets/colon.csv")
sarcoma <- read.csv("datasets/sarcoma_patients.csv")
for (v in grep("_date$", names(sarcoma), value = TRUE)) sarcoma[[v]] <- as.Date(sarcoma[[v]])
datasets <- list(lung = lung, pbc = pbc, colon = colon, sarcoma_patients = sarcoma)

ours <- function(names, mf) {
  categorical <- names(mf)[vapply(mf, function(v) is.factor(v) || is.logical(v) || is.character(v), TRUE)]
  categorical <- categorical[order(-nchar(categorical))]
  vapply(names, function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    parts <- vapply(parts, function(p) {
      for (label in categorical) {
        if (startsWith(p, label) && nchar(p) > nchar(label)) {
          level <- substring(p, nchar(label) + 1)
          short <- sub("^(as\\.)?factor\\(([^()]+)\\)$", "\\2", label)
          return(paste0(short, "=", level))
        }
      }
      p
    }, "")
    paste(parts, collapse = ":")
  }, "", USE.NAMES = FALSE)
}

num <- function(x) { x <- unname(x); x[!is.finite(x)] <- NA; x }
# Standard errors; NA for an aliased coefficient (coxph leaves 0 in its var), as print.coxph.
se <- function(fit) { s <- num(sqrt(diag(fit$var))); s[is.na(coef(fit))] <- NA; s }

design <- function(data, formula, head = 10) {
  d <- datasets[[data]]
  f <- as.formula(formula)
  mf <- model.frame(f, d)
  mm <- model.matrix(f, d)
  keep <- colnames(mm) != "(Intercept)"
  mm <- mm[, keep, drop = FALSE]
  fit <- coxph(f, d)
  y <- mf[[1]]
  list(
    data = paste0("datasets/", data, ".csv"), formula = formula,
    term_labels = I(attr(terms(f), "term.labels")),
    r_names = I(colnames(mm)), names = I(ours(colnames(mm), mf)),
    n = nrow(mm), rows = I(as.integer(rownames(mm)) - 1L),
    head = lapply(seq_len(min(head, nrow(mm))), function(i) I(unname(mm[i, ]))),
    column_sums = I(unname(colSums(mm))),
    status = I(unname(as.integer(y[, ncol(y)])[seq_len(min(head, nrow(mm)))])),
    events = fit$nevent,
    coef = I(num(coef(fit))), se = I(se(fit)), loglik = fit$loglik)
}

designs <- list(
  design("lung", "Surv(time, status) ~ I(age/10) + I((age - 50)^2) + I(age * 2)"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(38, 55, 65, 83)) + ph.karno"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(40, 55, 65, 80))"),
  design("lung", "Surv(time, status) ~ cut(age, c(0, 50, 60, 70, 100), right = FALSE) + sex"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(39, 50, 60, 82), include.lowest = TRUE)"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(0, 50, 60, 82), right = FALSE, include.lowest = TRUE)"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(0, 55, 65, 100), labels = c(\"young\", \"middle\", \"old\"))"),
  design("lung", "Surv(time, status) ~ cut(meal.cal, breaks = c(0, 500, 1000, 2600))"),
  design("lung", "Surv(time, status) ~ relevel(factor(ph.ecog), ref = \"2\") + age"),
  design("lung", "Surv(time, status) ~ ifelse(sex == 1, \"male\", \"female\") + ifelse(age > 65, 1, 0)"),
  design("lung", "Surv(time, status) ~ I(age > 60) + I(ph.ecog %in% c(0, 1)) + as.numeric(sex == 2)"),
  design("lung", "Surv(time, status) ~ I(age > 60 & sex == 1) + I(!(ph.ecog >= 2) | sex == 2)"),
  design("lung", "Surv(time, status) ~ I(age > 60) * wt.loss"),
  design("lung", "Surv(time, status) ~ cut(age, breaks = c(38, 55, 65, 83)):ph.karno + ph.karno"),
  design("lung", "Surv(time, status) ~ round(age/10) + floor(age/10) + pmax(age, 50) + abs(age - 62)"),
  design("lung", "Surv(time, status) ~ log(wt.loss + 0.5) + sex"),
  design("lung", "Surv(time, status == 2) ~ sqrt(wt.loss) + age"),
  design("pbc", "Surv(time, status == 2) ~ log(bili) + log2(albumin) + log10(alk.phos + 1) + log1p(ast)"),
  design("pbc", "Surv(time, status == 2) ~ sqrt(platelet) + exp(-albumin) + pmin(bili, 5) + pmin(ast, alk.phos/10, 200)"),
  design("pbc", "Surv(time, status == 2) ~ round(bili) + round(bili, 1) + round(protime, 0)"),
  design("pbc", "Surv(time, status == 2) ~ relevel(factor(stage), ref = \"3\") + relevel(factor(sex), ref = \"m\")"),
  design("pbc", "Surv(time/365.25, status %in% c(1, 2)) ~ I(edema %in% c(0.5, 1)) + I(sex == \"f\") + age"),
  design("pbc", "Surv(time, status == 2) ~ ifelse(bili > 2, \"high\", \"normal\") * age"),
  design("colon", "Surv(time, status) ~ I(rx == \"Obs\") + I(rx %in% c(\"Lev\", \"Lev+5FU\")) + relevel(factor(rx), ref = \"Lev+5FU\")"),
  design("colon", "Surv(time, status) ~ I(rx != 'Obs') + cut(nodes, breaks = c(0, 1, 4, 10, 33), right = FALSE)"),
  design("sarcoma_patients", "Surv(os_years, death_cause == \"sarcoma\") ~ age + sex + I(size_cm > 5)"),
  design("sarcoma_patients", "Surv(os_years, death_cause == \"sarcoma\") ~ I((as.numeric(diagnosis_date) - 14000)/365.25) + grade")
)

subset_case <- function(data, expr, formula) {
  d <- datasets[[data]]
  s <- d[with(d, { r <- eval(parse(text = expr)); r & !is.na(r) }), , drop = FALSE]
  f <- as.formula(formula)
  fit <- coxph(f, s)
  km <- survfit(update(f, . ~ 1), s)
  list(
    data = paste0("datasets/", data, ".csv"), subset = expr, formula = formula,
    read = nrow(d), kept = nrow(s), excluded_by_subset = nrow(d) - nrow(s),
    used = fit$n, events = fit$nevent,
    coef = I(num(coef(fit))), se = I(se(fit)), loglik = fit$loglik,
    km_n = km$n, km_events = sum(km$n.event), km_median = unname(summary(km)$table["median"]))
}

subsets <- list(
  subset_case("lung", "age > 60", "Surv(time, status) ~ sex + ph.ecog"),
  subset_case("lung", "sex == 2 & ph.ecog %in% c(0, 1)", "Surv(time, status) ~ age"),
  subset_case("lung", "!is.na(wt.loss) | ph.ecog == 0", "Surv(time, status) ~ age + sex"),
  subset_case("lung", "ph.ecog == 0 | age > 70", "Surv(time, status) ~ sex"),
  subset_case("lung", "wt.loss > 5 & sex == 2", "Surv(time, status) ~ age"),
  subset_case("lung", "is.na(meal.cal)", "Surv(time, status) ~ age + sex"),
  subset_case("lung", "!(ph.ecog >= 2) & !is.na(inst)", "Surv(time, status) ~ sex"),
  subset_case("pbc", "sex == \"f\" & !(stage %in% c(4))", "Surv(time, status == 2) ~ log(bili) + age"),
  subset_case("pbc", "trt %in% c(1, 2)", "Surv(time, status == 2) ~ trt + log(bili)"),
  subset_case("pbc", "status != 1 & (edema == 0 | bili < 2)", "Surv(time, status == 2) ~ age + albumin"),
  subset_case("pbc", "log(bili) > 0 & ascites == 0", "Surv(time, status == 2) ~ age"),
  subset_case("sarcoma_patients", "diagnosis_date >= \"2010-01-01\" & site != 'extremity'", "Surv(os_years, death_cause == \"sarcoma\") ~ age + sex"),
  subset_case("sarcoma_patients", "diagnosis_date < \"2005-06-30\"", "Surv(os_years, os_status) ~ grade")
)

cut_label <- function(x, ...) {
  args <- list(...)
  list(x = x, args = deparse(as.call(c(quote(cut), quote(x), args)), width.cutoff = 500L),
       labels = levels(do.call(cut, c(list(x), args))),
       codes = as.integer(do.call(cut, c(list(x), args))))
}
cut_labels <- list(
  cut_label(c(1, 150, 500, 999, 1000, 2000), breaks = c(0, 100, 1000, 1e4)),
  cut_label(c(0.5, 1.5, 2.5, 3), breaks = c(0.001234, 1.00049, 2.5, 123456)),
  cut_label(c(0, 1, 2, 3), breaks = c(0, 1, 2, 3), right = FALSE, include.lowest = TRUE),
  cut_label(c(0, 1, 2, 3), breaks = c(0, 1, 2, 3), include.lowest = TRUE),
  cut_label(c(0, 1, 2, 3), breaks = c(0, 1, 2, 3)),
  cut_label(c(1.0001, 1.0002, 1.0003), breaks = c(1, 1.00015, 1.00025, 1.0004)),
  cut_label(c(-5, 0, 5), breaks = c(-10, -0.5, 0.5, 10)),
  cut_label(c(2e5, 5e5), breaks = c(1e5, 3e5, 1e6)),
  cut_label(c(0.00002, 0.5), breaks = c(0.00001, 0.1, 1))
)

rounding <- list(x = c(0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 0.15, 1.005, 12.345, -2.5, 0.285),
                 digits = c(0, 0, 0, 0, 0, 2, 2, 1, 2, 2, 0, 2))
rounding$rounded <- mapply(round, rounding$x, rounding$digits)

# predict(fit, newdata, type = "lp") with derived factor-like terms (new data coded with the fit's levels).
predict_case <- function(data, formula, newdata) {
  fit <- coxph(as.formula(formula), datasets[[data]])
  list(data = paste0("datasets/", data, ".csv"), formula = formula, newdata = newdata,
       lp = I(unname(predict(fit, newdata = as.data.frame(newdata), type = "lp"))))
}
predictions <- list(
  predict_case("lung", "Surv(time, status) ~ cut(age, breaks = c(38, 55, 65, 83)) + I(sex == 2) + ph.karno",
               list(age = c(45, 70, 60, 39), sex = c(1, 2, 2, 1), ph.karno = c(90, 70, 80, 100))),
  predict_case("pbc", "Surv(time, status == 2) ~ relevel(factor(stage), ref = \"3\") + ifelse(bili > 2, \"high\", \"normal\") + log(bili)",
               list(stage = c(1, 3, 4), bili = c(0.8, 5.2, 2.5)))
)

# R's term labels (deparse) of expressions, for the naming rule.
label_formula <- "~ I(age/10) + I((age - 50)^2) + log10(er + 1) + I(age * 2) + I(age > 60) + I(x %in% c('a', \"b\")) + I(x == 'a') + ifelse(a > 1, 'x', 'y') + pmin(a, b, 3) + round(x, 2) + I(!a & b | c) + I(-x) + I(a - -b) + I(x != 'a') + as.numeric(d) + I((a)) + I(a + (b * c)) + I(1e3 * x) + I(0.5 * x) + I(x^-1) + I(100000 * x) + I(1e-5 * x) + cut(x, c(0, 100, 1000)) + I(2L * x) + I(x >= 1 & y <= 2) + log(x, 2) + ifelse(is.na(x), 0, x) + I(123456 * x) + I(0.1 + x) + I(1/3 * x) + relevel(factor(g), ref = 'b') + I(x <= -1.5)"
term_labels <- list(formula = label_formula, labels = I(attr(terms(as.formula(label_formula)), "term.labels")))

write_json(designs, "Tests/Fixtures/derived/designs.json", digits = NA, auto_unbox = TRUE, null = "null", na = "null")
write_json(subsets, "Tests/Fixtures/derived/subsets.json", digits = NA, auto_unbox = TRUE, null = "null", na = "null")
write_json(predictions, "Tests/Fixtures/derived/predictions.json", digits = NA, auto_unbox = TRUE, null = "null", na = "null")
write_json(list(cut = cut_labels, round = rounding, term_labels = term_labels), "Tests/Fixtures/derived/cut_labels.json",
           digits = NA, auto_unbox = TRUE, null = "null", na = "null")
