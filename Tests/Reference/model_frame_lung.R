# Reference values for CohortDataTests: design matrices, term names, used rows
# and survfit strata of R on datasets/lung.csv. Run from the repo root:
#   Rscript Tests/Reference/model_frame_lung.R
# Writes Tests/Fixtures/model_frame_lung.json.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
lung <- read.csv("datasets/lung.csv")

# R names factor(x)LEVEL; the contract names it x=LEVEL.
contract_name <- function(nm) gsub("factor\\(([^)]+)\\)([^:]+)", "\\1=\\2", nm)

design <- function(rhs) {
  f <- as.formula(paste("Surv(time, status)", rhs))
  mm <- model.matrix(f, lung)
  mm <- mm[, colnames(mm) != "(Intercept)", drop = FALSE]
  list(formula = paste("Surv(time, status)", rhs),
       r_names = colnames(mm),
       names = contract_name(colnames(mm)),
       rows = as.integer(rownames(mm)) - 1L,          # zero-based used rows
       columns = lapply(seq_len(ncol(mm)), function(j) unname(mm[, j])))
}

groups <- function(rhs) {
  fit <- survfit(as.formula(paste("Surv(time, status)", rhs)), lung)
  list(formula = paste("Surv(time, status)", rhs), labels = names(fit$strata), n = fit$n)
}

# Which formula variable each dropped row is missing first (formula order).
dropped <- function(vars) {
  first <- apply(is.na(lung[, vars]), 1, function(r) if (any(r)) vars[which(r)[1]] else NA)
  tab <- table(first)
  list(formula = paste("Surv(time, status) ~", paste(vars[-(1:2)], collapse = " + ")),
       keys = paste0("missing: ", names(tab)), counts = as.integer(tab),
       used = sum(complete.cases(lung[, vars])))
}

out <- list(
  designs = list(
    design("~ age + factor(ph.ecog) + sex:age"),
    design("~ age + factor(sex) + age:factor(sex)"),
    design("~ age:factor(sex)"),
    design("~ factor(ph.ecog)*factor(sex)"),
    design("~ factor(sex):age + age"),
    design("~ log(age) + I(age^2) + wt.loss"),
    design("~ factor(sex):factor(ph.ecog)"),
    design("~ factor(sex) + factor(sex):factor(ph.ecog)"),
    design("~ age + factor(ph.ecog):age:factor(sex)")
  ),
  groups = list(groups("~ sex + ph.ecog"), groups("~ ph.ecog + sex"), groups("~ sex")),
  dropped = dropped(c("time", "status", "age", "ph.ecog", "wt.loss", "meal.cal")),
  status = as.integer(Surv(lung$time, lung$status)[, 2])
)
write_json(out, "Tests/Fixtures/model_frame_lung.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)
