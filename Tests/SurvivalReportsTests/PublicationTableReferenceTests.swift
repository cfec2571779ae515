import CohortData
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing

@testable import SurvivalReports

/// The publication tables' numbers against R (Tests/Reference/publication_tables.R,
/// fixtures Tests/Fixtures/publication/<case>.json): per level N and events
/// (the reference level included), the ratio and its limits (1e-6 relative)
/// and their 2-decimal text, p, and the joint Wald test bᵀV⁻¹b of each factor.
@Suite struct PublicationTableReferenceTests {
    static func read(_ name: String) throws -> Cohort {
        try CSVReader().read(path: Repository.dataset(name))
    }

    /// The table of a fixture case, fitted in the library as the CLI fits it.
    static func table(_ caseName: String) throws -> PublicationTable {
        switch caseName {
        case "cox_lung":
            let formula = try Formula("Surv(time, status) ~ age + sex + factor(ph.ecog)")
            let frame = try formula.modelFrame(on: read("lung.csv"))
            return PublicationTable.cox(try CoxModel.fit(frame).makeResult(), frame: frame, formula: formula)
        case "cox_lung_robust":
            let formula = try Formula("Surv(time, status) ~ age + sex + factor(ph.ecog)")
            let frame = try formula.modelFrame(on: read("lung.csv"))
            var options = CoxOptions()
            options.robust = true
            return PublicationTable.cox(
                try CoxModel.fit(frame, options: options).makeResult(), frame: frame, formula: formula)
        case "cox_sarcoma":
            let formula = try Formula("Surv(os_years, os_status) ~ age + sex + factor(grade) + margin + site")
            let frame = try formula.modelFrame(on: read("sarcoma_patients.csv"))
            return PublicationTable.cox(try CoxModel.fit(frame).makeResult(), frame: frame, formula: formula)
        case "finegray_sarcoma":
            let formula = try Formula("Surv(lr_first_years, lr_status) ~ margin + factor(grade) + size_cm")
            let cohort = try read("sarcoma_patients.csv").replacingWithCompetingCode(
                status: "lr_status", competingStatus: "os_status")
            let frame = try formula.modelFrame(on: cohort, options: ModelFrameOptions(allowCompetingRisks: true))
            let fit = try FineGrayModel.fit(frame, options: FineGrayOptions(cause: 1, censoringCode: 0))
            return PublicationTable.fineGray(fit.makeResult(), frame: frame, formula: formula, cause: 1)
        case "survreg_lung":
            let formula = try Formula("Surv(time, status) ~ age + sex + factor(ph.ecog)")
            let frame = try formula.modelFrame(on: read("lung.csv"))
            return PublicationTable.survreg(try SurvregModel.fit(frame).makeResult(), frame: frame, formula: formula)
        case "poisson_sarcoma":
            let formula = try Formula("lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years))")
            let frame = try formula.countFrame(on: read("sarcoma_patients.csv"))
            return PublicationTable.rateRegression(
                try RateRegression.poisson(frame, options: RateRegressionOptions()), frame: frame, formula: formula)
        case "negbin_quine":
            let formula = try Formula("Days ~ Sex + Age + Eth")
            let frame = try formula.countFrame(on: read("quine.csv"))
            return PublicationTable.rateRegression(
                try RateRegression.negativeBinomial(frame, options: RateRegressionOptions()), frame: frame,
                formula: formula)
        default:
            throw ModelError("no table for \(caseName)")
        }
    }

    static func close(_ a: Double?, _ b: Any?, _ tolerance: Double = 1e-6) -> Bool {
        guard let a, let b = (b as? NSNumber)?.doubleValue else { return false }
        return abs(a - b) <= tolerance * max(abs(b), 1e-300) || abs(a - b) < 1e-12
    }

    @Test("Rows, N, events, ratios, p and joint tests match R", arguments: Repository.fixtures("publication"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("publication", caseName)
        let table = try Self.table(caseName)
        let style = PublicationTableStyle()
        let terms = try #require(fixture["terms"] as? [[String: Any]])
        // Every term of R's table, and no other.
        #expect(Set(table.rows.map(\.term)) == Set(terms.compactMap { $0["term"] as? String }), "\(caseName)")
        for term in terms {
            let name = try #require(term["term"] as? String)
            let levels = try #require(term["levels"] as? [[String: Any]])
            let rows = table.rows.filter { $0.term == name && $0.kind != .factor }
            try #require(rows.count == levels.count, "\(caseName) \(name): \(rows.count) rows, R \(levels.count)")
            for (row, level) in zip(rows, levels) {
                let where_ = "\(caseName) \(name) \(row.level ?? "-")"
                #expect(row.level == level["level"] as? String, "\(where_)")
                #expect(row.n == level["n"] as? Int, "\(where_) n")
                #expect(Self.close(row.events, level["events"], 1e-12), "\(where_) events")
                let reference = level["reference"] as? Bool ?? false
                #expect(row.isReference == reference, "\(where_) reference")
                if reference {
                    #expect(style.estimate(row) == "1.00 (ref)")
                    continue
                }
                #expect(Self.close(row.estimate, level["estimate"]), "\(where_) estimate")
                #expect(Self.close(row.lower, level["lower"]), "\(where_) lower")
                #expect(Self.close(row.upper, level["upper"]), "\(where_) upper")
                #expect(Self.close(row.p, level["p"], 1e-5), "\(where_) p")
                #expect(style.ratio(row.estimate) == level["estimate_text"] as? String, "\(where_)")
                #expect(style.ratio(row.lower) == level["lower_text"] as? String, "\(where_)")
                #expect(style.ratio(row.upper) == level["upper_text"] as? String, "\(where_)")
            }
            let header = table.rows.first { $0.term == name && $0.kind == .factor }
            if let joint = term["joint"] as? [String: Any] {
                let test = try #require(header?.joint, "\(caseName) \(name): no joint test")
                #expect(Self.close(test.chisq, joint["chisq"]), "\(caseName) \(name) chisq")
                #expect(test.df == joint["df"] as? Int, "\(caseName) \(name) df")
                #expect(Self.close(test.p, joint["p"], 1e-5), "\(caseName) \(name) p")
            } else {
                #expect(header?.joint == nil, "\(caseName) \(name): a joint test R does not have")
            }
        }
    }
}

/// The journal formatting rules of ``PublicationTableStyle``.
@Suite struct PublicationTableStyleTests {
    @Test func pValuesAsJournalsPrintThem() {
        let s = PublicationTableStyle()
        #expect(s.pValue(0.00099) == "<0.001")
        #expect(s.pValue(0.001) == "0.001")
        #expect(s.pValue(0.0464) == "0.046")
        #expect(s.pValue(0.5) == "0.500")
        #expect(s.pValue(0.9996) == ">0.999")
        #expect(s.pValue(nil) == "")
        #expect(PublicationTableStyle(pDigits: 2).pValue(0.004) == "<0.01")
    }

    @Test func estimateAndLimitsShareTheirDigits() {
        let row = PublicationTable.Row(
            kind: .single, label: "age", term: "age", estimate: 1.0287, lower: 1.0201, upper: 1.0346, p: 0.0001)
        #expect(PublicationTableStyle().estimate(row) == "1.03 (1.02–1.03)")
        #expect(PublicationTableStyle(digits: 3).estimate(row) == "1.029 (1.020–1.035)")
    }
}

/// The labels file: its documented form, and located errors for anything else.
@Suite struct PublicationLabelsTests {
    func parse(_ text: String) throws(PublicationLabels.FormatError) -> PublicationLabels {
        try PublicationLabels(json: Data(text.utf8))
    }

    @Test func readsVariablesAndLevels() throws {
        let labels = try parse(#"{"variables": {"grade": "Tumour grade"}, "levels": {"grade": {"1": "Grade 1"}}}"#)
        #expect(labels.variableLabel("grade") == "Tumour grade")
        #expect(labels.variableLabel("age") == "age")
        #expect(labels.levelLabel("grade", "1") == "Grade 1")
        #expect(labels.levelLabel("grade", "2") == "2")
        #expect(labels.merging(fileLabels: ["grade": "x", "age": "Age at surgery"]).variableLabel("age") == "Age at surgery")
        #expect(labels.merging(fileLabels: ["grade": "x"]).variableLabel("grade") == "Tumour grade")
    }

    @Test func errorsNameTheMember() {
        func message(_ text: String) -> String {
            do { _ = try parse(text) } catch { return error.message }
            return ""
        }
        #expect(message(#"{"levels": {"grade": {"1": 1}}}"#).hasPrefix(#"levels.grade."1": expected a string, found a number"#))
        #expect(message(#"{"variables": ["a"]}"#).hasPrefix("variables: expected an object"))
        #expect(message(#"{"variable": {}}"#).hasPrefix(#"unknown member "variable""#))
        #expect(message("[1]").hasPrefix("expected a JSON object at the top, found an array"))
        #expect(message("{").hasPrefix("not valid JSON"))
        #expect(message(#"{"levels": {"sex": "male"}}"#).hasPrefix("levels.sex: expected an object of level → label, found a string"))
    }
}
