import Testing
@testable import CohortData

@Suite("Formula parsing")
struct FormulaParserTests {
    @Test func parsesRightCensoredResponseAndDottedNames() throws {
        let f = try Formula("Surv(time, status) ~ age + ph.ecog + wt_loss")
        #expect(f.response == .rightCensored(time: .variable("time"), status: .variable("status")))
        #expect(f.terms.map(\.name) == ["age", "ph.ecog", "wt_loss"])
        #expect(f.columnsUsed == ["time", "status", "age", "ph.ecog", "wt_loss"])
    }

    @Test func parsesCountingProcessResponse() throws {
        let f = try Formula("Surv(start, stop, event) ~ rx + cluster(id)")
        #expect(f.response == .counting(start: .variable("start"), stop: .variable("stop"), status: .variable("event")))
        #expect(f.cluster == "id")
        #expect(f.terms.map(\.name) == ["rx"])
    }

    @Test func starExpandsToMainEffectsAndInteraction() throws {
        let f = try Formula("Surv(t, s) ~ a*b")
        #expect(f.terms.map(\.name) == ["a", "b", "a:b"])
    }

    @Test func interactionVariablesFollowFirstAppearance() throws {
        // R: terms(~ age + sex:age) labels "age:sex"; terms(~ factor(sex):age + age) → "factor(sex):age".
        #expect(try Formula("Surv(t, s) ~ age + sex:age").terms.map(\.label) == ["age", "age:sex"])
        #expect(try Formula("Surv(t, s) ~ factor(sex):age + age").terms.map(\.label) == ["age", "factor(sex):age"])
    }

    @Test func duplicateTermsCollapse() throws {
        let f = try Formula("Surv(t, s) ~ a + b + a:b + b:a + a")
        #expect(f.terms.map(\.name) == ["a", "b", "a:b"])
    }

    @Test func parenthesisedCrossingFollowsROrder() throws {
        // R: attr(terms(~ (a + b):(c + d)), "term.labels") = a:c b:c a:d b:d
        let f = try Formula("Surv(t, s) ~ (a + b):(c + d)")
        #expect(f.terms.map(\.name) == ["a:c", "b:c", "a:d", "b:d"])
    }

    @Test func specialsArePulledOut() throws {
        let f = try Formula("Surv(t, s) ~ x + strata(inst) + strata(sex, grade) + offset(log(pt))")
        #expect(f.terms.map(\.name) == ["x"])
        #expect(f.strata == ["inst", "sex", "grade"])
        #expect(f.offsets == [.call("log", .variable("pt"))])
        #expect(f.columnsUsed == ["t", "s", "x", "inst", "sex", "grade", "pt"])
    }

    @Test func interceptOnlyAndRemoval() throws {
        let one = try Formula("Surv(time, status) ~ 1")
        #expect(one.terms.isEmpty && one.hasIntercept)
        #expect(try Formula("y ~ x - 1").hasIntercept == false)
        #expect(try Formula("y ~ x + 0").hasIntercept == false)
    }

    @Test func arithmeticInsideSurvAndTerms() throws {
        let f = try Formula("Surv(stop - start, status == 2) ~ log(age) + I(age^2)")
        guard case .rightCensored(let time, let status)? = f.response else {
            Issue.record("not right-censored")
            return
        }
        #expect(time.text == "stop - start")
        #expect(status.text == "status == 2")
        #expect(f.terms.map(\.name) == ["log(age)", "I(age^2)"])
    }

    @Test func expressionPrecedenceMatchesR() throws {
        let f = try Formula("y ~ I(a - b - c) + I(-x^2) + I((a + b) * c)")
        #expect(f.terms.map(\.name) == ["I(a - b - c)", "I(-x^2)", "I((a + b) * c)"])
        let e = FormulaExpression.binary("-", .variable("a"), .binary("-", .variable("b"), .variable("c")))
        #expect(e.text == "a - (b - c)")
    }

    @Test func backquotedNames() throws {
        let f = try Formula("Surv(`follow up`, status) ~ `age group`")
        #expect(f.columnsUsed == ["follow up", "status", "age group"])
    }

    @Test func syntaxErrorsGivePosition() {
        let missingParen = cohortError { try Formula("Surv(time, status ~ age") }
        #expect(missingParen?.kind == .formulaSyntax)
        // Position 19 is the "~" where ")" was expected.
        #expect(missingParen?.description
            == "in formula \"Surv(time, status ~ age\": expected \")\" to close Surv( at position 19, found \"~\"")
        let noTilde = cohortError { try Formula("Surv(time, status) age") }
        #expect(noTilde?.description.contains("position 20") == true)
        let badFunction = cohortError { try Formula("Surv(t, s) ~ foo(x)") }
        #expect(badFunction?.description.contains("unknown function foo()") == true)
        let dangling = cohortError { try Formula("Surv(t, s) ~ age +") }
        #expect(dangling?.description.contains("position 19") == true)
        let badSurv = cohortError { try Formula("Surv(t) ~ age") }
        #expect(badSurv?.description.contains("not 1 arguments") == true)
        let strataInteraction = cohortError { try Formula("Surv(t, s) ~ age:strata(g)") }
        #expect(strataInteraction?.kind == .formulaSyntax)
    }
}

/// `pspline()` in a formula: R's arguments and checks, and R's column names.
@Suite struct PsplineFormulaTests {
    @Test func theDefaultsAreR_s() throws {
        let f = try Formula("Surv(t, s) ~ pspline(x)")
        guard case .spline(let s) = f.terms[0].variables[0] else { Issue.record("not a spline"); return }
        #expect(s.kind == .penalized && s.text == "pspline(x)")
        #expect(s.penalty == PenalizedSplineSettings(df: 4, theta: nil, nterm: 10, eps: 0.1))
    }

    @Test("nterm is round(2.5·df) with R's half-to-even rounding", arguments: [(3.0, 8), (5.0, 12), (4.0, 10), (2.2, 6)])
    func ntermDefault(df: Double, nterm: Int) throws {
        let f = try Formula("Surv(t, s) ~ pspline(x, df = \(df))")
        guard case .spline(let s) = f.terms[0].variables[0] else { Issue.record("not a spline"); return }
        #expect(s.penalty?.nterm == nterm)
    }

    @Test func theBasisColumnsAreNamedAsR() throws {
        let c = try cohort("t,s,x\n1,1,1\n2,0,2\n3,1,3\n4,1,4\n5,0,5\n6,1,6\n")
        let frame = try Formula("Surv(t, s) ~ pspline(x, theta = 0.5, nterm = 3)").modelFrame(on: c)
        #expect(frame.termNames == ["ps(x)3", "ps(x)4", "ps(x)5", "ps(x)6", "ps(x)7"])
    }

    @Test("bad pspline() calls are located errors", arguments: [
        ("pspline(x, theta = 0)", "Invalid value for theta"),
        ("pspline(x, df = 1)", "Too few degrees of freedom"),
        ("pspline(x, nterm = 2, theta = 0.5)", "Too few basis functions"),
        ("pspline(x, df = 0)", "not supported"),
        ("pspline(x, Boundary.knots = c(3, 1))", "Boundary.knots"),
        ("pspline()", "needs a variable"),
    ])
    func refusals(call: String, message: String) {
        do {
            _ = try Formula("Surv(t, s) ~ \(call)")
            Issue.record("\(call) parsed")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
