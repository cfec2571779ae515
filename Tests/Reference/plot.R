# Reference numbers for `--plot` figures: what the risk tables under the ticks
# and the p on the plot must show, computed with R's survival (3.5.3) and
# cmprsk. Run from the repo root:
#   Rscript Tests/Reference/plot.R
# Writes Tests/Fixtures/plot/<case>.json: `args` (the survkit command without
# --plot), `ticks` (the x ticks the figure draws: 0 to the axis end by the
# --breaks step), `n_risk` (one array per curve, summary(fit, times = ticks,
# extend = TRUE)$n.risk, as survminer's risk table), `cum_events` where asked
# (cumulative events at the ticks, survminer's cumevents), and `p` (survdiff's
# log-rank p or cmprsk::cuminc's Gray p per cause).
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(jsonlite) })
out <- "Tests/Fixtures/plot"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
write_case <- function(name, x) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, paste0(name, ".json")))
}
risk_at <- function(fit, ticks) {
  s <- summary(fit, times = ticks, extend = TRUE)
  strata <- if (is.null(s$strata)) factor(rep("all", length(s$time))) else s$strata
  lapply(split(s$n.risk, strata), as.numeric)
}
events_at <- function(fit, ticks) {
  s <- summary(fit, times = ticks, extend = TRUE)
  strata <- if (is.null(s$strata)) factor(rep("all", length(s$time))) else s$strata
  ev <- if (is.matrix(s$n.event)) rowSums(s$n.event) else s$n.event
  lapply(split(ev, strata), function(e) as.numeric(cumsum(e)))
}

# Kaplan–Meier, lung by sex: ticks 0, 200, ..., 1000 (the default 1-2-5 step).
lung <- read.csv("datasets/lung.csv")
fit <- survfit(Surv(time, status) ~ sex, data = lung)
ticks <- seq(0, 1000, by = 200)
write_case("km_lung_sex", list(
  args = c("km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"),
  ticks = ticks, n_risk = unname(risk_at(fit, ticks)), cum_events = unname(events_at(fit, ticks)),
  p = 1 - pchisq(survdiff(Surv(time, status) ~ sex, data = lung)$chisq, 1)))

# Kaplan–Meier, veteran by celltype with --breaks 100.
vet <- read.csv("datasets/veteran.csv")
fit <- survfit(Surv(time, status) ~ celltype, data = vet)
ticks <- seq(0, 1000, by = 100)
sd <- survdiff(Surv(time, status) ~ celltype, data = vet)
write_case("km_veteran_celltype", list(
  args = c("km", "datasets/veteran.csv", "--formula", "Surv(time, status) ~ celltype", "--breaks", "100"),
  ticks = ticks, n_risk = unname(risk_at(fit, ticks)),
  p = 1 - pchisq(sd$chisq, length(sd$n) - 1)))

# Cumulative incidence, mgus2 (progression 1, death 2) by sex: ticks 0, 50, ..., 300.
mg <- read.csv("datasets/mgus2_competing.csv")
fit <- survfit(Surv(etime, factor(event)) ~ sex, data = mg)
ticks <- seq(0, 300, by = 50)
s <- summary(fit, times = ticks, extend = TRUE)
nr <- lapply(split(s$n.risk[, 1], s$strata), as.numeric)
g <- cuminc(mg$etime, mg$event, mg$sex, cencode = 0)
write_case("cif_mgus2_sex", list(
  args = c("cif", "datasets/mgus2_competing.csv", "--formula", "Surv(etime, event) ~ sex"),
  ticks = ticks, n_risk = unname(nr), p = list(`1` = g$Tests["1", "pv"], `2` = g$Tests["2", "pv"])))
