// Comparing sequences: HammingDistance, EditDistance, DamerauLevenshteinDistance,
// NeedlemanWunschSimilarity, SmithWatermanSimilarity, LongestCommonSequence (not necessarily
// contiguous), LongestCommonSubsequence (contiguous), their ...Positions forms, LongestOrderedSequence.
//
// Each works on two strings (compared by character) or two lists (compared by element, structurally),
// never one of each. Ties between equally long answers are broken as Mathematica breaks them: the
// common sequence comes from the classic prefix table traced back from the end, preferring to drop
// from the first argument; the contiguous one is the match whose starts have the least sum.

import TesseraCore
import TesseraExpr

enum StringMetricBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("HammingDistance", messages: ["idim": "`1` and `2` must be of the same length."],
                    options: [("IgnoreCase", "False")], hammingDistance),
        BuiltinSpec("EditDistance", options: [("IgnoreCase", "False")], editDistance),
        BuiltinSpec("DamerauLevenshteinDistance", options: [("IgnoreCase", "False")], damerauLevenshteinDistance),
        BuiltinSpec("NeedlemanWunschSimilarity", needlemanWunschSimilarity),
        BuiltinSpec("SmithWatermanSimilarity", smithWatermanSimilarity),
        BuiltinSpec("LongestCommonSequence", longestCommonSequence),
        BuiltinSpec("LongestCommonSequencePositions", longestCommonSequencePositions),
        BuiltinSpec("LongestCommonSubsequence", longestCommonSubsequence),
        BuiltinSpec("LongestCommonSubsequencePositions", longestCommonSubsequencePositions),
        BuiltinSpec("LongestOrderedSequence", longestOrderedSequence),
    ]

    /// Two sequences of the same kind: their elements (characters as strings) and whether they are strings.
    struct Pair {
        var a: [Expr]
        var b: [Expr]
        let strings: Bool
    }

    static func pair(_ k: Kernel, _ x: Expr, _ y: Expr, ignoreCase: Bool = false) -> Pair? {
        switch (x, y) {
        case (.string(let s), .string(let t)):
            func chars(_ u: String) -> [Expr] {
                (ignoreCase ? u.lowercased() : u).unicodeScalars.map { .string(String($0)) }
            }
            return Pair(a: chars(s), b: chars(t), strings: true)
        case _ where x.isList(k.sys) && y.isList(k.sys):
            return Pair(a: x.arguments, b: y.arguments, strings: false)
        default:
            return nil
        }
    }

    /// The elements back as a string or a list.
    static func rebuild(_ k: Kernel, _ p: Pair, _ elements: [Expr]) -> Expr {
        guard p.strings else { return Expr(k.sys.List, elements) }
        return .string(elements.map { $0.asString ?? "" }.joined())
    }

    static func ignoreCase(_ k: Kernel, _ c: Call) -> (positional: [Expr], ignoreCase: Bool) {
        let (positional, options) = k.splitOptions(c.arguments)
        let value = k.optionValue("IgnoreCase", in: options, of: c.head)
        return (positional, value?.isSymbol(k.sys.True) ?? false)
    }

    // MARK: Distances

    static func hammingDistance(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (a, fold) = ignoreCase(k, c)
        guard a.count == 2, let p = pair(k, a[0], a[1], ignoreCase: fold) else { return nil }
        guard p.a.count == p.b.count else { return k.fail(c, "idim", a[0], a[1]) }
        return .integer(zip(p.a, p.b).filter { $0 != $1 }.count)
    }

    static func editDistance(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (a, fold) = ignoreCase(k, c)
        guard a.count == 2, let p = pair(k, a[0], a[1], ignoreCase: fold) else { return nil }
        var previous = Array(0...p.b.count)
        for i in 1...max(p.a.count, 1) where !p.a.isEmpty {
            var row = [i] + Array(repeating: 0, count: p.b.count)
            for j in stride(from: 1, through: p.b.count, by: 1) {
                let cost = p.a[i - 1] == p.b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = row
        }
        return .integer(previous[p.b.count])
    }

    /// The unrestricted Damerau-Levenshtein distance (transpositions may be edited further).
    static func damerauLevenshteinDistance(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (arguments, fold) = ignoreCase(k, c)
        guard arguments.count == 2, let p = pair(k, arguments[0], arguments[1], ignoreCase: fold) else { return nil }
        let a = p.a, b = p.b
        let n = a.count, m = b.count
        let infinity = n + m
        var lastRow: [Expr: Int] = [:]
        var d = Array(repeating: Array(repeating: 0, count: m + 2), count: n + 2)
        d[0][0] = infinity
        for i in 0...n { d[i + 1][0] = infinity; d[i + 1][1] = i }
        for j in 0...m { d[0][j + 1] = infinity; d[1][j + 1] = j }
        for i in stride(from: 1, through: n, by: 1) {
            var lastMatchColumn = 0
            for j in stride(from: 1, through: m, by: 1) {
                let i1 = lastRow[b[j - 1]] ?? 0
                let j1 = lastMatchColumn
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                if cost == 0 { lastMatchColumn = j }
                d[i + 1][j + 1] = min(d[i][j] + cost, d[i + 1][j] + 1, d[i][j + 1] + 1,
                                      d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1))
            }
            lastRow[a[i - 1]] = i
        }
        return .integer(d[n + 1][m + 1])
    }

    /// Global alignment score: +1 for a match, -1 for a mismatch or a gap.
    static func needlemanWunschSimilarity(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        if p.a.isEmpty || p.b.isEmpty { return .real(Double(max(p.a.count, p.b.count))) }
        var previous = (0...p.b.count).map { -$0 }
        for i in 1...p.a.count {
            var row = [-i] + Array(repeating: 0, count: p.b.count)
            for j in 1...p.b.count {
                let score = p.a[i - 1] == p.b[j - 1] ? 1 : -1
                row[j] = max(previous[j - 1] + score, previous[j] - 1, row[j - 1] - 1)
            }
            previous = row
        }
        return .real(Double(previous[p.b.count]))
    }

    /// Best local alignment score with the same scores, never below zero.
    static func smithWatermanSimilarity(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        var best = 0
        var previous = Array(repeating: 0, count: p.b.count + 1)
        for i in stride(from: 1, through: p.a.count, by: 1) {
            var row = Array(repeating: 0, count: p.b.count + 1)
            for j in stride(from: 1, through: p.b.count, by: 1) {
                let score = p.a[i - 1] == p.b[j - 1] ? 1 : -1
                row[j] = max(0, previous[j - 1] + score, previous[j] - 1, row[j - 1] - 1)
                best = max(best, row[j])
            }
            previous = row
        }
        return .real(Double(best))
    }

    // MARK: Common sequences

    /// Positions (0-based) in `a` and `b` of a longest common subsequence.
    static func commonSequence(_ a: [Expr], _ b: [Expr]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in 1...n {
            for j in 1...m {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        var result: [(Int, Int)] = []
        var i = n, j = m
        while i > 0 && j > 0 {
            if a[i - 1] == b[j - 1] {
                result.append((i - 1, j - 1))
                i -= 1
                j -= 1
            } else if table[i - 1][j] >= table[i][j - 1] {
                i -= 1
            } else {
                j -= 1
            }
        }
        return result.reversed()
    }

    /// Runs of consecutive positions as 1-based `{start, end}` pairs.
    static func runs(_ k: Kernel, _ positions: [Int]) -> Expr {
        var spans: [Expr] = []
        var start = -1, end = -1
        for p in positions {
            if p == end + 1 && start >= 0 { end = p; continue }
            if start >= 0 { spans.append(Expr(k.sys.List, .integer(start + 1), .integer(end + 1))) }
            start = p
            end = p
        }
        if start >= 0 { spans.append(Expr(k.sys.List, .integer(start + 1), .integer(end + 1))) }
        return Expr(k.sys.List, spans)
    }

    static func longestCommonSequence(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        return rebuild(k, p, commonSequence(p.a, p.b).map { p.a[$0.0] })
    }

    static func longestCommonSequencePositions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        let common = commonSequence(p.a, p.b)
        guard !common.isEmpty else { return Expr(k.sys.List, []) }
        return Expr(k.sys.List, runs(k, common.map(\.0)), runs(k, common.map(\.1)))
    }

    /// Start positions (0-based) and length of a longest common contiguous run.
    static func commonRun(_ a: [Expr], _ b: [Expr]) -> (Int, Int, Int) {
        var best = (0, 0, 0)
        var previous = Array(repeating: 0, count: b.count + 1)
        for i in stride(from: 1, through: a.count, by: 1) {
            var row = Array(repeating: 0, count: b.count + 1)
            for j in stride(from: 1, through: b.count, by: 1) where a[i - 1] == b[j - 1] {
                row[j] = previous[j - 1] + 1
                let length = row[j]
                let start = (i - length, j - length)
                if length > best.2 || (length == best.2 && (start.0 + start.1 < best.0 + best.1
                    || (start.0 + start.1 == best.0 + best.1 && start.0 < best.0))) {
                    best = (start.0, start.1, length)
                }
            }
            previous = row
        }
        return best
    }

    static func longestCommonSubsequence(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        let (i, _, length) = commonRun(p.a, p.b)
        return rebuild(k, p, Array(p.a[i..<(i + length)]))
    }

    static func longestCommonSubsequencePositions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let p = pair(k, c[0], c[1]) else { return nil }
        let (i, j, length) = commonRun(p.a, p.b)
        guard length > 0 else { return Expr(k.sys.List, []) }
        return Expr(k.sys.List, Expr(k.sys.List, .integer(i + 1), .integer(i + length)),
                    Expr(k.sys.List, .integer(j + 1), .integer(j + length)))
    }

    // MARK: Ordered sequences

    /// The longest subsequence in which each element may follow the previous one (canonical order by
    /// default, else `p[previous, next]` is True); among equals, the one ending latest.
    static func longestOrderedSequence(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        let elements: [Expr]
        let strings: Bool
        if case .string(let s) = c[0] {
            elements = s.unicodeScalars.map { .string(String($0)) }
            strings = true
        } else if c[0].isList(k.sys) {
            elements = c[0].arguments
            strings = false
        } else {
            return nil
        }
        func follows(_ x: Expr, _ y: Expr) throws(Interrupt) -> Bool {
            if c.count == 2 { return try k.evaluate(Expr(head: c[1], [x, y])).isSymbol(k.sys.True) }
            return !k.canonicalLess(y, x)
        }
        var length = Array(repeating: 1, count: elements.count)
        var previous = Array(repeating: -1, count: elements.count)
        for i in elements.indices {
            for j in 0..<i where try follows(elements[j], elements[i]) && length[j] + 1 >= length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var chain: [Expr] = []
        if let best = length.max(), var i = length.lastIndex(of: best) {
            while i >= 0 { chain.append(elements[i]); i = previous[i] }
        }
        chain.reverse()
        let p = Pair(a: [], b: [], strings: strings)
        return rebuild(k, p, chain)
    }
}
