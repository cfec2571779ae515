# Reference fixtures for `survkit recur` (docs/json-output.md, sections
# recur and "Recurrent events"), computed with R's survival package (3.5.3 when
# generated). Run from the repository root:  Rscript Tests/Reference/recur.R
# Writes Tests/Fixtures/recur/<case>.json: the JSON `survkit <args>` must
# produce (the cox JSON plus "analysis": "recurrent-events" and "model"), and
# the bookkeeping keys `case`, `args`, `formula`, `data`.
#
# * The R formula is the one the model means (`rformula`); the command line may
#   write the shorter form that survkit rewrites (pwp-gt: Surv(start, stop, e)
#   -> Surv(stop - start, e); pwp without strata: enum built from the id).
#   For bladder2 and cgd the data's `enum` column equals 1 + the number of the
#   subject's earlier rows with an event (checked below), which is what survkit builds.
# * coefficients as summary(coxph): robust se (cluster) drives z, p and the
#   limits; `se` = sqrt(diag(naive.var)); tests: LR (model based), Wald
#   (robust, fit$wald.test), score (model based); variance = fit$var (robust).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/Fixtures/recur"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

# R names a factor dummy `treatrIFN-g`; the contract says `treat=rIFN-g`.
contract_names <- function(fit) {
  map <- character(0)
  for (v in names(fit$xlevels)) for (l in fit$xlevels[[v]]) map[paste0(v, l)] <- paste0(v, "=", l)
  vapply(names(coef(fit)), function(nm) {
    parts <- strsplit(nm, ":", fixed = TRUE)[[1]]
    paste(ifelse(parts %in% names(map), map[parts], parts), collapse = ":")
  }, "", USE.NAMES = FALSE)
}

recur_case <- function(name, data_name, model, formula, rformula = formula, ties = "efron") {
  data <- read.csv(file.path("datasets", paste0(data_name, ".csv")), stringsAsFactors = TRUE)
  args <- c("recur", paste0("datasets/", data_name, ".csv"), "--formula", formula, "--model", model)
  if (ties != "efron") args <- c(args, "--ties", ties)
  args <- c(args, "--format", "json")
  fit <- coxph(as.formula(rformula), data = data, ties = ties)
  s <- summary(fit)
  cf <- coef(fit)
  stopifnot(!any(is.na(cf)), !is.null(fit$naive.var))
  ctab <- s$coefficients; ci <- s$conf.int
  names(cf) <- contract_names(fit)
  coefs <- lapply(seq_along(cf), function(j) list(
    term = names(cf)[j], coef = unname(cf[j]), se = sqrt(fit$naive.var[j, j]),
    robust_se = sqrt(fit$var[j, j]), z = unname(ctab[j, "z"]), p = unname(ctab[j, "Pr(>|z|)"]),
    hr = unname(exp(cf[j])), hr_lower = unname(ci[j, 3]), hr_upper = unname(ci[j, 4])))
  df <- length(cf)
  test <- function(stat) list(statistic = unname(stat), df = df, p = pchisq(unname(stat), df, lower.tail = FALSE))
  res <- list(
    case = name, args = I(args), formula = rformula, data = paste0("datasets/", data_name, ".csv"),
    analysis = "recurrent-events", model = model, ties = ties, n = fit$n, events = fit$nevent,
    n_dropped_missing = length(fit$na.action), iterations = fit$iter, converged = TRUE,
    coefficients = coefs, loglik_null = fit$loglik[1], loglik = fit$loglik[2],
    tests = list(likelihood_ratio = test(s$logtest["test"]), wald = test(fit$wald.test), score = test(fit$score)),
    variance = unname(fit$var))
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"),
             file.path(out, paste0(name, ".json")))
  cat(name, ": n", fit$n, "events", fit$nevent, "coef", format(cf, digits = 6), "\n")
}

# The data's enum is the event number survkit builds from id and row order.
built_enum <- function(d, status) ave(d[[status]], d$id, FUN = function(x) 1 + c(0, cumsum(x)[-length(x)]))
stopifnot(all(built_enum(read.csv("datasets/bladder2.csv"), "event") == read.csv("datasets/bladder2.csv")$enum))
stopifnot(all(built_enum(read.csv("datasets/cgd.csv"), "status") == read.csv("datasets/cgd.csv")$enum))

rhs <- "rx + size + number"
recur_case("bladder2_ag", "bladder2", "ag", paste("Surv(start, stop, event) ~", rhs, "+ cluster(id)"))
recur_case("bladder2_ag_breslow", "bladder2", "ag", paste("Surv(start, stop, event) ~", rhs, "+ cluster(id)"),
           ties = "breslow")
recur_case("bladder2_pwptt", "bladder2", "pwp-tt",
           paste("Surv(start, stop, event) ~", rhs, "+ strata(enum) + cluster(id)"))
recur_case("bladder2_pwptt_built_enum", "bladder2", "pwp-tt",
           paste("Surv(start, stop, event) ~", rhs, "+ cluster(id)"),
           rformula = paste("Surv(start, stop, event) ~", rhs, "+ strata(enum) + cluster(id)"))
recur_case("bladder2_pwpgt", "bladder2", "pwp-gt",
           paste("Surv(stop - start, event) ~", rhs, "+ strata(enum) + cluster(id)"))
recur_case("bladder2_pwpgt_rewritten", "bladder2", "pwp-gt",
           paste("Surv(start, stop, event) ~", rhs, "+ cluster(id)"),
           rformula = paste("Surv(stop - start, event) ~", rhs, "+ strata(enum) + cluster(id)"))
recur_case("bladder_wlw", "bladder", "wlw",
           paste("Surv(stop, event) ~", rhs, "+ strata(enum) + cluster(id)"))
recur_case("cgd_ag", "cgd", "ag", "Surv(tstart, tstop, status) ~ treat + age + inherit + steroids + cluster(id)")
recur_case("cgd_pwpgt_built_enum", "cgd", "pwp-gt", "Surv(tstart, tstop, status) ~ treat + age + cluster(id)",
           rformula = "Surv(tstop - tstart, status) ~ treat + age + strata(enum) + cluster(id)")
