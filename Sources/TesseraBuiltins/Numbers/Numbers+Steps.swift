// Unitize and Ramp: step functions of numeric code, elementwise over lists and packed arrays.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum StepBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Unitize", attributes: [.listable, .protected], unitize),
        BuiltinSpec("Ramp", attributes: [.listable, .numericFunction, .protected], ramp),
    ]

    /// `Unitize[x]`: 0 where x is zero, 1 elsewhere; `Unitize[x, dx]`: 0 where |x| < dx. Symbolic
    /// non-numeric arguments stay unevaluated.
    static func unitize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        if case .packed(let array) = c[0] {
            guard c.count == 1 || NumericValue.real(k, c[1]) != nil else { return nil }
            let tolerance = c.count == 2 ? NumericValue.real(k, c[1]) ?? 0 : 0
            return try unitizePacked(k, array, tolerance: tolerance)
        }
        if c[0].hasHead(k.sys.List) || (c.count == 2 && c[1].hasHead(k.sys.List)) { return nil }
        if c.count == 2 {
            guard let x = NumericValue.machine(k, c[0]), let dx = NumericValue.real(k, c[1]) else { return nil }
            return .integer(x.magnitude < dx ? 0 : 1)
        }
        if c[0].isNumber { return .integer(NumberArithmetic.isZero(c[0]) ? 0 : 1) }
        guard NumericValue.isNumeric(k, c[0]), let x = NumericValue.machine(k, c[0]) else { return nil }
        return .integer(x.magnitude == 0 ? 0 : 1)
    }

    private static func unitizePacked(_ k: Kernel, _ array: PackedArray, tolerance: Double) throws(Interrupt) -> Expr? {
        let result = try k.packedUninitialized(.integer, array.dimensions)
        let out = result.integers
        switch array.type {
        case .integer:
            for (i, v) in array.integers.enumerated() { out[i] = Double(v.magnitude) < tolerance || v == 0 ? 0 : 1 }
        case .real:
            for (i, v) in array.reals.enumerated() { out[i] = abs(v) < tolerance || v == 0 ? 0 : 1 }
        case .complex:
            for (i, v) in array.complexes.enumerated() {
                let m = (v.re * v.re + v.im * v.im).squareRoot()
                out[i] = m < tolerance || m == 0 ? 0 : 1
            }
        }
        return .packed(result)
    }

    /// `Ramp[x]`: x when x >= 0, else 0 (of x's kind: `0` or `0.`); unevaluated when x's sign is not
    /// known.
    static func ramp(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if case .packed(let array) = c[0], array.type != .complex {
            let result = try k.packedUninitialized(array.type, array.dimensions)
            if array.type == .integer {
                for (i, v) in array.integers.enumerated() { result.integers[i] = max(v, 0) }
            } else {
                for (i, v) in array.reals.enumerated() { result.reals[i] = v < 0 ? 0 : v }
            }
            return .packed(result)
        }
        if c[0].hasHead(k.sys.List) { return nil }
        guard let sign = NumericValue.sign(k, c[0]) else { return nil }
        if sign >= 0 { return c[0] }
        if case .real = c[0] { return .real(0) }
        return .integer(0)
    }
}
