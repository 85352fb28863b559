// Equal, Unequal, Less, LessEqual, Greater, GreaterEqual, Inequality, SameQ, UnsameQ, Max, Min.
//
// A comparison of two expressions is true, false or undecided. Exact numbers compare exactly;
// machine reals are Equal when they agree up to their last seven binary digits (SameQ: the last
// two); numeric quantities (Sqrt[2], Pi - 3) compare through their machine values; lists are Equal
// element by element. An undecided comparison leaves the expression unevaluated, and any false
// link of a chain makes it False. Ordering a complex number is an error (General::nord).

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum ComparisonBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Equal", attributes: [.protected], { k, c throws(Interrupt) in try chain(k, c, equal) }),
        BuiltinSpec("Unequal", attributes: [.protected], unequal),
        BuiltinSpec("Less", attributes: [.protected], { k, c throws(Interrupt) in
            try chain(k, c) { k, a, b in order(k, c, a, b).map { $0 < 0 } } }),
        BuiltinSpec("LessEqual", attributes: [.protected], { k, c throws(Interrupt) in
            try chain(k, c) { k, a, b in order(k, c, a, b).map { $0 <= 0 } } }),
        BuiltinSpec("Greater", attributes: [.protected], { k, c throws(Interrupt) in
            try chain(k, c) { k, a, b in order(k, c, a, b).map { $0 > 0 } } }),
        BuiltinSpec("GreaterEqual", attributes: [.protected], { k, c throws(Interrupt) in
            try chain(k, c) { k, a, b in order(k, c, a, b).map { $0 >= 0 } } }),
        BuiltinSpec("Inequality", attributes: [.protected], inequality),
        BuiltinSpec("SameQ", attributes: [.protected], sameQ),
        BuiltinSpec("UnsameQ", attributes: [.protected], unsameQ),
        BuiltinSpec("Max", attributes: [.flat, .numericFunction, .oneIdentity, .orderless, .protected], { k, c throws(Interrupt) in
            try extremum(k, c, max: true) }),
        BuiltinSpec("Min", attributes: [.flat, .numericFunction, .oneIdentity, .orderless, .protected], { k, c throws(Interrupt) in
            try extremum(k, c, max: false) }),
        operatorForm("EqualTo") { $0.Equal },
        operatorForm("UnequalTo") { $0.Unequal },
        operatorForm("GreaterThan") { $0.Greater },
        operatorForm("LessThan") { $0.Less },
        operatorForm("GreaterEqualThan") { $0.GreaterEqual },
        operatorForm("LessEqualThan") { $0.LessEqual },
        BuiltinSpec("Between", attributes: [.protected], curried: { k, c throws(Interrupt) in
            guard c.count == 1, let range = operatorArgument(c) else { return nil }
            return try between(k, c[0], range)
        }, { k, c throws(Interrupt) in
            guard c.count == 2 else { return nil }
            return try between(k, c[0], c[1])
        }),
    ]

    /// `f[y][x]` is the comparison `x op y`.
    static func operatorForm(_ name: String, _ comparison: @escaping @Sendable (SystemSymbols) -> Symbol) -> BuiltinSpec {
        BuiltinSpec(name, attributes: [.protected], curried: { k, c throws(Interrupt) in
            guard c.count == 1, let y = operatorArgument(c) else { return nil }
            return Expr(comparison(k.sys), c[0], y)
        })
    }

    /// a in the call `f[a][x]`.
    static func operatorArgument(_ c: Call) -> Expr? {
        guard case .normal(let n) = c.expr, case .normal(let h) = n.head, h.arguments.count == 1 else { return nil }
        return h.arguments[0]
    }

    /// min <= x <= max for a range {min, max} (or any of several ranges).
    static func between(_ k: Kernel, _ x: Expr, _ range: Expr) throws(Interrupt) -> Expr? {
        guard range.isList(k.sys) else { return nil }
        let ranges = range.arguments.first?.isList(k.sys) == true ? range.arguments : [range]
        var undecided = false
        for r in ranges {
            guard r.length == 2 else { return nil }
            let v = try k.evaluate(Expr(k.sys.LessEqual, r.arguments[0], x, r.arguments[1]))
            if v.isSymbol(k.sys.True) { return v }
            if !v.isSymbol(k.sys.False) { undecided = true }
        }
        return undecided ? nil : .symbol(k.sys.False)
    }

    // MARK: Chains

    /// Evaluates a chain `a op b op c ...` pairwise.
    static func chain(_ k: Kernel, _ c: Call, _ test: (Kernel, Expr, Expr) -> Bool?) throws(Interrupt) -> Expr? {
        if c.count <= 1 { return .symbol(k.sys.True) }
        var undecided = false
        for i in 1..<c.count {
            switch test(k, c[i - 1], c[i]) {
            case .some(false): return .symbol(k.sys.False)
            case .some(true): continue
            case nil: undecided = true
            }
        }
        return undecided ? c.expr : .symbol(k.sys.True)
    }

    static func unequal(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count <= 1 { return .symbol(k.sys.True) }
        // True when all pairs differ; False when some pair is equal.
        var undecided = false
        for i in 0..<c.count {
            for j in (i + 1)..<c.count {
                var result = equal(k, c[i], c[j])
                // Identical symbolic terms in a longer chain are left alone, as Mathematica does.
                if c.count > 2, result == true, !c[i].isNumber, !NumericValue.isNumeric(k, c[i]) { result = nil }
                switch result {
                case .some(true): return .symbol(k.sys.False)
                case .some(false): continue
                case nil: undecided = true
                }
            }
        }
        return undecided ? c.expr : .symbol(k.sys.True)
    }

    // MARK: Equality

    /// Machine reals agree up to their last seven bits.
    static func realsEqual(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        if !a.isFinite || !b.isFinite { return false }
        return abs(a - b) <= max(abs(a), abs(b)) * 0x1p-46
    }

    static func equal(_ k: Kernel, _ a: Expr, _ b: Expr) -> Bool? {
        let sys = k.sys
        if a.isSymbol(sys.Indeterminate) || b.isSymbol(sys.Indeterminate) { return nil }
        if a.isNumber && b.isNumber { return numbersEqual(a, b) }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.string, _) where b.isNumber, (_, .string) where a.isNumber: return false
        default: break
        }
        let ai = ArithmeticBuiltins.infiniteKind(k, a), bi = ArithmeticBuiltins.infiniteKind(k, b)
        if ai != nil || bi != nil {
            if let x = ai, let y = bi {
                switch (x, y) {
                case (.directed(let d), .directed(let e)):
                    if d == e { return true }
                    if d.isNumber && e.isNumber { return numbersEqual(d, e) }
                    return nil
                default: return nil
                }
            }
            let other = ai == nil ? a : b
            if other.isNumber || NumericValue.isNumeric(k, other) { return false }
            return nil
        }
        if a.isList(sys) && b.isList(sys) {
            if a.length != b.length { return false }
            if case .packed(let p) = a, case .packed(let q) = b, p.type == q.type, p.contentEquals(q) { return true }
            var undecided = false
            for (x, y) in zip(a.arguments, b.arguments) {
                switch equal(k, x, y) {
                case .some(false): return false
                case .some(true): continue
                case nil: undecided = true
                }
            }
            return undecided ? nil : true
        }
        if a.isList(sys) && (b.isNumber || b.isString) || b.isList(sys) && (a.isNumber || a.isString) { return false }
        if a == b { return true }
        let aBool = a.isSymbol(sys.True) || a.isSymbol(sys.False)
        let bBool = b.isSymbol(sys.True) || b.isSymbol(sys.False)
        if aBool && bBool { return false }
        if NumericValue.isNumeric(k, a) && NumericValue.isNumeric(k, b),
           let x = NumericValue.machine(k, a), let y = NumericValue.machine(k, b), x.isFinite, y.isFinite {
            return realsEqual(x.re, y.re) && realsEqual(x.im, y.im) || nearZeroEqual(x, y)
        }
        return nil
    }

    /// Exact quantities that differ only by rounding in their machine values (Sqrt[2] Sqrt[3] vs Sqrt[6]).
    private static func nearZeroEqual(_ x: MachineComplex, _ y: MachineComplex) -> Bool {
        let scale = max(x.magnitude, y.magnitude, 1)
        return (x - y).magnitude <= scale * 1e-14
    }

    static func numbersEqual(_ a: Expr, _ b: Expr) -> Bool {
        if !NumberArithmetic.isInexact(a) && !NumberArithmetic.isInexact(b) { return a == b }
        let (ar, ai) = NumberArithmetic.parts(a), (br, bi) = NumberArithmetic.parts(b)
        return realEqual(ar, br) && realEqual(ai, bi)
    }

    private static func realEqual(_ a: Expr, _ b: Expr) -> Bool {
        if !NumberArithmetic.isInexact(a) && !NumberArithmetic.isInexact(b) { return a == b }
        guard let x = NumberArithmetic.double(a), let y = NumberArithmetic.double(b) else { return false }
        return realsEqual(x, y)
    }

    // MARK: Order

    /// -1, 0 or 1 for real quantities (infinities included); nil when undecided. Complex numbers
    /// issue General::nord.
    static func order(_ k: Kernel, _ c: Call, _ a: Expr, _ b: Expr) -> Int? {
        if NumberArithmetic.isReal(a) && NumberArithmetic.isReal(b) {
            if NumberArithmetic.isInexact(a) || NumberArithmetic.isInexact(b),
               let x = NumberArithmetic.double(a), let y = NumberArithmetic.double(b), realsEqual(x, y) {
                return 0
            }
            return NumberArithmetic.compare(a, b)
        }
        for e in [a, b] where e.isNumber && !NumberArithmetic.isReal(e) {
            k.message(c.head, "nord", e)
            return nil
        }
        guard let x = realValue(k, a), let y = realValue(k, b) else { return nil }
        if x == y { return x.isInfinite ? 0 : (a == b ? 0 : nil) }
        if realsEqual(x, y) && !(a.isNumber && b.isNumber) { return a == b ? 0 : nil }
        return x < y ? -1 : 1
    }

    /// The value of a real quantity, infinities as +-inf.
    static func realValue(_ k: Kernel, _ e: Expr) -> Double? {
        if let kind = ArithmeticBuiltins.infiniteKind(k, e) {
            guard case .directed(let d) = kind, NumberArithmetic.isReal(d) else { return nil }
            return NumberArithmetic.sign(d) > 0 ? .infinity : -.infinity
        }
        guard NumericValue.isNumeric(k, e), let v = NumericValue.machine(k, e), v.isFinite else { return nil }
        if v.im != 0 && abs(v.im) > 1e-13 * max(1, abs(v.re)) { return nil }
        return v.re
    }

    static func inequality(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let sys = k.sys
        guard c.count % 2 == 1 else { return nil }
        if c.count == 1 { return .symbol(sys.True) }
        var undecided: [Expr] = []
        var directions = Set<Int>()
        var i = 0
        while i + 2 < c.count {
            guard case .symbol(let op) = c[i + 1] else { return nil }
            switch op {
            case sys.Less, sys.LessEqual: directions.insert(-1)
            case sys.Greater, sys.GreaterEqual: directions.insert(1)
            case sys.Equal: break
            default: directions.insert(2)
            }
            let r = try k.evaluate(Expr(op, c[i], c[i + 2]))
            if r.isSymbol(sys.False) { return r }
            if !r.isSymbol(sys.True) { undecided.append(r) }
            i += 2
        }
        if undecided.isEmpty { return .symbol(sys.True) }
        // A chain that changes direction (a < b > c) or holds != is a conjunction of its links.
        if directions.count > 1 || directions.contains(2) {
            return undecided.count == 1 ? undecided[0] : Expr(sys.And, undecided)
        }
        return c.expr
    }

    // MARK: SameQ

    static func sameQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count <= 1 { return .symbol(k.sys.True) }
        for i in 1..<c.count where !same(c[i - 1], c[i]) { return .symbol(k.sys.False) }
        return .symbol(k.sys.True)
    }

    static func unsameQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count <= 1 { return .symbol(k.sys.True) }
        for i in 0..<c.count {
            for j in (i + 1)..<c.count where same(c[i], c[j]) { return .symbol(k.sys.False) }
        }
        return .symbol(k.sys.True)
    }

    /// Structural identity, with machine reals allowed to differ in their last bit.
    static func same(_ a: Expr, _ b: Expr) -> Bool {
        switch (a, b) {
        case (.real(let x), .real(let y)):
            if x == y || x.bitPattern == y.bitPattern { return true }
            return x.isFinite && y.isFinite && abs(x - y) <= max(abs(x), abs(y)).ulp
        case (.complex(let w, let x), .complex(let y, let z)): return same(w, y) && same(x, z)
        case (.normal(let m), .normal(let n)):
            if m === n { return true }
            guard m.arguments.count == n.arguments.count, same(m.head, n.head) else { return false }
            for (x, y) in zip(m.arguments, n.arguments) where !same(x, y) { return false }
            return true
        default:
            return a == b
        }
    }

    // MARK: Max and Min

    static func extremum(_ k: Kernel, _ c: Call, max isMax: Bool) throws(Interrupt) -> Expr? {
        let sys = k.sys
        var best: Expr? = nil
        var bestValue = 0.0
        var symbolic: [Expr] = []
        var flattened = false
        func consider(_ e: Expr) -> Bool {
            if e.isSymbol(sys.Indeterminate) { return false }
            let value: Double?
            if NumberArithmetic.isReal(e) { value = NumberArithmetic.double(e) }
            else { value = realValue(k, e) }
            guard let v = value else { symbolic.append(e); return true }
            if let b = best {
                let better = isMax ? v > bestValue : v < bestValue
                let tie = v == bestValue
                if better || (tie && NumberArithmetic.isReal(e) && NumberArithmetic.isReal(b)
                              && NumberArithmetic.compare(e, b) == (isMax ? 1 : -1)) {
                    best = e; bestValue = v
                }
            } else {
                best = e; bestValue = v
            }
            return true
        }
        func walk(_ e: Expr) -> Bool {
            if case .packed(let p) = e {
                flattened = true
                if p.count == 0 { return true }
                switch p.type {
                case .integer:
                    let xs = p.integers
                    var m = xs[0]
                    if isMax { for x in xs where x > m { m = x } } else { for x in xs where x < m { m = x } }
                    return consider(.integer(m))
                case .real:
                    let xs = p.reals
                    var m = xs[0]
                    if isMax { for x in xs where x > m { m = x } } else { for x in xs where x < m { m = x } }
                    return consider(.real(m))
                case .complex:
                    for x in p.elementExprs() { symbolic.append(x) }
                    return true
                }
            }
            if e.isList(sys) {
                flattened = true
                for a in e.arguments where !walk(a) { return false }
                return true
            }
            return consider(e)
        }
        for a in c.arguments where !walk(a) { return .symbol(sys.Indeterminate) }
        for s in symbolic where s.isNumber {
            k.message(c.head, "nord", s)
            return nil
        }
        if symbolic.isEmpty {
            if let b = best { return b }
            return Expr(sys.DirectedInfinity, .integer(isMax ? -1 : 1))
        }
        // Each symbolic argument once (`Max[a, b, a]` is `Max[a, b]`).
        var rest: [Expr] = []
        for s in symbolic where !rest.contains(s) { rest.append(s) }
        if let b = best {
            if bestValue.isInfinite && (bestValue > 0) == isMax { return b }
            rest.insert(b, at: 0)
        }
        if rest.count == 1 { return rest[0] }
        rest.sort(by: k.canonicalLess)
        let result = Expr(c.head, rest)
        if !flattened && rest.count == c.count && result == c.expr { return c.expr }
        return result
    }
}

extension Expr {
    fileprivate var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

extension InfiniteKind: Equatable {
    static func == (a: InfiniteKind, b: InfiniteKind) -> Bool {
        switch (a, b) {
        case (.complex, .complex): return true
        case (.directed(let x), .directed(let y)): return x == y
        default: return false
        }
    }
}
