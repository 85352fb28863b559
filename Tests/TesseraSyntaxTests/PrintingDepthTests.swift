// Deeply nested expressions print without recursion following their depth.

import Testing
import TesseraExpr
import TesseraSyntax

@Suite struct PrintingDepthTests {
    static let depth = 50_000

    /// The levels of `wrap(wrap(...wrap(leaf)...))`, innermost first; the last one is the whole tree.
    /// Tests free them outermost first (`release`), so that freeing never recurses through `deinit`
    /// (which would overflow the stack on its own, independently of the printer).
    private static func nest(_ depth: Int, leaf: Expr, wrap: (Expr) -> Expr) -> [Expr] {
        var levels: [Expr] = [leaf]
        levels.reserveCapacity(depth + 1)
        for _ in 0..<depth { levels.append(wrap(levels[levels.count - 1])) }
        return levels
    }

    private static func release(_ levels: inout [Expr]) {
        while !levels.isEmpty { levels.removeLast() }
    }

    @Test func deepCalls() {
        let table = SymbolTable()
        let f = table.lookup("f")
        var levels = Self.nest(Self.depth, leaf: .symbol(table.lookup("x"))) { Expr(f, [$0]) }
        let text = ExprPrinter(symbols: table).text(levels[Self.depth], form: .input)
        let expected = String(repeating: "f[", count: Self.depth) + "x" + String(repeating: "]", count: Self.depth)
        let matches = text == expected
        #expect(matches)
        Self.release(&levels)
    }

    @Test func deepOperatorsWithParentheses() {
        let table = SymbolTable()
        let sys: SystemSymbols = table.system
        let a = Expr.symbol(table.lookup("a"))
        // a*(a + a*(a + ...)): every level alternates a product and a sum.
        var levels = Self.nest(Self.depth, leaf: a) { Expr(sys.Times, [a, Expr(sys.Plus, [a, $0])]) }
        let printer = ExprPrinter(symbols: table)
        let text = printer.text(levels[Self.depth], form: .input)
        let expected = String(repeating: "a*(a + ", count: Self.depth) + "a" + String(repeating: ")", count: Self.depth)
        let matches = text == expected
        #expect(matches)
        let full = printer.text(levels[Self.depth], form: .full)
        let fullExpected = String(repeating: "Times[a, Plus[a, ", count: Self.depth) + "a" + String(repeating: "]]", count: Self.depth)
        let fullMatches = full == fullExpected
        #expect(fullMatches)
        Self.release(&levels)
    }

    @Test func deepListsInEveryForm() {
        let table = SymbolTable()
        let list = table.system.List
        var levels = Self.nest(Self.depth, leaf: .integer(1)) { Expr(list, [$0]) }
        let printer = ExprPrinter(symbols: table)
        let braces = String(repeating: "{", count: Self.depth) + "1" + String(repeating: "}", count: Self.depth)
        for form in [TextForm.input, .output, .outputForm] {
            let matches = printer.text(levels[Self.depth], form: form) == braces
            #expect(matches)
        }
        #expect(printer.text(levels[Self.depth], form: .full).count == Self.depth * 6 + 1)
        Self.release(&levels)
    }

    /// A deep chain of heads, `f[x][x][x]...`, nests on the head side instead of the argument side.
    @Test func deepHeads() {
        let table = SymbolTable()
        let x = Expr.symbol(table.lookup("x"))
        var levels = Self.nest(Self.depth, leaf: .symbol(table.lookup("f"))) { Expr(head: $0, [x]) }
        let text = ExprPrinter(symbols: table).text(levels[Self.depth], form: .input)
        let matches = text == "f" + String(repeating: "[x]", count: Self.depth)
        #expect(matches)
        Self.release(&levels)
    }
}
