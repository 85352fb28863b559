// Reproducible random numbers in parallel: each item of a parallel iteration draws from its own
// stream, derived from a seed the master draws for the call and the item's index. After
// `SeedRandom[s]` in the master, the draws of `ParallelTable[RandomReal[], {i, n}]` are therefore the
// same whatever the number of kernels and the Method (no peer offers this); without it, the master's
// generator is seeded from entropy and every item's stream is independent.
//
// A unit of items `i = v1, v2, ...` is sent as
//     Block[{Parallel`Developer`$ItemIndex = offset}, Table[Parallel`Developer`SeededItem[seed, body], {i, {v1, v2, ...}}]]
// and SeededItem advances the index, reseeds the subkernel's generator and evaluates the body.
//
// Reseeding costs about half a microsecond an item, more than a small body itself
// (`ParallelTable[i^2, {i, 10^5}]`), so a body that cannot draw is sent bare: `mayDraw` looks for a
// random function in the body and in the definitions it reaches on the master. (Definitions made only
// on the subkernels are not seen: a body that draws through them draws from each kernel's own stream.)

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ItemStreams {
    static let indexName = "Parallel`Developer`$ItemIndex"
    static let seededName = "Parallel`Developer`SeededItem"

    static let table: [BuiltinSpec] = [
        BuiltinSpec(seededName, attributes: [.holdAll, .protected], seededItem),
    ]

    /// Whether evaluating `body` may draw random numbers: it, or a definition of a symbol it reaches,
    /// mentions a System` function whose name begins with Random, or one that makes code at run time.
    static func mayDraw(_ body: Expr, _ k: Kernel) -> Bool {
        var stack = [body]
        var seen = Set<ObjectIdentifier>()
        var visited = 0
        while let e = stack.popLast() {
            visited += 1
            if visited > 1_000_000 { return true }  // too big to tell cheaply
            switch e {
            case .symbol(let s):
                guard seen.insert(ObjectIdentifier(s)).inserted else { continue }
                if s.context == "System`" {
                    if s.name.hasPrefix("Random") || codeMakers.contains(s.name) { return true }
                    continue
                }
                if let value = s.ownValue { stack.append(value) }
                for list in [s.downValues.all, s.upValues.all, s.subValues.all] {
                    for d in list { stack.append(d.rhs) }
                }
            case .normal(let n):
                stack.append(n.head)
                stack.append(contentsOf: n.arguments)
            default:
                break
            }
        }
        return false
    }

    private static let codeMakers: Set<String> = ["ToExpression", "Symbol", "Get", "Needs", "Import"]

    /// `body` wrapped to draw from item streams, for a unit whose first item has index `offset` + 1.
    static func seeded(_ body: Expr, seed: UInt64, _ k: Kernel) -> Expr {
        Expr(k.symbols.intern(fullName: seededName), .integer(Int(bitPattern: UInt(seed))), body)
    }

    /// `unit` (a serial call over the unit's items) evaluated with the item counter starting at `offset`.
    static func counting(_ unit: Expr, from offset: Int, _ k: Kernel) -> Expr {
        let index = k.symbols.intern(fullName: indexName)
        return Expr(k.symbols.intern(fullName: "System`Block"),
                    Expr(k.sys.List, Expr(k.sys.Set, .symbol(index), .integer(offset))), unit)
    }

    static func seededItem(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, case .integer(let seed) = c[0] else { return nil }
        let index = k.symbols.intern(fullName: indexName)
        guard case .integer(let previous)? = index.ownValue else { return nil }
        index.setOwnValue(.integer(previous + 1))
        NumericEngines.seedItemStream(k, seed: UInt64(bitPattern: Int64(seed)), index: previous + 1)
        return try k.evaluate(c[1])
    }
}
