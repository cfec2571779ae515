import CohortData
import Testing

/// `Surv(left, right, type = "interval2")`: parsing, R's coding of the four
/// cases, the missing-value rule and the opt-in of the analyses.
@Suite struct IntervalResponseTests {
    static var allowing: ModelFrameOptions {
        var options = ModelFrameOptions()
        options.allowsIntervalCensoring = true
        return options
    }

    @Test("the formula parses type = \"interval2\" and writes it back")
    func parsesAndPrints() throws {
        let f = try Formula("Surv(l, r, type = 'interval2') ~ x")
        #expect(f.response == .interval(left: .variable("l"), right: .variable("r")))
        #expect(f.response?.text == "Surv(l, r, type = \"interval2\")")
        #expect(f.columnsUsed == ["l", "r", "x"])
    }

    @Test("other Surv types and argument counts are formula errors",
          arguments: ["Surv(l, r, type = 'left') ~ 1", "Surv(l, type = 'interval2') ~ 1",
                      "Surv(l, r, s, type = 'interval2') ~ 1", "Surv(type = 'interval2', l, r) ~ 1"])
    func badTypesAreErrors(text: String) {
        let error = cohortError { try Formula(text) }
        #expect(error?.kind == .formulaSyntax, "\(text)")
    }

    @Test("left missing is left-censored, right missing right-censored, equal exact, else an interval")
    func codesTheFourCases() throws {
        let data = try cohort("l,r\n,2\n3,\n4,4\n1,5\n,\n")
        let frame = try Formula("Surv(l, r, type = 'interval2') ~ 1").modelFrame(on: data, options: Self.allowing)
        #expect(frame.response.isIntervalCensored)
        #expect(frame.response.status == [2, 0, 1, 3])
        #expect(frame.response.stop == [2, 3, 4, 1])
        #expect(frame.response.intervalUpper?[3] == 5)
        #expect(frame.rows.dropped == ["missing: l": 1])
        #expect(frame.rowIndex == [0, 1, 2, 3])
    }

    @Test("an analysis that has not opted in refuses interval-censored data")
    func refusedWithoutOptIn() throws {
        let data = try cohort("l,r\n1,2\n3,\n")
        let error = cohortError { try Formula("Surv(l, r, type = 'interval2') ~ 1").modelFrame(on: data) }
        #expect(error?.message.contains("survkit km") == true)
    }

    @Test("left after right is an error at its line")
    func leftAfterRightIsAnError() throws {
        let data = try cohort("l,r\n1,2\n3,2\n")
        let error = cohortError {
            try Formula("Surv(l, r, type = 'interval2') ~ 1").modelFrame(on: data, options: Self.allowing)
        }
        #expect(error?.kind == .startNotBeforeStop)
        #expect(error?.line == 3)
    }
}
