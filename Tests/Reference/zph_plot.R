# Reference curves for `survkit zph-plot`: what R's plot(cox.zph(fit)) draws,
# computed with the statements of survival's plot.cox.zph (3.5.3; resid = TRUE,
# se = TRUE, df = 4, nsmo = 40). Run from the repo root:
#   Rscript Tests/Reference/zph_plot.R
# Writes Tests/Fixtures/zph-plot/<case>.json: `args`, and per term the points
# (`x` = cox.zph's transformed times, `y` = its scaled Schoenfeld residuals,
# sorted by x then y, since tied times may come in another order) and the
# smooth on the 40-point grid (`grid_x`, `fit`, `lower`, `upper` = yhat ∓ 2 se).
suppressPackageStartupMessages({ library(survival); library(splines); library(jsonlite) })
out <- "Tests/Fixtures/zph-plot"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

smooth <- function(z, i, df = 4, nsmo = 40) {
  # plot.cox.zph, for variable i
  xx <- z$x; yy <- z$y
  pred.x <- seq(from = min(xx), to = max(xx), length = nsmo)
  lmat <- ns(c(pred.x, xx), df = df, intercept = TRUE)
  pmat <- lmat[1:nsmo, ]
  xmat <- lmat[-(1:nsmo), ]
  y <- yy[, i]
  qmat <- qr(xmat)
  yhat <- pmat %*% qr.coef(qmat, y)
  bk <- backsolve(qmat$qr[1:df, 1:df], diag(df))
  xtx <- bk %*% t(bk)
  seval <- ((pmat %*% xtx) * pmat) %*% rep(1, df)
  temp <- 2 * sqrt(z$var[i, i] * seval)
  o <- order(xx, y)
  list(term = colnames(yy)[i], x = xx[o], y = unname(y[o]), grid_x = pred.x,
       fit = as.numeric(yhat), lower = as.numeric(yhat - temp), upper = as.numeric(yhat + temp))
}

write_case <- function(name, args, fit, transform = "km") {
  z <- cox.zph(fit, transform = transform)
  terms <- lapply(seq_len(ncol(z$y)), function(i) smooth(z, i))
  writeLines(toJSON(list(args = args, transform = transform, terms = terms), auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path(out, paste0(name, ".json")))
}

lung <- read.csv("datasets/lung.csv")
write_case("lung_km", c("zph-plot", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog"),
           coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung))
vet <- read.csv("datasets/veteran.csv")
write_case("veteran_identity",
           c("zph-plot", "datasets/veteran.csv", "--formula", "Surv(time, status) ~ karno + age", "--transform", "identity"),
           coxph(Surv(time, status) ~ karno + age, data = vet), transform = "identity")
