// Byte arrays and numeric arrays seen as lists: Length, Part, First, Last, Normal, Dimensions and
// ArrayDepth.
//
// In Mathematica both are atoms that these builtins still look into (`Length[ByteArray[{1, 2}]]` is 2,
// `NumericArray[...][[1]]` a smaller numeric array). Rather than teach every list builtin about them,
// this table wraps the list builtins' own rows: a call whose first argument is a byte array or a numeric
// array runs the original implementation on the data as a packed list, and a list result is turned back
// into the same kind of array. Every other call goes straight to the original. The table must therefore
// be installed after the families it wraps (BuiltinFamilies lists it last).

import TesseraCore
import TesseraExpr
import TesseraStorage

enum ArrayAtomViews {
    static let table: [BuiltinSpec] = [
        view(StructureBuiltins.table, "Normal", rewrap: false),
        view(SequenceBuiltins.table, "Length", rewrap: false),
        view(SequenceBuiltins.table, "First", rewrap: true),
        view(SequenceBuiltins.table, "Last", rewrap: true),
        view(PartBuiltins.table, "Part", rewrap: true),
        view(StructureBuiltins.table, "Dimensions", rewrap: false),
        view(StructureBuiltins.table, "ArrayDepth", rewrap: false),
    ].compactMap { $0 }

    /// The row `name` of `table` with its implementation wrapped (nil when the table has no such row).
    private static func view(_ table: [BuiltinSpec], _ name: String, rewrap: Bool) -> BuiltinSpec? {
        guard let spec = table.first(where: { $0.name == name }), let original = spec.implementation else { return nil }
        let wrapped: BuiltinImplementation = { (k: Kernel, c: Call) throws(Interrupt) -> Expr? in
            guard let first = c.arguments.first, let array = ArrayAtom(k, first) else { return try original(k, c) }
            switch (name, array) {
            case ("Length", .bytes(let bytes)) where c.count == 1:
                return .integer(bytes.count)
            case ("Normal", _) where c.count == 1:
                return array.data(k)
            default:
                break
            }
            var arguments = c.arguments
            arguments[0] = array.data(k)
            let call = Call(expr: Expr(c.head, arguments), head: c.head, arguments: arguments)
            guard let result = try original(k, call) else { return nil }
            return rewrap ? array.rewrap(k, result) : result
        }
        return spec.replacingImplementation(wrapped)
    }
}

/// A byte array or a finished numeric array, and the list it stands for.
enum ArrayAtom {
    case bytes([UInt8])
    case numeric(NumericArrayForm)

    init?(_ k: Kernel, _ e: Expr) {
        if case .byteArray(let bytes) = e {
            self = .bytes(bytes)
        } else if let form = NumericArrayForm(k, e) {
            self = .numeric(form)
        } else {
            return nil
        }
    }

    /// The values as a list: packed integers for bytes, the stored data of a numeric array.
    func data(_ k: Kernel) -> Expr {
        switch self {
        case .bytes(let bytes):
            guard !bytes.isEmpty, let array = try? PackedArray(integers: bytes.map { Int($0) }) else {
                return Expr(k.sys.List, bytes.map { .integer(Int($0)) })
            }
            return .packed(array)
        case .numeric(let form):
            return form.data
        }
    }

    /// A part taken from the data, as the kind of array it came from when it is still a list.
    func rewrap(_ k: Kernel, _ result: Expr) -> Expr {
        switch self {
        case .bytes:
            guard result.isList(k.sys) else { return result }
            var bytes: [UInt8] = []
            switch result {
            case .packed(let p) where p.type == .integer && p.rank == 1:
                bytes = p.integers.compactMap { UInt8(exactly: $0) }
                guard bytes.count == p.count else { return result }
            default:
                for e in result.arguments {
                    guard case .integer(let v) = e, let b = UInt8(exactly: v) else { return result }
                    bytes.append(b)
                }
            }
            return .byteArray(bytes)
        case .numeric(let form):
            switch result {
            case .packed: return Expr(k.sys.NumericArray, result, .string(form.type.name))
            case .normal where result.isList(k.sys) && result.length > 0:
                return Expr(k.sys.NumericArray, result, .string(form.type.name))
            default: return result
            }
        }
    }
}
