# Reference values for Table 1 (`survkit report --continuous mean|median --p-values --smd`), R 4.x.
# Writes Tests/Fixtures/table1/<case>.json for lung by sex, pbc by trt (rows with trt missing are
# not in the Kaplan–Meier frame, so not in Table 1; chol, copper, trig, platelet, stage have missing
# values) and the sarcoma cohort by grade (three groups).
#
# Per variable and column: n (non-missing), missing, mean, sd (n - 1), median and quartiles
# (quantile type 7), level counts and percents of the non-missing values.
#
# p-values follow gtsummary's add_p() defaults for tbl_summary (gtsummary 2.x, R/assign_tests.R,
# .add_p_tbl_summary_default_test). gtsummary is not packaged for Debian, so its rules are applied
# here with the base R functions gtsummary (through cardx) calls, with their default arguments:
#   categorical: the smallest expected count, table(by, x) proportions' margins times the number of
#     complete pairs; >= 5: chisq.test(x, by, correct = FALSE) ("chisq.test.no.correct"), else
#     fisher.test(x, by) (default workspace).
#   continuous, shown as median [IQR] (gtsummary's default display): 2 groups wilcox.test(x ~ by)
#     (R's defaults: exact when both groups < 50 and no ties, else the normal approximation with
#     continuity correction), more groups kruskal.test(x, by).
#   continuous, shown as mean (SD): gtsummary's own defaults do not change with the display; survkit
#     then uses gtsummary's "t.test" (t.test(x ~ by), Welch) for 2 groups and "aov" (the one-way
#     ANOVA F test of aov(x ~ factor(by))) for more, as add_p(test = ...) would with those names.
# Standardized mean differences follow tableone's ExtractSmd (R/modules-smd.R, StdDiff and
# StdDiffMulti); tableone is not packaged for Debian, so the same formulas are written out here:
#   continuous: |m1 - m2| / sqrt((s1^2 + s2^2) / 2);
#   categorical: Yang & Dalton's multivariate SMD, sqrt(d' S^+ d), d the difference of the level
#     proportions without the first level, S the mean of the two multinomial covariance matrices,
#     S^+ its Moore–Penrose inverse (MASS::ginv);
#   with more than 2 groups, the average of the pairwise SMDs (tableone's "average" column).
# Run from the repository root: Rscript Tests/Reference/table1.R
library(jsonlite)
library(MASS)

num <- function(x) if (length(x) == 0 || is.na(x)) NULL else unname(x)  # NA, NaN -> null

smd_continuous <- function(x, g) {
  m <- tapply(x, g, mean, na.rm = TRUE); v <- tapply(x, g, var, na.rm = TRUE)
  d <- outer(m, m, "-") / sqrt(outer(v, v, "+") / 2)
  mean(abs(d[lower.tri(d)]))
}
smd_categorical <- function(x, g) {
  tab <- table(g, x)
  p <- prop.table(tab, margin = 1)
  if (ncol(p) > 1) p <- p[, -1, drop = FALSE]
  means <- lapply(seq_len(nrow(p)), function(i) p[i, ])
  covs <- lapply(means, function(q) { s <- -outer(q, q); diag(s) <- q * (1 - q); s })
  out <- c()
  for (i in seq_along(means)) for (j in seq_along(means)) if (i < j) {
    d <- matrix(means[[i]] - means[[j]]); S <- (covs[[i]] + covs[[j]]) / 2
    out <- c(out, if (all(S == 0)) (if (all(d == 0)) 0 else NaN) else sqrt(drop(t(d) %*% ginv(S) %*% d)))
  }
  mean(out)
}

describe <- function(d, group, vars, factors) {
  g <- d[[group]]
  keep <- !is.na(g)
  d <- d[keep, ]; g <- g[keep]
  glev <- sort(unique(g))
  sets <- c(list(rep(TRUE, nrow(d))), lapply(glev, function(l) g == l))
  labels <- c("Overall", paste0(group, "=", glev))
  variables <- lapply(vars, function(v) {
    x <- d[[v]]
    categorical <- v %in% factors
    cols <- lapply(sets, function(s) {
      y <- x[s]; ok <- y[!is.na(y)]
      if (categorical) {
        lev <- sort(unique(x[!is.na(x)]))
        counts <- as.integer(table(factor(ok, levels = lev)))
        list(n = length(ok), missing = sum(is.na(y)), counts = counts,
             percents = if (length(ok) > 0) 100 * counts / length(ok) else 0 * counts)
      } else {
        q <- unname(quantile(ok, c(0.25, 0.5, 0.75)))
        list(n = length(ok), missing = sum(is.na(y)), mean = mean(ok), sd = num(sd(ok)),
             median = q[2], q1 = q[1], q3 = q[3])
      }
    })
    ok <- !is.na(x)
    xx <- x[ok]; gg <- g[ok]
    out <- list(name = v, kind = if (categorical) "categorical" else "numeric", columns = cols)
    if (categorical) {
      xf <- factor(xx)
      tab <- table(gg, xf)
      pr <- proportions(tab)
      min_exp <- min(outer(rowSums(pr), colSums(pr)) * length(xx))
      if (min_exp >= 5) {
        t <- suppressWarnings(chisq.test(xf, gg, correct = FALSE))
        out$test <- "chisq"; out$statistic <- unname(t$statistic); out$df <- unname(t$parameter)
        out$p_value <- t$p.value
      } else {
        t <- fisher.test(xf, gg)
        out$test <- "fisher"; out$p_value <- t$p.value
      }
      out$smd <- num(smd_categorical(xf, gg))
    } else {
      if (length(glev) == 2) {
        t <- suppressWarnings(wilcox.test(xx ~ gg))
        out$median_test <- list(test = "wilcoxon", statistic = unname(t$statistic), p_value = t$p.value,
                                exact = is.null(t$method) || grepl("exact", t$method))
        t <- t.test(xx ~ gg)
        out$mean_test <- list(test = "welch_t", statistic = unname(t$statistic), df = unname(t$parameter),
                              p_value = t$p.value)
      } else {
        t <- kruskal.test(xx, gg)
        out$median_test <- list(test = "kruskal", statistic = unname(t$statistic), df = unname(t$parameter),
                                p_value = t$p.value)
        s <- summary(aov(xx ~ factor(gg)))[[1]]
        out$mean_test <- list(test = "anova", statistic = s[1, "F value"], df = s[1, "Df"],
                              df2 = s[2, "Df"], p_value = s[1, "Pr(>F)"])
      }
      out$smd <- num(smd_continuous(xx, gg))
    }
    out
  })
  list(group = group, labels = labels, n = sapply(sets, sum), variables = variables)
}

write_case <- function(name, x) {
  x$source <- "Tests/Reference/table1.R"
  dir.create("Tests/Fixtures/table1", showWarnings = FALSE, recursive = TRUE)
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
             file.path("Tests/Fixtures/table1", paste0(name, ".json")))
}

lung <- read.csv("datasets/lung.csv")
write_case("lung_sex", describe(lung, "sex", c("age", "ph.ecog", "ph.karno", "wt.loss", "meal.cal"),
                                factors = c("ph.ecog")))
pbc <- read.csv("datasets/pbc.csv")
write_case("pbc_trt", describe(pbc, "trt",
                               c("age", "sex", "ascites", "edema", "stage", "bili", "chol", "copper", "trig",
                                 "platelet"),
                               factors = c("sex", "ascites", "edema", "stage")))
sarcoma <- read.csv("datasets/sarcoma_patients.csv")
write_case("sarcoma_grade", describe(sarcoma, "grade",
                                     c("age", "sex", "site", "depth", "margin", "size_cm", "ki67",
                                       "radiotherapy", "chemotherapy"),
                                     factors = c("sex", "site", "depth", "margin", "radiotherapy",
                                                 "chemotherapy")))
# Four groups (ph.ecog 0–3, one patient with 3): Fisher's exact test on a 4 x 2 table (sex).
write_case("lung_ecog", describe(lung, "ph.ecog", c("sex", "age"), factors = c("sex")))

# The tests on small samples, where the fixtures above do not reach: Wilcoxon's exact
# distribution (no ties, both samples < 50), Fisher's test on a 2 x 2 and a 3 x 3 table.
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.07, 3.14, 1.28, 0.3)
w <- wilcox.test(x, y)
t22 <- matrix(c(3, 1, 1, 3), 2)
t33 <- matrix(c(2, 0, 3, 1, 4, 0, 0, 2, 5), 3)
write_case("small_tests", list(
  wilcoxon_x = x, wilcoxon_y = y, wilcoxon_w = unname(w$statistic), wilcoxon_p = w$p.value,
  wilcoxon_method = w$method,
  fisher_2x2 = lapply(seq_len(nrow(t22)), function(i) t22[i, ]), fisher_2x2_p = fisher.test(t22)$p.value,
  fisher_3x3 = lapply(seq_len(nrow(t33)), function(i) t33[i, ]), fisher_3x3_p = fisher.test(t33)$p.value))
