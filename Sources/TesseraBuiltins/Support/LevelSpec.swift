// Level specifications (`n`, `{n}`, `{m, n}`, `Infinity`, `All`, negative levels) and the walks
// over them that Map, Apply, Cases, Position, Level, Count and friends share.
//
// A positive level counts from the top (the whole expression is level 0); a negative level -k selects
// subexpressions of depth k (atoms have depth 1). Walks go depth-first, children before parents, as
// Mathematica does, and hand packed arrays over as views.

import TesseraCore
import TesseraExpr

public struct LevelSpec: Sendable {
    public var min: Int
    public var max: Int
    public var includeHeads = false

    public init(min: Int, max: Int) { self.min = min; self.max = max }

    /// Does a subexpression at `level` with depth `depth` belong to the specification?
    public func contains(level: Int, depth: Int) -> Bool {
        let lowOK = min >= 0 ? level >= min : depth <= -min
        let highOK = max >= 0 ? level <= max : depth >= -max
        return lowOK && highOK
    }
}

extension Kernel {
    /// Parses a level specification; nil (after a message) when malformed.
    public func levelSpec(_ e: Expr, default fallback: LevelSpec = LevelSpec(min: 1, max: 1), call: Call? = nil) -> LevelSpec? {
        switch e {
        case .integer(let n): return n >= 0 ? LevelSpec(min: 1, max: n) : LevelSpec(min: 1, max: n)
        case .symbol(let s) where s === sys.Infinity: return LevelSpec(min: 1, max: Int.max)
        case .symbol(let s) where s === sys.All: return LevelSpec(min: 0, max: Int.max)
        default:
            if e.hasHead(sys.DirectedInfinity) { return LevelSpec(min: 1, max: Int.max) }
            if e.isList(sys) {
                let parts = e.arguments.map(levelNumber)
                if parts.count == 1, let n = parts[0] { return LevelSpec(min: n, max: n) }
                if parts.count == 2, let m = parts[0], let n = parts[1] { return LevelSpec(min: m, max: n) }
            }
        }
        if let call { message(call.head, "level", e) }
        return nil
    }

    private func levelNumber(_ e: Expr) -> Int? {
        if case .integer(let n) = e { return n }
        if e.isSymbol(sys.Infinity) || e.hasHead(sys.DirectedInfinity) { return Int.max }
        return nil
    }

    /// Depth of an expression (atoms 1), Mathematica's `Depth`.
    public func depthOf(_ e: Expr) -> Int {
        switch e {
        case .normal(let n):
            var deepest = 0
            for argument in n.arguments { deepest = Swift.max(deepest, depthOf(argument)) }
            return deepest + 1
        case .packed(let p): return p.rank + 1
        default: return 1
        }
    }

    /// Visits every subexpression selected by `spec`, children first; `position` is the index path.
    /// The visitor returns false to stop the walk.
    public func walkLevels(_ e: Expr, _ spec: LevelSpec,
                           _ visit: (Expr, [Int]) throws(Interrupt) -> Bool) throws(Interrupt) {
        var path: [Int] = []
        _ = try walk(e, level: 0, spec, &path, visit)
    }

    /// Returns (depth, keepGoing).
    private func walk(_ e: Expr, level: Int, _ spec: LevelSpec, _ path: inout [Int],
                      _ visit: (Expr, [Int]) throws(Interrupt) -> Bool) throws(Interrupt) -> (Int, Bool) {
        var depth = 1
        let needsDepth = spec.min < 0 || spec.max < 0
        if level < spec.max || needsDepth {
            switch e {
            case .normal(let n):
                if spec.includeHeads {
                    path.append(0)
                    let (_, go) = try walk(n.head, level: level + 1, spec, &path, visit)
                    path.removeLast()
                    if !go { return (depth, false) }
                }
                for (i, argument) in n.arguments.enumerated() {
                    path.append(i + 1)
                    let (d, go) = try walk(argument, level: level + 1, spec, &path, visit)
                    path.removeLast()
                    if !go { return (depth, false) }
                    depth = Swift.max(depth, d + 1)
                }
            case .packed(let p):
                for i in 0..<(p.dimensions.first ?? 0) {
                    path.append(i + 1)
                    let (d, go) = try walk(p.part(i), level: level + 1, spec, &path, visit)
                    path.removeLast()
                    if !go { return (depth, false) }
                    depth = Swift.max(depth, d + 1)
                }
            default:
                break
            }
        } else if needsDepth {
            depth = depthOf(e)
        }
        if spec.contains(level: level, depth: depth) {
            if !(try visit(e, path)) { return (depth, false) }
        }
        return (depth, true)
    }

    /// Rebuilds `e` with `transform` applied to every subexpression selected by `spec`, bottom up.
    public func mapLevels(_ e: Expr, _ spec: LevelSpec,
                          _ transform: (Expr, [Int]) throws(Interrupt) -> Expr) throws(Interrupt) -> Expr {
        var path: [Int] = []
        return try mapInner(e, level: 0, spec, &path, transform).0
    }

    private func mapInner(_ e: Expr, level: Int, _ spec: LevelSpec, _ path: inout [Int],
                          _ transform: (Expr, [Int]) throws(Interrupt) -> Expr) throws(Interrupt) -> (Expr, Int) {
        var result = e
        var depth = 1
        let needsDepth = spec.min < 0 || spec.max < 0
        if level < spec.max || needsDepth {
            var source: Normal? = nil
            if case .normal(let n) = e { source = n }
            if case .packed(let p) = e { source = Normal(.symbol(sys.List), p.elementExprs()) }
            if let n = source {
                var head = n.head
                if spec.includeHeads {
                    path.append(0)
                    head = try mapInner(n.head, level: level + 1, spec, &path, transform).0
                    path.removeLast()
                }
                var arguments: [Expr] = []
                arguments.reserveCapacity(n.arguments.count)
                var changed = false
                for (i, argument) in n.arguments.enumerated() {
                    path.append(i + 1)
                    let (value, d) = try mapInner(argument, level: level + 1, spec, &path, transform)
                    path.removeLast()
                    if !value.isIdentical(to: argument) { changed = true }
                    arguments.append(value)
                    depth = Swift.max(depth, d + 1)
                }
                if changed || !head.isIdentical(to: n.head) { result = Expr(head: head, arguments) }
            }
        }
        if spec.contains(level: level, depth: depth) { result = try transform(result, path) }
        return (result, depth)
    }
}
