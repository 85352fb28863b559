// Canonical order: the order of Sort, of Orderless arguments, and of terms in sums and products.
//
// Numbers come first, by value; then strings and symbols in dictionary order ("a" < "A" < "b");
// then everything else. Sums and products order their terms as polynomials: a term is seen as a
// numeric coefficient times a product of powers, and terms compare by their bases (in order, a term
// whose bases are a prefix of the other's first), then by the exponents from the last factor back,
// then by the coefficient. This gives Mathematica's `1 + x + x^2 + x*y + y`. Other normal expressions
// compare by length, then head, then arguments.

import BigInt
import TesseraExpr

extension Kernel {
    public func canonicalLess(_ a: Expr, _ b: Expr) -> Bool { canonicalCompare(a, b) < 0 }

    /// -1, 0 or 1.
    public func canonicalCompare(_ a: Expr, _ b: Expr) -> Int {
        let aNumber = a.isNumber, bNumber = b.isNumber
        if aNumber && bNumber { return compareNumbersCanonically(a, b) }
        if aNumber { return -1 }
        if bNumber { return 1 }
        // A sum compares by its terms from the last one back (`b < a + b < c`).
        if a.hasHead(sys.Plus) || b.hasHead(sys.Plus) {
            let x = a.hasHead(sys.Plus) ? a.arguments : [a]
            let y = b.hasHead(sys.Plus) ? b.arguments : [b]
            if x.count != 1 || y.count != 1 {
                var i = x.count - 1, j = y.count - 1
                while i >= 0 && j >= 0 {
                    let c = canonicalCompare(x[i], y[j])
                    if c != 0 { return c }
                    i -= 1; j -= 1
                }
                if x.count != y.count { return x.count < y.count ? -1 : 1 }
            }
        }
        // Terms of polynomials.
        let aTerm = monomial(a), bTerm = monomial(b)
        if aTerm.factors.count > 0 && bTerm.factors.count > 0 && (aTerm.isMonomial || bTerm.isMonomial) {
            let c = compareMonomials(aTerm, bTerm)
            if c != 0 { return c }
        }
        return compareStructurally(a, b)
    }

    private func compareStructurally(_ a: Expr, _ b: Expr) -> Int {
        switch (a, b) {
        case (.string(let x), .string(let y)): return compareDictionary(x, y)
        case (.string, _): return -1
        case (_, .string): return 1
        case (.byteArray(let x), .byteArray(let y)): return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        case (.symbol(let x), .symbol(let y)):
            if x === y { return 0 }
            let c = compareDictionary(x.name, y.name)
            return c != 0 ? c : compareDictionary(x.context, y.context)
        case (.symbol, _): return -1
        case (_, .symbol): return 1
        default:
            break
        }
        let aLength = a.length, bLength = b.length
        let aHead = a.head(sys), bHead = b.head(sys)
        if aLength != bLength { return aLength < bLength ? -1 : 1 }
        let h = canonicalCompare(aHead, bHead)
        if h != 0 { return h }
        if case .packed(let p) = a, case .packed(let q) = b {
            if p.isSameStorage(as: q) { return 0 }
            // Part by part, without unpacking: Orderless Times[x, y] of two big arrays compares them.
            for i in 0..<aLength {
                let c = canonicalCompare(p.part(i), q.part(i))
                if c != 0 { return c }
            }
            return 0
        }
        let aArgs = a.arguments, bArgs = b.arguments
        for i in 0..<aLength {
            let c = canonicalCompare(aArgs[i], bArgs[i])
            if c != 0 { return c }
        }
        return 0
    }

    struct Monomial {
        var coefficient: Expr?
        var factors: [(base: Expr, exponent: Expr)]
        var isMonomial: Bool
    }

    /// `3 x^2 y` -> coefficient 3, factors [(x, 2), (y, 1)].
    private func monomial(_ e: Expr) -> Monomial {
        switch e {
        case .normal(let n):
            if case .symbol(let h) = n.head {
                if h === sys.Times {
                    var coefficient: Expr? = nil
                    var factors: [(base: Expr, exponent: Expr)] = []
                    for argument in n.arguments {
                        if argument.isNumber && coefficient == nil { coefficient = argument; continue }
                        factors.append(powerParts(argument))
                    }
                    return Monomial(coefficient: coefficient, factors: factors, isMonomial: true)
                }
                if h === sys.Power, n.arguments.count == 2 {
                    return Monomial(coefficient: nil, factors: [powerParts(e)], isMonomial: true)
                }
            }
            return Monomial(coefficient: nil, factors: [(e, .integer(1))], isMonomial: false)
        case .symbol:
            return Monomial(coefficient: nil, factors: [(e, .integer(1))], isMonomial: true)
        default:
            return Monomial(coefficient: nil, factors: [(e, .integer(1))], isMonomial: false)
        }
    }

    private func powerParts(_ e: Expr) -> (base: Expr, exponent: Expr) {
        if e.hasHead(sys.Power), let n = e.asNormal, n.arguments.count == 2 {
            return (n.arguments[0], n.arguments[1])
        }
        return (e, .integer(1))
    }

    private func compareMonomials(_ a: Monomial, _ b: Monomial) -> Int {
        let n = min(a.factors.count, b.factors.count)
        for i in 0..<n {
            let c = compareStructurallyOrMonomial(a.factors[i].base, b.factors[i].base)
            if c != 0 { return c }
        }
        if a.factors.count != b.factors.count { return a.factors.count < b.factors.count ? -1 : 1 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            let c = canonicalCompare(a.factors[i].exponent, b.factors[i].exponent)
            if c != 0 { return c }
        }
        switch (a.coefficient, b.coefficient) {
        case (nil, nil): return 0
        case (nil, .some): return -1
        case (.some, nil): return 1
        case (.some(let x), .some(let y)): return compareNumbersCanonically(x, y)
        }
    }

    private func compareStructurallyOrMonomial(_ a: Expr, _ b: Expr) -> Int {
        if a.isNumber || b.isNumber { return canonicalCompare(a, b) }
        return compareStructurally(a, b)
    }

    /// Numbers by value; an exact number before an inexact one of the same value; complex numbers by
    /// real part, then imaginary part.
    public func compareNumbersCanonically(_ a: Expr, _ b: Expr) -> Int {
        // Machine numbers (the common case, Orderless Plus and Times sort them on every call): by
        // value, and at equal values the integer first.
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.real(let x), .real(let y)) where !x.isNaN && !y.isNaN: return x < y ? -1 : (x > y ? 1 : 0)
        default: break
        }
        let (ar, ai) = complexParts(a), (br, bi) = complexParts(b)
        let c = NumberOrder.compareReal(ar, br)
        if c != 0 { return c }
        // Equal real parts: the smaller imaginary part in absolute value first, then the negative one
        // (`3 < 3 - I < 3 + I`).
        let aIm = ai ?? .integer(0), bIm = bi ?? .integer(0)
        let magnitude = NumberOrder.compareReal(absoluteValue(aIm), absoluteValue(bIm))
        if magnitude != 0 { return magnitude }
        let d = NumberOrder.compareReal(aIm, bIm)
        if d != 0 { return d }
        // Equal values: integers, then reals, then rationals (`Sort[{1., 1}]` is `{1, 1.}` but
        // `Sort[{3/2, 1.5}]` is `{1.5, 3/2}`).
        let ra = kindRank(ar), rb = kindRank(br)
        if ra != rb { return ra < rb ? -1 : 1 }
        return 0
    }

    private func kindRank(_ e: Expr) -> Int {
        switch e {
        case .integer, .bigInteger: return 0
        case .real: return 1
        default: return 2
        }
    }

    private func absoluteValue(_ e: Expr) -> Expr {
        switch e {
        case .integer(let i) where i < 0 && i != .min: return .integer(-i)
        case .real(let d): return .real(abs(d))
        case .rational(let n, let d) where n.sign == .minus: return .rational(-n, d)
        case .bigInteger(let b) where b.sign == .minus: return .bigInteger(-b)
        default: return e
        }
    }

    private func complexParts(_ e: Expr) -> (Expr, Expr?) {
        if case .complex(let re, let im) = e { return (re, im) }
        return (e, nil)
    }
}

/// Dictionary order of Mathematica: case-insensitive first, then lower case before upper case.
public func compareDictionary(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    var ai = a.unicodeScalars.makeIterator(), bi = b.unicodeScalars.makeIterator()
    var tie = 0
    while true {
        let x = ai.next(), y = bi.next()
        switch (x, y) {
        case (nil, nil): return tie
        case (nil, _): return -1
        case (_, nil): return 1
        case (.some(let p), .some(let q)):
            if p == q { continue }
            let lp = foldCase(p), lq = foldCase(q)
            if lp != lq { return lp < lq ? -1 : 1 }
            if tie == 0 { tie = isLower(p) ? -1 : 1 }
        }
    }
}

@inline(__always) private func foldCase(_ s: Unicode.Scalar) -> UInt32 {
    if s.value >= 65 && s.value <= 90 { return s.value + 32 }
    if s.properties.isUppercase, let lower = s.properties.lowercaseMapping.unicodeScalars.first { return lower.value }
    return s.value
}

@inline(__always) private func isLower(_ s: Unicode.Scalar) -> Bool {
    if s.value < 128 { return s.value >= 97 && s.value <= 122 }
    return s.properties.isLowercase
}

/// Exact comparison of real numbers of any representation.
public enum NumberOrder {
    public static func compareReal(_ a: Expr, _ b: Expr) -> Int {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.real(let x), .real(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.real(let x), _): return compareDouble(x, b, flip: false)
        case (_, .real(let y)): return compareDouble(y, a, flip: true)
        default:
            if let (an, ad) = smallRationalParts(a), let (bn, bd) = smallRationalParts(b) {
                let (lhs, o1) = an.multipliedReportingOverflow(by: bd)
                let (rhs, o2) = bn.multipliedReportingOverflow(by: ad)
                if !o1 && !o2 { return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0) }
            }
            guard let (an, ad) = rationalParts(a), let (bn, bd) = rationalParts(b) else { return 0 }
            let lhs = an * bd, rhs = bn * ad
            return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0)
        }
    }

    private static func compareDouble(_ x: Double, _ other: Expr, flip: Bool) -> Int {
        let y = approximate(other) ?? 0
        let c = x < y ? -1 : (x > y ? 1 : 0)
        return flip ? -c : c
    }

    /// Numerator and denominator of an integer or rational when both fit in `Int`.
    @inline(__always)
    public static func smallRationalParts(_ e: Expr) -> (Int, Int)? {
        switch e {
        case .integer(let i): return (i, 1)
        case .rational(let n, let d):
            guard let ni = n.machineValue, let di = d.machineValue else { return nil }
            return (ni, di)
        default: return nil
        }
    }

    public static func rationalParts(_ e: Expr) -> (BigInt, BigInt)? {
        switch e {
        case .integer(let i): return (BigInt(i), 1)
        case .bigInteger(let b): return (b, 1)
        case .rational(let n, let d): return (n, d)
        default: return nil
        }
    }

    /// The machine real nearest to a real number, nil for non-real expressions.
    public static func approximate(_ e: Expr) -> Double? {
        switch e {
        case .integer(let i): return Double(i)
        case .bigInteger(let b): return Double(b)
        case .rational(let n, let d): return divideBig(n, d)
        case .real(let x): return x
        default: return nil
        }
    }

    /// n/d as a double without overflow for huge numerators and denominators.
    public static func divideBig(_ n: BigInt, _ d: BigInt) -> Double {
        // Both exact in a double: one correctly rounded division (Double(BigInt) is slow).
        if let ni = n.machineValue, let di = d.machineValue, ni.magnitude <= 1 << 53, di.magnitude <= 1 << 53 {
            return Double(ni) / Double(di)
        }
        let nd = Double(n), dd = Double(d)
        if nd.isFinite && dd.isFinite && dd != 0 { return nd / dd }
        let shift = max(n.bitWidth, d.bitWidth) - 1000
        let ns = shift > 0 ? n >> shift : n, ds = shift > 0 ? d >> shift : d
        return Double(ns) / Double(ds)
    }
}
