/// The rows R's `print.coxph.penal` shows for a `pspline()` term instead of
/// its basis coefficients (the pspline `printfun`): the `linear` row — the
/// slope of the generalised-least-squares line through the coefficients
/// against the basis centres (weights the inverse of their variance), its
/// se from `var` and se2 from `var2`, chi-square on 1 df — and the `nonlin`
/// row: the Wald chi-square of all the coefficients minus the linear one,
/// on (term df − 1) df (the p-value on at least 0.5 df).
public struct CoxSplineTest: Sendable, Codable, Equatable {
    public struct Linear: Sendable, Codable, Equatable {
        public var coef: Double
        public var se: Double
        public var se2: Double
        public var chisq: Double
        public var df: Double
        public var p: Double

        public init(coef: Double, se: Double, se2: Double, chisq: Double, df: Double, p: Double) {
            self.coef = coef
            self.se = se
            self.se2 = se2
            self.chisq = chisq
            self.df = df
            self.p = p
        }
    }

    public struct Nonlinear: Sendable, Codable, Equatable {
        public var chisq: Double
        public var df: Double
        public var p: Double

        public init(chisq: Double, df: Double, p: Double) {
            self.chisq = chisq
            self.df = df
            self.p = p
        }
    }

    /// The term as written, R's row label: `pspline(age)`, `pspline(age, df = 3)`.
    public var term: String
    /// The θ of the final fit (0 < θ < 1; the penalty weight is θ/(1 − θ)).
    public var theta: Double
    /// The term's effective degrees of freedom.
    public var df: Double
    public var linear: Linear
    public var nonlinear: Nonlinear
    /// The θ R prints (`Theta=`): its df search's next guess after the last fit (the fixed θ otherwise).
    public var printedTheta: Double
    /// The positions of the term's basis coefficients in the result's `coefficients` (text output only).
    public var coefficientIndices: [Int]

    public init(term: String, theta: Double, df: Double, linear: Linear, nonlinear: Nonlinear, printedTheta: Double,
                coefficientIndices: [Int] = []) {
        self.coefficientIndices = coefficientIndices
        self.term = term
        self.theta = theta
        self.df = df
        self.linear = linear
        self.nonlinear = nonlinear
        self.printedTheta = printedTheta
    }
}
