extension CohortDescription {
    /// The test gtsummary's `add_p()` chooses for a variable, and its result.
    ///
    /// gtsummary 2.x (`.add_p_tbl_summary_default_test` in R/assign_tests.R):
    /// - categorical: Pearson's χ² without continuity correction
    ///   (`"chisq.test.no.correct"`) when every expected count of the group ×
    ///   level table of complete pairs is at least 5, else Fisher's exact test;
    /// - continuous: Wilcoxon's rank-sum test (`wilcox.test`, R's default
    ///   exact/continuity rules) for two groups, Kruskal–Wallis for more.
    ///
    /// gtsummary's default does not change with the statistic displayed; with
    /// `continuous == .mean` Table 1 instead uses the tests that match means,
    /// gtsummary's `"t.test"` (Welch) for two groups and `"aov"` (one-way
    /// ANOVA F) for more, as `add_p(test = all_continuous() ~ "t.test")` would.
    ///
    /// - Parameters:
    ///   - groupValues: each group's non-missing values (continuous variables).
    ///   - groupCounts: each group's level counts (categorical variables).
    static func comparison(
        groupValues: [[Double]]?, groupCounts: [[Int]]?, continuous: ContinuousSummary
    ) -> GroupComparisonTest? {
        if let counts = groupCounts {
            let smallest = ChiSquaredIndependenceTest.smallestExpected(counts)
            if smallest.map({ $0 >= 5 }) ?? true { return ChiSquaredIndependenceTest.test(counts) }
            return FisherExactTest.test(counts)
        }
        guard let groups = groupValues else { return nil }
        switch (continuous, groups.count == 2) {
        case (.median, true): return RankSumTests.wilcoxon(groups[0], groups[1])
        case (.median, false): return RankSumTests.kruskalWallis(groups)
        case (.mean, true): return MeanComparisonTests.welch(groups[0], groups[1])
        case (.mean, false): return MeanComparisonTests.anova(groups)
        }
    }

    /// Adds the p-values and SMDs that `options` asks for to `variable`, whose
    /// group data are `groupValues` (continuous) or `groupCounts` (categorical).
    /// Nothing is added without at least two groups. Returns a warning when
    /// the test was asked for but gave no p-value.
    @discardableResult
    static func compare(
        _ variable: inout VariableDescription, groupValues: [[Double]]?, groupCounts: [[Int]]?,
        options: TableOneOptions
    ) -> String? {
        let groups = groupValues?.count ?? groupCounts?.count ?? 0
        guard groups >= 2 else { return nil }
        var warning: String? = nil
        if options.pValues,
            let test = comparison(groupValues: groupValues, groupCounts: groupCounts, continuous: options.continuous)
        {
            variable.test = test.method
            variable.statistic = test.statistic
            variable.df = test.df
            variable.df2 = test.df2
            variable.pValue = test.p
            if test.p == nil {
                let table = ContingencyTable.nonEmpty(groupCounts ?? [])
                let enumerable = table.count >= 2 && (table.first?.count ?? 0) >= 2
                warning = test.method == .fisher && enumerable
                    ? "Table 1: Fisher's exact test of '\(variable.name)' needs more than \(FisherExactTest.maxTables) tables;"
                        + " no p-value (R's fisher.test would need a larger workspace or simulate.p.value = TRUE)."
                    : "Table 1: no \(test.method.rawValue) test of '\(variable.name)' on these data"
                        + " (a group without values, one level, or no variation); no p-value."
            }
        }
        if options.smd {
            if let counts = groupCounts {
                variable.smd = StandardizedMeanDifference.categorical(counts)
            } else if let values = groupValues {
                variable.smd = StandardizedMeanDifference.continuous(values)
            }
        }
        return warning
    }
}
