// Between expressions and text: ToString, ToExpression, TextString, IntegerString, StringForm,
// LetterNumber, FromLetterNumber, StringToByteArray, ByteArrayToString.
//
// ToString uses the kernel's printer: OutputForm text by default (`k.outputText`), InputForm and
// FullForm on request. ToExpression parses with the kernel's parser and evaluates what it read; a
// syntax error is reported as a ToExpression message and gives $Failed, as in Mathematica.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraSyntax

enum StringConversionBuiltins {
    static let syntaxTags = ["sntxf", "sntxb", "sntxi", "tsntxi", "bktmcp", "stresc", "sntufn", "snthex",
                             "snthex32", "sntoct1", "sntoct2", "sntdep", "sntx"]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("ToString", toString),
        BuiltinSpec("ToExpression", messages: Dictionary(uniqueKeysWithValues: syntaxTags.map { ($0, "`1`") }),
                    toExpression),
        BuiltinSpec("TextString", textString),
        BuiltinSpec("IntegerString", attributes: [.listable, .protected], integerString),
        BuiltinSpec("StringForm", stringFormBuiltin),
        BuiltinSpec("LetterNumber", attributes: [.listable, .protected], letterNumber),
        BuiltinSpec("FromLetterNumber", attributes: [.listable, .protected], fromLetterNumber),
        BuiltinSpec("StringToByteArray", stringToByteArray),
        BuiltinSpec("ByteArrayToString", byteArrayToString),
    ]

    // MARK: ToString

    /// The text of `e` in the form named by `form` (a symbol such as InputForm); nil for unknown forms.
    static func text(_ k: Kernel, _ e: Expr, form: Expr?) -> String? {
        let name = form?.asSymbol?.name ?? "OutputForm"
        switch name {
        case "InputForm": return k.inputText(e)
        case "FullForm": return k.fullText(e)
        case "OutputForm", "StandardForm", "TraditionalForm", "TextForm":
            if case .string(let s) = e { return s }
            if let filled = stringForm(k, e) { return filled }
            if let row = rowText(k, e) { return row }
            return k.outputText(e)
        default: return nil
        }
    }

    static func toString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil) else { return nil }
        var form: Expr?
        if c.count >= 2, !k.isOption(c[1]) { form = c[1] }
        guard let s = text(k, c[0], form: form) else { return nil }
        return .string(s)
    }

    static func textString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil) else { return nil }
        return .string(plainText(k, c[0]))
    }

    /// TextString's reading of an expression: strings as they are, Missing as nothing, infinities as ∞.
    static func plainText(_ k: Kernel, _ e: Expr) -> String {
        switch e {
        case .string(let s):
            return s
        case _ where e.hasHead(k.sys.Missing):
            return ""
        case _ where e.hasHead(k.sys.DirectedInfinity):
            if case .integer(let d)? = e.arguments.first, d < 0 { return "-∞" }
            return "∞"
        case _ where e.isList(k.sys):
            return "{" + e.arguments.map { plainText(k, $0) }.joined(separator: ", ") + "}"
        default:
            return text(k, e, form: nil) ?? k.outputText(e)
        }
    }

    // MARK: StringForm

    static func stringFormBuiltin(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { nil }

    /// The text of `StringForm["template", args...]`: `` `n` `` is argument n, ``` `` ``` the next one.
    static func stringForm(_ k: Kernel, _ e: Expr) -> String? {
        guard case .normal(let n) = e, n.head.asSymbol?.fullName == "System`StringForm",
              case .string(let template)? = n.arguments.first else { return nil }
        let arguments = Array(n.arguments.dropFirst())
        func show(_ a: Expr) -> String {
            if case .string(let s) = a { return s }
            return k.outputText(a)
        }
        var out = ""
        var next = 0
        var chars = Array(template)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", chars.first == "`" {
                out.append("\\`")
                chars = chars.dropFirst()
                continue
            }
            guard c == "`", let close = chars.firstIndex(of: "`") else { out.append(c); continue }
            let inside = String(chars[chars.startIndex..<close])
            if inside.isEmpty {
                if next < arguments.count { out += show(arguments[next]); next += 1 }
                else { out += "``" }
            } else if let i = Int(inside), i >= 1, i <= arguments.count {
                out += show(arguments[i - 1])
                next = i
            } else {
                out += "`" + inside + "`"
            }
            chars = chars[(close + 1)...]
        }
        return out
    }

    /// `Row[{a, b}, sep]` and `SequenceForm[a, b]` at the top of ToString: the parts side by side.
    static func rowText(_ k: Kernel, _ e: Expr) -> String? {
        guard case .normal(let n) = e, case .symbol(let h) = n.head, h.context == "System`" else { return nil }
        func piece(_ x: Expr) -> String { text(k, x, form: nil) ?? k.outputText(x) }
        switch h.name {
        case "SequenceForm":
            return n.arguments.map(piece).joined()
        case "Row" where (n.arguments.count == 1 || n.arguments.count == 2) && n.arguments[0].isList(k.sys):
            var separator = ""
            if n.arguments.count == 2 {
                guard case .string(let s) = n.arguments[1] else { return nil }
                separator = s
            }
            return n.arguments[0].arguments.map(piece).joined(separator: separator)
        default:
            return nil
        }
    }

    // MARK: ToExpression

    static func toExpression(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        if c.count >= 2 {
            guard let form = c[1].asSymbol?.name,
                  ["InputForm", "StandardForm", "TraditionalForm", "OutputForm", "FullForm"].contains(form) else {
                return nil
            }
        }
        let head: Expr? = c.count == 3 ? c[2] : nil
        if c[0].isList(k.sys) {
            var results: [Expr] = []
            for element in c[0].arguments {
                results.append(try toExpression(k, Call(expr: c.expr, head: c.head,
                                                         arguments: [element] + c.arguments.dropFirst())) ?? element)
            }
            return Expr(k.sys.List, results)
        }
        guard case .string(let source) = c[0] else {
            // A non-string is taken as the expression itself.
            return head.map { Expr(head: $0, [c[0]]) } ?? c[0]
        }
        let parsed: [Expr]
        do {
            parsed = try k.parser.parse(source)
        } catch {
            k.message(c.head, error.tag, .string(error.text))
            return .symbol(k.sys.DollarFailed)
        }
        var result: Expr = .symbol(k.sys.Null)
        for e in parsed {
            result = try k.evaluate(head.map { Expr(head: $0, [e]) } ?? e)
        }
        return result
    }

    // MARK: Integers and letters

    static func integerString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let value: BigInt
        switch c[0] {
        case .integer(let i): value = BigInt(i)
        case .bigInteger(let b): value = b
        default: return nil
        }
        var base = 10
        if c.count >= 2 {
            guard case .integer(let b) = c[1], b >= 2, b <= 36 else { return nil }
            base = b
        }
        var digits = String(value.magnitude, radix: base)
        if c.count == 3 {
            guard case .integer(let width) = c[2], width >= 0 else { return nil }
            if digits.count > width { digits = String(digits.suffix(width)) }
            else { digits = String(repeating: "0", count: width - digits.count) + digits }
        }
        return .string(digits)
    }

    static func letterAlphabet(_ c: Call, at index: Int) -> [Unicode.Scalar]? {
        var name = "English"
        if c.count > index {
            guard case .string(let s) = c[index] else { return nil }
            name = s
        }
        return StringBuiltins.alphabets[name].map { Array($0.unicodeScalars) }
    }

    static func letterNumber(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .string(let s) = c[0], let letters = letterAlphabet(c, at: 1) else {
            return nil
        }
        let numbers: [Expr] = s.unicodeScalars.map { ch in
            let lower = StringMatcher.fold(ch)
            return .integer((letters.firstIndex(of: lower) ?? -1) + 1)
        }
        return numbers.count == 1 ? numbers[0] : Expr(k.sys.List, numbers)
    }

    static func fromLetterNumber(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .integer(let n) = c[0], let letters = letterAlphabet(c, at: 1) else {
            return nil
        }
        let count = letters.count
        let index = n > 0 ? n - 1 : count + n
        guard n != 0, index >= 0, index < count else { return .string(" ") }
        return .string(String(letters[index]))
    }

    // MARK: Bytes

    static func stringToByteArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, case .string(let s) = c[0] else { return nil }
        if c.count == 2 {
            guard case .string(let encoding) = c[1], ["UTF-8", "UTF8"].contains(encoding.uppercased()) else { return nil }
        }
        return .byteArray(Array(s.utf8))
    }

    static func byteArrayToString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        switch c[0] {
        case .byteArray(let bytes):
            return .string(String(decoding: bytes, as: UTF8.self))
        case .normal(let n) where n.head.isSymbol(k.sys.ByteArray) && n.arguments.count == 1 && n.arguments[0].isList(k.sys):
            var bytes: [UInt8] = []
            for e in n.arguments[0].arguments {
                guard case .integer(let v) = e, let b = UInt8(exactly: v) else { return nil }
                bytes.append(b)
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        default:
            return nil
        }
    }
}
