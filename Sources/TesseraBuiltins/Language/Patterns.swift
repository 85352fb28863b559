// Pattern functions: MatchQ, Replace, ReplaceAll, ReplaceRepeated, ReplaceList, Cases, DeleteCases,
// Position, Count, MemberQ, FreeQ; and the attributes of the pattern objects themselves.
//
// None of these unpacks a packed array: elements are matched one at a time as atoms or row views,
// and `{__Real}`-style patterns are decided from the array's type alone (PatternMatcher).

import TesseraCore
import TesseraExpr

enum PatternBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("MatchQ", matchQ),
        BuiltinSpec("Replace", replace),
        BuiltinSpec("ReplaceAll", replaceAll),
        BuiltinSpec("ReplaceRepeated", options: [("MaxIterations", "65536")], replaceRepeated),
        BuiltinSpec("ReplaceList", replaceList),
        BuiltinSpec("Cases", cases),
        BuiltinSpec("DeleteCases", deleteCases),
        BuiltinSpec("Position", position),
        BuiltinSpec("FirstPosition", attributes: [.protected], firstPosition),
        BuiltinSpec("Count", count),
        BuiltinSpec("MemberQ", memberQ),
        BuiltinSpec("FreeQ", freeQ),
        BuiltinSpec("Rule", attributes: [.protected, .sequenceHold]),
        BuiltinSpec("RuleDelayed", attributes: [.holdRest, .protected, .sequenceHold]),
        BuiltinSpec("Pattern", attributes: [.holdFirst, .protected]),
        BuiltinSpec("Blank", attributes: [.protected]),
        BuiltinSpec("BlankSequence", attributes: [.protected]),
        BuiltinSpec("BlankNullSequence", attributes: [.protected]),
        BuiltinSpec("Condition", attributes: [.holdAll, .protected]),
        BuiltinSpec("PatternTest", attributes: [.holdRest, .protected]),
        BuiltinSpec("Alternatives", attributes: [.protected]),
        BuiltinSpec("Optional", attributes: [.protected]),
        BuiltinSpec("Repeated", attributes: [.protected]),
        BuiltinSpec("RepeatedNull", attributes: [.protected]),
        BuiltinSpec("Except", attributes: [.protected]),
        BuiltinSpec("Verbatim", attributes: [.protected]),
        BuiltinSpec("OptionsPattern", attributes: [.protected]),
        BuiltinSpec("PatternSequence", attributes: [.protected]),
    ]

    static func matchQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 2) else { return nil }
        return k.bool(try PatternMatcher(kernel: k).matches(c[1], c[0]))
    }

    // MARK: Rules

    /// A compiled replacement rule.
    struct Rule {
        let lhs: Expr
        let rhs: Expr
        let delayed: Bool
    }

    /// The rules of a replacement argument; nil when it is not a rule or list of rules.
    static func rules(_ k: Kernel, _ e: Expr) -> [Rule]? {
        func one(_ r: Expr) -> Rule? {
            guard (r.hasHead(k.sys.Rule) || r.hasHead(k.sys.RuleDelayed)), r.length == 2 else { return nil }
            let parts = r.arguments
            return Rule(lhs: parts[0], rhs: parts[1], delayed: r.hasHead(k.sys.RuleDelayed))
        }
        if let r = one(e) { return [r] }
        if e.hasHead(k.symbol("Dispatch")), let inner = e.arguments.first { return rules(k, inner) }
        if e.hasHead(k.sys.Association) { return e.arguments.compactMap(one) }
        guard e.isList(k.sys) else { return nil }
        var result: [Rule] = []
        for item in e.arguments {
            guard let r = one(item) else { return nil }
            result.append(r)
        }
        return result
    }

    /// Applies the first rule that matches `e` as a whole; nil when none does.
    static func applyRules(_ k: Kernel, _ rules: [Rule], to e: Expr, matcher: PatternMatcher) throws(Interrupt) -> Expr? {
        for rule in rules {
            // A failing condition on the right side makes the matcher try the other ways to match.
            var result: Expr? = nil
            _ = try matcher.enumerateMatches(rule.lhs, e) { () throws(Interrupt) -> Bool in
                result = try instantiate(k, rule, matcher)
                return result != nil
            }
            if let result { return result }
        }
        // Flat heads: a rule for h[a, b] also rewrites h[a, b, c] to h[rhs, c].
        if case .normal(let n) = e, let h = n.head.asSymbol, h.attributes.contains(.flat) {
            for rule in rules {
                guard case .normal(let p) = rule.lhs, p.head.isSymbol(h), p.arguments.count < n.arguments.count,
                      p.arguments.count >= 1 else { continue }
                let rest = k.symbols.intern(fullName: "System`Private`rest")
                let extended = Expr(h, p.arguments + [Expr(k.sys.Pattern, .symbol(rest), Expr(k.sys.BlankNullSequence))])
                if try matcher.matches(extended, e) {
                    let restValue = matcher.bindings.first { $0.0 === rest }?.1
                    if let replaced = try instantiate(k, rule, matcher) {
                        let others = restValue?.arguments ?? []
                        return Expr(h, [replaced] + others)
                    }
                }
            }
        }
        return nil
    }

    static func instantiate(_ k: Kernel, _ rule: Rule, _ matcher: PatternMatcher) throws(Interrupt) -> Expr? {
        var rhs = rule.rhs
        if rule.delayed {
            while rhs.hasHead(k.sys.Condition), rhs.length == 2 {
                let parts = rhs.arguments
                let test = k.substitute(parts[1], names: matcher.names, values: matcher.values)
                guard try k.evaluate(test).isSymbol(k.sys.True) else { return nil }
                rhs = parts[0]
            }
        }
        return k.substitute(rhs, names: matcher.names, values: matcher.values)
    }

    /// ReplaceAll's walk: the first rule that matches a subexpression replaces it; otherwise the walk
    /// goes into the head and the arguments.
    static func replaceEverywhere(_ k: Kernel, _ e: Expr, _ rules: [Rule], _ matcher: PatternMatcher,
                                  _ changed: inout Bool) throws(Interrupt) -> Expr {
        if let result = try applyRules(k, rules, to: e, matcher: matcher) {
            changed = true
            return result
        }
        switch e {
        case .normal(let n):
            var anyChange = false
            let head = try replaceEverywhere(k, n.head, rules, matcher, &anyChange)
            var arguments = n.arguments
            for i in arguments.indices {
                var c = false
                let value = try replaceEverywhere(k, arguments[i], rules, matcher, &c)
                if c { arguments[i] = value; anyChange = true }
            }
            if anyChange { changed = true; return Expr(head: head, arguments) }
            return e
        case .packed(let p):
            // Only rebuild if some element is actually replaced.
            var arguments: [Expr]? = nil
            for i in 0..<(p.dimensions.first ?? 0) {
                var c = false
                let part = p.part(i)
                let value = try replaceEverywhere(k, part, rules, matcher, &c)
                if c {
                    if arguments == nil { arguments = p.elementExprs() }
                    arguments![i] = value
                }
            }
            if let arguments {
                changed = true
                return Expr(k.sys.List, arguments)
            }
            return e
        default:
            return e
        }
    }

    static func replaceAll(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 2) else { return nil }
        if c[1].isList(k.sys), c[1].length > 0, c[1].arguments.allSatisfy({ $0.isList(k.sys) }) {
            var results: [Expr] = []
            for list in c[1].arguments {
                guard let r = try replaceAll(k, Call(expr: c.expr, head: c.head, arguments: [c[0], list])) else { return nil }
                results.append(r)
            }
            return Expr(k.sys.List, results)
        }
        guard let rs = rules(k, c[1]) else {
            k.message(c.head, "reps", c[1].isList(k.sys) ? c[1] : Expr(k.sys.List, c[1]))
            return nil
        }
        var changed = false
        return try replaceEverywhere(k, c[0], rs, PatternMatcher(kernel: k), &changed)
    }

    static func replaceRepeated(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, nil) else { return nil }
        guard let rs = rules(k, c[1]) else {
            k.message(c.head, "reps", c[1].isList(k.sys) ? c[1] : Expr(k.sys.List, c[1]))
            return nil
        }
        let (_, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        var limit = 65536
        if let m = k.optionValue("MaxIterations", in: options, of: c.head), case .integer(let n) = m { limit = n }
        let matcher = PatternMatcher(kernel: k)
        var current = c[0]
        for _ in 0..<limit {
            var changed = false
            let next = try k.evaluate(try replaceEverywhere(k, current, rs, matcher, &changed))
            if !changed || next == current { return next }
            current = next
        }
        k.message(c.head, "rrlim", c[0], .integer(limit))
        return current
    }

    static func replace(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 3) else { return nil }
        guard let rs = rules(k, c[1]) else {
            k.message(c.head, "reps", c[1].isList(k.sys) ? c[1] : Expr(k.sys.List, c[1]))
            return nil
        }
        let matcher = PatternMatcher(kernel: k)
        guard c.count == 3 else {
            return try applyRules(k, rs, to: c[0], matcher: matcher) ?? c[0]
        }
        // Standard level specifications: `n` is levels 1 through n (the reference page).
        guard let spec = k.levelSpec(c[2], call: c) else { return nil }
        return try k.mapLevels(c[0], spec) { (sub: Expr, _: [Int]) throws(Interrupt) -> Expr in
            try applyRules(k, rs, to: sub, matcher: matcher) ?? sub
        }
    }

    static func replaceList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        guard let rs = rules(k, c[1]) else { return nil }
        var limit = Int.max
        if c.count == 3, case .integer(let n) = c[2] { limit = n }
        var results: [Expr] = []
        for rule in rs {
            let matcher = PatternMatcher(kernel: k)
            _ = try matcher.enumerateMatches(rule.lhs, c[0]) { () throws(Interrupt) -> Bool in
                if let r = try instantiate(k, rule, matcher) { results.append(r) }
                return results.count >= limit
            }
            if results.count >= limit { break }
        }
        return Expr(k.sys.List, results)
    }

    // MARK: Searching

    /// The rule or pattern of Cases-like functions.
    static func selector(_ k: Kernel, _ e: Expr) -> (pattern: Expr, rule: Rule?) {
        if let rs = rules(k, e), rs.count == 1, e.hasHead(k.sys.Rule) || e.hasHead(k.sys.RuleDelayed) {
            return (rs[0].lhs, rs[0])
        }
        return (e, nil)
    }

    /// The positional arguments after the first two, and the value of a `Heads -> True|False` option
    /// among the trailing options (nil when absent). Nil altogether for an unknown option.
    static func headsOption(_ k: Kernel, _ c: Call) -> (rest: [Expr], heads: Bool?)? {
        let (rest, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        var heads: Bool? = nil
        for option in options {
            guard option.arguments.count == 2, option.arguments[0].isSymbol(k.symbol("Heads")) else { return nil }
            heads = option.arguments[1].isSymbol(k.sys.True)
        }
        return (rest, heads)
    }

    /// A non-negative count, or `Infinity` (no limit).
    static func countLimit(_ k: Kernel, _ e: Expr) -> Int? {
        if case .integer(let n) = e { return n >= 0 ? n : nil }
        return k.isPositiveInfinity(e) ? Int.max : nil
    }

    static func cases(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard c.count >= 2, let (rest, heads) = headsOption(k, c), rest.count <= 2 else {
            _ = k.checkCount(c, 2, 4)
            return nil
        }
        let (pattern, rule) = selector(k, c[1])
        var spec = LevelSpec(min: 1, max: 1)
        if let levels = rest.first { guard let s = k.levelSpec(levels, call: c) else { return nil }; spec = s }
        spec.includeHeads = heads ?? false
        var limit = Int.max
        if rest.count == 2 { guard let n = countLimit(k, rest[1]) else { return nil }; limit = n }
        if c[0].isAtom { return Expr(k.sys.List) }
        let matcher = PatternMatcher(kernel: k)
        var found: [Expr] = []
        try k.walkLevels(c[0], spec) { (sub: Expr, _: [Int]) throws(Interrupt) -> Bool in
            if try matcher.matches(pattern, sub) {
                if let rule {
                    if let r = try instantiate(k, rule, matcher) { found.append(try k.evaluate(r)) }
                } else {
                    found.append(sub)
                }
            }
            return found.count < limit
        }
        return k.listExpr(found, packAtLeast: 250)
    }

    static func deleteCases(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 4) else { return nil }
        var spec = LevelSpec(min: 1, max: 1)
        if c.count >= 3 { guard let s = k.levelSpec(c[2], call: c) else { return nil }; spec = s }
        let matcher = PatternMatcher(kernel: k)
        return try deleting(k, c[0], c[1], level: 0, spec, matcher)
    }

    private static func deleting(_ k: Kernel, _ e: Expr, _ pattern: Expr, level: Int, _ spec: LevelSpec,
                                 _ matcher: PatternMatcher) throws(Interrupt) -> Expr {
        guard !e.isAtom, level < spec.max || spec.max < 0 else { return e }
        var kept: [Expr] = []
        var changed = false
        for argument in e.arguments {
            let d = k.depthOf(argument)
            if spec.contains(level: level + 1, depth: d), try matcher.matches(pattern, argument) {
                changed = true
                continue
            }
            let inner = try deleting(k, argument, pattern, level: level + 1, spec, matcher)
            if !inner.isIdentical(to: argument) { changed = true }
            kept.append(inner)
        }
        if !changed { return e }
        let head = e.head(k.sys)
        if head.isSymbol(k.sys.List) { return k.listExpr(kept, packAtLeast: Int.max) }
        return Expr(head: head, kept)
    }

    static func position(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard c.count >= 2, let (rest, heads) = headsOption(k, c), rest.count <= 2 else {
            _ = k.checkCount(c, 2, 4)
            return nil
        }
        var spec = LevelSpec(min: 0, max: Int.max)
        if let levels = rest.first { guard let s = k.levelSpec(levels, call: c) else { return nil }; spec = s }
        spec.includeHeads = heads ?? true
        var limit = Int.max
        if rest.count == 2 { guard let n = countLimit(k, rest[1]) else { return nil }; limit = n }
        let matcher = PatternMatcher(kernel: k)
        var found: [Expr] = []
        try k.walkLevels(c[0], spec) { (sub: Expr, path: [Int]) throws(Interrupt) -> Bool in
            if try matcher.matches(c[1], sub) {
                found.append(k.listExpr(path.map { .integer($0) }))
            }
            return found.count < limit
        }
        return Expr(k.sys.List, found)
    }

    /// The first position `Position` would give (heads included, levels 0 to Infinity unless given),
    /// with `Key[k]` for the values of associations; the default (`Missing["NotFound"]`) when none.
    static func firstPosition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        var spec = LevelSpec(min: 0, max: Int.max)
        spec.includeHeads = true
        if c.count == 4 {
            guard var s = k.levelSpec(c[3], call: c) else { return nil }
            s.includeHeads = true
            spec = s
        }
        let matcher = PatternMatcher(kernel: k)
        var found: [Int]? = nil
        try k.walkLevels(c[0], spec) { (sub: Expr, path: [Int]) throws(Interrupt) -> Bool in
            guard try matcher.matches(c[1], sub), keyedPath(k, c[0], path) != nil else { return true }
            found = path
            return false
        }
        guard let path = found, let keyed = keyedPath(k, c[0], path) else {
            return c.count >= 3 ? c[2] : Expr(k.sys.Missing, .string("NotFound"))
        }
        return Expr(k.sys.List, keyed)
    }

    /// A position with the rule-and-value steps through associations turned into `Key[k]`; nil for a
    /// position inside an association's keys or at a rule itself (not a position of a value).
    private static func keyedPath(_ k: Kernel, _ root: Expr, _ path: [Int]) -> [Expr]? {
        var result: [Expr] = []
        var current = root
        var i = 0
        while i < path.count {
            let index = path[i]
            if current.hasHead(k.sys.Association), index > 0 {
                let rules = current.arguments
                guard index <= rules.count, i + 1 < path.count, path[i + 1] == 2,
                      rules[index - 1].arguments.count == 2 else { return nil }
                result.append(Expr(k.sys.Key, rules[index - 1].arguments[0]))
                current = rules[index - 1].arguments[1]
                i += 2
                continue
            }
            result.append(.integer(index))
            if index == 0 {
                current = current.head(k.sys)
            } else {
                let parts = current.arguments
                guard index <= parts.count else { return nil }
                current = parts[index - 1]
            }
            i += 1
        }
        return result
    }

    static func count(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 3) else { return nil }
        var spec = LevelSpec(min: 1, max: 1)
        if c.count == 3 { guard let s = k.levelSpec(c[2], call: c) else { return nil }; spec = s }
        let matcher = PatternMatcher(kernel: k)
        var n = 0
        if c[0].isAtom { return .integer(0) }
        try k.walkLevels(c[0], spec) { (sub: Expr, _: [Int]) throws(Interrupt) -> Bool in
            if try matcher.matches(c[1], sub) { n += 1 }
            return true
        }
        return .integer(n)
    }

    static func memberQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 3) else { return nil }
        var spec = LevelSpec(min: 1, max: 1)
        if c.count == 3 { guard let s = k.levelSpec(c[2], call: c) else { return nil }; spec = s }
        if c[0].isAtom { return k.bool(false) }
        let matcher = PatternMatcher(kernel: k)
        var found = false
        try k.walkLevels(c[0], spec) { (sub: Expr, _: [Int]) throws(Interrupt) -> Bool in
            if try matcher.matches(c[1], sub) { found = true; return false }
            return true
        }
        return k.bool(found)
    }

    static func freeQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 3) else { return nil }
        var spec = LevelSpec(min: 0, max: Int.max)
        spec.includeHeads = true
        if c.count == 3 { guard var s = k.levelSpec(c[2], call: c) else { return nil }; s.includeHeads = true; spec = s }
        let matcher = PatternMatcher(kernel: k)
        var found = false
        try k.walkLevels(c[0], spec) { (sub: Expr, _: [Int]) throws(Interrupt) -> Bool in
            if try matcher.matches(c[1], sub) { found = true; return false }
            return true
        }
        return k.bool(!found)
    }
}
