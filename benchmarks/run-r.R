# Times R's coxph() and coxph.fit() (Efron and Breslow) on the cohort written by
# cox-bench, and writes R's coefficients next to it for compare.sh.
#   Rscript benchmarks/run-r.R /tmp/cox-bench.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args)) args[1] else "/tmp/cox-bench.csv"
d <- read.csv(path)
x <- as.matrix(d[, grep("^x", names(d))])
y <- Surv(d$time, d$status)
best <- function(f) min(sapply(1:3, function(i) system.time(f())["elapsed"]))
out <- NULL
for (ties in c("efron", "breslow")) {
  t_fit <- best(function() coxph.fit(x, y, strata = NULL, offset = NULL, init = NULL,
                                     control = coxph.control(), weights = NULL, method = ties,
                                     rownames = NULL, resid = FALSE))
  t_cox <- best(function() coxph(y ~ x, ties = ties))
  fit <- coxph.fit(x, y, strata = NULL, offset = NULL, init = NULL, control = coxph.control(),
                   weights = NULL, method = ties, rownames = NULL, resid = FALSE)
  cat(sprintf("R %s: coxph.fit %.3f s, coxph %.3f s (best of 3), %d iterations, loglik %.6f\n",
              ties, t_fit, t_cox, fit$iter, fit$loglik[2]))
  out <- rbind(out, data.frame(ties = ties, term = colnames(x), coef = fit$coefficients,
                               t_fit = t_fit, t_cox = t_cox))
}
write.csv(out, paste0(path, ".r-coef.csv"), row.names = FALSE)
