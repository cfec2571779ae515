import CohortData
import Foundation
import SurvivalNumerics

/// A fitted Fine–Gray model: the estimates of `cmprsk::crr` and what
/// `predict.crr` needs (the event times of the cause and the baseline jumps).
public struct FineGrayFit: Sendable {
    /// The frame the model was fitted to.
    public let frame: ModelFrame
    public let options: FineGrayOptions
    /// β, crr's `coef`.
    public let coefficients: [Double]
    /// crr's `loglik`, the pseudo log-likelihood at β.
    public let loglik: Double
    /// crr's `loglik.null`, at β = 0.
    public let loglikNull: Double
    /// crr's `score` at β.
    public let score: [Double]
    /// crr's `inf`, the information at β.
    public let information: Matrix
    /// crr's `var`, the sandwich variance.
    public let variance: Matrix
    /// Newton steps taken.
    public let iterations: Int
    /// crr's `converged`.
    public let converged: Bool
    /// Rows with the cause, and with a competing event.
    public let events: Int
    public let competingEvents: Int
    /// crr's `uftime`: the distinct event times of the cause, ascending.
    public let eventTimes: [Double]
    /// crr's `bfitj` on the centred covariates: the jump of the baseline
    /// cumulative subdistribution hazard at each of `eventTimes`.
    public let baselineJumps: [Double]
    /// The covariate means the jumps are centred on.
    public let centre: [Double]
    public let warnings: [String]
}
