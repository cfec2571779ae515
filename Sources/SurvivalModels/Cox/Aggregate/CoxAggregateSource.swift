/// Where the sums of a Cox fit from aggregates come from: a database queried
/// once per Newton step, several sites at once, or rows held in memory.
///
/// Every quantity a Newton–Raphson step of the Cox partial likelihood needs is
/// a sum over the rows at each distinct time (Lu et al. 2015, WebDISCO): with
/// r = c·exp(η) for a row standing for c subjects,
/// `S0 = Σ r`, `S1 = Σ r·x`, `S2 = Σ r·x·xᵀ` over the risk set (reverse
/// cumulated over times within a stratum by ``CoxModel/fitAggregates(_:termNames:options:)``)
/// and, for Efron's ties, the same sums over the events at that time. A source
/// only has to add up its rows per (stratum, time); it never shares a row.
///
/// All sums use *centred* covariates `x_ij − means_j` (the means the engine
/// passes, R's `colMeans` centring), which keeps `exp(η)` in range as `coxph`
/// does.
public protocol CoxAggregateSource {
    /// Number of covariate columns p (the design's columns, in term order).
    var columnCount: Int { get }

    /// Σc (subjects), Σc over the events, Σ c·x_j, and whether every value of
    /// column j lies in `noScaleValues` (R's `nocenter = c(-1, 0, 1)`: such a
    /// column is neither centred nor scaled), over the rows used.
    func moments(noScaleValues: Set<Double>) throws -> CoxAggregateMoments

    /// Σ c·|x_j − means_j| for each column j (R's scale `1 / mean|x − m|`).
    func absoluteDeviations(from means: [Double]) throws -> [Double]

    /// The sums per (stratum, distinct time) at `beta`, with
    /// η_i = Σ_j beta_j·(x_ij − means_j). Cells with the same (stratum, time) may
    /// come in several entries; they are added.
    func timeSums(beta: [Double], means: [Double]) throws -> [CoxTimeSums]
}

/// Column totals of the rows a ``CoxAggregateSource`` uses.
public struct CoxAggregateMoments: Sendable, Equatable {
    /// Σ c: the number of subjects.
    public var subjects: Double
    /// Σ c over the rows with an event.
    public var events: Double
    /// Σ c·x_j for each column.
    public var sums: [Double]
    /// Whether every value of column j lies in the no-scale set.
    public var noScale: [Bool]

    public init(subjects: Double, events: Double, sums: [Double], noScale: [Bool]) {
        self.subjects = subjects
        self.events = events
        self.sums = sums
        self.noScale = noScale
    }

    /// The moments of several sources together.
    public static func combined(_ parts: [CoxAggregateMoments]) -> CoxAggregateMoments? {
        guard let first = parts.first else { return nil }
        var total = first
        for part in parts.dropFirst() {
            total.subjects += part.subjects
            total.events += part.events
            for j in total.sums.indices {
                total.sums[j] += part.sums[j]
                total.noScale[j] = total.noScale[j] && part.noScale[j]
            }
        }
        return total
    }
}

/// The sums of one (stratum, time) cell. `x` is the centred value
/// `x_ij − means_j`, c the row's count (1 without counts), `r = c·exp(η)`.
/// Matrices are packed: the lower triangle, entry (j, k) with k ≤ j at
/// `j·(j+1)/2 + k` (``CoxTimeSums/packedIndex(_:_:)``).
public struct CoxTimeSums: Sendable, Equatable {
    public var stratum: Int
    public var time: Double
    /// Σ c over the rows with an event at this time.
    public var deaths: Double
    /// Σ c·x_j over the events.
    public var deathX: [Double]
    /// Σ r over every row whose time is this time (events and censored).
    public var risk: Double
    /// Σ r·x_j over those rows.
    public var riskX: [Double]
    /// Σ r·x_j·x_k over those rows (packed).
    public var riskXX: [Double]
    /// Σ r over the events.
    public var deathRisk: Double
    /// Σ r·x_j over the events.
    public var deathRiskX: [Double]
    /// Σ r·x_j·x_k over the events (packed).
    public var deathRiskXX: [Double]

    public init(
        stratum: Int, time: Double, deaths: Double, deathX: [Double], risk: Double, riskX: [Double],
        riskXX: [Double], deathRisk: Double, deathRiskX: [Double], deathRiskXX: [Double]
    ) {
        self.stratum = stratum
        self.time = time
        self.deaths = deaths
        self.deathX = deathX
        self.risk = risk
        self.riskX = riskX
        self.riskXX = riskXX
        self.deathRisk = deathRisk
        self.deathRiskX = deathRiskX
        self.deathRiskXX = deathRiskXX
    }

    /// An empty cell of `p` columns.
    public init(stratum: Int, time: Double, columns p: Int) {
        self.init(
            stratum: stratum, time: time, deaths: 0, deathX: .init(repeating: 0, count: p), risk: 0,
            riskX: .init(repeating: 0, count: p), riskXX: .init(repeating: 0, count: p * (p + 1) / 2),
            deathRisk: 0, deathRiskX: .init(repeating: 0, count: p),
            deathRiskXX: .init(repeating: 0, count: p * (p + 1) / 2))
    }

    /// Position of entry (j, k) of a packed symmetric matrix.
    @inline(__always)
    public static func packedIndex(_ j: Int, _ k: Int) -> Int {
        j >= k ? j * (j + 1) / 2 + k : k * (k + 1) / 2 + j
    }

    /// Adds another cell's sums (same columns) to this one.
    public mutating func add(_ other: CoxTimeSums) {
        deaths += other.deaths
        risk += other.risk
        deathRisk += other.deathRisk
        for j in deathX.indices {
            deathX[j] += other.deathX[j]
            riskX[j] += other.riskX[j]
            deathRiskX[j] += other.deathRiskX[j]
        }
        for m in riskXX.indices {
            riskXX[m] += other.riskXX[m]
            deathRiskXX[m] += other.deathRiskXX[m]
        }
    }
}
