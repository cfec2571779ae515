# The example population table shipped with survkit: R survival's
# survexp.us (US population, daily hazards by age, sex and calendar year,
# public data of the US National Center for Health Statistics) as the rate
# table CSV that `survkit relsurv --ratetable` reads. Run from the repo root:
#   Rscript Tests/Reference/us_population_rates.R
# Writes datasets/lifetables/us_population_rates.csv: one row per age
# (0-109, whole years) x year (1940-2014) x sex (male, female, the sarcoma
# cohort's spelling), with `rate` the daily hazard as survexp.us holds it
# (15 significant digits).
#
# survexp.us is a "US-style" ratetable (its year dimension has type 4:
# survexp moves each subject's birthday to 1 January). survkit (and the
# fixtures built from this file in Tests/Reference/relsurv.R) read the CSV as
# a plain table: each age applies from age x 365.241 days, each year from
# 1 January, as relsurv's slopop.
suppressPackageStartupMessages(library(survival))
out <- file.path("datasets", "lifetables", "us_population_rates.csv")
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
rt <- survexp.us
dn <- dimnames(rt)
stopifnot(identical(names(dn), c("age", "sex", "year")))
grid <- expand.grid(age = as.integer(dn$age), sex = dn$sex, year = as.integer(dn$year),
                    stringsAsFactors = FALSE)
grid$rate <- as.vector(unclass(rt))  # column-major: age fastest, then sex, then year
grid <- grid[order(grid$sex != "male", grid$year, grid$age), c("age", "year", "sex", "rate")]
grid$rate <- formatC(grid$rate, digits = 15, format = "g")
write.csv(grid, out, row.names = FALSE, quote = FALSE)
cat("wrote", out, nrow(grid), "rows\n")
