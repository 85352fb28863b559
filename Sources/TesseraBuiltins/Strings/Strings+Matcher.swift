// The string pattern engine: a backtracking matcher over the Unicode scalars of a string.
//
// Design. Wolfram string patterns (`"a" ~~ x_ ~~ DigitCharacter..`, `Shortest[__]`, `x_?LetterQ`,
// `p /; cond`) and PCRE regular expressions (`RegularExpression["(\\d+)-\\1"]`) are both compiled to
// one tree of `StringPatternNode`s (Strings+PatternCompiler.swift, Strings+Regex.swift), so a pattern
// may mix the two. Matching is depth-first in continuation-passing style, as in the expression
// matcher of the core: `match(node, position, next)` returns true only if `next` accepts an end
// position, so a later failure makes an earlier repetition try another length.
//
// Invariants. Positions index `text` (scalars, as `StringLength` counts them). Named bindings
// (`x_`) and regex groups are pushed before `next` runs and undone when it fails, so after a
// successful match they describe exactly the accepted way. The engine never evaluates anything
// except pattern tests and conditions, and those through the kernel, so an abort interrupts it.

import TesseraCore
import TesseraExpr

/// A single-character test.
indirect enum CharacterTest {
    /// `_`: any character.
    case any
    /// Regex `.`: any character but a newline.
    case anyButNewline
    case digit, letter, whitespace, wordCharacter, punctuation, hexDigit
    case upperCase, lowerCase
    /// Regex `\w` and `\s` (ASCII meaning, as PCRE without UCP).
    case regexWord, regexSpace
    /// A bracket class: ranges and tests, possibly negated; `fold` compares case-insensitively.
    case set(ranges: [ClosedRange<UInt32>], tests: [CharacterTest], negated: Bool, fold: Bool)
}

/// Zero-width assertions.
enum StringAnchor {
    case startOfString, endOfString, startOfLine, endOfLine, wordBoundary, notWordBoundary
    /// PCRE `$` without multiline: the end, or just before a final newline.
    case endOrFinalNewline
}

indirect enum StringPatternNode {
    /// Literal text; `fold` compares case-insensitively (regex `(?i)`).
    case literal([Unicode.Scalar], fold: Bool)
    case character(CharacterTest)
    case sequence([StringPatternNode])
    case alternatives([StringPatternNode])
    case repeated(StringPatternNode, min: Int, max: Int, greedy: Bool)
    /// `x : p` or `x_`: binds the matched text; a second occurrence must match the same text.
    case named(Symbol, StringPatternNode)
    /// A capturing regex group.
    case group(Int, StringPatternNode)
    case backReference(Int)
    /// `p ? test`: the test is applied to the matched text.
    case test(StringPatternNode, Expr)
    /// `p /; cond`: the condition is evaluated with the bindings so far.
    case condition(StringPatternNode, Expr)
    /// `Except[c]`: one character that `c` does not match.
    case except(StringPatternNode)
    case anchor(StringAnchor)
    case lookaround(StringPatternNode, behind: Bool, negated: Bool)
}

/// One successful match: its span and the bindings made on the way.
struct StringMatch {
    let range: Range<Int>
    let names: [Symbol]
    let values: [Range<Int>]
    let groups: [Range<Int>?]
}

final class StringMatcher {
    typealias Next = (Int) throws(Interrupt) -> Bool

    let kernel: Kernel
    let text: [Unicode.Scalar]
    /// `text` case-folded, when the whole match ignores case.
    let folded: [Unicode.Scalar]?
    private(set) var names: [Symbol] = []
    private(set) var spans: [Range<Int>] = []
    private(set) var groups: [Range<Int>?]
    /// Match steps since the last poll for interrupts (deadlines, constraints and Ctrl-C also bound
    /// pathological backtracking, which evaluates nothing and so never reaches the evaluator's poll).
    private var steps = 0

    init(kernel: Kernel, text: [Unicode.Scalar], ignoreCase: Bool, groupCount: Int) {
        self.kernel = kernel
        self.text = text
        self.folded = ignoreCase ? text.map(StringMatcher.fold) : nil
        self.groups = Array(repeating: nil, count: groupCount + 1)
    }

    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII {
            let v = c.value
            return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : c
        }
        return c.properties.lowercaseMapping.unicodeScalars.first ?? c
    }

    func substring(_ r: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: text[r])
        return String(s)
    }

    /// The binding values as strings, for substitution into a right-hand side.
    var bindingValues: [Expr] { spans.map { .string(substring($0)) } }

    // MARK: Entry points

    /// False when the text lacks a literal that every match of `node` contains, so that a search can
    /// skip the node without backtracking through it.
    func canMatch(_ node: StringPatternNode) -> Bool {
        var required: [[Unicode.Scalar]] = []
        StringMatcher.requiredLiterals(node, into: &required)
        return required.allSatisfy { contains($0) }
    }

    private static func requiredLiterals(_ node: StringPatternNode, into out: inout [[Unicode.Scalar]]) {
        switch node {
        case .literal(let s, let fold): if !fold && !s.isEmpty { out.append(s) }
        case .sequence(let parts): for p in parts { requiredLiterals(p, into: &out) }
        case .repeated(let inner, let low, _, _): if low > 0 { requiredLiterals(inner, into: &out) }
        case .named(_, let inner), .group(_, let inner), .test(let inner, _), .condition(let inner, _):
            requiredLiterals(inner, into: &out)
        default: break
        }
    }

    private func contains(_ literal: [Unicode.Scalar]) -> Bool {
        if folded != nil { return true }
        guard literal.count <= text.count else { return false }
        let first = literal[0]
        var i = 0
        while i + literal.count <= text.count {
            if text[i] == first && text[i..<(i + literal.count)].elementsEqual(literal) { return true }
            i += 1
        }
        return false
    }

    /// The first match (in backtracking order) that starts at `start`.
    func firstMatch(_ node: StringPatternNode, at start: Int) throws(Interrupt) -> StringMatch? {
        reset()
        var found: StringMatch?
        _ = try match(node, start) { (end: Int) throws(Interrupt) -> Bool in
            found = self.snapshot(start..<end)
            return true
        }
        return found
    }

    /// A match of the whole text.
    func wholeMatch(_ node: StringPatternNode) throws(Interrupt) -> StringMatch? {
        guard canMatch(node) else { return nil }
        reset()
        var found: StringMatch?
        _ = try match(node, 0) { (end: Int) throws(Interrupt) -> Bool in
            guard end == self.text.count else { return false }
            found = self.snapshot(0..<end)
            return true
        }
        return found
    }

    /// Every match starting at `start`, one per end position, in backtracking order.
    func allMatches(_ node: StringPatternNode, at start: Int) throws(Interrupt) -> [StringMatch] {
        reset()
        var found: [StringMatch] = []
        var ends = Set<Int>()
        _ = try match(node, start) { (end: Int) throws(Interrupt) -> Bool in
            if ends.insert(end).inserted { found.append(self.snapshot(start..<end)) }
            return false
        }
        return found
    }

    private func reset() {
        names.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        for i in groups.indices { groups[i] = nil }
    }

    private func snapshot(_ range: Range<Int>) -> StringMatch {
        StringMatch(range: range, names: names, values: spans, groups: groups)
    }

    // MARK: Matching

    func match(_ node: StringPatternNode, _ pos: Int, _ next: Next) throws(Interrupt) -> Bool {
        steps &+= 1
        if steps & 0xFFFF == 0 { try kernel.pollInterrupts() }
        switch node {
        case .literal(let scalars, let fold):
            guard let end = literalEnd(scalars, fold: fold, at: pos) else { return false }
            return try next(end)
        case .character(let t):
            guard pos < text.count, matchesCharacter(t, text[pos]) else { return false }
            return try next(pos + 1)
        case .sequence(let parts):
            return try matchSequence(parts, 0, pos, next)
        case .alternatives(let options):
            for option in options where try match(option, pos, next) { return true }
            return false
        case .repeated(let inner, let low, let high, let greedy):
            if let width = singleWidth(inner) {
                return try matchRun(inner, width: width, low, high, greedy, pos, next)
            }
            return try matchRepeated(inner, low, high, greedy, count: 0, pos, next)
        case .named(let name, let inner):
            return try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in
                try self.bind(name, pos..<end, next)
            }
        case .group(let index, let inner):
            return try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in
                let saved = self.groups[index]
                self.groups[index] = pos..<end
                if try next(end) { return true }
                self.groups[index] = saved
                return false
            }
        case .backReference(let index):
            guard index < groups.count, let r = groups[index] else { return try next(pos) }
            let scalars = Array(text[r])
            guard let end = literalEnd(scalars, fold: false, at: pos) else { return false }
            return try next(end)
        case .test(let inner, let test):
            return try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in
                let value = try self.kernel.evaluate(Expr(head: test, [.string(self.substring(pos..<end))]))
                return value.isSymbol(self.kernel.sys.True) ? try next(end) : false
            }
        case .condition(let inner, let condition):
            return try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in
                let body = self.kernel.substitute(condition, names: self.names, values: self.bindingValues)
                let value = try self.kernel.evaluate(body)
                return value.isSymbol(self.kernel.sys.True) ? try next(end) : false
            }
        case .except(let inner):
            guard pos < text.count else { return false }
            let one = try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in end == pos + 1 }
            return one ? false : try next(pos + 1)
        case .anchor(let anchor):
            return anchorHolds(anchor, pos) ? try next(pos) : false
        case .lookaround(let inner, let behind, let negated):
            var found = false
            if behind {
                var start = pos
                while start >= 0 && !found {
                    found = try match(inner, start) { (end: Int) throws(Interrupt) -> Bool in end == pos }
                    start -= 1
                }
            } else {
                found = try match(inner, pos) { (_: Int) throws(Interrupt) -> Bool in true }
            }
            return found != negated ? try next(pos) : false
        }
    }

    private func matchSequence(_ parts: [StringPatternNode], _ index: Int, _ pos: Int,
                               _ next: Next) throws(Interrupt) -> Bool {
        if index == parts.count { return try next(pos) }
        return try match(parts[index], pos) { (end: Int) throws(Interrupt) -> Bool in
            try self.matchSequence(parts, index + 1, end, next)
        }
    }

    /// Repetition of a node that always consumes `width` characters: the possible counts are found
    /// by scanning, so a long run costs no nesting.
    private func matchRun(_ inner: StringPatternNode, width: Int, _ low: Int, _ high: Int, _ greedy: Bool,
                          _ pos: Int, _ next: Next) throws(Interrupt) -> Bool {
        var count = 0
        var end = pos
        while count < high, try match(inner, end, { (e: Int) throws(Interrupt) -> Bool in e == end + width }) {
            count += 1
            end += width
        }
        guard count >= low else { return false }
        if greedy {
            var n = count
            while n >= low {
                if try next(pos + n * width) { return true }
                n -= 1
            }
        } else {
            for n in low...count where try next(pos + n * width) { return true }
        }
        return false
    }

    private func matchRepeated(_ inner: StringPatternNode, _ low: Int, _ high: Int, _ greedy: Bool,
                               count: Int, _ pos: Int, _ next: Next) throws(Interrupt) -> Bool {
        if greedy {
            if try repeatOnce(inner, low, high, greedy, count: count, pos, next) { return true }
            return count >= low ? try next(pos) : false
        }
        if count >= low, try next(pos) { return true }
        return try repeatOnce(inner, low, high, greedy, count: count, pos, next)
    }

    /// One more iteration of a repetition, then the rest of it.
    private func repeatOnce(_ inner: StringPatternNode, _ low: Int, _ high: Int, _ greedy: Bool,
                            count: Int, _ pos: Int, _ next: Next) throws(Interrupt) -> Bool {
        guard count < high else { return false }
        return try match(inner, pos) { (end: Int) throws(Interrupt) -> Bool in
            // An empty iteration cannot make progress; it only counts towards the minimum.
            if end == pos && count >= low { return false }
            return try self.matchRepeated(inner, low, high, greedy, count: count + 1, end, next)
        }
    }

    /// The fixed width of a node that matches exactly that many characters, if it has one and is
    /// free of bindings (so that its repetitions can be counted by scanning).
    private func singleWidth(_ node: StringPatternNode) -> Int? {
        switch node {
        case .character: return 1
        case .literal(let s, _): return s.isEmpty ? nil : s.count
        case .except: return 1
        default: return nil
        }
    }

    private func bind(_ name: Symbol, _ range: Range<Int>, _ next: Next) throws(Interrupt) -> Bool {
        if let i = names.lastIndex(where: { $0 === name }) {
            return text[spans[i]].elementsEqual(text[range]) ? try next(range.upperBound) : false
        }
        names.append(name)
        spans.append(range)
        if try next(range.upperBound) { return true }
        names.removeLast()
        spans.removeLast()
        return false
    }

    private func literalEnd(_ scalars: [Unicode.Scalar], fold: Bool, at pos: Int) -> Int? {
        let end = pos + scalars.count
        guard end <= text.count else { return nil }
        if let folded {
            for (i, c) in scalars.enumerated() where StringMatcher.fold(c) != folded[pos + i] { return nil }
        } else if fold {
            for (i, c) in scalars.enumerated() where StringMatcher.fold(c) != StringMatcher.fold(text[pos + i]) {
                return nil
            }
        } else {
            for (i, c) in scalars.enumerated() where c != text[pos + i] { return nil }
        }
        return end
    }

    // MARK: Characters

    func matchesCharacter(_ t: CharacterTest, _ c: Unicode.Scalar) -> Bool {
        switch t {
        case .any: return true
        case .anyButNewline: return c != "\n"
        case .digit: return c.value >= 48 && c.value <= 57
        case .letter: return StringMatcher.isLetter(c)
        case .whitespace: return StringMatcher.isWhitespace(c)
        case .wordCharacter: return StringMatcher.isLetter(c) || (c.value >= 48 && c.value <= 57)
        case .punctuation: return StringMatcher.isPunctuation(c)
        case .hexDigit:
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 70) || (v >= 97 && v <= 102)
        case .upperCase: return c.properties.isUppercase
        case .lowerCase: return c.properties.isLowercase
        case .regexWord: return StringMatcher.isRegexWord(c)
        case .regexSpace: return c == " " || (c.value >= 9 && c.value <= 13)
        case .set(let ranges, let tests, let negated, let fold):
            let caseless = fold || folded != nil
            var inside = ranges.contains { $0.contains(c.value) } || tests.contains { matchesCharacter($0, c) }
            if !inside && caseless {
                let variants = [StringMatcher.fold(c), c.properties.uppercaseMapping.unicodeScalars.first ?? c]
                inside = variants.contains { v in ranges.contains { $0.contains(v.value) } }
            }
            return inside != negated
        }
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value | 0x20
            return v >= 97 && v <= 122
        }
        return c.properties.isAlphabetic
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 32, 9, 10, 11, 12, 13, 0xA0, 0x2028, 0x2029: return true
        default: return c.properties.isWhitespace
        }
    }

    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isRegexWord(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
    }

    private func anchorHolds(_ anchor: StringAnchor, _ pos: Int) -> Bool {
        switch anchor {
        case .startOfString: return pos == 0
        case .endOfString: return pos == text.count
        case .startOfLine: return pos == 0 || text[pos - 1] == "\n"
        case .endOfLine: return pos == text.count || text[pos] == "\n"
        case .endOrFinalNewline: return pos == text.count || (pos == text.count - 1 && text[pos] == "\n")
        case .wordBoundary, .notWordBoundary:
            let before = pos > 0 && StringMatcher.isRegexWord(text[pos - 1])
            let after = pos < text.count && StringMatcher.isRegexWord(text[pos])
            return (before != after) == (anchor == .wordBoundary)
        }
    }
}
