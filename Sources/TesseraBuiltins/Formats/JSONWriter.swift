// A `JSONValue` as JSON text, laid out as Mathematica's Export lays it out.
//
// Pretty form (the default): one member or element per line, indented by tabs, closing brackets on
// their own line at the parent's indentation, empty containers as `[]` and `{}`. "JSON" writes a space
// after an object key's colon (`"a": 1`), "RawJSON" does not (`"a":1`). Compact form (`"Compact" ->
// True`) has no whitespace at all. Strings are escaped as RFC 8259 requires (quote, backslash, control
// characters) and otherwise kept as they are: the text is Unicode, written to files as UTF-8.
// Reals are the shortest digits that read back (`0.1`), always with a fraction (`1.0`) and with an
// `e` exponent (`1.5e-20`), so that every JSON reader takes them for the same double.

struct JSONWriter {
    var compact = false
    var spaceAfterColon = false

    func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .bigInteger(let digits): out += digits
        case .real(let d): out += Self.realText(d)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, indent: indent, into: &out) { i, out in
                write(elements[i], indent: indent + 1, into: &out)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, into: &out) { i, out in
                Self.writeString(members[i].key, into: &out)
                out += spaceAfterColon && !compact ? ": " : ":"
                write(members[i].value, indent: indent + 1, into: &out)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, indent: Int, into out: inout String,
                                _ element: (Int, inout String) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        for i in 0..<count {
            if i > 0 { out += "," }
            if !compact { newline(indent + 1, into: &out) }
            element(i, &out)
        }
        if !compact { newline(indent, into: &out) }
        out += close
    }

    private func newline(_ indent: Int, into out: inout String) {
        out += "\n"
        out += String(repeating: "\t", count: indent)
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `0.1`, `1.0`, `1.5e-20`, `1.0e20`: Swift's shortest round-trip digits, with a fraction always.
    static func realText(_ d: Double) -> String {
        let text = d.description  // "0.1", "1.0", "1e-20", "1.5e+20", "1e-05"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        if !mantissa.contains(".") { mantissa += ".0" }
        let exponent = Int(text[text.index(after: e)...].drop(while: { $0 == "+" })) ?? 0  // "1e-05": -5
        return mantissa + "e" + String(exponent)
    }
}
