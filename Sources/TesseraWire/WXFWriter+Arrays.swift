// Writing packed arrays (`Á`) and numeric arrays (`Â`).
//
// Both share one layout: element type, varint rank, the dimensions, then the elements row-major,
// little-endian. Real64, ComplexReal64 and Integer64 data goes out as one block copy of the array's
// memory (Tessera's storage has exactly WXF's layout); narrower integer types need one pass to find the
// range and one to narrow, which is what Wolfram's `BinarySerialize` does as well.
//
// WXF allows no empty array (every dimension > 0) and no rank 0, so such a packed array is written as
// the nested `List` functions it stands for.

import BigInt
import TesseraExpr
import TesseraStorage

extension WXFWriter {
    // MARK: Packed arrays

    /// `Á` with the narrowest integer type that holds the data, Real64, or ComplexReal64.
    public mutating func writePackedArray(_ array: PackedArray) {
        guard array.rank >= 1, !array.dimensions.contains(0) else {
            writeAsLists(array)
            return
        }
        switch array.type {
        case .integer:
            let values = UnsafeBufferPointer(array.integers)
            var minimum = Int.max
            var maximum = Int.min
            for value in values {
                minimum = Swift.min(minimum, value)
                maximum = Swift.max(maximum, value)
            }
            let type = WXFElementType.smallestSigned(minimum: minimum, maximum: maximum)
            writeArrayHeader(.packedArray, type, array.dimensions)
            appendIntegers(values, as: type)
        case .real:
            writeArrayHeader(.packedArray, .real64, array.dimensions)
            appendRaw(array)
        case .complex:
            writeArrayHeader(.packedArray, .complexReal64, array.dimensions)
            appendRaw(array)
        }
    }

    /// A packed array without a WXF array form (rank 0 or a zero dimension), as nested lists.
    private mutating func writeAsLists(_ array: PackedArray) {
        if array.rank == 0 {
            write(array.elementExpr(flatIndex: 0))
            return
        }
        writeEmptyLists(array.dimensions[...])
    }

    /// Nested `List`s of shape `dimensions`, one of which is zero (so there are no elements to write).
    private mutating func writeEmptyLists(_ dimensions: ArraySlice<Int>) {
        let count = dimensions.first ?? 0
        writeFunction(argumentCount: count)
        writeSymbol(name: "List")
        for _ in 0..<count { writeEmptyLists(dimensions.dropFirst()) }
    }

    // MARK: Numeric arrays

    /// `Â` for `NumericArray[data, "Type"]`, when `data` is a rectangular array of numbers that the type
    /// holds. Returns false, having written nothing, otherwise (the caller then writes the expression
    /// as an ordinary function).
    mutating func writeNumericArray(_ arguments: [Expr]) -> Bool {
        guard arguments.count == 2, case .string(let name) = arguments[1],
              let type = WXFElementType(name: name) else { return false }
        switch arguments[0] {
        case .packed(let array): return writeNumericArray(array, as: type)
        case .normal: return writeNumericArray(elementsOf: arguments[0], as: type)
        default: return false
        }
    }

    /// `Â` with elements converted to `type`. Returns false, having written nothing, when the array is
    /// empty or a value does not fit the type (an integer out of range, a real in an integer type, a
    /// finite real too large for Real32).
    public mutating func writeNumericArray(_ array: PackedArray, as type: WXFElementType) -> Bool {
        guard array.rank >= 1, !array.dimensions.contains(0) else { return false }
        let start = bytes.count
        writeArrayHeader(.numericArray, type, array.dimensions)
        let written: Bool
        switch (array.type, type) {
        case (.integer, _) where type.isInteger:
            let values = UnsafeBufferPointer(array.integers)
            let range = type.integerRange
            written = values.allSatisfy { range.contains($0) }
            if written { appendIntegers(values, as: type) }
        case (.real, .real64), (.complex, .complexReal64):
            appendRaw(array)
            written = true
        case (.integer, .real32), (.integer, .real64), (.integer, .complexReal32), (.integer, .complexReal64):
            written = appendConverted(array.integers.map { Double($0) }, complexPairs: false, as: type)
        case (.real, .real32), (.real, .complexReal32), (.real, .complexReal64):
            written = appendConverted(Array(array.reals), complexPairs: false, as: type)
        case (.complex, .complexReal32):
            let pairs = UnsafeBufferPointer(start: array.baseAddress.assumingMemoryBound(to: Double.self),
                                            count: 2 * array.count)
            written = appendConverted(Array(pairs), complexPairs: true, as: type)
        default:
            written = false
        }
        if !written { bytes.removeSubrange(start...) }
        return written
    }

    /// `Â` for a rectangular nested `List` of numbers (the form a numeric array takes when its values do
    /// not fit a packed array, as `UnsignedInteger64` values beyond `Int.max`).
    private mutating func writeNumericArray(elementsOf list: Expr, as type: WXFElementType) -> Bool {
        guard let (dimensions, leaves) = Self.rectangularLeaves(list) else { return false }
        let start = bytes.count
        writeArrayHeader(.numericArray, type, dimensions)
        for leaf in leaves where !appendElement(leaf, as: type) {
            bytes.removeSubrange(start...)
            return false
        }
        return true
    }

    /// Dimensions and row-major leaves of a nested list of equal-length `List`s (packed parts count as
    /// lists), or nil when it is ragged or has an empty level.
    private static func rectangularLeaves(_ list: Expr) -> ([Int], [Expr])? {
        var dimensions: [Int] = []
        var probe = list
        while true {
            if case .packed(let array) = probe {
                dimensions += array.dimensions
                break
            }
            guard case .normal(let normal) = probe, normal.head.asSymbol?.fullName == "System`List" else { break }
            guard let first = normal.arguments.first else { return nil }
            dimensions.append(normal.arguments.count)
            probe = first
        }
        guard !dimensions.isEmpty, !dimensions.contains(0) else { return nil }
        var level = [list]
        for dimension in dimensions {
            var next: [Expr] = []
            next.reserveCapacity(level.count * dimension)
            for part in level {
                let isList: Bool
                switch part {
                case .packed: isList = true
                case .normal(let normal): isList = normal.head.asSymbol?.fullName == "System`List"
                default: isList = false
                }
                guard isList, part.length == dimension else { return nil }
                next += part.arguments
            }
            level = next
        }
        return (dimensions, level)
    }

    /// One element of a numeric array converted to `type`; false when it does not fit.
    private mutating func appendElement(_ element: Expr, as type: WXFElementType) -> Bool {
        if type.isInteger {
            let value: BigInt
            switch element {
            case .integer(let small): value = BigInt(small)
            case .bigInteger(let big): value = big
            default: return false
            }
            switch type {
            case .integer8: guard let v = Int8(exactly: value) else { return false }; appendLittleEndian(v)
            case .integer16: guard let v = Int16(exactly: value) else { return false }; appendLittleEndian(v)
            case .integer32: guard let v = Int32(exactly: value) else { return false }; appendLittleEndian(v)
            case .integer64: guard let v = Int64(exactly: value) else { return false }; appendLittleEndian(v)
            case .unsignedInteger8: guard let v = UInt8(exactly: value) else { return false }; appendLittleEndian(v)
            case .unsignedInteger16: guard let v = UInt16(exactly: value) else { return false }; appendLittleEndian(v)
            case .unsignedInteger32: guard let v = UInt32(exactly: value) else { return false }; appendLittleEndian(v)
            default: guard let v = UInt64(exactly: value) else { return false }; appendLittleEndian(v)
            }
            return true
        }
        var re: Double
        var im = 0.0
        if case .complex(let real, let imaginary) = element {
            guard type.isComplex, let r = Self.machineReal(real), let i = Self.machineReal(imaginary) else { return false }
            re = r
            im = i
        } else {
            guard let r = Self.machineReal(element) else { return false }
            re = r
        }
        let values = type.isComplex ? [re, im] : [re]
        return appendConverted(values, complexPairs: type.isComplex, as: type)
    }

    /// The machine real value of a real number atom.
    private static func machineReal(_ number: Expr) -> Double? {
        switch number {
        case .integer(let value): return Double(value)
        case .bigInteger(let value): return Double(value)
        case .rational(let numerator, let denominator): return Double(numerator) / Double(denominator)
        case .real(let value): return value
        default: return nil
        }
    }

    // MARK: Element bytes

    /// The array token, the element type, the rank and the dimensions.
    private mutating func writeArrayHeader(_ token: WXFToken, _ type: WXFElementType, _ dimensions: [Int]) {
        write(token: token)
        bytes.append(type.rawValue)
        Varint.append(dimensions.count, to: &bytes)
        for dimension in dimensions { Varint.append(dimension, to: &bytes) }
    }

    /// The array's memory, as is, in one copy.
    private mutating func appendRaw(_ array: PackedArray) {
        appendRun(UnsafeRawBufferPointer(start: array.baseAddress, count: array.byteCount))
    }

    /// Appends a run of array data, or hands it straight to `largeRunSink` when there is one and the run
    /// is large (after the bytes before it), so that a file gets the array's own memory with no copy.
    private mutating func appendRun(_ run: UnsafeRawBufferPointer) {
        guard let sink = largeRunSink, run.count >= WXFWriter.largeRunBytes else {
            bytes.append(contentsOf: run)
            return
        }
        flush(to: sink)
        if !sink(run) { sinkFailed = true }
    }

    /// Integers narrowed to `type` (whose range the caller has checked).
    private mutating func appendIntegers(_ values: UnsafeBufferPointer<Int>, as type: WXFElementType) {
        let width = type.byteWidth
        if width == 8 {
            appendRun(UnsafeRawBufferPointer(values))
            return
        }
        let start = bytes.count
        bytes += [UInt8](repeating: 0, count: values.count * width)  // zeroed, then filled below
        bytes.withUnsafeMutableBytes { raw in
            let target = raw.baseAddress! + start
            switch width {
            case 1:
                for (index, value) in values.enumerated() {
                    target.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
                }
            case 2:
                for (index, value) in values.enumerated() {
                    target.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: 2 * index, as: UInt16.self)
                }
            default:
                for (index, value) in values.enumerated() {
                    target.storeBytes(of: UInt32(truncatingIfNeeded: value), toByteOffset: 4 * index, as: UInt32.self)
                }
            }
        }
    }

    /// Reals (or re, im pairs when `complexPairs`) converted to a real or complex `type`. A complex type
    /// gets a zero imaginary part for each real. False when a finite value overflows Real32.
    private mutating func appendConverted(_ values: [Double], complexPairs: Bool, as type: WXFElementType) -> Bool {
        let padImaginary = type.isComplex && !complexPairs
        if type == .real32 || type == .complexReal32 {
            for value in values {
                let narrow = Float(value)
                if narrow.isInfinite && value.isFinite { return false }
                appendLittleEndian(narrow.bitPattern)
                if padImaginary { appendLittleEndian(Float(0).bitPattern) }
            }
        } else {
            for value in values {
                appendLittleEndian(value.bitPattern)
                if padImaginary { appendLittleEndian(Double(0).bitPattern) }
            }
        }
        return true
    }
}
