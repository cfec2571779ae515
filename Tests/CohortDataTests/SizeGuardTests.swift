import Testing
@testable import CohortData

/// The guards that stop a model before an allocation abort or minutes of
/// silence (ModelFrameBuilder+SizeGuard.swift).
@Suite struct SizeGuardTests {
    /// `n` rows: time 1..., status alternating, `g` with `levels` levels.
    func cohort(rows n: Int, levels: Int) throws -> Cohort {
        let labels = (0..<levels).map { "g\($0)" }
        let sorted = labels.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let code = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
        return try Cohort(fileName: "big.csv", columns: [
            ("time", .numeric((0..<n).map { Double($0 % 97 + 1) })),
            ("status", .numeric((0..<n).map { Double($0 % 2) })),
            ("g", .categorical(codes: (0..<n).map { code[labels[$0 % levels]] ?? 0 }, levels: sorted)),
        ])
    }

    @Test func aDesignLargerThanMemoryIsRefusedBeforeAllocation() throws {
        // 200,000 rows × 20,000 columns of doubles, three copies: ~96 GB, beyond any machine this runs on.
        let data = try cohort(rows: 200_000, levels: 20_001)
        let error = cohortError { try Formula("Surv(time, status) ~ g").modelFrame(on: data) }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("big.csv: the model Surv(time, status) ~ g would need about "), "\(message)")
        #expect(message.contains("(200,000 rows × 20,000 design columns; the term g alone has 20,000 columns), more than this machine's "))
        #expect(message.hasSuffix(": merge levels, drop the interaction, or fit fewer terms"))
    }

    @Test func countsAreSaturatedNotOverflowed() throws {
        // 64 two-level factors crossed: 2^64 columns, which overflows Int.
        var columns: [(name: String, column: Column)] = [("time", .numeric([1, 2, 3])), ("status", .numeric([1, 0, 1]))]
        for k in 0..<64 { columns.append(("f\(k)", .categorical(codes: [0, 1, 0], levels: ["a", "b"]))) }
        let data = try Cohort(fileName: "x.csv", columns: columns)
        let term = (0..<64).map { "f\($0)" }.joined(separator: ":")
        let error = cohortError { try Formula("Surv(time, status) ~ \(term)").modelFrame(on: data) }
        #expect(error?.description.contains("design columns for 3 rows: at most 3 coefficients can be estimated") == true,
                "\(error?.description ?? "no error")")
    }
}
