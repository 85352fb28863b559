// BinarySerialize, BinaryDeserialize, Import and Export: expressions as WXF bytes, in memory and in
// files.
//
// The bytes are TesseraWire's (WXF.encode/decode); this file only connects them to the language. Input
// is hostile: every WXFError becomes a `BinaryDeserialize::` message (or `Import::fmterr`) and `$Failed`,
// never a trap. Big packed arrays cross in one copy each way: encoding copies the buffer into the
// message, decoding copies it out of the message (Import maps the file, so the page cache is the
// message) into a new packed array.
//
// Import and Export know "WXF" (by name or by the extension `.wxf`) and the text formats of
// Formats/TextFormat.swift ("CSV", "JSON", ...); any other format gives `::fmtnosup` and `$Failed`.
// The file access itself is in Serialization+Files.swift.

import TesseraCore
import TesseraExpr
import TesseraWire

enum SerializationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("BinarySerialize", options: [("Method", "Automatic"), ("PerformanceGoal", "Automatic")],
                    binarySerialize),
        BuiltinSpec("BinaryDeserialize", messages: deserializeMessages, binaryDeserialize),
        BuiltinSpec("Import", attributes: [.protected, .readProtected], messages: TextFormatBuiltins.importMessages.merging([
            "nffil": "File `1` not found during Import.",
            "infer": "Cannot infer format of file `1`.",
        ]) { own, _ in own }, importFile),
        BuiltinSpec("Export", attributes: [.protected, .readProtected], messages: TextFormatBuiltins.exportMessages.merging([
            "infer": "Cannot infer format of file `1`.",
            "noopen": "Cannot open `1`.",
        ]) { own, _ in own }, options: [("PerformanceGoal", "Automatic")], exportFile),
    ]

    /// Modelled on Mathematica's single `BinaryDeserialize::invwxf`, with a few more specific tags for
    /// the failures a caller may want to tell apart (or switch off) separately.
    static let deserializeMessages: [String: String] = [
        "invwxf": "The input is not a valid WXF byte sequence.",
        "trunc": "The WXF byte sequence ends before the expression is complete.",
        "utf8": "The WXF byte sequence contains a string that is not valid UTF-8.",
        "depth": "The WXF expression is nested deeper than `1` levels.",
        "bignum": "The WXF byte sequence contains a number too large to be read.",
        "zlib": "The compressed WXF data could not be decompressed.",
        "nomem": "Not enough memory to read the WXF byte sequence.",
    ]

    // MARK: BinarySerialize, BinaryDeserialize

    static func binarySerialize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        // The first argument is the expression even when it looks like an option (`x -> y`).
        guard c.count >= 1 else { _ = k.checkCount(c, 1, 1); return nil }
        let (extra, options) = k.splitOptions(Array(c.arguments.dropFirst()))
        if let stray = extra.first { return k.fail(c, "nonopt", stray, .integer(1), c.expr) }
        guard let compress = compression(k, c, options, known: ["Method", "PerformanceGoal"]) else { return nil }
        return .byteArray(WXF.encode(c[0], symbols: k.symbols, compress: compress))
    }

    static func binaryDeserialize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .byteArray(let bytes) = c[0] else { return nil }
        switch Result(catching: { () throws(WXFError) -> Expr in try WXF.decode(bytes, symbols: k.symbols) }) {
        case .success(let expr):
            return c.count == 2 ? Expr(head: c[1], [expr]) : expr
        case .failure(let error):
            let (tag, arguments) = message(for: error)
            k.messageWithArguments(c.head, tag, arguments)
            return .symbol(k.sys.DollarFailed)
        }
    }

    /// The message tag (and its arguments) for a decoding failure.
    static func message(for error: WXFError) -> (String, [Expr]) {
        switch error {
        case .truncated: return ("trunc", [])
        case .invalidUTF8: return ("utf8", [])
        case .tooDeep(let limit, _): return ("depth", [.integer(limit)])
        case .bigIntegerTooLong, .bigRealOutOfRange: return ("bignum", [])
        case .decompressionFailed, .decompressedTooLarge: return ("zlib", [])
        case .outOfMemory: return ("nomem", [])
        case .badHeader, .unknownToken, .ruleOutsideAssociation, .expectedRule, .varintTooLong, .sizeOverflow,
             .invalidSymbolName, .invalidBigInteger, .invalidBigReal, .invalidElementType, .invalidArrayShape,
             .trailingBytes, .substitutionFailed:
            return ("invwxf", [])
        }
    }

    /// Whether the options ask for a compressed message (`PerformanceGoal -> "Size"`); nil, after a
    /// message, when an option is unknown.
    private static func compression(_ k: Kernel, _ c: Call, _ options: [Expr], known: Set<String>) -> Bool? {
        for option in options {
            let name = option.arguments[0]
            let text: String
            switch name {
            case .symbol(let s): text = s.name
            case .string(let s): text = s
            default: text = ""
            }
            guard known.contains(text) else {
                k.message(k.sys.General, "optx", name, c.expr)
                return nil
            }
        }
        guard let goal = k.optionValue("PerformanceGoal", in: options, of: c.head) else { return false }
        return goal.asString == "Size"
    }

    // MARK: Import, Export

    static func importFile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1 else { _ = k.checkCount(c, 1, 2); return nil }
        let (extra, _) = k.splitOptions(Array(c.arguments.dropFirst()))
        if extra.count > 1 { return k.fail(c, "nonopt", extra[1], .integer(2), c.expr) }
        guard case .string(let path) = c[0] else { return k.fail(c, "string", .integer(1), c.expr) }
        guard let format = format(k, c, path: path, explicit: extra.first) else {
            return .symbol(k.sys.DollarFailed)
        }
        if case .text(let text) = format {
            let result = FileBytes.withMappedFile(path) { buffer in
                Result { () throws(TextFormat.ImportFailure) -> Expr in try text.importing(buffer, k) }
            }
            guard let result else {
                k.message(c.head, "nffil", .string(path))
                return .symbol(k.sys.DollarFailed)
            }
            return TextFormatBuiltins.imported(k, c.head, text, result)
        }
        let decoded = FileBytes.withMappedFile(path) { buffer in
            Result { () throws(WXFError) -> Expr in try WXF.decode(buffer, symbols: k.symbols) }
        }
        switch decoded {
        case nil:
            k.message(c.head, "nffil", .string(path))
            return .symbol(k.sys.DollarFailed)
        case .success(let expr)?:
            return expr
        case .failure?:
            k.message(c.head, "fmterr", .string("WXF"))
            return .symbol(k.sys.DollarFailed)
        }
    }

    static func exportFile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 2 else { _ = k.checkCount(c, 2, 3); return nil }
        let (extra, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        if extra.count > 1 { return k.fail(c, "nonopt", extra[1], .integer(3), c.expr) }
        guard case .string(let path) = c[0] else { return k.fail(c, "string", .integer(1), c.expr) }
        guard let format = format(k, c, path: path, explicit: extra.first) else { return .symbol(k.sys.DollarFailed) }
        guard let compress = compression(k, c, options, known: ["PerformanceGoal", "Compact"]) else { return nil }
        let expression = c[1]
        if case .text(let text) = format {
            guard let content = TextFormatBuiltins.exported(k, c.head, text, expression, options) else {
                return .symbol(k.sys.DollarFailed)
            }
            guard FileBytes.write(Array(content.utf8), to: path) else {
                k.message(c.head, "noopen", .string(path))
                return .symbol(k.sys.DollarFailed)
            }
            return c[0]
        }
        let written = compress
            ? FileBytes.write(WXF.encode(expression, symbols: k.symbols, compress: true), to: path)
            : FileBytes.write(to: path) { sink in WXF.encode(expression, symbols: k.symbols, to: sink) }
        guard written else {
            k.message(c.head, "noopen", .string(path))
            return .symbol(k.sys.DollarFailed)
        }
        return c[0]
    }

    /// The format of an Import or Export: the explicit one, else the file's extension; nil after a
    /// message when it is unknown or cannot be inferred.
    private static func format(_ k: Kernel, _ c: Call, path: String, explicit: Expr?) -> FileFormat? {
        if let explicit {
            guard case .string(let name) = explicit, let format = FileFormat.named(name) else {
                k.message(c.head, "fmtnosup", explicit)
                return nil
            }
            return format
        }
        let file = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex, file.index(after: dot) != file.endIndex else {
            k.message(c.head, "infer", .string(path))
            return nil
        }
        let extensionName = String(file[file.index(after: dot)...])
        guard let format = FileFormat.forExtension(extensionName) else {
            k.message(c.head, "fmtnosup", .string(extensionName.uppercased()))
            return nil
        }
        return format
    }
}
