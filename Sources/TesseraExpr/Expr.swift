// Expressions.
//
// An `Expr` is an immutable value. Atoms are stored inline; a normal expression `h[a1, ..., an]` is a
// reference to an immutable `Normal`, so copying an expression never copies its tree. Packed arrays are
// atoms here (as in Mathematica's internals): a list of machine numbers is one typed buffer, and
// `Expr.normalized` gives its unpacked list form only where a caller really walks elements.
//
// Invariants: `.bigInteger` holds only values outside `Int`'s range; `.rational` is in lowest terms
// with a denominator > 1; `.complex` has a non-zero imaginary part unless it is inexact.

import BigInt
import TesseraStorage

public enum Expr {
    case integer(Int)
    indirect case bigInteger(BigInt)
    indirect case rational(BigInt, BigInt)
    case real(Double)
    indirect case complex(Expr, Expr)
    indirect case string(String)
    case symbol(Symbol)
    case normal(Normal)
    indirect case packed(PackedArray)
    /// `ByteArray[...]`: an atom, as in Mathematica.
    indirect case byteArray([UInt8])
}

/// The body of a normal expression. Flags cache facts the evaluator would otherwise recompute.
public final class Normal {
    public let head: Expr
    public let arguments: [Expr]
    /// Set when evaluation of this very object is known to return it unchanged (for the kernel whose
    /// `evaluationEpoch` equals this stamp).
    public var evaluatedStamp: UInt64 = 0
    /// Lazily computed: 0 unknown, 1 contains no pattern objects, 2 contains some.
    public var patternFlag: UInt8 = 0
    /// Set by the kernel on a `Function[...]` whose body cannot be compiled (TesseraCore's
    /// PureFunctionCompiler.swift): a fact of the tree alone, so that loops applying such a function
    /// skip the compiler's cache at the cost of one load. (It shares the padding after `patternFlag`.)
    public var isNotCompilable = false

    public init(_ head: Expr, _ arguments: [Expr]) {
        self.head = head
        self.arguments = arguments
    }
}

extension Expr {
    // MARK: Construction

    public init(_ head: Symbol, _ arguments: [Expr]) {
        self = .normal(Normal(.symbol(head), arguments))
    }

    public init(_ head: Symbol, _ arguments: Expr...) {
        self = .normal(Normal(.symbol(head), arguments))
    }

    public init(head: Expr, _ arguments: [Expr]) {
        self = .normal(Normal(head, arguments))
    }

    /// An integer, kept in `Int` when it fits.
    public static func integer(_ value: BigInt) -> Expr {
        if let small = value.machineValue ?? Int(exactly: value) { return .integer(small) }
        return .bigInteger(value)
    }

    /// A rational in lowest terms (an integer when the denominator divides the numerator).
    /// Returns nil for a zero denominator.
    public static func rational(_ numerator: BigInt, over denominator: BigInt) -> Expr? {
        if denominator.isZero { return nil }
        if let n = numerator.machineValue, let d = denominator.machineValue {
            return rational(n, over: d)
        }
        var n = numerator
        var d = denominator
        if d.sign == .minus { n.negate(); d.negate() }
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        if g != 1 {
            n /= BigInt(g)
            d /= BigInt(g)
        }
        if d == 1 { return .integer(n) }
        return .rational(n, d)
    }

    /// The same for machine integers, in machine arithmetic while it cannot overflow (most rationals
    /// in numeric code are small, and BigInt's gcd costs microseconds).
    public static func rational(_ numerator: Int, over denominator: Int) -> Expr? {
        if denominator == 0 { return nil }
        guard numerator != .min, denominator != .min else {
            return rational(BigInt(machine: numerator), over: BigInt(machine: denominator))
        }
        var n = denominator < 0 ? -numerator : numerator
        var d = denominator < 0 ? -denominator : denominator
        var a = n.magnitude, b = d.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        if a > 1 {
            n /= Int(a)
            d /= Int(a)
        }
        if d == 1 { return .integer(n) }
        return .rational(BigInt(machine: n), BigInt(machine: d))
    }

    // MARK: Inspection

    /// The head, as `Head[e]` gives it.
    public func head(_ symbols: SystemSymbols) -> Expr {
        switch self {
        case .integer, .bigInteger: return .symbol(symbols.IntegerHead)
        case .rational: return .symbol(symbols.RationalHead)
        case .real: return .symbol(symbols.RealHead)
        case .complex: return .symbol(symbols.ComplexHead)
        case .string: return .symbol(symbols.StringHead)
        case .symbol: return .symbol(symbols.SymbolHead)
        case .normal(let n): return n.head
        case .packed: return .symbol(symbols.List)
        case .byteArray: return .symbol(symbols.ByteArray)
        }
    }

    @inlinable
    public var isAtom: Bool {
        switch self {
        case .normal, .packed: return false
        default: return true
        }
    }

    @inlinable
    public var isNumber: Bool {
        switch self {
        case .integer, .bigInteger, .rational, .real, .complex: return true
        default: return false
        }
    }

    public var isExactNumber: Bool {
        switch self {
        case .integer, .bigInteger, .rational: return true
        case .complex(let re, let im): return re.isExactNumber && im.isExactNumber
        default: return false
        }
    }

    @inlinable
    public var asSymbol: Symbol? {
        if case .symbol(let s) = self { return s }
        return nil
    }

    @inlinable
    public var asNormal: Normal? {
        if case .normal(let n) = self { return n }
        return nil
    }

    @inlinable
    public var asInt: Int? {
        if case .integer(let i) = self { return i }
        return nil
    }

    @inlinable
    public var asString: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The symbol at the head of a normal expression (or nil).
    @inlinable
    public var headSymbol: Symbol? {
        switch self {
        case .normal(let n): return n.head.asSymbol
        default: return nil
        }
    }

    /// True when this is `h[...]` for the symbol `h` (a packed array counts as `List[...]`).
    @inlinable @inline(__always)
    public func hasHead(_ symbol: Symbol) -> Bool {
        if case .normal(let n) = self, case .symbol(let h) = n.head { return h === symbol }
        return false
    }

    @inlinable
    public func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let s) = self { return s === symbol }
        return false
    }

    /// Arguments of a normal expression; elements of a packed array (as atoms); empty for atoms.
    public var arguments: [Expr] {
        switch self {
        case .normal(let n): return n.arguments
        case .packed(let p): return p.elementExprs()
        default: return []
        }
    }

    /// Number of arguments / elements at level 1 (0 for atoms).
    @inlinable
    public var length: Int {
        switch self {
        case .normal(let n): return n.arguments.count
        case .packed(let p): return p.dimensions.first ?? 0
        default: return 0
        }
    }
}

extension PackedArray {
    /// The element at flat position `index` as an atom.
    public func elementExpr(flatIndex index: Int) -> Expr {
        switch type {
        case .integer: return .integer(integers[index])
        case .real: return .real(reals[index])
        case .complex:
            let c = complexes[index]
            return .complex(.real(c.re), .real(c.im))
        }
    }

    /// Level-1 parts: atoms for a vector, packed views for higher rank.
    public func elementExprs() -> [Expr] {
        guard let n = dimensions.first else { return [] }
        if rank == 1 {
            var result: [Expr] = []
            result.reserveCapacity(n)
            switch type {
            case .integer: for v in integers { result.append(.integer(v)) }
            case .real: for v in reals { result.append(.real(v)) }
            case .complex: for c in complexes { result.append(.complex(.real(c.re), .real(c.im))) }
            }
            return result
        }
        return (0..<n).map { .packed(slice($0)) }
    }

    /// Part `index` (0-based) at level 1.
    public func part(_ index: Int) -> Expr {
        rank == 1 ? elementExpr(flatIndex: index) : .packed(slice(index))
    }
}

/// Expressions are immutable values; the mutable parts they reach (a symbol's definitions, the
/// evaluation caches of `Normal`) belong to one kernel, which runs on one thread at a time. This
/// lets expressions travel inside `Error` values (control flow) and between tasks that hand a kernel
/// over, which the compiler cannot prove safe by itself.
extension Expr: @unchecked Sendable {}
