// Text utilities: CharacterCounts, LetterCounts, PalindromeQ, AlphabeticSort, InsertLinebreaks, Snippet,
// CharacterName, Transliterate, RemoveDiacritics, CharacterNormalize, MakeExpression,
// URLQueryEncode, URLQueryDecode.

import TesseraCore
import TesseraExpr

enum StringTextBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("CharacterCounts", characterCounts),
        BuiltinSpec("LetterCounts", letterCounts),
        BuiltinSpec("PalindromeQ", palindromeQ),
        BuiltinSpec("AlphabeticSort", alphabeticSort),
        BuiltinSpec("InsertLinebreaks", insertLinebreaks),
        BuiltinSpec("Snippet", snippet),
        BuiltinSpec("CharacterName", characterName),
        BuiltinSpec("Transliterate", transliterate),
        BuiltinSpec("RemoveDiacritics", removeDiacritics),
        BuiltinSpec("CharacterNormalize", characterNormalize),
        BuiltinSpec("MakeExpression", makeExpression),
        BuiltinSpec("URLQueryEncode", urlQueryEncode),
        BuiltinSpec("URLQueryDecode", urlQueryDecode),
    ]

    // MARK: Counting

    /// Counts of the pieces: for single characters most frequent first (ties latest first, as
    /// ReverseSort leaves them); for n-grams in order of first appearance.
    static func counts(_ k: Kernel, _ pieces: [String], sorted: Bool) -> Expr {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for p in pieces {
            if counts[p] == nil { order.append(p) }
            counts[p, default: 0] += 1
        }
        if sorted {
            order = order.enumerated().sorted { x, y in
                let cx = counts[x.element] ?? 0, cy = counts[y.element] ?? 0
                return cx != cy ? cx > cy : x.offset > y.offset
            }.map(\.element)
        }
        return Expr(k.sys.Association, order.map { Expr(k.sys.Rule, .string($0), .integer(counts[$0] ?? 0)) })
    }

    static func ngrams(_ scalars: [Unicode.Scalar], _ n: Int) -> [String] {
        guard n >= 1, scalars.count >= n else { return [] }
        return (0...(scalars.count - n)).map { StringBuiltins.string(scalars[$0..<($0 + n)]) }
    }

    static func countsCall(_ k: Kernel, _ c: Call, lettersOnly: Bool) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        var n = 1
        if c.count == 2 { guard case .integer(let m) = c[1], m >= 1 else { return nil }; n = m }
        func one(_ s: String) -> Expr {
            let scalars = Array(s.unicodeScalars)
            if !lettersOnly { return counts(k, ngrams(scalars, n), sorted: n == 1) }
            // Letter n-grams never span a non-letter.
            var pieces: [String] = []
            var run: [Unicode.Scalar] = []
            for ch in scalars + [" "] {
                if StringMatcher.isLetter(ch) { run.append(ch); continue }
                pieces += ngrams(run, n)
                run = []
            }
            return counts(k, pieces, sorted: n == 1)
        }
        switch c[0] {
        case .string(let s): return one(s)
        case let list where list.isList(k.sys):
            var results: [Expr] = []
            for element in list.arguments {
                guard case .string(let s) = element else { return nil }
                results.append(one(s))
            }
            return Expr(k.sys.List, results)
        default: return nil
        }
    }

    static func characterCounts(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        countsCall(k, c, lettersOnly: false)
    }

    static func letterCounts(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        countsCall(k, c, lettersOnly: true)
    }

    static func palindromeQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        switch c[0] {
        case .string(let s):
            let scalars = Array(s.unicodeScalars)
            return k.bool(scalars.elementsEqual(scalars.reversed()))
        case .integer(let n):
            let digits = Array(String(n.magnitude))
            return k.bool(digits == digits.reversed())
        case .bigInteger(let b):
            let digits = Array(String(b.magnitude))
            return k.bool(digits == digits.reversed())
        case let list where list.isList(k.sys):
            let elements = list.arguments
            return k.bool(elements.elementsEqual(elements.reversed()))
        default:
            return nil
        }
    }

    static func alphabeticSort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, c[0].isList(k.sys) else { return nil }
        var strings: [String] = []
        for e in c[0].arguments {
            guard case .string(let s) = e else { return nil }
            strings.append(s)
        }
        strings.sort { x, y in
            let lx = x.lowercased(), ly = y.lowercased()
            if lx != ly { return lx.unicodeScalars.lexicographicallyPrecedes(ly.unicodeScalars) }
            // Lower case first among strings that differ only in case.
            return y.unicodeScalars.lexicographicallyPrecedes(x.unicodeScalars)
        }
        return Expr(k.sys.List, strings.map { .string($0) })
    }

    // MARK: Lines

    /// Greedy word wrap to lines of at most `width` characters; longer words are cut.
    static func insertLinebreaks(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, case .string(let s) = c[0] else { return nil }
        var width = 78
        if c.count == 2 { guard case .integer(let w) = c[1], w > 0 else { return nil }; width = w }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Unicode.Scalar] = []
            for word in paragraph.split(separator: " ") {
                var rest = Array(word.unicodeScalars)
                if !line.isEmpty && line.count + 1 + rest.count <= width {
                    line += [" "] + rest
                    continue
                }
                if !line.isEmpty { lines.append(StringBuiltins.string(line)) }
                while rest.count > width {
                    lines.append(StringBuiltins.string(rest[..<width]))
                    rest = Array(rest[width...])
                }
                line = rest
            }
            lines.append(StringBuiltins.string(line))
        }
        return .string(lines.joined(separator: "\n"))
    }

    /// The first `n` lines, each cut to 80 characters (the last of them an ellipsis).
    static func snippet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, case .string(let s) = c[0] else { return nil }
        var n = 1
        if c.count == 2 { guard case .integer(let m) = c[1], m >= 1 else { return nil }; n = m }
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).prefix(n).map { line -> String in
            let scalars = Array(line.unicodeScalars)
            return scalars.count <= 80 ? String(line) : StringBuiltins.string(scalars[..<79]) + "…"
        }
        return .string(lines.joined(separator: "\n"))
    }

    // MARK: Characters

    static let rawNames: [Unicode.Scalar: String] = [
        " ": "RawSpace", "!": "RawExclamation", "\"": "RawDoubleQuote", "#": "RawNumberSign",
        "$": "RawDollar", "%": "RawPercent", "&": "RawAmpersand", "'": "RawQuote", "(": "RawLeftParenthesis",
        ")": "RawRightParenthesis", "*": "RawStar", "+": "RawPlus", ",": "RawComma", "-": "RawDash",
        ".": "RawDot", "/": "RawSlash", ":": "RawColon", ";": "RawSemicolon", "<": "RawLess", "=": "RawEqual",
        ">": "RawGreater", "?": "RawQuestion", "@": "RawAt", "[": "RawLeftBracket", "\\": "RawBackslash",
        "]": "RawRightBracket", "^": "RawWedge", "_": "RawUnderscore", "`": "RawBackquote",
        "{": "RawLeftBrace", "|": "RawVerticalBar", "}": "RawRightBrace", "~": "RawTilde",
        "\t": "RawTab", "\n": "Newline", "\r": "RawReturn", "\u{1B}": "RawEscape",
    ]

    static let digitNames = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
    static let greekNames = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota",
                             "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "FinalSigma", "Sigma",
                             "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"]

    static func name(of ch: Unicode.Scalar) -> String? {
        if let raw = rawNames[ch] { return raw }
        let v = ch.value
        switch v {
        case 48...57: return "Digit" + digitNames[Int(v - 48)]
        case 65...90: return "LatinCapitalLetter" + String(ch)
        case 97...122: return "LatinSmallLetter" + String(ch).uppercased()
        case 0x3B1...0x3C9: return greekNames[Int(v - 0x3B1)]
        case 0x391...0x3A9 where v != 0x3A2:
            let name = greekNames[Int(v - 0x391)]
            return name == "FinalSigma" ? nil : "Capital" + name
        default: return nil
        }
    }

    static func characterName(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        let scalars: [Unicode.Scalar]
        switch c[0] {
        case .string(let s): scalars = Array(s.unicodeScalars)
        case .integer(let v):
            guard v >= 0, let ch = Unicode.Scalar(UInt32(clamping: v)) else { return nil }
            scalars = [ch]
        default: return nil
        }
        var names: [Expr] = []
        for ch in scalars {
            guard let n = name(of: ch) else { return Expr(k.sys.Missing, .string("NotAvailable")) }
            names.append(.string(n))
        }
        if case .string(let s) = c[0], s.unicodeScalars.count != 1 { return Expr(k.sys.List, names) }
        return names.first
    }

    /// Latin letters with diacritics and their base letters (the common precomposed ones).
    static let diacritics: [Character: String] = {
        var table: [Character: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđ", "d"), ("ĎĐ", "D"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"),
            ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ĵ", "j"), ("Ĵ", "J"), ("ķ", "k"), ("Ķ", "K"),
            ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "L"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"),
            ("ÒÓÔÕÖØŌŎŐ", "O"), ("ŕŗř", "r"), ("ŔŖŘ", "R"), ("śŝşš", "s"), ("ŚŜŞŠ", "S"), ("ţťŧ", "t"),
            ("ŢŤŦ", "T"), ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"),
            ("ÝŸŶ", "Y"), ("źżž", "z"), ("ŹŻŽ", "Z"),
        ]
        for (letters, base) in groups { for ch in letters { table[ch] = base } }
        return table
    }()

    static func stripDiacritics(_ s: String) -> String {
        var out = ""
        for ch in s {
            if let base = diacritics[ch] { out += base; continue }
            // Combining marks (U+0300..U+036F) after a base letter are dropped.
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: ch.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) })
            out += String(scalars)
        }
        return out
    }

    static func transliterate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let s) = c[0] else { return nil }
        return .string(stripDiacritics(s))
    }

    static func removeDiacritics(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        return try StringSearchBuiltins.eachString(k, c[0]) { (s: String) throws(Interrupt) -> Expr? in
            .string(stripDiacritics(s))
        }
    }

    /// Only strings that are the same in every normal form (no composable characters) are handled.
    static func characterNormalize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, case .string(let form) = c[1], ["NFC", "NFD", "NFKC", "NFKD"].contains(form) else {
            return nil
        }
        return try StringSearchBuiltins.eachString(k, c[0]) { (s: String) throws(Interrupt) -> Expr? in
            s.unicodeScalars.allSatisfy({ $0.value < 0xC0 }) ? .string(s) : nil
        }
    }

    static func makeExpression(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, case .string(let source) = c[0] else { return nil }
        guard let parsed = try? k.parser.parse(source) else { return .symbol(k.sys.DollarFailed) }
        let e: Expr = parsed.count == 1 ? parsed[0] : Expr(k.sys.CompoundExpression, parsed)
        return Expr(k.sys.HoldComplete, e)
    }

    // MARK: URL queries

    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case 48...57, 65...90, 97...122, 45, 46, 95, 126: out.unicodeScalars.append(Unicode.Scalar(byte))
            case 32: out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    static func percentDecode(_ s: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == 43 { bytes.append(32); continue }
            if b == 37, utf8.count >= 2,
               let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
                continue
            }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func urlQueryEncode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        let rules: [Expr]
        if let r = AssociationBuiltins.rules(k, c[0]) { rules = r }
        else if c[0].isList(k.sys), c[0].arguments.allSatisfy({ AssociationBuiltins.isRule(k, $0) }) { rules = c[0].arguments }
        else { return nil }
        func text(_ e: Expr) -> String {
            if case .string(let s) = e { return s }
            if e.isSymbol(k.sys.True) { return "true" }
            if e.isSymbol(k.sys.False) { return "false" }
            return k.outputText(e)
        }
        let pairs = rules.map { percentEncode(text($0.arguments[0])) + "=" + percentEncode(text($0.arguments[1])) }
        return .string(pairs.joined(separator: "&"))
    }

    static func urlQueryDecode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let s) = c[0] else { return nil }
        let rules: [Expr] = s.split(separator: "&").map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(String(pieces[0]))
            let value = pieces.count > 1 ? percentDecode(String(pieces[1])) : ""
            return Expr(k.sys.Rule, .string(key), .string(value))
        }
        return Expr(k.sys.List, rules)
    }
}
