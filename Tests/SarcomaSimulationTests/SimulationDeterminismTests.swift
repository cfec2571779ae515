import Foundation
import Testing

@testable import SarcomaSimulation

@Suite("Sarcoma simulator: determinism and file structure")
struct SimulationDeterminismTests {
    @Test func splitMix64MatchesVignaReferenceOutputs() {
        // First five outputs of Vigna's splitmix64.c for seed 1234567 (the values quoted with the
        // reference implementation; re-derived with an independent Python transcription).
        var rng = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in rng.next() } == expected)
    }

    @Test func uniformDrawsStayInsideTheOpenUnitInterval() {
        var rng = SplitMix64(seed: 0)
        let draws = (0..<10_000).map { _ in rng.uniform() }
        #expect(draws.allSatisfy { $0 > 0 && $0 < 1 })
        // Mean of 10,000 U(0,1) has SD 1/√120000 ≈ 0.0029; allow 5 SD.
        #expect(abs(draws.reduce(0, +) / 10_000 - 0.5) < 0.015)
    }

    @Test func calendarDaysMatchTheProlepticGregorianCalendar() {
        // Day numbers from Python's datetime.date(...) - date(1970, 1, 1).
        #expect(CalendarDay(year: 2000, month: 1, day: 1).daysSince1970 == 10_957)
        #expect(CalendarDay(year: 2024, month: 12, day: 31).daysSince1970 == 20_088)
        #expect(CalendarDay(year: 1900, month: 3, day: 1).daysSince1970 == -25_508)
        #expect(CalendarDay(daysSince1970: 11_016).description == "2000-02-29")
        for day in stride(from: -30_000, through: 30_000, by: 37) {
            let (y, m, d) = CalendarDay(daysSince1970: day).components
            #expect(CalendarDay(year: y, month: m, day: d).daysSince1970 == day)
        }
    }

    @Test func fixedDecimalFormatterIsLocaleFreeAndRoundsHalfAway() {
        #expect(SarcomaCohortWriter.fixed(0, 4) == "0.0000")
        #expect(SarcomaCohortWriter.fixed(1.0 / 365.25, 4) == "0.0027")
        #expect(SarcomaCohortWriter.fixed(59.96, 1) == "60.0")
        #expect(SarcomaCohortWriter.fixed(-0.00001, 4) == "0.0000")
        #expect(SarcomaCohortWriter.fixed(-2.5, 0) == "-3")
        #expect(SarcomaCohortWriter.fixed(12.05, 4) == "12.0500")
    }

    @Test func patientIIsTheSameWhateverTheCohortSize() {
        let simulator = SarcomaSimulator(seed: 20_261_124)
        let small = simulator.cohort(n: 50)
        let large = simulator.cohort(n: 300)
        #expect(small == Array(large.prefix(50)))
        #expect(simulator.patient(37) == large[36])
        #expect(large.map(\.id) == Array(1...300))
    }

    @Test func differentSeedsGiveDifferentCohorts() {
        let a = SarcomaSimulator(seed: 1).cohort(n: 20)
        let b = SarcomaSimulator(seed: 2).cohort(n: 20)
        #expect(a != b)
    }

    @Test func sameSeedWritesByteIdenticalFiles() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("sarcoma-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let first = base.appendingPathComponent("a")
        let second = base.appendingPathComponent("b")
        try SarcomaCohortWriter.write(n: 400, seed: 20_261_124, to: first)
        try SarcomaCohortWriter.write(n: 400, seed: 20_261_124, to: second)
        for name in [
            SarcomaCohortWriter.patientsFileName, SarcomaCohortWriter.recurrencesFileName,
            SarcomaCohortWriter.codebookFileName,
        ] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(!a.isEmpty)
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
    }

    @Test func patientsObeyTheRecipesTimingRules() {
        let patients = SarcomaSimulator(seed: 7).cohort(n: 3000)
        for p in patients {
            #expect(p.symptomDate <= p.diagnosisDate)
            #expect(p.diagnosisDate.daysSince1970 <= p.surgeryDate.daysSince1970 - 7)
            #expect(p.diagnosisDate.daysSince1970 >= p.surgeryDate.daysSince1970 - 42)
            #expect(p.surgeryDate >= CalendarDay(year: 2000, month: 1, day: 1))
            #expect(p.surgeryDate <= CalendarDay(year: 2020, month: 12, day: 31))
            #expect(p.lastFollowUpDate <= SarcomaSimulator.dataCut)
            #expect(p.lastFollowUpDate == p.surgeryDate + p.followUpDays)
            #expect(p.followUpDays >= 1)
            #expect((p.deathCause == .none) == !p.died)
            #expect(!(p.died && p.lostToFollowUp))
            // §3: metastasis only before sarcoma deaths (latent), strictly before the end.
            if let dm = p.metastasisDay {
                #expect(dm >= 1 && dm < p.followUpDays)
                #expect(p.deathCause != .other)
            }
            // §4–§5: recurrences strictly increasing, before the end, at most 10.
            #expect(p.recurrenceDays.count <= 10)
            #expect(zip(p.recurrenceDays, p.recurrenceDays.dropFirst()).allSatisfy { $0 < $1 })
            #expect(p.recurrenceDays.allSatisfy { $0 >= 1 && $0 < p.followUpDays })
            #expect(!p.scalp || p.site == .headNeck)
            #expect(p.surgery == .wle || (p.depth == .dermal && p.sizeCm <= 3 && !p.radiotherapy))
        }
    }

    @Test func recurrenceFileHasOneIntervalPerRecurrencePlusTheLast() {
        let patients = SarcomaSimulator(seed: 11).cohort(n: 500)
        let rows = SarcomaCohortWriter.recurrencesCSV(patients)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(rows.count == patients.reduce(0) { $0 + $1.recurrenceCount + 1 })
        let byID = Dictionary(grouping: rows, by: { Int($0[0]) ?? -1 })
        for p in patients {
            let intervals = byID[p.id] ?? []
            #expect(intervals.count == p.recurrenceCount + 1)
            #expect(intervals.first?[2] == "0.0000")
            #expect(intervals.last?[3] == Substring(SarcomaCohortWriter.years(p.followUpDays)))
            #expect(intervals.last?[4] == "0")
            #expect(intervals.map { $0[4] }.filter { $0 == "1" }.count == p.recurrenceCount)
            for (a, b) in zip(intervals, intervals.dropFirst()) { #expect(a[3] == b[2]) }
        }
        let header = SarcomaCohortWriter.patientsCSV([]).split(separator: "\n")
        #expect(header.count == 1)
        #expect(header[0].split(separator: ",").count == SarcomaCohortWriter.patientColumns.count)
    }
}
