// The canonical text of an expression that interop/check.py prints for what wolframclient reads, so
// that the two sides compare as strings. The notation: i:int, r:<IEEE bits in hex>, S:<UTF-8 hex>,
// B:<hex>, s:name, f:head[args], L[list], A:{k->v}, P:/N:dtype:shape:values for packed / numeric arrays.

import BigInt
import TesseraExpr
import TesseraStorage
@testable import TesseraWire

struct Canonical {
    let system: SystemSymbols
    /// For what wolframclient wrote: names without `Global``, packed element types only as int, float
    /// or complex (Tessera's packed arrays keep no narrower type).
    let loose: Bool

    func text(_ expression: Expr) -> String {
        switch expression {
        case .integer(let value): return "i:\(value)"
        case .bigInteger(let value): return "i:\(value)"
        case .real(let value): return "r:" + bits(value)
        case .string(let value): return "S:" + hex(Array(value.utf8))
        case .byteArray(let value): return "B:" + hex(value)
        case .symbol(let symbol): return symbolText(symbol)
        case .rational(let numerator, let denominator): return "f:s:Rational[i:\(numerator),i:\(denominator)]"
        case .complex(let re, let im): return "f:s:Complex[\(text(re)),\(text(im))]"
        case .packed(let array): return arrayText("P", packedTypeName(array), array)
        case .normal(let normal):
            let arguments = normal.arguments
            if normal.head.isSymbol(system.List) {
                return "L[" + arguments.map(text).joined(separator: ",") + "]"
            }
            if normal.head.isSymbol(system.Association) {
                return "A:{" + arguments.map { rule in
                    text(rule.arguments[0]) + "->" + text(rule.arguments[1])
                }.joined(separator: ",") + "}"
            }
            if normal.head.isSymbol(system.NumericArray), arguments.count == 2,
               case .string(let name) = arguments[1], let type = WXFElementType(name: name) {
                switch arguments[0] {
                case .packed(let array): return arrayText("N", numpyName(type), array)
                default: return listText("N", numpyName(type), arguments[0])
                }
            }
            return "f:" + text(normal.head) + "[" + arguments.map(text).joined(separator: ",") + "]"
        }
    }

    private func symbolText(_ symbol: Symbol) -> String {
        if symbol === system.True { return "s:True" }
        if symbol === system.False { return "s:False" }
        if symbol === system.Null || symbol === system.None { return "s:Null" }
        if symbol === system.Indeterminate { return "r:7ff8000000000000" }
        var name = symbol.context == "System`" ? symbol.name : symbol.fullName
        if loose && name.hasPrefix("Global`") { name.removeFirst("Global`".count) }
        return "s:" + name
    }

    private func bits(_ value: Double) -> String {
        let digits = String(value.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The element type Tessera writes for a packed array, as numpy names it.
    private func packedTypeName(_ array: PackedArray) -> String {
        switch array.type {
        case .integer:
            if loose { return "int" }
            let values = UnsafeBufferPointer(array.integers)
            return numpyName(.smallestSigned(minimum: values.min() ?? 0, maximum: values.max() ?? 0))
        case .real: return loose ? "float" : "float64"
        case .complex: return loose ? "complex" : "complex128"
        }
    }

    private func numpyName(_ type: WXFElementType) -> String {
        switch type {
        case .integer8: return "int8"
        case .integer16: return "int16"
        case .integer32: return "int32"
        case .integer64: return "int64"
        case .unsignedInteger8: return "uint8"
        case .unsignedInteger16: return "uint16"
        case .unsignedInteger32: return "uint32"
        case .unsignedInteger64: return "uint64"
        case .real32: return "float32"
        case .real64: return "float64"
        case .complexReal32: return "complex64"
        case .complexReal64: return "complex128"
        }
    }

    private func arrayText(_ kind: String, _ type: String, _ array: PackedArray) -> String {
        let values: [String]
        switch array.type {
        case .integer: values = array.integers.map { String($0) }
        case .real: values = array.reals.map(bits)
        case .complex: values = array.complexes.map { bits($0.re) + "," + bits($0.im) }
        }
        let shape = array.dimensions.map(String.init).joined(separator: "x")
        return "\(kind):\(type):\(shape):" + values.joined(separator: ";")
    }

    /// A numeric array whose data is a nested list of integers (UnsignedInteger64 beyond Int.max).
    private func listText(_ kind: String, _ type: String, _ list: Expr) -> String {
        var shape: [Int] = []
        var probe = list
        while case .normal(let normal) = probe, let first = normal.arguments.first {
            shape.append(normal.arguments.count)
            probe = first
        }
        var leaves = [list]
        for _ in shape { leaves = leaves.flatMap(\.arguments) }
        let values = leaves.map { leaf -> String in
            switch leaf {
            case .integer(let value): return String(value)
            case .bigInteger(let value): return String(value)
            default: return "?"
            }
        }
        return "\(kind):\(type):" + shape.map(String.init).joined(separator: "x") + ":" + values.joined(separator: ";")
    }
}
