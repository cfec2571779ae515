import CohortData

/// Predictions of a Cox fit for new data, as R's `predict(fit, newdata,
/// type = "lp" | "risk")` and, when asked, `survfit(fit, newdata)` curves.
public struct CoxNewDataPrediction: Sendable, Codable, Equatable {
    /// How the linear predictors are centred (R's `reference`).
    public var reference: CoxPredictionReference
    /// The 1-based data row (header excluded) of each prediction in the new file.
    public var row: [Int]
    /// `(x − centre)·β + offset`.
    public var linearPredictor: [Double]
    /// `exp(linear predictor)`.
    public var risk: [Double]
    /// One `survfit.coxph` curve per row, when requested.
    public var curves: [CoxPrediction]?
    /// Rows of the new file read, used and dropped for missing covariates.
    public var rows: RowAccounting
}

extension CoxFit {
    /// Linear predictors, risk scores and optionally survival curves for the
    /// rows of `newData` (coded like the training frame).
    public func predict(
        _ newData: NewDataDesign, reference: CoxPredictionReference = .strata, curves: Bool = false,
        confType: ConfidenceType = .log, confLevel: Double = 0.95
    ) -> CoxNewDataPrediction {
        let lp = linearPredictors(
            newDesign: newData.design, offset: newData.offset, strata: newData.strata, reference: reference)
        let curveList: [CoxPrediction]? = curves
            ? (0..<newData.design.rows).map { i in
                survivalCurve(
                    covariates: newData.design.row(i), offset: newData.offset?[i] ?? 0,
                    stratum: newData.strata?[i], confType: confType, confLevel: confLevel)
            }
            : nil
        return CoxNewDataPrediction(
            reference: reference, row: newData.rowIndex.map { $0 + 1 }, linearPredictor: lp,
            risk: lp.map { Foundation.exp($0) }, curves: curveList, rows: newData.rows)
    }
}

import Foundation
