// Pure functions of machine integers, compiled once into Swift closures.
//
// `NestWhileList[If[Mod[#, 2] == 0, #/2, 3 # + 1] &, n, # != 1 &]` applies two small functions
// millions of times. The ordinary way (fill the slots, then evaluate the new tree: If, Equal, Mod,
// Times, Plus, each a full evaluation step) costs over a microsecond per call. A body made only of
// integer arithmetic, comparisons and If is compiled here into a tree of closures over `Int`, which
// the kernel runs when every argument is a machine integer (PureFunctionCache.swift).
//
// The contract: compiled code either gives exactly the value the ordinary evaluation gives, or gives
// nil, and the kernel then evaluates that call the ordinary way. So the code gives nil wherever the
// result would not be a machine integer or a boolean, or would come with a message: an overflow
// (a big integer), a division that is not exact (a Rational), a zero divisor (Mod::indet,
// Power::infy), `If[False, x]` (Null). The code never issues a message or allocates.
//
// What compiles (everything else makes the whole function not compilable):
//   integers   literals, slots `#n` (or the parameters of `Function[x, ...]`), Plus, Times (factors
//              `Power[x, -k]` and Rational literals divide), Subtract, Minus, Divide, Mod and
//              Quotient of two arguments, Power, If with integer branches
//   booleans   True, False, Equal, Less, LessEqual, Greater, GreaterEqual (chains), Unequal, SameQ,
//              UnsameQ (two arguments), And, Or, Not, EvenQ, OddQ, If with boolean branches
//
// The compiled form is valid only while the heads it stands for keep their builtin meaning: the
// compiler lists them (`dependencies`) with their versions, and the cache compiles again when one of
// them changes (a definition, an attribute; see Symbol.swift for the versions).

import TesseraExpr

/// Code of an integer-valued part: its value for the arguments, or nil (see the file comment).
typealias IntegerCode = (UnsafePointer<Int>) -> Int?
/// Code of a boolean-valued part.
typealias TruthCode = (UnsafePointer<Int>) -> Bool?

/// A compiled pure function: its code and what it needs of a call.
final class CompiledPureFunction {
    enum Code {
        case integer(IntegerCode)
        case truth(TruthCode)
    }

    let code: Code
    /// Arguments the code reads, all of which must be machine integers: the highest slot, or the
    /// parameter count (fewer arguments than parameters is Function::fpct, an ordinary evaluation).
    let arity: Int
    /// Nesting of the body: the ordinary evaluation would go this many levels deeper, so a call near
    /// `$RecursionLimit` is left to it (it gives the message).
    let height: Int
    /// Parts of the body, a bound on the evaluation chain's links (`$IterationLimit`).
    let size: Int

    init(code: Code, arity: Int, height: Int, size: Int) {
        self.code = code
        self.arity = arity
        self.height = height
        self.size = size
    }
}

/// Compiles one function body; a value is used once.
struct PureFunctionCompiler {
    /// The most arguments a compiled function reads (they are copied to a stack buffer).
    static let maximumArity = 8

    private let sys: SystemSymbols
    /// `Function[x, body]`, `Function[{x, y}, body]`: the parameters; nil for slots.
    private let parameters: [Symbol]?
    private var arity = 0
    private var height = 0
    private var size = 0
    /// The heads the code stands for, each once.
    private(set) var dependencies: [Symbol] = []

    init(sys: SystemSymbols, parameters: [Symbol]?) {
        self.sys = sys
        self.parameters = parameters
        arity = parameters?.count ?? 0
    }

    /// The compiled form of `Function[body]` or `Function[params, body]`, and the heads it depends
    /// on; nil code when the function is not made of what compiles. (Three-argument functions carry
    /// attributes and are not compiled.)
    static func compile(_ function: Normal, sys: SystemSymbols) -> (CompiledPureFunction?, [Symbol]) {
        let parts = function.arguments
        var compiler: PureFunctionCompiler
        let body: Expr
        switch parts.count {
        case 1:
            compiler = PureFunctionCompiler(sys: sys, parameters: nil)
            body = parts[0]
        case 2:
            let list = parts[0].isList(sys) ? parts[0].arguments : [parts[0]]
            var names: [Symbol] = []
            for parameter in list {
                // A System symbol as a parameter would replace heads too; leave such oddities alone.
                guard let s = parameter.asSymbol, s.context != "System`", !names.contains(where: { $0 === s })
                else { return (nil, []) }
                names.append(s)
            }
            guard names.count <= maximumArity else { return (nil, []) }
            compiler = PureFunctionCompiler(sys: sys, parameters: names)
            body = parts[1]
        default:
            return (nil, [])
        }
        compiler.note(sys.Function)
        compiler.note(sys.True)
        compiler.note(sys.False)
        if parts.count == 1 { compiler.note(sys.Slot) }
        var trial = compiler
        if let code = trial.integer(body, level: 1) {
            return (trial.finish(.integer(code)), trial.dependencies)
        }
        if let code = compiler.truth(body, level: 1) {
            return (compiler.finish(.truth(code)), compiler.dependencies)
        }
        return (nil, [])
    }

    private func finish(_ code: CompiledPureFunction.Code) -> CompiledPureFunction {
        CompiledPureFunction(code: code, arity: arity, height: height, size: size)
    }

    private mutating func note(_ head: Symbol) {
        if !dependencies.contains(where: { $0 === head }) { dependencies.append(head) }
    }

    private mutating func enter(_ level: Int) {
        height = max(height, level)
        size += 1
    }

    // MARK: Integer-valued parts

    private mutating func integer(_ e: Expr, level: Int) -> IntegerCode? {
        enter(level)
        switch e {
        case .integer(let value):
            return { _ in value }
        case .symbol(let s):
            guard let index = parameters?.firstIndex(where: { $0 === s }) else { return nil }
            return { $0[index] }
        case .normal(let n):
            guard case .symbol(let head) = n.head else { return nil }
            let arguments = n.arguments
            if head === sys.Slot {
                guard parameters == nil, arguments.count == 1, case .integer(let i) = arguments[0],
                      i >= 1, i <= Self.maximumArity else { return nil }
                arity = max(arity, i)
                return { $0[i - 1] }
            }
            note(head)
            let inner = level + 1
            switch head {
            case sys.Plus: return plus(arguments, level: inner)
            case sys.Times: return times(arguments, level: inner)
            case sys.Subtract:
                guard arguments.count == 2, let a = integer(arguments[0], level: inner),
                      let b = integer(arguments[1], level: inner) else { return nil }
                return { p in
                    guard let x = a(p), let y = b(p) else { return nil }
                    let (r, overflow) = x.subtractingReportingOverflow(y)
                    return overflow ? nil : r
                }
            case sys.Minus:
                guard arguments.count == 1, let a = integer(arguments[0], level: inner) else { return nil }
                return { p in
                    guard let x = a(p) else { return nil }
                    let (r, overflow) = 0.subtractingReportingOverflow(x)
                    return overflow ? nil : r
                }
            case sys.Divide:
                guard arguments.count == 2, let a = integer(arguments[0], level: inner),
                      let b = integer(arguments[1], level: inner) else { return nil }
                return { p in
                    guard let x = a(p), let y = b(p) else { return nil }
                    return PureFunctionArithmetic.exactQuotient(x, y)
                }
            case sys.Mod, sys.Quotient:
                guard arguments.count == 2, let a = integer(arguments[0], level: inner),
                      let b = integer(arguments[1], level: inner) else { return nil }
                if head === sys.Mod {
                    return { p in
                        guard let x = a(p), let y = b(p) else { return nil }
                        return PureFunctionArithmetic.mod(x, y)
                    }
                }
                return { p in
                    guard let x = a(p), let y = b(p) else { return nil }
                    return PureFunctionArithmetic.quotient(x, y)
                }
            case sys.Power:
                guard arguments.count == 2, let a = integer(arguments[0], level: inner),
                      let b = integer(arguments[1], level: inner) else { return nil }
                return { p in
                    guard let x = a(p), let y = b(p) else { return nil }
                    return PureFunctionArithmetic.power(x, y)
                }
            case sys.If:
                guard arguments.count == 2 || arguments.count == 3,
                      let condition = truth(arguments[0], level: inner),
                      let yes = integer(arguments[1], level: inner) else { return nil }
                guard arguments.count == 3 else {
                    // If[False, x] is Null: not an integer.
                    return { p in condition(p) == true ? yes(p) : nil }
                }
                guard let no = integer(arguments[2], level: inner) else { return nil }
                return Self.choice(condition, yes, no)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// Every argument compiled as an integer part, or nil when one does not compile.
    private mutating func integers(_ arguments: [Expr], level: Int) -> [IntegerCode]? {
        var codes: [IntegerCode] = []
        codes.reserveCapacity(arguments.count)
        for argument in arguments {
            guard let code = integer(argument, level: level) else { return nil }
            codes.append(code)
        }
        return codes
    }

    /// Plus of any number of parts; two (the common `3 # + 1`) without a loop.
    private mutating func plus(_ arguments: [Expr], level: Int) -> IntegerCode? {
        guard let terms = integers(arguments, level: level) else { return nil }
        if terms.count == 2 {
            let a = terms[0], b = terms[1]
            return { p in
                guard let x = a(p), let y = b(p) else { return nil }
                let (r, overflow) = x.addingReportingOverflow(y)
                return overflow ? nil : r
            }
        }
        return { p in
            var sum = 0
            for term in terms {
                guard let x = term(p) else { return nil }
                let (r, overflow) = sum.addingReportingOverflow(x)
                if overflow { return nil }
                sum = r
            }
            return sum
        }
    }

    /// Times of any number of factors. `#/2` is `Times[#, Power[2, -1]]`: factors `Power[x, -k]`
    /// (k a literal) and Rational literals go to a denominator, and the product is their exact
    /// quotient (nil when it is not an integer: the ordinary evaluation gives the Rational).
    private mutating func times(_ arguments: [Expr], level: Int) -> IntegerCode? {
        var numerators: [IntegerCode] = []
        var denominators: [IntegerCode] = []
        for argument in arguments {
            if case .rational(let p, let q) = argument {
                enter(level)
                guard let p = p.machineValue, let q = q.machineValue else { return nil }
                numerators.append { _ in p }
                denominators.append { _ in q }
                continue
            }
            if case .normal(let n) = argument, n.head.isSymbol(sys.Power), n.arguments.count == 2,
               case .integer(let k) = n.arguments[1], k < 0, k > Int.min {
                enter(level)
                note(sys.Power)
                guard let base = integer(n.arguments[0], level: level + 1) else { return nil }
                enter(level + 1)
                let exponent = -k
                denominators.append { p in base(p).flatMap { PureFunctionArithmetic.power($0, exponent) } }
                continue
            }
            guard let code = integer(argument, level: level) else { return nil }
            numerators.append(code)
        }
        if denominators.isEmpty && numerators.count == 2 {
            let a = numerators[0], b = numerators[1]
            return { p in
                guard let x = a(p), let y = b(p) else { return nil }
                let (r, overflow) = x.multipliedReportingOverflow(by: y)
                return overflow ? nil : r
            }
        }
        let numerator = Self.product(numerators)
        guard !denominators.isEmpty else { return numerator }
        let denominator = Self.product(denominators)
        return { p in
            guard let x = numerator(p), let y = denominator(p) else { return nil }
            return PureFunctionArithmetic.exactQuotient(x, y)
        }
    }

    private static func product(_ factors: [IntegerCode]) -> IntegerCode {
        if factors.count == 1 { return factors[0] }
        return { p in
            var product = 1
            for factor in factors {
                guard let x = factor(p) else { return nil }
                let (r, overflow) = product.multipliedReportingOverflow(by: x)
                if overflow { return nil }
                product = r
            }
            return product
        }
    }

    // MARK: Boolean-valued parts

    private mutating func truth(_ e: Expr, level: Int) -> TruthCode? {
        enter(level)
        switch e {
        case .symbol(let s):
            if s === sys.True { return { _ in true } }
            if s === sys.False { return { _ in false } }
            return nil
        case .normal(let n):
            guard case .symbol(let head) = n.head, head !== sys.Slot else { return nil }
            let arguments = n.arguments
            note(head)
            let inner = level + 1
            switch head {
            case sys.Equal: return chain(arguments, level: inner) { $0 == $1 }
            case sys.Less: return chain(arguments, level: inner) { $0 < $1 }
            case sys.LessEqual: return chain(arguments, level: inner) { $0 <= $1 }
            case sys.Greater: return chain(arguments, level: inner) { $0 > $1 }
            case sys.GreaterEqual: return chain(arguments, level: inner) { $0 >= $1 }
            case sys.Unequal, sys.SameQ, sys.UnsameQ:
                // Unequal of three or more means "all different", not a chain: left to the evaluator.
                guard arguments.count == 2 else { return nil }
                let same = head === sys.SameQ
                return chain(arguments, level: inner) { x, y in (x == y) == same }
            case sys.EvenQ, sys.OddQ:
                guard arguments.count == 1, let a = integer(arguments[0], level: inner) else { return nil }
                let odd = head === sys.OddQ
                return { p in a(p).map { ($0 & 1 == 1) == odd } }
            case sys.Not:
                guard arguments.count == 1, let a = truth(arguments[0], level: inner) else { return nil }
                return { p in a(p).map { !$0 } }
            case sys.And, sys.Or:
                guard !arguments.isEmpty else { return nil }
                var parts: [TruthCode] = []
                for argument in arguments {
                    guard let code = truth(argument, level: inner) else { return nil }
                    parts.append(code)
                }
                // And stops at the first False, Or at the first True, as the evaluator does.
                let deciding = head === sys.Or
                return { p in
                    for part in parts {
                        guard let value = part(p) else { return nil }
                        if value == deciding { return deciding }
                    }
                    return !deciding
                }
            case sys.If:
                guard arguments.count == 3, let condition = truth(arguments[0], level: inner),
                      let yes = truth(arguments[1], level: inner), let no = truth(arguments[2], level: inner)
                else { return nil }
                return Self.choice(condition, yes, no)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `If[condition, yes, no]` over parts of one type: only the chosen branch runs.
    private static func choice<Value>(_ condition: @escaping TruthCode,
                                      _ yes: @escaping (UnsafePointer<Int>) -> Value?,
                                      _ no: @escaping (UnsafePointer<Int>) -> Value?) -> (UnsafePointer<Int>) -> Value? {
        return { p in
            guard let c = condition(p) else { return nil }
            return c ? yes(p) : no(p)
        }
    }

    /// `a op b op c ...` over integer parts: every neighbouring pair must satisfy `op`.
    private mutating func chain(_ arguments: [Expr], level: Int, _ op: @escaping (Int, Int) -> Bool) -> TruthCode? {
        guard arguments.count >= 2, let parts = integers(arguments, level: level) else { return nil }
        if parts.count == 2 {
            let a = parts[0], b = parts[1]
            return { p in
                guard let x = a(p), let y = b(p) else { return nil }
                return op(x, y)
            }
        }
        return { p in
            // Every part is computed (as the evaluator evaluates every argument) before comparing.
            var values: [Int] = []
            values.reserveCapacity(parts.count)
            for part in parts {
                guard let x = part(p) else { return nil }
                values.append(x)
            }
            for i in 1..<values.count where !op(values[i - 1], values[i]) { return false }
            return true
        }
    }
}

/// Exact machine-integer arithmetic as the builtins do it, nil where they would give anything else.
enum PureFunctionArithmetic {
    /// x / y when y divides x; nil for a Rational, a zero divisor (a message) or an overflow.
    @inline(__always)
    static func exactQuotient(_ x: Int, _ y: Int) -> Int? {
        guard y != 0 else { return nil }
        let (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
        guard !overflow, r == 0 else { return nil }
        let (q, overflow2) = x.dividedReportingOverflow(by: y)
        return overflow2 ? nil : q
    }

    /// Mod[x, y]: the sign of y. Zero (Mod::indet) and -1 are left to the builtin.
    @inline(__always)
    static func mod(_ x: Int, _ y: Int) -> Int? {
        guard y != 0, y != -1 else { return nil }
        var r = x % y
        if r != 0 && (r < 0) != (y < 0) { r += y }
        return r
    }

    /// Quotient[x, y]: the floor of x / y. Zero (a message) and -1 are left to the builtin.
    @inline(__always)
    static func quotient(_ x: Int, _ y: Int) -> Int? {
        guard y != 0, y != -1 else { return nil }
        var q = x / y
        if x % y != 0 && (x < 0) != (y < 0) { q -= 1 }
        return q
    }

    /// Power[x, y] when it is a machine integer: y >= 0 (not 0^0, Indeterminate with a message), or
    /// a base of 1 or -1.
    static func power(_ x: Int, _ y: Int) -> Int? {
        if y < 0 {
            if x == 1 { return 1 }
            if x == -1 { return y & 1 == 0 ? 1 : -1 }
            return nil
        }
        if y == 0 { return x == 0 ? nil : 1 }
        var result = 1, base = x, exponent = y
        while true {
            if exponent & 1 == 1 {
                let (r, overflow) = result.multipliedReportingOverflow(by: base)
                if overflow { return nil }
                result = r
            }
            exponent >>= 1
            if exponent == 0 { return result }
            let (square, overflow) = base.multipliedReportingOverflow(by: base)
            if overflow { return nil }
            base = square
        }
    }
}
