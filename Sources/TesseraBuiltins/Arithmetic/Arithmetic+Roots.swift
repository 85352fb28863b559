// Exact rational powers of rational numbers, in Mathematica's normal form.
//
// (u/v)^(p/q) is split into an exact factor and a radical of a q-th-power-free rational:
//   8^(1/2) -> 2 Sqrt[2],  72^(1/3) -> 2 3^(2/3),  (8/27)^(1/3) -> 2/3,  (-8)^(1/3) -> 2 (-1)^(1/3).
// The exponent's integer part is taken out first (towards minus infinity for positive exponents
// and negative bases, towards zero for negative exponents of positive bases: 2^(-3/2) is
// 1/(2 Sqrt[2])). A radical whose base is a perfect power shows the smallest base
// (9^(1/3) -> 3^(2/3), 100^(1/4) -> Sqrt[10]); a base 1/n shows as n with a negated exponent.
// Roots are found by trial division by small primes and a perfect-power test of the cofactor, so a
// huge square factor made of two large primes is not found (Mathematica has limits there too).

import BigInt
import TesseraCore
import TesseraExpr

enum RationalRoots {
    /// Small primes for trial division.
    static let smallPrimes: [Int] = {
        var sieve = [Bool](repeating: true, count: 4096)
        var primes: [Int] = []
        for i in 2..<sieve.count where sieve[i] {
            primes.append(i)
            var j = i * i
            while j < sieve.count { sieve[j] = false; j += i }
        }
        return primes
    }()

    /// (u/v)^(p/q) with q > 1 in lowest terms; nil when the power stays as it is.
    static func power(_ k: Kernel, _ u: BigInt, _ v: BigInt, _ p: BigInt, _ q: BigInt) throws(Interrupt) -> Expr? {
        guard let root = Int(exactly: q), root <= 1 << 20 else { return nil }
        let negative = u.signum() < 0
        // Integer part of the exponent.
        var whole = p / q
        if (negative || p.signum() > 0) && (p - whole * q).signum() < 0 { whole -= 1 }
        let s = p - whole * q
        var coefficient: Expr = .integer(1)
        if !whole.isZero {
            guard let n = Int(exactly: whole),
                  let c = NumberArithmetic.integerPower(NumberArithmetic.exact(u, v), n) else { return nil }
            coefficient = c
        }
        let (a, uRest) = extract(u.magnitude, root)
        let (c, vRest) = extract(v.magnitude, root)
        // |u/v|^(s/q) = (a/c)^s (uRest/vRest)^(s/q)
        if let n = Int(exactly: s), let f = NumberArithmetic.integerPower(NumberArithmetic.exact(BigInt(a), BigInt(c)), n) {
            coefficient = NumberArithmetic.multiply(coefficient, f)
        } else {
            return nil
        }
        let restU = BigInt(uRest), restV = BigInt(vRest)
        let fraction = NumberArithmetic.exact(s, q)
        var radical: Expr
        if negative {
            if root == 2 {
                coefficient = NumberArithmetic.multiply(coefficient, .complex(.integer(0), .integer(1)))
                radical = normalForm(k, restU, restV, s, q)
            } else if restU == 1 && restV == 1 {
                radical = Expr(k.sys.Power, .integer(-1), fraction)
            } else {
                radical = Expr(k.sys.Power, NumberArithmetic.exact(-restU, restV), fraction)
            }
        } else {
            radical = normalForm(k, restU, restV, s, q)
        }
        if NumberArithmetic.isExactOne(coefficient) {
            if radical.isNumber { return radical }
            if case .normal(let n) = radical, n.arguments.count == 2,
               n.arguments[0] == NumberArithmetic.exact(u, v), n.arguments[1] == NumberArithmetic.exact(p, q) {
                return nil
            }
            return try k.evaluate(radical)
        }
        return try k.evaluate(Expr(k.sys.Times, coefficient, radical))
    }

    /// (u/v)^(s/q) with u, v free of q-th powers: the smallest base, n^(-e) for (1/n)^e.
    private static func normalForm(_ k: Kernel, _ u: BigInt, _ v: BigInt, _ s: BigInt, _ q: BigInt) -> Expr {
        if u == 1 && v == 1 { return .integer(1) }
        var x = u, y = v, e = NumberArithmetic.exact(s, q)
        if let (j, xr, yr) = commonPerfectPower(u.magnitude, v.magnitude) {
            x = BigInt(xr); y = BigInt(yr)
            e = NumberArithmetic.multiplyReal(e, .integer(j))
        }
        if y == 1 { return Expr(k.sys.Power, .integer(x), e) }
        if x == 1 { return Expr(k.sys.Power, .integer(y), NumberArithmetic.negateReal(e)) }
        if NumberArithmetic.sign(e) < 0 { return Expr(k.sys.Power, NumberArithmetic.exact(y, x), NumberArithmetic.negateReal(e)) }
        return Expr(k.sys.Power, NumberArithmetic.exact(x, y), e)
    }

    /// n = a^q * rest, taking out the q-th powers that trial division and a cofactor test find.
    static func extract(_ n: BigUInt, _ q: Int) -> (BigUInt, BigUInt) {
        if n <= 1 { return (1, n) }
        var a = BigUInt(1), rest = BigUInt(1)
        var m = n
        for p in smallPrimes {
            let bp = BigUInt(p)
            if m < bp { break }
            var count = 0
            while true {
                let (quotient, remainder) = m.quotientAndRemainder(dividingBy: bp)
                if !remainder.isZero { break }
                m = quotient
                count += 1
            }
            if count > 0 {
                if count >= q { a *= bp.power(count / q) }
                if count % q > 0 { rest *= bp.power(count % q) }
            }
        }
        if m > 1 {
            if m.bitWidth >= q, let r = exactRoot(m, q) {
                a *= r
            } else {
                rest *= m
            }
        }
        return (a, rest)
    }

    /// The largest j >= 2 such that u = x^j and v = y^j, with x and y.
    private static func commonPerfectPower(_ u: BigUInt, _ v: BigUInt) -> (Int, BigUInt, BigUInt)? {
        let bits = max(u.bitWidth, v.bitWidth)
        guard bits >= 2 else { return nil }
        var j = min(bits, 64)
        while j >= 2 {
            if let x = u == 1 ? 1 : exactRoot(u, j), let y = v == 1 ? 1 : exactRoot(v, j) {
                if !(x == u && y == v) { return (j, x, y) }
            }
            j -= 1
        }
        return nil
    }

    /// The exact j-th root of n, or nil.
    static func exactRoot(_ n: BigUInt, _ j: Int) -> BigUInt? {
        if n <= 1 { return n }
        if j == 1 { return n }
        if n.bitWidth < j { return nil }
        let r = integerRoot(n, j)
        return r.power(j) == n ? r : nil
    }

    /// Floor of the j-th root (Newton's iteration from above).
    static func integerRoot(_ n: BigUInt, _ j: Int) -> BigUInt {
        if n < 2 { return n }
        if j == 2 { return n.squareRoot() }
        var x = BigUInt(1) << ((n.bitWidth + j - 1) / j)
        while true {
            let y = (BigUInt(j - 1) * x + n / x.power(j - 1)) / BigUInt(j)
            if y >= x { return x }
            x = y
        }
    }
}
