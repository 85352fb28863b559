// Unsigned LEB128 varints: every length, count, rank and dimension in WXF.
//
// Seven bits a byte, low group first, the high bit set while more bytes follow. WXF allows at most nine
// bytes (63 bits), so a decoded value always fits a non-negative `Int`; a tenth byte is an error rather
// than a silent wrap, and so is a value that does not end before the input does.

enum Varint {
    /// Longest encoding WXF allows.
    static let maxBytes = 9

    /// Appends `value` (which must be >= 0) in LEB128.
    @inline(__always)
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0, "WXF lengths are never negative")
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Number of bytes `append` writes for `value`.
    static func encodedCount(_ value: Int) -> Int {
        var count = 1
        var rest = UInt(value)
        while rest >= 0x80 { rest >>= 7; count += 1 }
        return count
    }

    /// Reads a varint at `offset` in `buffer`, advancing `offset` past it.
    @inline(__always)
    static func read(_ buffer: UnsafeRawBufferPointer, at offset: inout Int) throws(WXFError) -> Int {
        var value = 0
        var shift = 0
        var position = offset
        while true {
            guard position < buffer.count else { throw .truncated(offset: position) }
            let byte = buffer[position]
            position += 1
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
            if shift >= 7 * maxBytes { throw .varintTooLong(offset: offset) }
        }
        offset = position
        return value
    }
}
