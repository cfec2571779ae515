#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library functions the numerics layer uses, gathered in one
/// place so no other file needs a platform `import`.
enum Libm {
    @inline(__always) static func log(_ x: Double) -> Double { cLibm_log(x) }
    @inline(__always) static func exp(_ x: Double) -> Double { cLibm_exp(x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { cLibm_log1p(x) }
    @inline(__always) static func expm1(_ x: Double) -> Double { cLibm_expm1(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { cLibm_pow(x, y) }
    @inline(__always) static func sin(_ x: Double) -> Double { cLibm_sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { cLibm_cos(x) }
    @inline(__always) static func atan(_ x: Double) -> Double { cLibm_atan(x) }
    @inline(__always) static func tan(_ x: Double) -> Double { cLibm_tan(x) }

    /// `log |Γ(x)|` from the C library (`lgamma_r`, the re-entrant form, so no
    /// global `signgam` is written and concurrent calls are safe).
    static func lgamma(_ x: Double) -> Double {
        #if canImport(Darwin)
        return Darwin.lgamma(x)
        #else
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
        #endif
    }
}

// Module-qualified aliases so the static members above can share the C names.
@inline(__always) private func cLibm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func cLibm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cLibm_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func cLibm_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func cLibm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func cLibm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func cLibm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func cLibm_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func cLibm_tan(_ x: Double) -> Double { tan(x) }
