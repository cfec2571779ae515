# Example inputs for the SVG figure tests and screenshots (Tests/Reference/render_svg_examples.sh).
# The renderers draw result values; these fixtures hold R's results in the JSON contracts:
#   svg_km_lung_sex.json   survfit(Surv(time, status) ~ sex, lung) as a KaplanMeierResult
#   svg_cif_mgus2.json     cmprsk::cuminc(etime, event, pstat/death) on mgus2 by sex, as [StepCurveSeries]
#   svg_forest_lung.json   coxph(Surv(time, status) ~ age + sex + ph.ecog, lung) as [ForestRow]
#   svg_mcf_bladder2.json  survfit(Surv(start, stop, event) ~ rx, bladder2, id = id) cumulative hazard as [StepCurveSeries]
#   svg_km_lung_sex_at_risk.json  summary(fit, times = seq(0, 1000, 200))$n.risk
# Run from the repository root: Rscript Tests/Reference/svg_example_inputs.R
suppressPackageStartupMessages({ library(survival); library(jsonlite); library(cmprsk) })
lung <- read.csv("datasets/lung.csv")
mgus2 <- read.csv("datasets/mgus2.csv")
na2null <- function(x) lapply(x, function(v) if (is.na(v)) NULL else v)

fit <- survfit(Surv(time, status) ~ sex, data = lung)
st <- summary(fit, censored = TRUE)
strata_names <- names(fit$strata)
idx <- rep(seq_along(fit$strata), fit$strata)
curves <- lapply(seq_along(fit$strata), function(k) {
  i <- which(idx == k)
  list(label = sub("^sex=", "sex=", strata_names[k]), n = fit$n[k], events = sum(fit$n.event[i]),
       time = fit$time[i], n_risk = fit$n.risk[i], n_event = fit$n.event[i], n_censor = fit$n.censor[i],
       survival = fit$surv[i], std_err = na2null(fit$std.err[i] * fit$surv[i]),
       lower = na2null(fit$lower[i]), upper = na2null(fit$upper[i]), cumhaz = fit$cumhaz[i],
       median = NULL)
})
km <- list(analysis = "kaplan-meier", n = sum(fit$n), events = sum(fit$n.event), n_dropped_missing = 0,
           conf_type = "log", conf_level = 0.95, strata = curves,
           rows = list(read = nrow(lung), used = nrow(lung), dropped = setNames(list(), character(0))),
           warnings = list())
writeLines(toJSON(km, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "Tests/Fixtures/svg_km_lung_sex.json")

# Competing risks: progression to plasma-cell malignancy vs death without it.
etime <- with(mgus2, ifelse(pstat == 1, ptime, futime))
event <- with(mgus2, ifelse(pstat == 1, 1, 2 * death))
ci <- cuminc(etime, event, group = mgus2$sex)
series <- lapply(names(ci)[names(ci) != "Tests"], function(nm) {
  p <- ci[[nm]]
  # cuminc lists each jump twice (before and after); keep the value after the jump.
  keep <- !duplicated(p$time, fromLast = TRUE)
  p <- list(time = p$time[keep], est = p$est[keep], var = p$var[keep])
  half <- qnorm(0.975) * sqrt(p$var)
  # log(-log) limits as in R's cmprsk-based summaries; NA where the estimate is 0.
  lo <- ifelse(p$est > 0, p$est^exp(half / (p$est * log(p$est))), NA)
  hi <- ifelse(p$est > 0, p$est^exp(-half / (p$est * log(p$est))), NA)
  parts <- strsplit(nm, " ")[[1]]
  cause <- c("1" = "PCM", "2" = "Death")[parts[2]]
  sexes <- c(F = "women", M = "men")
  list(label = paste0(cause, ", ", sexes[parts[1]]), time = p$time, value = p$est,
       lower = na2null(lo), upper = na2null(hi))
})
writeLines(toJSON(series, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "Tests/Fixtures/svg_cif_mgus2.json")

cox <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
s <- summary(cox)
rows <- lapply(seq_len(nrow(s$conf.int)), function(j)
  list(term = rownames(s$conf.int)[j], estimate = s$conf.int[j, 1], lower = s$conf.int[j, 3],
       upper = s$conf.int[j, 4], p_value = s$coefficients[j, 5]))
writeLines(toJSON(rows, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "Tests/Fixtures/svg_forest_lung.json")

# Numbers at risk at the time ticks the KM figure uses for lung (0, 200, ..., 1000),
# as survminer's risk table: summary(fit, times = ..., extend = TRUE)$n.risk per stratum.
ticks <- seq(0, 1000, 200)
sm <- summary(fit, times = ticks, extend = TRUE)
at_risk <- lapply(names(fit$strata), function(s)
  list(label = s, times = ticks, n_risk = sm$n.risk[sm$strata == s]))
writeLines(toJSON(at_risk, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "Tests/Fixtures/svg_km_lung_sex_at_risk.json")

# Mean cumulative function of bladder-tumour recurrences by treatment (bladder2, counting-process
# form): the Nelson–Aalen estimate from survfit(Surv(start, stop, event) ~ rx, id = id), with
# pointwise limits cumhaz ± 1.96·std.chaz (robust, clustered on id), as [StepCurveSeries].
bladder2 <- read.csv("datasets/bladder2.csv")
mfit <- survfit(Surv(start, stop, event) ~ rx, data = bladder2, id = id)
midx <- rep(seq_along(mfit$strata), mfit$strata)
mcf <- lapply(seq_along(mfit$strata), function(k) {
  i <- which(midx == k)
  z <- qnorm(0.975)
  list(label = c("Placebo", "Thiotepa")[k], time = mfit$time[i], value = mfit$cumhaz[i],
       lower = pmax(0, mfit$cumhaz[i] - z * mfit$std.chaz[i]), upper = mfit$cumhaz[i] + z * mfit$std.chaz[i])
})
writeLines(toJSON(mcf, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/Fixtures/svg_mcf_bladder2.json")
