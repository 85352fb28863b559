// The standard evaluation sequence.
//
// evaluate(e):
//   atom      -> a symbol's OwnValue (evaluated again), any other atom itself
//   h[args]   -> evaluate h; evaluate the arguments the attributes of h do not hold; splice
//                Sequence; strip Unevaluated; Flat, Orderless, Listable; then try UpValues of the
//                arguments, DownValues (or SubValues) of h, and the builtin of h, in that order;
//                if a rule applied, evaluate the result again, until nothing changes.
//
// Depth is bounded by `$RecursionLimit` and rewriting by `$IterationLimit`. A rule's right side (and
// the branch If, Which and Switch choose) is not evaluated by a nested call but as the next link of
// the chain, so a call in tail position, `f[n_] := If[n == 0, 0, f[n - 1]]`, loops here without
// growing the native stack and counts against `$IterationLimit`, as in Mathematica. The CLI runs the
// kernel on a 1 GiB stack; `nativeStackIsLow` ends a recursion that would overrun it
// (EvaluationLimits.swift).

import TesseraExpr
import TesseraStorage

extension Kernel {
    public func evaluate(_ expr: Expr) throws(Interrupt) -> Expr {
        #if DEBUG
        if depth == 0 { checkOwnerThread() }
        #endif
        switch expr {
        case .symbol(let symbol):
            guard let value = symbol.ownValue else { return expr }
            if case .symbol(let other) = value, other === symbol { return value }
            if symbol.ownValueIsDelayed, case .normal(let n) = value, n.head.isSymbol(sys.Condition),
               n.arguments.count == 2 {
                // `x /; test := value`
                guard try evaluate(n.arguments[1]).isSymbol(sys.True) else { return expr }
                return try evaluate(n.arguments[0])
            }
            return try evaluate(value)
        case .normal(let normal):
            if normal.evaluatedStamp == epochCounter.value { return expr }
            return try evaluateNormal(expr, normal)
        default:
            return expr
        }
    }

    /// Evaluates a list of expressions in order (for bodies of loops and compound expressions).
    public func evaluateAll(_ exprs: [Expr]) throws(Interrupt) -> [Expr] {
        var result: [Expr] = []
        result.reserveCapacity(exprs.count)
        for e in exprs { result.append(try evaluate(e)) }
        return result
    }

    private func evaluateNormal(_ start: Expr, _ startNormal: Normal) throws(Interrupt) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth == 1 { noteNativeStackTop() }
        stepsSinceClockCheck &+= 1
        if stepsSinceClockCheck & 1023 == 0 { try pollInterrupts() }
        // The input itself stands at level 1 (Mathematica's count: `$RecursionLimit = 20` lets a
        // top-level call nest 18 more calls), hence `>=`.
        if depth >= recursionLimit || (depth & 63 == 0 && nativeStackIsLow()) {
            message(symbols.intern(fullName: "System`$RecursionLimit"), "reclim2",
                    .integer(min(recursionLimit, depth)), Expr(sys.HoldForm, start))
            throw .terminated("RecursionLimit")
        }
        var epochBefore = epochCounter.value
        var outcome = try step(startNormal, start)
        // The evaluation chain: each rewriting of the expression is one more link, bounded by
        // `$IterationLimit` (the chain `f[20], f[19], ..., f[0], 1` has 22 links).
        var links = 1
        var ruleApplied = false
        while true {
            let next: Expr
            switch consume outcome {
            case .fixed(let result):
                if epochCounter.value == epochBefore, case .normal(let n) = result { n.evaluatedStamp = epochCounter.value }
                // `Return[x]` as the value of a function's body ends the function with x.
                return ruleApplied ? unwrapReturn(result) : result
            case .rewritten(let e):
                next = e
            case .ruleApplied(let e):
                next = e
                ruleApplied = true
            }
            links += 1
            if links > iterationLimit {
                message(symbols.intern(fullName: "System`$IterationLimit"), "itlim",
                        .integer(iterationLimit), Expr(sys.HoldForm, next))
                throw .terminated("IterationLimit")
            }
            guard case .normal(let normal) = next else {
                // A number or string is final; only a symbol may have a value.
                if case .symbol = next { return try evaluate(next) }
                return next
            }
            if normal.evaluatedStamp == epochCounter.value { return ruleApplied ? unwrapReturn(next) : next }
            epochBefore = epochCounter.value
            outcome = try step(normal, next)
        }
    }

    enum StepResult {
        /// No rule applied: the expression with evaluated parts is final.
        case fixed(Expr)
        /// A builtin rewrote the expression: the result must be evaluated again.
        case rewritten(Expr)
        /// A user rule applied: its right side must be evaluated, and a `Return[x]` it gives unwrapped.
        case ruleApplied(Expr)
    }

    /// One round of the evaluation sequence for `h[args]`.
    private func step(_ normal: Normal, _ original: Expr) throws(Interrupt) -> StepResult {
        // The common head: a symbol without a value (no copy of the head, no evaluation).
        if case .symbol(let symbol) = normal.head, case .none = symbol.ownValue {
            let attributes = symbol.attributes
            if normal.arguments.count == 2, let result = try stepWithShortcut(normal, symbol, attributes, original) {
                return result
            }
            if normal.arguments.count == 1, let result = try stepWithUnaryShortcut(normal, symbol, attributes, original) {
                return result
            }
            return try stepArguments(normal, head: normal.head, headSymbol: symbol, attributes: attributes,
                                     changed: false, original: original)
        }
        var head = normal.head
        var changed = false
        if case .normal = head {
            let evaluated = try evaluate(head)
            if !evaluated.isIdentical(to: head) { head = evaluated; changed = true }
        } else if case .symbol(let s) = head, s.ownValue != nil {
            let evaluated = try evaluate(head)
            if !evaluated.isIdentical(to: head) { head = evaluated; changed = true }
        }
        let headSymbol = head.asSymbol
        var attributes = headSymbol?.attributes ?? []
        if case .normal(let h) = head, h.head.isSymbol(sys.Function), h.arguments.count == 3 {
            attributes = functionAttributes(h.arguments[2])
        }
        return try stepArguments(normal, head: head, headSymbol: headSymbol, attributes: attributes,
                                 changed: changed, original: original)
    }

    /// Two plain arguments and a builtin shortcut (`x + 1`, `x = value`): no argument array, no new
    /// expression. nil when the call does not qualify (nothing was evaluated then). The arguments are
    /// read in place (`normal.arguments[i]`, an immutable array) rather than copied into locals, one
    /// branch per hold pattern: with locals the `Do` loop took 16 % more instructions (1302 vs 1127).
    @inline(__always)
    private func stepWithShortcut(_ normal: Normal, _ symbol: Symbol, _ attributes: Attributes,
                                  _ original: Expr) throws(Interrupt) -> StepResult? {
        guard let native = symbol.native, !symbol.hasDownValues, !attributes.contains(.holdAllComplete),
              let direct = unsafeDowncast(native, to: NativeFunction.self).direct else { return nil }
        let holdFirst = attributes.contains(.holdFirst), holdRest = attributes.contains(.holdRest)
        if holdFirst {
            if normal.arguments[0].hasHead(sys.Evaluate) { return nil }
            if holdRest {
                if normal.arguments[1].hasHead(sys.Evaluate) { return nil }
                if isPlainArgument(normal.arguments[0], head: symbol), isPlainArgument(normal.arguments[1], head: symbol),
                   let result = try direct(self, normal.arguments[0], normal.arguments[1]) {
                    return .rewritten(result)
                }
                return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes,
                                      arguments: normal.arguments, changed: false, original: original,
                                      directTried: true)
            }
            let b = try evaluatedArgument(normal.arguments[1])
            if isPlainArgument(normal.arguments[0], head: symbol), isPlainArgument(b, head: symbol),
               let result = try direct(self, normal.arguments[0], b) {
                return .rewritten(result)
            }
            return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes,
                                  arguments: [normal.arguments[0], b], changed: !b.isIdentical(to: normal.arguments[1]),
                                  original: original, directTried: true)
        }
        if holdRest, normal.arguments[1].hasHead(sys.Evaluate) { return nil }
        let a = try evaluatedArgument(normal.arguments[0])
        if holdRest {
            if isPlainArgument(a, head: symbol), isPlainArgument(normal.arguments[1], head: symbol),
               let result = try direct(self, a, normal.arguments[1]) {
                return .rewritten(result)
            }
            return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes,
                                  arguments: [a, normal.arguments[1]], changed: !a.isIdentical(to: normal.arguments[0]),
                                  original: original, directTried: true)
        }
        let b = try evaluatedArgument(normal.arguments[1])
        if isPlainArgument(a, head: symbol), isPlainArgument(b, head: symbol), let result = try direct(self, a, b) {
            return .rewritten(result)
        }
        let changed = !a.isIdentical(to: normal.arguments[0]) || !b.isIdentical(to: normal.arguments[1])
        return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes, arguments: [a, b],
                              changed: changed, original: original, directTried: true)
    }

    /// The same for one plain argument (`Round[x]`, `Minus[x]`).
    @inline(__always)
    private func stepWithUnaryShortcut(_ normal: Normal, _ symbol: Symbol, _ attributes: Attributes,
                                       _ original: Expr) throws(Interrupt) -> StepResult? {
        guard let native = symbol.native, !symbol.hasDownValues, !attributes.contains(.holdAllComplete),
              let direct = unsafeDowncast(native, to: NativeFunction.self).directUnary else { return nil }
        if attributes.contains(.holdFirst) {
            if normal.arguments[0].hasHead(sys.Evaluate) { return nil }
            if isPlainArgument(normal.arguments[0], head: symbol), let result = try direct(self, normal.arguments[0]) {
                return .rewritten(result)
            }
            return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes,
                                  arguments: normal.arguments, changed: false, original: original, directTried: true)
        }
        let a = try evaluatedArgument(normal.arguments[0])
        if isPlainArgument(a, head: symbol), let result = try direct(self, a) {
            return .rewritten(result)
        }
        return try finishStep(head: normal.head, headSymbol: symbol, attributes: attributes, arguments: [a],
                              changed: !a.isIdentical(to: normal.arguments[0]), original: original, directTried: true)
    }

    /// Evaluates the arguments the attributes do not hold, then finishes the step.
    private func stepArguments(_ normal: Normal, head: Expr, headSymbol: Symbol?, attributes: Attributes,
                               changed: Bool, original: Expr) throws(Interrupt) -> StepResult {
        var changed = changed
        let holdsAllComplete = attributes.contains(.holdAllComplete)
        // Arguments
        var arguments = normal.arguments
        if !holdsAllComplete {
            let holdFirst = attributes.contains(.holdFirst)
            let holdRest = attributes.contains(.holdRest)
            for index in arguments.indices {
                let held = index == 0 ? holdFirst : holdRest
                let argument = arguments[index]
                if held {
                    if case .normal(let n) = argument, n.head.isSymbol(sys.Evaluate) {
                        let value = n.arguments.count == 1
                            ? try evaluate(n.arguments[0])
                            : Expr(sys.Sequence, try evaluateAll(n.arguments))
                        arguments[index] = value
                        changed = true
                    }
                    continue
                }
                let value = try evaluatedArgument(argument)
                if !value.isIdentical(to: argument) { arguments[index] = value; changed = true }
            }
        }
        return try finishStep(head: head, headSymbol: headSymbol, attributes: attributes,
                              arguments: arguments, changed: changed, original: original, directTried: false)
    }

    /// An argument as evaluation leaves it, without a call where nothing can change (an expression
    /// stamped as evaluated, a symbol whose value is a number).
    @inline(__always)
    private func evaluatedArgument(_ argument: Expr) throws(Interrupt) -> Expr {
        switch argument {
        case .normal(let n):
            return n.evaluatedStamp == epochCounter.value ? argument : try evaluate(argument)
        case .symbol(let s):
            guard let value = s.ownValue else { return argument }
            if !s.ownValueIsDelayed, value.isInertAtom { return value }
            return try evaluate(argument)
        default:
            return argument
        }
    }

    /// True when no later stage of `step` could act on this argument of `head[...]`: no Sequence,
    /// Unevaluated, list, nested `head` or UpValue. (The same conditions `ArgumentFacts` finds.)
    @inline(__always)
    private func isPlainArgument(_ argument: Expr, head: Symbol) -> Bool {
        switch argument {
        case .normal(let n):
            guard case .symbol(let h) = n.head else { return false }
            return h !== sys.List && h !== sys.Sequence && h !== sys.Unevaluated && h !== head && !h.hasUpValues
        case .symbol(let s):
            return !s.hasUpValues
        case .packed:
            return false
        default:
            return true
        }
    }

    /// The rest of `step` once the arguments are evaluated: Sequence and Unevaluated, the shortcut,
    /// Flat, Orderless, Listable, then the rules.
    private func finishStep(head: Expr, headSymbol: Symbol?, attributes: Attributes, arguments: [Expr],
                            changed: Bool, original: Expr, directTried: Bool) throws(Interrupt) -> StepResult {
        var arguments = arguments
        var changed = changed
        var unevaluatedPositions: [Int] = []
        let holdsAllComplete = attributes.contains(.holdAllComplete)
        var facts = ArgumentFacts(arguments, head: headSymbol, sys: sys)
        if !holdsAllComplete {
            if facts.hasSequence && !attributes.contains(.sequenceHold) {
                arguments = spliceSequences(arguments)
                changed = true
                facts = ArgumentFacts(arguments, head: headSymbol, sys: sys)
            }
            if facts.hasUnevaluated {
                for index in arguments.indices where arguments[index].hasHead(sys.Unevaluated) {
                    if let inner = arguments[index].asNormal, inner.arguments.count == 1 {
                        arguments[index] = inner.arguments[0]
                        unevaluatedPositions.append(index)
                        changed = true
                    }
                }
                facts = ArgumentFacts(arguments, head: headSymbol, sys: sys)
            }
        }

        // The builtin's shortcuts, when nothing else could apply (see `DirectImplementation`).
        if let symbol = headSymbol, let native = symbol.native, unevaluatedPositions.isEmpty,
           !facts.hasUpValues, !facts.hasList, !facts.hasOwnHead, !symbol.hasDownValues {
            let function = unsafeDowncast(native, to: NativeFunction.self)
            if arguments.count == 1, !directTried, let direct = function.directUnary,
               let result = try direct(self, arguments[0]) {
                return .rewritten(result)
            }
            if arguments.count == 2, !directTried, let direct = function.direct,
               let result = try direct(self, arguments[0], arguments[1]) {
                return .rewritten(result)
            }
            if arguments.count > 2, let direct = function.directList, let result = try direct(self, arguments) {
                return .rewritten(result)
            }
        }

        if facts.hasOwnHead, attributes.contains(.flat), let symbol = headSymbol {
            arguments = flattenNested(arguments, head: symbol)
            changed = true
            facts = ArgumentFacts(arguments, head: headSymbol, sys: sys)
        }
        if attributes.contains(.orderless), arguments.count > 1 {
            if arguments.count == 2 {
                // The common `x + 1`: one comparison, no sort machinery.
                if canonicalLess(arguments[1], arguments[0]) {
                    arguments.swapAt(0, 1)
                    changed = true
                }
            } else if !isCanonicallySorted(arguments) {
                if arguments.count <= 8 {
                    // Insertion sort in place: stable, and for a few arguments much cheaper than
                    // the library's sort with a method as its comparison.
                    for i in 1..<arguments.count {
                        var j = i
                        while j > 0 && canonicalLess(arguments[j], arguments[j - 1]) {
                            arguments.swapAt(j, j - 1)
                            j -= 1
                        }
                    }
                } else {
                    arguments.sort(by: canonicalLess)
                }
                changed = true
            }
        }

        var current = changed ? Expr(head: head, arguments) : original

        // Listable threading (builtins first get a chance to work on packed arrays directly).
        if facts.hasList, attributes.contains(.listable), let symbol = headSymbol {
            if facts.hasPacked, let native = symbol.native {
                let call = Call(expr: current, head: symbol, arguments: arguments)
                if let result = try unsafeDowncast(native, to: NativeFunction.self).implementation(self, call) {
                    return .rewritten(result)
                }
            }
            if let threaded = threadListable(head: head, arguments: arguments, original: current) {
                return .rewritten(threaded)
            }
        }

        // Rules: UpValues, DownValues / SubValues, builtin.
        if facts.hasUpValues, !holdsAllComplete {
            for argument in arguments {
                guard let owner = upValueOwner(argument), owner.hasUpValues else { continue }
                if let result = try applyDefinitions(owner.upValues, to: current) { return .ruleApplied(result) }
            }
        }
        if let symbol = headSymbol {
            if symbol.hasDownValues, let result = try applyDefinitions(symbol.downValues, to: current) {
                return .ruleApplied(result)
            }
            if let native = symbol.native {
                let call = Call(expr: current, head: symbol, arguments: arguments)
                if let result = try unsafeDowncast(native, to: NativeFunction.self).implementation(self, call) {
                    if result.isIdentical(to: current) { return .fixed(result) }
                    return .rewritten(result)
                }
            }
        } else if case .normal = head, let owner = innermostHeadSymbol(head), !owner.subValues.isEmpty,
                  let result = try applyDefinitions(owner.subValues, to: current) {
            return .ruleApplied(result)
        } else if case .normal(let h) = head, case .symbol(let owner) = h.head, let native = owner.native,
                  let curried = unsafeDowncast(native, to: NativeFunction.self).curried {
            // Operator forms of builtins (`f[a][x]`); see `NativeFunction.curried`.
            let call = Call(expr: current, head: owner, arguments: arguments)
            if let result = try curried(self, call) {
                if result.isIdentical(to: current) { return .fixed(result) }
                return .rewritten(result)
            }
        } else if case .normal(let h) = head, h.head.isSymbol(sys.Function) {
            let result = try applyFunction(h, arguments)
            return lacksArguments(h, arguments.count) ? .fixed(result) : .rewritten(result)
        }

        if !unevaluatedPositions.isEmpty {
            for index in unevaluatedPositions {
                arguments[index] = Expr(sys.Unevaluated, arguments[index])
            }
            current = Expr(head: head, arguments)
        }
        return .fixed(current)
    }

    /// What the later stages of `step` need to know about the evaluated arguments, found in one pass.
    private struct ArgumentFacts {
        var hasSequence = false
        var hasUnevaluated = false
        /// An argument with the head being evaluated (what Flat flattens).
        var hasOwnHead = false
        var hasList = false
        var hasPacked = false
        /// An argument whose symbol or innermost head has UpValues.
        var hasUpValues = false

        init(_ arguments: [Expr], head: Symbol?, sys: SystemSymbols) {
            for argument in arguments {
                switch argument {
                case .normal(let n):
                    guard case .symbol(let h) = n.head else {
                        var inner = n.head
                        while case .normal(let m) = inner { inner = m.head }
                        if case .symbol(let owner) = inner, owner.hasUpValues { hasUpValues = true }
                        continue
                    }
                    if h === sys.List { hasList = true }
                    else if h === sys.Sequence { hasSequence = true }
                    else if h === sys.Unevaluated { hasUnevaluated = true }
                    if h === head { hasOwnHead = true }
                    if h.hasUpValues { hasUpValues = true }
                case .symbol(let s):
                    if s.hasUpValues { hasUpValues = true }
                case .packed:
                    hasList = true
                    hasPacked = true
                default:
                    break
                }
            }
        }
    }

    /// The symbol whose UpValues apply to an argument: the argument itself or its innermost head.
    private func upValueOwner(_ argument: Expr) -> Symbol? {
        switch argument {
        case .symbol(let s): return s
        case .normal(let n):
            var head = n.head
            while case .normal(let inner) = head { head = inner.head }
            return head.asSymbol
        default: return nil
        }
    }

    private func innermostHeadSymbol(_ head: Expr) -> Symbol? {
        var current = head
        while case .normal(let n) = current { current = n.head }
        return current.asSymbol
    }

    public func spliceSequences(_ arguments: [Expr]) -> [Expr] {
        var result: [Expr] = []
        result.reserveCapacity(arguments.count)
        for argument in arguments {
            if argument.hasHead(sys.Sequence), let n = argument.asNormal {
                result.append(contentsOf: n.arguments)
            } else {
                result.append(argument)
            }
        }
        return result
    }

    private func flattenNested(_ arguments: [Expr], head: Symbol) -> [Expr] {
        var result: [Expr] = []
        for argument in arguments {
            if argument.hasHead(head), let n = argument.asNormal {
                result.append(contentsOf: flattenNested(n.arguments, head: head))
            } else {
                result.append(argument)
            }
        }
        return result
    }

    private func isCanonicallySorted(_ arguments: [Expr]) -> Bool {
        for i in 1..<arguments.count where canonicalLess(arguments[i], arguments[i - 1]) { return false }
        return true
    }

    /// `f[{a, b}, c]` -> `{f[a, c], f[b, c]}`; nil (with a message) when list lengths differ.
    private func threadListable(head: Expr, arguments: [Expr], original: Expr) -> Expr? {
        var length = -1
        for argument in arguments where argument.isList(sys) {
            let n = argument.length
            if length >= 0 && n != length {
                message(head.asSymbol ?? sys.General, "thread", Expr(sys.HoldForm, original))
                return nil
            }
            length = n
        }
        guard length >= 0 else { return nil }
        let lists = arguments.map { $0.isList(sys) ? $0.arguments : [] }
        var rows: [Expr] = []
        rows.reserveCapacity(length)
        for i in 0..<length {
            var row: [Expr] = []
            row.reserveCapacity(arguments.count)
            for (k, argument) in arguments.enumerated() {
                row.append(argument.isList(sys) ? lists[k][i] : argument)
            }
            rows.append(Expr(head: head, row))
        }
        return Expr(sys.List, rows)
    }
}

// Inlinable: TesseraCore is compiled file by file in release, and these run in every file's loops.
extension Expr {
    /// An atom other than a symbol: it evaluates to itself.
    @inlinable @inline(__always)
    public var isInertAtom: Bool {
        switch self {
        case .symbol, .normal: return false
        default: return true
        }
    }

    /// Cheap identity: the same object for trees, equal values for atoms.
    @inlinable @inline(__always)
    public func isIdentical(to other: Expr) -> Bool {
        switch (self, other) {
        case (.normal(let a), .normal(let b)): return a === b
        case (.symbol(let a), .symbol(let b)): return a === b
        case (.integer(let a), .integer(let b)): return a == b
        case (.real(let a), .real(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return a == b
        case (.packed(let a), .packed(let b)): return a.isSameStorage(as: b)
        case (.normal, _), (_, .normal), (.packed, _), (_, .packed): return false
        default: return self == other
        }
    }

    /// True for `List[...]` and packed arrays.
    @inlinable @inline(__always)
    public func isList(_ sys: SystemSymbols) -> Bool {
        switch self {
        case .packed: return true
        case .normal(let n): if case .symbol(let s) = n.head { return s === sys.List }; return false
        default: return false
        }
    }
}
