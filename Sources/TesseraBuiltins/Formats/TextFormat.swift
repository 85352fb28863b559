// The text formats of Import/Export and ImportString/ExportString, by name and by file extension, and
// what each does with bytes and with an expression. The builtins (TextFormatBuiltins,
// SerializationBuiltins) only connect these to strings, files and messages.
//
// | format    | extension     | Import gives                        | Export writes                       |
// |-----------|---------------|-------------------------------------|-------------------------------------|
// | "CSV"     | .csv          | rows of numbers and strings         | rows, comma-separated               |
// | "TSV"     | .tsv .tab     | the same, tab-separated             | rows, tab-separated                 |
// | "Table"   | .dat          | rows split on blanks                | rows, tab-separated                 |
// | "List"    | (by name)     | one number or string per line       | one element per line                |
// | "Lines"   | (by name)     | one string per line                 | one element's text per line         |
// | "Text"    | .txt .text    | the whole text as one string        | a string as it is (else its text)   |
// | "JSON"    | .json         | objects as lists of rules           | pretty JSON, `"k": v`               |
// | "RawJSON" | (by name)     | objects as Associations             | pretty JSON, `"k":v`                |

import TesseraCore
import TesseraExpr

/// A file format Import and Export know: WXF (TesseraWire) or one of the text formats.
enum FileFormat: Equatable {
    case wxf
    case text(TextFormat)

    var name: String {
        switch self {
        case .wxf: return "WXF"
        case .text(let t): return t.rawValue
        }
    }

    /// The format called `name` (in any letter case, as Mathematica accepts "csv").
    static func named(_ name: String) -> FileFormat? {
        if name.uppercased() == "WXF" { return .wxf }
        return TextFormat.allCases.first { $0.rawValue.uppercased() == name.uppercased() }.map { .text($0) }
    }

    /// The format of a file with extension `ext` (without its dot); "JSON" for .json, as Mathematica
    /// chooses it over "RawJSON".
    static func forExtension(_ ext: String) -> FileFormat? {
        switch ext.lowercased() {
        case "wxf": return .wxf
        case "csv": return .text(.csv)
        case "tsv", "tab": return .text(.tsv)
        case "dat": return .text(.table)
        case "txt", "text": return .text(.text)
        case "json": return .text(.json)
        default: return nil
        }
    }
}

enum TextFormat: String, CaseIterable {
    case csv = "CSV"
    case tsv = "TSV"
    case table = "Table"
    case list = "List"
    case lines = "Lines"
    case text = "Text"
    case json = "JSON"
    case rawJSON = "RawJSON"

    /// Why a text could not be imported.
    enum ImportFailure: Error, Equatable {
        case unterminatedQuote(UnterminatedQuoteError)
        case json(JSONSyntaxError)
    }

    /// The expression of the text `bytes` (UTF-8) in this format.
    func importing(_ bytes: UnsafeRawBufferPointer, _ k: Kernel) throws(ImportFailure) -> Expr {
        switch self {
        case .csv: return try table(bytes, .character(UInt8(ascii: ",")), k)
        case .tsv: return try table(bytes, .character(0x09), k)
        case .table: return try table(bytes, .blanks, k)
        case .list:
            let values = DelimitedReader.lines(bytes).map(DelimitedReader.value)
            return k.packed(from: values, allowMixed: false).map(Expr.packed) ?? Expr(k.sys.List, values)
        case .lines:
            return Expr(k.sys.List, DelimitedReader.lines(bytes).map { .string(String(decoding: $0, as: UTF8.self)) })
        case .text:
            return .string(String(decoding: bytes, as: UTF8.self))
        case .json, .rawJSON:
            do throws(JSONSyntaxError) {
                return try JSONReader.read(bytes).expression(k, associations: self == .rawJSON)
            } catch {
                throw .json(error)
            }
        }
    }

    private func table(_ bytes: UnsafeRawBufferPointer, _ separation: FieldSeparation, _ k: Kernel)
        throws(ImportFailure) -> Expr {
        do throws(UnterminatedQuoteError) {
            return try DelimitedReader.table(bytes, separation, k)
        } catch {
            throw .unterminatedQuote(error)
        }
    }

    /// The text of `e` in this format; `compact` asks JSON for no line breaks or tabs.
    func exporting(_ e: Expr, compact: Bool, _ k: Kernel) throws(JSONExportError) -> String {
        switch self {
        case .csv: return DelimitedWriter(separator: UInt8(ascii: ","), splitsOnBlanks: false, k: k).table(e)
        case .tsv: return DelimitedWriter(separator: 0x09, splitsOnBlanks: false, k: k).table(e)
        case .table: return DelimitedWriter(separator: 0x09, splitsOnBlanks: true, k: k).table(e)
        case .list:
            let writer = DelimitedWriter(separator: 0x0A, splitsOnBlanks: false, k: k)
            return joinedLines(e, k) { element, out in writer.writeField(element, into: &out) }
        case .lines:
            return joinedLines(e, k) { element, out in out += Self.plainText(element, k) }
        case .text:
            return Self.plainText(e, k)
        case .json, .rawJSON:
            let writer = JSONWriter(compact: compact, spaceAfterColon: self == .json)
            return writer.text(try JSONValue(e, k))
        }
    }

    /// The elements of a list (or `e` alone), one per line.
    private func joinedLines(_ e: Expr, _ k: Kernel, _ write: (Expr, inout String) -> Void) -> String {
        var out = ""
        let elements = e.isList(k.sys) ? e.arguments : [e]
        for (i, element) in elements.enumerated() {
            if i > 0 { out += "\n" }
            write(element, &out)
        }
        return out
    }

    /// A string as it is; anything else as `ToString` shows it.
    private static func plainText(_ e: Expr, _ k: Kernel) -> String {
        if case .string(let s) = e { return s }
        return k.printer.text(e, form: .outputForm)
    }
}
