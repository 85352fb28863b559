// Iterator specifications shared by Table, Do, Sum, Product, ParallelTable...
//
// `{n}`, `{i, n}`, `{i, a, b}`, `{i, a, b, di}` and `{i, {v1, v2, ...}}`. The variable is scoped as
// Block does: its value is set for each round and the old value is restored afterwards, even when
// the body throws. Machine integers and reals iterate without evaluation; other bounds (rationals,
// symbolic steps) go through the evaluator.

import TesseraCore
import TesseraExpr

public struct IteratorSpec {
    public let variable: Symbol?
    public let values: IteratorValues
}

public enum IteratorValues {
    case integers(start: Int, count: Int, step: Int)
    case reals(start: Double, count: Int, step: Double)
    case list([Expr])

    public var count: Int {
        switch self {
        case .integers(_, let n, _), .reals(_, let n, _): return n
        case .list(let values): return values.count
        }
    }

    public func value(_ k: Int) -> Expr {
        switch self {
        case .integers(let start, _, let step): return .integer(start + k * step)
        case .reals(let start, _, let step): return .real(start + Double(k) * step)
        case .list(let values): return values[k]
        }
    }
}

extension Kernel {
    /// Parses one iterator (evaluating its bounds); nil after a message when malformed.
    public func iterator(_ spec: Expr, call: Call, position: Int) throws(Interrupt) -> IteratorSpec? {
        guard spec.isList(sys), case .normal(let n) = spec, !n.arguments.isEmpty else {
            let bound = try evaluate(spec)
            if let count = iterationCount(bound) {
                return IteratorSpec(variable: nil, values: .integers(start: 1, count: count, step: 1))
            }
            message(call.head, "itform", spec, .integer(position))
            return nil
        }
        let parts = n.arguments
        if parts.count == 1 {
            let bound = try evaluate(parts[0])
            guard let count = iterationCount(bound) else {
                message(call.head, "iterb", spec)
                return nil
            }
            return IteratorSpec(variable: nil, values: .integers(start: 1, count: count, step: 1))
        }
        guard let variable = parts[0].asSymbol else {
            message(call.head, "itraw", parts[0])
            return nil
        }
        if parts.count == 2 {
            let bound = try evaluate(parts[1])
            if bound.isList(sys) {
                return IteratorSpec(variable: variable, values: .list(bound.arguments))
            }
            return try range(variable, .integer(1), bound, .integer(1), spec: spec, call: call)
        }
        let start = try evaluate(parts[1])
        let end = try evaluate(parts[2])
        let step = parts.count >= 4 ? try evaluate(parts[3]) : .integer(1)
        return try range(variable, start, end, step, spec: spec, call: call)
    }

    private func iterationCount(_ bound: Expr) -> Int? {
        switch bound {
        case .integer(let i): return Swift.max(i, 0)
        case .real(let d) where d.isFinite: return Swift.max(Int(d.rounded(.down)), 0)
        case .rational:
            guard let d = NumberOrder.approximate(bound) else { return nil }
            return Swift.max(Int(d.rounded(.down)), 0)
        default: return nil
        }
    }

    private func range(_ variable: Symbol, _ start: Expr, _ end: Expr, _ step: Expr, spec: Expr,
                       call: Call) throws(Interrupt) -> IteratorSpec? {
        switch (start, end, step) {
        case (.integer(let a), .integer(let b), .integer(let s)) where s != 0:
            let count = s > 0 ? (b >= a ? (b - a) / s + 1 : 0) : (a >= b ? (a - b) / (-s) + 1 : 0)
            return IteratorSpec(variable: variable, values: .integers(start: a, count: count, step: s))
        default:
            break
        }
        if let a = NumberOrder.approximate(start), let b = NumberOrder.approximate(end),
           let s = NumberOrder.approximate(step), s != 0 {
            let raw = (b - a) / s
            let count = raw < 0 ? 0 : Int((raw + 1e-10 * Swift.max(1, abs(raw))).rounded(.down)) + 1
            if case .real = start {
                return IteratorSpec(variable: variable, values: .reals(start: a, count: count, step: s))
            }
            if case .real = step {
                return IteratorSpec(variable: variable, values: .reals(start: a, count: count, step: s))
            }
            // Exact start and step: values start + k*step, evaluated exactly.
            var values: [Expr] = []
            values.reserveCapacity(count)
            for k in 0..<count {
                values.append(try evaluate(Expr(sys.Plus, start, Expr(sys.Times, .integer(k), step))))
            }
            return IteratorSpec(variable: variable, values: .list(values))
        }
        // Symbolic bounds: the number of steps must still be a number.
        let steps = try evaluate(Expr(sys.Times, Expr(sys.Plus, end, Expr(sys.Times, .integer(-1), start)),
                                      Expr(sys.Power, step, .integer(-1))))
        if let raw = NumberOrder.approximate(steps) {
            let count = raw < 0 ? 0 : Int(raw.rounded(.down)) + 1
            var values: [Expr] = []
            for k in 0..<count {
                values.append(try evaluate(Expr(sys.Plus, start, Expr(sys.Times, .integer(k), step))))
            }
            return IteratorSpec(variable: variable, values: .list(values))
        }
        message(call.head, "iterb", spec)
        return nil
    }

    /// Runs `body` once per value with the variable bound, Block-style; restores it afterwards.
    public func iterate(_ spec: IteratorSpec, _ body: (Int) throws(Interrupt) -> Bool) throws(Interrupt) {
        guard let variable = spec.variable else {
            for k in 0..<spec.values.count where !(try body(k)) { break }
            return
        }
        let saved = variable.ownValue
        let savedDelayed = variable.ownValueIsDelayed
        defer {
            variable.ownValue = saved
            variable.ownValueIsDelayed = savedDelayed
            variable.version &+= 1
            invalidateCaches()
        }
        variable.ownValueIsDelayed = false
        for k in 0..<spec.values.count {
            variable.ownValue = spec.values.value(k)
            variable.version &+= 1  // a subkernel evaluating with this value must be sent it
            invalidateCaches()
            if !(try body(k)) { break }
        }
    }
}
