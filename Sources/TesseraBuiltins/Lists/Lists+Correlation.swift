// ListCorrelate and ListConvolve over lists of any rank.
//
// ListCorrelate[ker, list, {kL, kR}, padding, f, g]: output element s is g[f[ker[1], list[s + o]],
// f[ker[2], list[s + o + 1]], ...], where the alignment {kL, kR} puts ker[kL] on the first element of
// list and ker[kR] on the last (negative k count from the end; the default {1, -1} is "no overhang").
// Positions outside list take the padding: cyclic repetitions of a padding list (the list itself by
// default), or one value. ListConvolve is ListCorrelate with the kernel reversed (and its alignment
// mirrored). Machine-real vectors with the default f and g are computed directly.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum CorrelationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ListCorrelate", { k, c throws(Interrupt) in try correlate(k, c, convolve: false) }),
        BuiltinSpec("ListConvolve", { k, c throws(Interrupt) in try correlate(k, c, convolve: true) }),
    ]

    /// A rectangular array flattened row-major, with its dimensions.
    private struct Flat {
        let dimensions: [Int]
        let elements: [Expr]

        func element(_ index: [Int]) -> Expr {
            var flat = 0
            for (d, i) in index.enumerated() { flat = flat * dimensions[d] + i }
            return elements[flat]
        }
    }

    /// `e` as a rank-`rank` rectangular array with no zero dimension, or nil.
    private static func flat(_ k: Kernel, _ e: Expr, rank: Int) -> Flat? {
        let dims = k.arrayDimensions(e, head: .symbol(k.sys.List), maxDepth: rank)
        guard dims.count == rank, !dims.contains(0) else { return nil }
        var out: [Expr] = []
        func walk(_ x: Expr, _ depth: Int) {
            if depth == rank { out.append(x); return }
            for part in x.arguments { walk(part, depth + 1) }
        }
        walk(e, 0)
        return Flat(dimensions: dims, elements: out)
    }

    static func correlate(_ k: Kernel, _ c: Call, convolve: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 6) else { return nil }
        let sys = k.sys
        let rank = k.arrayDimensions(c[0], head: .symbol(sys.List)).count
        guard rank >= 1, let kernelArray = flat(k, c[0], rank: rank), let list = flat(k, c[1], rank: rank) else {
            return nil
        }
        let kernelDims = kernelArray.dimensions
        // Alignment per dimension, 1-based kernel positions.
        var left = [Int](repeating: 1, count: rank)
        var right = kernelDims
        if convolve { swap(&left, &right) }
        if c.count >= 3 {
            guard let (l, r) = alignment(c[2], rank: rank, sys: sys) else { return nil }
            left = l
            right = r
        }
        for d in 0..<rank {
            let n = kernelDims[d]
            if left[d] < 0 { left[d] += n + 1 }
            if right[d] < 0 { right[d] += n + 1 }
            guard (1...n).contains(left[d]), (1...n).contains(right[d]) else { return nil }
            if convolve {
                left[d] = n - left[d] + 1
                right[d] = n - right[d] + 1
            }
        }
        // Kernel elements in the order the terms are written (reversed for a convolution).
        var kernelElements = kernelArray.elements
        if convolve { kernelElements.reverse() }
        let kernel = Flat(dimensions: kernelDims, elements: kernelElements)
        let padding: Expr? = c.count >= 4 ? c[3] : nil
        let paddingArray: Flat? = padding.flatMap { flat(k, $0, rank: rank) }
        let f: Expr = c.count >= 5 ? c[4] : .symbol(sys.Times)
        let g: Expr = c.count >= 6 ? c[5] : .symbol(sys.Plus)
        let start = (0..<rank).map { 1 - left[$0] }   // 0-based list index of kernel element 1 at output 0
        let outputDims = (0..<rank).map { list.dimensions[$0] + left[$0] - right[$0] }
        guard outputDims.allSatisfy({ $0 > 0 }) else { return Expr(sys.List, []) }

        func listValue(_ index: [Int]) -> Expr {
            if zip(index, list.dimensions).allSatisfy({ $0 >= 0 && $0 < $1 }) { return list.element(index) }
            if let padding, paddingArray == nil { return padding }
            let source = paddingArray ?? list
            return source.element(zip(index, source.dimensions).map { ((($0 % $1) + $1) % $1) })
        }

        if let fast = try machineCorrelation(k, kernel, list, start, outputDims, padding, f, g) { return fast }

        func build(_ prefix: [Int]) -> Expr {
            if prefix.count == rank {
                var terms: [Expr] = []
                terms.reserveCapacity(kernel.elements.count)
                var r = [Int](repeating: 0, count: rank)
                for flat in 0..<kernel.elements.count {
                    var rest = flat
                    for d in stride(from: rank - 1, through: 0, by: -1) {
                        r[d] = rest % kernelDims[d]
                        rest /= kernelDims[d]
                    }
                    let index = (0..<rank).map { start[$0] + prefix[$0] + r[$0] }
                    terms.append(Expr(head: f, [kernel.elements[flat], listValue(index)]))
                }
                return Expr(head: g, terms)
            }
            return Expr(sys.List, (0..<outputDims[prefix.count]).map { build(prefix + [$0]) })
        }
        return build([])
    }

    /// `k`, `{kL, kR}` or `{{kL1, ...}, {kR1, ...}}` as per-dimension lists.
    private static func alignment(_ spec: Expr, rank: Int, sys: SystemSymbols) -> ([Int], [Int])? {
        if case .integer(let k) = spec { return (Array(repeating: k, count: rank), Array(repeating: k, count: rank)) }
        let parts = spec.arguments
        guard spec.isList(sys), parts.count == 2 else { return nil }
        if case .integer(let l) = parts[0], case .integer(let r) = parts[1] {
            return (Array(repeating: l, count: rank), Array(repeating: r, count: rank))
        }
        let l = parts[0].arguments.compactMap { if case .integer(let v) = $0 { return v } else { return nil } }
        let r = parts[1].arguments.compactMap { if case .integer(let v) = $0 { return v } else { return nil } }
        guard l.count == rank, r.count == rank else { return nil }
        return (l, r)
    }

    /// A machine-real vector with a machine-real kernel, Times and Plus, and no padding or a numeric
    /// one: the sums computed directly into a packed array.
    private static func machineCorrelation(_ k: Kernel, _ kernel: Flat, _ list: Flat, _ start: [Int], _ outputDims: [Int],
                                           _ padding: Expr?, _ f: Expr, _ g: Expr) throws(Interrupt) -> Expr? {
        guard kernel.dimensions.count == 1, f.isSymbol(k.sys.Times), g.isSymbol(k.sys.Plus) else { return nil }
        func real(_ e: Expr) -> Double? {
            switch e {
            case .real(let d): return d
            case .integer(let i): return Double(i)
            default: return nil
            }
        }
        var sawReal = false
        for e in kernel.elements + list.elements { if case .real = e { sawReal = true } else if real(e) == nil { return nil } }
        guard sawReal else { return nil }
        var pad: Double? = nil
        if let padding {
            guard let p = real(padding) else { return nil }
            pad = p
        }
        let w = kernel.elements.map { real($0)! }
        let x = list.elements.map { real($0)! }
        let n = x.count
        let result = try k.packedUninitialized(.real, outputDims)
        let out = result.reals
        for s in 0..<outputDims[0] {
            var sum = 0.0
            for r in 0..<w.count {
                let j = start[0] + s + r
                let value = j >= 0 && j < n ? x[j] : (pad ?? x[((j % n) + n) % n])
                sum += w[r] * value
            }
            out[s] = sum
        }
        return .packed(result)
    }
}
