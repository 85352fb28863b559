// Listable arithmetic on packed arrays, computed on the buffers by TesseraNumerics' kernels.
//
// The evaluator offers a Listable builtin its packed arguments before threading. When every
// argument is a packed array or a machine number, the operation folds over them with
// `Elementwise.binary` (equal shapes element by element, a prefix shape against each sub-array, as
// Listable threading pairs them). Exact rationals and big integers become machine reals when the
// arrays are real or complex (that is what the elementwise result would be). When a kernel declines
// (integer overflow, a rational or complex result from integers), nil sends the call to ordinary
// threading, which computes exactly; an overflow is reported as unpacking.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum PackedArithmetic {
    static func fold(_ k: Kernel, _ operation: BinaryOperation, _ args: [Expr], head: Symbol) throws(Interrupt) -> Expr? {
        var hasArray = false
        var inexactArrays = true
        for a in args {
            if case .packed(let p) = a {
                hasArray = true
                if p.type == .integer { inexactArrays = false }
            } else if a.isList(k.sys) {
                return nil
            }
        }
        guard hasArray else { return nil }
        var operands: [Operand] = []
        operands.reserveCapacity(args.count)
        // A machine number anywhere makes exact numeric factors (Sqrt[2], Pi) machine numbers too,
        // as Times[0.5, Sqrt[2]] is 0.707...: `ht/Sqrt[2 Pi] * packed` must stay one array pass.
        let inexact = inexactArrays || args.contains { if case .real = $0 { return true }; return false }
        for a in args {
            if let o = operand(a, inexact: inexact) {
                operands.append(o)
            } else if inexact, let v = SumBuilder.machineValue(k, a), let o = operand(v, inexact: true) {
                operands.append(o)
            } else {
                return nil
            }
        }
        if operation == .add || operation == .multiply {
            operands = try numbersCombined(k, operation, operands, args, inexact: inexact)
        }
        var accumulator = operands[0]
        do {
            for o in operands.dropFirst() {
                accumulator = .array(try Elementwise.binary(operation, accumulator, o))
            }
        } catch .integerOverflow {
            k.noteUnpacking(head)
            return nil
        } catch {
            try k.abortIfStorage(error)
            return nil
        }
        if case .array(let result) = accumulator { return .packed(result) }
        return nil
    }

    /// The operands of a sum or product, arrays first: its numbers become one number, made by the
    /// scalar Plus or Times itself, as Mathematica combines the numbers of a product before its
    /// lists. `ht/Sqrt[2 Pi] * array` is then one pass over the array, not one per factor. When the
    /// numbers do not combine into one machine number, each stays an operand of its own.
    private static func numbersCombined(_ k: Kernel, _ operation: BinaryOperation, _ operands: [Operand],
                                        _ args: [Expr], inexact: Bool) throws(Interrupt) -> [Operand] {
        let arrays = operands.filter { if case .array = $0 { return true } else { return false } }
        let scalars = operands.filter { if case .scalar = $0 { return true } else { return false } }
        let numbers = args.filter { if case .packed = $0 { return false } else { return true } }
        guard numbers.count > 1 else { return arrays + scalars }
        let combined = try k.evaluate(Expr(operation == .add ? k.sys.Plus : k.sys.Times, numbers))
        if let o = operand(combined, inexact: inexact)
            ?? (inexact ? SumBuilder.machineValue(k, combined).flatMap({ operand($0, inexact: true) }) : nil) {
            return arrays + [o]
        }
        return arrays + scalars
    }

    static func operand(_ e: Expr, inexact: Bool) -> Operand? {
        switch e {
        case .packed(let p): return .array(p)
        case .integer(let i): return .scalar(.integer(i))
        case .real(let d): return .scalar(.real(d))
        case .complex(.real(let re), .real(let im)): return .scalar(.complex(ComplexDouble(re, im)))
        case .bigInteger, .rational:
            guard inexact, let d = NumberArithmetic.double(e) else { return nil }
            return .scalar(.real(d))
        case .complex:
            guard inexact, let z = NumberArithmetic.machineComplex(e) else { return nil }
            return .scalar(.complex(ComplexDouble(z.re, z.im)))
        default:
            return nil
        }
    }

    /// f[array] elementwise for a real or complex array (integer arrays give exact values, which
    /// is the general path's job).
    static func unary(_ k: Kernel, _ operation: UnaryOperation, _ e: Expr, allowIntegers: Bool = false) throws(Interrupt) -> Expr? {
        guard case .packed(let p) = e, allowIntegers || p.type != .integer else { return nil }
        guard let r = try k.numeric({ () throws(NumericsError) in try Elementwise.unary(operation, p) }) else { return nil }
        return .packed(r)
    }
}
