# Exports survival's rats and kidney datasets (shared-frailty fixtures,
# Tests/Reference/frailty.R) into datasets/ as CSV. Run from the repo root:
#   Rscript Tests/Reference/export_frailty_datasets.R
# survival is LGPL (>= 2); its datasets are redistributed here under that licence.
suppressPackageStartupMessages(library(survival))
w <- function(df, name) {
  for (nm in names(df)) if (is.factor(df[[nm]])) df[[nm]] <- as.character(df[[nm]])
  write.csv(df, file.path("datasets", paste0(name, ".csv")), row.names = FALSE, na = "NA")
}
w(survival::rats, "rats")      # litter-matched rats, 100 litters of 3
w(survival::kidney, "kidney")  # kidney catheter infections, 38 patients x 2
