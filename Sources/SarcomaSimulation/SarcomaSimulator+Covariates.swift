import Foundation

/// §1 of the recipe: baseline covariates, drawn in the recipe's order from the
/// patient's stream. Every step draws the same number of variates whatever the
/// patient's other values (e.g. the scalp and Mohs uniforms are drawn even when
/// they cannot apply), so the stream layout is the same for all patients and a
/// change to one probability never shifts later draws.
struct SarcomaCovariates {
    var site: SarcomaPatient.Site
    var scalp: Bool
    var depth: SarcomaPatient.Depth
    var age: Double
    var sex: SarcomaPatient.Sex
    var sizeCm: Double
    var grade: Int
    var mitoses: Int
    var ki67: Int
    var surgery: SarcomaPatient.Surgery
    var margin: SarcomaPatient.Margin
    var radiotherapy: Bool
    var chemotherapy: Bool
    var delayMonths: Double
    var misdiagnosed: Bool

    init(drawingFrom rng: inout SplitMix64) {
        // Site: extremity .42, trunk .13, RP .35, H&N .10; 35% of H&N on the scalp.
        let siteIndex = rng.categorical([0.42, 0.13, 0.35, 0.10])
        site = SarcomaPatient.Site.allCases[siteIndex]
        let scalpDraw = rng.bernoulli(0.35)
        scalp = site == .headNeck && scalpDraw

        // Depth: P(dermal, subcutaneous, deep) by site.
        let depthProbabilities: [Double] = switch site {
        case .extremity: [0.15, 0.20, 0.65]
        case .trunk: [0.15, 0.25, 0.60]
        case .retroperitoneum: [0, 0, 1]
        case .headNeck: [0.45, 0.20, 0.35]
        }
        depth = SarcomaPatient.Depth.allCases[rng.categorical(depthProbabilities)]

        // Age: N(59, 14) + 5 if dermal, clipped to 18–95, one decimal.
        let rawAge = 59 + 14 * rng.normal() + (depth == .dermal ? 5 : 0)
        age = Self.roundTo10th(min(max(rawAge, 18), 95))

        // Sex: P(female) by site.
        let pFemale: Double = switch site {
        case .extremity: 0.48
        case .trunk: 0.45
        case .retroperitoneum: 0.65
        case .headNeck: 0.35
        }
        sex = rng.bernoulli(pFemale) ? .female : .male

        // Size: lognormal with median (σ) by depth and site; one decimal, clipped 0.3–40 cm.
        let (median, sigma): (Double, Double) = switch (depth, site) {
        case (.dermal, .headNeck): (1.2, 0.5)
        case (.dermal, _): (1.4, 0.5)
        case (.subcutaneous, .headNeck): (2.5, 0.55)
        case (.subcutaneous, _): (3.0, 0.55)
        case (.deep, .extremity): (7.0, 0.6)
        case (.deep, .trunk): (6.5, 0.6)
        case (.deep, .retroperitoneum): (11.0, 0.6)
        case (.deep, .headNeck): (3.5, 0.6)
        }
        sizeCm = min(max(Self.roundTo10th(rng.lognormal(median: median, sigma: sigma)), 0.3), 40)

        // FNCLCC grade by depth.
        let gradeProbabilities: [Double] = switch depth {
        case .dermal: [0.70, 0.25, 0.05]
        case .subcutaneous: [0.25, 0.40, 0.35]
        case .deep: [0.12, 0.38, 0.50]
        }
        grade = rng.categorical(gradeProbabilities) + 1

        // Mitoses and Ki-67: log-normal around grade medians, latent normals with correlation 0.6.
        let z1 = rng.normal()
        let z2 = 0.6 * z1 + 0.8 * rng.normal()  // √(1 − 0.6²) = 0.8
        let mitosisMedian = [4.0, 12.0, 25.0][grade - 1]
        let ki67Median = [6.0, 15.0, 32.0][grade - 1]
        mitoses = Int(exp(log(mitosisMedian) + 0.6 * z1).rounded())
        ki67 = min(max(Int(exp(log(ki67Median) + 0.5 * z2).rounded()), 1), 95)

        // Surgery: Mohs for dermal tumours ≤ 3 cm outside the RP with p .50 (H&N) or .25.
        let mohsDraw = rng.uniform()
        let mohsEligible = depth == .dermal && sizeCm <= 3 && site != .retroperitoneum
        surgery = mohsEligible && mohsDraw < (site == .headNeck ? 0.50 : 0.25) ? .mohs : .wle

        // Margin: Mohs, then dermal WLE, then by site.
        let marginProbabilities: [Double] =
            if surgery == .mohs { [0.98, 0.02, 0] }
            else if depth == .dermal { [0.90, 0.09, 0.01] }
            else {
                switch site {
                case .extremity, .trunk: [0.80, 0.17, 0.03]
                case .retroperitoneum: [0.66, 0.28, 0.06]
                case .headNeck: [0.70, 0.27, 0.03]
                }
            }
        margin = SarcomaPatient.Margin.allCases[rng.categorical(marginProbabilities)]

        // Radiotherapy: 0 after Mohs; .05 dermal; .25 RP; G1 .15; G2–3 deep .65, subcut .40;
        // +.15 if R1/R2, capped at .9.
        var pRT: Double =
            if depth == .dermal { 0.05 }
            else if site == .retroperitoneum { 0.25 }
            else if grade == 1 { 0.15 }
            else if depth == .deep { 0.65 }
            else { 0.40 }
        if margin != .r0 { pRT = min(pRT + 0.15, 0.9) }
        if surgery == .mohs { pRT = 0 }
        radiotherapy = rng.bernoulli(pRT)

        // Chemotherapy: .35 if G3, deep and > 5 cm; .12 other deep G2–3; .02 otherwise.
        let pChemo: Double =
            if depth == .deep && grade == 3 && sizeCm > 5 { 0.35 }
            else if depth == .deep && grade >= 2 { 0.12 }
            else { 0.02 }
        chemotherapy = rng.bernoulli(pChemo)

        // Delay: lognormal median 4 months (2.5 for G3), σ .9; misdiagnosis (p .35 superficial,
        // .15 deep) adds a lognormal delay with median 6 months, σ .8.
        var delay = rng.lognormal(median: grade == 3 ? 2.5 : 4.0, sigma: 0.9)
        misdiagnosed = rng.bernoulli(depth == .deep ? 0.15 : 0.35)
        let extra = rng.lognormal(median: 6.0, sigma: 0.8)
        if misdiagnosed { delay += extra }
        delayMonths = Self.roundTo10th(delay)
    }

    /// Rounds to one decimal (half away from zero), as the CSV prints it.
    static func roundTo10th(_ x: Double) -> Double {
        (x * 10).rounded() / 10
    }
}
