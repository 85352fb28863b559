// SparseArray: construction, its canonical form, properties, Normal and ArrayRules.
//
// A sparse array evaluates to Mathematica's own canonical form
//     SparseArray[Automatic, dims, background, {1, {rowPointers, columnIndices}, values}]
// in compressed-row layout: rowPointers has dims[1] + 1 entries, entry i..i+1 bounding the explicit
// values whose first index is i; columnIndices holds the remaining indices of each value (the single
// index of a vector, with rowPointers {0, count}). Explicit values are kept in position order and
// never equal the background.
//
// List builtins that do not know sparse arrays declare an adapter on their row
// (`.adapted(SparseArrays.normalizing)`): their sparse arguments are made normal first, and structural
// ones (`SparseArrays.keepingSparse`: Take, Reverse, ...) give a sparse result again when every array
// they were given was sparse.

import TesseraCore
import TesseraExpr
import TesseraStorage

/// The explicit content of one sparse array.
struct Sparse {
    var dimensions: [Int]
    var background: Expr
    /// 1-based positions with their values, in position order.
    var entries: [([Int], Expr)]

    /// Reads the canonical form.
    init?(_ k: Kernel, _ e: Expr) {
        guard e.hasHead(k.sys.SparseArray), e.length == 4 else { return nil }
        let a = e.arguments
        guard a[0].isSymbol(k.sys.Automatic), a[1].isList(k.sys) else { return nil }
        let dims = a[1].arguments.compactMap(\.asInt)
        guard dims.count == a[1].length, !dims.isEmpty, dims.allSatisfy({ $0 >= 0 }) else { return nil }
        let data = a[3].arguments
        guard a[3].isList(k.sys), data.count == 3, data[1].length == 2 else { return nil }
        let pointers = data[1].arguments[0].arguments.compactMap(\.asInt)
        let columns = data[1].arguments[1].arguments
        let values = data[2].arguments
        guard columns.count == values.count else { return nil }
        var entries: [([Int], Expr)] = []
        entries.reserveCapacity(values.count)
        if dims.count == 1 {
            for (column, value) in zip(columns, values) {
                guard let i = column.arguments.first?.asInt else { return nil }
                entries.append(([i], value))
            }
        } else {
            guard pointers.count == dims[0] + 1 else { return nil }
            for row in 0..<dims[0] {
                let lo = pointers[row], hi = pointers[row + 1]
                guard lo <= hi, hi <= values.count else { return nil }
                for t in lo..<hi {
                    let rest = columns[t].arguments.compactMap(\.asInt)
                    guard rest.count == dims.count - 1 else { return nil }
                    entries.append(([row + 1] + rest, values[t]))
                }
            }
        }
        self.init(dimensions: dims, background: a[2], entries: entries)
    }

    init(dimensions: [Int], background: Expr, entries: [([Int], Expr)]) {
        self.dimensions = dimensions
        self.background = background
        self.entries = entries
    }

    /// From a full array (as nested lists or packed).
    init?(_ k: Kernel, array: Expr, background: Expr = .integer(0)) {
        let dims = k.arrayDimensions(array)
        guard !dims.isEmpty, array.isList(k.sys) else { return nil }
        var entries: [([Int], Expr)] = []
        var path: [Int] = []
        func walk(_ x: Expr) {
            if path.count == dims.count {
                if !Sparse.same(x, background) { entries.append((path, x)) }
                return
            }
            for (i, a) in x.arguments.enumerated() {
                path.append(i + 1)
                walk(a)
                path.removeLast()
            }
        }
        walk(array)
        self.init(dimensions: dims, background: background, entries: entries)
    }

    static func same(_ a: Expr, _ b: Expr) -> Bool {
        if a == b { return true }
        if case .real(let x) = a, case .integer(let y) = b { return x == Double(y) }
        return false
    }

    /// The canonical form.
    func expr(_ k: Kernel) -> Expr {
        let list = { (xs: [Expr]) in Expr(k.sys.List, xs) }
        let ints = { (xs: [Int]) in Expr(k.sys.List, xs.map { Expr.integer($0) }) }
        var pointers: [Int]
        if dimensions.count == 1 {
            pointers = [0, entries.count]
        } else {
            pointers = Array(repeating: 0, count: dimensions[0] + 1)
            for (p, _) in entries { pointers[p[0]] += 1 }
            for i in 0..<dimensions[0] { pointers[i + 1] += pointers[i] }
        }
        let columns = entries.map { ints(dimensions.count == 1 ? $0.0 : Array($0.0.dropFirst())) }
        let data = list([.integer(1), list([ints(pointers), list(columns)]), list(entries.map(\.1))])
        return Expr(k.sys.SparseArray, .symbol(k.sys.Automatic), ints(dimensions), background, data)
    }

    /// The ordinary nested list.
    func normal(_ k: Kernel) -> Expr {
        var next = 0
        var path: [Int] = []
        func build(_ level: Int) -> Expr {
            if level == dimensions.count {
                if next < entries.count && entries[next].0 == path {
                    defer { next += 1 }
                    return entries[next].1
                }
                return background
            }
            var out: [Expr] = []
            out.reserveCapacity(dimensions[level])
            for i in 0..<dimensions[level] {
                path.append(i + 1)
                out.append(build(level + 1))
                path.removeLast()
            }
            return Expr(k.sys.List, out)
        }
        let result = build(0)
        if let p = k.packed(from: result.arguments, allowMixed: false), result.length > 0 { return .packed(p) }
        return result
    }
}

enum SparseArrays {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("SparseArray", messages: [
            "rect": "Nonrectangular array encountered.",
            "pos": "Position specification `1` in `2` is not a list of positive integers.",
        ], curried: property, sparseArray),
        BuiltinSpec("ArrayRules", arrayRules),
        BuiltinSpec("SparseArrayQ", attributes: [.protected], sparseArrayQ),
        BuiltinSpec("Band", attributes: [.protected]),
    ]

    static func sparseArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 4) else { return nil }
        if c.count == 4, c[0].isSymbol(k.sys.Automatic) { return nil }
        guard c.count <= 3 else { return nil }
        let source = c[0]
        var dims: [Int]? = nil
        if c.count >= 2 {
            if case .integer(let n) = c[1], n >= 0 { dims = [n] }
            else if c[1].isList(k.sys) {
                let values = c[1].arguments.compactMap(\.asInt)
                guard values.count == c[1].length, values.allSatisfy({ $0 >= 0 }) else { return nil }
                dims = values
            } else { return nil }
        }
        let background = c.count == 3 ? c[2] : .integer(0)
        if let existing = Sparse(k, source) {
            guard dims == nil || dims == existing.dimensions else { return nil }
            if c.count == 3, !Sparse.same(background, existing.background),
               let rebuilt = Sparse(k, array: existing.normal(k), background: background) {
                return rebuilt.expr(k)
            }
            return source
        }
        let isRules = source.hasHead(k.sys.Rule) || source.hasHead(k.sys.RuleDelayed)
            || (source.isList(k.sys) && source.length > 0
                && source.arguments.allSatisfy { $0.hasHead(k.sys.Rule) || $0.hasHead(k.sys.RuleDelayed) })
            || (source.isList(k.sys) && source.length == 0 && dims != nil)
        if !isRules {
            guard source.isList(k.sys) else { return nil }
            let full = k.arrayDimensions(source)
            guard !full.isEmpty, full.count == ((try? depthOfAtoms(k, source)) ?? full.count) else {
                return k.fail(c, "rect")
            }
            if let dims, dims != full { return nil }
            guard let s = Sparse(k, array: source, background: background) else { return nil }
            return s.expr(k)
        }
        let rules = source.isList(k.sys) ? source.arguments : [source]
        guard let s = try fromRules(k, c, rules, dims: dims, background: background) else { return nil }
        return s.expr(k)
    }

    /// Levels down to the first atom, so that ragged arrays are refused.
    static func depthOfAtoms(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Int {
        if case .packed(let p) = e { return p.rank }
        var depth = 0
        var x = e
        while x.isList(k.sys), x.length > 0 {
            depth += 1
            if case .packed(let p) = x { return depth - 1 + p.rank }
            x = x.arguments[0]
        }
        return x.isList(k.sys) ? depth + 1 : depth
    }

    static func fromRules(_ k: Kernel, _ c: Call, _ rules: [Expr], dims given: [Int]?,
                          background: Expr) throws(Interrupt) -> Sparse? {
        var values: [[Int]: Expr] = [:]
        var order: [[Int]] = []
        func set(_ p: [Int], _ v: Expr) {
            if values[p] == nil { values[p] = v; order.append(p) }
        }
        func explicit(_ lhs: Expr) -> [Int]? {
            if case .integer(let i) = lhs { return [i] }
            guard lhs.isList(k.sys), lhs.length > 0 else { return nil }
            let p = lhs.arguments.compactMap(\.asInt)
            return p.count == lhs.length ? p : nil
        }
        // Explicit positions fix the rank and, without given dimensions, the extent.
        var rank = given?.count
        var extent: [Int] = []
        for rule in rules {
            let lhs = rule.arguments[0]
            var p: [Int]? = explicit(lhs)
            if p == nil, lhs.hasHead(k.symbol("Band")), let start = lhs.arguments.first.flatMap(explicit) {
                p = start
                if lhs.length == 2, let end = explicit(lhs.arguments[1]) { p = end }
            }
            guard let p else { continue }
            if rank == nil { rank = p.count }
            guard p.count == rank else { _ = k.fail(c, "pos", lhs, c.expr); return nil }
            if extent.isEmpty { extent = p } else { extent = zip(extent, p).map { Swift.max($0, $1) } }
        }
        guard let rank else { return nil }
        let dims = given ?? (extent.isEmpty ? Array(repeating: 0, count: rank) : extent)
        func inside(_ p: [Int]) -> Bool { p.count == dims.count && zip(p, dims).allSatisfy { $0 >= 1 && $0 <= $1 } }
        let unmatched = Expr.symbol(k.symbols.intern(fullName: "Tessera`Private`unmatched"))
        for rule in rules {
            let lhs = rule.arguments[0]
            let delayed = rule.hasHead(k.sys.RuleDelayed)
            if let p = explicit(lhs) {
                guard p.allSatisfy({ $0 >= 1 }) else { _ = k.fail(c, "pos", lhs, c.expr); return nil }
                guard inside(p) else { continue }
                if values[p] == nil { set(p, delayed ? try k.evaluate(rule.arguments[1]) : rule.arguments[1]) }
                continue
            }
            if lhs.hasHead(k.symbol("Band")), let start = lhs.arguments.first.flatMap(explicit) {
                var end: [Int]? = nil
                if lhs.length >= 2 { end = explicit(lhs.arguments[1]) }
                let value = delayed ? try k.evaluate(rule.arguments[1]) : rule.arguments[1]
                var p = start
                var t = 0
                while inside(p) && (end.map { e in zip(p, e).allSatisfy { $0 <= $1 } } ?? true) {
                    if value.isList(k.sys) {
                        guard t < value.length else { break }
                        set(p, value.arguments[t])
                    } else {
                        set(p, value)
                    }
                    p = p.map { $0 + 1 }
                    t += 1
                }
                continue
            }
            // A pattern: tried on every position not yet set.
            let total = dims.reduce(1, *)
            guard total <= 1 << 22 else { return nil }
            var p = Array(repeating: 1, count: dims.count)
            for _ in 0..<total {
                if values[p] == nil {
                    let position = Expr(k.sys.List, p.map { .integer($0) })
                    let tried = try k.evaluate(Expr(k.symbol("Replace"), position,
                        Expr(k.sys.List, rule, Expr(k.sys.RuleDelayed, Expr(k.sys.Blank), unmatched))))
                    if tried != unmatched { set(p, tried) }
                }
                var level = dims.count - 1
                while level >= 0 {
                    p[level] += 1
                    if p[level] <= dims[level] { break }
                    p[level] = 1
                    level -= 1
                }
            }
        }
        let entries = order.sorted { $0.lexicographicallyPrecedes($1) }
            .compactMap { p -> ([Int], Expr)? in
                guard let v = values[p], !Sparse.same(v, background) else { return nil }
                return (p, v)
            }
        return Sparse(dimensions: dims, background: background, entries: entries)
    }

    // MARK: Properties

    static func property(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let name) = c[0],
              let inner = c.expr.asNormal?.head, let s = Sparse(k, inner) else { return nil }
        let ints = { (xs: [Int]) in Expr(k.sys.List, xs.map { Expr.integer($0) }) }
        let list = { (xs: [Expr]) in Expr(k.sys.List, xs) }
        let data = inner.arguments[3].arguments
        switch name {
        case "NonzeroValues", "ExplicitValues": return list(s.entries.map(\.1))
        case "NonzeroPositions", "ExplicitPositions": return list(s.entries.map { ints($0.0) })
        case "ExplicitLength": return .integer(s.entries.count)
        case "Density":
            let total = s.dimensions.reduce(1, *)
            return .real(total == 0 ? 0 : Double(s.entries.count) / Double(total))
        case "Background", "ImplicitValue": return s.background
        case "Dimensions": return ints(s.dimensions)
        case "RowPointers": return data[1].arguments[0]
        case "ColumnIndices": return data[1].arguments[1]
        case "AdjacencyLists":
            if s.dimensions.count == 1 { return ints(s.entries.map { $0.0[0] }) }
            var rows = Array(repeating: [Expr](), count: s.dimensions[0])
            for (p, _) in s.entries { rows[p[0] - 1].append(.integer(p[1])) }
            return list(rows.map(list))
        case "PatternArray":
            let blank = Expr(k.sys.Blank)
            let marked = Sparse(dimensions: s.dimensions, background: s.background,
                                entries: s.entries.map { ($0.0, blank) })
            return marked.expr(k)
        default: return nil
        }
    }

    static func arrayRules(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var s: Sparse
        if let existing = Sparse(k, c[0]) { s = existing }
        else if let fromArray = Sparse(k, array: c[0], background: c.count == 2 ? c[1] : .integer(0)) { s = fromArray }
        else { return nil }
        if c.count == 2, !Sparse.same(c[1], s.background),
           let rebuilt = Sparse(k, array: s.normal(k), background: c[1]) { s = rebuilt }
        let ints = { (xs: [Int]) in Expr(k.sys.List, xs.map { Expr.integer($0) }) }
        var rules = s.entries.map { Expr(k.sys.Rule, ints($0.0), $0.1) }
        let blanks = Expr(k.sys.List, Array(repeating: Expr(k.sys.Blank), count: s.dimensions.count))
        rules.append(Expr(k.sys.Rule, blanks, s.background))
        return Expr(k.sys.List, rules)
    }

    static func sparseArrayQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return k.bool(Sparse(k, c[0]) != nil)
    }

    // MARK: Other builtins on sparse arrays

    /// For a list builtin that does not know sparse arrays: sparse arguments are made normal first.
    static let normalizing = BuiltinAdapter { name, implementation in adapt(name, implementation, keep: false) }
    /// The same, and a full-array result is made sparse again when its array was sparse (Take, Reverse, ...).
    static let keepingSparse = BuiltinAdapter { name, implementation in adapt(name, implementation, keep: true) }

    private static func adapt(_ name: String, _ implementation: @escaping BuiltinImplementation, keep: Bool) -> BuiltinImplementation {
        { (k: Kernel, c: Call) throws(Interrupt) -> Expr? in
            guard c.arguments.contains(where: { $0.hasHead(k.sys.SparseArray) }) else {
                return try implementation(k, c)
            }
            var background: Expr? = nil
            // Join stays sparse when all its lists are; the others when their first argument is.
            var allSparse = name == "Join" || Sparse(k, c.arguments[0]) != nil
            var arguments = c.arguments
            for (i, a) in arguments.enumerated() {
                if let s = Sparse(k, a) {
                    if background == nil { background = s.background }
                    arguments[i] = s.normal(k)
                } else if a.isList(k.sys) {
                    if name == "Join" { allSparse = false }
                }
            }
            guard let background else { return try implementation(k, c) }
            let call = Call(expr: Expr(c.head, arguments), head: c.head, arguments: arguments)
            guard let result = try implementation(k, call) else { return nil }
            if keep, allSparse, result.isList(k.sys), let s = Sparse(k, array: result, background: background) {
                return s.expr(k)
            }
            return result
        }
    }
}
