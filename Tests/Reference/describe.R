# Reference values for `survkit describe` on every bundled dataset: what R's
# read.csv makes of each column. Run from the repo root:
#   Rscript Tests/Reference/describe.R
# Writes Tests/Fixtures/describe/<dataset>.json with, per column: the type
# (numeric → "number"; character → "categorical", or "date" when every
# non-missing value is an ISO date YYYY-MM-DD), the missing count
# (is.na after na.strings = c("", "NA", ".") — survkit's missing tokens),
# the number of distinct non-missing values, min/max (numbers, dates) and the
# level counts (categorical; survkit lists the top 10 by count, ties in byte
# order, as sort(method = "radix") in the C locale).
suppressPackageStartupMessages(library(jsonlite))
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- "Tests/Fixtures/describe"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
iso <- "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
for (path in sort(Sys.glob("datasets/*.csv"))) {
  d <- read.csv(path, na.strings = c("", "NA", "."), stringsAsFactors = FALSE, check.names = FALSE,
                strip.white = TRUE)
  cols <- lapply(names(d), function(nm) {
    x <- d[[nm]]
    present <- x[!is.na(x)]
    entry <- list(name = nm, missing = sum(is.na(x)), distinct = length(unique(present)))
    if (is.numeric(x)) {
      entry$type <- "number"
      if (length(present)) { entry$min <- min(present); entry$max <- max(present) }
    } else if (length(present) && all(grepl(iso, present)) && !anyNA(as.Date(present, optional = TRUE))) {
      entry$type <- "date"
      entry$min <- format(min(as.Date(present))); entry$max <- format(max(as.Date(present)))
    } else {
      entry$type <- "categorical"
      tab <- table(present)
      lv <- names(tab)[order(-as.vector(tab), names(tab), method = "radix")]
      lv <- head(lv, 10)
      entry$levels <- lapply(lv, function(l) list(level = l, count = as.vector(tab[l])))
    }
    entry
  })
  name <- sub("\\.csv$", "", basename(path))
  writeLines(toJSON(list(data = path, read = nrow(d), columns = cols), auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path(out, paste0(name, ".json")))
}
