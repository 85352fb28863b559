// Machine values of numeric quantities: the numbers behind Sqrt[2] - 1 < 1/2, Sign[Pi - 3],
// Floor[E^2], Pi + 1.5 and N[...].
//
// A quantity is numeric (NumericQ) when it is a number, a constant (a symbol with the Constant
// attribute: Pi, E, Degree, ...) or a NumericFunction applied to numeric quantities. Its machine
// value is computed bottom-up in complex double arithmetic; nil means "not numeric" or "no
// machine formula for this function here".

import TesseraCore
import TesseraExpr

#if canImport(Glibc)
import Glibc
#endif

enum NumericValue {
    /// The numeric constants and their machine values.
    static let constants: [(String, Double)] = [
        ("Pi", Double.pi),
        ("E", M_E),
        ("Degree", Double.pi / 180),
        ("GoldenRatio", (1 + 5.0.squareRoot()) / 2),
        ("EulerGamma", 0.5772156649015329),
        ("Catalan", 0.915965594177219),
        ("Glaisher", 1.2824271291006226),
        ("Khinchin", 2.6854520010653062),
    ]

    /// NumericQ.
    static func isNumeric(_ k: Kernel, _ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .rational, .real, .complex: return true
        case .symbol(let s): return s.attributes.contains(.constant)
        case .normal(let n):
            guard case .symbol(let h) = n.head, h.attributes.contains(.numericFunction) else { return false }
            for a in n.arguments where !isNumeric(k, a) { return false }
            return true
        default: return false
        }
    }

    /// The machine value of a numeric quantity; nil when unknown.
    static func machine(_ k: Kernel, _ e: Expr) -> MachineComplex? {
        switch e {
        case .integer, .bigInteger, .rational, .real, .complex:
            return NumberArithmetic.machineComplex(e)
        case .symbol(let s):
            guard s.attributes.contains(.constant), s.context == "System`" else { return nil }
            return constantTable(k)[ObjectIdentifier(s)].map { MachineComplex($0, 0) }
        case .normal(let n):
            guard case .symbol(let h) = n.head else { return nil }
            let sys = k.sys
            if h === sys.Plus {
                var sum = MachineComplex(0, 0)
                for a in n.arguments {
                    guard let v = machine(k, a) else { return nil }
                    sum = sum + v
                }
                return sum
            }
            if h === sys.Times {
                var product = MachineComplex(1, 0)
                for a in n.arguments {
                    guard let v = machine(k, a) else { return nil }
                    product = product * v
                }
                return product
            }
            if h === sys.Power, n.arguments.count == 2 {
                guard let b = machine(k, n.arguments[0]), let x = machine(k, n.arguments[1]) else { return nil }
                if b.im == 0 && x.im == 0 && (b.re >= 0 || x.re == x.re.rounded()) {
                    return MachineComplex(pow(b.re, x.re), 0)
                }
                return MachineComplex.pow(b, x)
            }
            guard h.attributes.contains(.numericFunction), let f = ElementaryFunctions.machineFunction(k, h) else {
                return nil
            }
            var values: [MachineComplex] = []
            values.reserveCapacity(n.arguments.count)
            for a in n.arguments {
                guard let v = machine(k, a) else { return nil }
                values.append(v)
            }
            return f(values)
        default:
            return nil
        }
    }

    /// The real machine value of a numeric quantity, nil when it is not real.
    static func real(_ k: Kernel, _ e: Expr) -> Double? {
        guard let v = machine(k, e), v.im == 0 || abs(v.im) < 1e-14 * max(1, abs(v.re)) && !e.isNumber else {
            return nil
        }
        return v.re
    }

    /// -1, 0, 1 for a real numeric quantity; nil when unknown or not real.
    static func sign(_ k: Kernel, _ e: Expr) -> Int? {
        if NumberArithmetic.isReal(e) { return NumberArithmetic.sign(e) }
        guard isNumeric(k, e), let v = machine(k, e), v.isFinite else { return nil }
        if v.im != 0 && abs(v.im) > 1e-12 * max(1, abs(v.re)) { return nil }
        if v.re == 0 { return 0 }
        // Cancellation (Sqrt[2]^2 - 2 done in machine numbers) must not decide a sign.
        if abs(v.re) < 1e-12 && !isExactlyComputable(e) { return nil }
        return v.re > 0 ? 1 : -1
    }

    private static func isExactlyComputable(_ e: Expr) -> Bool { e.isNumber }

    final class ConstantTable {
        var values: [ObjectIdentifier: Double] = [:]
    }

    private static func constantTable(_ k: Kernel) -> [ObjectIdentifier: Double] {
        k.extensionState(ConstantTable.self) {
            let table = ConstantTable()
            for (name, value) in constants {
                table.values[ObjectIdentifier(k.symbols.intern(fullName: "System`" + name))] = value
            }
            return table
        }.values
    }
}
