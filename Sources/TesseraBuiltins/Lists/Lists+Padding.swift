// Padding and reshaping arrays: PadLeft, PadRight, ArrayPad, ArrayReshape.
//
// All padders go through one recursive builder (`PadPlan.build`). At each level the plan knows the
// target length, where the source starts (PadLeft aligns each sublist on its own right end, so a
// ragged array is padded row by row) and an anchor for the padding: a padding list is laid out
// cyclically from the anchor, so that PadRight[{1, 2}, 7, {x, y, z}] continues with z, x, y... as if
// the padding had been written under the whole result. A method ("Periodic", "Reflected", "Fixed",
// "Reversed") instead maps an outside index back into the source.
// A packed input gives a packed result whenever the padding keeps it one machine type.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum PaddingBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("PadLeft", messages: [
            "padlevel": "The padding specification `1` involves more levels than the list `2`.",
        ], padLeft).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("PadRight", messages: [
            "padlevel": "The padding specification `1` involves more levels than the list `2`.",
        ], padRight).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("ArrayPad", arrayPad).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("ArrayReshape", arrayReshape).adapted(SparseArrays.keepingSparse),
    ]

    /// How positions outside the source are filled.
    enum Fill {
        /// A constant, or an array of `rank` levels used cyclically over the innermost levels.
        case value(Expr, rank: Int)
        case periodic, reflected, reversed, fixed
    }

    struct PadPlan {
        var lengths: [Int]
        /// Margin per level: from the left (PadRight, ArrayPad) or from the right (PadLeft).
        var margins: [Int]
        var fromRight: [Bool]
        var fill: Fill
        var head: Expr

        /// The padded array, or nil when the source is not deep enough for the plan.
        func build(_ k: Kernel, _ source: Expr) -> Expr? {
            var path: [Int] = []
            return level(k, source, 0, &path)
        }

        private func anchor(_ level: Int) -> Int {
            fromRight[level] ? lengths[level] - margins[level] : margins[level]
        }

        private func level(_ k: Kernel, _ source: Expr?, _ depth: Int, _ path: inout [Int]) -> Expr? {
            if depth == lengths.count { return source ?? padding(path) }
            let n = lengths[depth]
            var elements: [Expr]? = nil
            var here = head
            if let source {
                if source.isAtom { return nil }
                elements = source.arguments
                if case .normal(let s) = source { here = s.head }
            }
            let count = elements?.count ?? 0
            let offset = fromRight[depth] ? lengths[depth] - margins[depth] - count : margins[depth]
            var out: [Expr] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                var child: Expr? = nil
                if let elements, count > 0 {
                    let j = i - offset
                    if j >= 0 && j < count { child = elements[j] }
                    else if let mapped = PaddingBuiltins.mapOutside(j, count, fill) { child = elements[mapped] }
                }
                path.append(i)
                guard let part = level(k, child, depth + 1, &path) else { return nil }
                path.removeLast()
                out.append(part)
            }
            return Expr(head: here, out)
        }

        private func padding(_ path: [Int]) -> Expr {
            guard case .value(let x, let rank) = fill else { return .integer(0) }
            if rank == 0 { return x }
            var cell = x
            let first = path.count - rank
            for level in Swift.max(first, 0)..<path.count {
                let parts = cell.arguments
                guard !parts.isEmpty else { return cell }
                let m = parts.count
                cell = parts[(((path[level] - anchor(level)) % m) + m) % m]
            }
            return cell
        }
    }

    /// For a method fill, the source index that stands at outside index `j` of a run of `count`.
    static func mapOutside(_ j: Int, _ count: Int, _ fill: Fill) -> Int? {
        switch fill {
        case .value: return nil
        case .periodic: return ((j % count) + count) % count
        case .fixed: return j < 0 ? 0 : count - 1
        case .reflected:
            if count == 1 { return 0 }
            let period = 2 * (count - 1)
            let r = ((j % period) + period) % period
            return r < count ? r : period - r
        case .reversed:
            let period = 2 * count
            let r = ((j % period) + period) % period
            return r < count ? r : period - 1 - r
        }
    }

    static func fill(_ k: Kernel, _ x: Expr) -> Fill? {
        if case .string(let method) = x {
            switch method {
            case "Periodic", "Cyclic": return .periodic
            case "Reflected": return .reflected
            case "Reversed": return .reversed
            case "Fixed": return .fixed
            default: return nil
            }
        }
        if x.isList(k.sys) {
            return .value(x, rank: Swift.max(k.arrayDimensions(x).count, 1))
        }
        return .value(x, rank: 0)
    }

    // MARK: PadLeft, PadRight

    static func padLeft(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { pad(k, c, left: true) }
    static func padRight(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { pad(k, c, left: false) }

    static func pad(_ k: Kernel, _ c: Call, left: Bool) -> Expr? {
        guard k.checkCount(c, 1, 4) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        var lengths: [Int]
        if c.count == 1 || c[1].isSymbol(k.sys.Automatic) {
            guard e.isList(k.sys) else { return nil }
            lengths = raggedDimensions(k, e)
        } else if case .integer(let n) = c[1] {
            lengths = [n]
        } else if c[1].isList(k.sys) {
            let values = c[1].arguments.compactMap(\.asInt)
            guard values.count == c[1].length, !values.isEmpty else { return nil }
            lengths = values
        } else {
            return nil
        }
        var fill = Fill.value(.integer(0), rank: 0)
        if c.count >= 3 {
            if c[2].isList(k.sys) && c[2].length == 0 { return e }
            guard let f = PaddingBuiltins.fill(k, c[2]) else { return nil }
            fill = f
        }
        var margins = Array(repeating: 0, count: lengths.count)
        if c.count == 4 {
            if case .integer(let m) = c[3] {
                margins = Array(repeating: m, count: lengths.count)
            } else if c[3].isList(k.sys) {
                let values = c[3].arguments.compactMap(\.asInt)
                guard values.count == c[3].length, values.count <= lengths.count else { return nil }
                for (i, v) in values.enumerated() { margins[i] = v }
            } else {
                return nil
            }
        }
        let fromRight = lengths.map { $0 < 0 ? !left : left }
        lengths = lengths.map { Swift.abs($0) }
        let plan = PadPlan(lengths: lengths, margins: margins, fromRight: fromRight, fill: fill, head: e.head(k.sys))
        guard let result = plan.build(k, e) else {
            return k.fail(c, "padlevel", c[1], e)
        }
        return repack(k, like: e, result)
    }

    /// Dimensions that make a ragged array full: at each level, the longest sublist, for as many
    /// levels as every element is a list with the head of the whole.
    static func raggedDimensions(_ k: Kernel, _ e: Expr) -> [Int] {
        if case .packed(let p) = e { return p.dimensions }
        let head = e.head(k.sys)
        var dims = [e.length]
        var layer = e.arguments
        while !layer.isEmpty, layer.allSatisfy({ !$0.isAtom && $0.head(k.sys) == head }) {
            dims.append(layer.map(\.length).max() ?? 0)
            layer = layer.flatMap(\.arguments)
        }
        return dims
    }

    /// The packed form of `result` when `like` was packed and the result has one machine type.
    static func repack(_ k: Kernel, like: Expr, _ result: Expr) -> Expr {
        guard case .packed = like, result.isList(k.sys),
              let p = k.packed(from: result.arguments, allowMixed: false) else { return result }
        return .packed(p)
    }

    // MARK: ArrayPad

    static func arrayPad(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        let dims = k.arrayDimensions(e)
        guard !dims.isEmpty else { return nil }
        var before = Array(repeating: 0, count: dims.count)
        var after = before
        let spec = c[1]
        if case .integer(let m) = spec {
            before = before.map { _ in m }; after = before
        } else if spec.isList(k.sys), spec.arguments.allSatisfy({ $0.asInt != nil }) {
            let values = spec.arguments.compactMap(\.asInt)
            guard values.count == 2 else { return nil }
            before = before.map { _ in values[0] }; after = after.map { _ in values[1] }
        } else if spec.isList(k.sys), spec.length <= dims.count {
            for (i, level) in spec.arguments.enumerated() {
                let values = level.arguments.compactMap(\.asInt)
                guard level.isList(k.sys), values.count == level.length, values.count == 1 || values.count == 2 else { return nil }
                before[i] = values[0]; after[i] = values.last ?? values[0]
            }
        } else {
            return nil
        }
        var fill = Fill.value(.integer(0), rank: 0)
        if c.count == 3 {
            guard let f = PaddingBuiltins.fill(k, c[2]) else { return nil }
            fill = f
        }
        var lengths: [Int] = []
        for i in dims.indices {
            let n = dims[i] + before[i] + after[i]
            guard n >= 0 else { return nil }
            lengths.append(n)
        }
        let plan = PadPlan(lengths: lengths, margins: before, fromRight: lengths.map { _ in false },
                           fill: fill, head: e.head(k.sys))
        guard let result = plan.build(k, e) else { return nil }
        return repack(k, like: e, result)
    }

    // MARK: ArrayReshape

    static func arrayReshape(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let e = c[0]
        guard e.isList(k.sys) else { return nil }
        let dims = c[1].arguments.compactMap(\.asInt)
        guard c[1].isList(k.sys), dims.count == c[1].length, dims.allSatisfy({ $0 >= 0 }) else { return nil }
        let total = dims.reduce(1, *)
        let padding = c.count == 3 ? c[2] : .integer(0)
        if case .packed(let p) = e, p.count >= total, let first = dims.first, first > 0 {
            let flat = p.reshaped([p.count])
            return .packed(flat.slices(0, total).reshaped(dims))
        }
        var flat: [Expr] = []
        func collect(_ x: Expr) {
            if x.isList(k.sys) { for a in x.arguments { collect(a) } } else { flat.append(x) }
        }
        collect(e)
        if flat.count > total { flat.removeLast(flat.count - total) }
        let pads = padding.isList(k.sys) ? padding.arguments : [padding]
        var next = 0
        while flat.count < total {
            guard !pads.isEmpty else { return nil }
            flat.append(pads[next % pads.count])
            next += 1
        }
        var position = 0
        func build(_ level: Int) -> Expr {
            if level == dims.count {
                defer { position += 1 }
                return flat[position]
            }
            var out: [Expr] = []
            out.reserveCapacity(dims[level])
            for _ in 0..<dims[level] { out.append(build(level + 1)) }
            return Expr(k.sys.List, out)
        }
        if dims.isEmpty { return nil }
        let result = build(0)
        if let p = k.packed(from: result.arguments, allowMixed: false), result.length > 0 { return .packed(p) }
        return result
    }
}
