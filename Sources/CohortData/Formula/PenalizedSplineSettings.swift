/// The penalty of a `pspline()` term, as R's survival `pspline()` reads its
/// arguments: either a target effective df (`method = "df"`, the default:
/// θ is searched until the term's df is within `eps` of it) or a fixed θ
/// (`theta = t`, 0 < t < 1; the penalty weight is θ/(1 − θ)). The basis
/// has `nterm` intervals (default `round(2.5·df)`) and the penalty is the
/// second-order difference of the coefficients.
public struct PenalizedSplineSettings: Sendable, Equatable {
    /// The target degrees of freedom (R's `df`, default 4; also when θ is fixed, for `nterm`'s default).
    public var df: Double
    /// A fixed θ (`method = "fixed"`); `nil` for the df search.
    public var theta: Double?
    /// Number of equal intervals over the boundary knots (R rounds `nterm`).
    public var nterm: Int
    /// The df search stops when |df − target| < eps (R's default 0.1).
    public var eps: Double

    public init(df: Double, theta: Double?, nterm: Int, eps: Double) {
        self.df = df
        self.theta = theta
        self.nterm = nterm
        self.eps = eps
    }
}
