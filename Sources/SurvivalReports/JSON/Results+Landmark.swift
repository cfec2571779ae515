import CohortData
import SurvivalModels

/// A result that carries the row accounting of its frame, where a landmark
/// analysis records what it excluded (`RowAccounting.landmark`): its JSON
/// gets the top-level `"landmark": {"time", "excluded"}` (`JSONReport`).
protocol RowsAccounted {
    var rows: RowAccounting { get }
}

extension KaplanMeierResult: RowsAccounted {}
extension LogRankResult: RowsAccounted {}
extension CoxResult: RowsAccounted {}
extension CumulativeIncidenceResult: RowsAccounted {}
extension Report: RowsAccounted {}

extension RecurrentEventsResult: RowsAccounted {
    var rows: RowAccounting { cox.rows }
}

/// `rows.intervals` only with a `--tdc` split, `rows.subjects` only with `--counts`;
/// the landmark is written at the top level.
extension RowAccounting: JSONShaped {
    static var keysOmittedWhenAbsent: Set<String> { ["intervals", "subjects"] }
}

extension JSONValue {
    /// The document with `"landmark": {"time", "excluded"}` added at the top
    /// level when `value`'s rows were landmarked; unchanged otherwise.
    func addingLandmark(of value: some Encodable) -> JSONValue {
        guard let landmark = (value as? any RowsAccounted)?.rows.landmark, case .object(var top) = self else {
            return self
        }
        top["landmark"] = .object(["time": .double(landmark.time), "excluded": .int(landmark.excluded)])
        return .object(top)
    }
}
