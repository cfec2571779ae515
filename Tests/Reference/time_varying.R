# Reference fixtures for survkit split, cox --tdc and cox --tt, computed with
# R's survival package (3.5.3 when generated). Run from the repo root:
#   Rscript Tests/Reference/time_varying.R
# Writes Tests/Fixtures/time-varying/<case>.json.
#
# * split_*: survSplit(Surv(time, status) ~ ., data, cut, episode) on the
#   dataset as read.csv reads it. `split_args` is the survkit split command
#   without --output; `csv` holds the written file's column names (R's order:
#   the other columns, then tstart, time, status, episode) and its values by
#   column. `args` is the cox fit on the written file (the test puts the
#   written file's path for SPLIT_CSV) and the cox keys are
#   coxph(Surv(tstart, time, status) ~ ..., data = split).
# * tdc_*: tmerge(base, base, id = id, death = event(time, status),
#   NAME = tdc(TIMECOL)) then coxph(Surv(tstart, tstop, death) ~ ...);
#   `rows` has read = rows of the base, intervals = rows of the tmerge data.
# * tt_*: coxph(Surv(time, status) ~ ... + tt(x), tt = function(x, t, ...) EXPR).
#   n is fit$n (the data rows), as R.
# Numbers: jsonlite digits = NA; NA -> null.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- file.path("Tests", "Fixtures", "time-varying")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
num <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

cox_keys <- function(fit) {
  s <- summary(fit)
  ct <- s$coefficients
  coefs <- lapply(seq_len(nrow(ct)), function(j) list(
    term = rownames(ct)[j], coef = ct[j, "coef"], se = ct[j, "se(coef)"], z = ct[j, "z"],
    p = ct[j, "Pr(>|z|)"], hr = ct[j, "exp(coef)"],
    hr_lower = s$conf.int[j, "lower .95"], hr_upper = s$conf.int[j, "upper .95"]))
  df <- nrow(ct)
  test <- function(stat) list(statistic = unname(stat), df = df, p = pchisq(unname(stat), df, lower.tail = FALSE))
  list(analysis = "cox", n = fit$n, events = fit$nevent, coefficients = coefs,
       loglik_null = fit$loglik[1], loglik = fit$loglik[2],
       tests = list(likelihood_ratio = test(s$logtest["test"]), wald = test(fit$wald.test), score = test(fit$score)),
       concordance = list(c = unname(fit$concordance["concordance"]), se = unname(fit$concordance["std"])),
       variance = unname(fit$var))
}
write_case <- function(res, name) {
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor", pretty = TRUE),
             file.path(out, paste0(name, ".json")))
  cat("wrote", name, "\n")
}

split_case <- function(name, data_name, time, status, cut, episode, rhs) {
  path <- paste0("datasets/", data_name, ".csv")
  d <- read.csv(path, stringsAsFactors = FALSE)
  f <- as.formula(paste0("Surv(", time, ", ", status, ") ~ ."))
  sp <- survSplit(f, data = d, cut = cut, episode = episode)
  cf <- paste0("Surv(tstart, ", time, ", ", status, ") ~ ", rhs)
  fit <- coxph(as.formula(cf), data = sp)
  res <- c(list(case = name,
                split_args = I(c("split", path, "--time", time, "--status", status, "--cut", paste(cut, collapse = ","),
                                 "--episode", episode)),
                args = I(c("cox", "SPLIT_CSV", "--formula", cf, "--format", "json")), formula = cf, data = path,
                csv = list(names = I(names(sp)),
                           columns = lapply(sp, function(v) if (is.numeric(v)) I(num(v)) else I(v)))),
           cox_keys(fit))
  res$rows <- list(read = nrow(sp), used = fit$n)
  write_case(res, name)
}

tdc_case <- function(name, data_name, time, status, tdcs, rhs) {
  path <- paste0("datasets/", data_name, ".csv")
  d <- read.csv(path, stringsAsFactors = FALSE)
  if (is.null(d$id)) d$id <- seq_len(nrow(d))
  base <- d
  call <- paste0("tmerge(base, base, id = id, death = event(", time, ", ", status, ")",
                 paste0(", ", names(tdcs), " = tdc(", tdcs, ")", collapse = ""), ")")
  tm <- suppressWarnings(eval(parse(text = call)))
  f <- paste0("Surv(", time, ", ", status, ") ~ ", rhs)
  fit <- coxph(as.formula(paste0("Surv(tstart, tstop, death) ~ ", rhs)), data = tm)
  args <- c("cox", path, "--formula", f)
  for (k in names(tdcs)) args <- c(args, "--tdc", paste0(k, "=", tdcs[[k]]))
  res <- c(list(case = name, args = I(c(args, "--format", "json")), formula = f, data = path), cox_keys(fit))
  res$rows <- list(read = nrow(d), intervals = nrow(tm), used = fit$n)
  write_case(res, name)
}

tt_case <- function(name, data_name, formula, expr) {
  path <- paste0("datasets/", data_name, ".csv")
  d <- read.csv(path, stringsAsFactors = FALSE)
  ttf <- eval(parse(text = paste0("function(x, t, ...) ", expr)))
  fit <- coxph(as.formula(formula), data = d, tt = ttf)
  res <- c(list(case = name, args = I(c("cox", path, "--formula", formula, "--tt", expr, "--format", "json")),
                formula = formula, data = path), cox_keys(fit))
  # Concordance only when it does not hinge on 1-ulp differences of the
  # predictor (as cox_cli.R): recomputed on the expanded rows (each event
  # time its stratum) with the predictor rounded to 10 digits. Checked on
  # unstratified fits only (fit$y does not carry the original strata).
  if (!grepl("strata", formula)) {
    ist <- as.integer(factor(fit$y[, 1]))
    a <- concordancefit(fit$y, round(fit$linear.predictors, 10), ist, reverse = TRUE, timefix = FALSE)
    if (abs(a$concordance - res$concordance$c) > 1e-12) {
      cat(name, ": concordance not tie-stable (", res$concordance$c, "vs", a$concordance, "), left out\n")
      res$concordance <- NULL
    }
  }
  res$rows <- list(read = nrow(d), used = fit$n)
  write_case(res, name)
}

split_case("split_veteran", "veteran", "time", "status", c(90, 180), "period", "trt + karno + strata(period)")
split_case("split_lung", "lung", "time", "status", c(540, 180, 365, 180), "ep", "age + sex + ph.ecog")
split_case("split_sarcoma", "sarcoma_patients", "os_years", "os_status", c(0, 1, 2, 5), "year_band",
           "age + grade + strata(year_band)")

tdc_case("tdc_jasa", "jasa", "futime", "fustat", list(transplanted = "wait.time"), "age + surgery + transplanted")
# mgus2: does a progression to plasma-cell malignancy change the hazard of death? (ptime is the
# last follow-up, never before futime, when there was no progression: tdc(ptime) never switches on
# for those rows, the same as the survival vignette's tdc on the progressions only.)
tdc_case("tdc_mgus2", "mgus2", "futime", "death", list(pcm = "ptime"), "age + dxyr + pcm")
tdc_case("tdc_sarcoma", "sarcoma_patients", "os_years", "os_status", list(recurred = "lr_first_years"),
         "age + grade + recurred")
tdc_case("tdc_sarcoma_two", "sarcoma_patients", "os_years", "os_status",
         list(recurred = "lr_first_years", metastasis = "dm_years"), "age + recurred + metastasis")

tt_case("tt_veteran", "veteran", "Surv(time, status) ~ trt + karno + tt(karno)", "x * log(t + 20)")
tt_case("tt_lung", "lung", "Surv(time, status) ~ sex + age + tt(age)", "x * log(t)")
tt_case("tt_lung_strata", "lung", "Surv(time, status) ~ age + ph.ecog + tt(ph.ecog) + strata(sex)", "x * (t > 180)")
