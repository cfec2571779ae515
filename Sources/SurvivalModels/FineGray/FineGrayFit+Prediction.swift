import CohortData
import Foundation

extension FineGrayFit {
    /// Predicted cumulative incidence of the cause for each new row, as
    /// `predict.crr(fit, cov1)`: `1 − exp(−Σ_{t_k ≤ t} exp(x·β)·ΔΛ0_k)` at every
    /// event time of the cause, `ΔΛ0_k = d_k/S0_k` crr's `bfitj`. The jumps
    /// were computed on covariates centred on `centre`, so the new rows are
    /// centred the same way (the product `exp(x·β)·ΔΛ0_k` is unchanged).
    public func predict(_ newData: NewDataDesign) -> [FineGrayPrediction] {
        (0..<newData.design.rows).map { i in
            var eta = 0.0
            for j in coefficients.indices { eta += (newData.design[i, j] - centre[j]) * coefficients[j] }
            let risk = Foundation.exp(eta)
            var cumulative = 0.0
            let cif = baselineJumps.map { jump -> Double in
                cumulative += risk * jump
                return 1 - Foundation.exp(-cumulative)
            }
            return FineGrayPrediction(row: newData.rowIndex[i] + 1, time: eventTimes, cif: cif)
        }
    }
}
