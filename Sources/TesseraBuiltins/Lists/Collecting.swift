// Sow and Reap: collecting values from anywhere inside an evaluation.
//
// Each `Reap` pushes a frame with its tag patterns; `Sow[e, tag]` gives e to the innermost frame with
// a pattern that matches the tag (to every matching pattern of that frame), so a `Reap` that does not
// want a tag lets it through to an outer one. Values are grouped by distinct tag, in the order the
// tags first appeared. The frames live in the kernel (`extensionState`), not in a global.

import TesseraCore
import TesseraExpr

enum CollectingBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Sow", attributes: [.protected], sow),
        BuiltinSpec("Reap", attributes: [.holdFirst, .protected], reap),
    ]

    /// One `Reap` in progress.
    final class Frame {
        let patterns: [Expr]
        /// Per pattern: the tags seen, in order, each with its values.
        var groups: [[(tag: Expr, values: [Expr])]]

        init(patterns: [Expr]) {
            self.patterns = patterns
            self.groups = Array(repeating: [], count: patterns.count)
        }

        func add(_ value: Expr, tag: Expr, toPattern index: Int) {
            if let at = groups[index].firstIndex(where: { $0.tag == tag }) {
                groups[index][at].values.append(value)
            } else {
                groups[index].append((tag, [value]))
            }
        }
    }

    final class Frames {
        var stack: [Frame] = []
    }

    static func sow(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let value = c[0]
        let tags: [Expr]
        if c.count == 2 {
            tags = c[1].hasHead(k.sys.List) ? c[1].arguments : [c[1]]
        } else {
            tags = [.symbol(k.sys.None)]
        }
        let frames = k.extensionState(Frames.self) { Frames() }
        let matcher = PatternMatcher(kernel: k)
        for tag in tags {
            for frame in frames.stack.reversed() {
                var taken = false
                for (index, pattern) in frame.patterns.enumerated() where try matcher.matches(pattern, tag) {
                    frame.add(value, tag: tag, toPattern: index)
                    taken = true
                }
                if taken { break }
            }
        }
        return value
    }

    static func reap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let sys = k.sys
        let patternArgument = c.count >= 2 ? try k.evaluate(c[1]) : Expr(sys.Blank, [])
        let listed = patternArgument.hasHead(sys.List)
        let patterns = listed ? patternArgument.arguments : [patternArgument]
        let combine: Expr? = c.count == 3 ? try k.evaluate(c[2]) : nil
        let frames = k.extensionState(Frames.self) { Frames() }
        let frame = Frame(patterns: patterns)
        frames.stack.append(frame)
        let result: Expr
        do {
            result = try k.evaluate(c[0])
        } catch {
            frames.stack.removeLast()
            throw error
        }
        frames.stack.removeLast()
        let collected = frame.groups.map { groups in
            Expr(sys.List, groups.map { group -> Expr in
                let values = Expr(sys.List, group.values)
                guard let combine else { return values }
                return Expr(head: combine, [group.tag, values])
            })
        }
        return Expr(sys.List, result, listed ? Expr(sys.List, collected) : collected[0])
    }
}
