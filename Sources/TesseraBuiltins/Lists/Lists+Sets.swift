// Lists as sets and groups: Union, Intersection, Complement, SubsetQ, DeleteDuplicates,
// DeleteDuplicatesBy, DuplicateFreeQ, Tally, Counts, CountsBy, Gather, GatherBy, Split, SplitBy.
//
// Without a test function, sameness is structural identity (hashing, as SameQ on exact data), so
// these run in linear time; a user test (`SameTest -> f` or a second argument) compares pairs.
// Union, Intersection and Complement return their results in canonical order.

import TesseraCore
import TesseraExpr

enum SetBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Union", attributes: [.flat, .oneIdentity, .protected], options: [("SameTest", "Automatic")], union),
        BuiltinSpec("Intersection", attributes: [.flat, .oneIdentity, .protected], options: [("SameTest", "Automatic")], intersection),
        BuiltinSpec("Complement", options: [("SameTest", "Automatic")], complement),
        BuiltinSpec("SubsetQ", subsetQ),
        BuiltinSpec("DeleteDuplicates", curried: SequenceBuiltins.operatorForm, deleteDuplicates),
        BuiltinSpec("DeleteDuplicatesBy", curried: SequenceBuiltins.operatorForm, deleteDuplicatesBy),
        BuiltinSpec("DuplicateFreeQ", duplicateFreeQ),
        BuiltinSpec("Tally", tally),
        BuiltinSpec("Counts", counts),
        BuiltinSpec("CountsBy", curried: SequenceBuiltins.operatorForm, countsBy),
        BuiltinSpec("Gather", curried: SequenceBuiltins.operatorForm, gather),
        BuiltinSpec("GatherBy", curried: SequenceBuiltins.operatorForm, gatherBy),
        BuiltinSpec("Split", split),
        BuiltinSpec("SplitBy", curried: SequenceBuiltins.operatorForm, splitBy),
    ]

    /// Positional arguments and the SameTest function (nil for structural sameness).
    private static func sameTest(_ k: Kernel, _ c: Call) -> ([Expr], Expr?) {
        let (positional, options) = k.splitOptions(c.arguments)
        var test = k.optionValue("SameTest", in: options, of: c.head)
        if let t = test, t.isSymbol(k.sys.Automatic) || t.isSymbol(k.sys.SameQ) { test = nil }
        return (positional, test)
    }

    /// Elements of the arguments (values of associations); nil after Head/normal messages.
    private static func operands(_ k: Kernel, _ c: Call, _ args: [Expr]) -> [[Expr]]? {
        var lists: [[Expr]] = []
        let head = args.first?.head(k.sys)
        for (i, a) in args.enumerated() {
            if a.isAtom {
                k.message(c.head, "normal", .integer(i + 1), c.expr)
                return nil
            }
            if let head, a.head(k.sys) != head {
                k.message(c.head, "heads", head, a.head(k.sys), .integer(1), .integer(i + 1))
                return nil
            }
            lists.append(a.arguments)
        }
        return lists
    }

    /// Distinct elements (first occurrences), by structure or by `test`.
    static func distinct(_ k: Kernel, _ elements: [Expr], test: Expr?) throws(Interrupt) -> [Expr] {
        if let test {
            var kept: [Expr] = []
            for e in elements {
                var seen = false
                for x in kept where try k.evaluate(Expr(head: test, [x, e])).isSymbol(k.sys.True) { seen = true; break }
                if !seen { kept.append(e) }
            }
            return kept
        }
        var seen = Set<Expr>()
        var kept: [Expr] = []
        for e in elements where seen.insert(e).inserted { kept.append(e) }
        return kept
    }

    private static func sortedCanonically(_ k: Kernel, _ elements: [Expr]) -> [Expr] {
        elements.sorted { k.canonicalCompare($0, $1) < 0 }
    }

    static func union(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (args, test) = sameTest(k, c)
        if args.isEmpty { return Expr(k.sys.List, []) }
        guard let lists = operands(k, c, args) else { return nil }
        let all = sortedCanonically(k, lists.flatMap { $0 })
        return k.rebuild(args[0], try distinct(k, all, test: test))
    }

    static func intersection(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (args, test) = sameTest(k, c)
        guard !args.isEmpty else {
            k.message(k.sys.General, "argm", .symbol(c.head), .integer(0), .integer(1))
            return nil
        }
        guard let lists = operands(k, c, args) else { return nil }
        var common = try distinct(k, lists[0], test: test)
        for other in lists.dropFirst() {
            if let test {
                var kept: [Expr] = []
                for e in common {
                    for x in other where try k.evaluate(Expr(head: test, [e, x])).isSymbol(k.sys.True) { kept.append(e); break }
                }
                common = kept
            } else {
                let set = Set(other)
                common = common.filter { set.contains($0) }
            }
        }
        return k.rebuild(args[0], sortedCanonically(k, common))
    }

    static func complement(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (args, test) = sameTest(k, c)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: args), 1, nil) else { return nil }
        guard let lists = operands(k, c, args) else { return nil }
        var rest = try distinct(k, lists[0], test: test)
        for other in lists.dropFirst() {
            if let test {
                var kept: [Expr] = []
                for e in rest {
                    var found = false
                    for x in other where try k.evaluate(Expr(head: test, [e, x])).isSymbol(k.sys.True) { found = true; break }
                    if !found { kept.append(e) }
                }
                rest = kept
            } else {
                let set = Set(other)
                rest = rest.filter { !set.contains($0) }
            }
        }
        return k.rebuild(args[0], sortedCanonically(k, rest))
    }

    static func subsetQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard !c[0].isAtom, !c[1].isAtom else { return nil }
        let set = Set(c[0].arguments)
        return k.bool(c[1].arguments.allSatisfy { set.contains($0) })
    }

    // MARK: Duplicates

    static func deleteDuplicates(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let test: Expr? = c.count == 2 && !c[1].isSymbol(k.sys.SameQ) ? c[1] : nil
        if e.hasHead(k.sys.Association) {
            let rules = e.arguments
            var kept: [Expr] = []
            var values: [Expr] = []
            for rule in rules {
                let v = rule.arguments.last ?? rule
                if try distinct(k, values + [v], test: test).count > values.count { kept.append(rule); values.append(v) }
            }
            return Expr(head: e.head(k.sys), kept)
        }
        return k.rebuild(e, try distinct(k, e.arguments, test: test))
    }

    static func deleteDuplicatesBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        var seen = Set<Expr>()
        var kept: [Expr] = []
        for x in e.arguments {
            let key = try k.evaluate(Expr(head: c[1], [x]))
            if seen.insert(key).inserted { kept.append(x) }
        }
        return k.rebuild(e, kept)
    }

    static func duplicateFreeQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.bool(false) }
        let test: Expr? = c.count == 2 ? c[1] : nil
        let elements = e.hasHead(k.sys.Association) ? e.arguments.map { $0.arguments.last ?? $0 } : e.arguments
        return k.bool(try distinct(k, elements, test: test).count == elements.count)
    }

    // MARK: Tally, Counts

    /// Groups of equal elements in order of first appearance: (representative, members).
    static func groups(_ k: Kernel, _ elements: [Expr], keys: [Expr], test: Expr?) throws(Interrupt) -> [(Expr, [Expr])] {
        var result: [(Expr, [Expr])] = []
        if let test {
            for (e, key) in zip(elements, keys) {
                var placed = false
                for i in result.indices where try k.evaluate(Expr(head: test, [result[i].0, key])).isSymbol(k.sys.True) {
                    result[i].1.append(e); placed = true; break
                }
                if !placed { result.append((key, [e])) }
            }
            return result
        }
        var index: [Expr: Int] = [:]
        for (e, key) in zip(elements, keys) {
            if let i = index[key] { result[i].1.append(e) } else { index[key] = result.count; result.append((key, [e])) }
        }
        return result
    }

    private static func values(_ k: Kernel, _ e: Expr) -> [Expr] {
        e.hasHead(k.sys.Association) ? e.arguments.map { $0.arguments.last ?? $0 } : e.arguments
    }

    static func tally(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        if c[0].isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let elements = values(k, c[0])
        let g = try groups(k, elements, keys: elements, test: c.count == 2 ? c[1] : nil)
        return Expr(k.sys.List, g.map { Expr(k.sys.List, $0.1[0], .integer($0.1.count)) })
    }

    static func counts(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if c[0].isAtom { return nil }
        let elements = values(k, c[0])
        let g = try groups(k, elements, keys: elements, test: nil)
        return Expr(k.sys.Association, g.map { Expr(k.sys.Rule, $0.0, .integer($0.1.count)) })
    }

    static func countsBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        if c[0].isAtom { return nil }
        let elements = values(k, c[0])
        var keys: [Expr] = []
        for e in elements { keys.append(try k.evaluate(Expr(head: c[1], [e]))) }
        let g = try groups(k, elements, keys: keys, test: nil)
        return Expr(k.sys.Association, g.map { Expr(k.sys.Rule, $0.0, .integer($0.1.count)) })
    }

    // MARK: Gather, Split

    static func gather(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let elements = e.arguments
        let g = try groups(k, elements, keys: elements, test: c.count == 2 ? c[1] : nil)
        return Expr(head: e.head(k.sys), g.map { k.rebuild(e, $0.1) })
    }

    static func gatherBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let fs = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        func level(_ elements: [Expr], _ i: Int) throws(Interrupt) -> Expr {
            if i == fs.count { return k.rebuild(e, elements) }
            var keys: [Expr] = []
            for x in elements { keys.append(try k.evaluate(Expr(head: fs[i], [x]))) }
            let g = try groups(k, elements, keys: keys, test: nil)
            var out: [Expr] = []
            for (_, members) in g { out.append(try level(members, i + 1)) }
            return Expr(head: e.head(k.sys), out)
        }
        return try level(e.arguments, 0)
    }

    static func split(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let elements = e.arguments
        let test: Expr? = c.count == 2 ? c[1] : nil
        return try runs(k, e, elements, keys: elements, test: test)
    }

    static func splitBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let fs = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        func level(_ list: Expr, _ i: Int) throws(Interrupt) -> Expr {
            if i == fs.count { return list }
            let elements = list.arguments
            var keys: [Expr] = []
            for x in elements { keys.append(try k.evaluate(Expr(head: fs[i], [x]))) }
            let split = try runs(k, list, elements, keys: keys, test: nil)
            if i + 1 == fs.count { return split }
            var out: [Expr] = []
            for run in split.arguments { out.append(try level(run, i + 1)) }
            return Expr(head: e.head(k.sys), out)
        }
        return try level(e, 0)
    }

    /// Runs of adjacent elements whose keys are the same (or pass `test` pairwise).
    private static func runs(_ k: Kernel, _ like: Expr, _ elements: [Expr], keys: [Expr], test: Expr?) throws(Interrupt) -> Expr {
        var out: [Expr] = []
        var current: [Expr] = []
        for i in elements.indices {
            if i > 0 {
                let same: Bool
                if let test { same = try k.evaluate(Expr(head: test, [keys[i - 1], keys[i]])).isSymbol(k.sys.True) }
                else { same = keys[i - 1] == keys[i] }
                if !same { out.append(k.rebuild(like, current)); current = [] }
            }
            current.append(elements[i])
        }
        if !current.isEmpty { out.append(k.rebuild(like, current)) }
        return Expr(head: like.head(k.sys), out)
    }
}
