import Foundation
import SurvivalTestSupport
import Testing

/// Analysis commands read a CSV file projected on the columns they use
/// (`FrameLoader.columnsUsed`): messages still name file positions and offer
/// every header name, and the columns of options (--weights, --subset,
/// --duration, cif --competing-status) are read.
@Suite struct ProjectedReadTests {
    @Test func errorsNameTheFilePositionOfAColumn() throws {
        let result = try CommandRunner.spawn(
            ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age", "--weights", "wt.loss"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("datasets/lung.csv: line 6, column \"wt.loss\" (10): expected a positive case weight"))
    }

    @Test func anUnknownColumnIsOfferedEveryHeaderName() throws {
        let result = try CommandRunner.spawn(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ agee"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "column \"agee\": unknown column (did you mean \"age\"?); available columns: \"inst\", \"time\", \"status\", \"age\","
                + " \"sex\", \"ph.ecog\", \"ph.karno\", \"pat.karno\", \"meal.cal\", \"wt.loss\""))
    }

    @Test func optionColumnsAreRead() throws {
        let cif = try CommandRunner.spawn(
            ["cif", "datasets/sarcoma_patients.csv", "--formula", "Surv(os_years, os_status) ~ sex",
             "--competing-status", "dm_status", "--subset", "age > 50", "--format", "json"])
        #expect(cif.status == 0, "\(cif.stderr)")
        let clash = try CommandRunner.spawn(
            ["km", "datasets/sarcoma_patients.csv", "--formula", "Surv(os_years, os_status) ~ 1",
             "--duration", "age=surgery_date:last_followup_date:years"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("column \"age\" (2): --duration age=surgery_date:last_followup_date:years would replace"))
    }
}
