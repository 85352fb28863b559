// Total, Accumulate, Differences, Max and Min over packed arrays.
//
// Mathematica's Total[list] adds the first-level parts of a list (for a matrix: the column sums, a
// vector); Total[list, Infinity] adds every element. Accumulate and Differences also work on the
// first level: Accumulate[matrix] is the running sum of its rows, Differences[matrix] the
// differences of successive rows. Max and Min look at every element.
//
// Integer sums are exact: an overflow throws `integerOverflow` (the caller redoes the sum with big
// integers). The overflow test is branch-free, ((a ^ s) & (b ^ s)) < 0 for s = a &+ b, so the loops
// still vectorise. Sums count their wrap-arounds (+1 up, -1 down) instead of failing at the first:
// the wrapped sum is right modulo 2^64, so it is the exact total whenever the wraps cancel
// (Total[{2^63 - 1, 1, -1}] is 2^63 - 1). Real sums run eight independent accumulators, which lets the
// compiler use vector adds (a strict left-to-right loop cannot be vectorised); the rounding differs
// from a sequential sum only in the last bits, and is usually smaller.

import TesseraStorage

/// Reductions over packed arrays.
public enum Reductions {
    /// `Total[array, Infinity]`: the sum of all elements.
    public static func total(_ array: PackedArray) throws(NumericsError) -> PackedScalar {
        switch array.type {
        case .integer:
            return .integer(try integerSum(UnsafeBufferPointer(array.integers)))
        case .real:
            return .real(realSum(UnsafeBufferPointer(array.reals)))
        case .complex:
            let pairs = UnsafeBufferPointer(start: UnsafeRawPointer(array.baseAddress).assumingMemoryBound(to: Double.self),
                                            count: 2 * array.count)
            // Sum re and im parts in one pass over the interleaved pairs.
            var re = 0.0, im = 0.0
            var i = 0
            while i < pairs.count { re += pairs[i]; im += pairs[i + 1]; i += 2 }
            return .complex(ComplexDouble(re, im))
        }
    }

    /// `Total[array]`: the sum of the first-level parts; a scalar for a vector.
    public static func totalFirstLevel(_ array: PackedArray) throws(NumericsError) -> PackedValue {
        guard array.rank >= 1 else { throw .invalidArgument("Total of a scalar") }
        if array.rank == 1 { return .scalar(try total(array)) }
        let result = try allocate(array.type, Array(array.dimensions.dropFirst()))
        try addParts(array, into: result)
        return .array(result)
    }

    /// `Accumulate[array]`: running sums of the first-level parts, same shape. One pass:
    /// result part i = result part i-1 + array part i.
    public static func accumulate(_ array: PackedArray) throws(NumericsError) -> PackedArray {
        guard array.rank >= 1 else { throw .invalidArgument("Accumulate of a scalar") }
        let result = try allocate(array.type, array.dimensions)
        let n = array.dimensions[0]
        // Complex parts are summed as pairs of reals.
        let s = array.sliceCount * (array.type == .complex ? 2 : 1)
        guard n > 0, s > 0 else { return result }
        switch array.type {
        case .integer:
            let x = array.integers.baseAddress!, y = result.integers.baseAddress!
            y.update(from: x, count: s)
            var flags = 0
            if s == 1 {
                var sum = x[0]
                for i in 1..<Swift.max(n, 1) {
                    let next = sum &+ x[i]
                    flags |= (sum ^ next) & (x[i] ^ next)
                    y[i] = next
                    sum = next
                }
            } else {
                for row in 1..<Swift.max(n, 1) {
                    let previous = y + (row - 1) * s, current = y + row * s, part = x + row * s
                    for j in 0..<s {
                        let sum = previous[j] &+ part[j]
                        flags |= (previous[j] ^ sum) & (part[j] ^ sum)
                        current[j] = sum
                    }
                }
            }
            if flags < 0 { throw .integerOverflow }
        case .real, .complex:
            let x = UnsafeRawPointer(array.baseAddress).assumingMemoryBound(to: Double.self)
            let y = UnsafeMutableRawPointer(result.baseAddress).assumingMemoryBound(to: Double.self)
            y.update(from: x, count: s)
            if s == 1 {
                var sum = x[0]
                for i in 1..<Swift.max(n, 1) { sum += x[i]; y[i] = sum }
            } else {
                for row in 1..<Swift.max(n, 1) {
                    let previous = y + (row - 1) * s, current = y + row * s, part = x + row * s
                    for j in 0..<s { current[j] = previous[j] + part[j] }
                }
            }
        }
        return result
    }

    /// `Differences[array]`: part[i+1] - part[i] at the first level (n - 1 parts; none for n <= 1).
    public static func differences(_ array: PackedArray) throws(NumericsError) -> PackedArray {
        guard array.rank >= 1 else { throw .invalidArgument("Differences of a scalar") }
        var dims = array.dimensions
        let n = dims[0], s = array.sliceCount
        dims[0] = Swift.max(n - 1, 0)
        let result = try allocate(array.type, dims)
        guard n > 1 else { return result }
        let count = (n - 1) * s
        switch array.type {
        case .integer:
            let x = array.integers.baseAddress!, y = result.integers.baseAddress!
            var flags = 0
            for i in 0..<count {
                let a = x[i + s], b = x[i], difference = a &- b
                // Subtraction overflows when a and b differ in sign and the result's sign differs from a's.
                flags |= (a ^ b) & (a ^ difference)
                y[i] = difference
            }
            if flags < 0 { throw .integerOverflow }
        case .real:
            let x = array.reals.baseAddress!, y = result.reals.baseAddress!
            for i in 0..<count { y[i] = x[i + s] - x[i] }
        case .complex:
            let x = UnsafeRawPointer(array.baseAddress).assumingMemoryBound(to: Double.self)
            let y = UnsafeMutableRawPointer(result.baseAddress).assumingMemoryBound(to: Double.self)
            for i in 0..<(2 * count) { y[i] = x[i + 2 * s] - x[i] }
        }
        return result
    }

    /// `Max[array]`: the largest element. Complex arrays are `unsupportedType`; an empty array has
    /// no machine maximum (Mathematica's -Infinity) and is `notRepresentable`.
    public static func max(_ array: PackedArray) throws(NumericsError) -> PackedScalar {
        try extreme(array, largest: true)
    }

    /// `Min[array]`: the smallest element (see `max`).
    public static func min(_ array: PackedArray) throws(NumericsError) -> PackedScalar {
        try extreme(array, largest: false)
    }

    private static func extreme(_ array: PackedArray, largest: Bool) throws(NumericsError) -> PackedScalar {
        guard array.count > 0 else { throw .notRepresentable }
        switch array.type {
        case .integer:
            let x = array.integers
            var best = x[0]
            if largest { for v in x where v > best { best = v } } else { for v in x where v < best { best = v } }
            return .integer(best)
        case .real:
            return .real(largest ? realExtreme(UnsafeBufferPointer(array.reals), >) : realExtreme(UnsafeBufferPointer(array.reals), <))
        case .complex:
            throw .unsupportedType(.complex)
        }
    }

    /// The element that is `better` than all others, with four independent running values so that
    /// the compare-and-select chains overlap (a single chain is latency bound).
    @inline(__always)
    private static func realExtreme(_ x: UnsafeBufferPointer<Double>, _ better: (Double, Double) -> Bool) -> Double {
        let p = x.baseAddress!, n = x.count
        var b0 = p[0], b1 = p[0], b2 = p[0], b3 = p[0]
        var i = 0
        while i + 4 <= n {
            if better(p[i], b0) { b0 = p[i] }
            if better(p[i + 1], b1) { b1 = p[i + 1] }
            if better(p[i + 2], b2) { b2 = p[i + 2] }
            if better(p[i + 3], b3) { b3 = p[i + 3] }
            i += 4
        }
        while i < n { if better(p[i], b0) { b0 = p[i] }; i += 1 }
        if better(b1, b0) { b0 = b1 }
        if better(b2, b0) { b0 = b2 }
        if better(b3, b0) { b0 = b3 }
        return b0
    }

    // MARK: Kernels shared with Statistics

    /// Exact integer sum, or `integerOverflow`.
    static func integerSum(_ x: UnsafeBufferPointer<Int>) throws(NumericsError) -> Int {
        var sum = 0, wraps = 0
        for v in x {
            let next = sum &+ v
            wraps &+= wrapDirection(sum, v, next)
            sum = next
        }
        if wraps != 0 { throw .integerOverflow }
        return sum
    }

    /// +1 when a &+ b wrapped upwards, -1 downwards, 0 when it did not wrap (branch-free).
    @inline(__always)
    static func wrapDirection(_ a: Int, _ b: Int, _ sum: Int) -> Int {
        let wrapped = ((a ^ sum) & (b ^ sum)) >> 63  // -1 or 0
        return wrapped & ((b >> 63) | 1)  // the direction is the sign of b
    }

    /// Sum with eight interleaved accumulators (vectorisable).
    /// Mathematica's `Total` of machine reals. Up to 64 elements: the pairwise sum that splits at
    /// ceil(n/2) down to pairs, which reproduces Mathematica's last bits (`Total[Table[0.1, 10]]` is
    /// `1.`, where a running sum gives 0.9999999999999999; `Total[{0.1, 0.7, 0.3}]` is
    /// 1.0999999999999999). Longer arrays use the eight-accumulator sum (`realSum`), as accurate
    /// and vectorised; how Mathematica blocks long sums is not known.
    public static func totalOfReals(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let p = x.baseAddress else { return 0 }
        if x.count > 64 { return realSum(x) }
        func pairwise(_ start: Int, _ n: Int) -> Double {
            if n == 1 { return p[start] }
            if n == 2 { return p[start] + p[start + 1] }
            let half = (n + 1) / 2
            return pairwise(start, half) + pairwise(start + half, n - half)
        }
        return x.isEmpty ? 0 : pairwise(0, x.count)
    }

    static func realSum(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let p = x.baseAddress else { return 0 }
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0
        let n = x.count, blocks = n / 8 * 8
        var i = 0
        while i < blocks {
            a0 += p[i]; a1 += p[i + 1]; a2 += p[i + 2]; a3 += p[i + 3]
            a4 += p[i + 4]; a5 += p[i + 5]; a6 += p[i + 6]; a7 += p[i + 7]
            i += 8
        }
        var tail = 0.0
        while i < n { tail += p[i]; i += 1 }
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + tail
    }

    /// result (the shape of one first-level part) += every first-level part of `array`.
    static func addParts(_ array: PackedArray, into result: PackedArray) throws(NumericsError) {
        let n = array.dimensions[0], s = array.sliceCount
        switch array.type {
        case .integer:
            let x = array.integers.baseAddress!, y = result.integers.baseAddress!
            var wraps = [Int](repeating: 0, count: s)
            wraps.withUnsafeMutableBufferPointer { w in
                for row in 0..<n {
                    let part = x + row * s
                    for j in 0..<s {
                        let sum = y[j] &+ part[j]
                        w[j] &+= wrapDirection(y[j], part[j], sum)
                        y[j] = sum
                    }
                }
            }
            if wraps.contains(where: { $0 != 0 }) { throw .integerOverflow }
        case .real:
            let x = array.reals.baseAddress!, y = result.reals.baseAddress!
            for row in 0..<n {
                let part = x + row * s
                for j in 0..<s { y[j] += part[j] }
            }
        case .complex:
            let x = UnsafeRawPointer(array.baseAddress).assumingMemoryBound(to: Double.self)
            let y = UnsafeMutableRawPointer(result.baseAddress).assumingMemoryBound(to: Double.self)
            for row in 0..<n {
                let part = x + row * 2 * s
                for j in 0..<(2 * s) { y[j] += part[j] }
            }
        }
    }
}
