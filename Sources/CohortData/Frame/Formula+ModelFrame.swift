extension Formula {
    /// The survival regression frame of the formula on `cohort` (see `ModelFrameBuilder.build()`).
    public func modelFrame(on cohort: Cohort, options: ModelFrameOptions = ModelFrameOptions()) throws -> ModelFrame {
        try ModelFrameBuilder(cohort: cohort, formula: self, options: options).build()
    }

    /// The count regression frame of the formula on `cohort` (see `ModelFrameBuilder.buildCounts()`).
    public func countFrame(on cohort: Cohort, options: ModelFrameOptions = ModelFrameOptions()) throws -> CountModelFrame {
        try ModelFrameBuilder(cohort: cohort, formula: self, options: options).buildCounts()
    }

    /// The grouping frame of the formula on `cohort` (see `ModelFrameBuilder.buildGrouping()`).
    /// The cohort is consumed, so that a caller that hands over its only copy
    /// (`survkit`) gets the response-only columns' memory back while the
    /// groups are coded.
    public func groupingFrame(on cohort: consuming Cohort, options: ModelFrameOptions = ModelFrameOptions()) throws
        -> SurvivalGroupingFrame
    {
        try ModelFrameBuilder(cohort: consume cohort, formula: self, options: options).buildGrouping()
    }

    /// The count grouping frame of the formula on `cohort` (see `ModelFrameBuilder.buildCountGrouping()`).
    public func countGroupingFrame(on cohort: Cohort, options: ModelFrameOptions = ModelFrameOptions()) throws
        -> CountGroupingFrame
    {
        try ModelFrameBuilder(cohort: cohort, formula: self, options: options).buildCountGrouping()
    }
}
