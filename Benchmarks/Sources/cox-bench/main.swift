// cox-bench: generates a seeded cohort (default 1,000,000 rows × 20 covariates,
// day-rounded times with about 3,000 distinct values, about 65 % events), writes
// it as CSV for R, and times SurvivalKit's Cox fit with Efron and Breslow ties.
//
//   cox-bench CSV_PATH [ROWS] [--no-csv] [--ties efron|breslow] [--reps N]
//
// Prints one line per fit (seconds, iterations, peak RSS) and writes the
// coefficients to CSV_PATH.swift-coef.csv for benchmarks/compare.sh.
import BenchmarkSupport
import Foundation
import SurvivalKit




let args = CommandLine.arguments
let csvPath = args.count > 1 ? args[1] : "/tmp/cox-bench.csv"
let n = args.count > 2 ? Int(args[2]) ?? 1_000_000 : 1_000_000
let writeCSV = !args.contains("--no-csv")
func option(_ name: String) -> String? {
    guard let k = args.firstIndex(of: name), k + 1 < args.count else { return nil }
    return args[k + 1]
}
let reps = option("--reps").flatMap { Int($0) } ?? 3
let tiesToRun: [CoxTies] = option("--ties").map { $0 == "efron" ? [.efron] : [.breslow] } ?? [.efron, .breslow]
let p = 20

// Covariates: 15 standard normal, 5 binary (prevalence 0.3). True log hazard ratios ±0.05…0.4.
var rng = SplitMix64(state: 20_240_601)
var design = [Double](repeating: 0, count: n * p)
let trueBeta: [Double] = (0..<p).map { (j: Int) -> Double in
    let sign: Double = j % 2 == 0 ? 1 : -1
    return sign * 0.05 * Double(1 + j % 8)
}
var time = [Double](repeating: 0, count: n)
var status = [Int](repeating: 0, count: n)
for i in 0..<n {
    var eta = 0.0
    for j in 0..<p {
        let v = j < 15 ? rng.normal() : (rng.uniform() < 0.3 ? 1 : 0)
        design[i + j * n] = v
        eta += trueBeta[j] * v
    }
    // Exponential event time (median about 700 days), uniform censoring, 3,000-day follow-up.
    let t = -log(rng.uniform()) / (0.001 * exp(eta))
    let c = 200 + 4000 * rng.uniform()
    let end = min(t, c, 3000)
    time[i] = max(1, end.rounded(.up))
    status[i] = t <= min(c, 3000) ? 1 : 0
}
let events = status.reduce(0, +)
let distinct = Set(time).count
print("cohort: \(n) rows × \(p) covariates, \(events) events (\(String(format: "%.1f", 100 * Double(events) / Double(n))) %), \(distinct) distinct times")

if writeCSV {
    var out = "time,status," + (1...p).map { "x\($0)" }.joined(separator: ",") + "\n"
    out.reserveCapacity(n * 200)
    for i in 0..<n {
        out += "\(Int(time[i])),\(status[i])"
        for j in 0..<p { out += "," + String(design[i + j * n]) }
        out += "\n"
    }
    try out.write(toFile: csvPath, atomically: false, encoding: .utf8)
    print("wrote \(csvPath)")
}

let frame = ModelFrame(
    response: SurvivalResponse(stop: time, status: status),
    design: Matrix(rows: n, columns: p, columnMajor: design),
    termNames: (1...p).map { "x\($0)" }, termOfColumn: (1...p).map { "x\($0)" },
    strata: nil, cluster: nil, offset: nil, weights: nil,
    rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n), warnings: [])
design = []

var coefLines = ["ties,term,coef"]
for ties in tiesToRun {
    var best = Double.infinity
    var fitted: CoxFit?
    for _ in 0..<reps {
        let t0 = now()
        let fit = try CoxModel.fit(frame, options: CoxOptions(ties: ties))
        best = min(best, now() - t0)
        fitted = fit
    }
    guard let fit = fitted else { continue }
    let r = fit.result
    print(String(format: "swift %@: %.3f s (best of %d), %d iterations, loglik %.6f, peak RSS %.0f MB",
                 ties.rawValue, best, reps, r.iterations, r.loglik, peakRSSMegabytes()))
    for (j, c) in r.coefficients.enumerated() {
        coefLines.append("\(ties.rawValue),\(c.term),\(c.coef.map { String($0) } ?? "NA")")
        _ = j
    }
}
try (coefLines.joined(separator: "\n") + "\n").write(toFile: csvPath + ".swift-coef.csv", atomically: true, encoding: .utf8)
print("design matrix: \(String(format: "%.0f", Double(n * p * 8) / 1_048_576)) MB")
