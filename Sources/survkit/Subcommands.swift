import ArgumentParser

extension Survkit {
    /// Every subcommand, in the order `survkit --help` lists them. One line per command.
    static let allSubcommands: [any ParsableCommand.Type] = [
        DescribeCommand.self,
        KMCommand.self,
        LogRankCommand.self,
        CoxCommand.self,
        RecurCommand.self,
        PoissonCommand.self,
        NegBinCommand.self,
        SurvregCommand.self,
        CompareCommand.self,
        CIFCommand.self,
        FineGrayCommand.self,
        MCFCommand.self,
        SplitCommand.self,
        RatesCommand.self,
        RMSTCommand.self,
        RelSurvCommand.self,
        SiteSummaryCommand.self,
        PoolCommand.self,
        ReportCommand.self,
        Simulate.self,
        ZPHPlotCommand.self,
        SQLCommand.self,
    ]
}
