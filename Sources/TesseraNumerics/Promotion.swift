// Type promotion between the three packed element types.
//
// The Wolfram Language combines machine numbers by the usual contagion: an operation between an
// integer and a real is real, anything involving a complex number is complex. Packed types are
// ordered integer < real < complex, so the result type of a binary kernel is the larger of the two.
// Kernels read their operands through `withReals` / `withComplexes`, which hand out the elements in
// the wanted type without a copy when the array already has it, and through a temporary otherwise.

import TesseraStorage

/// Conversions between packed element types.
public enum Promotion {
    /// The type of a result combining elements of types `a` and `b`.
    public static func commonType(_ a: PackedType, _ b: PackedType) -> PackedType { max(a, b) }

    /// The same elements in a wider type (a widening to the same type returns `array` itself, no copy).
    /// Narrowing (real to integer, complex to real) is not a conversion but a rounding or a projection:
    /// use `Elementwise.unary` (`.round`, `.re`) for those.
    public static func converted(_ array: PackedArray, to type: PackedType) throws(NumericsError) -> PackedArray {
        if array.type == type { return array }
        guard array.type < type else { throw .unsupportedType(array.type) }
        let result = try allocate(type, array.dimensions)
        let count = array.count
        switch (array.type, type) {
        case (.integer, .real):
            let source = array.integers.baseAddress!, target = result.reals.baseAddress!
            for i in 0..<count { target[i] = Double(source[i]) }
        case (.integer, .complex):
            let source = array.integers.baseAddress!, target = result.complexes.baseAddress!
            for i in 0..<count { target[i] = ComplexDouble(Double(source[i]), 0) }
        case (.real, .complex):
            let source = array.reals.baseAddress!, target = result.complexes.baseAddress!
            for i in 0..<count { target[i] = ComplexDouble(source[i], 0) }
        default:
            break
        }
        return result
    }

    /// A packed array holding one scalar repeated to the given shape.
    public static func filled(_ scalar: PackedScalar, dimensions: [Int]) throws(NumericsError) -> PackedArray {
        let result = try allocate(scalar.type, dimensions)
        switch scalar {
        case .integer(let value): result.integers.update(repeating: value)
        case .real(let value): result.reals.update(repeating: value)
        case .complex(let value): result.complexes.update(repeating: value)
        }
        return result
    }
}

// MARK: Reading operands in a wanted type

/// Calls `body` with the elements of `array` as reals (converted into a temporary when they are
/// integers). Complex arrays are a caller error and yield `unsupportedType`.
func withReals<R, E: Error>(_ array: PackedArray,
                            _ body: (UnsafeBufferPointer<Double>) throws(E) -> R) throws(E) -> R {
    switch array.type {
    case .real:
        return try body(UnsafeBufferPointer(array.reals))
    case .integer:
        let source = array.integers
        let temporary = [Double](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            for i in 0..<source.count { buffer[i] = Double(source[i]) }
            initialized = source.count
        }
        return try temporary.withUnsafeBufferPointer { (pointer) throws(E) -> R in try body(pointer) }
    case .complex:
        preconditionFailure("withReals called on a complex array")
    }
}

/// Calls `body` with the elements of `array` as complex numbers (converted into a temporary when
/// they are integers or reals).
func withComplexes<R, E: Error>(_ array: PackedArray,
                                _ body: (UnsafeBufferPointer<ComplexDouble>) throws(E) -> R) throws(E) -> R {
    switch array.type {
    case .complex:
        return try body(UnsafeBufferPointer(array.complexes))
    case .real:
        let source = array.reals
        let temporary = [ComplexDouble](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            for i in 0..<source.count { buffer[i] = ComplexDouble(source[i], 0) }
            initialized = source.count
        }
        return try temporary.withUnsafeBufferPointer { (pointer) throws(E) -> R in try body(pointer) }
    case .integer:
        let source = array.integers
        let temporary = [ComplexDouble](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            for i in 0..<source.count { buffer[i] = ComplexDouble(Double(source[i]), 0) }
            initialized = source.count
        }
        return try temporary.withUnsafeBufferPointer { (pointer) throws(E) -> R in try body(pointer) }
    }
}

/// A fresh, writable copy of `array` in type `type` (always a copy, never the input buffer).
func mutableCopy(_ array: PackedArray, as type: PackedType) throws(NumericsError) -> PackedArray {
    if array.type == type {
        let result = try allocate(type, array.dimensions)
        if array.byteCount > 0 { result.baseAddress.copyMemory(from: array.baseAddress, byteCount: array.byteCount) }
        return result
    }
    return try Promotion.converted(array, to: type)
}
