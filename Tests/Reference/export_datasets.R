# Exports the real datasets bundled with R's survival package into datasets/
# as CSV (header row, comma, NA for missing, ISO dates). Run from the repo root:
#   Rscript Tests/Reference/export_datasets.R
# survival is LGPL (>= 2); its datasets are redistributed here under that licence.
suppressPackageStartupMessages(library(survival))
out <- "datasets"
dir.create(out, showWarnings = FALSE)
w <- function(df, name) {
  for (nm in names(df)) if (inherits(df[[nm]], "Date")) df[[nm]] <- format(df[[nm]], "%Y-%m-%d")
  for (nm in names(df)) if (is.factor(df[[nm]])) df[[nm]] <- as.character(df[[nm]])
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "NA")
}
w(survival::lung, "lung")
w(survival::veteran, "veteran")
w(survival::ovarian, "ovarian")
w(survival::aml, "aml")
w(survival::bladder, "bladder")      # bladder1 subset in WLW (marginal) format
w(survival::bladder2, "bladder2")    # counting-process (start, stop] format
w(survival::heart, "heart")          # Stanford heart transplant, (start, stop]
w(survival::cgd, "cgd")              # chronic granulomatous disease, recurrent infections
w(survival::colon, "colon")
w(survival::pbc[1:312, ], "pbc")     # randomised subset
w(survival::mgus2, "mgus2")
# Stanford heart transplant, one row per patient (time-dependent covariate
# tests, --tdc transplanted=wait.time): id added, futime 0 moved to 0.5 days as
# survival's tmerge vignette does (a death on the day of acceptance).
jasa_base <- with(survival::jasa, data.frame(
  id = seq_len(nrow(survival::jasa)), age = round(age, 4), surgery, futime = pmax(0.5, futime), fustat, wait.time, transplant))
w(jasa_base, "jasa")
