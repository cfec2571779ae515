// import-bench: times the CSV import of a cohort file through `CSVReader` and
// the model-frame build (`Formula.modelFrame`) for `Surv(time, status) ~ x1 + … + xK`,
// as the `survkit` CLI does before a Cox fit (issue #2: 1 million rows × 20
// columns without per-row allocation).
//
//   import-bench CSV_PATH [--reps N] [--formula "Surv(time, status) ~ x16 + x17"]
//
// The file is the one `cox-bench` writes (columns time, status, x1 … x20).
// The default formula uses all 20 covariates; the frame is built as
// `survkit cox` builds it (`Formula.modelFrame`: no survfit-style groups).
// Prints the best time of each step and the peak RSS.
import BenchmarkSupport
import Foundation
import SurvivalKit



let args = CommandLine.arguments
let path = args.count > 1 ? args[1] : "/tmp/cox-bench.csv"
let reps = args.firstIndex(of: "--reps").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 3
let formulaText = args.firstIndex(of: "--formula").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    ?? "Surv(time, status) ~ " + (1...20).map { "x\($0)" }.joined(separator: " + ")
let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0

var bestRead = Double.infinity, bestFrame = Double.infinity
var rows = 0, columns = 0, designColumns = 0
for _ in 0..<reps {
    let t0 = now()
    let cohort = try CSVReader().read(path: path)
    let t1 = now()
    let formula = try Formula(formulaText)
    // modelFrame builds no survfit-style groups (that is groupingFrame), as survkit cox
    let frame = try formula.modelFrame(on: cohort)
    let t2 = now()
    bestRead = min(bestRead, t1 - t0)
    bestFrame = min(bestFrame, t2 - t1)
    rows = frame.count
    columns = cohort.columns.count
    designColumns = frame.design.columns
}
print(String(format: "import: %@ (%.0f MB), %d rows × %d columns", path, Double(bytes) / 1_048_576, rows, columns))
print(String(format: "CSVReader.read: %.3f s (best of %d), %.0f MB/s", bestRead, reps, Double(bytes) / 1_048_576 / bestRead))
print(String(format: "model frame %@ (%d design columns): %.3f s (best of %d)", formulaText, designColumns, bestFrame, reps))
print(String(format: "read + frame: %.3f s, peak RSS %.0f MB", bestRead + bestFrame, peakRSSMegabytes()))
