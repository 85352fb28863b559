// Integer functions: GCD, LCM, Factorial, Factorial2, Binomial, Multinomial, PowerMod, IntegerDigits,
// FromDigits, IntegerLength, DigitCount, Prime, PrimeQ, NextPrime, FactorInteger, Divisors, EulerPhi,
// IntegerExponent, Fibonacci, BitLength.
//
// Arithmetic is exact in BigInt; primality is Miller-Rabin with fixed bases (deterministic below
// 3.3 * 10^24, which covers every machine integer), and FactorInteger uses trial division then
// Pollard's rho.

import BigInt
import TesseraCore
import TesseraExpr

enum IntegerBuiltins {
    static let listable: Attributes = [.listable, .protected]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("GCD", attributes: [.flat, .listable, .oneIdentity, .orderless, .protected], gcd),
        BuiltinSpec("LCM", attributes: [.flat, .listable, .oneIdentity, .orderless, .protected], lcm),
        BuiltinSpec("Factorial", attributes: [.listable, .numericFunction, .protected], factorial),
        BuiltinSpec("Factorial2", attributes: [.listable, .numericFunction, .protected], factorial2),
        BuiltinSpec("Binomial", attributes: [.listable, .numericFunction, .protected], binomial),
        BuiltinSpec("Multinomial", attributes: [.listable, .numericFunction, .orderless, .protected], multinomial),
        BuiltinSpec("PowerMod", attributes: listable, powerMod),
        BuiltinSpec("IntegerDigits", attributes: listable, integerDigits),
        BuiltinSpec("FromDigits", attributes: [.protected], fromDigits),
        BuiltinSpec("IntegerLength", attributes: listable, integerLength),
        BuiltinSpec("DigitCount", attributes: listable, digitCount),
        BuiltinSpec("Prime", attributes: listable, prime),
        BuiltinSpec("PrimeQ", attributes: listable, { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            guard let n = integer(c[0]) else { return k.bool(false) }
            return k.bool(isPrime(n.magnitude))
        }),
        BuiltinSpec("CompositeQ", attributes: listable, { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            guard let n = integer(c[0]), n.magnitude > 1 else { return k.bool(false) }
            return k.bool(!isPrime(n.magnitude))
        }),
        BuiltinSpec("NextPrime", attributes: listable, nextPrime),
        BuiltinSpec("FactorInteger", attributes: listable, factorInteger),
        BuiltinSpec("Divisors", attributes: listable, divisors),
        BuiltinSpec("EulerPhi", attributes: listable, eulerPhi),
        BuiltinSpec("IntegerExponent", attributes: listable, integerExponent),
        BuiltinSpec("Fibonacci", attributes: [.listable, .numericFunction, .protected], fibonacci),
        BuiltinSpec("BitLength", attributes: listable, { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1), let n = integer(c[0]) else { return nil }
            let m = n.signum() < 0 ? -n - 1 : n
            return .integer(m.isZero ? 0 : m.magnitude.bitWidth)
        }),
    ]

    static func integer(_ e: Expr) -> BigInt? {
        switch e {
        case .integer(let i): return BigInt(i)
        case .bigInteger(let b): return b
        default: return nil
        }
    }

    // MARK: GCD, LCM

    static func gcd(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { return .integer(0) }
        // gcd(a/b, c/d) = gcd(a, c)/lcm(b, d)
        var numerator = BigUInt(0), denominator = BigUInt(1)
        for a in c.arguments {
            guard let (n, d) = NumberArithmetic.ratio(a) else { return nil }
            numerator = numerator.greatestCommonDivisor(with: n.magnitude)
            denominator = denominator / denominator.greatestCommonDivisor(with: d.magnitude) * d.magnitude
        }
        return NumberArithmetic.exact(BigInt(numerator), BigInt(denominator))
    }

    static func lcm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { return .integer(1) }
        var l = BigUInt(1)
        for a in c.arguments {
            guard let n = integer(a) else { return nil }
            if n.isZero { return .integer(0) }
            l = l / l.greatestCommonDivisor(with: n.magnitude) * n.magnitude
        }
        return .integer(BigInt(l))
    }

    // MARK: Factorials and binomials

    static func product(_ from: Int, _ to: Int, step: Int = 1) -> BigInt {
        // Balanced product for speed on large ranges.
        if from > to { return 1 }
        if (to - from) / step < 16 {
            var p = BigInt(1)
            var i = from
            while i <= to { p *= BigInt(i); i += step }
            return p
        }
        let count = (to - from) / step + 1
        let mid = from + (count / 2) * step
        return product(from, mid - step, step: step) * product(mid, to, step: step)
    }

    static func factorial(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        switch x {
        case .integer(let n):
            if n < 0 { return ArithmeticBuiltins.complexInfinity(k) }
            if n > 1_000_000 { return nil }
            return .integer(product(2, n))
        case .real(let d):
            return .real(tgamma(d + 1))
        case .rational(let n, let d) where d == 2:
            // (n/2)! = Gamma[n/2 + 1] = Sqrt[Pi] (n+1)!!/2^((n+1)/2) for odd n
            guard let m = Int(exactly: n), m > -1 else { return nil }
            let top = product(1, m, step: 2)
            let power = BigInt(2).power((m + 1) / 2)
            return try k.evaluate(Expr(k.sys.Times, NumberArithmetic.exact(top, power),
                                       Expr(k.sys.Power, .symbol(k.sys.Pi), .rational(1, 2))))
        default:
            if x.hasHead(k.sys.DirectedInfinity), x.arguments.first == .integer(1) { return x }
            return nil
        }
    }

    static func factorial2(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        switch c[0] {
        case .integer(let n):
            if n == -1 || n == 0 { return .integer(1) }
            if n < -1 {
                if n % 2 == 0 { return ArithmeticBuiltins.complexInfinity(k) }
                // (-2m-1)!! = (-1)^m / (2m-1)!!
                let m = (-n - 1) / 2
                let denominator = product(1, 2 * m - 1, step: 2)
                return NumberArithmetic.exact(m % 2 == 0 ? 1 : -1, denominator)
            }
            if n > 1_000_000 { return nil }
            return .integer(product(n % 2 == 0 ? 2 : 1, n, step: 2))
        default:
            return nil
        }
    }

    static func binomial(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        if case .integer(let n) = c[0], case .integer(let m) = c[1] {
            if m < 0 { return .integer(n < 0 && m <= n ? binomialValue(-m - 1, n - m) * ((n - m) % 2 == 0 ? 1 : -1) : 0) }
            if n >= 0 {
                if m > n { return .integer(0) }
                return .integer(binomialValue(n, min(m, n - m)))
            }
            // Negative n: (-1)^m Binomial[m - n - 1, m]
            let v = binomialValue(m - n - 1, m)
            return .integer(m % 2 == 0 ? v : -v)
        }
        if NumberArithmetic.isInexact(c[0]) || NumberArithmetic.isInexact(c[1]),
           let n = NumberArithmetic.double(c[0]), let m = NumberArithmetic.double(c[1]) {
            return .real(exp(lgamma(n + 1) - lgamma(m + 1) - lgamma(n - m + 1)))
        }
        if case .integer(let m) = c[1] {
            if m == 0 { return .integer(1) }
            if m == 1 { return c[0] }
        }
        if c[0] == c[1] { return .integer(1) }
        return nil
    }

    static func binomialValue(_ n: Int, _ m: Int) -> BigInt {
        if m < 0 || n < 0 { return 0 }
        var result = BigInt(1)
        for i in 0..<m {
            result = result * BigInt(n - i) / BigInt(i + 1)
        }
        return result
    }

    static func multinomial(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var total = 0
        var result = BigInt(1)
        for a in c.arguments {
            guard case .integer(let n) = a, n >= 0 else { return nil }
            total += n
            result *= binomialValue(total, n)
        }
        return .integer(result)
    }

    // MARK: Modular arithmetic

    static func powerMod(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3), let a = integer(c[0]), let m = integer(c[2]), !m.isZero else { return nil }
        if let e = integer(c[1]) {
            let modulus = BigInt(m.magnitude)
            var base = a
            var exponent = e
            if e.signum() < 0 {
                guard let inverse = ((a % modulus) + modulus).inverse(modulus) else {
                    k.message(TrigonometricFunctions.symbol(k, "PowerMod"), "ninv", c[0], c[2])
                    return nil
                }
                base = inverse
                exponent = -e
            }
            var r = base.power(exponent, modulus: modulus)
            if r.signum() < 0 { r += modulus }
            if m.signum() < 0 && !r.isZero { r += m }
            return .integer(r)
        }
        return nil
    }

    // MARK: Digits

    static func integerDigits(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3), let n = integer(c[0]) else { return nil }
        var base = BigInt(10)
        if c.count >= 2 { guard let b = integer(c[1]), b >= 2 else { return nil }; base = b }
        var digits: [Expr] = []
        var m = BigInt(n.magnitude)
        if m.isZero { digits = [.integer(0)] }
        while !m.isZero {
            let (q, r) = m.quotientAndRemainder(dividingBy: base)
            digits.append(.integer(r))
            m = q
        }
        digits.reverse()
        if c.count == 3 {
            guard case .integer(let len) = c[2], len >= 0 else { return nil }
            if digits.count > len { digits = Array(digits.suffix(len)) }
            else { digits = Array(repeating: .integer(0), count: len - digits.count) + digits }
        }
        return k.listExpr(digits)
    }

    static func fromDigits(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var base: Expr = .integer(10)
        if c.count == 2 { base = c[1] }
        if case .string(let s) = c[0] {
            guard case .integer(let b) = base, let v = BigInt(s, radix: b) else { return nil }
            return .integer(v)
        }
        guard c[0].isList(k.sys) else { return nil }
        var result: Expr = .integer(0)
        var allNumbers = true
        for d in c[0].arguments where !d.isNumber { allNumbers = false }
        if allNumbers && base.isNumber {
            for d in c[0].arguments {
                result = NumberArithmetic.add(NumberArithmetic.multiply(result, base), d)
            }
            return result
        }
        var expr: Expr = .integer(0)
        for d in c[0].arguments { expr = Expr(k.sys.Plus, Expr(k.sys.Times, base, expr), d) }
        return try k.evaluate(expr)
    }

    static func integerLength(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let n = integer(c[0]) else { return nil }
        var base = BigInt(10)
        if c.count == 2 { guard let b = integer(c[1]), b >= 2 else { return nil }; base = b }
        var m = BigInt(n.magnitude)
        var count = 0
        while !m.isZero { m /= base; count += 1 }
        return .integer(count)
    }

    static func digitCount(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3), let n = integer(c[0]) else { return nil }
        var base = 10
        if c.count >= 2 { guard case .integer(let b) = c[1], b >= 2 else { return nil }; base = b }
        var counts = [Int](repeating: 0, count: base)
        var m = BigInt(n.magnitude)
        while !m.isZero {
            let (q, r) = m.quotientAndRemainder(dividingBy: BigInt(base))
            counts[Int(r)] += 1
            m = q
        }
        if c.count == 3 {
            guard case .integer(let d) = c[2], d >= 0, d < base else { return nil }
            return .integer(counts[d])
        }
        // Digits 1, 2, ..., base-1, 0.
        let ordered = Array(counts[1...]) + [counts[0]]
        return k.listExpr(ordered.map { .integer($0) })
    }

    // MARK: Primes

    static func isPrime(_ n: BigUInt) -> Bool {
        if n < 2 { return false }
        for p in RationalRoots.smallPrimes.prefix(60) {
            let bp = BigUInt(p)
            if n == bp { return true }
            if (n % bp).isZero { return false }
        }
        // Deterministic Miller-Rabin bases up to 3.3e24.
        let bases: [BigUInt] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41]
        for b in bases where !n.isStrongProbablePrime(b) { return false }
        return true
    }

    static func prime(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), case .integer(let n) = c[0], n >= 1 else { return nil }
        if n <= 10_000_000 {
            // Sieve up to an upper bound of the n-th prime.
            let x = Double(max(n, 6))
            let limit = n < 6 ? 15 : Int(x * (log(x) + log(log(x)))) + 3
            var sieve = [Bool](repeating: true, count: limit + 1)
            var count = 0
            var i = 2
            while i <= limit {
                if sieve[i] {
                    count += 1
                    if count == n { return .integer(i) }
                    var j = i * i
                    while j <= limit { sieve[j] = false; j += i }
                }
                i += 1
            }
        }
        return nil
    }

    static func nextPrime(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let n = integer(c[0]) else { return nil }
        var m = n + 1
        if m < 2 { return .integer(2) }
        while !isPrime(m.magnitude) { m += 1 }
        return .integer(m)
    }

    /// Prime factors with multiplicities, ascending.
    static func factor(_ n: BigUInt) -> [(BigUInt, Int)] {
        var m = n
        var result: [BigUInt: Int] = [:]
        for p in RationalRoots.smallPrimes {
            let bp = BigUInt(p)
            if bp * bp > m { break }
            while (m % bp).isZero { m /= bp; result[bp, default: 0] += 1 }
        }
        var stack: [BigUInt] = m > 1 ? [m] : []
        while let x = stack.popLast() {
            if isPrime(x) { result[x, default: 0] += 1; continue }
            if let r = RationalRoots.exactRoot(x, 2) { stack.append(r); stack.append(r); continue }
            let d = pollardRho(x)
            stack.append(d)
            stack.append(x / d)
        }
        return result.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func pollardRho(_ n: BigUInt) -> BigUInt {
        if (n % 2).isZero { return 2 }
        var c: BigUInt = 1
        while true {
            var x: BigUInt = 2, y: BigUInt = 2, d: BigUInt = 1
            while d == 1 {
                x = (x * x + c) % n
                y = (y * y + c) % n
                y = (y * y + c) % n
                d = (x > y ? x - y : y - x).greatestCommonDivisor(with: n)
            }
            if d != n { return d }
            c += 1
        }
    }

    static func factorInteger(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        guard let n = integer(c[0]) else {
            if case .rational(let p, let q) = c[0] {
                let top = factor(p.magnitude).map { Expr(k.sys.List, .integer(BigInt($0.0)), .integer($0.1)) }
                let bottom = factor(q.magnitude).map { Expr(k.sys.List, .integer(BigInt($0.0)), .integer(-$0.1)) }
                var all = (top + bottom)
                all.sort(by: k.canonicalLess)
                if p.signum() < 0 { all.insert(Expr(k.sys.List, .integer(-1), .integer(1)), at: 0) }
                return Expr(k.sys.List, all)
            }
            return nil
        }
        if n.isZero { return Expr(k.sys.List, Expr(k.sys.List, .integer(0), .integer(1))) }
        if n.magnitude == 1 { return Expr(k.sys.List, Expr(k.sys.List, .integer(n), .integer(1))) }
        var rows: [Expr] = []
        if n.signum() < 0 { rows.append(Expr(k.sys.List, .integer(-1), .integer(1))) }
        for (p, e) in factor(n.magnitude) { rows.append(k.listExpr([.integer(BigInt(p)), .integer(e)])) }
        return k.listExpr(rows)
    }

    static func divisors(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let n = integer(c[0]), !n.isZero else { return nil }
        var ds: [BigUInt] = [1]
        for (p, e) in factor(n.magnitude) {
            var next: [BigUInt] = []
            var power: BigUInt = 1
            for _ in 0...e {
                for d in ds { next.append(d * power) }
                power *= p
            }
            ds = next
        }
        ds.sort()
        return k.listExpr(ds.map { .integer(BigInt($0)) })
    }

    static func eulerPhi(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let n = integer(c[0]) else { return nil }
        if n.isZero { return .integer(0) }
        var phi = BigInt(n.magnitude)
        for (p, _) in factor(n.magnitude) { phi = phi / BigInt(p) * (BigInt(p) - 1) }
        return .integer(phi)
    }

    static func integerExponent(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let n = integer(c[0]) else { return nil }
        var base = BigInt(10)
        if c.count == 2 { guard let b = integer(c[1]), b >= 2 else { return nil }; base = b }
        if n.isZero { return Expr(k.sys.DirectedInfinity, .integer(1)) }
        var m = n
        var count = 0
        while (m % base).isZero { m /= base; count += 1 }
        return .integer(count)
    }

    static func fibonacci(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .integer(let n) = c[0], c.count == 1 else { return nil }
        let m = abs(n)
        guard m <= 10_000_000 else { return nil }
        var a = BigInt(0), b = BigInt(1)
        for _ in 0..<m { (a, b) = (b, a + b) }
        if n < 0 && m % 2 == 0 { a = -a }
        return .integer(a)
    }
}

#if canImport(Glibc)
import Glibc
#endif
