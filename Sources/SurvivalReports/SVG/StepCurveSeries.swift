/// One right-continuous step function to draw: a cumulative incidence curve,
/// a mean cumulative function, or any estimate that jumps at `time`.
///
/// `value[i]` is the estimate on `[time[i], time[i+1])`; before `time[0]` the
/// curve is at its start value (0 for cumulative incidence and the MCF).
/// `lower`/`upper` are pointwise confidence limits; `nil` entries (limits R
/// reports as NA) leave a gap in the band. Arrays of unequal length are read up
/// to the shortest one. Renderers never compute these numbers — they come from
/// the model results.
public struct StepCurveSeries: Sendable, Codable, Equatable {
    public var label: String
    public var time: [Double]
    public var value: [Double]
    public var lower: [Double?]?
    public var upper: [Double?]?

    public init(label: String, time: [Double], value: [Double], lower: [Double?]? = nil, upper: [Double?]? = nil) {
        self.label = label
        self.time = time
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
