import Foundation
import Testing
@testable import survkit

/// Hand-worked cases and refusals of `survkit cif`, `mcf` and `rates`
/// (the R comparisons are in RecurrenceFixtureTests).
@Suite struct RecurrenceBehaviourTests {
    func write(_ csv: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recur-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func failure(_ args: [String]) -> String? {
        do {
            _ = try CommandRunner.run(args)
            return nil
        } catch let error as AnalysisFailure {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Four subjects: cause 1 at t=1, cause 2 at t=2, censored at t=3, cause 1 at t=4.
    /// By hand: t=1: n=4, CIF₁ = 1/4; p₀ = 3/4. t=2: n=3, CIF₂ = (3/4)(1/3) = 1/4; p₀ = 1/2.
    /// t=4: n=1, CIF₁ = 1/4 + (1/2)(1) = 3/4. Standard error at t=1: the jackknife
    /// influences are (1 − 1/4)/4 for the failing subject and −(1/4)/4 for the other
    /// three, so se² = (3/16)² + 3(1/16)² = 12/256 — the binomial √(p(1−p)/n).
    @Test func aalenJohansenByHand() throws {
        let file = try write("time,event\n1,1\n2,2\n3,0\n4,1\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try CommandRunner.runJSON(["cif", file.path, "--formula", "Surv(time, event) ~ 1", "--format", "json"])
        let root = try #require(json as? [String: Any])
        let stratum = try #require((root["strata"] as? [[String: Any]])?.first)
        let cif = try #require(stratum["cif"] as? [String: [Double]])
        let se = try #require(stratum["std_err"] as? [String: [Double]])
        #expect(stratum["n_risk"] as? [Double] == [4, 3, 2, 1])
        #expect(cif["1"] == [0.25, 0.25, 0.25, 0.75])
        #expect(cif["2"] == [0, 0.25, 0.25, 0.25])
        #expect(abs((se["1"]?[0] ?? 0) - (12.0 / 256).squareRoot()) < 1e-15)
        #expect(root["gray_test"] is NSNull)
    }

    /// First group a: 0 events in 10 units; group b: 3 events in 20 units; per 1000.
    /// By hand: group a's upper limit is qgamma(0.975, 1) = ln 40 (exponential),
    /// so 1000·ln(40)/10. The ratio b/a is undefined (null) and its upper limit
    /// infinite (null); its lower limit maps π = qbeta(0.025, 3, 1) = 0.025^(1/3)
    /// (the Beta(3, 1) cdf is x³) to π/(1 − π)·10/20.
    @Test func ratesWithAnEventFreeReferenceGroup() throws {
        let file = try write("g,x,t\na,0,4\na,0,6\nb,1,10\nb,2,10\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try CommandRunner.runJSON(
            ["rates", file.path, "--events", "x", "--person-time", "t", "--by", "g", "--format", "json"])
        let root = try #require(json as? [String: Any])
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(groups.count == 2)
        #expect(groups[0]["label"] as? String == "g=a")
        #expect(groups[0]["rate"] as? Double == 0)
        #expect(abs((groups[0]["upper"] as? Double ?? 0) - 1000 * log(40) / 10) < 1e-9)
        #expect(groups[1]["rate"] as? Double == 150)
        #expect(groups[1]["rate_ratio"] is NSNull)
        #expect(groups[1]["rr_upper"] is NSNull)
        let pi = pow(0.025, 1.0 / 3)
        #expect(abs((groups[1]["rr_lower"] as? Double ?? 0) - pi / (1 - pi) * 10 / 20) < 1e-12)
        #expect((root["warnings"] as? [String])?.contains { $0.contains("no events") } == true)
    }

    @Test func ratesRefuseFractionalCounts() throws {
        let file = try write("x,t\n1.5,10\n2,10\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let message = failure(["rates", file.path, "--events", "x", "--person-time", "t"])
        #expect(message?.contains("whole numbers") == true, "\(message ?? "no failure")")
    }

    @Test func mcfNeedsTheSubjectAsCluster() {
        let message = failure(["mcf", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx"])
        #expect(message?.contains("cluster(id)") == true, "\(message ?? "no failure")")
    }

    @Test func cifRefusesCountingProcessData() {
        let message = failure(["cif", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx"])
        #expect(message?.contains("right-censored") == true, "\(message ?? "no failure")")
    }

    @Test func textReportsNameTheirMethod() throws {
        let cif = try CommandRunner.run(["cif", "datasets/mgus2_competing.csv", "--formula", "Surv(etime, event) ~ sex"])
        #expect(cif.contains("Aalen–Johansen") && cif.contains("Gray's test"))
        let mcf = try CommandRunner.run(
            ["mcf", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx + cluster(id)", "--format", "markdown"])
        #expect(mcf.contains("## Mean cumulative function") && mcf.contains("| time | n.risk |"))
        let rates = try CommandRunner.run(
            ["rates", "datasets/sarcoma_patients.csv", "--events", "lr_count", "--person-time", "os_years", "--by", "margin"])
        #expect(rates.contains("1 (ref)") && rates.contains("margin=R2"))
    }
}
