// Query: `Query[op1, op2, ...][data]` applies op1 at the top level of data, op2 one level down, and
// so on.
//
// Operators are of two kinds. Descending ones act on the way down: part specifications (All, n, a key,
// `Key[k]`, a list of them, a span) pick parts, and filtering or reordering functions (Select, SortBy,
// TakeLargest, ...) are applied before the deeper operators see the parts they kept. Any other
// function is ascending: it is applied to the result of the deeper operators (`Query[Total, "a"]`
// totals the "a" values). A part that does not exist becomes `Missing["KeyAbsent", k]`,
// `Missing["PartAbsent", n]` or `Missing["PartInvalid", k]`, as in Mathematica.

import TesseraCore
import TesseraExpr

enum QueryBuiltins {
    typealias A = AssociationBuiltins

    static let table: [BuiltinSpec] = [
        BuiltinSpec("Query", curried: queryCall),
    ]

    /// Operator forms that Query applies on the way down.
    static let descending: Set<String> = [
        "Select", "SelectFirst", "SortBy", "Sort", "ReverseSort", "ReverseSortBy", "TakeLargest", "TakeSmallest",
        "TakeLargestBy", "TakeSmallestBy", "MaximalBy", "MinimalBy", "DeleteDuplicates", "DeleteDuplicatesBy",
        "DeleteCases", "Cases", "KeySort", "KeySortBy", "KeySelect", "KeyTake", "KeyDrop", "Take", "Drop",
        "Reverse", "DeleteMissing",
    ]

    static func queryCall(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let q) = n.head else { return nil }
        return try apply(k, q.arguments[...], c[0])
    }

    static func apply(_ k: Kernel, _ ops: ArraySlice<Expr>, _ data: Expr) throws(Interrupt) -> Expr {
        guard let op = ops.first else { return data }
        let rest = ops.dropFirst()
        if let picked = try part(k, op, rest, data) { return picked }
        if isDescending(k, op) {
            let filtered = try k.evaluate(Expr(head: op, [data]))
            return try mapElements(k, filtered) { (e: Expr) throws(Interrupt) -> Expr in try apply(k, rest, e) }
        }
        let inner = rest.isEmpty ? data
            : try mapElements(k, data) { (e: Expr) throws(Interrupt) -> Expr in try apply(k, rest, e) }
        return try k.evaluate(Expr(head: op, [inner]))
    }

    static func isDescending(_ k: Kernel, _ op: Expr) -> Bool {
        if case .symbol(let s) = op { return descending.contains(s.name) }
        if case .normal(let n) = op, case .symbol(let s) = n.head { return descending.contains(s.name) }
        return false
    }

    /// The elements of a list or the values of an association, each replaced by `f` of it.
    static func mapElements(_ k: Kernel, _ data: Expr,
                            _ f: (Expr) throws(Interrupt) -> Expr) throws(Interrupt) -> Expr {
        if let r = A.rules(k, data) {
            var mapped: [Expr] = []
            for rule in r { mapped.append(Expr(k.sys.Rule, A.key(rule), try f(A.value(rule)))) }
            return Expr(k.sys.Association, mapped)
        }
        if data.isList(k.sys) {
            var mapped: [Expr] = []
            for element in data.arguments { mapped.append(try f(element)) }
            return Expr(k.sys.List, mapped)
        }
        return data
    }

    // MARK: Part specifications

    static func isKey(_ k: Kernel, _ e: Expr) -> Bool {
        if case .string = e { return true }
        return e.hasHead(k.sys.Key) && e.length == 1
    }

    static func keyOf(_ k: Kernel, _ e: Expr) -> Expr {
        e.hasHead(k.sys.Key) && e.length == 1 ? e.arguments[0] : e
    }

    /// One element picked by an index or key: the element, or the Missing that stands for it.
    static func element(_ k: Kernel, _ spec: Expr, _ data: Expr) -> Expr {
        if let r = A.rules(k, data) {
            if case .integer(let i) = spec {
                let index = i < 0 ? r.count + i : i - 1
                return index >= 0 && index < r.count ? A.value(r[index]) : Expr(k.sys.Missing, .string("PartAbsent"), spec)
            }
            let key = keyOf(k, spec)
            return A.find(k, r, key) ?? A.missing(k, key)
        }
        let elements = data.arguments
        if case .integer(let i) = spec, !data.isAtom {
            let index = i < 0 ? elements.count + i : i - 1
            return index >= 0 && index < elements.count ? elements[index] : Expr(k.sys.Missing, .string("PartAbsent"), spec)
        }
        return Expr(k.sys.Missing, .string("PartInvalid"), keyOf(k, spec))
    }

    /// Applies a part specification and the deeper operators; nil when `op` is not one.
    static func part(_ k: Kernel, _ op: Expr, _ rest: ArraySlice<Expr>, _ data: Expr) throws(Interrupt) -> Expr? {
        if op.isSymbol(k.sys.All) {
            return try mapElements(k, data) { (e: Expr) throws(Interrupt) -> Expr in try apply(k, rest, e) }
        }
        if case .integer = op { return try apply(k, rest, element(k, op, data)) }
        if isKey(k, op) { return try apply(k, rest, element(k, op, data)) }
        if op.isList(k.sys) {
            let specs = op.arguments
            guard specs.allSatisfy({ if case .integer = $0 { return true }; return isKey(k, $0) }) else { return nil }
            if let r = A.rules(k, data) {
                var picked: [Expr] = []
                for spec in specs {
                    let value = element(k, spec, data)
                    if case .integer = spec {
                        if value.hasHead(k.sys.Missing) { return Expr(k.sys.Missing, .string("PartAbsent"), op) }
                        let index = spec.asInt.map { $0 < 0 ? r.count + $0 : $0 - 1 } ?? 0
                        picked.append(Expr(k.sys.Rule, A.key(r[index]), try apply(k, rest, value)))
                    } else {
                        picked.append(Expr(k.sys.Rule, keyOf(k, spec), try apply(k, rest, value)))
                    }
                }
                return A.make(k, picked)
            }
            var picked: [Expr] = []
            for spec in specs { picked.append(try apply(k, rest, element(k, spec, data))) }
            return Expr(k.sys.List, picked)
        }
        return nil
    }
}
