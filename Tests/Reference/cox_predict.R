# Expected values for `survkit cox --predict FILE`: R predict(fit, newdata,
# type = "lp" / "risk") for new rows coded with the training levels.
# Run from the repository root: Rscript Tests/Reference/cox_predict.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
lung <- read.csv("datasets/lung.csv")
# New data: the first 30 rows of lung, written to a CSV that survkit reads with
# --predict; rows missing a covariate are dropped (complete cases, as na.omit).
newdata <- lung[1:30, ]
newfile <- "Tests/Fixtures/cox-predict/lung_newdata.csv"
write.csv(newdata, newfile, row.names = FALSE, na = "NA")

case <- function(name, formula, extra_args = character(0), reference = "strata") {
  fit <- coxph(as.formula(formula), data = lung)
  nd <- newdata[complete.cases(newdata[, all.vars(as.formula(formula))[-(1:2)], drop = FALSE]), ]
  lp <- predict(fit, newdata = nd, type = "lp", reference = reference)
  out <- list(
    case = name,
    args = c("cox", "datasets/lung.csv", "--formula", formula, "--predict", newfile,
             extra_args, "--format", "json"),
    predictions = list(
      row = as.integer(rownames(nd)),
      linear_predictor = unname(lp),
      risk = unname(exp(lp))))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path("Tests/Fixtures/cox-predict", paste0(name, ".json")))
  cat("wrote", name, "\n")
}
case("lung_factor", "Surv(time, status) ~ age + sex + factor(ph.ecog)")
case("lung_strata", "Surv(time, status) ~ age + ph.ecog + strata(sex)")
case("lung_strata_sample", "Surv(time, status) ~ age + ph.ecog + strata(sex)",
     c("--predict-reference", "sample"), reference = "sample")
