// Storing and applying definitions (DownValues, UpValues, SubValues).
//
// Rules whose left side holds no pattern go into a hash table; the others are kept in a list ordered
// from specific to general: a new rule is placed before the first stored rule that is strictly more
// general than it (PatternSpecificity.swift), and after all others, so that rules of equal generality keep definition order
// (Mathematica's documented behaviour). A rule with the same left side replaces the old one.

import TesseraExpr

extension Kernel {
    /// Applies the first matching rule of `list` to `expr`: its right side, not yet evaluated (a
    /// `Return[x]` it evaluates to is the evaluator's to unwrap); nil when no rule applies.
    func applyDefinitions(_ list: DefinitionList, to expr: Expr) throws(Interrupt) -> Expr? {
        if !list.literal.isEmpty, let definition = list.literal[expr] {
            return try ruleResult(definition.rhs, names: [], values: [])
        }
        if list.patterns.isEmpty { return nil }
        let matcher = spareMatchers.popLast() ?? PatternMatcher(kernel: self)
        defer {
            matcher.clearBindings()
            spareMatchers.append(matcher)
        }
        for definition in list.patterns {
            var rhs = definition.rhs
            var tests: [Expr] = []
            while case .normal(let n) = rhs, n.head.isSymbol(sys.Condition), n.arguments.count == 2 {
                tests.append(n.arguments[1])
                rhs = n.arguments[0]
            }
            if tests.isEmpty {
                if try matcher.matches(definition.lhs, expr) {
                    return try ruleResult(rhs, names: matcher.names, values: matcher.values)
                }
                continue
            }
            // A condition on the right side is part of the match: when it fails, the matcher
            // backtracks and tries the other ways the left side matches.
            var found: ([Symbol], [Expr])? = nil
            _ = try matcher.enumerateMatches(definition.lhs, expr) { () throws(Interrupt) -> Bool in
                for test in tests {
                    let instance = self.substitute(test, names: matcher.names, values: matcher.values)
                    if !(try self.evaluate(instance).isSymbol(self.sys.True)) { return false }
                }
                found = (matcher.names, matcher.values)
                return true
            }
            if let (names, values) = found {
                return try ruleResult(rhs, names: names, values: values)
            }
        }
        return nil
    }

    /// A rule's right side with the matched values put in, for the evaluator to evaluate as the next
    /// link of the evaluation chain (so that a call in tail position costs no native stack and no
    /// recursion level); nil when a `/;` condition on the right side fails.
    private func ruleResult(_ rhs: Expr, names: [Symbol], values: [Expr]) throws(Interrupt) -> Expr? {
        var body = rhs
        // `lhs := body /; test` (also inside Module/Block/With is Mathematica's; the plain form here).
        while case .normal(let n) = body, n.head.isSymbol(sys.Condition), n.arguments.count == 2 {
            let test = substitute(n.arguments[1], names: names, values: values)
            guard try evaluate(test).isSymbol(sys.True) else { return nil }
            body = n.arguments[0]
        }
        let instance = substitute(body, names: names, values: values)
        if let (guarded, failed) = scopedConditionGuard(instance) {
            let value = try evaluate(guarded)
            if value.isSymbol(failed) { return nil }
            return unwrapReturn(value)
        }
        return instance
    }

    /// `Module[vars, value /; test]` (or Block, With) as a whole right side: the test runs inside the
    /// scope, after the local values are set, and the rule applies only if it gives True. Returns the
    /// construct with its body turned into `If[test, value, failed, failed]`, and the marker symbol
    /// `failed` that the evaluation gives when the test does not hold.
    private func scopedConditionGuard(_ instance: Expr) -> (Expr, Symbol)? {
        guard case .normal(let scope) = instance, case .symbol(let construct) = scope.head,
              construct === sys.Module || construct === sys.Block || construct === sys.With,
              scope.arguments.count == 2, case .normal(let body) = scope.arguments[1],
              body.head.isSymbol(sys.Condition), body.arguments.count == 2 else { return nil }
        let failed = symbols.intern(fullName: "Tessera`Private`RuleConditionFailed")
        let test = Expr(sys.If, body.arguments[1], body.arguments[0], .symbol(failed), .symbol(failed))
        return (Expr(head: scope.head, [scope.arguments[0], test]), failed)
    }

    /// `Return[x]` reaching a function body, loop or scoping construct ends it with value x.
    public func unwrapReturn(_ value: Expr) -> Expr {
        guard case .normal(let n) = value, n.head.isSymbol(sys.Return) else { return value }
        return n.arguments.first ?? .symbol(sys.Null)
    }

    // MARK: Storing

    /// Adds or replaces a rule in a definition list (a symbol's list changes through
    /// `Symbol.updateValues`, which advances the epoch).
    public func store(_ definition: Definition, in list: inout DefinitionList) {
        let matcher = PatternMatcher(kernel: self)
        if matcher.isPatternFree(definition.lhs) && !containsCondition(definition.lhs) {
            list.setLiteral(definition)
            return
        }
        let key = patternShape(definition.lhs)
        if let index = list.patterns.firstIndex(where: { patternShape($0.lhs) == key }) {
            list.replacePattern(at: index, with: definition)
            return
        }
        let index = list.patterns.firstIndex { isMoreSpecific(definition.lhs, than: $0.lhs) } ?? list.patterns.count
        list.setPattern(definition, at: index)
    }

    private func containsCondition(_ e: Expr) -> Bool { false }

    /// The left side with pattern names replaced by their order of appearance, so that `f[x_]` and
    /// `f[y_]` are the same rule (the later one replaces the earlier, as in Mathematica).
    func patternShape(_ lhs: Expr) -> Expr {
        var order: [Symbol] = []
        collectPatternNames(lhs, &order)
        if order.isEmpty { return lhs }
        let placeholders = order.indices.map { Expr.string("\u{0}pattern" + String($0)) }
        return substitute(lhs, names: order, values: placeholders)
    }

    private func collectPatternNames(_ e: Expr, _ order: inout [Symbol]) {
        guard case .normal(let n) = e else { return }
        if n.head.isSymbol(sys.Pattern), let name = n.arguments.first?.asSymbol, !order.contains(where: { $0 === name }) {
            order.append(name)
        }
        collectPatternNames(n.head, &order)
        for argument in n.arguments { collectPatternNames(argument, &order) }
    }

    /// Pattern names that occur more than once (`f[x_, x_]`) make a rule more specific.
    func repeatedNameCount(_ e: Expr) -> Int {
        var counts: [ObjectIdentifier: Int] = [:]
        func walk(_ e: Expr) {
            guard case .normal(let n) = e else { return }
            if n.head.isSymbol(sys.Pattern), let name = n.arguments.first?.asSymbol {
                counts[ObjectIdentifier(name), default: 0] += 1
            }
            walk(n.head)
            for argument in n.arguments { walk(argument) }
        }
        walk(e)
        return counts.values.reduce(0) { $0 + max($1 - 1, 0) }
    }

    /// `Default[f]` or `Default[f, i]`: from the symbol's DefaultValues, then the builtin defaults.
    public func defaultValue(head: Symbol?, position: Int) -> Expr? {
        guard let head else { return nil }
        for definition in head.defaultValues {
            let args = definition.lhs.arguments
            if args.count == 2, case .integer(let i) = args[1], i == position { return definition.rhs }
        }
        for definition in head.defaultValues where definition.lhs.arguments.count == 1 {
            return definition.rhs
        }
        if head === sys.Plus { return .integer(0) }
        if head === sys.Times { return .integer(1) }
        if head === sys.Power && position == 2 { return .integer(1) }
        return nil
    }
}
