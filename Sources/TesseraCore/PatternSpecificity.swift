// Which of two rule left sides is more specific ("The Ordering of Definitions").
//
// Mathematica tries a definition with a more specific pattern before a more general one, whatever
// order they were made in, and keeps definition order where it cannot tell. This is a partial order,
// decided by walking both patterns together:
//   literal < structured pattern (`{x_, y_}`, `g[x_]`) < `_h` < `_` < `__h` < `__` < `___h` < `___`
// (Optional and OptionsPattern rank with the blanks that match nothing). Parts are compared in order;
// the first part that differs decides. A condition or pattern test makes a pattern more specific than
// the same pattern without, and a pattern name used twice (`f[i_, i_]`) more specific than distinct ones.

import TesseraExpr

extension Kernel {
    /// True when rule left side `a` is strictly more specific than `b` (and so is tried first).
    func isMoreSpecific(_ a: Expr, than b: Expr) -> Bool {
        switch compareSpecificity(a, b) {
        case .more: return true
        case .less: return false
        case .same: return repeatedNameCount(a) > repeatedNameCount(b)
        }
    }

    /// How a pattern compares with another: `same` also when they cannot be compared.
    private enum Specificity { case more, less, same }

    /// `.more` when `a` is more specific, `.same` when they are equal or not comparable.
    private func compareSpecificity(_ a: Expr, _ b: Expr) -> Specificity {
        let (innerA, testedA) = strippingTests(a), (innerB, testedB) = strippingTests(b)
        let rankA = specificityRank(innerA), rankB = specificityRank(innerB)
        if rankA != rankB { return rankA < rankB ? .more : .less }
        if rankA == Rank.structured, case .normal(let x) = innerA, case .normal(let y) = innerB {
            let parts = compareParts(x, y)
            if parts != .same { return parts }
        }
        if testedA != testedB { return testedA ? .more : .less }
        return .same
    }

    /// Head, then arguments in order; a pattern with fewer arguments left over is not ranked apart.
    private func compareParts(_ x: Normal, _ y: Normal) -> Specificity {
        let head = compareSpecificity(x.head, y.head)
        if head != .same { return head }
        for (p, q) in zip(x.arguments, y.arguments) {
            let part = compareSpecificity(p, q)
            if part != .same { return part }
        }
        return .same
    }

    /// Ranks from specific (literal) to general (`___`); see the file comment.
    private enum Rank {
        static let literal = 0, structured = 1, typedBlank = 2, blank = 3, optional = 4
        static let typedSequence = 5, sequence = 6, typedNullSequence = 7, nullSequence = 8
    }

    private func specificityRank(_ e: Expr) -> Int {
        guard case .normal(let n) = e else { return Rank.literal }
        if case .symbol(let h) = n.head {
            switch h {
            case sys.Blank: return n.arguments.isEmpty ? Rank.blank : Rank.typedBlank
            case sys.BlankSequence: return n.arguments.isEmpty ? Rank.sequence : Rank.typedSequence
            case sys.BlankNullSequence: return n.arguments.isEmpty ? Rank.nullSequence : Rank.typedNullSequence
            case sys.Optional: return Rank.optional
            case sys.OptionsPattern, sys.RepeatedNull: return Rank.nullSequence
            case sys.Repeated: return Rank.sequence
            case sys.Alternatives: return n.arguments.map(specificityRank).max() ?? Rank.literal
            default: break
            }
        }
        return PatternMatcher(kernel: self).isPatternFree(e) ? Rank.literal : Rank.structured
    }

    /// The pattern inside names, HoldPattern, conditions and tests, and whether it had a condition or test.
    private func strippingTests(_ e: Expr) -> (Expr, Bool) {
        var current = e, tested = false
        while case .normal(let n) = current, case .symbol(let h) = n.head {
            if (h === sys.Pattern && n.arguments.count == 2) {
                current = n.arguments[1]
            } else if (h === sys.Condition || h === sys.PatternTest) && n.arguments.count == 2 {
                current = n.arguments[0]
                tested = true
            } else if h === sys.HoldPattern && n.arguments.count == 1 {
                current = n.arguments[0]
            } else {
                break
            }
        }
        return (current, tested)
    }
}
