/// The subjects of one group, in data order, on relsurv's time scale: the
/// follow-up in days, the death indicator and the place in the population
/// table at diagnosis.
struct RelativeSurvivalSubjects: Sendable {
    /// Follow-up time, days.
    var time: [Double]
    /// 1 for a death, 0 for a censoring.
    var status: [Double]
    /// Age at diagnosis, days.
    var age: [Double]
    /// Diagnosis date, days since 1970-01-01.
    var date: [Double]
    /// Sex index in the table.
    var sex: [Int]

    var count: Int { time.count }

    /// The subjects with the follow-up times replaced (Hakulinen's potential follow-up).
    func withTimes(_ times: [Double], status: [Double]) -> RelativeSurvivalSubjects {
        var copy = self
        copy.time = times
        copy.status = status
        return copy
    }

    /// The distinct follow-up times, ascending.
    var distinctTimes: [Double] {
        Array(Set(time)).sorted()
    }
}
