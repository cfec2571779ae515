import Foundation
import Testing
@testable import CohortData

@Suite("gzip-compressed input")
struct GzipInputTests {
    /// A fresh temporary folder, removed by `body`'s end.
    func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    /// `gzip -n -c` of `bytes` (no name or time stamp in the header).
    func gzip(_ bytes: [UInt8], in dir: URL) throws -> [UInt8] {
        let plain = dir.appendingPathComponent("plain-\(UUID().uuidString)")
        try Data(bytes).write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c", plain.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return Array(data)
    }

    @Test func lungCSVGzReadsAsLungCSV() throws {
        try withFolder { dir in
            let plain = try CSVReader().read(path: datasetPath("lung.csv"))
            let compressed = try gzip(Array(Data(contentsOf: URL(fileURLWithPath: datasetPath("lung.csv")))), in: dir)
            let path = dir.appendingPathComponent("lung.csv.gz")
            try Data(compressed).write(to: path)
            let c = try CSVReader().read(path: path.path)
            #expect(sameData(plain, c))
            #expect(c.input == InputDescription(format: .csv, delimiter: ",", decimal: "."))
            #expect(c.line(ofRow: 227) == 229)
        }
    }

    @Test func gzipIsRecognisedByItsMagicBytesAndMembersConcatenate() throws {
        try withFolder { dir in
            // Two members, as `cat a.gz b.gz`; a semicolon file, detected after decompression.
            let bytes = try gzip(Array("a;b\n1;2\n".utf8), in: dir) + gzip(Array("3;4\n".utf8), in: dir)
            let c = try cohort(bytes: bytes, file: "<stdin>")
            #expect(c.column(named: "a")?.numbers == [1, 3])
            #expect(c.column(named: "b")?.numbers == [2, 4])
            #expect(c.input.delimiter == ";")
            // A .gz name without gzip data is read as it is.
            let path = dir.appendingPathComponent("already-unpacked.csv.gz")
            try Data("a,b\n1,2\n".utf8).write(to: path)
            #expect(try CSVReader().read(path: path.path).rowCount == 1)
        }
    }

    @Test func truncatedAndCorruptGzipNameTheFile() throws {
        try withFolder { dir in
            let text = Array("time,status\n1,1\n2,0\n".utf8)  // 20 bytes
            let compressed = try gzip(text, in: dir)
            // Without its 8-byte trailer (CRC and size) the data is truncated.
            let truncated = cohortError { try cohort(bytes: Array(compressed.dropLast(8)), file: "cut.csv.gz") }
            #expect(truncated?.kind == .io)
            #expect(truncated?.description == "cut.csv.gz: corrupt gzip data (unexpected end of data) after 20 bytes of "
                + "text: the file is damaged or truncated; compress the CSV again (gzip FILE.csv) or read the uncompressed file")
            // A wrong CRC.
            var corrupt = compressed
            corrupt[corrupt.count - 8] ^= 0xFF
            let crc = cohortError { try cohort(bytes: corrupt, file: "bad.csv.gz") }
            #expect(crc?.description == "bad.csv.gz: corrupt gzip data (incorrect data check) after 20 bytes of text: the "
                + "file is damaged or truncated; compress the CSV again (gzip FILE.csv) or read the uncompressed file")
            // Only the magic bytes.
            #expect(cohortError { try cohort(bytes: [0x1F, 0x8B], file: "x.gz") }?.kind == .io)
        }
    }
}
