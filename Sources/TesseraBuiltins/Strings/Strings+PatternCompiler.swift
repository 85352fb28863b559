// From Wolfram string patterns to `StringPatternNode` trees, and the search loops that every
// string-pattern builtin shares (StringCases, StringPosition, StringReplace, StringSplit, ...).
//
// A string pattern is a string, a named class (`DigitCharacter`, `Whitespace`, `StartOfString`, ...),
// a blank (`_`, `__`, `___`), `x_`/`x : p`, `p ? test`, `p /; cond`, `p..`, `Repeated[p, spec]`,
// `Shortest`/`Longest`, `Except[c]`, `CharacterRange`, `RegularExpression[...]`, alternatives (`|` or a
// list) and `StringExpression` (`~~`) of any of these. Anything else is not a string pattern: the
// compiler answers nil and the builtin stays unevaluated.

import TesseraCore
import TesseraExpr

struct StringPatternCompiler {
    let kernel: Kernel
    /// Capture groups numbered so far (regular expressions inside the pattern).
    private(set) var groupCount = 0
    /// True when the pattern contains a regular expression (its rules then read `$n` in the rhs).
    private(set) var usesRegex = false
    /// StringMatchQ reads `*` and `@` in a string pattern as wildcards.
    let wildcards: Bool

    init(_ kernel: Kernel, wildcards: Bool = false) {
        self.kernel = kernel
        self.wildcards = wildcards
    }

    mutating func compile(_ e: Expr, lazy: Bool = false) -> StringPatternNode? {
        switch e {
        case .string(let s):
            return wildcards ? wildcardNode(s) : .literal(Array(s.unicodeScalars), fold: false)
        case .symbol(let s):
            return namedClass(s, lazy: lazy)
        case .normal(let n):
            guard case .symbol(let h) = n.head, h.context == "System`" else { return nil }
            return compileCall(h.name, n.arguments, lazy: lazy)
        default:
            return nil
        }
    }

    private mutating func compileCall(_ head: String, _ a: [Expr], lazy: Bool) -> StringPatternNode? {
        switch head {
        case "StringExpression", "PatternSequence":
            var parts: [StringPatternNode] = []
            for p in a {
                guard let node = compile(p, lazy: lazy) else { return nil }
                parts.append(node)
            }
            return parts.count == 1 ? parts[0] : .sequence(parts)
        case "Alternatives", "List":
            var options: [StringPatternNode] = []
            for p in a {
                guard let node = compile(p, lazy: lazy) else { return nil }
                options.append(node)
            }
            return .alternatives(options)
        case "Blank" where a.isEmpty:
            return .character(.any)
        case "BlankSequence" where a.isEmpty:
            return .repeated(.character(.any), min: 1, max: Int.max, greedy: !lazy)
        case "BlankNullSequence" where a.isEmpty:
            return .repeated(.character(.any), min: 0, max: Int.max, greedy: !lazy)
        case "Pattern" where a.count == 2:
            guard let name = a[0].asSymbol, let inner = compile(a[1], lazy: lazy) else { return nil }
            return .named(name, inner)
        case "PatternTest" where a.count == 2:
            guard let inner = compile(a[0], lazy: lazy) else { return nil }
            return .test(inner, a[1])
        case "Condition" where a.count == 2:
            guard let inner = compile(a[0], lazy: lazy) else { return nil }
            return .condition(inner, a[1])
        case "Repeated", "RepeatedNull":
            guard a.count == 1 || a.count == 2, let inner = compile(a[0], lazy: lazy) else { return nil }
            var low = head == "Repeated" ? 1 : 0
            var high = Int.max
            if a.count == 2 {
                switch a[1] {
                case .integer(let n): high = n
                case let spec where spec.isList(kernel.sys):
                    let bounds = spec.arguments
                    if bounds.count == 1, case .integer(let n) = bounds[0] { low = n; high = n }
                    else if bounds.count == 2, case .integer(let m) = bounds[0] {
                        low = m
                        if case .integer(let n) = bounds[1] { high = n }
                        else if !bounds[1].isSymbol(kernel.sys.Infinity) { return nil }
                    } else { return nil }
                default:
                    if !a[1].isSymbol(kernel.sys.Infinity) { return nil }
                }
            }
            guard low >= 0, high >= low else { return nil }
            return .repeated(inner, min: low, max: high, greedy: !lazy)
        case "Shortest" where a.count == 1:
            return compile(a[0], lazy: true)
        case "Longest" where a.count == 1:
            return compile(a[0], lazy: false)
        case "HoldPattern" where a.count == 1:
            return compile(a[0], lazy: lazy)
        case "Verbatim" where a.count == 1:
            guard case .string(let s) = a[0] else { return nil }
            return .literal(Array(s.unicodeScalars), fold: false)
        case "Except" where a.count == 1:
            guard let inner = compile(a[0], lazy: lazy) else { return nil }
            return .except(inner)
        case "Except" where a.count == 2:
            guard let excluded = compile(a[0], lazy: lazy), let inner = compile(a[1], lazy: lazy) else { return nil }
            return .sequence([.lookaround(excluded, behind: false, negated: true), inner])
        case "CharacterRange" where a.count == 2:
            guard case .string(let from) = a[0], case .string(let to) = a[1],
                  let low = from.unicodeScalars.first, let high = to.unicodeScalars.first,
                  from.unicodeScalars.count == 1, to.unicodeScalars.count == 1, low.value <= high.value else { return nil }
            return .character(.set(ranges: [low.value...high.value], tests: [], negated: false, fold: false))
        case "RegularExpression" where a.count == 1:
            guard case .string(let source) = a[0] else { return nil }
            return regex(source, lazy: lazy)
        default:
            return nil
        }
    }

    mutating func regex(_ source: String, lazy: Bool) -> StringPatternNode? {
        var parser = RegexParser(source, groupCount: groupCount)
        guard let node = parser.parse(lazy: lazy) else { return nil }
        groupCount = parser.groupCount
        usesRegex = true
        return node
    }

    private func namedClass(_ s: Symbol, lazy: Bool) -> StringPatternNode? {
        guard s.context == "System`" else { return nil }
        switch s.name {
        case "DigitCharacter": return .character(.digit)
        case "LetterCharacter": return .character(.letter)
        case "WhitespaceCharacter": return .character(.whitespace)
        case "WordCharacter": return .character(.wordCharacter)
        case "PunctuationCharacter": return .character(.punctuation)
        case "HexadecimalCharacter": return .character(.hexDigit)
        case "Whitespace": return .repeated(.character(.whitespace), min: 1, max: Int.max, greedy: !lazy)
        case "StartOfString": return .anchor(.startOfString)
        case "EndOfString": return .anchor(.endOfString)
        case "StartOfLine": return .anchor(.startOfLine)
        case "EndOfLine": return .anchor(.endOfLine)
        case "WordBoundary": return .anchor(.wordBoundary)
        case "NumberString":
            var parser = RegexParser("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)", groupCount: 0)
            return parser.parse(lazy: lazy)
        default: return nil
        }
    }

    /// `"H*"` in StringMatchQ: `*` any characters, `@` one or more characters that are not upper case,
    /// `\*` and `\@` literally.
    private func wildcardNode(_ s: String) -> StringPatternNode {
        var parts: [StringPatternNode] = []
        var literal: [Unicode.Scalar] = []
        var escaped = false
        for c in s.unicodeScalars {
            if escaped { literal.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "*", "@":
                if !literal.isEmpty { parts.append(.literal(literal, fold: false)); literal = [] }
                parts.append(c == "*"
                    ? .repeated(.character(.any), min: 0, max: Int.max, greedy: true)
                    : .repeated(.character(.set(ranges: [], tests: [.upperCase], negated: true, fold: false)),
                                min: 1, max: Int.max, greedy: true))
            default: literal.append(c)
            }
        }
        if escaped { literal.append("\\") }
        if !literal.isEmpty { parts.append(.literal(literal, fold: false)) }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }
}

// MARK: Rules and searches

/// One alternative of a search: a pattern, and for rules the replacement.
struct StringRule {
    let node: StringPatternNode
    let rhs: Expr?
    let delayed: Bool
    let regex: Bool
    let groupCount: Int
}

/// How matches may overlap (the Overlaps option).
enum StringOverlaps {
    /// Overlaps -> False: the next match starts after the previous one.
    case none
    /// Overlaps -> True: at most one match starts at each position.
    case starts
    /// Overlaps -> All: every match at every position.
    case all
}

struct StringHit {
    let rule: Int
    let match: StringMatch
}

extension StringPatternCompiler {
    /// The rules of a pattern argument: a pattern, a rule, or a list of them. `allowRules` false
    /// refuses rules (StringMatchQ); `requireRules` refuses bare patterns (StringReplace).
    static func rules(_ k: Kernel, _ e: Expr, allowRules: Bool = true, requireRules: Bool = false,
                      wildcards: Bool = false) -> [StringRule]? {
        let items: [Expr]
        if e.isList(k.sys), e.arguments.contains(where: { isRule(k, $0) }) || requireRules {
            items = e.arguments
        } else {
            items = [e]
        }
        var result: [StringRule] = []
        for item in items {
            var compiler = StringPatternCompiler(k, wildcards: wildcards)
            if isRule(k, item) {
                guard allowRules, let lhs = compiler.compile(item.arguments[0]) else { return nil }
                result.append(StringRule(node: lhs, rhs: item.arguments[1], delayed: item.hasHead(k.sys.RuleDelayed),
                                         regex: compiler.usesRegex, groupCount: compiler.groupCount))
            } else {
                guard !requireRules, let node = compiler.compile(item) else { return nil }
                result.append(StringRule(node: node, rhs: nil, delayed: false, regex: compiler.usesRegex,
                                         groupCount: compiler.groupCount))
            }
        }
        return result
    }

    static func isRule(_ k: Kernel, _ e: Expr) -> Bool {
        (e.hasHead(k.sys.Rule) || e.hasHead(k.sys.RuleDelayed)) && e.length == 2
    }
}

extension StringMatcher {
    convenience init(_ k: Kernel, _ s: String, rules: [StringRule], ignoreCase: Bool) {
        self.init(kernel: k, text: Array(s.unicodeScalars), ignoreCase: ignoreCase,
                  groupCount: rules.map(\.groupCount).max() ?? 0)
    }

    /// Matches of the rules in the text, leftmost first; at one position the rules are tried in order.
    func search(_ rules: [StringRule], overlaps: StringOverlaps, limit: Int = Int.max,
                from start: Int = 0) throws(Interrupt) -> [StringHit] {
        var hits: [StringHit] = []
        var position = start
        let possible = rules.map { canMatch($0.node) }
        guard possible.contains(true) else { return [] }
        while position <= text.count && hits.count < limit {
            var advanced = false
            if overlaps == .all {
                for (i, rule) in rules.enumerated() where possible[i] {
                    for m in try allMatches(rule.node, at: position) where hits.count < limit {
                        hits.append(StringHit(rule: i, match: m))
                    }
                }
            } else {
                for (i, rule) in rules.enumerated() where possible[i] {
                    guard let m = try firstMatch(rule.node, at: position) else { continue }
                    hits.append(StringHit(rule: i, match: m))
                    if overlaps == .none && m.range.upperBound > position {
                        position = m.range.upperBound
                        advanced = true
                    }
                    break
                }
            }
            if !advanced { position += 1 }
        }
        return hits
    }

    /// The replacement of a rule for one match: `$n` filled in for regular expressions, pattern names
    /// replaced by the matched text, then evaluated.
    func replacement(_ rule: StringRule, _ m: StringMatch) throws(Interrupt) -> Expr {
        guard var value = rule.rhs else { return .string(substring(m.range)) }
        if rule.regex { value = fillGroups(value, m) }
        if !m.names.isEmpty {
            value = kernel.substitute(value, names: m.names, values: m.values.map { .string(substring($0)) })
        }
        return try kernel.evaluate(value)
    }

    private func fillGroups(_ e: Expr, _ m: StringMatch) -> Expr {
        switch e {
        case .string(let s) where s.contains("$"):
            var out = ""
            var scalars = Array(s.unicodeScalars)[...]
            while let c = scalars.first {
                scalars = scalars.dropFirst()
                guard c == "$", let d = scalars.first, d.value >= 48, d.value <= 57 else {
                    out.unicodeScalars.append(c)
                    continue
                }
                var number = 0
                while let d = scalars.first, d.value >= 48, d.value <= 57 {
                    number = number * 10 + Int(d.value - 48)
                    scalars = scalars.dropFirst()
                }
                if number == 0 { out += substring(m.range) }
                else if number < m.groups.count, let r = m.groups[number] { out += substring(r) }
            }
            return .string(out)
        case .normal(let n):
            return Expr(head: fillGroups(n.head, m), n.arguments.map { fillGroups($0, m) })
        default:
            return e
        }
    }
}
