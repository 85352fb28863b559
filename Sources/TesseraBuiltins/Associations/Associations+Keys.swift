// Associations by key: KeyDrop, KeyTake, KeySelect, KeySort, KeySortBy, KeyMap, KeyValueMap, Merge,
// GroupBy, KeyUnion, KeyIntersection, KeyComplement.
//
// Each accepts an association (and most also a list of rules); the ones whose first argument is the
// data have an operator form `f[a][data]` (`KeyDrop[{b}][assoc]`).

import TesseraCore
import TesseraExpr

enum AssociationKeyBuiltins {
    typealias A = AssociationBuiltins

    static let table: [BuiltinSpec] = [
        BuiltinSpec("KeyDrop", curried: A.secondArgumentForm, keyDrop),
        BuiltinSpec("KeyTake", curried: A.secondArgumentForm, keyTake),
        BuiltinSpec("KeySelect", curried: A.secondArgumentForm, keySelect),
        BuiltinSpec("KeySort", curried: A.secondArgumentForm, keySort),
        BuiltinSpec("KeySortBy", curried: A.secondArgumentForm, keySortBy),
        BuiltinSpec("KeyMap", curried: A.firstArgumentForm, keyMap),
        BuiltinSpec("KeyValueMap", curried: A.firstArgumentForm, keyValueMap),
        BuiltinSpec("Merge", curried: A.secondArgumentForm, merge),
        BuiltinSpec("GroupBy", curried: A.secondArgumentForm, groupBy),
        BuiltinSpec("KeyUnion", keyUnion),
        BuiltinSpec("KeyIntersection", keyIntersection),
        BuiltinSpec("KeyComplement", keyComplement),
    ]

    /// The keys named by a key argument: one key, or a list of keys.
    static func keySet(_ k: Kernel, _ e: Expr) -> Set<Expr> {
        Set((e.isList(k.sys) ? e.arguments : [e]).map { $0.hasHead(k.sys.Key) && $0.length == 1 ? $0.arguments[0] : $0 })
    }

    /// Applies `body` to the rules of an association (giving an association back) or of a list of
    /// rules (giving a list back); maps over a list of associations.
    static func overRules(_ k: Kernel, _ e: Expr, _ body: ([Expr]) throws(Interrupt) -> [Expr]?) throws(Interrupt) -> Expr? {
        if let r = A.rules(k, e) { return try body(r).map { Expr(k.sys.Association, $0) } }
        guard e.isList(k.sys) else { return nil }
        let elements = e.arguments
        if elements.allSatisfy({ A.isRule(k, $0) }) {
            return try body(A.deduplicated(elements)).map { Expr(k.sys.List, $0) }
        }
        var results: [Expr] = []
        for element in elements {
            guard let r = A.rules(k, element), let kept = try body(r) else { return nil }
            results.append(Expr(k.sys.Association, kept))
        }
        return Expr(k.sys.List, results)
    }

    static func keyDrop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        let dropped = keySet(k, c[1])
        return try overRules(k, c[0]) { (r: [Expr]) throws(Interrupt) -> [Expr]? in
            r.filter { !dropped.contains(A.key($0)) }
        }
    }

    static func keyTake(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        let wanted = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        return try overRules(k, c[0]) { (r: [Expr]) throws(Interrupt) -> [Expr]? in
            var byKey: [Expr: Expr] = [:]
            for rule in r { byKey[A.key(rule)] = rule }
            var seen = Set<Expr>()
            return wanted.compactMap { key in
                guard let rule = byKey[key], seen.insert(key).inserted else { return nil }
                return rule
            }
        }
    }

    static func keySelect(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        return try overRules(k, c[0]) { (r: [Expr]) throws(Interrupt) -> [Expr]? in
            var kept: [Expr] = []
            for rule in r where try k.evaluate(Expr(head: c[1], [A.key(rule)])).isSymbol(k.sys.True) {
                kept.append(rule)
            }
            return kept
        }
    }

    // MARK: Sorting

    /// A stable merge sort where `before(x, y)` says that `x` must come before `y`.
    static func stableSort(_ items: [Expr], _ before: (Expr, Expr) throws(Interrupt) -> Bool) throws(Interrupt) -> [Expr] {
        guard items.count > 1 else { return items }
        let middle = items.count / 2
        let left = try stableSort(Array(items[..<middle]), before)
        let right = try stableSort(Array(items[middle...]), before)
        var result: [Expr] = []
        result.reserveCapacity(items.count)
        var i = 0
        var j = 0
        while i < left.count && j < right.count {
            if try before(right[j], left[i]) { result.append(right[j]); j += 1 } else { result.append(left[i]); i += 1 }
        }
        result.append(contentsOf: left[i...])
        result.append(contentsOf: right[j...])
        return result
    }

    /// `p[x, y]` as an ordering: True or 1 means x goes first.
    static func ordered(_ k: Kernel, _ p: Expr, _ x: Expr, _ y: Expr) throws(Interrupt) -> Bool {
        let value = try k.evaluate(Expr(head: p, [x, y]))
        if value.isSymbol(k.sys.True) { return true }
        if case .integer(1) = value { return true }
        return false
    }

    static func keySort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        return try overRules(k, c[0]) { (r: [Expr]) throws(Interrupt) -> [Expr]? in
            if c.count == 1 {
                return try stableSort(r) { (x: Expr, y: Expr) throws(Interrupt) -> Bool in
                    k.canonicalLess(A.key(x), A.key(y))
                }
            }
            return try stableSort(r) { (x: Expr, y: Expr) throws(Interrupt) -> Bool in
                try ordered(k, c[1], A.key(x), A.key(y))
            }
        }
    }

    static func keySortBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        return try overRules(k, c[0]) { (r: [Expr]) throws(Interrupt) -> [Expr]? in
            var decorated: [Expr: Expr] = [:]
            for rule in r { decorated[A.key(rule)] = try k.evaluate(Expr(head: c[1], [A.key(rule)])) }
            return try stableSort(r) { (x: Expr, y: Expr) throws(Interrupt) -> Bool in
                let fx = decorated[A.key(x)] ?? x, fy = decorated[A.key(y)] ?? y
                if fx == fy { return k.canonicalLess(A.key(x), A.key(y)) }
                return k.canonicalLess(fx, fy)
            }
        }
    }

    // MARK: Mapping

    static func keyMap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let r = A.rules(k, c[1]) else { return nil }
        return Expr(k.sys.Association, r.map { rule in
            Expr(head: rule.head(k.sys), [Expr(head: c[0], [A.key(rule)]), A.value(rule)])
        })
    }

    static func keyValueMap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let r = A.rules(k, c[1]) else { return nil }
        return Expr(k.sys.List, r.map { Expr(head: c[0], [A.key($0), A.value($0)]) })
    }

    // MARK: Combining

    /// The rules of each item of a list of associations or rule lists.
    static func ruleLists(_ k: Kernel, _ e: Expr) -> [[Expr]]? {
        guard e.isList(k.sys) else { return nil }
        if e.arguments.allSatisfy({ A.isRule(k, $0) }) { return [e.arguments] }
        var lists: [[Expr]] = []
        for element in e.arguments {
            var collected: [Expr] = []
            guard A.flattenRules(k, element, into: &collected) else { return nil }
            lists.append(collected)
        }
        return lists
    }

    static func merge(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let lists = ruleLists(k, c[0]) else { return nil }
        var order: [Expr] = []
        var grouped: [Expr: [Expr]] = [:]
        for rule in lists.joined() {
            let key = A.key(rule)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(A.value(rule))
        }
        return Expr(k.sys.Association, order.map { key in
            Expr(k.sys.Rule, key, Expr(head: c[1], [Expr(k.sys.List, grouped[key] ?? [])]))
        })
    }

    static func groupBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 || c.count == 3 else { return nil }
        // Elements keep their keys when the data is an association: groups are then associations.
        let items: [(key: Expr?, value: Expr)]
        if let r = A.rules(k, c[0]) { items = r.map { (A.key($0), A.value($0)) } }
        else if c[0].isList(k.sys) { items = c[0].arguments.map { (nil, $0) } }
        else { return nil }
        let keyed = A.rules(k, c[0]) != nil
        let functions = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        return try group(k, items[...], functions[...], keyed: keyed, reducer: c.count == 3 ? c[2] : nil)
    }

    /// Groups by the first function, then each group by the rest (`GroupBy[data, {f, g}]` nests).
    static func group(_ k: Kernel, _ items: ArraySlice<(key: Expr?, value: Expr)>, _ functions: ArraySlice<Expr>,
                      keyed: Bool, reducer: Expr?) throws(Interrupt) -> Expr {
        guard let spec = functions.first else {
            let collected = keyed
                ? Expr(k.sys.Association, items.map { Expr(k.sys.Rule, $0.key ?? .symbol(k.sys.Null), $0.value) })
                : Expr(k.sys.List, items.map(\.value))
            return reducer.map { Expr(head: $0, [collected]) } ?? collected
        }
        var keyFunction = spec
        var valueFunction: Expr?
        if spec.hasHead(k.sys.Rule), spec.length == 2 {
            keyFunction = spec.arguments[0]
            valueFunction = spec.arguments[1]
        }
        var order: [Expr] = []
        var grouped: [Expr: [(key: Expr?, value: Expr)]] = [:]
        for item in items {
            let groupKey = try k.evaluate(Expr(head: keyFunction, [item.value]))
            var value = item.value
            if let valueFunction { value = try k.evaluate(Expr(head: valueFunction, [value])) }
            if grouped[groupKey] == nil { order.append(groupKey) }
            grouped[groupKey, default: []].append((item.key, value))
        }
        var rules: [Expr] = []
        for key in order {
            let members = grouped[key] ?? []
            rules.append(Expr(k.sys.Rule, key, try group(k, members[...], functions.dropFirst(), keyed: keyed,
                                                          reducer: reducer)))
        }
        return Expr(k.sys.Association, rules)
    }

    /// The associations of a list argument, or nil.
    static func associationList(_ k: Kernel, _ e: Expr) -> [[Expr]]? {
        guard e.isList(k.sys) else { return nil }
        var lists: [[Expr]] = []
        for element in e.arguments {
            guard let r = A.rules(k, element) else { return nil }
            lists.append(r)
        }
        return lists
    }

    static func keyUnion(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2, let lists = associationList(k, c[0]) else { return nil }
        var allKeys: [Expr] = []
        var seen = Set<Expr>()
        for r in lists { for rule in r where seen.insert(A.key(rule)).inserted { allKeys.append(A.key(rule)) } }
        return Expr(k.sys.List, lists.map { r in
            Expr(k.sys.Association, allKeys.map { key in
                if let rule = r.first(where: { A.key($0) == key }) { return rule }
                let filler = c.count == 2 ? Expr(head: c[1], [key]) : A.missing(k, key)
                return Expr(k.sys.Rule, key, filler)
            })
        })
    }

    static func keyIntersection(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let lists = associationList(k, c[0]) else { return nil }
        guard let first = lists.first else { return Expr(k.sys.List, []) }
        let common = first.map(A.key).filter { key in lists.allSatisfy { r in r.contains { A.key($0) == key } } }
        return Expr(k.sys.List, lists.map { r in
            Expr(k.sys.Association, common.compactMap { key in r.first { A.key($0) == key } })
        })
    }

    static func keyComplement(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let lists = associationList(k, c[0]), let first = lists.first else { return nil }
        let others = Set(lists.dropFirst().flatMap { $0.map(A.key) })
        return Expr(k.sys.Association, first.filter { !others.contains(A.key($0)) })
    }
}
