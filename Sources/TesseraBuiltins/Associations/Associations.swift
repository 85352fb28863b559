// Associations: the Association constructor and `<|...|>[key]` lookup, AssociationQ, Keys, Values,
// Lookup, KeyExistsQ, Key, Missing, MissingQ, DeleteMissing, AssociationThread,
// AssociationMap, AssociateTo, KeyDropFrom.
//
// Representation. An association is the normal expression `Association[r1, r2, ...]` whose
// arguments are rules (`->` or `:>`) with distinct keys, in insertion order. `Association` is
// HoldAllComplete: its builtin evaluates the arguments itself, flattens lists of rules and nested
// associations, and lets a later rule for a key replace the value of the earlier one in place
// (`<|a -> 1, b -> 2, a -> 3|>` is `<|a -> 3, b -> 2|>`). When the arguments are not all rules the
// expression stays as it was written, unevaluated. A normalised association evaluates to the very
// same object, so evaluating it again is cheap.

import TesseraCore
import TesseraExpr

enum AssociationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Association", attributes: [.holdAllComplete, .protected], curried: lookupCall, association),
        BuiltinSpec("AssociationQ", associationQ),
        BuiltinSpec("Keys", keys),
        BuiltinSpec("Values", values),
        BuiltinSpec("Lookup", curried: lookupOperator, lookup),
        BuiltinSpec("KeyExistsQ", curried: secondArgumentForm, keyExistsQ),
        BuiltinSpec("Key", curried: keyCall),
        BuiltinSpec("Missing", attributes: [.protected]),
        BuiltinSpec("MissingQ", missingQ),
        BuiltinSpec("DeleteMissing", deleteMissing),
        BuiltinSpec("AssociationThread", messages: ["idim": "`1` and `2` must have the same length."],
                    associationThread),
        BuiltinSpec("AssociationMap", curried: firstArgumentForm, associationMap),
        BuiltinSpec("AssociateTo", attributes: [.holdFirst, .protected], associateTo),
        BuiltinSpec("KeyDropFrom", attributes: [.holdFirst, .protected], keyDropFrom),
    ]

    // MARK: Representation

    /// The rules of a normalised association, or nil when `e` is not one.
    static func rules(_ k: Kernel, _ e: Expr) -> [Expr]? {
        guard e.hasHead(k.sys.Association), case .normal(let n) = e else { return nil }
        for r in n.arguments where !isRule(k, r) { return nil }
        return n.arguments
    }

    static func isRule(_ k: Kernel, _ e: Expr) -> Bool {
        (e.hasHead(k.sys.Rule) || e.hasHead(k.sys.RuleDelayed)) && e.length == 2
    }

    static func key(_ rule: Expr) -> Expr { rule.arguments[0] }
    static func value(_ rule: Expr) -> Expr { rule.arguments[1] }

    /// An association from rules in order: a later rule for a key replaces the earlier one in place.
    static func make(_ k: Kernel, _ rules: [Expr]) -> Expr {
        Expr(k.sys.Association, deduplicated(rules))
    }

    static func deduplicated(_ rules: [Expr]) -> [Expr] {
        var index: [Expr: Int] = [:]
        var result: [Expr] = []
        result.reserveCapacity(rules.count)
        for r in rules {
            let k = key(r)
            if let i = index[k] { result[i] = r } else { index[k] = result.count; result.append(r) }
        }
        return result
    }

    /// The rules of an association, a rule, or a (nested) list of rules and associations.
    static func flattenRules(_ k: Kernel, _ e: Expr, into out: inout [Expr]) -> Bool {
        if isRule(k, e) { out.append(e); return true }
        if let r = rules(k, e) { out.append(contentsOf: r); return true }
        if e.isList(k.sys) { return e.arguments.allSatisfy { flattenRules(k, $0, into: &out) } }
        return false
    }

    static func missing(_ k: Kernel, _ key: Expr) -> Expr {
        Expr(k.sys.Missing, .string("KeyAbsent"), key)
    }

    /// The value for `key` (a `Key[k]` wrapper stands for `k`), or nil.
    static func find(_ k: Kernel, _ rules: [Expr], _ key: Expr) -> Expr? {
        var wanted = key
        if key.hasHead(k.sys.Key), key.length == 1 { wanted = key.arguments[0] }
        for r in rules where AssociationBuiltins.key(r) == wanted { return value(r) }
        return nil
    }

    // MARK: Construction and lookup

    static func association(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var collected: [Expr] = []
        var unchanged = true
        for argument in c.arguments {
            let value = try k.evaluate(argument)
            if !value.isIdentical(to: argument) || !isRule(k, value) { unchanged = false }
            guard flattenRules(k, value, into: &collected) else { return nil }
        }
        let result = deduplicated(collected)
        if unchanged && result.count == c.count { return c.expr }
        return Expr(k.sys.Association, result)
    }

    /// `<|...|>[key]`, `<|...|>[k1, k2]` (nested lookup).
    static func lookupCall(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard case .normal(let n) = c.expr, let r = rules(k, n.head), !c.arguments.isEmpty else { return nil }
        let value = find(k, r, c[0]) ?? missing(k, c[0])
        if c.count == 1 { return value }
        return Expr(head: value, Array(c.arguments.dropFirst()))
    }

    /// `Key[k][assoc]`.
    static func keyCall(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let keyExpr) = n.head,
              keyExpr.arguments.count == 1, let r = rules(k, c[0]) else { return nil }
        return find(k, r, keyExpr.arguments[0]) ?? missing(k, keyExpr.arguments[0])
    }

    static func associationQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return k.bool(rules(k, c[0]) != nil)
    }

    // MARK: Keys and values

    /// The rules of an association, a list of rules, or a single rule (`single`); nil otherwise.
    static func ruleList(_ k: Kernel, _ e: Expr) -> (rules: [Expr], single: Bool)? {
        if let r = rules(k, e) { return (r, false) }
        if isRule(k, e) { return ([e], true) }
        if e.isList(k.sys), e.arguments.allSatisfy({ isRule(k, $0) }) { return (e.arguments, false) }
        return nil
    }

    static func keysOrValues(_ k: Kernel, _ c: Call, _ part: (Expr) -> Expr) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        func apply(_ e: Expr) -> Expr? {
            if let (r, single) = ruleList(k, e) {
                let items = r.map { c.count == 2 ? Expr(head: c[1], [part($0)]) : part($0) }
                return single ? items[0] : Expr(k.sys.List, items)
            }
            guard e.isList(k.sys) else { return nil }
            var results: [Expr] = []
            for element in e.arguments {
                guard let r = apply(element) else { return nil }
                results.append(r)
            }
            return Expr(k.sys.List, results)
        }
        return apply(c[0])
    }

    static func keys(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try keysOrValues(k, c, key)
    }

    static func values(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try keysOrValues(k, c, value)
    }

    static func lookup(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 || c.count == 3 else { return nil }
        func one(_ r: [Expr], _ key: Expr) throws(Interrupt) -> Expr {
            if let v = find(k, r, key) { return v }
            return c.count == 3 ? try k.evaluate(c[2]) : missing(k, key)
        }
        func keysFor(_ r: [Expr]) throws(Interrupt) -> Expr {
            if c[1].isList(k.sys) {
                var results: [Expr] = []
                for key in c[1].arguments { results.append(try one(r, key)) }
                return Expr(k.sys.List, results)
            }
            return try one(r, c[1])
        }
        if let (r, _) = ruleList(k, c[0]), !c[0].isList(k.sys) || !c[0].arguments.isEmpty {
            return try keysFor(r)
        }
        guard c[0].isList(k.sys) else { return nil }
        var results: [Expr] = []
        for element in c[0].arguments {
            guard let (r, _) = ruleList(k, element) else { return nil }
            results.append(try keysFor(r))
        }
        return Expr(k.sys.List, results)
    }

    /// `Lookup[key][assoc]` is `Lookup[assoc, key]`.
    static func lookupOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let inner) = n.head,
              inner.arguments.count == 1 || inner.arguments.count == 2 else { return nil }
        return Expr(c.head, [c[0]] + inner.arguments)
    }

    /// `f[a][x]` is `f[x, a]`.
    static func secondArgumentForm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let inner) = n.head,
              !inner.arguments.isEmpty else { return nil }
        return Expr(c.head, [c[0]] + inner.arguments)
    }

    /// `f[a][x]` is `f[a, x]`.
    static func firstArgumentForm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let n) = c.expr, case .normal(let inner) = n.head,
              inner.arguments.count == 1 else { return nil }
        return Expr(c.head, inner.arguments + [c[0]])
    }

    static func keyExistsQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard let (r, _) = ruleList(k, c[0]) else { return k.bool(false) }
        return k.bool(find(k, r, c[1]) != nil)
    }

    static func missingQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return k.bool(c[0].hasHead(k.sys.Missing))
    }

    static func deleteMissing(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if let r = rules(k, c[0]) { return Expr(k.sys.Association, r.filter { !value($0).hasHead(k.sys.Missing) }) }
        guard c[0].isList(k.sys) else { return nil }
        return Expr(k.sys.List, c[0].arguments.filter { !$0.hasHead(k.sys.Missing) })
    }

    // MARK: Building associations

    static func associationThread(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let keys: Expr
        let values: Expr
        if c.count == 1 {
            guard c[0].hasHead(k.sys.Rule), c[0].length == 2 else { return nil }
            keys = c[0].arguments[0]
            values = c[0].arguments[1]
        } else {
            keys = c[0]
            values = c[1]
        }
        guard keys.isList(k.sys), values.isList(k.sys) else { return nil }
        guard keys.length == values.length else { return k.fail(c, "idim", keys, values) }
        return make(k, zip(keys.arguments, values.arguments).map { Expr(k.sys.Rule, $0, $1) })
    }

    static func associationMap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        if let r = rules(k, c[1]) {
            return Expr(k.sys.Association, r.map { Expr(head: c[0], [$0]) })
        }
        guard c[1].isList(k.sys) else { return nil }
        return make(k, c[1].arguments.map { Expr(k.sys.Rule, $0, Expr(head: c[0], [$0])) })
    }

    // MARK: Changing a variable in place

    /// The association held by symbol `s` (its OwnValue), or nil with a message.
    static func heldAssociation(_ k: Kernel, _ c: Call) -> (Symbol, [Expr])? {
        guard case .symbol(let s) = c[0] else { return nil }
        guard let value = s.ownValue, let r = rules(k, value) else {
            k.message(c.head, "rvalue", c[0])
            return nil
        }
        return (s, r)
    }

    static func store(_ k: Kernel, _ s: Symbol, _ value: Expr) {
        s.setOwnValue(value)
    }

    static func associateTo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2), let (s, r) = heldAssociation(k, c) else { return nil }
        var added: [Expr] = []
        guard flattenRules(k, c[1], into: &added) else { return nil }
        let value = make(k, r + added)
        store(k, s, value)
        return value
    }

    static func keyDropFrom(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let dropped = Set(c[1].isList(k.sys) ? c[1].arguments : [c[1]])
        // An association written out (not a variable) just loses the keys.
        if let r = rules(k, try k.evaluate(c[0])), c[0].asSymbol == nil {
            return Expr(k.sys.Association, r.filter { !dropped.contains(key($0)) })
        }
        guard let (s, r) = heldAssociation(k, c) else { return nil }
        let value = Expr(k.sys.Association, r.filter { !dropped.contains(key($0)) })
        store(k, s, value)
        return value
    }
}
