// NumericArray, NumericArrayQ, NumericArrayType, RawArray.
//
// Mathematica's NumericArray is an atom holding a typed buffer. Tessera has no such atom yet, so a
// numeric array is the normal expression `NumericArray[data, "Type"]` with `data` a packed array of
// the widened storage type (Int for every integer type, Double for Real32 and Real64, pairs of
// Doubles for the complex types), the form TesseraWire reads the `Â` token into. Only
// UnsignedInteger64 values of 2^63 and more, which no packed array holds, stay a nested list.
//
// `NumericArray[data, "Type"]` evaluates to that form when every value fits the type (integers in
// range; reals only into real or complex types unless they are whole; Real32 values rounded to single
// precision) and then evaluates to itself, so the check costs one pass over the data per new array.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraStorage
import TesseraWire

enum NumericArrayBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("NumericArray", messages: [
            "nconvss": "The argument `1` cannot be converted to a NumericArray of type `2` using method `3`.",
            "type": "`1` is not a valid NumericArray type.",
            "array": "`1` is not a non-empty rectangular array of numbers.",
        ], numericArray),
        BuiltinSpec("NumericArrayQ", numericArrayQ),
        BuiltinSpec("NumericArrayType", numericArrayType),
        BuiltinSpec("RawArray", rawArray),
    ]

    static func numericArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var requested: WXFElementType? = nil
        if c.count == 2 {
            guard case .string(let name) = c[1], let type = WXFElementType(name: name) else {
                return k.fail(c, "type", c[1])
            }
            requested = type
        }
        var source = c[0]
        if let existing = NumericArrayForm(k, source) {
            if requested == nil { return c[0] }
            source = existing.data
        }
        if case .packed(let array) = source {
            let type = requested ?? automaticType(array)
            guard let converted = try convert(k, array, to: type) else {
                return k.fail(c, "nconvss", c[0], .string(type.name), .string("Check"))
            }
            // The data was already in the stored form: this is a finished numeric array.
            if requested != nil, converted.isSameStorage(as: array), case .packed = c[0] { return nil }
            return Expr(k.sys.NumericArray, .packed(converted), .string(type.name))
        }
        guard source.isList(k.sys), source.length > 0 else { return k.fail(c, "array", c[0]) }
        if let array = k.packed(from: source.arguments) ?? machineNumbers(k, source).flatMap({ k.packed(from: $0.arguments) }) {
            let type = requested ?? automaticType(array)
            guard let converted = try convert(k, array, to: type) else {
                return k.fail(c, "nconvss", c[0], .string(type.name), .string("Check"))
            }
            return Expr(k.sys.NumericArray, .packed(converted), .string(type.name))
        }
        // Only UnsignedInteger64 values beyond Int.max keep the nested-list form.
        if requested == nil || requested == .unsignedInteger64, isUnsigned64Array(k, source) {
            if requested != nil, case .normal = c[0] { return nil }
            return Expr(k.sys.NumericArray, source, .string(WXFElementType.unsignedInteger64.name))
        }
        if let requested, isRectangularNumbers(k, source) {
            return k.fail(c, "nconvss", c[0], .string(requested.name), .string("Check"))
        }
        return k.fail(c, "array", c[0])
    }

    static func numericArrayQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        guard let form = NumericArrayForm(k, c[0]) else { return k.bool(false) }
        if c.count == 2 {
            guard case .string(let name) = c[1] else { return k.bool(false) }
            return k.bool(form.type.name == name)
        }
        return k.bool(true)
    }

    static func numericArrayType(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), let form = NumericArrayForm(k, c[0]) else { return nil }
        return .string(form.type.name)
    }

    /// `RawArray["Type", data]`, the older name, is `NumericArray[data, "Type"]`.
    static func rawArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2), case .string = c[0] else { return nil }
        return Expr(k.sys.NumericArray, c[1], c[0])
    }

    // MARK: Types and conversion

    /// The narrowest type that holds the data, as `NumericArray[data]` picks it: unsigned integers when
    /// nothing is negative, Real64 for reals, ComplexReal64 for complex numbers.
    static func automaticType(_ array: PackedArray) -> WXFElementType {
        switch array.type {
        case .real: return .real64
        case .complex: return .complexReal64
        case .integer:
            let values = UnsafeBufferPointer(array.integers)
            let low = values.min() ?? 0
            let high = values.max() ?? 0
            let candidates: [WXFElementType] = low >= 0
                ? [.unsignedInteger8, .unsignedInteger16, .unsignedInteger32, .unsignedInteger64]
                : [.integer8, .integer16, .integer32, .integer64]
            return candidates.first { $0.integerRange.contains(low) && $0.integerRange.contains(high) } ?? .integer64
        }
    }

    /// `array` in the storage form of `type` (the same array when nothing changes), or nil when a value
    /// does not fit.
    /// nil when a value does not fit `type`; a storage failure aborts with General::nomem.
    static func convert(_ k: Kernel, _ array: PackedArray, to type: WXFElementType) throws(Interrupt) -> PackedArray? {
        switch (array.type, type.packedType) {
        case (.integer, .integer):
            let bounds = type.integerRange
            return array.integers.allSatisfy({ bounds.contains($0) }) ? array : nil
        case (.real, .integer):
            let bounds = type.integerRange
            var values: [Int] = []
            values.reserveCapacity(array.count)
            for d in array.reals {
                guard d.rounded() == d, let v = Int(exactly: d), bounds.contains(v) else { return nil }
                values.append(v)
            }
            return try k.allocating { () throws(PackedStorageError) in try PackedArray(integers: values, dimensions: array.dimensions) }
        case (.integer, .real):
            return try single(k, array.integers.map { Double($0) }, type, array.dimensions)
        case (.real, .real):
            guard type == .real32 else { return array }
            return try single(k, Array(array.reals), type, array.dimensions, original: array)
        case (.integer, .complex), (.real, .complex):
            let reals = array.type == .integer ? array.integers.map { Double($0) } : Array(array.reals)
            guard let rounded = try single(k, reals, type, array.dimensions) else { return nil }
            return try k.allocating { () throws(PackedStorageError) in
                try PackedArray(complexes: rounded.reals.map { ComplexDouble($0, 0) }, dimensions: array.dimensions)
            }
        case (.complex, .complex):
            guard type == .complexReal32 else { return array }
            let pairs = UnsafeBufferPointer(start: array.baseAddress.assumingMemoryBound(to: Double.self), count: 2 * array.count)
            guard let rounded = try single(k, Array(pairs), type, [2 * array.count]) else { return nil }
            if zip(rounded.reals, pairs).allSatisfy({ $0.bitPattern == $1.bitPattern }) { return array }
            var result: [ComplexDouble] = []
            result.reserveCapacity(array.count)
            for i in 0..<array.count { result.append(ComplexDouble(rounded.reals[2 * i], rounded.reals[2 * i + 1])) }
            return try k.allocating { () throws(PackedStorageError) in try PackedArray(complexes: result, dimensions: array.dimensions) }
        case (.complex, _):
            return nil
        }
    }

    /// Reals as a packed array, rounded to single precision for the 32-bit types (nil when a finite
    /// value overflows it). Returns `original` when rounding changes nothing.
    private static func single(_ k: Kernel, _ values: [Double], _ type: WXFElementType, _ dimensions: [Int],
                               original: PackedArray? = nil) throws(Interrupt) -> PackedArray? {
        var values = values
        if type == .real32 || type == .complexReal32 {
            var changed = false
            for i in values.indices {
                let rounded = Double(Float(values[i]))
                if values[i].isFinite && !rounded.isFinite { return nil }
                if rounded.bitPattern != values[i].bitPattern && !values[i].isNaN { values[i] = rounded; changed = true }
            }
            if !changed, let original { return original }
        } else if let original {
            return original
        }
        return try k.allocating { () throws(PackedStorageError) in try PackedArray(reals: values, dimensions: dimensions) }
    }

    /// The list with its exact non-integer numbers (rationals, exact complex numbers) made machine
    /// numbers, so that it packs; nil when a leaf is not a number or an integer beyond Int (those only
    /// fit UnsignedInteger64, which keeps them exact).
    private static func machineNumbers(_ k: Kernel, _ e: Expr) -> Expr? {
        switch e {
        case .integer, .real: return e
        case .rational:
            return NumberOrder.approximate(e).map { .real($0) }
        case .complex(let re, let im):
            guard let r = NumberOrder.approximate(re), let i = NumberOrder.approximate(im) else { return nil }
            return .complex(.real(r), .real(i))
        case .packed:
            return e
        case .normal where e.isList(k.sys):
            var parts: [Expr] = []
            parts.reserveCapacity(e.length)
            for part in e.arguments {
                guard let converted = machineNumbers(k, part) else { return nil }
                parts.append(converted)
            }
            return Expr(k.sys.List, parts)
        default:
            return nil
        }
    }

    /// A rectangular nested list of integers in 0 ..< 2^64.
    private static func isUnsigned64Array(_ k: Kernel, _ e: Expr) -> Bool {
        let limit = BigInt(1) << 64
        return rectangularLeaves(k, e) { leaf in
            switch leaf {
            case .integer(let v): return v >= 0
            case .bigInteger(let b): return b.sign == .plus && b < limit
            default: return false
            }
        }
    }

    private static func isRectangularNumbers(_ k: Kernel, _ e: Expr) -> Bool {
        rectangularLeaves(k, e) { $0.isNumber }
    }

    /// True when `e` is a non-empty rectangular nested list whose leaves all pass `test`.
    private static func rectangularLeaves(_ k: Kernel, _ e: Expr, _ test: (Expr) -> Bool) -> Bool {
        var shape: [Int]? = nil
        func walk(_ x: Expr, _ level: Int, _ path: inout [Int]) -> Bool {
            if x.isList(k.sys) {
                let n = x.length
                if n == 0 { return false }
                path.append(n)
                defer { path.removeLast() }
                for part in x.arguments where !walk(part, level + 1, &path) { return false }
                return true
            }
            if let shape { return shape == path && test(x) }
            shape = path
            return !path.isEmpty && test(x)
        }
        var path: [Int] = []
        return walk(e, 0, &path)
    }
}

/// A finished numeric array: `NumericArray[data, "Type"]` with packed data (or the nested list of an
/// UnsignedInteger64 array beyond Int.max). The values are not checked again here.
struct NumericArrayForm {
    let data: Expr
    let type: WXFElementType

    init?(_ k: Kernel, _ e: Expr) {
        guard case .normal(let n) = e, n.head.isSymbol(k.sys.NumericArray), n.arguments.count == 2,
              case .string(let name) = n.arguments[1], let type = WXFElementType(name: name) else { return nil }
        switch n.arguments[0] {
        case .packed(let p) where p.type == type.packedType: break
        case .normal where type == .unsignedInteger64 && n.arguments[0].isList(k.sys): break
        default: return nil
        }
        self.data = n.arguments[0]
        self.type = type
    }
}
