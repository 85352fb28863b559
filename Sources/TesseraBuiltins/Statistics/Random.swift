// Pseudo-random numbers: SeedRandom, RandomReal, RandomInteger, RandomComplex, RandomChoice,
// RandomSample.
//
// The generator is TesseraNumerics' xoshiro256** (`RandomEngine`), one per kernel, held in the
// kernel's extension state and seeded from the operating system until `SeedRandom` fixes it. Bulk
// requests (`RandomReal[{0., 1.}, {401, 300000}]`) fill a packed array straight from the generator:
// no element ever becomes an expression, so 962 MB of reals cost 962 MB.
//
// Ranges follow Mathematica: RandomReal[] is in [0, 1), RandomReal[x] in [0, x], RandomReal[{a, b}]
// in [a, b] (the endpoints may come in either order); RandomInteger likewise with integers (0 or 1
// for RandomInteger[]); RandomComplex[{z1, z2}] is uniform in the rectangle with corners z1 and z2.
// Distributions (RandomVariate) are in `Random+Distributions.swift`.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum RandomBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("SeedRandom", seedRandom),
        BuiltinSpec("RandomReal", messages: [
            "unifr": "The endpoints specified by `1` for the endpoints of the uniform distribution range are not real valued.",
        ], randomReal),
        BuiltinSpec("RandomInteger", messages: [
            "unifr": "The endpoints specified by `1` for the endpoints of the discrete uniform distribution range are not integers.",
        ], randomInteger),
        BuiltinSpec("RandomComplex", messages: [
            "unifr": "The endpoints specified by `1` for the endpoints of the uniform distribution range are not complex valued.",
        ], randomComplex),
        BuiltinSpec("RandomChoice", messages: [
            "lrwl": "The items for choice `1` should be a list or a rule weights -> choices.",
            "wghtv": "The weights on the left-hand side of `1` has to be a list of non-negative numbers with the same length as the list of items on the right-hand side.",
        ], randomChoice),
        BuiltinSpec("RandomSample", messages: [
            "lrwl": "The items for choice `1` should be a list or a rule weights -> choices.",
            "smplen": "RandomSample cannot choose `1` samples, as there are only `2` items available.",
        ], randomSample),
    ]

    // MARK: Shared argument forms

    /// Dimensions from `n` or `{n1, n2, ...}` (non-negative machine integers); nil after the
    /// `array` message otherwise.
    static func dimensions(_ k: Kernel, _ c: Call, _ position: Int) -> [Int]? {
        let e = c[position - 1]
        if case .integer(let n) = e, n >= 0 { return [n] }
        if e.isList(k.sys) {
            var dims: [Int] = []
            for d in e.arguments {
                guard case .integer(let n) = d, n >= 0 else { dims = []; break }
                dims.append(n)
            }
            var count = 1
            for d in dims { count = d == 0 ? 0 : (count > (1 << 40) / d ? Int.max : count * d) }
            if !dims.isEmpty, count <= 1 << 40 { return dims }
        }
        k.message(k.sys.General, "array", e, .integer(position), c.expr)
        return nil
    }

    /// A real number's machine value (exact numbers and constants through N).
    static func real(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Double? {
        switch e {
        case .integer(let i): return Double(i)
        case .real(let x): return x.isFinite ? x : nil
        case .complex: return nil
        default:
            if case .real(let x) = try k.evaluate(Expr(k.sys.N, e)), x.isFinite { return x }
            return nil
        }
    }

    static func complex(_ k: Kernel, _ e: Expr) throws(Interrupt) -> ComplexDouble? {
        if let x = try real(k, e) { return ComplexDouble(x, 0) }
        let v = e.isNumber ? e : try k.evaluate(Expr(k.sys.N, e))
        guard case .complex = v, let z = NumberArithmetic.machineComplex(v), z.re.isFinite, z.im.isFinite else { return nil }
        return ComplexDouble(z.re, z.im)
    }

    /// The result: one atom for a single draw, else the packed array.
    static func result(_ array: PackedArray, single: Bool) -> Expr {
        single ? array.elementExpr(flatIndex: 0) : .packed(array)
    }

    // MARK: SeedRandom

    static func seedRandom(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 2) else { return nil }
        let state = NumericEngines.random(k)
        if c.count == 0 {
            state.engine = RandomEngine()
            return .symbol(k.sys.Null)
        }
        switch c[0] {
        case .integer(let n):
            state.engine = RandomEngine(seed: n)
        case .bigInteger(let b):
            state.engine = RandomEngine(seedWords: words(b))
        case .string(let s):
            // A string seeds by its UTF-8 bytes, eight to a word.
            var seedWords: [UInt64] = [UInt64(s.utf8.count)]
            var word: UInt64 = 0, filled = 0
            for byte in s.utf8 {
                word |= UInt64(byte) << UInt64(8 * filled)
                filled += 1
                if filled == 8 { seedWords.append(word); word = 0; filled = 0 }
            }
            if filled > 0 { seedWords.append(word) }
            state.engine = RandomEngine(seedWords: seedWords)
        default:
            return nil
        }
        return .symbol(k.sys.Null)
    }

    /// A big integer's magnitude as 64-bit words, least significant first, with the sign as a word.
    static func words(_ b: BigInt) -> [UInt64] {
        [b.sign == .minus ? 1 : 0] + b.magnitude.words.map { UInt64($0) }
    }

    // MARK: RandomReal, RandomInteger, RandomComplex

    static func randomReal(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, _) = k.splitOptions(c.arguments)
        guard positional.count <= 2 else { _ = k.checkCount(c, 0, 2); return nil }
        var lower = 0.0, upper = 1.0
        if let range = positional.first {
            if range.isList(k.sys) {
                guard range.length == 2, let a = try real(k, range.arguments[0]), let b = try real(k, range.arguments[1]) else {
                    return k.fail(c, "unifr", range)
                }
                (lower, upper) = (Swift.min(a, b), Swift.max(a, b))
            } else if isDistribution(k, range) {
                return nil
            } else {
                guard let x = try real(k, range) else { return k.fail(c, "unifr", range) }
                (lower, upper) = (Swift.min(0, x), Swift.max(0, x))
            }
        }
        var dims: [Int] = [1]
        if positional.count == 2 { guard let d = dimensions(k, c, 2) else { return nil }; dims = d }
        let state = NumericEngines.random(k)
        guard let array = try k.numeric({ () throws(NumericsError) in
            try state.engine.uniformReals(lower: lower, upper: upper, dimensions: dims)
        }) else { return nil }
        return result(array, single: positional.count < 2)
    }

    static func isDistribution(_ k: Kernel, _ e: Expr) -> Bool {
        guard let head = e.headSymbol else { return false }
        return RandomDistributions.names.contains(head.name)
    }

    static func randomInteger(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 2) else { return nil }
        var lower = 0, upper = 1
        if c.count >= 1 {
            let range = c[0]
            if range.isList(k.sys) {
                guard range.length == 2, case .integer(let a) = range.arguments[0], case .integer(let b) = range.arguments[1] else {
                    return k.fail(c, "unifr", range)
                }
                (lower, upper) = (Swift.min(a, b), Swift.max(a, b))
            } else if isDistribution(k, range) {
                return try RandomDistributions.variate(k, c, range, single: c.count == 1)
            } else {
                guard case .integer(let n) = range else { return k.fail(c, "unifr", range) }
                (lower, upper) = (Swift.min(0, n), Swift.max(0, n))
            }
        }
        var dims: [Int] = [1]
        if c.count == 2 { guard let d = dimensions(k, c, 2) else { return nil }; dims = d }
        let state = NumericEngines.random(k)
        guard let array = try k.numeric({ () throws(NumericsError) in
            try state.engine.uniformIntegers(lower: lower, upper: upper, dimensions: dims)
        }) else { return nil }
        return result(array, single: c.count < 2)
    }

    static func randomComplex(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, _) = k.splitOptions(c.arguments)
        guard positional.count <= 2 else { _ = k.checkCount(c, 0, 2); return nil }
        var lower = ComplexDouble(0, 0), upper = ComplexDouble(1, 1)
        if let range = positional.first {
            if range.isList(k.sys) {
                guard range.length == 2, let a = try complex(k, range.arguments[0]), let b = try complex(k, range.arguments[1]) else {
                    return k.fail(c, "unifr", range)
                }
                (lower, upper) = (a, b)
            } else {
                guard let z = try complex(k, range) else { return k.fail(c, "unifr", range) }
                upper = z
            }
        }
        var dims: [Int] = [1]
        if positional.count == 2 { guard let d = dimensions(k, c, 2) else { return nil }; dims = d }
        let state = NumericEngines.random(k)
        guard let array = try k.numeric({ () throws(NumericsError) in
            try state.engine.uniformComplexes(lower: lower, upper: upper, dimensions: dims)
        }) else { return nil }
        return result(array, single: positional.count < 2)
    }

    // MARK: RandomChoice, RandomSample

    /// `list` or `weights -> list`: the items and, when given, the weights as a packed real vector.
    static func items(_ k: Kernel, _ c: Call) throws(Interrupt) -> (items: Expr, weights: PackedArray?)? {
        let e = c[0]
        if e.hasHead(k.sys.Rule), e.length == 2 {
            let (w, list) = (e.arguments[0], e.arguments[1])
            guard list.isList(k.sys), w.isList(k.sys), w.length == list.length else {
                _ = k.fail(c, "wghtv", e)
                return nil
            }
            var weights: PackedArray? = nil
            if case .packed(let p) = w, p.rank == 1, p.type != .complex { weights = p }
            else if let p = k.packed(from: w.arguments), p.rank == 1, p.type != .complex { weights = p }
            else {
                let numeric = try k.evaluate(Expr(k.sys.N, w))
                if let p = k.packed(from: numeric.arguments), p.rank == 1, p.type == .real { weights = p }
            }
            guard let weights else { _ = k.fail(c, "wghtv", e); return nil }
            return (list, weights)
        }
        guard e.isList(k.sys) else { _ = k.fail(c, "lrwl", e); return nil }
        return (e, nil)
    }

    /// The first-level parts of `list` at `indices` (0-based), arranged in the shape of `indices`.
    static func gather(_ k: Kernel, _ list: Expr, _ indices: PackedArray) -> Expr {
        let elements = list.arguments
        func build(_ level: Int, _ offset: Int) -> Expr {
            let dims = indices.dimensions
            if level == dims.count { return elements[indices.integers[offset]] }
            let stride = dims[(level + 1)...].reduce(1, *)
            return k.listExpr((0..<dims[level]).map { build(level + 1, offset + $0 * stride) })
        }
        return build(0, 0)
    }

    static func randomChoice(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let (list, weights) = try items(k, c) else { return nil }
        guard list.length > 0 else { return nil }
        var dims: [Int] = [1]
        if c.count == 2 { guard let d = dimensions(k, c, 2) else { return nil }; dims = d }
        let state = NumericEngines.random(k)
        let count = dims.reduce(1, *)
        do throws(NumericsError) {
            if case .packed(let p) = list {
                let chosen = try state.engine.choose(from: p, dimensions: dims, weights: weights)
                return c.count == 1 ? chosen.part(0) : .packed(chosen)
            }
            let indices: PackedArray
            if let weights {
                indices = try withWeights(weights) { (w) throws(NumericsError) in
                    try state.engine.weightedChoiceIndices(weights: w, count: count)
                }
            } else {
                indices = try state.engine.choiceIndices(upperBound: list.length, count: count)
            }
            if c.count == 1 { return list.arguments[indices.integers[0]] }
            return gather(k, list, indices.reshaped(dims))
        } catch {
            try k.abortIfStorage(error)
            return k.fail(c, "wghtv", c[0])
        }
    }

    static func randomSample(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let (list, weights) = try items(k, c) else { return nil }
        let n = list.length
        var count: Int? = nil
        if c.count == 2 {
            guard case .integer(let m) = c[1], m >= 0 else { return nil }
            count = Swift.min(m, n)
        }
        let state = NumericEngines.random(k)
        do throws(NumericsError) {
            if case .packed(let p) = list {
                return .packed(try state.engine.sample(from: p, count: count, weights: weights))
            }
            let indices: PackedArray
            if let weights {
                indices = try withWeights(weights) { (w) throws(NumericsError) in
                    let positive = w.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
                    return try state.engine.weightedSampleIndices(weights: w, count: Swift.min(count ?? positive, positive))
                }
            } else {
                indices = try state.engine.sampleIndices(upperBound: n, count: count ?? n)
            }
            let elements = list.arguments
            return k.listExpr(indices.integers.map { elements[$0] })
        } catch {
            try k.abortIfStorage(error)
            return nil
        }
    }

    /// The weights as reals.
    static func withWeights<R>(_ weights: PackedArray,
                               _ body: (UnsafeBufferPointer<Double>) throws(NumericsError) -> R) throws(NumericsError) -> R {
        if weights.type == .real { return try body(UnsafeBufferPointer(weights.reals)) }
        let reals = weights.integers.map { Double($0) }
        return try reals.withUnsafeBufferPointer { (w) throws(NumericsError) -> R in try body(w) }
    }
}
