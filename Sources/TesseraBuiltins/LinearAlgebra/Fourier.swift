// Fourier and InverseFourier: discrete Fourier transforms of vectors and arrays of any rank.
//
// The transform itself lives in TesseraNumerics (`FourierEngine`: FFTW, Mathematica's
// FourierParameters {a, b}, real-to-complex plans for real input, a per-kernel plan cache). This
// family only turns expressions into a packed array and back:
// - a packed argument goes to FFTW as it is (a row `a[[n]]` is a view: no copy is made before the
//   transform); real and integer arrays take the real-to-complex path;
// - an unpacked list of numbers is packed first; exact numbers (1/2, Pi, 1 + I) are given machine
//   values with N, as Mathematica does; anything else is `Fourier::fftl` and stays unevaluated;
// - the result is always a packed complex array of the input's shape.
//
// FourierParameters -> {a, b} takes any real a and b (non-integer b uses Bluestein's algorithm in
// the engine). Positions (`Fourier[list, {p1, ...}]`) are not supported yet: the call stays
// unevaluated.

import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum FourierBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Fourier", attributes: [.protected], messages: messages,
                    options: [("FourierParameters", "{0, 1}")], { k, c throws(Interrupt) in
            try transform(k, c, inverse: false)
        }),
        BuiltinSpec("InverseFourier", attributes: [.protected], messages: messages,
                    options: [("FourierParameters", "{0, 1}")], { k, c throws(Interrupt) in
            try transform(k, c, inverse: true)
        }),
        BuiltinSpec("FourierParameters"),
    ]

    static let messages: [String: String] = [
        "fftl": "Argument `1` is not a nonempty list or rectangular array of numeric quantities.",
        "fpopt": "The value `1` of the option FourierParameters should be a list of two real numbers.",
    ]

    static func transform(_ k: Kernel, _ c: Call, inverse: Bool) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard positional.count == 1 else {
            if positional.count == 0 { _ = k.checkCount(c, 1, 2) }
            return nil  // positions, or too many arguments
        }
        var parameters = FourierParameters.default
        if let value = k.optionValue("FourierParameters", in: options, of: c.head) {
            guard let p = try fourierParameters(k, value) else { return k.fail(c, "fpopt", value) }
            parameters = p
        }
        guard let array = try numericArray(k, positional[0]), array.count > 0 else {
            return k.fail(c, "fftl", positional[0])
        }
        let engine = NumericEngines.fourier(k)
        do {
            let result = inverse
                ? try engine.inverseFourier(array, parameters: parameters)
                : try engine.fourier(array, parameters: parameters)
            return .packed(result)
        } catch {
            try k.abortIfStorage(error)
            return k.fail(c, "fftl", positional[0])
        }
    }

    /// {a, b} with real (or exact real) a and b.
    static func fourierParameters(_ k: Kernel, _ value: Expr) throws(Interrupt) -> FourierParameters? {
        guard value.isList(k.sys), value.length == 2 else { return nil }
        let parts = value.arguments
        guard let a = try realValue(k, parts[0]), let b = try realValue(k, parts[1]) else { return nil }
        return FourierParameters(a: a, b: b)
    }

    /// A machine real for a real numeric expression (1, 1/2, -1., Pi), else nil.
    static func realValue(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Double? {
        switch e {
        case .integer(let i): return Double(i)
        case .real(let x): return x
        default:
            if case .real(let x) = try k.evaluate(Expr(k.sys.N, e)) { return x }
            return nil
        }
    }

    /// The argument as a packed array of machine numbers: as it is when packed, else packed from its
    /// elements, else from their machine values (N). Nil when it is not a rectangular numeric array.
    static func numericArray(_ k: Kernel, _ e: Expr) throws(Interrupt) -> PackedArray? {
        if case .packed(let p) = e { return p }
        guard e.isList(k.sys), e.length > 0 else { return nil }
        if let p = k.packed(from: e.arguments) { return p }
        let numeric = try k.evaluate(Expr(k.sys.N, e))
        if case .packed(let p) = numeric { return p }
        guard numeric.isList(k.sys) else { return nil }
        return k.packed(from: numeric.arguments)
    }
}
