// Sums and products over iterators: Sum, Product.
//
// With numeric bounds the terms are evaluated one by one and combined by Plus or Times (so exact
// terms stay exact); symbolic bounds are left alone (there is no symbolic summation here).

import TesseraCore
import TesseraExpr

enum IterationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Sum", attributes: [.holdAll, .protected, .readProtected], sum),
        BuiltinSpec("Product", attributes: [.holdAll, .protected, .readProtected], product),
    ]

    static func sum(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try accumulate(k, c, combiner: k.sys.Plus, empty: .integer(0))
    }

    static func product(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try accumulate(k, c, combiner: k.sys.Times, empty: .integer(1))
    }

    static func accumulate(_ k: Kernel, _ c: Call, combiner: Symbol, empty: Expr) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, nil) else { return nil }
        let specs = Array(c.arguments.dropFirst())
        // Symbolic outer bounds: leave the sum unevaluated instead of complaining (inner bounds may
        // depend on outer variables, so only the first iterator is checked ahead).
        for spec in specs.prefix(1) where spec.isList(k.sys) {
            for bound in spec.arguments.dropFirst() {
                let value = try k.evaluate(bound)
                if !value.isNumber && !value.isList(k.sys) { return nil }
            }
        }
        var total = empty
        var pending: [Expr] = []
        do {
            try runNested(k, c, specs, position: 2) { () throws(Interrupt) in
                pending.append(try k.evaluate(c[0]))
                if pending.count >= 1024 {
                    total = try k.evaluate(Expr(combiner, [total] + pending))
                    pending.removeAll(keepingCapacity: true)
                }
            }
        } catch .malformed {
            return nil
        }
        return try k.evaluate(Expr(combiner, [total] + pending))
    }

    private static func runNested(_ k: Kernel, _ c: Call, _ specs: [Expr], position: Int,
                                  _ body: () throws(Interrupt) -> Void) throws(Interrupt) {
        guard let first = specs.first else { try body(); return }
        guard let spec = try k.iterator(first, call: c, position: position) else { throw .malformed }
        try k.iterate(spec) { (_: Int) throws(Interrupt) -> Bool in
            try runNested(k, c, Array(specs.dropFirst()), position: position + 1, body)
            return true
        }
    }
}
