// Structural identity of expressions (what memo tables and literal definitions key on).
//
// A packed array equals the unpacked list with the same elements, so the hash of a normal expression
// does not include a symbolic head (a packed array has no head object to hash); the argument count and
// the arguments keep collisions rare. Reals compare by bit pattern: identity, not numeric closeness
// (SameQ's tolerance lives in the builtin).

import BigInt
import TesseraStorage

extension Expr: Hashable {
    public static func == (lhs: Expr, rhs: Expr) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.bigInteger(let a), .bigInteger(let b)): return a == b
        case (.rational(let a, let b), .rational(let c, let d)): return a == c && b == d
        case (.real(let a), .real(let b)): return a.bitPattern == b.bitPattern || a == b
        case (.complex(let a, let b), .complex(let c, let d)): return a == c && b == d
        case (.string(let a), .string(let b)): return a == b
        case (.byteArray(let a), .byteArray(let b)): return a == b
        case (.symbol(let a), .symbol(let b)): return a === b
        case (.normal(let a), .normal(let b)):
            if a === b { return true }
            return a.arguments.count == b.arguments.count && a.head == b.head && a.arguments == b.arguments
        case (.packed(let a), .packed(let b)):
            if a.type == b.type { return a.contentEquals(b) }
            return a.dimensions == b.dimensions && a.elementExprs() == b.elementExprs()
        case (.packed(let p), .normal(let n)), (.normal(let n), .packed(let p)):
            guard case .symbol(let h) = n.head, h.fullName == "System`List",
                  n.arguments.count == (p.dimensions.first ?? 0) else { return false }
            return p.elementExprs() == n.arguments
        default:
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .integer(let i): hasher.combine(1); hasher.combine(i)
        case .bigInteger(let b): hasher.combine(1); hasher.combine(b)
        case .rational(let a, let b): hasher.combine(2); hasher.combine(a); hasher.combine(b)
        case .real(let d): hasher.combine(3); hasher.combine(d == 0 ? 0 : d.bitPattern)
        case .complex(let a, let b): hasher.combine(4); a.hash(into: &hasher); b.hash(into: &hasher)
        case .string(let s): hasher.combine(5); hasher.combine(s)
        case .byteArray(let b): hasher.combine(8); hasher.combine(b)
        case .symbol(let s): hasher.combine(6); hasher.combine(ObjectIdentifier(s))
        case .normal(let n):
            hasher.combine(7)
            if case .normal = n.head { n.head.hash(into: &hasher) }
            hasher.combine(n.arguments.count)
            for argument in n.arguments { argument.hash(into: &hasher) }
        case .packed(let p):
            hasher.combine(7)
            hasher.combine(p.dimensions.first ?? 0)
            for element in p.elementExprs() { element.hash(into: &hasher) }
        }
    }
}
