// Builtins that search strings with string patterns: StringMatchQ, StringContainsQ, StringFreeQ,
// StringStartsQ, StringEndsQ, StringCases, StringCount, StringPosition, StringReplace,
// StringReplaceList, StringSplit, StringDelete, StringTrim, and StringExpression itself.
//
// Each takes a string or a list of strings first, a pattern (or rules) second, and the options
// IgnoreCase and (where it means something) Overlaps. The predicates and StringReplace also have
// an operator form `f[p][s]`.

import TesseraCore
import TesseraExpr

enum StringSearchBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("StringMatchQ", options: [("IgnoreCase", "False")], curried: operatorForm, stringMatchQ),
        BuiltinSpec("StringContainsQ", options: [("IgnoreCase", "False")], curried: operatorForm, stringContainsQ),
        BuiltinSpec("StringFreeQ", options: [("IgnoreCase", "False")], curried: operatorForm, stringFreeQ),
        BuiltinSpec("StringStartsQ", options: [("IgnoreCase", "False")], curried: operatorForm, stringStartsQ),
        BuiltinSpec("StringEndsQ", options: [("IgnoreCase", "False")], curried: operatorForm, stringEndsQ),
        BuiltinSpec("StringCases", options: [("IgnoreCase", "False"), ("Overlaps", "False")],
                    curried: operatorForm, stringCases),
        BuiltinSpec("StringCount", options: [("IgnoreCase", "False"), ("Overlaps", "False")], stringCount),
        BuiltinSpec("StringPosition", options: [("IgnoreCase", "False"), ("Overlaps", "True")], stringPosition),
        BuiltinSpec("StringReplace", options: [("IgnoreCase", "False")], curried: operatorForm, stringReplace),
        BuiltinSpec("StringReplaceList", options: [("IgnoreCase", "False")], stringReplaceList),
        BuiltinSpec("StringSplit", options: [("IgnoreCase", "False")], stringSplit),
        BuiltinSpec("StringDelete", options: [("IgnoreCase", "False")], curried: operatorForm, stringDelete),
        BuiltinSpec("StringTrim", stringTrim),
        BuiltinSpec("StringExpression", attributes: [.flat, .oneIdentity, .protected], stringExpression),
        BuiltinSpec("RegularExpression", attributes: [.protected]),
    ]

    static let optionNames: Set<String> = ["IgnoreCase", "Overlaps"]

    /// `f[p][s]` is `f[s, p]`.
    static func operatorForm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let inner) = n.head,
              !inner.arguments.isEmpty else { return nil }
        return Expr(c.head, [c[0]] + inner.arguments)
    }

    // MARK: Arguments

    struct Arguments {
        var positional: [Expr]
        var ignoreCase = false
        var overlaps: StringOverlaps
    }

    /// Splits off the trailing options this family knows (a rule like `"a" -> "b"` is an argument).
    static func arguments(_ k: Kernel, _ c: Call, overlaps: StringOverlaps) -> Arguments {
        var positional = c.arguments
        var result = Arguments(positional: [], overlaps: overlaps)
        while let last = positional.last, StringPatternCompiler.isRule(k, last),
              case .symbol(let name) = last.arguments[0], optionNames.contains(name.name) {
            positional.removeLast()
            let value = last.arguments[1]
            if name.name == "IgnoreCase" { result.ignoreCase = value.isSymbol(k.sys.True) }
            else if value.isSymbol(k.sys.All) { result.overlaps = .all }
            else { result.overlaps = value.isSymbol(k.sys.True) ? .starts : .none }
        }
        result.positional = positional
        return result
    }

    /// Applies `body` to a string, or to each string of a list; nil when an element is no string.
    static func eachString(_ k: Kernel, _ e: Expr, _ body: (String) throws(Interrupt) -> Expr?) throws(Interrupt) -> Expr? {
        if case .string(let s) = e { return try body(s) }
        guard e.isList(k.sys) else { return nil }
        var results: [Expr] = []
        for element in e.arguments {
            guard case .string(let s) = element, let r = try body(s) else { return nil }
            results.append(r)
        }
        return Expr(k.sys.List, results)
    }

    static func notString(_ k: Kernel, _ c: Call) -> Expr? {
        k.fail(c, "strse", .integer(1), c.expr)
    }

    // MARK: Predicates

    static func stringMatchQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2 else { return nil }
        guard let rules = StringPatternCompiler.rules(k, a.positional[1], allowRules: false, wildcards: true) else {
            return nil
        }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            return k.bool(try m.wholeMatch(rules[0].node) != nil)
        }) else { return notString(k, c) }
        return result
    }

    static func contains(_ k: Kernel, _ c: Call, anchored: StringAnchor?, negate: Bool) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2 else { return nil }
        guard var rules = StringPatternCompiler.rules(k, a.positional[1], allowRules: false) else { return nil }
        if anchored == .endOfString {
            rules = rules.map { StringRule(node: .sequence([$0.node, .anchor(.endOfString)]), rhs: nil, delayed: false,
                                           regex: $0.regex, groupCount: $0.groupCount) }
        }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            let found: Bool
            if anchored == .startOfString {
                found = try m.firstMatch(rules[0].node, at: 0) != nil
            } else {
                found = !(try m.search(rules, overlaps: .starts, limit: 1).isEmpty)
            }
            return k.bool(found != negate)
        }) else { return notString(k, c) }
        return result
    }

    static func stringContainsQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try contains(k, c, anchored: nil, negate: false)
    }

    static func stringFreeQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try contains(k, c, anchored: nil, negate: true)
    }

    static func stringStartsQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try contains(k, c, anchored: .startOfString, negate: false)
    }

    static func stringEndsQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try contains(k, c, anchored: .endOfString, negate: false)
    }

    // MARK: Cases, counts, positions

    /// The optional count argument (`n` or Infinity); nil when malformed.
    static func limit(_ k: Kernel, _ a: Arguments, at index: Int) -> Int? {
        guard a.positional.count > index else { return Int.max }
        switch a.positional[index] {
        case .integer(let n) where n >= 0: return n
        case let e where e.isSymbol(k.sys.Infinity): return Int.max
        case let e where e.hasHead(k.sys.DirectedInfinity) && e.arguments == [.integer(1)]: return Int.max
        default: return nil
        }
    }

    static func stringCases(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2 || a.positional.count == 3, let n = limit(k, a, at: 2),
              let rules = StringPatternCompiler.rules(k, a.positional[1]) else { return nil }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            var values: [Expr] = []
            for hit in try m.search(rules, overlaps: a.overlaps, limit: n) {
                values.append(try m.replacement(rules[hit.rule], hit.match))
            }
            return Expr(k.sys.List, values)
        }) else { return notString(k, c) }
        return result
    }

    static func stringCount(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2,
              let rules = StringPatternCompiler.rules(k, a.positional[1], allowRules: false) else { return nil }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            return .integer(try m.search(rules, overlaps: a.overlaps).count)
        }) else { return notString(k, c) }
        return result
    }

    static func stringPosition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .starts)
        guard a.positional.count == 2 || a.positional.count == 3, let n = limit(k, a, at: 2),
              let rules = StringPatternCompiler.rules(k, a.positional[1], allowRules: false) else { return nil }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            let spans = try m.search(rules, overlaps: a.overlaps, limit: n).map { hit in
                Expr(k.sys.List, .integer(hit.match.range.lowerBound + 1), .integer(hit.match.range.upperBound))
            }
            return Expr(k.sys.List, spans)
        }) else { return notString(k, c) }
        return result
    }

    // MARK: Replacing

    /// Joins pieces: a string when all are strings, else `StringExpression[...]` with adjacent
    /// strings merged.
    static func joinPieces(_ k: Kernel, _ pieces: [Expr]) -> Expr {
        var merged: [Expr] = []
        var pending = ""
        var hasPending = false
        for piece in pieces {
            if case .string(let s) = piece {
                pending += s
                hasPending = true
            } else {
                if hasPending && !pending.isEmpty { merged.append(.string(pending)) }
                pending = ""
                hasPending = false
                merged.append(piece)
            }
        }
        if hasPending && (!pending.isEmpty || merged.isEmpty) { merged.append(.string(pending)) }
        if merged.count == 1, case .string = merged[0] { return merged[0] }
        if merged.isEmpty { return .string("") }
        return Expr(k.sys.StringExpression, merged)
    }

    static func replaceAll(_ k: Kernel, _ m: StringMatcher, _ rules: [StringRule], limit: Int) throws(Interrupt) -> Expr {
        var pieces: [Expr] = []
        var position = 0
        for hit in try m.search(rules, overlaps: .none, limit: limit) {
            let r = hit.match.range
            guard r.lowerBound >= position else { continue }
            if r.lowerBound > position { pieces.append(.string(m.substring(position..<r.lowerBound))) }
            pieces.append(try m.replacement(rules[hit.rule], hit.match))
            position = r.upperBound
        }
        if position < m.text.count { pieces.append(.string(m.substring(position..<m.text.count))) }
        return joinPieces(k, pieces)
    }

    static func stringReplace(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2 || a.positional.count == 3, let n = limit(k, a, at: 2) else { return nil }
        guard let rules = StringPatternCompiler.rules(k, a.positional[1], requireRules: true) else {
            if !StringPatternCompiler.isRule(k, a.positional[1]) && !a.positional[1].isList(k.sys) {
                return k.fail(c, "srep", a.positional[1])
            }
            return nil
        }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            try replaceAll(k, StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase), rules, limit: n)
        }) else { return notString(k, c) }
        return result
    }

    static func stringDelete(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2,
              let patterns = StringPatternCompiler.rules(k, a.positional[1], allowRules: false) else { return nil }
        let rules = patterns.map { StringRule(node: $0.node, rhs: .string(""), delayed: false, regex: false,
                                              groupCount: $0.groupCount) }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            try replaceAll(k, StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase), rules, limit: Int.max)
        }) else { return notString(k, c) }
        return result
    }

    /// Every string obtained by replacing one match.
    static func stringReplaceList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard a.positional.count == 2 || a.positional.count == 3, let n = limit(k, a, at: 2),
              let rules = StringPatternCompiler.rules(k, a.positional[1], requireRules: true) else { return nil }
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            var results: [Expr] = []
            for hit in try m.search(rules, overlaps: .all, limit: n) {
                let r = hit.match.range
                results.append(joinPieces(k, [.string(m.substring(0..<r.lowerBound)),
                                              try m.replacement(rules[hit.rule], hit.match),
                                              .string(m.substring(r.upperBound..<m.text.count))]))
            }
            return Expr(k.sys.List, results)
        }) else { return notString(k, c) }
        return result
    }

    // MARK: Splitting and trimming

    static var whitespaceRule: StringRule {
        StringRule(node: .repeated(.character(.whitespace), min: 1, max: Int.max, greedy: true),
                   rhs: nil, delayed: false, regex: false, groupCount: 0)
    }

    static func stringSplit(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let a = arguments(k, c, overlaps: .none)
        guard (1...3).contains(a.positional.count) else { return nil }
        let rules: [StringRule]
        if a.positional.count == 1 {
            rules = [whitespaceRule]
        } else if a.positional[1].isSymbol(k.sys.All) {
            return nil
        } else {
            guard let r = StringPatternCompiler.rules(k, a.positional[1]) else { return nil }
            rules = r
        }
        guard let n = limit(k, a, at: 2), n > 0 else { return nil }
        let bounded = a.positional.count == 3
        guard let result = try eachString(k, a.positional[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: rules, ignoreCase: a.ignoreCase)
            return Expr(k.sys.List, try split(m, rules, limit: n, keepEmptyEnds: bounded))
        }) else { return notString(k, c) }
        return result
    }

    /// The pieces between separators (and the replacements of separator rules). Empty pieces at
    /// either end are dropped unless a piece count was given.
    static func split(_ m: StringMatcher, _ rules: [StringRule], limit: Int,
                      keepEmptyEnds: Bool) throws(Interrupt) -> [Expr] {
        var texts: [String] = []
        var separators: [Expr?] = []
        var position = 0
        for hit in try m.search(rules, overlaps: .none, limit: limit == Int.max ? Int.max : limit - 1) {
            let r = hit.match.range
            // An empty separator at either end splits nothing off.
            if r.isEmpty && (r.lowerBound == 0 || r.lowerBound == m.text.count) { continue }
            texts.append(m.substring(position..<r.lowerBound))
            let rule = rules[hit.rule]
            separators.append(rule.rhs == nil ? nil : try m.replacement(rule, hit.match))
            position = r.upperBound
        }
        texts.append(m.substring(position..<m.text.count))
        var first = 0
        var last = texts.count - 1
        if !keepEmptyEnds {
            // With replacement rules only the outermost pieces go; without, every empty piece at an end.
            let withRules = rules.contains { $0.rhs != nil }
            while first <= last && texts[first].isEmpty { first += 1; if withRules { break } }
            while last >= first && texts[last].isEmpty { last -= 1; if withRules { break } }
        }
        var result: [Expr] = []
        for i in texts.indices {
            if i >= first && i <= last { result.append(.string(texts[i])) }
            if i < separators.count, let separator = separators[i] { result.append(separator) }
        }
        return result
    }

    static func stringTrim(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let rule: StringRule
        if c.count == 2 {
            guard let r = StringPatternCompiler.rules(k, c[1], allowRules: false), r.count == 1 else { return nil }
            rule = r[0]
        } else {
            rule = whitespaceRule
        }
        guard let result = try eachString(k, c[0], { (s: String) throws(Interrupt) -> Expr? in
            let m = StringMatcher(k, s, rules: [rule], ignoreCase: false)
            var start = 0
            if let head = try m.firstMatch(rule.node, at: 0) { start = head.range.upperBound }
            var end = m.text.count
            let tail = StringPatternNode.sequence([rule.node, .anchor(.endOfString)])
            var from = start
            while from < end {
                if let hit = try m.firstMatch(tail, at: from), !hit.range.isEmpty {
                    end = hit.range.lowerBound
                    break
                }
                from += 1
            }
            return .string(m.substring(start..<end))
        }) else { return notString(k, c) }
        return result
    }

    /// `"a" ~~ "b"` is `"ab"`: adjacent strings join; anything else stays a pattern.
    static func stringExpression(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count > 0 else { return .string("") }
        var merged: [Expr] = []
        var changed = false
        for argument in c.arguments {
            if case .string(let s) = argument, case .string(let previous)? = merged.last {
                merged[merged.count - 1] = .string(previous + s)
                changed = true
            } else {
                merged.append(argument)
            }
        }
        if merged.count == 1, case .string = merged[0] { return merged[0] }
        return changed ? Expr(k.sys.StringExpression, merged) : nil
    }
}
