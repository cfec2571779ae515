#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import SurvivalKit

// StatisticalFileReader reads only from a path, so the bytes go to one
// scratch file per process under /tmp (written for every input, removed after it).
//
// Byte 0 chooses the format (bits 0-1: .dta, .sav, .xpt, .sas7bdat) and
// the value-label mode (bit 2: codes instead of labels); the rest is the file.
private let scratchBase = "/tmp/survkit-fuzz-statfile-\(getpid())"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let selector = data[0]
    let formats: [(InputDescription.Format, String)] = [
        (.dta, "dta"), (.sav, "sav"), (.xpt, "xpt"), (.sas7bdat, "sas7bdat"),
    ]
    let (format, ext) = formats[Int(selector & 3)]
    let path = "\(scratchBase).\(ext)"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return 0 }
    var written = 0
    while written < size - 1 {
        let n = write(fd, data + 1 + written, size - 1 - written)
        if n <= 0 { break }
        written += n
    }
    close(fd)
    let reader = StatisticalFileReader(valueLabels: selector & 4 != 0 ? .codes : .labels)
    ignoringErrors {
        let cohort = try reader.read(path: path, format: format)
        _ = cohort.rowCount
        _ = cohort.columnDescriptions()
    }
    unlink(path)
    return 0
}
