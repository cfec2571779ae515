import Foundation
import Testing
@testable import CohortData

/// A dataset rewritten as a European export: `;` between fields and `,` as the
/// decimal mark (numbers only; header names such as `ph.ecog` keep their dots).
func europeanCSV(_ path: String) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines: [String] = []
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { field -> String in
            k > 0 && Double(field) != nil ? field.replacingOccurrences(of: ".", with: ",") : String(field)
        }
        lines.append(fields.joined(separator: ";"))
    }
    return lines.joined(separator: "\n")
}

/// Equal names and columns, missing values (NaN) equal to each other.
func sameData(_ a: Cohort, _ b: Cohort) -> Bool {
    guard a.names == b.names, a.rowCount == b.rowCount else { return false }
    for (x, y) in zip(a.columns, b.columns) {
        switch (x, y) {
        case (.numeric(let u), .numeric(let v)), (.date(let u), .date(let v)):
            guard u.count == v.count, zip(u, v).allSatisfy({ $0 == $1 || ($0.isNaN && $1.isNaN) }) else { return false }
        default:
            guard x == y else { return false }
        }
    }
    return true
}

@Suite("CSV delimiter detection and decimal comma")
struct CSVDialectDetectionTests {
    @Test(arguments: ["lung.csv", "pbc.csv"])
    func semicolonAndDecimalCommaReadAsThePlainFile(_ name: String) throws {
        let plain = try CSVReader().read(path: datasetPath(name))
        let text = try europeanCSV(datasetPath(name))
        #expect(text.contains("58,7652292950034") || name != "pbc.csv")
        let european = try cohort(text, CSVOptions(decimal: .comma))
        #expect(sameData(plain, european))
        #expect(european.input == InputDescription(format: .csv, delimiter: ";", decimal: ","))
        #expect(plain.input == InputDescription(format: .csv, delimiter: ",", decimal: "."))
        // Given explicitly, the same.
        let explicit = try cohort(text, CSVOptions(delimiter: .semicolon, decimal: .comma))
        #expect(sameData(plain, explicit))
    }

    @Test func tabAndPipeAreDetected() throws {
        let tab = try cohort("time\tstatus\tsite\n5\t1\tnorth east\n7,5\t0\tsouth\n", CSVOptions(decimal: .comma))
        #expect(tab.input.delimiter == "\t")
        #expect(tab.column(named: "time")?.numbers == [5, 7.5])
        #expect(tab.column(named: "site")?.levelsAndCodes?.0 == ["north east", "south"])
        let pipe = try cohort("time|status\n5|1\n7.5|0\n")
        #expect(pipe.input.delimiter == "|")
        #expect(pipe.column(named: "time")?.numbers == [5, 7.5])
        #expect(CSVOptions.Delimiter(argument: "|") == .pipe)
        #expect(CSVOptions.Delimiter(argument: "pipe") == .pipe)
    }

    @Test func explicitDelimiterWins() throws {
        let text = "a;b\n1;2\n"
        #expect(try cohort(text).names == ["a", "b"])
        let comma = try cohort(text, CSVOptions(delimiter: .comma))
        #expect(comma.names == ["a;b"])
        #expect(comma.input.delimiter == ",")
    }

    @Test func commaWinsTiesAndOneColumnIsComma() throws {
        // Both comma and semicolon give two fields everywhere: comma comes first.
        #expect(try cohort("a,b;c\n1,2;3\n").names == ["a", "b;c"])
        let one = try cohort("time\n1\n2\n")
        #expect(one.input.delimiter == ",")
        #expect(one.column(named: "time")?.numbers == [1, 2])
        // With the decimal comma, a one-column file is not split at its commas.
        let decimal = try cohort("age\n74,5\n68\n", CSVOptions(decimal: .comma))
        #expect(decimal.input.delimiter == ";")
        #expect(decimal.column(named: "age")?.numbers == [74.5, 68])
    }

    @Test func delimitersInsideQuotesDoNotCount() throws {
        let c = try cohort("name;age\n\"Smith, J\";40\n\"Doe, A\";50\n")
        #expect(c.input.delimiter == ";")
        #expect(c.column(named: "name")?.levelsAndCodes?.0 == ["Doe, A", "Smith, J"])
        #expect(try cohort("\"x;y\",b\n\"1;2\",3\n").names == ["x;y", "b"])
    }

    @Test func raggedRowsAmongTheFirstRecordsKeepTheWidestHeader() {
        let error = cohortError { try cohort("a;b;c\n1;2;3\n1;2\n") }
        #expect(error?.description == "test.csv: line 3, column \"c\" (3): expected 3 fields, found 2")
    }

    @Test func raggedRowSuggestsTheDelimiterThatFits() {
        let text = "time;status;age\n306;2;74,5\n455;2;68\n"
        let error = cohortError { try cohort(text, CSVOptions(delimiter: .comma)) }
        #expect(error?.kind == .raggedRow)
        #expect(error?.description == "test.csv: line 2: expected 1 fields, found 2; every row has 3 fields with --delimiter \";\"")
        let tabs = cohortError { try cohort("a,b\tc\n1,2\t3\n4\t5\n", CSVOptions(delimiter: .comma)) }
        #expect(tabs?.description == "test.csv: line 3, column \"b\tc\" (2): expected 2 fields, found 1; every row has 2 fields with --delimiter tab")
        // No hint when no other delimiter fits.
        let plain = cohortError { try cohort("a,b,c\n1,2,3\n4,5\n") }
        #expect(plain?.description == "test.csv: line 3, column \"c\" (3): expected 3 fields, found 2")
    }

    @Test func inputRecordsTheDialect() throws {
        let options = CSVOptions(decimal: .comma, encoding: .latin1, dateFormat: DateFormat(argument: "%d/%m/%Y"))
        let c = try cohort("a|b\n1,5|01/02/2020\n", options)
        #expect(c.input == InputDescription(
            format: .csv, delimiter: "|", decimal: ",", encoding: "latin1", dateFormat: "%d/%m/%Y"))
        #expect(c.column(named: "a")?.numbers == [1.5])
    }
}

@Suite("Number parser with the decimal comma")
struct NumberParserDecimalCommaTests {
    @Test func decimalCommaNumbers() {
        let parser = NumberParser(decimalMark: UInt8(ascii: ","))
        #expect(parser.parse("74,5") == 74.5)
        #expect(parser.parse("-1,5e3") == -1500)
        #expect(parser.parse("0,1") == 0.1)
        #expect(parser.parse(",5") == 0.5)
        #expect(parser.parse("12") == 12)
        #expect(parser.parse("Inf") == .infinity)
        // The long mantissa goes through strtod (with the comma made a point).
        #expect(parser.parse("0,1000000000000000055511151231257827") == 0.1)
        #expect(parser.parse("1,0000000000000002220446049250313") == 1.0000000000000002)
        // A decimal point is not a number then, nor are thousands separators.
        #expect(parser.parse("74.5") == nil)
        #expect(parser.parse("1.000,5") == nil)
        #expect(parser.parse("0.1000000000000000055511151231257827") == nil)
        // And the default parser does not read the comma.
        #expect(NumberParser().parse("74,5") == nil)
    }
}
