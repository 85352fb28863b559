// Number predicates: NumberQ, NumericQ, IntegerQ, EvenQ, OddQ, ExactNumberQ, InexactNumberQ,
// MachineNumberQ, RealValuedNumberQ, RealValuedNumericQ, Positive, Negative, NonNegative,
// NonPositive, PossibleZeroQ, Divisible, CoprimeQ, SquareFreeQ, PrimePowerQ, PerfectNumberQ.
//
// The sign tests decide numeric quantities through their machine values and know that Abs is
// never negative; anything else they cannot decide stays unevaluated.

import BigInt
import TesseraCore
import TesseraExpr

enum PredicateBuiltins {
    static let table: [BuiltinSpec] = [
        predicate("NumberQ") { _, e in e.isNumber },
        predicate("NumericQ") { k, e in NumericValue.isNumeric(k, e) },
        predicate("IntegerQ") { _, e in IntegerBuiltins.integer(e) != nil },
        predicate("EvenQ") { _, e in IntegerBuiltins.integer(e)?.isMultiple(of: 2) ?? false },
        predicate("OddQ") { _, e in IntegerBuiltins.integer(e).map { !$0.isMultiple(of: 2) } ?? false },
        predicate("ExactNumberQ") { _, e in e.isNumber && e.isExactNumber },
        predicate("InexactNumberQ") { _, e in e.isNumber && NumberArithmetic.isInexact(e) },
        predicate("MachineNumberQ") { _, e in e.isNumber && NumberArithmetic.isInexact(e) },
        predicate("RealValuedNumberQ") { _, e in NumberArithmetic.isReal(e) },
        predicate("RealValuedNumericQ") { k, e in ComplexPartBuiltins.isRealNumeric(k, e) },
        predicate("PossibleZeroQ") { k, e in
            if e.isNumber { return NumberArithmetic.isZero(e) }
            guard NumericValue.isNumeric(k, e), let v = NumericValue.machine(k, e) else { return false }
            return v.magnitude < 1e-12
        },
        BuiltinSpec("Positive", attributes: [.listable, .protected], { k, c throws(Interrupt) in try signTest(k, c) { $0 > 0 } }),
        BuiltinSpec("Negative", attributes: [.listable, .protected], { k, c throws(Interrupt) in try signTest(k, c) { $0 < 0 } }),
        BuiltinSpec("NonNegative", attributes: [.listable, .protected], { k, c throws(Interrupt) in try signTest(k, c) { $0 >= 0 } }),
        BuiltinSpec("NonPositive", attributes: [.listable, .protected], { k, c throws(Interrupt) in try signTest(k, c) { $0 <= 0 } }),
        BuiltinSpec("Divisible", attributes: [.listable, .protected], { k, c throws(Interrupt) in
            guard k.checkCount(c, 2, 2), let (n, nd) = NumberArithmetic.ratio(c[0]), let (m, md) = NumberArithmetic.ratio(c[1]),
                  !m.isZero else { return nil }
            // n/m must be an integer.
            let numerator = n * md, denominator = nd * m
            return k.bool((numerator % denominator).isZero)
        }),
        BuiltinSpec("CoprimeQ", attributes: [.listable, .protected], { k, c throws(Interrupt) in
            var values: [BigInt] = []
            for a in c.arguments {
                guard let n = IntegerBuiltins.integer(a) else { return nil }
                values.append(n)
            }
            for i in values.indices {
                for j in (i + 1)..<values.count where values[i].magnitude.greatestCommonDivisor(with: values[j].magnitude) != 1 {
                    return k.bool(false)
                }
            }
            return k.bool(true)
        }),
        predicate("SquareFreeQ") { _, e in
            guard let n = IntegerBuiltins.integer(e), !n.isZero else { return false }
            return IntegerBuiltins.factor(n.magnitude).allSatisfy { $0.1 == 1 }
        },
        predicate("PrimePowerQ") { _, e in
            guard let n = IntegerBuiltins.integer(e), n.magnitude > 1 else { return false }
            return IntegerBuiltins.factor(n.magnitude).count == 1
        },
        predicate("PerfectNumberQ") { _, e in
            guard let n = IntegerBuiltins.integer(e), n > 1 else { return false }
            var sum = BigUInt(1)
            for (p, m) in IntegerBuiltins.factor(n.magnitude) {
                var term = BigUInt(1), power = BigUInt(1)
                for _ in 0..<m { power *= p; term += power }
                sum *= term
            }
            return sum == 2 * n.magnitude
        },
    ]

    static func predicate(_ name: String, _ test: @escaping @Sendable (Kernel, Expr) -> Bool) -> BuiltinSpec {
        BuiltinSpec(name, attributes: [.protected], { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            return k.bool(test(k, c[0]))
        })
    }

    /// The sign of a real quantity, with Abs known to be non-negative; nil when undecided.
    static func knownSign(_ k: Kernel, _ e: Expr) -> (sign: Int, exact: Bool)? {
        if NumberArithmetic.isReal(e) { return (NumberArithmetic.sign(e), true) }
        if let kind = ArithmeticBuiltins.infiniteKind(k, e) {
            guard case .directed(let d) = kind, NumberArithmetic.isReal(d) else { return nil }
            return (NumberArithmetic.sign(d), true)
        }
        if ComplexPartBuiltins.isRealNumeric(k, e), let s = NumericValue.sign(k, e) { return (s, true) }
        if case .normal(let n) = e {
            if n.head.isSymbol(k.sys.Abs) { return (0, false) }  // >= 0
            if n.head.isSymbol(k.sys.Times), let first = n.arguments.first, NumberArithmetic.isReal(first),
               n.arguments.count == 2, let inner = knownSign(k, n.arguments[1]), !inner.exact {
                return (NumberArithmetic.sign(first) * (inner.sign == 0 ? 1 : inner.sign), false)
            }
        }
        return nil
    }

    static func signTest(_ k: Kernel, _ c: Call, _ test: (Int) -> Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if c[0].isNumber && !NumberArithmetic.isReal(c[0]) { return k.bool(false) }
        guard let (s, exact) = knownSign(k, c[0]) else { return nil }
        if exact { return k.bool(test(s)) }
        // Only "non-negative" (s = 1) or "non-positive" (s = -1) is known.
        if s >= 0 {
            if test(1) && test(0) { return k.bool(true) }    // NonNegative
            if !test(1) && !test(0) { return k.bool(false) } // Negative
        } else {
            if test(-1) && test(0) { return k.bool(true) }   // NonPositive
            if !test(-1) && !test(0) { return k.bool(false) } // Positive
        }
        return nil
    }
}
