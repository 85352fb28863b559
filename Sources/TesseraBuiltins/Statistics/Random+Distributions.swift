// RandomVariate and the distributions it draws from.
//
// The distribution heads (NormalDistribution, UniformDistribution, ExponentialDistribution,
// PoissonDistribution, MultinormalDistribution) are inert symbols: a distribution is just its
// expression, read here when a draw is asked for. Draws come from the kernel's generator as packed
// arrays (ziggurat normals and exponentials, PTRS Poisson; TesseraNumerics). A multinormal draw of n
// points is one n x d packed block: standard normals times the Cholesky factor of Sigma with one
// BLAS call, plus mu.
//
// Parameters are checked as Mathematica does: a bad one gives `Dist::posprm` (or `realprm`) and the
// call stays unevaluated.

import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum RandomDistributions {
    static let names: Set<String> = ["NormalDistribution", "UniformDistribution", "ExponentialDistribution",
                                     "PoissonDistribution", "MultinormalDistribution"]

    static let parameterMessages: [String: String] = [
        "posprm": "Parameter `1` at position `2` in `3` is expected to be positive.",
        "realprm": "Parameter `1` at position `2` in `3` is expected to be real.",
        "nnegprm": "Parameter `1` at position `2` in `3` is expected to be non-negative.",
        "ubounds": "The lower bound `1` is expected to be less than the upper bound `2`.",
        "vector": "The mean `1` is expected to be a vector of real numbers.",
        "mtxsym": "The covariance matrix `1` is expected to be a symmetric positive definite matrix.",
    ]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("RandomVariate", messages: [
            "udist": "The specification `1` is not a random distribution recognized by the system.",
        ], randomVariate),
    ] + names.sorted().map { BuiltinSpec($0, attributes: [.protected, .readProtected], messages: parameterMessages) }

    /// A distribution with its parameters as machine numbers.
    enum Distribution {
        case normal(mean: Double, sigma: Double)
        case uniform(lower: Double, upper: Double)
        case uniformBox([(Double, Double)])
        case exponential(rate: Double)
        case poisson(mean: Double)
        case multinormal(mean: PackedArray, covariance: PackedArray)
    }

    static func randomVariate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        guard RandomBuiltins.isDistribution(k, c[0]) else {
            if c[0].headSymbol == nil || c[0].isList(k.sys) { return k.fail(c, "udist", c[0]) }
            return nil
        }
        return try variate(k, c, c[0], single: c.count == 1)
    }

    /// Draws of `distribution`: one (single) or the dimensions in `c[1]`.
    static func variate(_ k: Kernel, _ c: Call, _ distribution: Expr, single: Bool) throws(Interrupt) -> Expr? {
        guard let d = try parse(k, distribution) else { return nil }
        var dims: [Int] = [1]
        if !single { guard let given = RandomBuiltins.dimensions(k, c, 2) else { return nil }; dims = given }
        let state = NumericEngines.random(k)
        do throws(NumericsError) {
            switch d {
            case .normal(let mean, let sigma):
                return RandomBuiltins.result(try state.engine.normals(mean: mean, standardDeviation: sigma, dimensions: dims), single: single)
            case .uniform(let lower, let upper):
                return RandomBuiltins.result(try state.engine.uniformReals(lower: lower, upper: upper, dimensions: dims), single: single)
            case .uniformBox(let bounds):
                let count = dims.reduce(1, *), m = bounds.count
                let out = try zeros(.real, dims + [m])
                let x = out.reals
                for i in 0..<count {
                    for (j, (lower, upper)) in bounds.enumerated() {
                        x[i * m + j] = lower + (upper - lower) * state.engine.nextUnit()
                    }
                }
                return single ? .packed(out.reshaped([m])) : .packed(out)
            case .exponential(let rate):
                return RandomBuiltins.result(try state.engine.exponentials(rate: rate, dimensions: dims), single: single)
            case .poisson(let mean):
                return RandomBuiltins.result(try state.engine.poissons(mean: mean, dimensions: dims), single: single)
            case .multinormal(let mean, let covariance):
                let count = dims.reduce(1, *)
                let draws = try state.engine.multinormals(mean: mean, covariance: covariance, count: count)
                let d = mean.count
                return .packed(single ? draws.reshaped([d]) : draws.reshaped(dims + [d]))
            }
        } catch .notHermitian, .notPositiveDefinite {
            let head = distribution.headSymbol ?? k.sys.General
            k.message(head, "mtxsym", distribution.arguments.last ?? distribution)
            return nil
        } catch {
            try k.abortIfStorage(error)
            return nil
        }
    }

    static func zeros(_ type: PackedType, _ dims: [Int]) throws(NumericsError) -> PackedArray {
        do { return try PackedArray.zeros(type, dims) } catch { throw .storage(error) }
    }

    // MARK: Parameters

    /// The distribution's parameters, checked; nil (after the message) when they are not valid
    /// machine numbers.
    static func parse(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Distribution? {
        guard let head = e.headSymbol else { return nil }
        let p = e.arguments
        func real(_ i: Int) throws(Interrupt) -> Double? {
            guard let x = try RandomBuiltins.real(k, p[i]) else {
                k.message(head, "realprm", p[i], .integer(i + 1), e)
                return nil
            }
            return x
        }
        func positive(_ i: Int) throws(Interrupt) -> Double? {
            guard let x = try real(i) else { return nil }
            guard x > 0 else {
                k.message(head, "posprm", p[i], .integer(i + 1), e)
                return nil
            }
            return x
        }
        switch head.name {
        case "NormalDistribution":
            if p.isEmpty { return .normal(mean: 0, sigma: 1) }
            guard p.count == 2, let mu = try real(0), let sigma = try positive(1) else { return nil }
            return .normal(mean: mu, sigma: sigma)
        case "UniformDistribution":
            if p.isEmpty { return .uniform(lower: 0, upper: 1) }
            guard p.count == 1, p[0].isList(k.sys) else { return nil }
            let bounds = p[0].arguments
            if bounds.count == 2, !bounds[0].isList(k.sys) {
                guard let a = try RandomBuiltins.real(k, bounds[0]), let b = try RandomBuiltins.real(k, bounds[1]) else { return nil }
                guard a < b else { k.message(head, "ubounds", bounds[0], bounds[1]); return nil }
                return .uniform(lower: a, upper: b)
            }
            var box: [(Double, Double)] = []
            for pair in bounds {
                guard pair.isList(k.sys), pair.length == 2,
                      let a = try RandomBuiltins.real(k, pair.arguments[0]),
                      let b = try RandomBuiltins.real(k, pair.arguments[1]), a < b else { return nil }
                box.append((a, b))
            }
            return box.isEmpty ? nil : .uniformBox(box)
        case "ExponentialDistribution":
            guard p.count == 1, let rate = try positive(0) else { return nil }
            return .exponential(rate: rate)
        case "PoissonDistribution":
            guard p.count == 1, let mean = try positive(0) else { return nil }
            return .poisson(mean: mean)
        case "MultinormalDistribution":
            guard p.count == 1 || p.count == 2 else { return nil }
            guard let sigma = try realArray(k, p[p.count - 1], rank: 2), sigma.dimensions[0] == sigma.dimensions[1] else {
                k.message(head, "mtxsym", p[p.count - 1])
                return nil
            }
            let d = sigma.dimensions[0]
            let mu: PackedArray
            if p.count == 2 {
                guard let m = try realArray(k, p[0], rank: 1), m.count == d else {
                    k.message(head, "vector", p[0])
                    return nil
                }
                mu = m
            } else {
                mu = try k.packedZeros(.real, [d])
            }
            return .multinormal(mean: mu, covariance: sigma)
        default:
            return nil
        }
    }

    /// A packed real (or integer) array of the given rank, from a packed or unpacked list of reals.
    static func realArray(_ k: Kernel, _ e: Expr, rank: Int) throws(Interrupt) -> PackedArray? {
        var array: PackedArray? = nil
        if case .packed(let p) = e { array = p }
        else if e.isList(k.sys), e.length > 0 {
            array = k.packed(from: e.arguments)
            if array == nil {
                let numeric = try k.evaluate(Expr(k.sys.N, e))
                if case .packed(let p) = numeric { array = p } else { array = k.packed(from: numeric.arguments) }
            }
        }
        guard let a = array, a.rank == rank, a.type != .complex, a.count > 0 else { return nil }
        if a.type == .real { return a }
        return try k.numeric { () throws(NumericsError) in try Promotion.converted(a, to: .real) }
    }
}
