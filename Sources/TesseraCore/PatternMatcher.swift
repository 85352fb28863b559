// The pattern matcher.
//
// Matching is depth-first with backtracking, written in continuation-passing style: every match
// function takes the rest of the work as a closure `k` and returns true only if `k` succeeds, so a
// later failure can make an earlier sequence pattern try another length. Bindings live on one stack
// (`names`/`values`) and are popped when a branch fails.
//
// Sequences of arguments are matched left to right; a pattern's possible lengths come from
// `lengthRange` (`x_` one, `x__` one or more, `x___`/`p...`/`_.` zero or more, and any blank under a
// Flat head one or more). Orderless heads try the arguments in every order; literal parts of a pattern
// (no blanks inside) compare structurally without entering the matcher.

import TesseraExpr
import TesseraStorage

public final class PatternMatcher {
    typealias Continuation = () throws(Interrupt) -> Bool

    /// Unowned: a matcher lives inside one call of its kernel, or in the kernel's pool of spare
    /// matchers (`Kernel.spareMatchers`), never longer than the kernel.
    unowned(unsafe) let kernel: Kernel
    let sys: SystemSymbols
    public private(set) var names: [Symbol] = []
    public private(set) var values: [Expr] = []

    public init(kernel: Kernel) {
        self.kernel = kernel
        self.sys = kernel.sys
    }

    /// Matches a whole expression; on success the bindings stay available in `names`/`values`.
    public func matches(_ pattern: Expr, _ expr: Expr) throws(Interrupt) -> Bool {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        if let verdict = matchSimpleCall(pattern, expr) { return verdict }
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        return try match(pattern, expr) { () throws(Interrupt) -> Bool in true }
    }

    /// `f[x_, y_h, 3]` against `f[a, b, c]` without the continuation machinery: a symbol head that is
    /// neither Flat nor Orderless nor a pattern construct, and arguments that are each `_`, `_h`,
    /// `x_`, `x_h` or free of patterns. Such a pattern matches in at most one way. Leaves the
    /// bindings as `match` would; nil (with bindings to discard) when the pattern is of another kind.
    private func matchSimpleCall(_ pattern: Expr, _ expr: Expr) -> Bool? {
        guard case .normal(let p) = pattern, case .symbol(let head) = p.head,
              case .normal(let e) = expr else { return nil }
        let attributes = head.attributes
        if attributes.contains(.flat) || attributes.contains(.orderless) || isPatternHead(head) { return nil }
        var verdict = true
        if case .symbol(let exprHead) = e.head, exprHead === head {} else { verdict = false }
        return matchSimpleArguments(p.arguments, e.arguments, verdict: verdict)
    }

    /// The arguments of a simple call pattern (see `matchSimpleCall`) against those of the expression;
    /// a `{...}` argument of simple parts matches a list part by part. `verdict` false means the
    /// match has already failed and only the pattern's kind is still being checked.
    private func matchSimpleArguments(_ parts: [Expr], _ arguments: [Expr], verdict start: Bool) -> Bool? {
        var verdict = start && parts.count == arguments.count
        for (index, part) in parts.enumerated() {
            let element: Expr? = verdict && index < arguments.count ? arguments[index] : nil
            guard case .normal(let q) = part, case .symbol(let h) = q.head else {
                // An atom, or a compound head (`a_[b__]`): a literal only when free of patterns.
                guard isPatternFree(part) else { return nil }
                if let element, !(part == element) { verdict = false }
                continue
            }
            if h === sys.List && !isPatternFree(part) {
                // `{x_, y_}`: only against a list written out (a packed row goes the general way).
                if let element {
                    guard case .normal(let list) = element, list.head.isSymbol(sys.List) else {
                        if case .packed = element { return nil }
                        guard matchSimpleArguments(q.arguments, [], verdict: false) != nil else { return nil }
                        verdict = false
                        continue
                    }
                    guard let inner = matchSimpleArguments(q.arguments, list.arguments, verdict: true) else { return nil }
                    if !inner { verdict = false }
                } else if matchSimpleArguments(q.arguments, [], verdict: false) == nil {
                    return nil
                }
                continue
            }
            var name: Symbol? = nil
            var blank = q
            if h === sys.Pattern {
                guard q.arguments.count == 2, case .symbol(let n) = q.arguments[0],
                      case .normal(let inner) = q.arguments[1], inner.head.isSymbol(sys.Blank) else { return nil }
                name = n
                blank = inner
            } else if h !== sys.Blank {
                guard isPatternFree(part) else { return nil }
                if let element, !(part == element) { verdict = false }
                continue
            }
            guard blank.arguments.count <= 1 else { return nil }
            guard let element else { continue }
            if let wanted = blank.arguments.first, !headMatches(wanted, element) { verdict = false; continue }
            if let name {
                if let existing = value(of: name) {
                    if !(existing == element) { verdict = false }
                } else {
                    pushBinding(name, element)
                }
            }
        }
        return verdict
    }

    /// Calls `onMatch` for every way the pattern matches (with the bindings of that way) until it
    /// returns true; returns whether it did.
    public func enumerateMatches(_ pattern: Expr, _ expr: Expr,
                                 _ onMatch: () throws(Interrupt) -> Bool) throws(Interrupt) -> Bool {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        return try match(pattern, expr, onMatch)
    }

    public var bindings: [(Symbol, Expr)] { Array(zip(names, values)) }

    /// Drops the bindings (keeping the storage), so that a spare matcher holds on to no values.
    func clearBindings() {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    func value(of name: Symbol) -> Expr? {
        var i = names.count - 1
        while i >= 0 {
            if names[i] === name { return values[i] }
            i -= 1
        }
        return nil
    }

    func pushBinding(_ name: Symbol, _ value: Expr) {
        names.append(name)
        values.append(value)
    }

    func popBinding() {
        names.removeLast()
        values.removeLast()
    }

    /// Binds `name` to `value` for the duration of `k`, or checks consistency if already bound.
    private func bind(_ name: Symbol, _ value: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        if let existing = self.value(of: name) {
            return existing == value ? try k() : false
        }
        names.append(name)
        values.append(value)
        if try k() { return true }
        names.removeLast()
        values.removeLast()
        return false
    }

    // MARK: Single expressions

    func match(_ pattern: Expr, _ expr: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        guard case .normal(let p) = pattern else {
            return pattern == expr ? try k() : false
        }
        if isPatternFree(pattern) {
            return pattern == expr ? try k() : false
        }
        if case .symbol(let h) = p.head {
            let a = p.arguments
            switch h {
            case sys.Pattern where a.count == 2:
                guard let name = a[0].asSymbol else { return false }
                return try match(a[1], expr) { () throws(Interrupt) -> Bool in try self.bind(name, expr, k) }
            case sys.Blank:
                if a.isEmpty { return try k() }
                return a.count == 1 && headMatches(a[0], expr) ? try k() : false
            case sys.BlankSequence, sys.BlankNullSequence:
                if a.isEmpty { return try k() }
                return a.count == 1 && headMatches(a[0], expr) ? try k() : false
            case sys.Alternatives:
                for alternative in a where try match(alternative, expr, k) { return true }
                return false
            case sys.Condition where a.count == 2:
                return try match(a[0], expr) { () throws(Interrupt) -> Bool in
                    try self.conditionHolds(a[1]) ? try k() : false
                }
            case sys.PatternTest where a.count == 2:
                return try match(a[0], expr) { () throws(Interrupt) -> Bool in
                    try self.testPasses(a[1], expr) ? try k() : false
                }
            case sys.HoldPattern where a.count == 1:
                return try match(a[0], expr, k)
            case sys.Verbatim where a.count == 1:
                return a[0] == expr ? try k() : false
            case sys.Except where a.count == 1 || a.count == 2:
                if try matchesAlone(a[0], expr) { return false }
                return a.count == 2 ? try match(a[1], expr, k) : try k()
            case sys.Optional where a.count >= 1:
                return try match(a[0], expr, k)
            case sys.Repeated, sys.RepeatedNull:
                // A repeated pattern standing for a single expression.
                return a.count >= 1 ? try match(a[0], expr, k) : false
            default:
                break
            }
        }
        if try matchWithDefaults(p, expr, k) { return true }
        return try matchNormal(p, expr, k)
    }

    /// `a_. + b_` matches `x` as if it were `0 + x`: a head with OneIdentity whose pattern has
    /// optional parts may match an expression with another head, the optional parts taking their
    /// defaults.
    private func matchWithDefaults(_ p: Normal, _ expr: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        guard case .symbol(let h) = p.head, h.attributes.contains(.oneIdentity), p.arguments.count >= 2,
              !expr.hasHead(h),
              p.arguments.contains(where: { lengthRange($0, flat: false).min == 0 }) else { return false }
        return try matchSequence(p.arguments, 0, [expr][...], head: h, flat: false, k)
    }

    /// True when `pattern` matches `expr` on its own, leaving no bindings behind.
    func matchesAlone(_ pattern: Expr, _ expr: Expr) throws(Interrupt) -> Bool {
        let depth = names.count
        let result = try match(pattern, expr) { () throws(Interrupt) -> Bool in true }
        names.removeSubrange(depth...)
        values.removeSubrange(depth...)
        return result
    }

    private func headMatches(_ head: Expr, _ expr: Expr) -> Bool {
        switch expr {
        case .normal(let n): return n.head == head
        case .packed: return head.isSymbol(sys.List)
        default: return expr.head(sys) == head
        }
    }

    private func matchNormal(_ p: Normal, _ expr: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        let exprHead: Expr
        let arguments: [Expr]
        switch expr {
        case .normal(let n):
            exprHead = n.head
            if let fixed = fixedArgumentCount(p), fixed != n.arguments.count, !isFlat(p.head) { return false }
            arguments = n.arguments
        case .packed(let packed):
            guard p.head.isSymbol(sys.List) else { return false }
            if let fixed = fixedArgumentCount(p), fixed != (packed.dimensions.first ?? 0) { return false }
            if let verdict = packedShortcut(p, packed) { return verdict ? try k() : false }
            exprHead = .symbol(sys.List)
            arguments = packed.elementExprs()
        default:
            return false
        }
        return try match(p.head, exprHead) { () throws(Interrupt) -> Bool in
            let headSymbol = p.head.asSymbol
            let attributes = headSymbol?.attributes ?? []
            if attributes.contains(.orderless) {
                return try self.matchOrderless(p.arguments, 0, arguments, head: headSymbol,
                                               flat: attributes.contains(.flat), k)
            }
            return try self.matchSequence(p.arguments, 0, arguments[...], head: headSymbol,
                                          flat: attributes.contains(.flat), k)
        }
    }

    private func isFlat(_ head: Expr) -> Bool {
        head.asSymbol?.attributes.contains(.flat) ?? false
    }

    /// `{__Real}`, `{___Integer}`, `{__}` against a packed vector decide without unpacking.
    private func packedShortcut(_ p: Normal, _ packed: PackedArray) -> Bool? {
        guard p.arguments.count == 1, case .normal(let inner) = p.arguments[0],
              case .symbol(let h) = inner.head, h === sys.BlankSequence || h === sys.BlankNullSequence
        else { return nil }
        if packed.count == 0 && h === sys.BlankSequence { return false }
        if inner.arguments.isEmpty { return true }
        guard inner.arguments.count == 1, case .symbol(let want) = inner.arguments[0] else { return nil }
        if packed.rank > 1 { return want === sys.List }
        switch packed.type {
        case .integer: return want === sys.IntegerHead
        case .real: return want === sys.RealHead
        case .complex: return want === sys.ComplexHead
        }
    }

    /// The number of arguments a pattern with only single-element parts requires, or nil.
    private func fixedArgumentCount(_ p: Normal) -> Int? {
        for argument in p.arguments {
            let range = lengthRange(argument, flat: false)
            if range.min != 1 || range.max != 1 { return nil }
        }
        return p.arguments.count
    }

    // MARK: Conditions

    func conditionHolds(_ condition: Expr) throws(Interrupt) -> Bool {
        let test = kernel.substitute(condition, names: names, values: values)
        return try kernel.evaluate(test).isSymbol(sys.True)
    }

    private func testPasses(_ test: Expr, _ expr: Expr) throws(Interrupt) -> Bool {
        try kernel.evaluate(Expr(head: test, [expr])).isSymbol(sys.True)
    }

    // MARK: Pattern-free parts

    func isPatternFree(_ e: Expr) -> Bool {
        guard case .normal(let n) = e else { return true }
        if n.patternFlag != 0 { return n.patternFlag == 1 }
        var free = true
        if case .symbol(let h) = n.head, isPatternHead(h) {
            free = false
        } else if !isPatternFree(n.head) {
            free = false
        } else {
            for argument in n.arguments where !isPatternFree(argument) { free = false; break }
        }
        n.patternFlag = free ? 1 : 2
        return free
    }

    private func isPatternHead(_ h: Symbol) -> Bool {
        h === sys.Pattern || h === sys.Blank || h === sys.BlankSequence || h === sys.BlankNullSequence
            || h === sys.Alternatives || h === sys.Condition || h === sys.PatternTest
            || h === sys.Optional || h === sys.Repeated || h === sys.RepeatedNull || h === sys.Except
            || h === sys.Verbatim || h === sys.HoldPattern || h === sys.OptionsPattern
            || h.name == "PatternSequence" || h.name == "Longest" || h.name == "Shortest"
            || h === sys.KeyValuePattern
    }
}
