// What can go wrong when reading WXF.
//
// Every failure of the reader is one of these cases, never a trap: the reader treats its input as hostile
// (it may come from another process, a file or a network peer). Offsets count bytes from the start of the
// buffer being read; for a compressed message that is the inflated body, after the `8C:` header.

/// A WXF decoding failure. Writing cannot fail (every `Expr` has a WXF form), so only the reader throws.
public enum WXFError: Error, Equatable, Sendable {
    /// The input does not start with `8:` or `8C:`.
    case badHeader
    /// The input ends inside a token, or a token declares more bytes than the input still has. A stream
    /// reader that gets this may wait for more bytes and try again from the same offset.
    case truncated(offset: Int)
    /// A byte that opens no WXF token.
    case unknownToken(UInt8, offset: Int)
    /// A rule token (`-` or `:`) outside an association, where only expressions may stand.
    case ruleOutsideAssociation(offset: Int)
    /// Something other than a rule token where an association expects its next rule.
    case expectedRule(found: UInt8, offset: Int)
    /// A varint longer than 9 bytes (WXF lengths fit in 63 bits).
    case varintTooLong(offset: Int)
    /// Sizes whose product or byte count overflows a machine integer.
    case sizeOverflow(offset: Int)
    /// A string or symbol name that is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// A symbol name that is empty or not made of symbol characters and context marks.
    case invalidSymbolName(String, offset: Int)
    /// An `I` token whose text is not an optional `-` followed by decimal digits.
    case invalidBigInteger(offset: Int)
    /// An `I` token with more digits than `WXFLimits.maxBigIntegerDigits`.
    case bigIntegerTooLong(digits: Int, offset: Int)
    /// An `R` token whose text is not a real number in InputForm.
    case invalidBigReal(offset: Int)
    /// An `R` token whose value is outside the range of a machine real (Tessera has no arbitrary-precision
    /// reals yet, so it cannot hold `1.5*^1000`).
    case bigRealOutOfRange(String, offset: Int)
    /// An array element type that the token does not allow (an unknown byte, or unsigned in a packed array).
    case invalidElementType(UInt8, offset: Int)
    /// An array of rank 0 or with a zero dimension, which WXF does not allow.
    case invalidArrayShape(offset: Int)
    /// Nesting deeper than `WXFLimits.maxDepth` (functions, associations or array rank).
    case tooDeep(limit: Int, offset: Int)
    /// Bytes left over after the expression of a whole message.
    case trailingBytes(offset: Int)
    /// zlib rejected the compressed body (its return code).
    case decompressionFailed(code: Int32)
    /// The compressed body inflates beyond the allowed size (`WXFLimits.decompressedBytes(forInput:)`).
    case decompressedTooLarge(limit: Int)
    /// Memory for an array could not be allocated.
    case outOfMemory(bytes: Int)
    /// A `WXFArraySubstitutionDecoder` refused the expression that stood for an array.
    case substitutionFailed(String)
}

/// Bounds that keep a hostile input from costing more than its own size in time and memory.
public struct WXFLimits: Sendable, Equatable {
    /// Deepest nesting of functions, associations and array ranks (the reader keeps an explicit stack,
    /// so this protects the consumers of the result, which may recurse).
    public var maxDepth: Int
    /// Most decimal digits in an `I` token: parsing costs time that grows faster than the length.
    public var maxBigIntegerDigits: Int
    /// Hard cap on the inflated size of a compressed body.
    public var maxDecompressedBytes: Int
    /// Most inflated bytes per compressed byte. Deflate itself cannot exceed about 1032 : 1 and real
    /// data gets close (an all-zero array compresses about 1000 : 1), so the default rejects no genuine
    /// stream; a caller that only expects incompressible payloads may lower it (to 64, say) so that a
    /// zip bomb is turned away early. Output grows incrementally, so memory follows the actual output.
    public var maxCompressionRatio: Int
    /// Inflating up to this many bytes is always allowed, whatever the ratio.
    public var decompressionAllowance: Int

    public init(maxDepth: Int = 4096, maxBigIntegerDigits: Int = 1 << 20,
                maxDecompressedBytes: Int = 1 << 30, maxCompressionRatio: Int = 1100,
                decompressionAllowance: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxBigIntegerDigits = maxBigIntegerDigits
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.decompressionAllowance = decompressionAllowance
    }

    /// The most bytes a compressed body of `inputBytes` may inflate to.
    public func decompressedBytes(forInput inputBytes: Int) -> Int {
        let (scaled, overflow) = inputBytes.multipliedReportingOverflow(by: maxCompressionRatio)
        let byRatio = overflow ? Int.max : scaled
        return min(maxDecompressedBytes, max(decompressionAllowance, byRatio))
    }
}
