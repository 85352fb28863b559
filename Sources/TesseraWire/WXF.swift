// TesseraWire: the Wolfram Exchange Format (WXF), the binary form of `BinarySerialize`.
//
// Tessera writes WXF to disk and between kernels so that Wolfram's own tools and Python's wolframclient
// read what it writes, and the other way round. A message is a header (`8:`, or `8C:` for a zlib-
// compressed body) and one expression as a tree of tokens in prefix order; see WXFToken.swift for the
// tokens and /work/shared/spec/WXF.md for the facts of the format.
//
// The module is independent of the evaluator: it needs expressions, symbols and packed storage only.
//
//     WXF.swift                   one-call encode and decode of whole messages
//     WXFToken.swift              token bytes, array element types, headers
//     Varint.swift                LEB128 lengths
//     WXFWriter.swift             expressions to tokens, with an explicit work stack
//     WXFWriter+Arrays.swift      packed and numeric arrays out, in block copies
//     WXFReader.swift             tokens to expressions, hostile-input checks, an explicit stack
//     WXFReader+Arrays.swift      packed and numeric arrays in
//     BigNumberText.swift         the text of `I` and `R`
//     Zlib.swift                  the `8C:` body
//     ArraySubstitution.swift     hooks to carry big arrays out of band (shared memory)
//     WXFError.swift              the reader's errors and limits

import TesseraExpr

/// Whole-message WXF encoding and decoding.
///
///     let bytes = WXF.encode(expr, symbols: table)            // "8:" + tokens
///     let back = try WXF.decode(bytes, symbols: table)        // == expr
///
/// For streams (several messages in one buffer, substituted arrays) use `WXFWriter` and `WXFReader`.
public enum WXF {
    /// `expression` as a complete message: `8:` and the tokens, or with `compress`, `8C:` and a zlib
    /// stream of the tokens.
    public static func encode(_ expression: Expr, symbols: SymbolTable, compress: Bool = false,
                              arraySubstitution: (any WXFArraySubstitutionEncoder)? = nil) -> [UInt8] {
        var writer = WXFWriter(symbols: symbols, arraySubstitution: arraySubstitution)
        if compress {
            writer.write(expression)
            return WXFHeader.compressed + Zlib.compress(writer.bytes)
        }
        writer.writeHeader()
        writer.write(expression)
        return writer.bytes
    }

    /// `expression` as an uncompressed message passed to `sink` piece by piece: large array data goes
    /// to the sink straight from the array's memory. False when the sink refused a piece.
    public static func encode(_ expression: Expr, symbols: SymbolTable,
                              to sink: @escaping (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var writer = WXFWriter(symbols: symbols, reservingCapacity: 1 << 16)
        writer.largeRunSink = sink
        writer.writeHeader()
        writer.write(expression)
        writer.flush(to: sink)
        return !writer.sinkFailed
    }

    /// The expression of a complete message (plain or compressed); bytes after it are an error.
    public static func decode(_ bytes: [UInt8], symbols: SymbolTable, limits: WXFLimits = WXFLimits(),
                              arraySubstitution: (any WXFArraySubstitutionDecoder)? = nil) throws(WXFError) -> Expr {
        let result: Result<Expr, WXFError> = bytes.withUnsafeBytes { raw in
            Result { () throws(WXFError) -> Expr in
                try decode(raw, symbols: symbols, limits: limits, arraySubstitution: arraySubstitution)
            }
        }
        return try result.get()
    }

    /// The expression of a complete message in `buffer` (plain or compressed); bytes after it are an
    /// error. The result does not refer to `buffer` (arrays are copied out).
    public static func decode(_ buffer: UnsafeRawBufferPointer, symbols: SymbolTable, limits: WXFLimits = WXFLimits(),
                              arraySubstitution: (any WXFArraySubstitutionDecoder)? = nil) throws(WXFError) -> Expr {
        var reader = WXFReader(buffer, symbols: symbols, limits: limits, arraySubstitution: arraySubstitution)
        switch try reader.readHeader() {
        case .plain:
            return try readWhole(&reader)
        case .compressed:
            let body = UnsafeRawBufferPointer(rebasing: buffer[reader.offset...])
            let inflated = try Zlib.decompress(body, limit: limits.decompressedBytes(forInput: body.count))
            let result: Result<Expr, WXFError> = inflated.withUnsafeBytes { raw in
                Result { () throws(WXFError) -> Expr in
                    var inner = WXFReader(raw, symbols: symbols, limits: limits, arraySubstitution: arraySubstitution)
                    return try readWhole(&inner)
                }
            }
            return try result.get()
        }
    }

    /// One expression that must end exactly where the reader's buffer does.
    private static func readWhole(_ reader: inout WXFReader) throws(WXFError) -> Expr {
        let expression = try reader.readExpression()
        guard reader.isAtEnd else { throw .trailingBytes(offset: reader.offset) }
        return expression
    }
}
