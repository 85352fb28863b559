// `RegularExpression["..."]`: a parser for the PCRE syntax that Wolfram regular expressions use,
// producing the same `StringPatternNode` tree as Wolfram string patterns.
//
// Supported: alternation, groups (capturing, `(?:...)`, named `(?<n>...)`), look-ahead and look-behind,
// inline flags `(?i)`, `(?s)`, `(?m)`, `(?x)`-free syntax, greedy/lazy/possessive quantifiers
// (possessive ones match as greedy ones), bracket classes with ranges, escapes and POSIX names,
// `\d \w \s \b \A \z \Z`, back references `\1`..`\9`, `\x{...}`, anchors `^ $`.
// Grammar: alternation := sequence ('|' sequence)*; sequence := (atom quantifier?)*.

import TesseraExpr

struct RegexParser {
    private let pattern: [Unicode.Scalar]
    private var index = 0
    /// Next capture group number; shared with the enclosing pattern so numbers stay unique.
    private(set) var groupCount: Int
    private var ignoreCase: Bool
    private var dotAll = false
    private var multiline = false

    init(_ source: String, groupCount: Int, ignoreCase: Bool = false) {
        pattern = Array(source.unicodeScalars)
        self.groupCount = groupCount
        self.ignoreCase = ignoreCase
    }

    struct Failure: Error {}

    /// The tree of the whole pattern, or nil when it is not a valid regular expression.
    mutating func parse(lazy: Bool = false) -> StringPatternNode? {
        do {
            let node = try parseAlternation(lazy: lazy)
            guard index == pattern.count else { return nil }
            return node
        } catch {
            return nil
        }
    }

    private var atEnd: Bool { index >= pattern.count }
    private var current: Unicode.Scalar? { atEnd ? nil : pattern[index] }

    private mutating func parseAlternation(lazy: Bool) throws(Failure) -> StringPatternNode {
        var options = [try parseSequence(lazy: lazy)]
        while current == "|" {
            index += 1
            options.append(try parseSequence(lazy: lazy))
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private mutating func parseSequence(lazy: Bool) throws(Failure) -> StringPatternNode {
        var parts: [StringPatternNode] = []
        var pendingLiteral: [Unicode.Scalar] = []
        var pendingFold = ignoreCase
        func flush() {
            if !pendingLiteral.isEmpty {
                parts.append(.literal(pendingLiteral, fold: pendingFold))
                pendingLiteral = []
            }
        }
        while let c = current, c != "|", c != ")" {
            guard let atom = try parseAtom(lazy: lazy) else { continue }
            // A quantified literal comes back wrapped in `.repeated`, so a bare literal can be merged.
            let quantified = try parseQuantifier(atom, lazy: lazy)
            if case .literal(let s, let fold) = quantified, pendingLiteral.isEmpty || fold == pendingFold {
                pendingLiteral.append(contentsOf: s)
                pendingFold = fold
            } else {
                flush()
                parts.append(quantified)
            }
        }
        flush()
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    private mutating func parseQuantifier(_ atom: StringPatternNode, lazy: Bool) throws(Failure) -> StringPatternNode {
        var node = atom
        while let c = current {
            var low = 0
            var high = Int.max
            switch c {
            case "*": index += 1
            case "+": low = 1; index += 1
            case "?": high = 1; index += 1
            case "{":
                guard let (a, b) = parseBraces() else { return node }
                low = a
                high = b
            default:
                return node
            }
            var greedy = !lazy
            if current == "?" { greedy = lazy; index += 1 } else if current == "+" { index += 1 }
            node = .repeated(node, min: low, max: high, greedy: greedy)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (and no input consumed) when the brace is a literal.
    private mutating func parseBraces() -> (Int, Int)? {
        let start = index
        index += 1
        func number() -> Int? {
            var digits = ""
            while let c = current, c.properties.numericType != nil, c.isASCII { digits.unicodeScalars.append(c); index += 1 }
            return Int(digits)
        }
        guard let low = number() else { index = start; return nil }
        var high = low
        if current == "," {
            index += 1
            high = number() ?? Int.max
        }
        guard current == "}" else { index = start; return nil }
        index += 1
        return (low, high)
    }

    /// One atom; nil for constructs that match nothing themselves (inline flags).
    private mutating func parseAtom(lazy: Bool) throws(Failure) -> StringPatternNode? {
        guard let c = current else { throw Failure() }
        index += 1
        switch c {
        case ".": return .character(dotAll ? .any : .anyButNewline)
        case "^": return .anchor(multiline ? .startOfLine : .startOfString)
        case "$": return .anchor(multiline ? .endOfLine : .endOrFinalNewline)
        case "[": return .character(try parseClass())
        case "(": return try parseGroup(lazy: lazy)
        case "\\": return try parseEscape()
        case "*", "+", "?": throw Failure()
        default: return .literal([c], fold: ignoreCase)
        }
    }

    private mutating func parseGroup(lazy: Bool) throws(Failure) -> StringPatternNode? {
        if current == "?" {
            index += 1
            guard let kind = current else { throw Failure() }
            switch kind {
            case ":":
                index += 1
                return try closeGroup(try parseAlternation(lazy: lazy))
            case "=", "!":
                index += 1
                let inner = try parseAlternation(lazy: lazy)
                return try closeGroup(.lookaround(inner, behind: false, negated: kind == "!"))
            case "<" where index + 1 < pattern.count && (pattern[index + 1] == "=" || pattern[index + 1] == "!"):
                let negated = pattern[index + 1] == "!"
                index += 2
                let inner = try parseAlternation(lazy: lazy)
                return try closeGroup(.lookaround(inner, behind: true, negated: negated))
            case "<", "P", "'":
                // Named group: the name is skipped, the group is numbered like any other.
                while let c = current, c != ">", c != "'" { index += 1 }
                guard current != nil else { throw Failure() }
                index += 1
                return try capture(lazy: lazy)
            default:
                return try parseFlags(lazy: lazy)
            }
        }
        return try capture(lazy: lazy)
    }

    private mutating func capture(lazy: Bool) throws(Failure) -> StringPatternNode {
        groupCount += 1
        let number = groupCount
        let inner = try parseAlternation(lazy: lazy)
        return try closeGroup(.group(number, inner))
    }

    private mutating func closeGroup(_ node: StringPatternNode) throws(Failure) -> StringPatternNode {
        guard current == ")" else { throw Failure() }
        index += 1
        return node
    }

    /// `(?ims-ims)` or `(?i:...)`.
    private mutating func parseFlags(lazy: Bool) throws(Failure) -> StringPatternNode? {
        var on = true
        var flags: [(Unicode.Scalar, Bool)] = []
        while let c = current, c != ")", c != ":" {
            if c == "-" { on = false } else { flags.append((c, on)) }
            index += 1
        }
        guard let end = current else { throw Failure() }
        index += 1
        let saved = (ignoreCase, dotAll, multiline)
        for (flag, value) in flags {
            switch flag {
            case "i": ignoreCase = value
            case "s": dotAll = value
            case "m": multiline = value
            case "x", "U", "u": break
            default: throw Failure()
            }
        }
        if end == ":" {
            let inner = try parseAlternation(lazy: lazy)
            (ignoreCase, dotAll, multiline) = saved
            return try closeGroup(inner)
        }
        return nil
    }

    private mutating func parseEscape() throws(Failure) -> StringPatternNode {
        guard let c = current else { throw Failure() }
        index += 1
        switch c {
        case "d": return .character(.digit)
        case "D": return .character(.set(ranges: [], tests: [.digit], negated: true, fold: false))
        case "w": return .character(.regexWord)
        case "W": return .character(.set(ranges: [], tests: [.regexWord], negated: true, fold: false))
        case "s": return .character(.regexSpace)
        case "S": return .character(.set(ranges: [], tests: [.regexSpace], negated: true, fold: false))
        case "b": return .anchor(.wordBoundary)
        case "B": return .anchor(.notWordBoundary)
        case "A": return .anchor(.startOfString)
        case "z": return .anchor(.endOfString)
        case "Z": return .anchor(.endOrFinalNewline)
        case "<", ">": return .literal([c], fold: false)
        case "1"..."9":
            var number = Int(c.value - 48)
            while let d = current, d.value >= 48, d.value <= 57, number * 10 + Int(d.value - 48) <= groupCount {
                number = number * 10 + Int(d.value - 48)
                index += 1
            }
            return .backReference(number)
        default:
            return .literal([try escapedScalar(c)], fold: ignoreCase)
        }
    }

    /// The character an escape outside `\d`-style classes stands for.
    private mutating func escapedScalar(_ c: Unicode.Scalar) throws(Failure) -> Unicode.Scalar {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "e": return "\u{1B}"
        case "a": return "\u{07}"
        case "0": return "\u{0}"
        case "x":
            var digits = ""
            if current == "{" {
                index += 1
                while let d = current, d != "}" { digits.unicodeScalars.append(d); index += 1 }
                index += 1
            } else {
                for _ in 0..<2 {
                    guard let d = current, d.properties.isASCIIHexDigit else { break }
                    digits.unicodeScalars.append(d)
                    index += 1
                }
            }
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { throw Failure() }
            return scalar
        default:
            return c
        }
    }

    /// `[...]` after the opening bracket.
    private mutating func parseClass() throws(Failure) -> CharacterTest {
        var negated = false
        if current == "^" { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var tests: [CharacterTest] = []
        var first = true
        while let c = current {
            if c == "]" && !first { break }
            first = false
            index += 1
            var low: Unicode.Scalar
            if c == "[", current == ":" {
                let close = pattern[index...].firstIndex(of: "]") ?? pattern.count
                let name = String(String.UnicodeScalarView(pattern[(index + 1)..<max(index + 1, close - 1)]))
                guard let test = RegexParser.posixClass(name) else { throw Failure() }
                tests.append(test)
                index = close + 1
                continue
            }
            if c == "\\" {
                guard let e = current else { throw Failure() }
                index += 1
                switch e {
                case "d": tests.append(.digit); continue
                case "w": tests.append(.regexWord); continue
                case "s": tests.append(.regexSpace); continue
                case "D": tests.append(.set(ranges: [], tests: [.digit], negated: true, fold: false)); continue
                case "W": tests.append(.set(ranges: [], tests: [.regexWord], negated: true, fold: false)); continue
                case "S": tests.append(.set(ranges: [], tests: [.regexSpace], negated: true, fold: false)); continue
                case "b": low = "\u{08}"
                default: low = try escapedScalar(e)
                }
            } else {
                low = c
            }
            if current == "-", index + 1 < pattern.count, pattern[index + 1] != "]" {
                index += 1
                guard var high = current else { throw Failure() }
                index += 1
                if high == "\\" {
                    guard let e = current else { throw Failure() }
                    index += 1
                    high = try escapedScalar(e)
                }
                guard low.value <= high.value else { throw Failure() }
                ranges.append(low.value...high.value)
            } else {
                ranges.append(low.value...low.value)
            }
        }
        guard current == "]" else { throw Failure() }
        index += 1
        return .set(ranges: ranges, tests: tests, negated: negated, fold: ignoreCase)
    }

    private static func posixClass(_ name: String) -> CharacterTest? {
        switch name {
        case "alpha": return .set(ranges: [65...90, 97...122], tests: [], negated: false, fold: false)
        case "digit": return .digit
        case "alnum": return .set(ranges: [48...57, 65...90, 97...122], tests: [], negated: false, fold: false)
        case "space": return .regexSpace
        case "upper": return .set(ranges: [65...90], tests: [], negated: false, fold: false)
        case "lower": return .set(ranges: [97...122], tests: [], negated: false, fold: false)
        case "punct": return .set(ranges: [33...47, 58...64, 91...96, 123...126], tests: [], negated: false, fold: false)
        case "xdigit": return .hexDigit
        case "word": return .regexWord
        case "blank": return .set(ranges: [9...9, 32...32], tests: [], negated: false, fold: false)
        case "cntrl": return .set(ranges: [0...31, 127...127], tests: [], negated: false, fold: false)
        case "print": return .set(ranges: [32...126], tests: [], negated: false, fold: false)
        case "graph": return .set(ranges: [33...126], tests: [], negated: false, fold: false)
        default: return nil
        }
    }
}
