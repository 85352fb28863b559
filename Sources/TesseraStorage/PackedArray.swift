// A packed array: a typed, rectangular view into a `PackedBuffer`.
//
// The view has a byte offset so that a row of a matrix (`a[[n]]`) is a view, not a copy. Elements are
// stored row-major. Writers call `makeUniqueForWriting()`, which copies only when the buffer is shared
// with another reference, is a foreign read-only mapping, may be mapped by another process, or the
// view does not cover the whole buffer.

#if canImport(Glibc)
import Glibc
#endif

/// The machine element types a packed array can hold.
public enum PackedType: UInt8, Sendable, Comparable {
    case integer = 0
    case real = 1
    case complex = 2

    /// Bytes per element.
    public var stride: Int { self == .complex ? 16 : 8 }

    public static func < (lhs: PackedType, rhs: PackedType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A machine complex number with the memory layout FFTW and LAPACK expect (re, im).
public struct ComplexDouble: Equatable, Sendable {
    public var re: Double
    public var im: Double
    public init(_ re: Double, _ im: Double) { self.re = re; self.im = im }
}

public struct PackedArray: @unchecked Sendable {
    public private(set) var buffer: PackedBuffer
    public let type: PackedType
    public let dimensions: [Int]
    /// Byte offset of the first element inside `buffer`.
    public private(set) var byteOffset: Int

    public init(buffer: PackedBuffer, type: PackedType, dimensions: [Int], byteOffset: Int = 0) {
        self.buffer = buffer
        self.type = type
        self.dimensions = dimensions
        self.byteOffset = byteOffset
    }

    public var count: Int { dimensions.reduce(1, *) }
    public var rank: Int { dimensions.count }
    public var byteCount: Int { count * type.stride }
    public var baseAddress: UnsafeMutableRawPointer { buffer.base + byteOffset }

    /// The bytes of an array of `dimensions`, checked for overflow (`{10^7, 10^7, 10^7}` does not
    /// fit in 64 bits and must fail as an error, not trap).
    public static func byteCount(_ type: PackedType, _ dimensions: [Int]) throws(PackedStorageError) -> Int {
        var bytes = type.stride
        for d in dimensions {
            let (product, overflow) = bytes.multipliedReportingOverflow(by: d)
            guard !overflow else { throw .sizeOverflow(dimensions: dimensions, elementBytes: type.stride) }
            bytes = product
        }
        return bytes
    }

    /// Throws what allocating an array of `dimensions` would throw for its size alone (overflow, more
    /// than the machine's memory), without allocating: for a builtin that is about to make many
    /// arrays of one shape (Table's rows) and can tell early that all of them can never fit.
    public static func checkAllocatable(_ type: PackedType, _ dimensions: [Int]) throws(PackedStorageError) {
        let bytes = try byteCount(type, dimensions)
        guard bytes <= PackedBuffer.allocationLimit else { throw .outOfMemory(bytes: bytes) }
    }

    /// An array whose elements the caller will all write (no zero fill of reused memory).
    public static func uninitialized(_ type: PackedType, _ dimensions: [Int]) throws(PackedStorageError) -> PackedArray {
        let bytes = try byteCount(type, dimensions)
        return PackedArray(buffer: try PackedBuffer.allocate(byteCount: bytes, zeroed: false), type: type, dimensions: dimensions)
    }

    /// A zero-filled array.
    public static func zeros(_ type: PackedType, _ dimensions: [Int]) throws(PackedStorageError) -> PackedArray {
        let bytes = try byteCount(type, dimensions)
        return PackedArray(buffer: try PackedBuffer.allocate(byteCount: bytes), type: type, dimensions: dimensions)
    }

    public init(integers: [Int], dimensions: [Int]? = nil) throws(PackedStorageError) {
        self = try .zeros(.integer, dimensions ?? [integers.count])
        let target = baseAddress
        integers.withUnsafeBytes { source in
            if let from = source.baseAddress { memcpy(target, from, source.count) }
        }
    }

    public init(reals: [Double], dimensions: [Int]? = nil) throws(PackedStorageError) {
        self = try .zeros(.real, dimensions ?? [reals.count])
        let target = baseAddress
        reals.withUnsafeBytes { source in
            if let from = source.baseAddress { memcpy(target, from, source.count) }
        }
    }

    public init(complexes: [ComplexDouble], dimensions: [Int]? = nil) throws(PackedStorageError) {
        self = try .zeros(.complex, dimensions ?? [complexes.count])
        let target = baseAddress
        complexes.withUnsafeBytes { source in
            if let from = source.baseAddress { memcpy(target, from, source.count) }
        }
    }

    // MARK: Element access

    public var integers: UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: baseAddress.assumingMemoryBound(to: Int.self), count: type == .integer ? count : 0)
    }
    public var reals: UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: baseAddress.assumingMemoryBound(to: Double.self), count: type == .real ? count : 0)
    }
    public var complexes: UnsafeMutableBufferPointer<ComplexDouble> {
        UnsafeMutableBufferPointer(start: baseAddress.assumingMemoryBound(to: ComplexDouble.self), count: type == .complex ? count : 0)
    }

    /// Number of elements in one slice at the first level.
    public var sliceCount: Int { dimensions.dropFirst().reduce(1, *) }

    /// The `index`-th (0-based) slice at the first level, as a view that shares the buffer.
    public func slice(_ index: Int) -> PackedArray {
        let perSlice = sliceCount
        return PackedArray(buffer: buffer, type: type, dimensions: Array(dimensions.dropFirst()),
                           byteOffset: byteOffset + index * perSlice * type.stride)
    }

    /// Slices `from ..< to` at the first level, as a view.
    public func slices(_ from: Int, _ to: Int) -> PackedArray {
        var dims = dimensions
        dims[0] = to - from
        return PackedArray(buffer: buffer, type: type, dimensions: dims,
                           byteOffset: byteOffset + from * sliceCount * type.stride)
    }

    /// The arrays laid end to end as one array of `dimensions`, when they already are: views of one
    /// buffer, each starting where the one before ends (the rows of a matrix in order, a matrix
    /// split and joined again). Then packing or joining them costs nothing; otherwise nil.
    public static func adjacentViews(_ arrays: [PackedArray], as dimensions: [Int]) -> PackedArray? {
        guard let first = arrays.first else { return nil }
        var end = first.byteOffset
        for a in arrays {
            guard a.buffer === first.buffer, a.type == first.type, a.byteOffset == end else { return nil }
            end += a.byteCount
        }
        let result = PackedArray(buffer: first.buffer, type: first.type, dimensions: dimensions, byteOffset: first.byteOffset)
        return result.byteCount == end - first.byteOffset ? result : nil
    }

    /// Same elements, other dimensions (the element count must agree).
    public func reshaped(_ dimensions: [Int]) -> PackedArray {
        PackedArray(buffer: buffer, type: type, dimensions: dimensions, byteOffset: byteOffset)
    }

    /// True when this view can be written in place without affecting anybody else.
    public mutating func isUniquelyOwned() -> Bool {
        isKnownUniquelyReferenced(&buffer) && buffer.isWritable && !buffer.isMappedElsewhere
            && byteOffset == 0 && buffer.byteCount == byteCount
    }

    /// Ensures the elements can be written in place, copying them first if they are shared.
    public mutating func makeUniqueForWriting() throws(PackedStorageError) {
        if isUniquelyOwned() { return }
        buffer = try buffer.copy(offset: byteOffset, count: byteCount)
        byteOffset = 0
    }

    /// True when both views show the same bytes of the same buffer.
    public func isSameStorage(as other: PackedArray) -> Bool {
        buffer === other.buffer && byteOffset == other.byteOffset && dimensions == other.dimensions && type == other.type
    }

    /// Element-wise equality of type, shape and bits (NaNs compare by bits).
    public func contentEquals(_ other: PackedArray) -> Bool {
        guard type == other.type, dimensions == other.dimensions else { return false }
        if isSameStorage(as: other) { return true }
        return memcmp(baseAddress, other.baseAddress, byteCount) == 0
    }
}
