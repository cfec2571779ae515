# One R step of benchmarks/compare.sh, run in its own process so that the peak RSS
# that /usr/bin/time reports belongs to that step alone.
#   Rscript benchmarks/compare-r.R STEP CSV THREADS VALUES_FILE
# STEP:
#   fread        fread(CSV) alone (all columns)
#   fread-fit    fread(CSV) + as.matrix + coxph.fit(Efron) on x1..x20 (the whole pipeline
#                that matches `survkit cox FILE`); writes the coefficients
#   coxph        fread (not timed), then coxph(Surv(time, status) ~ x1 + ... + x20) with
#                the data in memory: only the fit is timed
#   survfit      fread of time, status, g (not timed), then survfit(Surv(time, status) ~ g)
#                timed; writes the median of each group (quantile(fit, 0.5))
#   survdiff     as survfit, survdiff(Surv(time, status) ~ g); writes the chi-square
# THREADS is given to data.table::setDTthreads() (fread is the only threaded part).
# Prints "TIME <seconds>" (the timed part) and "READ <seconds>" (the fread, when it is
# not part of the timed part); VALUES_FILE gets key,value lines at 17 digits.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: Rscript compare-r.R STEP CSV THREADS VALUES_FILE")
step <- args[1]; path <- args[2]; threads <- as.integer(args[3]); values <- args[4]
for (pkg in c("survival", "data.table")) {
  if (!requireNamespace(pkg, quietly = TRUE)) {
    message(sprintf("compare-r.R: the R package '%s' is not installed (install.packages(\"%s\"))", pkg, pkg))
    quit(status = 3)
  }
}
suppressPackageStartupMessages({ library(survival); library(data.table) })
setDTthreads(threads)
elapsed <- function(expr) unname(system.time(expr, gcFirst = TRUE)["elapsed"])
write_values <- function(keys, vals)
  writeLines(paste0(keys, ",", trimws(formatC(vals, digits = 17, format = "g"))), values)
xcols <- function(d) grep("^x[0-9]+$", names(d), value = TRUE)

if (step == "fread") {
  t <- elapsed(d <- fread(path))
  cat(sprintf("TIME %.3f\n", t))
  write_values("rows", nrow(d))
} else if (step == "fread-fit") {
  t <- elapsed({
    d <- fread(path)
    x <- as.matrix(d[, xcols(d), with = FALSE])
    y <- Surv(d$time, d$status)
    fit <- coxph.fit(x, y, strata = NULL, offset = NULL, init = NULL,
                     control = coxph.control(), weights = NULL, method = "efron",
                     rownames = NULL, resid = FALSE)
  })
  cat(sprintf("TIME %.3f\n", t))
  cat(sprintf("NOTE %d iterations, loglik %.6f\n", fit$iter, fit$loglik[2]))
  write_values(c(paste0("coef:", colnames(x)), "loglik"), c(fit$coefficients, fit$loglik[2]))
} else if (step == "coxph") {
  tr <- elapsed(d <- fread(path))
  f <- as.formula(paste("Surv(time, status) ~", paste(xcols(d), collapse = " + ")))
  t <- elapsed(fit <- coxph(f, data = d, ties = "efron"))
  cat(sprintf("READ %.3f\nTIME %.3f\n", tr, t))
  write_values(c(paste0("coef:", names(coef(fit))), "loglik"), c(coef(fit), fit$loglik[2]))
} else if (step %in% c("survfit", "survdiff")) {
  tr <- elapsed(d <- fread(path, select = c("time", "status", "g")))
  if (step == "survfit") {
    t <- elapsed(fit <- survfit(Surv(time, status) ~ g, data = d))
    q <- quantile(fit, 0.5)$quantile
    cat(sprintf("READ %.3f\nTIME %.3f\n", tr, t))
    write_values(paste0("median:", rownames(q)), q[, 1])
  } else {
    t <- elapsed(sd <- survdiff(Surv(time, status) ~ g, data = d))
    cat(sprintf("READ %.3f\nTIME %.3f\n", tr, t))
    write_values("chisq", sd$chisq)
  }
} else {
  stop("unknown step: ", step)
}
