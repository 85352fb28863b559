// RandomChoice and RandomSample: drawing elements of a list, with and without replacement.
//
// The kernels work on 0-based indices into the first level of a list; `choose` and `sample` then
// gather the chosen first-level parts of a packed array (its elements, rows, ...), which is what
// RandomChoice[list, dims] and RandomSample[list, k] return.
//
// - Uniform with replacement: Lemire's unbiased bounded integers.
// - Weighted with replacement (RandomChoice[w -> list]): Walker's alias method in Vose's stable
//   form, O(n) to set up and O(1) a draw, so a million weighted draws cost about as much as a million
//   uniform ones.
// - Uniform without replacement: a partial Fisher-Yates shuffle. For k much smaller than n the
//   permuted positions are kept in a dictionary (a sparse shuffle), O(k) time and memory.
// - Weighted without replacement (RandomSample[w -> list, k]), where Mathematica draws one element
//   at a time with probability proportional to the weights of those not yet drawn: Efraimidis and
//   Spirakis' keys (Information Processing Letters 97, 2006), key_i = log(U_i)/w_i; the k largest keys
//   in decreasing order have exactly the distribution of that sequential draw.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage

extension RandomEngine {
    // MARK: Indices

    /// `count` uniform indices in 0..<upperBound, with replacement, as a packed integer vector.
    public mutating func choiceIndices(upperBound: Int, count: Int) throws(NumericsError) -> PackedArray {
        guard upperBound >= 1, count >= 0 else { throw .invalidArgument("choice from an empty list") }
        return try uniformIntegers(lower: 0, upper: upperBound - 1, dimensions: [count])
    }

    /// `count` indices drawn with probability proportional to `weights` (non-negative, finite, not all 0).
    public mutating func weightedChoiceIndices(weights: UnsafeBufferPointer<Double>,
                                               count: Int) throws(NumericsError) -> PackedArray {
        let table = try AliasTable(weights: weights)
        guard count >= 0 else { throw .invalidArgument("negative count") }
        let result = try allocate(.integer, [count])
        let out = result.integers
        var g = generator
        defer { generator = g }
        for i in 0..<count { out[i] = table.draw(&g) }
        return result
    }

    /// `count` distinct indices in 0..<upperBound in random order (a uniformly random k-permutation).
    public mutating func sampleIndices(upperBound n: Int, count k: Int) throws(NumericsError) -> PackedArray {
        guard k >= 0, k <= n else { throw .invalidArgument("cannot sample \(k) of \(n) elements") }
        let result = try allocate(.integer, [k])
        let out = result.integers
        var g = generator
        defer { generator = g }
        if k * 8 < n {
            // Sparse Fisher-Yates: `moved[i]` is the value now at position i, when it is not i.
            var moved: [Int: Int] = [:]
            moved.reserveCapacity(2 * k)
            for i in 0..<k {
                let j = boundedInteger(&g, lower: i, span: UInt64(n - i))
                let atJ = moved[j] ?? j
                let atI = moved[i] ?? i
                out[i] = atJ
                moved[j] = atI
            }
        } else {
            var positions = Array(0..<n)
            for i in 0..<k {
                let j = boundedInteger(&g, lower: i, span: UInt64(n - i))
                positions.swapAt(i, j)
                out[i] = positions[i]
            }
        }
        return result
    }

    /// `count` distinct indices drawn one at a time with probability proportional to the weights of
    /// those not yet drawn. Zero weights are never drawn; asking for more than the number of positive
    /// weights is an error.
    public mutating func weightedSampleIndices(weights: UnsafeBufferPointer<Double>,
                                               count k: Int) throws(NumericsError) -> PackedArray {
        try validate(weights)
        let positive = weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard k >= 0, k <= positive else {
            throw .invalidArgument("cannot sample \(k) elements with \(positive) positive weights")
        }
        var keyed: [(key: Double, index: Int)] = []
        keyed.reserveCapacity(positive)
        var g = generator
        for (index, weight) in weights.enumerated() where weight > 0 {
            // log(U) < 0; 1 - U keeps U away from 0.
            keyed.append((log1p(-unit(&g)) / weight, index))
        }
        generator = g
        keyed.sort { $0.key > $1.key }
        return try packed(integers: keyed.prefix(k).map(\.index))
    }

    // MARK: Parts of a list

    /// `RandomChoice[list, dimensions]` (with `weights`, `RandomChoice[weights -> list, dimensions]`):
    /// first-level parts of `list` chosen with replacement, arranged in `dimensions`.
    public mutating func choose(from list: PackedArray, dimensions: [Int],
                                weights: PackedArray? = nil) throws(NumericsError) -> PackedArray {
        guard list.rank >= 1, list.dimensions[0] >= 1 else { throw .invalidArgument("choice from an empty list") }
        let count = dimensions.reduce(1, *)
        guard dimensions.allSatisfy({ $0 >= 0 }) else { throw .invalidArgument("negative dimension") }
        let indices: PackedArray
        if let weights {
            guard weights.rank == 1, weights.count == list.dimensions[0], weights.type != .complex else {
                throw .shapeMismatch(left: weights.dimensions, right: list.dimensions)
            }
            indices = try withReals(weights) { (w) throws(NumericsError) in try weightedChoiceIndices(weights: w, count: count) }
        } else {
            indices = try choiceIndices(upperBound: list.dimensions[0], count: count)
        }
        return try Rearrange.parts(of: list, at: indices.reshaped(dimensions))
    }

    /// `RandomSample[list, k]` (with `weights`, `RandomSample[weights -> list, k]`): k distinct
    /// first-level parts in random order. `k` = nil samples them all (a random permutation).
    public mutating func sample(from list: PackedArray, count: Int? = nil,
                                weights: PackedArray? = nil) throws(NumericsError) -> PackedArray {
        guard list.rank >= 1 else { throw .invalidArgument("sample from a scalar") }
        let n = list.dimensions[0]
        let indices: PackedArray
        if let weights {
            guard weights.rank == 1, weights.count == n, weights.type != .complex else {
                throw .shapeMismatch(left: weights.dimensions, right: list.dimensions)
            }
            indices = try withReals(weights) { (w) throws(NumericsError) in
                let positive = w.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
                return try weightedSampleIndices(weights: w, count: count ?? positive)
            }
        } else {
            indices = try sampleIndices(upperBound: n, count: count ?? n)
        }
        return try Rearrange.parts(of: list, at: indices)
    }
}

/// Checks weights: finite, non-negative, with a positive total.
func validate(_ weights: UnsafeBufferPointer<Double>) throws(NumericsError) {
    var total = 0.0
    for w in weights {
        guard w.isFinite, w >= 0 else { throw .invalidArgument("weights must be finite and non-negative") }
        total += w
    }
    guard total > 0, total.isFinite else { throw .invalidArgument("weights must have a positive finite total") }
}

/// Walker's alias table (Vose's construction, M. D. Vose, IEEE TSE 17(9), 1991).
struct AliasTable {
    /// Probability of keeping column i (else its alias), scaled so a uniform in [0, 1) decides.
    var keep: [Double]
    var alias: [Int]

    init(weights: UnsafeBufferPointer<Double>) throws(NumericsError) {
        try validate(weights)
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        keep = [Double](repeating: 1, count: n)
        alias = Array(0..<n)
        var small: [Int] = [], large: [Int] = []
        for (i, p) in scaled.enumerated() { if p < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            keep[s] = scaled[s]
            alias[s] = l
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        // Whatever remains has probability 1 up to rounding.
        for i in small + large { keep[i] = 1; alias[i] = i }
        // A zero weight must never be drawn, not even through rounding in its own column.
        let heaviest = weights.indices.max { weights[$0] < weights[$1] } ?? 0
        for i in 0..<n where weights[i] == 0 {
            keep[i] = 0
            if weights[alias[i]] == 0 { alias[i] = heaviest }
        }
    }

    @inline(__always)
    func draw(_ g: inout Xoshiro256StarStar) -> Int {
        let column = boundedInteger(&g, lower: 0, span: UInt64(keep.count))
        return unit(&g) < keep[column] ? column : alias[column]
    }
}
