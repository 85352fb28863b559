// Byte arrays and numeric arrays seen as lists: Length, Part, First, Last, Normal, Dimensions and
// ArrayDepth.
//
// In Mathematica both are atoms that these builtins still look into (`Length[ByteArray[{1, 2}]]` is 2,
// `NumericArray[...][[1]]` a smaller numeric array). Rather than teach every list builtin about them,
// those rows declare an adapter (`.adapted(ArrayAtomViews.listView)`): a call whose first argument is a
// byte array or a numeric array runs the row's implementation on the data as a packed list, and with
// `rewrappedListView` a list result is turned back into the same kind of array. Every other call goes
// straight to the implementation.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum ArrayAtomViews {
    /// Length, Normal, Dimensions, ArrayDepth: the result is about the data.
    static let listView = BuiltinAdapter { name, original in view(name, original, rewrap: false) }
    /// Part, First, Last: a list result is an array of the same kind again.
    static let rewrappedListView = BuiltinAdapter { name, original in view(name, original, rewrap: true) }

    private static func view(_ name: String, _ original: @escaping BuiltinImplementation, rewrap: Bool) -> BuiltinImplementation {
        { (k: Kernel, c: Call) throws(Interrupt) -> Expr? in
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
            // A byte array that cannot be packed (no memory for the copy) is the same list unpacked:
            // a documented fallback, not a lost failure.
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
