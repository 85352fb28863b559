// Arithmetic on number atoms: the exact tower (Int, BigInt, Rational), machine reals and complex
// numbers with exact or machine parts.
//
// Contagion follows Mathematica: any machine real makes the result a machine number, and a complex
// result with any inexact part has both parts inexact (`1.5 + I` is `Complex[1.5, 1.]`). An exact
// complex number whose imaginary part vanishes is a real number; an inexact one stays complex.
// An exact zero absorbs everything in a product, even a machine real (`0 * 1.5` is `0`).
//
// Machine integers stay in `Int` until an operation overflows; then the result is a `BigInt`
// (`Expr.integer(BigInt)` shrinks it back when it fits).

import BigInt
#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraExpr

enum NumberArithmetic {
    // MARK: Inspection

    /// True for an exact or inexact real number atom (not complex).
    @inline(__always)
    static func isReal(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .rational, .real: return true
        default: return false
        }
    }

    @inline(__always)
    static func isInexact(_ e: Expr) -> Bool {
        switch e {
        case .real: return true
        case .complex(let re, let im): return isInexact(re) || isInexact(im)
        default: return false
        }
    }

    /// Exact zero only.
    @inline(__always)
    static func isExactZero(_ e: Expr) -> Bool {
        if case .integer(0) = e { return true }
        return false
    }

    /// Zero of any kind (0, 0., 0. + 0. I).
    static func isZero(_ e: Expr) -> Bool {
        switch e {
        case .integer(let i): return i == 0
        case .real(let d): return d == 0
        case .complex(let re, let im): return isZero(re) && isZero(im)
        default: return false
        }
    }

    @inline(__always)
    static func isExactOne(_ e: Expr) -> Bool {
        if case .integer(1) = e { return true }
        return false
    }

    /// Numerator and denominator of an exact real number.
    @inline(__always)
    static func ratio(_ e: Expr) -> (BigInt, BigInt)? { NumberOrder.rationalParts(e) }

    /// A real number as a double (nil for complex and non-numbers).
    @inline(__always)
    static func double(_ e: Expr) -> Double? { NumberOrder.approximate(e) }

    /// Real and imaginary parts of a number.
    @inline(__always)
    static func parts(_ e: Expr) -> (Expr, Expr) {
        if case .complex(let re, let im) = e { return (re, im) }
        return (e, .integer(0))
    }

    /// A number as a machine complex value.
    static func machineComplex(_ e: Expr) -> MachineComplex? {
        switch e {
        case .complex(let re, let im):
            guard let r = double(re), let i = double(im) else { return nil }
            return MachineComplex(r, i)
        default:
            guard let r = double(e) else { return nil }
            return MachineComplex(r, 0)
        }
    }

    /// -1, 0 or 1 for a real number.
    static func sign(_ e: Expr) -> Int {
        switch e {
        case .integer(let i): return i.signum()
        case .bigInteger(let b): return b.sign == .minus ? -1 : 1
        case .rational(let n, _): return n.sign == .minus ? -1 : 1
        case .real(let d): return d > 0 ? 1 : (d < 0 ? -1 : 0)
        default: return 0
        }
    }

    // MARK: Construction

    /// A complex number from its parts, normalised as described in the file comment.
    static func complex(_ re: Expr, _ im: Expr) -> Expr {
        if isInexact(re) || isInexact(im) {
            return .complex(.real(double(re) ?? .nan), .real(double(im) ?? .nan))
        }
        if isExactZero(im) { return re }
        return .complex(re, im)
    }

    static func machine(_ z: MachineComplex) -> Expr {
        .complex(.real(z.re), .real(z.im))
    }

    /// An exact rational from numerator and denominator (denominator must be non-zero).
    @inline(__always)
    static func exact(_ n: BigInt, _ d: BigInt) -> Expr {
        Expr.rational(n, over: d) ?? .integer(0)
    }

    // MARK: Real arithmetic

    static func addReal(_ a: Expr, _ b: Expr) -> Expr {
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            let (s, overflow) = x.addingReportingOverflow(y)
            return overflow ? .integer(BigInt(x) + BigInt(y)) : .integer(s)
        case (.real(let x), .real(let y)): return .real(x + y)
        case (.real(let x), _): return .real(x + (double(b) ?? .nan))
        case (_, .real(let y)): return .real((double(a) ?? .nan) + y)
        default:
            if let (an, ad) = NumberOrder.smallRationalParts(a), let (bn, bd) = NumberOrder.smallRationalParts(b) {
                let (x, o1) = an.multipliedReportingOverflow(by: bd)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad)
                let (d, o3) = ad.multipliedReportingOverflow(by: bd)
                if !o1 && !o2 && !o3 {
                    let (n, o4) = x.addingReportingOverflow(y)
                    if !o4, let sum = Expr.rational(n, over: d) { return sum }
                }
            }
            guard let (an, ad) = ratio(a), let (bn, bd) = ratio(b) else { return .real(.nan) }
            if ad == 1 && bd == 1 { return .integer(an + bn) }
            return exact(an * bd + bn * ad, ad * bd)
        }
    }

    static func multiplyReal(_ a: Expr, _ b: Expr) -> Expr {
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? .integer(BigInt(x) * BigInt(y)) : .integer(p)
        case (.real(let x), .real(let y)): return .real(x * y)
        case (.integer(0), .real), (.real, .integer(0)): return .integer(0)
        case (.real(let x), _): return .real(x * (double(b) ?? .nan))
        case (_, .real(let y)): return .real((double(a) ?? .nan) * y)
        default:
            if let (an, ad) = NumberOrder.smallRationalParts(a), let (bn, bd) = NumberOrder.smallRationalParts(b) {
                let (n, o1) = an.multipliedReportingOverflow(by: bn)
                let (d, o2) = ad.multipliedReportingOverflow(by: bd)
                if !o1 && !o2, let product = Expr.rational(n, over: d) { return product }
            }
            guard let (an, ad) = ratio(a), let (bn, bd) = ratio(b) else { return .real(.nan) }
            if ad == 1 && bd == 1 { return .integer(an * bn) }
            return exact(an * bn, ad * bd)
        }
    }

    static func negateReal(_ a: Expr) -> Expr {
        switch a {
        case .integer(let x):
            if x == Int.min { return .integer(-BigInt(x)) }
            return .integer(-x)
        case .bigInteger(let b): return .integer(-b)
        case .rational(let n, let d): return .rational(-n, d)
        case .real(let x): return .real(-x)
        default: return a
        }
    }

    /// 1/a for a non-zero real number; nil for exact zero.
    static func reciprocalReal(_ a: Expr) -> Expr? {
        switch a {
        case .real(let x): return .real(1 / x)
        case .integer(let i) where i != 0 && i != .min: return Expr.rational(1, over: i)
        default:
            guard let (n, d) = ratio(a), !n.isZero else { return nil }
            return exact(d, n)
        }
    }

    // MARK: Number arithmetic (complex aware)

    static func add(_ a: Expr, _ b: Expr) -> Expr {
        if case .complex = a {} else if case .complex = b {} else { return addReal(a, b) }
        if let x = inexactComplex(a, b) {
            let y = machineComplex(b) ?? MachineComplex(.nan, .nan)
            return machine(MachineComplex(x.re + y.re, x.im + y.im))
        }
        let (ar, ai) = parts(a), (br, bi) = parts(b)
        return complex(addReal(ar, br), addReal(ai, bi))
    }

    static func multiply(_ a: Expr, _ b: Expr) -> Expr {
        if case .complex = a {} else if case .complex = b {} else { return multiplyReal(a, b) }
        if isExactZero(a) || isExactZero(b) { return .integer(0) }
        if let x = inexactComplex(a, b) {
            let y = machineComplex(b) ?? MachineComplex(.nan, .nan)
            if y.im == 0, case .complex = a { return machine(MachineComplex(x.re * y.re, x.im * y.re)) }
            if x.im == 0, case .complex = b { return machine(MachineComplex(x.re * y.re, x.re * y.im)) }
            return machine(x * y)
        }
        let (ar, ai) = parts(a), (br, bi) = parts(b)
        let re = addReal(multiplyReal(ar, br), negateReal(multiplyReal(ai, bi)))
        let im = addReal(multiplyReal(ar, bi), multiplyReal(ai, br))
        return complex(re, im)
    }

    static func negate(_ a: Expr) -> Expr {
        if case .complex(let re, let im) = a {
            if isInexact(a) { return .complex(negateReal(re), negateReal(im)) }
            return complex(negateReal(re), negateReal(im))
        }
        return negateReal(a)
    }

    static func subtract(_ a: Expr, _ b: Expr) -> Expr { add(a, negate(b)) }

    /// 1/a; nil for exact zero.
    static func reciprocal(_ a: Expr) -> Expr? {
        guard case .complex(let re, let im) = a else { return reciprocalReal(a) }
        if isInexact(a) {
            guard let z = machineComplex(a) else { return nil }
            return machine(MachineComplex(1, 0) / z)
        }
        // 1/(a + b I) = (a - b I)/(a^2 + b^2)
        let norm = addReal(multiplyReal(re, re), multiplyReal(im, im))
        guard let inverse = reciprocalReal(norm) else { return nil }
        return complex(multiplyReal(re, inverse), negateReal(multiplyReal(im, inverse)))
    }

    /// a/b; nil when b is exact zero.
    static func divide(_ a: Expr, _ b: Expr) -> Expr? {
        if isInexact(a) || isInexact(b), case .complex = b, let x = machineComplex(a), let y = machineComplex(b) {
            return machine(x / y)
        }
        guard let r = reciprocal(b) else { return nil }
        return multiply(a, r)
    }

    /// The machine value of `a` when `a` or `b` is an inexact complex number (so the result is one).
    private static func inexactComplex(_ a: Expr, _ b: Expr) -> MachineComplex? {
        guard isInexact(a) || isInexact(b) else { return nil }
        return machineComplex(a)
    }

    /// a^n for an exact or inexact number and a machine integer exponent; nil when the base is exact
    /// zero and `n` is negative (the caller reports the infinity). `limitBits` guards against results
    /// too large to hold.
    static func integerPower(_ base: Expr, _ n: Int, limitBits: Int = 1 << 28) -> Expr? {
        if n == 0 { return .integer(1) }
        if n < 0 {
            guard let inverse = reciprocal(base) else { return nil }
            if n == Int.min { return nil }
            return integerPower(inverse, -n, limitBits: limitBits)
        }
        if n == 1, base.isNumber { return base }
        switch base {
        case .integer(let b):
            if b == 0 || b == 1 { return base }
            if b == -1 { return .integer(n % 2 == 0 ? 1 : -1) }
            var result = 1
            var overflow = false
            for _ in 0..<min(n, 64) {
                let (p, o) = result.multipliedReportingOverflow(by: b)
                if o { overflow = true; break }
                result = p
            }
            if !overflow && n <= 64 { return .integer(result) }
            let bits = Double(BigInt(b).magnitude.bitWidth) * Double(n)
            if bits > Double(limitBits) { return nil }
            return .integer(BigInt(b).power(n))
        case .bigInteger(let b):
            if Double(b.magnitude.bitWidth) * Double(n) > Double(limitBits) { return nil }
            return .integer(b.power(n))
        case .rational(let p, let q):
            let bits = Double(max(p.magnitude.bitWidth, q.magnitude.bitWidth)) * Double(n)
            if bits > Double(limitBits) { return nil }
            return .rational(p.power(n), q.power(n))
        case .real(let x):
            return .real(pow(x, Double(n)))
        case .complex:
            if isInexact(base) {
                guard let z = machineComplex(base) else { return nil }
                return machine(z.power(n))
            }
            var result: Expr = .integer(1)
            var square = base
            var k = n
            while k > 0 {
                if k & 1 == 1 { result = multiply(result, square) }
                k >>= 1
                if k > 0 { square = multiply(square, square) }
            }
            return result
        default:
            return nil
        }
    }

    /// x^n by repeated squaring for small n (as Mathematica does for machine reals), else pow.
    static func powInteger(_ x: Double, _ n: Int) -> Double {
        if n < 0 { return 1 / powInteger(x, -n) }
        if n > 1024 { return pow(x, Double(n)) }
        var result = 1.0
        var square = x
        var k = n
        while k > 0 {
            if k & 1 == 1 { result *= square }
            k >>= 1
            if k > 0 { square *= square }
        }
        return result
    }

    // MARK: Comparison

    /// Exact numeric comparison of two real numbers: -1, 0, 1.
    static func compare(_ a: Expr, _ b: Expr) -> Int { NumberOrder.compareReal(a, b) }

    /// Absolute value of a real number.
    static func absReal(_ a: Expr) -> Expr { sign(a) < 0 ? negateReal(a) : a }
}
