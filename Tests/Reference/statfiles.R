# Statistical-file fixtures for StatisticalFileReader (CohortDataTests) and the
# survkit CLI tests (SurvivalKitCLITests/StatisticalFileCLITests). Run from the
# repo root (needs R with survival, haven 2.5 and jsonlite):
#   Rscript Tests/Reference/statfiles.R
# Writes Tests/Fixtures/statfiles/: lung.dta, lung.sav, lung.zsav, lung.xpt,
# lung.sas7bdat, the equivalent lung.csv, and lung.<ext>.json — what haven
# reads back from each file, after the reader's rules (below). It also copies
# the iris files that haven ships as examples (iris.sas7bdat was written by
# SAS itself, WINDOWS-1252; haven is MIT-licensed) with their iris.<ext>.json.
#
# The data are survival::lung with the dots in names made underscores (Stata
# and SAS names cannot hold dots) and two columns added: `entry` (a date,
# crossing 1970-01-01, one missing) and nothing else. Value labels:
#   sex      1 = Male, 2 = Female                   (variable label too)
#   ph_ecog  0 = asymptomatic, 1 = ambulatory, 2 = in bed <50%, 3 = in bed >50%
#   ph_karno 100 = normal (other values unlabelled: they keep their code as text)
# Missing values beyond R's NA:
#   .dta  wt_loss rows 5, 10 = .a (labelled "refused"), row 21 = .b
#   .sav  wt_loss rows 5, 10 = 999 declared user-missing (labelled "not recorded");
#         meal_cal rows 2, 7 = 9999 in the user-missing range 9000-99999 (NA elsewhere);
#         ph_ecog's NA = 9 declared user-missing (labelled "unknown")
#   .xpt  (no value labels in SAS files: sex, ph_ecog, ph_karno are written as
#         text) wt_loss rows 5, 10 patched to the SAS special missing .A and ._
#   .sas7bdat as .xpt, without special missings (haven cannot write them)
# The reader's rules the JSON applies: a variable with a value label for a
# non-missing value is categorical, its levels the labels (unlabelled values
# keep their code as text) in byte order; labels of missing values alone do
# not make it categorical; text columns are categorical with "" missing;
# dates are days since 1970-01-01. `codes` mode keeps labelled variables numeric.
suppressPackageStartupMessages({ library(survival); library(haven); library(jsonlite) })
out <- "Tests/Fixtures/statfiles"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

d <- survival::lung
names(d) <- gsub(".", "_", names(d), fixed = TRUE)
d$entry <- as.Date("1968-06-01") + (seq_len(nrow(d)) - 1L) * 11L
d$entry[17] <- NA
stopifnot(!is.na(d$wt_loss[c(5, 10, 21)]), !is.na(d$meal_cal[c(2, 7)]))

sex_labels <- c(Male = 1, Female = 2)
ecog_labels <- c(asymptomatic = 0, ambulatory = 1, "in bed <50%" = 2, "in bed >50%" = 3)
karno_labels <- c(normal = 100)
var_labels <- list(time = "Survival time in days", status = "Censoring status (1 censored, 2 dead)",
                   sex = "Sex of patient", ph_ecog = "ECOG performance score",
                   wt_loss = "Weight loss in last six months (pounds)", entry = "Date of entry")
label_vars <- function(df) {
  for (v in names(var_labels)) attr(df[[v]], "label") <- var_labels[[v]]
  df
}

# Text of a labelled value as the reader gives it: its label, else the code.
as_text <- function(x, labels) {
  txt <- names(labels)[match(x, labels)]
  ifelse(is.na(txt), as.character(x), txt)
}

# ---- the equivalent CSV: labels as text, every kind of missing empty ----
csv <- d
csv$sex <- as_text(d$sex, sex_labels)
csv$ph_ecog <- as_text(d$ph_ecog, ecog_labels)
csv$ph_karno <- as_text(d$ph_karno, karno_labels)
csv$wt_loss[c(5, 10, 21)] <- NA
csv$meal_cal[c(2, 7)] <- NA
csv$entry <- format(d$entry, "%Y-%m-%d")
stopifnot(!any(grepl("[,\"]", unlist(csv[sapply(csv, is.character)]))))
write.csv(csv, file.path(out, "lung.csv"), row.names = FALSE, na = "", quote = FALSE)

# ---- Stata ----
dta <- d
dta$sex <- labelled(d$sex, sex_labels)
dta$ph_ecog <- labelled(d$ph_ecog, ecog_labels)
dta$ph_karno <- labelled(d$ph_karno, karno_labels)
wt <- d$wt_loss
wt[c(5, 10)] <- tagged_na("a")
wt[21] <- tagged_na("b")
dta$wt_loss <- labelled(wt, c(refused = tagged_na("a")))
dta$meal_cal[c(2, 7)] <- NA
write_dta(label_vars(dta), file.path(out, "lung.dta"), version = 14)

# ---- SPSS (.sav and .zsav) ----
sav <- d
sav$sex <- labelled_spss(d$sex, sex_labels)
ecog <- d$ph_ecog
ecog[is.na(ecog)] <- 9
sav$ph_ecog <- labelled_spss(ecog, c(ecog_labels, unknown = 9), na_values = 9)
sav$ph_karno <- labelled_spss(d$ph_karno, karno_labels)
wt <- d$wt_loss
wt[c(5, 10)] <- 999
wt[21] <- NA
sav$wt_loss <- labelled_spss(wt, c("not recorded" = 999), na_values = 999)
mc <- d$meal_cal
mc[c(2, 7)] <- 9999
sav$meal_cal <- labelled_spss(mc, na_range = c(9000, 99999))
write_sav(label_vars(sav), file.path(out, "lung.sav"))
write_sav(label_vars(sav), file.path(out, "lung.zsav"), compress = "zsav")

# ---- SAS (.xpt, .sas7bdat): no value labels, so the labelled columns are text ----
sas <- d
sas$sex <- csv$sex
sas$ph_ecog <- csv$ph_ecog
sas$ph_karno <- csv$ph_karno
sas$wt_loss[c(5, 10, 21)] <- NA
sas$meal_cal[c(2, 7)] <- NA
sas <- label_vars(sas)
xpt_path <- file.path(out, "lung.xpt")
write_xpt(sas, xpt_path, version = 8)
# Patch wt_loss rows 5 and 10 from "." to the special missings .A and ._ :
# in a transport file a missing number is its tag byte followed by 7 zeros.
# Observations follow the "OBSV8" header record, fixed-length, 8 bytes per
# number, text columns at their declared widths.
bytes <- readBin(xpt_path, "raw", file.info(xpt_path)$size)
header <- grepRaw("HEADER RECORD*******OBSV8", bytes, fixed = TRUE)
stopifnot(length(header) == 1)
data_start <- header + 80L
widths <- vapply(sas, function(x) if (is.character(x)) max(1L, max(nchar(x, "bytes"), na.rm = TRUE)) else 8L, 1L)
row_length <- sum(widths)
wt_offset <- sum(widths[seq_len(which(names(sas) == "wt_loss") - 1L)])
for (p in list(c(5, 0x41), c(10, 0x5F))) {
  at <- data_start + (p[1] - 1) * row_length + wt_offset
  stopifnot(bytes[at] == as.raw(0x2E), all(bytes[at + 1:7] == as.raw(0)))
  bytes[at] <- as.raw(p[2])
}
writeBin(bytes, xpt_path)
back <- read_xpt(xpt_path)
stopifnot(is.na(back$wt_loss[c(5, 10)]), sum(is.na(back$wt_loss)) == sum(is.na(sas$wt_loss)),
          all(back$time == sas$time), all(back$sex == sas$sex))
write_sas(sas, file.path(out, "lung.sas7bdat"))

# ---- what haven reads back, after the reader's rules ----
describe <- function(df, mode) {
  lapply(names(df), function(v) {
    x <- df[[v]]
    label <- attr(x, "label", exact = TRUE)
    labels <- attr(x, "labels", exact = TRUE)
    col <- list(name = v)
    if (!is.null(label)) col$label <- label
    # Labels of missing values (NA, tagged NA, SPSS user-missing) do not count.
    real_labels <- if (is.null(labels)) numeric(0) else {
      range <- attr(x, "na_range", exact = TRUE)
      missing <- is.na(labels) | labels %in% attr(x, "na_values", exact = TRUE) |
        (if (is.null(range)) FALSE else labels >= range[1] & labels <= range[2])
      labels[!missing]
    }
    if (inherits(x, "Date")) {
      col$type <- "date"
      col$missing <- sum(is.na(x))
      col$sum <- sum(as.numeric(x), na.rm = TRUE)
    } else if (is.character(x) || (mode == "labels" && length(real_labels) > 0)) {
      txt <- if (is.character(x)) ifelse(x == "", NA, x) else {
        y <- zap_missing(x)
        ifelse(is.na(y), NA, as_text(unclass(zap_labels(y)), real_labels))
      }
      lv <- sort(unique(txt[!is.na(txt)]), method = "radix")
      col$type <- "categorical"
      col$missing <- sum(is.na(txt))
      col$levels <- lv
      col$counts <- as.integer(table(factor(txt, levels = lv)))
    } else {
      y <- as.numeric(zap_labels(zap_missing(x)))
      col$type <- "numeric"
      col$missing <- sum(is.na(y))
      col$sum <- sum(y, na.rm = TRUE)
    }
    col
  })
}
expect <- function(file, reader) {
  df <- reader(file.path(out, file))
  res <- list(file = file, rows = nrow(df), labels = describe(df, "labels"), codes = describe(df, "codes"))
  write_json(res, file.path(out, paste0(file, ".json")), auto_unbox = TRUE, pretty = TRUE, digits = NA)
}
expect("lung.dta", read_dta)
expect("lung.sav", function(p) read_sav(p, user_na = TRUE))
expect("lung.zsav", function(p) read_sav(p, user_na = TRUE))
expect("lung.xpt", read_xpt)
expect("lung.sas7bdat", read_sas)
for (ext in c("dta", "sav", "sas7bdat")) {
  file.copy(system.file("examples", paste0("iris.", ext), package = "haven"),
            file.path(out, paste0("iris.", ext)), overwrite = TRUE)
}
expect("iris.dta", read_dta)
expect("iris.sav", function(p) read_sav(p, user_na = TRUE))
expect("iris.sas7bdat", read_sas)
