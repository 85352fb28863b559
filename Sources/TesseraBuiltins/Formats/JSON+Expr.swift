// JSON values and expressions, both ways, as Mathematica's "JSON" and "RawJSON" formats map them.
//
// Reading: arrays are lists, `null`/`true`/`false` are Null/True/False, numbers are Integers (big ones
// too) or Reals, and an object is a list of rules `{"k" -> v, ...}` ("JSON") or an Association
// ("RawJSON"). Writing accepts both readings of an object whatever the format: an Association, a rule,
// or a non-empty list whose elements are all rules with string keys. A rational is written as its
// machine real. Anything else has no JSON form: the failure names the expression, and Export says so.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraStorage

/// An expression with no JSON form.
struct JSONExportError: Error {
    let expression: Expr
}

extension JSONValue {
    /// The expression of a JSON value; objects as Associations when `associations`, else rule lists.
    func expression(_ k: Kernel, associations: Bool) -> Expr {
        switch self {
        case .null: return .symbol(k.sys.Null)
        case .bool(let b): return .symbol(b ? k.sys.True : k.sys.False)
        case .integer(let i): return .integer(i)
        case .bigInteger(let digits):
            guard let value = BigInt(digits, radix: 10) else { return .string(digits) }
            return .integer(value)
        case .real(let d): return .real(d)
        case .string(let s): return .string(s)
        case .array(let elements):
            return Expr(k.sys.List, elements.map { $0.expression(k, associations: associations) })
        case .object(let members):
            let rules = members.map { Expr(k.sys.Rule, .string($0.key), $0.value.expression(k, associations: associations)) }
            // A key given twice: the Association keeps the last value, the rule list keeps both.
            return associations ? AssociationBuiltins.make(k, rules) : Expr(k.sys.List, rules)
        }
    }

    /// The JSON value of an expression.
    init(_ e: Expr, _ k: Kernel) throws(JSONExportError) {
        switch e {
        case .integer(let i): self = .integer(i)
        case .bigInteger(let b): self = .bigInteger(b.description)
        case .rational:
            guard let v = NumericValue.machine(k, e), v.re.isFinite else { throw JSONExportError(expression: e) }
            self = .real(v.re)
        case .real(let d): self = .real(d)
        case .string(let s): self = .string(s)
        case .symbol(let s) where s === k.sys.Null: self = .null
        case .symbol(let s) where s === k.sys.True: self = .bool(true)
        case .symbol(let s) where s === k.sys.False: self = .bool(false)
        case .packed(let p) where p.type != .complex: self = Self.packedArray(p, level: 0, offset: 0)
        case .normal(let n) where e.hasHead(k.sys.Association) || Self.isRule(e, k):
            guard let members = try Self.members(e.hasHead(k.sys.Association) ? n.arguments : [e], k) else {
                throw JSONExportError(expression: e)  // a key that is not a string
            }
            self = .object(members)
        case .normal(let n) where e.hasHead(k.sys.List):
            if !n.arguments.isEmpty, let members = try Self.members(n.arguments, k) {
                self = .object(members)
            } else {
                var elements: [JSONValue] = []
                elements.reserveCapacity(n.arguments.count)
                for argument in n.arguments { elements.append(try JSONValue(argument, k)) }
                self = .array(elements)
            }
        default:
            throw JSONExportError(expression: e)
        }
    }

    private static func isRule(_ e: Expr, _ k: Kernel) -> Bool {
        (e.hasHead(k.sys.Rule) || e.hasHead(k.sys.RuleDelayed)) && e.length == 2
    }

    /// The members of an object written as rules with string keys; nil when some element is not one.
    private static func members(_ rules: [Expr], _ k: Kernel) throws(JSONExportError) -> [JSONMember]? {
        guard rules.allSatisfy({ isRule($0, k) && $0.arguments[0].asString != nil }) else { return nil }
        var members: [JSONMember] = []
        members.reserveCapacity(rules.count)
        for rule in rules {
            let parts = rule.arguments
            members.append(JSONMember(key: parts[0].asString!, value: try JSONValue(parts[1], k)))
        }
        return members
    }

    /// A packed array of integers or reals, read in place.
    private static func packedArray(_ p: PackedArray, level: Int, offset: Int) -> JSONValue {
        let n = p.dimensions[level]
        if level + 1 == p.rank {
            switch p.type {
            case .integer: return .array((0..<n).map { .integer(p.integers[offset + $0]) })
            case .real: return .array((0..<n).map { .real(p.reals[offset + $0]) })
            case .complex: preconditionFailure("complex arrays have no JSON form")
            }
        }
        let stride = p.dimensions[(level + 1)...].reduce(1, *)
        return .array((0..<n).map { packedArray(p, level: level + 1, offset: offset + $0 * stride) })
    }
}
