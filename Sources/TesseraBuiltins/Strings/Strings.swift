// Strings and characters: StringJoin, StringLength, StringQ, Characters, case conversion and the
// character predicates, character codes and ranges, Alphabet.
//
// A Wolfram string is a sequence of characters as `StringLength` counts them; here that is the
// Unicode scalars of the Swift string (not its grapheme clusters), so that a combining accent counts
// as a character of its own, as it does in Mathematica.

import TesseraCore
import TesseraExpr

enum StringBuiltins {
    static let messages: [String: String] = [
        "strse": "String or list of strings expected at position `1` in `2`.",
        "srep": "`1` is not a valid string replacement rule.",
        "mseqs": "Sequence specification or list of sequence specifications expected at position 2 in `1`.",
        "ins": "Cannot insert at position `1` in `2`.",
        "notunicode": "A character code, which should be a non-negative integer less than 1114112, "
            + "is expected at position `2` in `1`.",
    ]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("StringJoin", attributes: [.flat, .oneIdentity, .protected], stringJoin),
        BuiltinSpec("StringLength", attributes: [.listable, .protected], stringLength),
        BuiltinSpec("StringQ", stringQ),
        BuiltinSpec("Characters", attributes: [.listable, .protected], characters),
        BuiltinSpec("ToUpperCase", attributes: [.listable, .protected], toUpperCase),
        BuiltinSpec("ToLowerCase", attributes: [.listable, .protected], toLowerCase),
        BuiltinSpec("Capitalize", attributes: [.listable, .protected], capitalize),
        BuiltinSpec("LetterQ", attributes: [.listable, .protected], letterQ),
        BuiltinSpec("DigitQ", attributes: [.listable, .protected], digitQ),
        BuiltinSpec("UpperCaseQ", attributes: [.listable, .protected], upperCaseQ),
        BuiltinSpec("LowerCaseQ", attributes: [.listable, .protected], lowerCaseQ),
        BuiltinSpec("PrintableASCIIQ", printableASCIIQ),
        BuiltinSpec("ToCharacterCode", toCharacterCode),
        BuiltinSpec("FromCharacterCode", fromCharacterCode),
        BuiltinSpec("CharacterRange", characterRange),
        BuiltinSpec("Alphabet", alphabet),
        BuiltinSpec("DigitCharacter"), BuiltinSpec("LetterCharacter"), BuiltinSpec("WhitespaceCharacter"),
        BuiltinSpec("WordCharacter"), BuiltinSpec("PunctuationCharacter"), BuiltinSpec("HexadecimalCharacter"),
        BuiltinSpec("Whitespace"), BuiltinSpec("NumberString"), BuiltinSpec("StartOfString"),
        BuiltinSpec("EndOfString"), BuiltinSpec("StartOfLine"), BuiltinSpec("EndOfLine"),
        BuiltinSpec("WordBoundary"), BuiltinSpec("Shortest"), BuiltinSpec("Longest"),
    ]

    // MARK: Helpers shared by the string families

    /// A family table with the string messages attached to every row, so that `strse` and `srep`
    /// read the same from every string builtin.
    static func withMessages(_ specs: [BuiltinSpec]) -> [BuiltinSpec] {
        specs.map { $0.addingMessages(messages) }
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// True for an argument a Listable builtin should leave to threading (a list) rather than reject.
    static func isList(_ k: Kernel, _ e: Expr) -> Bool { e.isList(k.sys) }

    // MARK: Joining and measuring

    static func stringJoin(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var out = ""
        func add(_ e: Expr, _ position: Int) -> Bool {
            switch e {
            case .string(let s):
                out += s
                return true
            case let list where list.isList(k.sys):
                return list.arguments.allSatisfy { add($0, position) }
            default:
                return false
            }
        }
        for (i, argument) in c.arguments.enumerated() where !add(argument, i + 1) {
            return k.fail(c, "string", .integer(i + 1), c.expr)
        }
        return .string(out)
    }

    static func stringLength(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard case .string(let s) = c[0] else {
            return isList(k, c[0]) ? nil : k.fail(c, "string", .integer(1), c.expr)
        }
        return .integer(s.unicodeScalars.count)
    }

    static func stringQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if case .string = c[0] { return k.bool(true) }
        return k.bool(false)
    }

    static func characters(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard case .string(let s) = c[0] else {
            return isList(k, c[0]) ? nil : k.fail(c, "string", .integer(1), c.expr)
        }
        return Expr(k.sys.List, s.unicodeScalars.map { .string(String($0)) })
    }

    // MARK: Case

    static func mapString(_ k: Kernel, _ c: Call, _ f: (String) -> String) -> Expr? {
        guard c.count == 1, case .string(let s) = c[0] else { return nil }
        return .string(f(s))
    }

    static func toUpperCase(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        mapString(k, c) { $0.uppercased() }
    }

    static func toLowerCase(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        mapString(k, c) { $0.lowercased() }
    }

    static func capitalize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        mapString(k, c) { s in
            guard let first = s.unicodeScalars.first else { return s }
            return String(first).uppercased() + string(s.unicodeScalars.dropFirst())
        }
    }

    // MARK: Character predicates

    static func allCharacters(_ k: Kernel, _ c: Call, _ test: (Unicode.Scalar) -> Bool) -> Expr? {
        guard c.count == 1 else { return nil }
        switch c[0] {
        case .string(let s): return k.bool(s.unicodeScalars.allSatisfy(test))
        case let e where isList(k, e): return nil
        default: return k.bool(false)
        }
    }

    static func letterQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        allCharacters(k, c, StringMatcher.isLetter)
    }

    static func digitQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        allCharacters(k, c) { $0.value >= 48 && $0.value <= 57 }
    }

    static func upperCaseQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        allCharacters(k, c) { $0.properties.isUppercase }
    }

    static func lowerCaseQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        allCharacters(k, c) { $0.properties.isLowercase }
    }

    static func printableASCIIQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        let printable = { (s: String) in s.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value <= 126 } }
        switch c[0] {
        case .string(let s): return k.bool(printable(s))
        case let list where isList(k, list):
            var results: [Expr] = []
            for element in list.arguments {
                guard case .string(let s) = element else { return nil }
                results.append(k.bool(printable(s)))
            }
            return Expr(k.sys.List, results)
        default:
            return nil
        }
    }

    // MARK: Character codes

    static func toCharacterCode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var utf8 = false
        if c.count == 2 {
            guard case .string(let encoding) = c[1] else { return nil }
            switch encoding.uppercased() {
            case "UTF-8", "UTF8": utf8 = true
            case "UNICODE", "UTF-32": break
            default: return nil
            }
        }
        func codes(_ s: String) -> Expr {
            let values: [Expr] = utf8 ? s.utf8.map { .integer(Int($0)) } : s.unicodeScalars.map { .integer(Int($0.value)) }
            return Expr(k.sys.List, values)
        }
        switch c[0] {
        case .string(let s):
            return codes(s)
        case let list where isList(k, list):
            var results: [Expr] = []
            for element in list.arguments {
                guard case .string(let s) = element else { return k.fail(c, "strse", .integer(1), c.expr) }
                results.append(codes(s))
            }
            return Expr(k.sys.List, results)
        default:
            return k.fail(c, "strse", .integer(1), c.expr)
        }
    }

    static func fromCharacterCode(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        enum Encoding { case unicode, utf8, latin1 }
        var encoding = Encoding.unicode
        if c.count == 2 {
            guard case .string(let name) = c[1] else { return nil }
            switch name.uppercased() {
            case "UTF-8", "UTF8": encoding = .utf8
            case "ISO8859-1", "ISOLATIN1", "LATIN1": encoding = .latin1
            case "UNICODE", "UTF-32": encoding = .unicode
            default: return nil
            }
        }
        func decode(_ codes: [Expr]) -> String? {
            var values: [Int] = []
            for code in codes {
                guard case .integer(let v) = code, v >= 0 else { return nil }
                values.append(v)
            }
            if encoding == .utf8, values.allSatisfy({ $0 < 256 }) {
                // Bytes that are not valid UTF-8 are read as Latin-1 characters.
                let decoded = String(decoding: values.map { UInt8($0) }, as: UTF8.self)
                if !decoded.unicodeScalars.contains("\u{FFFD}") { return decoded }
            }
            var out = String.UnicodeScalarView()
            for v in values {
                guard v <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(v)) else { return nil }
                out.append(scalar)
            }
            return String(out)
        }
        switch c[0] {
        case .integer:
            return decode([c[0]]).map { .string($0) } ?? k.fail(c, "notunicode", c.expr, .integer(1))
        case let list where isList(k, list):
            let elements = list.arguments
            if elements.allSatisfy({ $0.isList(k.sys) }) && !elements.isEmpty {
                var results: [Expr] = []
                for element in elements {
                    guard let s = decode(element.arguments) else { return nil }
                    results.append(.string(s))
                }
                return Expr(k.sys.List, results)
            }
            return decode(elements).map { .string($0) }
        default:
            return nil
        }
    }

    static func characterRange(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let low: UInt32
        let high: UInt32
        switch (c[0], c[1]) {
        case (.string(let a), .string(let b)):
            guard a.unicodeScalars.count == 1, b.unicodeScalars.count == 1 else { return nil }
            low = a.unicodeScalars.first!.value
            high = b.unicodeScalars.first!.value
        case (.integer(let a), .integer(let b)):
            guard a >= 0, b >= 0, a <= 0x10FFFF, b <= 0x10FFFF else { return nil }
            low = UInt32(a)
            high = UInt32(b)
        default:
            return nil
        }
        guard low <= high else { return Expr(k.sys.List, []) }
        return Expr(k.sys.List, (low...high).compactMap { Unicode.Scalar($0).map { .string(String($0)) } })
    }

    // MARK: Alphabets

    static let alphabets: [String: String] = [
        "English": "abcdefghijklmnopqrstuvwxyz",
        "Latin": "abcdefghijklmnopqrstuvwxyz",
        "German": "abcdefghijklmnopqrstuvwxyz",
        "French": "abcdefghijklmnopqrstuvwxyz",
        "Italian": "abcdefghijklmnopqrstuvwxyz",
        "Portuguese": "abcdefghijklmnopqrstuvwxyz",
        "Dutch": "abcdefghijklmnopqrstuvwxyz",
        "Spanish": "abcdefghijklmnñopqrstuvwxyz",
        "Swedish": "abcdefghijklmnopqrstuvwxyzåäö",
        "Finnish": "abcdefghijklmnopqrstuvwxyzåäö",
        "Norwegian": "abcdefghijklmnopqrstuvwxyzæøå",
        "Danish": "abcdefghijklmnopqrstuvwxyzæøå",
        "Polish": "aąbcćdeęfghijklłmnńoóprsśtuwyzźż",
        "Greek": "αβγδεζηθικλμνξοπρστυφχψω",
        "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "Cyrillic": "абвгдеєжзийіклмнопрстуфхцчшщъыьэюя",
        "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    ]

    static func alphabet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        var name = "English"
        if c.count == 1 {
            guard case .string(let s) = c[0] else { return nil }
            name = s
        }
        guard let letters = alphabets[name] else { return nil }
        return Expr(k.sys.List, letters.unicodeScalars.map { .string(String($0)) })
    }
}
