// Control flow: CompoundExpression, If, Which, Switch, loops, Nest/Fold families, Catch/Throw,
// Return/Break/Continue, Check, Quiet, Hold and friends (Abort and its scopes: Aborts.swift).

import TesseraCore
import TesseraExpr

enum ControlBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("CompoundExpression", attributes: [.holdAll, .protected], compound),
        BuiltinSpec("If", attributes: [.holdRest, .protected], ifThen),
        BuiltinSpec("Which", attributes: [.holdAll, .protected], which),
        BuiltinSpec("Switch", attributes: [.holdRest, .protected], switchOn),
        BuiltinSpec("Do", attributes: [.holdAll, .protected], doLoop),
        BuiltinSpec("While", attributes: [.holdAll, .protected], whileLoop),
        BuiltinSpec("For", attributes: [.holdAll, .protected], forLoop),
        BuiltinSpec("Nest", nest),
        BuiltinSpec("NestList", nestList),
        BuiltinSpec("NestWhile", nestWhile),
        BuiltinSpec("NestWhileList", nestWhileList),
        BuiltinSpec("FixedPoint", fixedPoint),
        BuiltinSpec("FixedPointList", fixedPointList),
        BuiltinSpec("Fold", fold),
        BuiltinSpec("FoldList", foldList),
        BuiltinSpec("Catch", attributes: [.holdFirst, .protected], catchThrown),
        BuiltinSpec("Throw", throwValue),
        BuiltinSpec("Return"),
        BuiltinSpec("Goto", goto),
        BuiltinSpec("Label", attributes: [.holdFirst, .protected], label),
        BuiltinSpec("Defer", attributes: [.holdAll, .protected]),
        BuiltinSpec("Break", breakLoop),
        BuiltinSpec("Continue", continueLoop),
        BuiltinSpec("Check", attributes: [.holdAll, .protected], check),
        BuiltinSpec("Quiet", attributes: [.holdAll, .protected], quiet),
        BuiltinSpec("Evaluate"),
        BuiltinSpec("Unevaluated", attributes: [.holdAllComplete, .protected]),
        BuiltinSpec("Hold", attributes: [.holdAll, .protected]),
        BuiltinSpec("HoldForm", attributes: [.holdAll, .protected]),
        BuiltinSpec("HoldComplete", attributes: [.holdAllComplete, .protected]),
        BuiltinSpec("HoldPattern", attributes: [.holdAll, .protected]),
        BuiltinSpec("ReleaseHold", releaseHold),
        BuiltinSpec("Sequence", attributes: [.protected]),
        BuiltinSpec("Identity", identity),
        BuiltinSpec("Exit", quit),
        BuiltinSpec("Quit", quit),
    ]

    /// Evaluates in order; a `Return[...]` result ends the sequence at once (the enclosing function
    /// unwraps it); `Goto[tag]` continues after the `Label[tag]` of this sequence, if it has one.
    static func compound(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var result: Expr = .symbol(k.sys.Null)
        var i = 0
        let label = k.symbols.intern(fullName: "System`Label")
        while i < c.count {
            do {
                result = try k.evaluate(c[i])
            } catch .goto(let tag) {
                guard let target = c.arguments.firstIndex(where: { $0.hasHead(label) && $0.arguments.first == tag }) else {
                    throw .goto(tag)
                }
                i = target + 1
                continue
            }
            if result.hasHead(k.sys.Return) { return result }
            i += 1
        }
        return result
    }

    static func goto(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        throw .goto(c[0])
    }

    static func label(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        c.count == 1 ? .symbol(k.sys.Null) : nil
    }

    static func ifThen(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        // The chosen branch goes back unevaluated: the evaluator evaluates it as the next link of the
        // chain, so a recursive call in a branch costs one recursion level, not two (Evaluator.swift).
        let test = c[0]
        if test.isSymbol(k.sys.True) { return c[1] }
        if test.isSymbol(k.sys.False) { return c.count >= 3 ? c[2] : .symbol(k.sys.Null) }
        return c.count == 4 ? c[3] : nil
    }

    static func which(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count % 2 != 0 {
            k.message(k.sys.Which, "argctu", .symbol(k.sys.Which))
            return nil
        }
        var i = 0
        while i < c.count {
            let test = try k.evaluate(c[i])
            if test.isSymbol(k.sys.True) { return c[i + 1] }  // evaluated by the evaluator, as If's
            if !test.isSymbol(k.sys.False) {
                var rest = [test]
                rest.append(contentsOf: c.arguments[(i + 1)...])
                return Expr(k.sys.Which, rest)
            }
            i += 2
        }
        return .symbol(k.sys.Null)
    }

    static func switchOn(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1 else { return k.checkCount(c, 3, nil) ? nil : nil }
        if c.count < 3 || c.count % 2 == 0 {
            k.message(k.sys.Switch, "argct", .symbol(k.sys.Switch), .integer(c.count))
            return nil
        }
        let matcher = PatternMatcher(kernel: k)
        var i = 1
        while i < c.count {
            if try matcher.matches(try k.evaluate(c[i]), c[0]) {
                return k.substitute(c[i + 1], names: matcher.names, values: matcher.values)  // as If's
            }
            i += 2
        }
        return .symbol(k.sys.Null)
    }

    /// What a loop does after one round of its body.
    enum RoundOutcome {
        case next
        case stop
        case returned(Expr)
    }

    /// Runs a loop body: Break ends the loop, Continue the round, a Return[x] result ends it with x.
    static func loopBody(_ k: Kernel, _ body: Expr) throws(Interrupt) -> RoundOutcome {
        do {
            let value = try k.evaluate(body)
            if value.hasHead(k.sys.Return) { return .returned(k.unwrapReturn(value)) }
        } catch .breakLoop {
            return .stop
        } catch .continueLoop {
            return .next
        }
        return .next
    }

    static func doLoop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, nil) else { return nil }
        var returned: Expr? = nil
        let body = c[0]
        do {
            try nestedIterators(k, c, Array(c.arguments.dropFirst()), position: 2) { () throws(Interrupt) -> Bool in
                switch try loopBody(k, body) {
                case .next: return true
                case .stop: return false
                case .returned(let value): returned = value; return false
                }
            }
        } catch .malformed {
            return nil
        }
        return returned ?? .symbol(k.sys.Null)
    }

    /// Runs `body` for every combination of the iterators, outermost first.
    static func nestedIterators(_ k: Kernel, _ c: Call, _ specs: [Expr], position: Int,
                                _ body: () throws(Interrupt) -> Bool) throws(Interrupt) {
        guard let first = specs.first else { _ = try body(); return }
        guard let spec = try k.iterator(first, call: c, position: position) else { throw .malformed }
        var keepGoing = true
        try k.iterate(spec) { (_: Int) throws(Interrupt) -> Bool in
            if specs.count == 1 {
                keepGoing = try body()
            } else {
                try nestedIterators(k, c, Array(specs.dropFirst()), position: position + 1) { () throws(Interrupt) -> Bool in
                    keepGoing = try body()
                    return keepGoing
                }
            }
            return keepGoing
        }
    }

    static func whileLoop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        while try k.evaluate(c[0]).isSymbol(k.sys.True) {
            guard c.count == 2 else { continue }
            switch try loopBody(k, c[1]) {
            case .next: continue
            case .stop: return .symbol(k.sys.Null)
            case .returned(let value): return value
            }
        }
        return .symbol(k.sys.Null)
    }

    static func forLoop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 4) else { return nil }
        _ = try k.evaluate(c[0])
        while try k.evaluate(c[1]).isSymbol(k.sys.True) {
            if c.count == 4 {
                switch try loopBody(k, c[3]) {
                case .next: break
                case .stop: return .symbol(k.sys.Null)
                case .returned(let value): return value
                }
            }
            _ = try k.evaluate(c[2])
        }
        return .symbol(k.sys.Null)
    }

    static func apply(_ k: Kernel, _ f: Expr, _ arguments: Expr...) throws(Interrupt) -> Expr {
        try k.evaluate(Expr(head: f, arguments))
    }

    static func nest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3) else { return nil }
        guard case .integer(let n) = c[2], n >= 0 else { return k.fail(c, "intnm", c.expr, .integer(3)) }
        var x = c[1]
        for _ in 0..<n { x = try apply(k, c[0], x) }
        return x
    }

    static func nestList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3) else { return nil }
        guard case .integer(let n) = c[2], n >= 0 else { return k.fail(c, "intnm", c.expr, .integer(3)) }
        var x = c[1]
        var result = [x]
        for _ in 0..<n { x = try apply(k, c[0], x); result.append(x) }
        return k.listExpr(result, packAtLeast: 250)
    }

    static func nestWhileRun(_ k: Kernel, _ c: Call, collect: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 6) else { return nil }
        var x = c[1]
        var history = [x]
        var limit = Int.max
        if c.count >= 5 {
            if case .integer(let m) = c[4] { limit = m }
        }
        var steps = 0
        while steps < limit {
            let test: Expr
            if c.count >= 4, case .integer(let m) = c[3] {
                let recent = Array(history.suffix(m))
                test = try k.evaluate(Expr(head: c[2], recent))
            } else if c.count >= 4, c[3].isSymbol(k.sys.All) {
                test = try k.evaluate(Expr(head: c[2], history))
            } else {
                test = try apply(k, c[2], x)
            }
            if !test.isSymbol(k.sys.True) { break }
            x = try apply(k, c[0], x)
            history.append(x)
            steps += 1
        }
        if c.count == 6, case .integer(let extra) = c[5] {
            if extra > 0 {
                for _ in 0..<extra { x = try apply(k, c[0], x); history.append(x) }
            } else if extra < 0 {
                let drop = min(-extra, history.count - 1)
                history.removeLast(drop)
                x = history.last!
            }
        }
        return collect ? Expr(k.sys.List, history) : x
    }

    static func nestWhile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try nestWhileRun(k, c, collect: false) }
    static func nestWhileList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try nestWhileRun(k, c, collect: true) }

    static func fixedPointRun(_ k: Kernel, _ c: Call, collect: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        var limit = Int.max
        if c.count == 3, case .integer(let m) = c[2] { limit = m }
        let (_, options) = k.splitOptions(c.arguments)
        let sameTest = k.optionValue("SameTest", in: options, of: c.head)
        var x = c[1]
        var history = [x]
        var steps = 0
        while steps < limit {
            let next = try apply(k, c[0], x)
            history.append(next)
            steps += 1
            let same: Bool
            if let sameTest { same = try apply(k, sameTest, x, next).isSymbol(k.sys.True) }
            else { same = sameQ(x, next) }
            x = next
            if same { break }
        }
        return collect ? Expr(k.sys.List, history) : x
    }

    static func sameQ(_ a: Expr, _ b: Expr) -> Bool {
        if case .real(let x) = a, case .real(let y) = b {
            return x == y || abs(x - y) <= 1e-15 * max(abs(x), abs(y))
        }
        return a == b
    }

    static func fixedPoint(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try fixedPointRun(k, c, collect: false) }
    static func fixedPointList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try fixedPointRun(k, c, collect: true) }

    static func foldArguments(_ k: Kernel, _ c: Call) -> (Expr, [Expr])? {
        if c.count == 3 {
            guard !c[2].isAtom || c[2].isList(k.sys) else { return nil }
            return (c[1], c[2].arguments)
        }
        if c.count == 2 {
            let items = c[1].arguments
            guard let first = items.first else { return nil }
            return (first, Array(items.dropFirst()))
        }
        return nil
    }

    static func fold(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        if c.count == 2 && c[1].length == 0 && c[1].isList(k.sys) { return nil }
        guard let (start, items) = foldArguments(k, c) else { return nil }
        var x = start
        for item in items { x = try apply(k, c[0], x, item) }
        return x
    }

    static func foldList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        if c.count == 2 && c[1].length == 0 && c[1].isList(k.sys) { return Expr(k.sys.List) }
        guard let (start, items) = foldArguments(k, c) else { return nil }
        var x = start
        var result = [x]
        for item in items { x = try apply(k, c[0], x, item); result.append(x) }
        let head = c.count == 3 ? c[2].head(k.sys) : c[1].head(k.sys)
        if head.isSymbol(k.sys.List) { return k.listExpr(result, packAtLeast: 250) }
        return Expr(head: head, result)
    }

    static func catchThrown(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        do {
            return try k.evaluate(c[0])
        } catch .thrown(let value, let tag) {
            if c.count == 1 {
                if tag == nil { return value }
                throw .thrown(value: value, tag: tag)
            }
            let pattern = try k.evaluate(c[1])
            guard let tag else { throw .thrown(value: value, tag: nil) }
            let matcher = PatternMatcher(kernel: k)
            if try matcher.matches(pattern, tag) {
                if c.count == 3 { return try k.evaluate(Expr(head: c[2], [value, tag])) }
                return value
            }
            throw .thrown(value: value, tag: tag)
        }
    }

    static func throwValue(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        throw .thrown(value: c[0], tag: c.count >= 2 ? c[1] : nil)
    }

    static func breakLoop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        throw .breakLoop
    }

    static func continueLoop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        throw .continueLoop
    }

    /// Check sees the messages issued while it runs, except those silenced by a Quiet inside it;
    /// with message names, only those.
    static func check(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, nil) else { return nil }
        var watched: Set<String>? = nil
        if c.count > 2 {
            watched = []
            for spec in c.arguments.dropFirst(2) {
                for name in spec.isList(k.sys) ? spec.arguments : [spec] where name.hasHead(k.sys.MessageName) {
                    let parts = name.arguments
                    if parts.count == 2, let s = parts[0].asSymbol, case .string(let tag) = parts[1] {
                        watched!.insert(s.fullName + "::" + tag)
                    }
                }
            }
        }
        let frame = k.pushCheckFrame(watching: watched)
        defer { k.popCheckFrame() }
        let value = try k.evaluate(c[0])
        if k.checkFrameWasHit(frame) { return try k.evaluate(c[1]) }
        return value
    }

    static func quiet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        if c.count >= 2 {
            // Quiet[expr, {s::t, ...}]: switch only those messages off while evaluating.
            let names = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
            var keys: [String] = []
            for name in names where name.hasHead(k.sys.MessageName) {
                let parts = name.arguments
                if parts.count == 2, let s = parts[0].asSymbol, case .string(let tag) = parts[1] {
                    keys.append(s.fullName + "::" + tag)
                }
            }
            if c[1].isSymbol(k.sys.All) || keys.isEmpty && !c[1].isSymbol(k.sys.None) {
                k.quietDepth += 1
                defer { k.quietDepth -= 1 }
                return try k.evaluate(c[0])
            }
            let added = keys.filter { !k.messagesOff.contains($0) }
            k.messagesOff.formUnion(added)
            defer { k.messagesOff.subtract(added) }
            return try k.evaluate(c[0])
        }
        k.quietDepth += 1
        defer { k.quietDepth -= 1 }
        return try k.evaluate(c[0])
    }

    static func releaseHold(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let e = c[0]
        if let h = e.headSymbol, h === k.sys.Hold || h === k.sys.HoldForm || h === k.sys.HoldComplete || h === k.sys.HoldPattern {
            let args = e.arguments
            return args.count == 1 ? args[0] : Expr(k.sys.Sequence, args)
        }
        return e
    }

    static func identity(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        c.count == 1 ? c[0] : nil
    }

    static func quit(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { throw .quit(0) }
        if case .integer(let n) = c[0] { throw .quit(Int32(truncatingIfNeeded: n)) }
        return nil
    }
}
