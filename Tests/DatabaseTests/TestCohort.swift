import Foundation

/// A deterministic cohort for the in-database tests: categorical (arm, region,
/// site) and numeric (grade as factor(grade), age, x, sex) covariates, a
/// stratum, a competing cause, tied times (whole days), event counts and
/// person-time, and a few NULLs (age, arm) so that rows are dropped.
struct TestCohort {
    struct Row {
        var id: Int
        var site: String
        var region: String
        var arm: String?
        var grade: Int
        var age: Double?
        var x: Double
        var sex: Int
        var time: Double
        var status: Int
        var cause: Int
        var events: Int
        var pt: Double
    }

    static let columns = "id, site, region, arm, grade, age, x, sex, time, status, cause, events, pt"
    static let createColumns = """
        id integer, site text, region text, arm text, grade integer, age double precision, x double precision,
        sex integer, time double precision, status integer, cause integer, events integer, pt double precision
        """

    var rows: [Row] = []

    init(n: Int, seed: UInt64 = 20261201) {
        var state = seed
        func next() -> Double {  // SplitMix64 → [0, 1)
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        let sites = ["A", "B", "C"]
        for i in 0..<n {
            let site = sites[Int(next() * 3)]
            let region = next() < 0.4 ? "north" : "south"
            let arm: String? = next() < 0.005 ? nil : (next() < 0.5 ? "ctl" : "trt")
            let grade = 1 + Int(next() * 3)
            let age: Double? = next() < 0.01 ? nil : ((30 + 50 * next()) * 10).rounded() / 10
            let x = ((next() - 0.5) * 4 * 1000).rounded() / 1000
            let sex = next() < 0.45 ? 1 : 0
            let lp = 0.4 * (arm == "trt" ? 1 : 0) + 0.3 * Double(grade - 1) + 0.02 * ((age ?? 55) - 55) + 0.2 * x - 0.1 * Double(sex)
            let rate = 0.002 * exp(lp) * (region == "north" ? 1.3 : 1)
            let event = -log(1 - next()) / rate
            let censor = 50 + next() * 1500
            let time = max(1, min(event, censor).rounded(.up))
            let status = event <= censor ? 1 : 0
            let cause = status == 0 ? 0 : (next() < 0.7 ? 1 : 2)
            let events = Int(next() * 4)
            let pt = (time / 365.25 * 1000).rounded() / 1000
            rows.append(Row(
                id: i + 1, site: site, region: region, arm: arm, grade: grade, age: age, x: x, sex: sex, time: time,
                status: status, cause: cause, events: events, pt: pt))
        }
    }

    /// The rows as CSV (NULL as an empty field).
    func csv(_ rows: [Row]? = nil) -> String {
        var out = Self.columns.replacingOccurrences(of: " ", with: "") + "\n"
        for r in rows ?? self.rows {
            out += "\(r.id),\(r.site),\(r.region),\(r.arm ?? ""),\(r.grade),\(r.age.map { "\($0)" } ?? ""),\(r.x),"
            out += "\(r.sex),\(r.time),\(r.status),\(r.cause),\(r.events),\(r.pt)\n"
        }
        return out
    }

    /// INSERT statements of at most `batch` rows each.
    func inserts(table: String, _ rows: [Row]? = nil, batch: Int = 5000) -> [String] {
        let all = rows ?? self.rows
        var out: [String] = []
        var start = 0
        while start < all.count {
            let part = all[start..<min(all.count, start + batch)]
            let values = part.map { r in
                "(\(r.id),'\(r.site)','\(r.region)',\(r.arm.map { "'\($0)'" } ?? "NULL"),\(r.grade),"
                    + "\(r.age.map { "\($0)" } ?? "NULL"),\(r.x),\(r.sex),\(r.time),\(r.status),\(r.cause),\(r.events),\(r.pt))"
            }.joined(separator: ",\n")
            out.append("INSERT INTO \(table) (\(Self.columns)) VALUES\n\(values)")
            start += batch
        }
        return out
    }
}
