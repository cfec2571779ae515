import Foundation
import SurvivalTestSupport
import Testing

/// `survkit survreg` on data it cannot use: exit status 1 with a one-paragraph
/// message, nothing on stdout; a bad `--dist` is a usage error (exit 2).
@Suite struct SurvregBehaviourTests {
    func write(_ csv: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("survreg-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a zero time cannot be log-transformed and is a data error")
    func zeroTimeIsADataError() throws {
        let file = try write("time,status,x\n0,1,1\n3,0,2\n5,1,3\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.spawn(["survreg", file.path, "--formula", "Surv(time, status) ~ x"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("times > 0"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("the exponential's fixed scale refuses strata, as R")
    func exponentialWithStrataIsADataError() throws {
        let r = try CommandRunner.spawn([
            "survreg", Repository.url("datasets/lung.csv").path, "--formula",
            "Surv(time, status) ~ age + strata(sex)", "--dist", "exponential",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("fixed scale"), "\(r.stderr)")
    }

    @Test("an unknown distribution is a usage error")
    func unknownDistributionIsAUsageError() throws {
        let r = try CommandRunner.spawn([
            "survreg", Repository.url("datasets/lung.csv").path, "--formula", "Surv(time, status) ~ age",
            "--dist", "gamma",
        ])
        #expect(r.status == 2)
    }

    @Test("the text report shows the coefficient table, scale and chi-square test")
    func textReportLooksLikeSummarySurvreg() throws {
        let text = try CommandRunner.run([
            "survreg", Repository.url("datasets/lung.csv").path, "--formula", "Surv(time, status) ~ age + sex",
        ])
        for piece in ["Weibull", "(Intercept)", "Log(scale)", "Scale = ", "Chisq = ", "degrees of freedom"] {
            #expect(text.contains(piece), "report lacks \(piece)")
        }
    }
}
