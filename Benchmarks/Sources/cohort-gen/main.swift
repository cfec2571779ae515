// cohort-gen: writes a seeded, deterministic synthetic cohort as CSV, fast
// (rows are generated in blocks on all cores, each block from its own seeded
// stream, and written in order with large buffered writes).
//
//   cohort-gen OUT.csv ROWS [--covariates 20|0] [--seed S] [--block ROWS]
//
// --covariates 20 (default): columns time, status, x1 … x20, g — 15 standard normal
//   and 5 binary (prevalence 0.3) covariates with log hazard ratios ±0.05 … 0.4 as
//   cox-bench, plus a 3-level group g (A 50 %, B 30 %, C 20 %; log hazard ratios
//   0, +0.25, −0.2). Exponential event times (median about 700 days), uniform
//   censoring on 200–4200 days, administrative end at 3,000 days, times rounded up
//   to whole days (3,000 distinct times), about 70 % events. Covariates are written
//   at full double precision (Swift's shortest round-trip form), ≈ 345 bytes a row.
// --covariates 0: columns time, status, g only (the linear predictor is g's log
//   hazard ratio plus 0.6 × a standard normal), ≈ 9 bytes a row.
//
// The output depends only on ROWS, the seed, the block size and --covariates, not
// on the number of cores. The file is written to OUT.csv.tmp and renamed at the
// end, so an interrupted run never leaves a truncated OUT.csv behind.
import BenchmarkSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif



func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("cohort-gen: " + message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let k = args.firstIndex(of: name), k + 1 < args.count else { return nil }
    return args[k + 1]
}
guard args.count >= 3, let rows = Int(args[2].replacingOccurrences(of: "_", with: "")), rows > 0 else {
    fail("usage: cohort-gen OUT.csv ROWS [--covariates 20|0] [--seed S] [--block ROWS]")
}
let outPath = args[1]
let p = option("--covariates").flatMap { Int($0) } ?? 20
guard p == 20 || p == 0 else { fail("--covariates must be 20 or 0") }
let seed = option("--seed").flatMap { UInt64($0) } ?? 20_240_601
let blockRows = max(1_000, option("--block").flatMap { Int($0) } ?? 65_536)

struct BlockStats { var events = 0; var groups = [0, 0, 0] }

/// Everything a block needs; a value type so the blocks can run concurrently.
struct Generator: Sendable {
    let p: Int
    let seed: UInt64
    let trueBeta: [Double] = (0..<20).map { (j: Int) -> Double in
        let sign: Double = j % 2 == 0 ? 1 : -1
        return sign * 0.05 * Double(1 + j % 8)
    }
    let groupLabel: [UInt8] = [UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "C")]
    let groupEffect: [Double] = [0, 0.25, -0.2]

    @inline(__always) func appendInt(_ v: Int, to buf: inout [UInt8]) {
        if v < 10 { buf.append(UInt8(48 + v)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = v, k = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while n > 0 { d[k] = UInt8(48 + n % 10); n /= 10; k += 1 }
            while k > 0 { k -= 1; buf.append(d[k]) }
        }
    }

    /// Generates the `count` rows of block `b` into `buf`.
    func generate(block b: Int, count: Int, into buf: inout [UInt8]) -> BlockStats {
        var rng = SplitMix64(state: seed &+ UInt64(b) &* 0xD1B5_4A32_D192_ED03)
        _ = rng.next()
        var stats = BlockStats()
        buf.removeAll(keepingCapacity: true)
        var x = [Double](repeating: 0, count: 20)
        for _ in 0..<count {
            let ug = rng.uniform()
            let g = ug < 0.5 ? 0 : (ug < 0.8 ? 1 : 2)
            var eta = groupEffect[g]
            if p == 20 {
                for j in 0..<20 {
                    let v = j < 15 ? rng.normal() : (rng.uniform() < 0.3 ? 1.0 : 0.0)
                    x[j] = v
                    eta += trueBeta[j] * v
                }
            } else {
                eta += 0.6 * rng.normal()
            }
            let t = -log(rng.uniform()) / (0.001 * exp(eta))
            let c = 200 + 4000 * rng.uniform()
            let end = min(t, c, 3000)
            let time = Int(max(1, end.rounded(.up)))
            let status = t <= min(c, 3000) ? 1 : 0
            stats.events += status
            stats.groups[g] += 1
            appendInt(time, to: &buf)
            buf.append(UInt8(ascii: ","))
            buf.append(UInt8(48 + status))
            if p == 20 {
                for j in 0..<20 {
                    buf.append(UInt8(ascii: ","))
                    if j >= 15 {
                        // "1.0" / "0.0", as cox-bench writes them
                        buf.append(x[j] == 1 ? 49 : 48); buf.append(46); buf.append(48)
                    } else {
                        var s = x[j].description
                        s.withUTF8 { buf.append(contentsOf: $0) }
                    }
                }
            }
            buf.append(UInt8(ascii: ","))
            buf.append(groupLabel[g])
            buf.append(UInt8(ascii: "\n"))
        }
        return stats
    }
}
let generator = Generator(p: p, seed: seed)

let tmpPath = outPath + ".tmp"
guard let file = fopen(tmpPath, "w") else { fail("cannot open \(tmpPath) for writing") }
let header = p == 20 ? "time,status," + (1...20).map { "x\($0)" }.joined(separator: ",") + ",g\n" : "time,status,g\n"
_ = header.withCString { fputs($0, file) }

let t0 = now()
let nBlocks = (rows + blockRows - 1) / blockRows
let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
let perBatch = cores * 2
/// One output buffer and one result per block of a batch; each concurrent
/// iteration touches only its own element, through the pointers.
final class Slots: @unchecked Sendable {
    let buffers: UnsafeMutableBufferPointer<[UInt8]>
    let stats: UnsafeMutableBufferPointer<BlockStats>
    init(_ n: Int, capacity: Int) {
        buffers = .allocate(capacity: n)
        stats = .allocate(capacity: n)
        for k in 0..<n {
            var b = [UInt8](); b.reserveCapacity(capacity)
            (buffers.baseAddress! + k).initialize(to: b)
            (stats.baseAddress! + k).initialize(to: BlockStats())
        }
    }
}
let slots = Slots(perBatch, capacity: blockRows * (p == 20 ? 400 : 16))
var total = BlockStats()
var bytes = header.utf8.count
var firstBlock = 0
while firstBlock < nBlocks {
    let inBatch = min(perBatch, nBlocks - firstBlock)
    let base = firstBlock
    DispatchQueue.concurrentPerform(iterations: inBatch) { k in
        let b = base + k
        let start = b * blockRows
        let count = min(blockRows, rows - start)
        slots.stats[k] = generator.generate(block: b, count: count, into: &slots.buffers[k])
    }
    for k in 0..<inBatch {
        let written = slots.buffers[k].withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == slots.buffers[k].count else { fail("write to \(tmpPath) failed (disk full?)") }
        bytes += written
        total.events += slots.stats[k].events
        for g in 0..<3 { total.groups[g] += slots.stats[k].groups[g] }
    }
    firstBlock += inBatch
}
guard fclose(file) == 0 else { fail("closing \(tmpPath) failed (disk full?)") }
guard rename(tmpPath, outPath) == 0 else { fail("cannot rename \(tmpPath) to \(outPath)") }
let elapsed = now() - t0
print(String(format: "cohort-gen: wrote %@: %d rows × %d columns, %.1f MB in %.1f s (%.0f MB/s); %.1f %% events; g A/B/C %d/%d/%d; seed %llu",
             outPath, rows, p + 3, Double(bytes) / 1e6, elapsed, Double(bytes) / 1e6 / elapsed,
             100 * Double(total.events) / Double(rows), total.groups[0], total.groups[1], total.groups[2], seed))
