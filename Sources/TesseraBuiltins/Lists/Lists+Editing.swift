// Adding and removing elements: Append, Prepend, Join, Catenate, Riffle, Insert, Delete, ReplacePart.
//
// Every function keeps the head of the expression it edits (`Append[f[a], b]` is `f[a, b]`) and
// treats an association as its list of rules, a new rule replacing an old one with the same key.
// Joining packed arrays of one type copies each buffer once; anything else unpacks.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum EditingBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Append", curried: appendOperator, append).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Prepend", curried: appendOperator, prepend).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Join", attributes: [.flat, .oneIdentity, .protected], join).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Catenate", catenate).adapted(SparseArrays.normalizing),
        BuiltinSpec("Riffle", riffle).adapted(SparseArrays.normalizing),
        BuiltinSpec("Insert", curried: insertOperator, insert).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Delete", curried: SequenceBuiltins.operatorForm, delete).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("ReplacePart", curried: SequenceBuiltins.operatorForm, replacePart).adapted(SparseArrays.normalizing),
    ]

    static func appendOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(c.head, c[0], inner.arguments[0])
    }

    static func insertOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 2 else { return nil }
        return Expr(c.head, c[0], inner.arguments[0], inner.arguments[1])
    }

    // MARK: Append, Prepend

    static func append(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }  // the operator form, applied by `appendOperator`
        guard k.checkCount(c, 2, 2) else { return nil }
        return k.appended(c, c[0], c[1], atEnd: true)
    }

    static func prepend(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }  // the operator form, applied by `appendOperator`
        guard k.checkCount(c, 2, 2) else { return nil }
        return k.appended(c, c[0], c[1], atEnd: false)
    }

    // MARK: Join

    static func join(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var parts = c.arguments
        var level = 1
        if parts.count >= 2, case .integer(let n) = parts[parts.count - 1] {
            level = n
            parts.removeLast()
            guard n >= 1 else { return nil }
        }
        if parts.isEmpty { return Expr(k.sys.List, []) }
        for (i, p) in parts.enumerated() where p.isAtom {
            return k.fail(c, "normal", .integer(i + 1), c.expr)
        }
        if parts.count == 1 && level == 1 { return parts[0] }
        return try k.joinAtLevel(c, parts, level)
    }

    static func catenate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), !c[0].isAtom else { return nil }
        var parts = c[0].arguments
        if c[0].hasHead(k.sys.Association) { parts = parts.compactMap { $0.arguments.last } }
        let lists = parts.filter { !$0.isAtom }
        guard lists.count == parts.count else { return nil }
        if lists.isEmpty { return Expr(k.sys.List, []) }
        let values = lists.map { $0.hasHead(k.sys.Association) ? Expr(k.sys.List, $0.arguments.compactMap { $0.arguments.last }) : $0 }
        return try k.joinAtLevel(c, values, 1)
    }

    // MARK: Riffle

    static func riffle(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3), !c[0].isAtom else { return nil }
        let list = c[0]
        let elements = list.arguments
        let n = elements.count
        let x = c[1]
        if c.count == 2 {
            if n <= 1 { return list }
            var result: [Expr] = []
            if x.isList(k.sys), x.length > 0 {
                let xs = x.arguments
                if xs.count == n || xs.count == n - 1 {
                    for i in 0..<n {
                        result.append(elements[i])
                        if i < xs.count { result.append(xs[i]) }
                    }
                    return k.rebuild(list, result)
                }
                for i in 0..<n {
                    result.append(elements[i])
                    if i < n - 1 { result.append(xs[i % xs.count]) }
                }
                return k.rebuild(list, result)
            }
            for i in 0..<n {
                result.append(elements[i])
                if i < n - 1 { result.append(x) }
            }
            return k.rebuild(list, result)
        }
        let xs: [Expr] = x.isList(k.sys) && x.length > 0 ? x.arguments : [x]
        if case .integer(let every) = c[2] {
            guard every >= 2 else { return nil }
            var result: [Expr] = []
            var inserted = 0
            for (i, e) in elements.enumerated() {
                result.append(e)
                if (i + 1) % (every - 1) == 0 && i < n - 1 {
                    result.append(xs[inserted % xs.count])
                    inserted += 1
                }
            }
            if n == every - 1 && n >= 2 { result.append(xs[0]) }
            return k.rebuild(list, result)
        }
        guard c[2].isList(k.sys), c[2].length == 3,
              case .integer(let lo) = c[2].arguments[0], case .integer(let hi) = c[2].arguments[1],
              case .integer(let step) = c[2].arguments[2], step != 0 else { return nil }
        if n == 0 { return list }
        // The result length L = n + m: find the largest m for which the positions lo, lo + step, ...
        // (up to hi, negative ones counted from the end of the result) number exactly m.
        for m in stride(from: n + 1, through: 0, by: -1) {
            let total = n + m
            let a = lo < 0 ? total + lo + 1 : lo
            let b = hi < 0 ? total + hi + 1 : hi
            var positions: [Int] = []
            var p = a
            while step > 0 ? p <= b : p >= b {
                if p < 1 || p > total { positions = []; break }
                positions.append(p)
                p += step
            }
            guard positions.count == m else { continue }
            let marks = Set(positions)
            var result: [Expr] = []
            var next = 0, inserted = 0
            for position in 1...Swift.max(total, 1) where total > 0 {
                if marks.contains(position) {
                    result.append(xs[inserted % xs.count]); inserted += 1
                } else if next < n {
                    result.append(elements[next]); next += 1
                }
            }
            return k.rebuild(list, result)
        }
        return nil
    }

    // MARK: Insert, Delete

    static func insert(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3) else { return nil }
        let target = c[0]
        if target.isAtom { return nil }
        if target.hasHead(k.sys.Association) {
            guard c[1].hasHead(k.sys.Rule) || c[1].hasHead(k.sys.RuleDelayed) else { return target }
        }
        guard let positions = k.positionList(c[2], allowKeys: target.hasHead(k.sys.Association)) else { return nil }
        var failed = false
        let result = k.insertAt(target, c[1], positions.map { $0[...] }, failed: &failed)
        if failed { return k.fail(c, "ins", c[2], target) }
        return result
    }

    static func delete(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let target = c[0]
        guard let positions = k.positionList(c[1], allowKeys: target.hasHead(k.sys.Association)) else { return nil }
        var failed = false
        let result = k.deleteAt(target, positions.map { $0[...] }, failed: &failed)
        if failed { return k.fail(c, "partw", c[1], target) }
        return result
    }

    // MARK: ReplacePart

    static func replacePart(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        var rules: [Expr] = []
        if c.count == 3 {
            let positions = c[2]
            if positions.isList(k.sys), positions.length > 0, positions.arguments.allSatisfy({ $0.isList(k.sys) }) {
                rules = [Expr(k.sys.Rule, positions, c[1])]
            } else {
                rules = [Expr(k.sys.Rule, positions, c[1])]
            }
        } else {
            let spec = c[1]
            if spec.hasHead(k.sys.Rule) || spec.hasHead(k.sys.RuleDelayed) {
                rules = [spec]
            } else if spec.isList(k.sys), spec.arguments.allSatisfy({ $0.hasHead(k.sys.Rule) || $0.hasHead(k.sys.RuleDelayed) }) {
                rules = spec.arguments
            } else {
                return nil
            }
        }
        var replacer = PartReplacer(kernel: k, matcher: PatternMatcher(kernel: k))
        for rule in rules {
            guard rule.length == 2 else { return nil }
            replacer.add(rule)
        }
        var path: [Int] = []
        return try replacer.apply(c[0], &path)
    }
}

/// The rules of ReplacePart, tried at every position (children before their parts are replaced).
struct PartReplacer {
    struct Rule {
        /// Explicit positions (may hold negative indices), or nil when the position is a pattern.
        var positions: [[Expr]]?
        var pattern: Expr
        var rhs: Expr
        var delayed: Bool
    }

    let kernel: Kernel
    let matcher: PatternMatcher
    var rules: [Rule] = []

    mutating func add(_ rule: Expr) {
        let sys = kernel.sys
        let lhs = rule.arguments[0], rhs = rule.arguments[1]
        let delayed = rule.hasHead(sys.RuleDelayed)
        var explicit: [[Expr]]? = nil
        func isIndex(_ e: Expr) -> Bool {
            if case .integer = e { return true }
            if case .string = e { return true }
            return e.hasHead(kernel.symbol("Key"))
        }
        if isIndex(lhs) {
            explicit = [[lhs]]
        } else if lhs.isList(sys), lhs.arguments.allSatisfy(isIndex) {
            explicit = [lhs.arguments]
        } else if lhs.isList(sys), lhs.length > 0,
                  lhs.arguments.allSatisfy({ $0.isList(sys) && $0.arguments.allSatisfy(isIndex) }) {
            explicit = lhs.arguments.map(\.arguments)
        }
        rules.append(Rule(positions: explicit, pattern: lhs, rhs: rhs, delayed: delayed))
    }

    private func matches(_ spec: [Expr], _ path: [Int], lengths: [Int], keys: [Expr?]) -> Bool {
        guard spec.count == path.count else { return false }
        for (i, s) in spec.enumerated() {
            if case .integer(let v) = s {
                let n = lengths[i]
                let index = v < 0 ? n + v + 1 : v
                if index != path[i] { return false }
            } else {
                let key = s.hasHead(kernel.symbol("Key")) ? s.arguments.first : s
                guard let actual = keys[i], actual == key else { return false }
            }
        }
        return true
    }

    /// The replacement for the part at `path` (lengths/keys describe each step of the path).
    private func replacement(_ path: [Int], lengths: [Int], keys: [Expr?]) throws(Interrupt) -> Expr? {
        for rule in rules {
            if let positions = rule.positions {
                if positions.contains(where: { matches($0, path, lengths: lengths, keys: keys) }) { return rule.rhs }
            } else if !path.isEmpty && path.last != 0 {
                // A part of the first level is at `i` as well as at `{i}` (`i_ :> 2 i`).
                let position = Expr(kernel.sys.List, path.map { .integer($0) })
                var matched = false
                if path.count == 1 { matched = try matcher.matches(rule.pattern, .integer(path[0])) }
                if !matched { matched = try matcher.matches(rule.pattern, position) }
                if matched { return kernel.substitute(rule.rhs, matcher.bindings) }
            }
        }
        return nil
    }

    /// Longest explicit position, to know how deep to walk when there are no patterns.
    private var maxDepth: Int {
        var d = 0
        for rule in rules {
            guard let positions = rule.positions else { return Int.max }
            for p in positions { d = Swift.max(d, p.count) }
        }
        return d
    }

    func apply(_ e: Expr, _ path: inout [Int]) throws(Interrupt) -> Expr {
        var lengths: [Int] = []
        var keys: [Expr?] = []
        return try walk(e, &path, &lengths, &keys, maxDepth)
    }

    private func walk(_ e: Expr, _ path: inout [Int], _ lengths: inout [Int], _ keys: inout [Expr?],
                      _ depthLeft: Int) throws(Interrupt) -> Expr {
        if !path.isEmpty, let r = try replacement(path, lengths: lengths, keys: keys) { return r }
        guard depthLeft > 0, !e.isAtom else { return e }
        let isAssociation = e.hasHead(kernel.sys.Association)
        let args = e.arguments
        var head = e.head(kernel.sys)
        path.append(0); lengths.append(args.count); keys.append(nil)
        if let r = try replacement(path, lengths: lengths, keys: keys) { head = r }
        var changed = !head.isIdentical(to: e.head(kernel.sys))
        var result: [Expr] = []
        result.reserveCapacity(args.count)
        for (i, a) in args.enumerated() {
            path[path.count - 1] = i + 1
            keys[keys.count - 1] = isAssociation ? a.arguments.first : nil
            var value: Expr
            if isAssociation, a.length == 2 {
                let v = try walk(a.arguments[1], &path, &lengths, &keys, depthLeft - 1)
                value = v.isIdentical(to: a.arguments[1]) ? a : Expr(head: a.head(kernel.sys), [a.arguments[0], v])
            } else {
                value = try walk(a, &path, &lengths, &keys, depthLeft - 1)
            }
            if !value.isIdentical(to: a) { changed = true }
            result.append(value)
        }
        path.removeLast(); lengths.removeLast(); keys.removeLast()
        guard changed else { return e }
        if case .packed = e, head.isSymbol(kernel.sys.List) { return kernel.rebuild(e, result) }
        return Expr(head: head, result)
    }
}

extension Kernel {
    /// `Append`/`Prepend` of one element, keeping the head and packing.
    func appended(_ c: Call, _ e: Expr, _ element: Expr, atEnd: Bool) -> Expr? {
        switch e {
        case .packed(let p):
            var elements = p.elementExprs()
            if atEnd { elements.append(element) } else { elements.insert(element, at: 0) }
            if let q = packed(from: elements, allowMixed: false) { return .packed(q) }
            noteUnpacking(c.head)
            return Expr(sys.List, elements)
        case .normal(let n):
            var elements = n.arguments
            if e.hasHead(sys.Association) {
                let rules = element.isList(sys) ? element.arguments : [element]
                for rule in rules {
                    guard rule.length == 2, rule.hasHead(sys.Rule) || rule.hasHead(sys.RuleDelayed) else { return nil }
                    elements.removeAll { $0.arguments.first == rule.arguments[0] }
                    if atEnd { elements.append(rule) } else { elements.insert(rule, at: 0) }
                }
                return Expr(head: n.head, elements)
            }
            if atEnd { elements.append(element) } else { elements.insert(element, at: 0) }
            return Expr(head: n.head, elements)
        default:
            message(c.head, "normal", .integer(1), c.expr)
            return nil
        }
    }

    /// Joins expressions with one head at `level` (1: their elements; 2: their rows, pairwise...).
    func joinAtLevel(_ c: Call, _ parts: [Expr], _ level: Int) throws(Interrupt) -> Expr? {
        let head = parts[0].head(sys)
        for (i, p) in parts.enumerated().dropFirst() where p.head(sys) != head {
            message(c.head, "heads", head, p.head(sys), .integer(1), .integer(i + 1))
            return nil
        }
        if level > 1 {
            let n = parts[0].length
            guard parts.allSatisfy({ $0.length == n }) else { return nil }
            var rows: [Expr] = []
            for i in 0..<n {
                let row = parts.map { $0.arguments[i] }
                guard row.allSatisfy({ !$0.isAtom }), let joined = try joinAtLevel(c, row, level - 1) else { return nil }
                rows.append(joined)
            }
            return rebuild(parts[0], rows)
        }
        if head.isSymbol(sys.Association) {
            var rules: [Expr] = []
            var index: [Expr: Int] = [:]
            for p in parts {
                for rule in p.arguments {
                    let key = rule.arguments.first ?? rule
                    if let at = index[key] { rules[at] = rule } else { index[key] = rules.count; rules.append(rule) }
                }
            }
            return Expr(sys.Association, rules)
        }
        // Packed arrays of one type and row shape: one copy, or none when they lie end to end in one buffer.
        var arrays: [PackedArray] = []
        for p in parts {
            if case .packed(let a) = p { arrays.append(a) } else if p.length != 0 { break }
        }
        let nonEmpty = parts.filter { $0.length != 0 }
        if arrays.count == nonEmpty.count, let first = arrays.first,
           arrays.allSatisfy({ $0.type == first.type && Array($0.dimensions.dropFirst()) == Array(first.dimensions.dropFirst()) }) {
            let nonEmptyArrays = arrays.filter { ($0.dimensions.first ?? 0) > 0 }
            if nonEmptyArrays.count == 1 { return .packed(nonEmptyArrays[0]) }
            var dims = first.dimensions
            dims[0] = arrays.reduce(0) { $0 + ($1.dimensions.first ?? 0) }
            if let whole = PackedArray.adjacentViews(nonEmptyArrays, as: dims) { return .packed(whole) }
            let out = try packedUninitialized(first.type, dims)
            var offset = 0
            for a in arrays {
                (out.baseAddress + offset).copyMemory(from: a.baseAddress, byteCount: a.byteCount)
                offset += a.byteCount
            }
            return .packed(out)
        }
        if parts.contains(where: { if case .packed = $0 { return true } else { return false } }) {
            noteUnpacking(c.head)
        }
        var elements: [Expr] = []
        for p in parts { elements.append(contentsOf: p.arguments) }
        return Expr(head: head, elements)
    }

    /// Positions as Insert/Delete take them: `n`, `{i, j}`, `{{i, j}, {k}}` (keys allowed on associations).
    func positionList(_ spec: Expr, allowKeys: Bool) -> [[Expr]]? {
        func isIndex(_ e: Expr) -> Bool {
            if case .integer = e { return true }
            if allowKeys, case .string = e { return true }
            return e.hasHead(symbol("Key"))
        }
        if isIndex(spec) { return [[spec]] }
        guard spec.isList(sys) else { return nil }
        if spec.arguments.allSatisfy(isIndex) { return [spec.arguments] }
        if spec.arguments.allSatisfy({ $0.isList(sys) && $0.arguments.allSatisfy(isIndex) }) {
            return spec.arguments.map(\.arguments)
        }
        return nil
    }

    /// 1-based index of a position element in `e` (keys looked up in an association); nil if absent.
    func resolveIndex(_ spec: Expr, in e: Expr, allowEnd: Bool = false) -> Int? {
        let n = e.length
        if case .integer(let i) = spec {
            let index = i < 0 ? n + i + 1 + (allowEnd ? 1 : 0) : i
            let upper = allowEnd ? n + 1 : n
            return index >= 0 && index <= upper ? index : nil
        }
        let key = spec.hasHead(symbol("Key")) ? spec.arguments.first : spec
        guard e.hasHead(sys.Association), let key else { return nil }
        for (i, rule) in e.arguments.enumerated() where rule.arguments.first == key { return i + 1 }
        return nil
    }

    func insertAt(_ e: Expr, _ element: Expr, _ positions: [ArraySlice<Expr>], failed: inout Bool) -> Expr {
        guard !e.isAtom else { failed = true; return e }
        let args = e.arguments
        var here: [Int] = []
        var deeper: [Int: [ArraySlice<Expr>]] = [:]
        for p in positions {
            guard let first = p.first else { failed = true; return e }
            if p.count == 1 {
                guard let index = resolveIndex(first, in: e, allowEnd: true), index >= 1 else { failed = true; return e }
                here.append(index)
            } else {
                guard let index = resolveIndex(first, in: e), index >= 1 else { failed = true; return e }
                deeper[index, default: []].append(p.dropFirst())
            }
        }
        var result: [Expr] = []
        here.sort()
        var h = 0
        for (i, a) in args.enumerated() {
            while h < here.count && here[h] == i + 1 { result.append(element); h += 1 }
            if let inner = deeper[i + 1] {
                result.append(insertAt(a, element, inner, failed: &failed))
                if failed { return e }
            } else {
                result.append(a)
            }
        }
        while h < here.count { result.append(element); h += 1 }
        return rebuild(e, result)
    }

    func deleteAt(_ e: Expr, _ positions: [ArraySlice<Expr>], failed: inout Bool) -> Expr {
        guard !e.isAtom else { failed = true; return e }
        let args = e.arguments
        var here: Set<Int> = []
        var deeper: [Int: [ArraySlice<Expr>]] = [:]
        var deleteHead = false
        for p in positions {
            guard let first = p.first else { failed = true; return e }
            if e.hasHead(sys.Association), !(first.asInt != nil), resolveIndex(first, in: e) == nil { continue }
            guard let index = resolveIndex(first, in: e) else { failed = true; return e }
            if p.count == 1 {
                if index == 0 { deleteHead = true } else { here.insert(index) }
            } else {
                deeper[index, default: []].append(p.dropFirst())
            }
        }
        var result: [Expr] = []
        for (i, a) in args.enumerated() where !here.contains(i + 1) {
            if let inner = deeper[i + 1] {
                result.append(deleteAt(a, inner, failed: &failed))
                if failed { return e }
            } else {
                result.append(a)
            }
        }
        if deleteHead { return Expr(sys.Sequence, result) }
        return rebuild(e, result)
    }
}
