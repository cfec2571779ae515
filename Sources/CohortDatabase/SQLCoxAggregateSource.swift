import CohortData
import SurvivalModels

/// A `CoxAggregateSource` over one table of a database: the moments and the
/// absolute deviations are one query each, and every Newton evaluation one
/// `GROUP BY stratum, time` query with β and the means inlined as round-trip
/// literals (`SQLQueryBuilder.coxTimeSumsQuery`). Only sums leave the database.
public struct SQLCoxAggregateSource: CoxAggregateSource {
    public let table: DatabaseTable
    public let builder: SQLQueryBuilder
    public let design: [SQLDesignColumn]
    public let event: SQLEventCode
    /// Stratum number of each stratum key (`SQLCoxAggregateSource.key(_:)`); shared by
    /// all sites of a pooled fit, so that the same stratum has the same number everywhere.
    public let strataIndex: [String: Int]

    public init(
        table: DatabaseTable, plan: SQLAnalysisPlan, design: [SQLDesignColumn], event: SQLEventCode,
        strataIndex: [String: Int]
    ) throws {
        self.table = table
        self.builder = try SQLQueryBuilder(dialect: table.dialect, plan: plan, table: table.name)
        self.design = design
        self.event = event
        self.strataIndex = strataIndex
    }

    public var columnCount: Int { design.count }

    public func moments(noScaleValues: Set<Double>) throws -> CoxAggregateMoments {
        let r = try table.executor.run(builder.coxMomentsQuery(design: design, event: event, noScaleValues: noScaleValues))
        let minTime = try r.number("min_time", whenNull: 0)
        if minTime < 0 {
            throw DatabaseError(
                .unexpectedResult,
                "table \(table.name): column \"\(builder.plan.time)\" has a negative time (\(minTime)); expected times ≥ 0")
        }
        return CoxAggregateMoments(
            subjects: try r.number("subjects", whenNull: 0), events: try r.number("events", whenNull: 0),
            sums: try design.indices.map { try r.number("sum_\($0)", whenNull: 0) },
            noScale: try design.indices.map { try r.number("noscale_\($0)", whenNull: 1) == 1 })
    }

    public func absoluteDeviations(from means: [Double]) throws -> [Double] {
        let r = try table.executor.run(builder.coxAbsoluteDeviationsQuery(design: design, means: means))
        return try design.indices.map { try r.number("absdev_\($0)", whenNull: 0) }
    }

    public func timeSums(beta: [Double], means: [Double]) throws -> [CoxTimeSums] {
        let r = try table.executor.run(builder.coxTimeSumsQuery(design: design, event: event, beta: beta, means: means))
        let p = design.count
        let q = builder.plan.strata.count
        var index: [String: Int] = [:]
        for (k, c) in r.columns.enumerated() { index[c] = k }
        func col(_ name: String) throws -> Int {
            guard let k = index[name] else { throw DatabaseError(.unexpectedResult, "no column \(name) in the sums") }
            return k
        }
        let tk = try col("t"), dk = try col("deaths"), rk = try col("risk"), drk = try col("death_risk")
        let dx = try (0..<p).map { try col("death_x_\($0)") }
        let rx = try (0..<p).map { try col("risk_x_\($0)") }
        let drx = try (0..<p).map { try col("death_risk_x_\($0)") }
        var rxx: [Int] = [], drxx: [Int] = []
        for j in 0..<p { for k in 0...j { rxx.append(try col("risk_xx_\(j)_\(k)")); drxx.append(try col("death_risk_xx_\(j)_\(k)")) } }
        func num(_ row: [SQLValue], _ k: Int) throws -> Double {
            switch row[k] {
            case .number(let x): return x
            case .null: return 0
            case .text(let s): throw DatabaseError(.unexpectedResult, "column \(r.columns[k]): '\(s)' is not a number")
            }
        }
        var cells: [CoxTimeSums] = []
        cells.reserveCapacity(r.rows.count)
        for row in r.rows {
            var stratum = 0
            if q > 0 {
                let key = Self.key(Array(row[0..<q]))
                guard let s = strataIndex[key] else {
                    throw DatabaseError(.unexpectedResult, "table \(table.name): a stratum (\(key)) not seen before")
                }
                stratum = s
            }
            cells.append(CoxTimeSums(
                stratum: stratum, time: try num(row, tk), deaths: try num(row, dk), deathX: try dx.map { try num(row, $0) },
                risk: try num(row, rk), riskX: try rx.map { try num(row, $0) }, riskXX: try rxx.map { try num(row, $0) },
                deathRisk: try num(row, drk), deathRiskX: try drx.map { try num(row, $0) },
                deathRiskXX: try drxx.map { try num(row, $0) }))
        }
        return cells
    }

    /// The key of a stratum from its values (the strata columns in order).
    public static func key(_ values: [SQLValue]) -> String {
        values.map { v in
            switch v {
            case .number(let x): return "n:" + NumberFormatting.label(x)
            case .text(let s): return "t:" + s
            case .null: return "NULL"
            }
        }.joined(separator: "\u{1F}")
    }
}
