import FuzzSupport
import SurvivalKit

// libFuzzer supplies main(); a single non-main.swift file is compiled with -parse-as-library.
//
// Byte 0 chooses the CSV options; the rest is the file's bytes:
//   bit 0      decimal comma
//   bits 1-2   encoding: none (UTF-8 checked), utf-8, latin1, windows-1252
//   bits 3-5   delimiter: detected, comma, semicolon, tab, pipe (5-7: detected)
//   bit 6      extra missing tokens "-99" and "n/a"
//   bit 7      date format: the first-bit-0 half %d/%m/%Y, with bit 0 set excel
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let all = UnsafeBufferPointer(start: data, count: size)
    let selector = all[0]
    let bytes = Array(all.dropFirst())
    var options = CSVOptions()
    options.decimal = selector & 1 != 0 ? .comma : .point
    switch (selector >> 1) & 3 {
    case 1: options.encoding = .utf8
    case 2: options.encoding = .latin1
    case 3: options.encoding = .windows1252
    default: options.encoding = nil
    }
    switch (selector >> 3) & 7 {
    case 1: options.delimiter = .comma
    case 2: options.delimiter = .semicolon
    case 3: options.delimiter = .tab
    case 4: options.delimiter = .pipe
    default: options.delimiter = nil
    }
    if selector & 64 != 0 { options.extraMissingTokens = ["-99", "n/a"] }
    if selector & 128 != 0 {
        options.dateFormat = selector & 1 != 0 ? .excel : DateFormat(argument: "%d/%m/%Y")
    }
    ignoringErrors {
        let cohort = try CSVReader(options: options).read(bytes: bytes, fileName: "fuzz.csv")
        // Touch the result so that the columns are materialised and described.
        _ = cohort.rowCount
        _ = cohort.columnDescriptions()
    }
    return 0
}
