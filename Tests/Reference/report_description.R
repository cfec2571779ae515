# Reference values for the report's cohort description (Table 1), R 4.x + survival 3.5.
# Writes Tests/Fixtures/report_description_lung.json:
#   lung by sex — n, events, reverse Kaplan–Meier median follow-up with 95% limits
#   (survfit(Surv(time, status == 1) ~ sex), censoring as the event), age quartiles
#   (quantile type 7), mean and sd, and ph.ecog level counts (NA = missing).
# Run from the repository root: Rscript Tests/Reference/report_description.R
library(survival)
library(jsonlite)
d <- read.csv("datasets/lung.csv")
d$event <- as.integer(d$status == 2)
column <- function(rows, label) {
  x <- d[rows, ]
  rev <- survfit(Surv(time, 1 - event) ~ 1, data = x)
  tab <- summary(rev)$table
  q <- unname(quantile(x$age, c(0.25, 0.5, 0.75)))
  ecog <- table(factor(x$ph.ecog, levels = c(0, 1, 2, 3)))
  list(label = label, n = nrow(x), events = sum(x$event),
       follow_up_median = unname(tab["median"]),
       follow_up_lower = unname(tab["0.95LCL"]),
       follow_up_upper = if (is.na(tab["0.95UCL"])) NULL else unname(tab["0.95UCL"]),
       age_q1 = q[1], age_median = q[2], age_q3 = q[3],
       age_mean = mean(x$age), age_sd = sd(x$age),
       ecog_counts = as.integer(ecog), ecog_missing = sum(is.na(x$ph.ecog)))
}
out <- list(
  source = "Tests/Reference/report_description.R",
  columns = list(column(seq_len(nrow(d)), "Overall"),
                 column(d$sex == 1, "sex=1"), column(d$sex == 2, "sex=2")))
dir.create("Tests/Fixtures", showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "Tests/Fixtures/report_description_lung.json")
