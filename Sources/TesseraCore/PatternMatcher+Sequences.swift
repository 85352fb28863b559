// Matching argument sequences: ordered, Flat and Orderless.

import TesseraExpr

extension PatternMatcher {
    struct LengthRange {
        var min: Int
        var max: Int
    }

    /// How many arguments a pattern can stand for.
    func lengthRange(_ pattern: Expr, flat: Bool) -> LengthRange {
        guard case .normal(let p) = pattern, case .symbol(let h) = p.head else { return LengthRange(min: 1, max: 1) }
        let a = p.arguments
        switch h {
        case sys.Pattern where a.count == 2:
            return lengthRange(a[1], flat: flat)
        case sys.BlankSequence: return LengthRange(min: 1, max: Int.max)
        case sys.BlankNullSequence: return LengthRange(min: 0, max: Int.max)
        case sys.Blank: return flat ? LengthRange(min: 1, max: Int.max) : LengthRange(min: 1, max: 1)
        case sys.Repeated, sys.RepeatedNull:
            let low = h === sys.Repeated ? 1 : 0
            if a.count == 2 {
                if case .integer(let n) = a[1] { return LengthRange(min: low, max: n) }
                if a[1].isList(sys) {
                    let bounds = a[1].arguments
                    if bounds.count == 1, case .integer(let n) = bounds[0] { return LengthRange(min: n, max: n) }
                    if bounds.count == 2, case .integer(let m) = bounds[0] {
                        if case .integer(let n) = bounds[1] { return LengthRange(min: m, max: n) }
                        return LengthRange(min: m, max: Int.max)
                    }
                }
            }
            return LengthRange(min: low, max: Int.max)
        case sys.Optional: return LengthRange(min: 0, max: 1)
        case sys.OptionsPattern: return LengthRange(min: 0, max: Int.max)
        case sys.Condition where a.count == 2, sys.PatternTest where a.count == 2:
            return lengthRange(a[0], flat: flat)
        case sys.HoldPattern where a.count == 1:
            return lengthRange(a[0], flat: flat)
        case sys.Alternatives where !a.isEmpty:
            var range = LengthRange(min: Int.max, max: 0)
            for alternative in a {
                let r = lengthRange(alternative, flat: flat)
                range.min = Swift.min(range.min, r.min)
                range.max = Swift.max(range.max, r.max)
            }
            return range
        default:
            if (h.name == "Longest" || h.name == "Shortest"), a.count >= 1 {
                return lengthRange(a[0], flat: flat)
            }
            if h.name == "PatternSequence" {
                var total = LengthRange(min: 0, max: 0)
                for part in a {
                    let r = lengthRange(part, flat: false)
                    total.min += r.min
                    total.max = (total.max == Int.max || r.max == Int.max) ? Int.max : total.max + r.max
                }
                return total
            }
            return LengthRange(min: 1, max: 1)
        }
    }

    /// Ordered matching of `patterns[index...]` against `arguments`.
    func matchSequence(_ patterns: [Expr], _ index: Int, _ arguments: ArraySlice<Expr>, head: Symbol?,
                       flat: Bool, _ k: Continuation) throws(Interrupt) -> Bool {
        if index == patterns.count { return arguments.isEmpty ? try k() : false }
        let pattern = patterns[index]
        let range = lengthRange(pattern, flat: flat)
        // What the remaining patterns need at least.
        var needed = 0
        for later in patterns[(index + 1)...] { needed += lengthRange(later, flat: flat).min }
        let available = arguments.count - needed
        if available < range.min { return false }
        let longest = Swift.min(range.max, available)
        if range.min > longest { return false }
        // Optional and Longest parts take as much as they can first; other sequences as little.
        let lengths = prefersLongest(pattern) ? Array((range.min...longest).reversed()) : Array(range.min...longest)
        for length in lengths {
            let chunk = arguments.prefix(length)
            let rest = arguments.dropFirst(length)
            let matched = try matchItem(pattern, chunk, head: head, flat: flat, position: index + 1) { () throws(Interrupt) -> Bool in
                try self.matchSequence(patterns, index + 1, rest, head: head, flat: flat, k)
            }
            if matched { return true }
        }
        return false
    }

    func prefersLongest(_ pattern: Expr) -> Bool {
        guard case .normal(let p) = pattern, case .symbol(let h) = p.head else { return false }
        if h === sys.Optional || h.name == "Longest" { return true }
        if h === sys.Pattern, p.arguments.count == 2 { return prefersLongest(p.arguments[1]) }
        return false
    }

    /// Matches one pattern against the chunk of arguments assigned to it.
    func matchItem(_ pattern: Expr, _ chunk: ArraySlice<Expr>, head: Symbol?, flat: Bool, position: Int,
                   _ k: Continuation) throws(Interrupt) -> Bool {
        if case .normal(let p) = pattern, case .symbol(let h) = p.head {
            let a = p.arguments
            switch h {
            case sys.Pattern where a.count == 2:
                guard let name = a[0].asSymbol else { return false }
                return try matchItem(a[1], chunk, head: head, flat: flat, position: position) { () throws(Interrupt) -> Bool in
                    let value: Expr
                    if self.isSequencePattern(a[1]) {
                        value = Expr(self.sys.Sequence, Array(chunk))
                    } else if chunk.count == 1 {
                        value = chunk.first!
                    } else if let head, flat {
                        value = Expr(head, Array(chunk))
                    } else {
                        value = Expr(self.sys.Sequence, Array(chunk))
                    }
                    return try self.bindValue(name, value, k)
                }
            case sys.BlankSequence, sys.BlankNullSequence:
                if a.count == 1 {
                    for element in chunk {
                        if !headMatchesElement(a[0], element) { return false }
                    }
                }
                return try k()
            case sys.Repeated, sys.RepeatedNull:
                guard !a.isEmpty else { return false }
                return try matchEach(a[0], chunk, k)
            case sys.Optional:
                if chunk.isEmpty {
                    let defaultValue = a.count >= 2 ? a[1] : kernel.defaultValue(head: head, position: position)
                    guard let defaultValue else { return false }
                    return try bindNames(in: a[0], to: defaultValue, k)
                }
                return try matchItem(a[0], chunk, head: head, flat: flat, position: position, k)
            case sys.OptionsPattern:
                for element in chunk {
                    if !(element.hasHead(sys.Rule) || element.hasHead(sys.RuleDelayed) || element.isList(sys)) { return false }
                }
                return try k()
            case sys.Condition where a.count == 2:
                return try matchItem(a[0], chunk, head: head, flat: flat, position: position) { () throws(Interrupt) -> Bool in
                    try self.conditionHolds(a[1]) ? try k() : false
                }
            case sys.PatternTest where a.count == 2 && isSequencePattern(a[0]):
                return try matchItem(a[0], chunk, head: head, flat: flat, position: position) { () throws(Interrupt) -> Bool in
                    for element in chunk {
                        if !(try self.kernel.evaluate(Expr(head: a[1], [element])).isSymbol(self.sys.True)) { return false }
                    }
                    return try k()
                }
            case sys.Alternatives:
                for alternative in a {
                    let r = lengthRange(alternative, flat: flat)
                    if chunk.count < r.min || chunk.count > r.max { continue }
                    if try matchItem(alternative, chunk, head: head, flat: flat, position: position, k) { return true }
                }
                return false
            case sys.HoldPattern where a.count == 1:
                return try matchItem(a[0], chunk, head: head, flat: flat, position: position, k)
            default:
                if h.name == "PatternSequence" {
                    return try matchSequence(a, 0, chunk, head: nil, flat: false, k)
                }
                if (h.name == "Longest" || h.name == "Shortest"), a.count >= 1 {
                    return try matchItem(a[0], chunk, head: head, flat: flat, position: position, k)
                }
            }
        }
        if chunk.count == 1 { return try match(pattern, chunk.first!, k) }
        if flat, let head, chunk.count > 1 { return try match(pattern, Expr(head, Array(chunk)), k) }
        return false
    }

    private func bindValue(_ name: Symbol, _ value: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        if let existing = self.value(of: name) {
            return existing == value ? try k() : false
        }
        return try withBinding(name, value, k)
    }

    private func headMatchesElement(_ head: Expr, _ element: Expr) -> Bool {
        switch element {
        case .normal(let n): return n.head == head
        case .packed: return head.isSymbol(sys.List)
        default: return element.head(sys) == head
        }
    }

    func isSequencePattern(_ pattern: Expr) -> Bool {
        guard case .normal(let p) = pattern, case .symbol(let h) = p.head else { return false }
        switch h {
        case sys.BlankSequence, sys.BlankNullSequence, sys.Repeated, sys.RepeatedNull, sys.OptionsPattern:
            return true
        case sys.Pattern where p.arguments.count == 2: return isSequencePattern(p.arguments[1])
        case sys.Condition, sys.PatternTest, sys.HoldPattern:
            return !p.arguments.isEmpty && isSequencePattern(p.arguments[0])
        case _ where h.name == "Longest" || h.name == "Shortest":
            return !p.arguments.isEmpty && isSequencePattern(p.arguments[0])
        case sys.Alternatives: return p.arguments.contains { isSequencePattern($0) }
        default: return h.name == "PatternSequence"
        }
    }

    /// Each element of the chunk matches `pattern` (bindings must agree across elements).
    private func matchEach(_ pattern: Expr, _ chunk: ArraySlice<Expr>, _ k: Continuation) throws(Interrupt) -> Bool {
        guard let first = chunk.first else { return try k() }
        return try match(pattern, first) { () throws(Interrupt) -> Bool in
            try self.matchEach(pattern, chunk.dropFirst(), k)
        }
    }

    /// Binds every pattern name inside an optional pattern to the default value.
    private func bindNames(in pattern: Expr, to value: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        if case .normal(let p) = pattern, p.head.isSymbol(sys.Pattern), p.arguments.count == 2,
           let name = p.arguments[0].asSymbol {
            return try bindValue(name, value, k)
        }
        return try k()
    }

    // MARK: Orderless

    func matchOrderless(_ patterns: [Expr], _ index: Int, _ remaining: [Expr], head: Symbol?, flat: Bool,
                        _ k: Continuation) throws(Interrupt) -> Bool {
        if index == patterns.count { return remaining.isEmpty ? try k() : false }
        let pattern = patterns[index]
        let range = lengthRange(pattern, flat: flat)
        var needed = 0
        for later in patterns[(index + 1)...] { needed += lengthRange(later, flat: flat).min }
        if remaining.count - needed < range.min { return false }
        if index == patterns.count - 1 {
            guard remaining.count >= range.min && remaining.count <= range.max else { return false }
            return try matchItem(pattern, remaining[...], head: head, flat: flat, position: index + 1, k)
        }
        if range.min == 1 && range.max == 1 || (range.min <= 1 && isSingleFirst(pattern)) {
            if range.min == 0 {
                if try matchItem(pattern, [][...], head: head, flat: flat, position: index + 1, { () throws(Interrupt) -> Bool in
                    try self.matchOrderless(patterns, index + 1, remaining, head: head, flat: flat, k)
                }) { return true }
            }
            for i in remaining.indices {
                if i > 0 && remaining[i] == remaining[i - 1] { continue }
                var rest = remaining
                rest.remove(at: i)
                if try matchItem(pattern, remaining[i...i], head: head, flat: flat, position: index + 1, { () throws(Interrupt) -> Bool in
                    try self.matchOrderless(patterns, index + 1, rest, head: head, flat: flat, k)
                }) { return true }
            }
            return false
        }
        // A sequence pattern in the middle: try subsets, smallest first (bounded).
        let n = remaining.count
        guard n <= 16 else {
            for length in range.min...Swift.min(range.max, n - needed) {
                let chunk = remaining[0..<length]
                let rest = Array(remaining[length...])
                if try matchItem(pattern, chunk, head: head, flat: flat, position: index + 1, { () throws(Interrupt) -> Bool in
                    try self.matchOrderless(patterns, index + 1, rest, head: head, flat: flat, k)
                }) { return true }
            }
            return false
        }
        let masks = (0..<(1 << n)).sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
        for mask in masks {
            let size = mask.nonzeroBitCount
            if size < range.min || size > range.max || n - size < needed { continue }
            var chunk: [Expr] = [], rest: [Expr] = []
            for i in 0..<n { if mask & (1 << i) != 0 { chunk.append(remaining[i]) } else { rest.append(remaining[i]) } }
            if try matchItem(pattern, chunk[...], head: head, flat: flat, position: index + 1, { () throws(Interrupt) -> Bool in
                try self.matchOrderless(patterns, index + 1, rest, head: head, flat: flat, k)
            }) { return true }
        }
        return false
    }

    /// A flat head's plain blank: try it on single arguments first (the common case).
    private func isSingleFirst(_ pattern: Expr) -> Bool { !isSequencePattern(pattern) }

    func withBinding(_ name: Symbol, _ value: Expr, _ k: Continuation) throws(Interrupt) -> Bool {
        pushBinding(name, value)
        if try k() { return true }
        popBinding()
        return false
    }
}
