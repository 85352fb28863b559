// Reading packed arrays (`Á`) and numeric arrays (`Â`).
//
// The declared shape is checked before any memory is taken: rank >= 1, every dimension > 0, no overflow
// in the element count or the byte count, and the bytes must all be present. Then the elements are moved
// into Tessera's storage: Integer64, Real64 and ComplexReal64 (and UnsignedInteger64 below 2^63) in one
// block copy, narrower types widened to `Int` or `Double` in one pass, reading unaligned (the data sits
// wherever the token put it).
//
// A packed array becomes `Expr.packed`. A numeric array becomes `NumericArray[packed, "Type"]`, the
// packed data widened to the Tessera type that holds the named type; the type name keeps what the array
// was, so that writing it gives back the same bytes. The one type Tessera's storage cannot widen to is
// `UnsignedInteger64` with values from 2^63 up: that array's data is a nested `List` of integers.

import BigInt
import TesseraExpr
import TesseraStorage

#if canImport(Glibc)
import Glibc
#endif

extension WXFReader {
    /// The body of an array token (the token byte is read), `depth` levels inside open expressions. The
    /// rank counts as nesting: an array is a list of lists, and may become one (see `nestedLists`).
    mutating func readArray(_ token: WXFToken, at tokenOffset: Int, depth: Int) throws(WXFError) -> Expr {
        guard offset < buffer.count else { throw .truncated(offset: offset) }
        let typeByte = buffer[offset]
        guard let type = WXFElementType(rawValue: typeByte), token == .numericArray || type.isPackable else {
            throw .invalidElementType(typeByte, offset: offset)
        }
        offset += 1
        let rank = try readLength()
        guard rank >= 1 else { throw .invalidArrayShape(offset: tokenOffset) }
        guard rank <= limits.maxDepth - depth else { throw .tooDeep(limit: limits.maxDepth, offset: tokenOffset) }
        guard rank <= remaining else { throw .truncated(offset: buffer.count) }
        var dimensions: [Int] = []
        dimensions.reserveCapacity(rank)
        var count = 1
        for _ in 0..<rank {
            let dimension = try readLength()
            guard dimension > 0 else { throw .invalidArrayShape(offset: tokenOffset) }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw .sizeOverflow(offset: tokenOffset) }
            count = product
            dimensions.append(dimension)
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: type.byteWidth)
        guard !overflow else { throw .sizeOverflow(offset: tokenOffset) }
        guard byteCount <= remaining else { throw .truncated(offset: buffer.count) }
        let data = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + byteCount)])
        offset += byteCount

        let values = try Self.arrayData(data, type: type, dimensions: dimensions, list: system.List)
        if token == .packedArray { return values }
        return Expr(system.NumericArray, [values, .string(type.name)])
    }

    /// The elements in `data` as a packed array of the widened type (or, for `UnsignedInteger64` beyond
    /// `Int.max`, as nested lists).
    static func arrayData(_ data: UnsafeRawBufferPointer, type: WXFElementType, dimensions: [Int],
                          list: Symbol) throws(WXFError) -> Expr {
        let count = data.count / type.byteWidth
        if type == .unsignedInteger64 {
            for index in 0..<count where data.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self) > UInt64(Int.max) {
                return nestedLists(data, dimensions: dimensions, list: list)
            }
        }
        let array: PackedArray
        do {
            // Every element is written below, so the memory need not be zeroed first.
            array = try PackedArray.uninitialized(type.packedType, dimensions)
        } catch {
            throw .outOfMemory(bytes: data.count)
        }
        let target = array.baseAddress
        switch type {
        case .integer64, .unsignedInteger64, .real64, .complexReal64:
            if data.count > 0 { memcpy(target, data.baseAddress!, data.count) }
        case .integer8:
            widen(data, Int8.self, into: target.assumingMemoryBound(to: Int.self)) { Int($0) }
        case .integer16:
            widen(data, Int16.self, into: target.assumingMemoryBound(to: Int.self)) { Int(Int16(littleEndian: $0)) }
        case .integer32:
            widen(data, Int32.self, into: target.assumingMemoryBound(to: Int.self)) { Int(Int32(littleEndian: $0)) }
        case .unsignedInteger8:
            widen(data, UInt8.self, into: target.assumingMemoryBound(to: Int.self)) { Int($0) }
        case .unsignedInteger16:
            widen(data, UInt16.self, into: target.assumingMemoryBound(to: Int.self)) { Int(UInt16(littleEndian: $0)) }
        case .unsignedInteger32:
            widen(data, UInt32.self, into: target.assumingMemoryBound(to: Int.self)) { Int(UInt32(littleEndian: $0)) }
        case .real32, .complexReal32:
            // A complex element is two Real32s, widened the same way into two Doubles.
            widen(data, UInt32.self, into: target.assumingMemoryBound(to: Double.self)) {
                Double(Float(bitPattern: UInt32(littleEndian: $0)))
            }
        }
        return .packed(array)
    }

    /// Converts every `Source` in `data` with `convert` and stores it at `target`.
    @inline(__always)
    private static func widen<Source: FixedWidthInteger, Target>(
        _ data: UnsafeRawBufferPointer, _ source: Source.Type, into target: UnsafeMutablePointer<Target>,
        _ convert: (Source) -> Target
    ) {
        let width = MemoryLayout<Source>.size
        for index in 0..<(data.count / width) {
            target[index] = convert(data.loadUnaligned(fromByteOffset: index * width, as: Source.self))
        }
    }

    /// `UnsignedInteger64` data as nested `List`s of integers, built level by level from the bottom.
    private static func nestedLists(_ data: UnsafeRawBufferPointer, dimensions: [Int], list: Symbol) -> Expr {
        var level: [Expr] = (0..<(data.count / 8)).map { index in
            .integer(BigInt(UInt64(littleEndian: data.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))))
        }
        for dimension in dimensions.reversed() {
            level = stride(from: 0, to: level.count, by: dimension).map { start in
                Expr(list, Array(level[start..<(start + dimension)]))
            }
        }
        return level[0]
    }
}
