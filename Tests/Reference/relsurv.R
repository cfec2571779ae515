# Reference fixtures for `survkit relsurv`, computed with R's relsurv package
# (2.2.9 when generated; Debian r-cran-relsurv) on survival 3.5. Run from the
# repo root, after Tests/Reference/us_population_rates.R:
#   Rscript Tests/Reference/relsurv.R
# Writes Tests/Fixtures/relsurv/data/ (relsurv's rdata and colrec cohorts and
# its Slovene population table slopop, as the CSV files survkit reads) and
# Tests/Fixtures/relsurv/<case>.json: the JSON `survkit <args>` must produce
# (docs/json-output.md, section relsurv), plus bookkeeping keys `case`,
# `args`, `formula`, `data`.
#
# Conventions checked or chosen here:
# * Every computation reads the CSV files back, so R and survkit use the same
#   numbers: the rate table is rebuilt from its CSV (csv_ratetable below, a
#   ratetable like slopop: age cut points age x 365.241 days, year cut points
#   1 January, sex a factor), and it is checked to reproduce relsurv's own
#   slopop results on rdata exactly.
# * Ages enter as years x 365.241 days (rmap = list(age = age * 365.241)),
#   the year as the diagnosis date; times in days, or years x 365.241
#   (`--time-unit years`: the fixture's times are relsurv's / 365.241).
# * Per curve: time, n_risk, n_event, survival as rs.surv; std_err is
#   survival x rs.surv's std.err; lower/upper rs.surv's (conf.type log unless
#   the case says otherwise; relsurv does not cap the limits at 1).
# * summary_at is summary(fit, times =) (R's extend = FALSE).
# * test is rs.diff (same formula); p is the upper tail pchisq(stat, df,
#   lower.tail = FALSE) (rs.diff's 1 - pchisq, to 1e-16).
# * Labels as survkit's km: var=level. R's strata of a single grouping
#   variable come in the same (sorted level) order.
suppressPackageStartupMessages({
  library(relsurv)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

out_dir <- file.path("Tests", "Fixtures", "relsurv")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, recursive = TRUE, showWarnings = FALSE)

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
write_fixture <- function(obj, case) {
  path <- file.path(out_dir, paste0(case, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), path)
  cat("wrote", path, "\n")
}
g17 <- function(x) formatC(x, digits = 17, format = "g")

# A rate table CSV (age, year, sex, rate | qx) as an R ratetable.
csv_ratetable <- function(path) {
  d <- read.csv(path, stringsAsFactors = FALSE, colClasses = c(sex = "character"))
  if ("qx" %in% names(d)) d$rate <- -log(1 - d$qx) / 365.241
  ages <- sort(unique(d$age)); years <- sort(unique(d$year)); sexes <- unique(d$sex)
  a <- array(NA_real_, dim = c(length(ages), length(years), length(sexes)),
             dimnames = list(age = as.character(ages), year = as.character(years), sex = sexes))
  a[cbind(match(d$age, ages), match(d$year, years), match(d$sex, sexes))] <- d$rate
  stopifnot(!anyNA(a))
  # Date-class year cut points (survival's convention). With slopop's 'date'
  # class (the old `date` package) relsurv 2.2.9's Hakulinen method hands its
  # second exp.prep call the unconverted table, whose cut points are then
  # 3653 days (10 years) off the converted data: the expected survival uses
  # the rates of 10 years earlier. With Date cut points the two agree (checked
  # below: every other method gives the same numbers with either class).
  structure(a, dimid = c("age", "year", "sex"), factor = c(0, 0, 1), type = c(2, 3, 1),
            cutpoints = list(ages * 365.241, as.Date(paste0(years, "-01-01")), NULL),
            class = "ratetable")
}

# --- data files -------------------------------------------------------------
data(slopop); data(rdata); data(colrec)
sl <- as.data.frame(as.table(unclass(slopop)), stringsAsFactors = FALSE)
names(sl) <- c("age", "year", "sex", "rate")
sl$sex <- ifelse(sl$sex == "male", "1", "2")  # rdata and colrec code sex 1 = male, 2 = female
sl <- sl[order(sl$sex, as.integer(sl$year), as.integer(sl$age)), ]
sl$rate <- g17(sl$rate)
write.csv(sl, file.path(data_dir, "slopop.csv"), row.names = FALSE, quote = FALSE)

as_iso <- function(d) format(as.Date(as.numeric(d), origin = "1960-01-01"))
rd <- data.frame(time = rdata$time, cens = rdata$cens, age = rdata$age, sex = rdata$sex,
                 year = as_iso(rdata$year), agegr = as.character(rdata$agegr))
write.csv(rd, file.path(data_dir, "rdata.csv"), row.names = FALSE)
cr <- data.frame(time = colrec$time, stat = colrec$stat, age = g17(colrec$age / 365.241), sex = colrec$sex,
                 diag = as_iso(colrec$diag), site = as.character(colrec$site), stage = as.character(colrec$stage))
write.csv(cr, file.path(data_dir, "colrec.csv"), row.names = FALSE, quote = FALSE)

# The CSV table reproduces relsurv's own slopop results.
rt_sl <- csv_ratetable(file.path(data_dir, "slopop.csv"))
rdc <- read.csv(file.path(data_dir, "rdata.csv"), stringsAsFactors = FALSE)
rdc$year <- as.Date(rdc$year)
a <- rs.surv(Surv(time, cens) ~ sex, rmap = list(age = age * 365.241), ratetable = slopop, data = rdata)
b <- rs.surv(Surv(time, cens) ~ sex, rmap = list(age = age * 365.241, sex = as.character(sex), year = year),
             ratetable = rt_sl, data = rdc)
stopifnot(isTRUE(all.equal(a$surv, b$surv, tolerance = 1e-13)), isTRUE(all.equal(a$std.err, b$std.err, tolerance = 1e-13)))

# --- cases ------------------------------------------------------------------
relsurv_case <- function(case, data, formula, ratetable, age, year, sex, method = "pohar-perme",
                         conf_type = "log", time_unit = NULL, times = NULL, test = TRUE, curves = TRUE) {
  d <- read.csv(data, stringsAsFactors = FALSE)
  form <- as.formula(formula)
  vars <- c(all.vars(form), age, year, sex)
  n_read <- nrow(d)
  d <- d[complete.cases(d[, vars]), ]
  factor_unit <- if (is.null(time_unit)) 1 else c(days = 1, years = 365.241)[[time_unit]]
  rt <- csv_ratetable(ratetable)
  y <- all.vars(form)[1]
  d$.t <- d[[y]] * factor_unit
  d$.age <- d[[age]] * 365.241
  d$.year <- as.Date(d[[year]])
  d$.sex <- as.character(d[[sex]])
  rhs <- paste(deparse(form[[3]]), collapse = "")
  f2 <- as.formula(paste0("Surv(.t, ", all.vars(form)[2], ") ~ ", rhs))
  fit <- rs.surv(f2, data = d, ratetable = rt, method = method, conf.type = conf_type,
                 rmap = list(age = .age, year = .year, sex = .sex))
  gvar <- setdiff(all.vars(form[[3]]), character(0))
  if (!curves) {
    # Only the test (a stratified rs.diff: rs.surv pools over strata(), survkit's
    # curves cross them with the groups, as km's).
    dd <- rs.diff(f2, data = d, ratetable = rt, rmap = list(age = .age, year = .year, sex = .sex))
    obj <- list(case = case, analysis = "relative-survival", formula = formula, data = data, method = method,
                n = nrow(d), events = sum(d[[all.vars(form)[2]]]), rows = list(read = n_read, used = nrow(d)),
                test = list(statistic = as.numeric(dd$test.stat), df = dd$df,
                            p = pchisq(as.numeric(dd$test.stat), dd$df, lower.tail = FALSE)))
    obj$args <- I(c("relsurv", data, "--formula", formula, "--ratetable", ratetable, "--age", age, "--year", year,
                    "--sex", sex, "--format", "json"))
    return(write_fixture(obj, case))
  }
  k <- if (is.null(fit$strata)) length(fit$time) else fit$strata
  # rs.surv's strata are those of its model matrix: a numeric variable's
  # values ("sex=1"), or a text variable's dummy columns ("agegr54-61=0,
  # agegr62-70=1, ..."; all 0 = the first level), in the order of those rows.
  labels <- if (is.null(fit$strata)) "all" else sapply(names(fit$strata), function(nm) {
    if (is.numeric(d[[gvar]])) return(nm)
    parts <- strsplit(nm, ", ", fixed = TRUE)[[1]]
    on <- parts[endsWith(parts, "=1")]
    lev <- if (length(on) == 0) sort(unique(d[[gvar]]))[1] else sub("=1$", "", substring(on, nchar(gvar) + 1))
    paste0(gvar, "=", lev)
  }, USE.NAMES = FALSE)
  stopifnot(length(labels) == length(k), !anyDuplicated(labels))
  ends <- cumsum(k); starts <- ends - k + 1
  summ <- if (!is.null(times)) summary(fit, times = times * factor_unit) else NULL
  strata <- lapply(seq_along(k), function(s) {
    idx <- starts[s]:ends[s]
    cur <- list(label = labels[s], n = as.integer(fit$n[s]), events = sum(fit$n.event[idx]),
                time = I(fit$time[idx] / factor_unit), n_risk = I(fit$n.risk[idx]), n_event = I(fit$n.event[idx]),
                survival = I(fit$surv[idx]), std_err = I(fin(fit$surv[idx] * fit$std.err[idx])),
                lower = I(fin(fit$lower[idx])), upper = I(fin(fit$upper[idx])))
    if (!is.null(summ)) {
      keep <- if (is.null(summ$strata)) rep(TRUE, length(summ$time)) else as.integer(summ$strata) == s
      # summary.survfit's std.err is surv x std.err of the fit at the last time <= t.
      cur$summary_at <- list(time = I(summ$time[keep] / factor_unit), n_risk = I(summ$n.risk[keep]),
                             n_event = I(summ$n.event[keep]), survival = I(summ$surv[keep]),
                             std_err = I(fin(summ$std.err[keep])), lower = I(fin(summ$lower[keep])),
                             upper = I(fin(summ$upper[keep])))
    }
    cur
  })
  # survkit's order: levels sorted (numbers ascending, text in byte order).
  lev_order <- if (is.null(fit$strata)) 1 else {
    lev <- sub(paste0("^", gvar, "="), "", labels)
    if (is.numeric(d[[gvar]])) order(as.numeric(lev)) else order(lev, method = "radix")
  }
  strata <- strata[lev_order]
  obj <- list(case = case, analysis = "relative-survival", formula = formula, data = data,
              method = method, conf_type = conf_type, n = nrow(d), events = sum(d[[all.vars(form)[2]]]),
              rows = list(read = n_read, used = nrow(d)), strata = strata)
  if (test && length(k) > 1) {
    dd <- rs.diff(f2, data = d, ratetable = rt, rmap = list(age = .age, year = .year, sex = .sex))
    obj$test <- list(statistic = as.numeric(dd$test.stat), df = dd$df,
                     p = pchisq(as.numeric(dd$test.stat), dd$df, lower.tail = FALSE))
  }
  args <- c("relsurv", data, "--formula", formula, "--ratetable", ratetable, "--age", age, "--year", year,
            "--sex", sex)
  if (method != "pohar-perme") args <- c(args, "--method", method)
  if (conf_type != "log") args <- c(args, "--conf-type", conf_type)
  if (!is.null(time_unit)) args <- c(args, "--time-unit", time_unit)
  if (!is.null(times)) args <- c(args, "--times", paste(format(times), collapse = ","))
  obj$args <- I(c(args, "--format", "json"))
  write_fixture(obj, case)
}

rdata_csv <- file.path(data_dir, "rdata.csv"); slopop_csv <- file.path(data_dir, "slopop.csv")
colrec_csv <- file.path(data_dir, "colrec.csv")
us_csv <- file.path("datasets", "lifetables", "us_population_rates.csv")
rd_case <- function(case, formula, ...) relsurv_case(case, rdata_csv, formula, slopop_csv, "age", "year", "sex", ...)

rd_case("rdata_pp_sex", "Surv(time, cens) ~ sex", times = c(365, 1826, 3652))
rd_case("rdata_pp_all", "Surv(time, cens) ~ 1", times = c(365, 1826))
rd_case("rdata_pp_agegr", "Surv(time, cens) ~ agegr")
rd_case("rdata_ederer2_sex", "Surv(time, cens) ~ sex", method = "ederer2", times = c(365, 1826))
rd_case("rdata_hakulinen_sex", "Surv(time, cens) ~ sex", method = "hakulinen")
rd_case("rdata_ederer1_sex", "Surv(time, cens) ~ sex", method = "ederer1", times = c(1826))
rd_case("rdata_ederer1_all", "Surv(time, cens) ~ 1", method = "ederer1")
rd_case("rdata_hakulinen_all", "Surv(time, cens) ~ 1", method = "hakulinen", times = c(1826, 3652))
rd_case("rdata_hakulinen_agegr", "Surv(time, cens) ~ agegr", method = "hakulinen", test = TRUE)
rd_case("rdata_pp_sex_loglog", "Surv(time, cens) ~ sex", conf_type = "log-log")
rd_case("rdata_ederer2_all_plain", "Surv(time, cens) ~ 1", method = "ederer2", conf_type = "plain")
relsurv_case("colrec_pp_site", colrec_csv, "Surv(time, stat) ~ site", slopop_csv, "age", "diag", "sex",
             times = c(365, 1826))
relsurv_case("sarcoma_us_pp_sex", "datasets/sarcoma_patients.csv", "Surv(os_years, os_status) ~ sex", us_csv,
             "age", "diagnosis_date", "sex", time_unit = "years", times = c(1, 5, 10))
relsurv_case("sarcoma_us_ederer2_grade", "datasets/sarcoma_patients.csv", "Surv(os_years, os_status) ~ grade",
             us_csv, "age", "diagnosis_date", "sex", method = "ederer2", time_unit = "years", times = c(5))
# rs.diff stratified by age group (the test only).
rd_case("rdata_pp_sex_strata_agegr_test", "Surv(time, cens) ~ sex + strata(agegr)", curves = FALSE)
