// ImportString and ExportString, and the messages a text format's failure gives, shared with Import
// and Export (Serialization.swift), so that a string and a file fail the same way.
//
// A failure is a message and `$Failed`, as in Mathematica: `::fmtnosup` for an unknown format,
// `::fmterr` for a CSV/TSV/Table text with a quote that never closes, `::jsonhintposandchar` (where
// and at which character) for text that is not JSON, `::jsonstrictencoding` for an expression with no
// JSON form. The formats themselves are in TextFormat.swift.

import TesseraCore
import TesseraExpr

enum TextFormatBuiltins {
    static let importMessages: [String: String] = [
        "fmtnosup": "`1` is not a supported Import format.",
        "fmterr": "Cannot import data as `1` format.",
        "jsonhintposandchar": "An error occurred near character `1`, at line `2`:`3`.",
    ]

    static let exportMessages: [String: String] = [
        "fmtnosup": "`1` is not a supported Export format.",
        "jsonstrictencoding": "Expression `1` cannot be exported as JSON.",
    ]

    static let table: [BuiltinSpec] = [
        BuiltinSpec("ImportString", attributes: [.protected, .readProtected], messages: importMessages, importString),
        BuiltinSpec("ExportString", attributes: [.protected, .readProtected], messages: exportMessages, exportString),
    ]

    /// `ImportString["text", "format", options]` (no option changes the reading yet).
    static func importString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 2 else { _ = k.checkCount(c, 2, 2); return nil }
        let (extra, _) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        if let stray = extra.first { return k.fail(c, "nonopt", stray, .integer(2), c.expr) }
        guard case .string(var text) = c[0] else { return k.fail(c, "string", .integer(1), c.expr) }
        guard let format = textFormat(k, c.head, c[1]) else { return .symbol(k.sys.DollarFailed) }
        let result = text.withUTF8 { buffer in
            Result { () throws(TextFormat.ImportFailure) -> Expr in try format.importing(UnsafeRawBufferPointer(buffer), k) }
        }
        return imported(k, c.head, format, result)
    }

    /// `ExportString[expr, "format", options]`.
    static func exportString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 2 else { _ = k.checkCount(c, 2, 2); return nil }
        let (extra, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        if let stray = extra.first { return k.fail(c, "nonopt", stray, .integer(2), c.expr) }
        guard let format = textFormat(k, c.head, c[1]) else { return .symbol(k.sys.DollarFailed) }
        return exported(k, c.head, format, c[0], options).map(Expr.string) ?? .symbol(k.sys.DollarFailed)
    }

    // MARK: Shared with Import and Export

    /// The text format named by `spec`; nil after `head::fmtnosup` (WXF has no string form here).
    static func textFormat(_ k: Kernel, _ head: Symbol, _ spec: Expr) -> TextFormat? {
        guard case .string(let name) = spec, case .text(let format)? = FileFormat.named(name) else {
            k.message(head, "fmtnosup", spec)
            return nil
        }
        return format
    }

    /// The imported expression, or `$Failed` after the message its failure calls for.
    static func imported(_ k: Kernel, _ head: Symbol, _ format: TextFormat,
                         _ result: Result<Expr, TextFormat.ImportFailure>) -> Expr {
        switch result {
        case .success(let e):
            return e
        case .failure(.unterminatedQuote):
            k.message(head, "fmterr", .string(format.rawValue))
        case .failure(.json(let error)):
            let character = error.character.isEmpty ? "end of input" : "'" + error.character + "'"
            k.message(head, "jsonhintposandchar", .string(character), .integer(error.line), .integer(error.column))
        }
        return .symbol(k.sys.DollarFailed)
    }

    /// The text of `e` in `format`; nil after `head::jsonstrictencoding` when it has none.
    static func exported(_ k: Kernel, _ head: Symbol, _ format: TextFormat, _ e: Expr, _ options: [Expr]) -> String? {
        let compact = k.optionValue("Compact", in: options, of: head).map { $0.isSymbol(k.sys.True) } ?? false
        do throws(JSONExportError) {
            return try format.exporting(e, compact: compact, k)
        } catch {
            k.message(head, "jsonstrictencoding", error.expression)
            return nil
        }
    }
}
