// Packed arrays print exactly as the lists of numbers they stand for, in linear time.

import Testing
import TesseraExpr
import TesseraStorage
import TesseraSyntax

@Suite struct PrintingPackedArrayTests {
    let table = SymbolTable()
    var printer: ExprPrinter { ExprPrinter(symbols: table) }

    @Test func integerVector() throws {
        let e = Expr.packed(try PackedArray(integers: [1, -2, 3]))
        #expect(printer.text(e, form: .input) == "{1, -2, 3}")
        #expect(printer.text(e, form: .output) == "{1, -2, 3}")
        #expect(printer.text(e, form: .full) == "List[1, -2, 3]")
        #expect(printer.text(e, form: .outputForm) == "{1, -2, 3}")
    }

    @Test func realMatrix() throws {
        let e = Expr.packed(try PackedArray(reals: [0.5, 0, 0, 2, 1e20, 2.5e-10], dimensions: [3, 2]))
        #expect(printer.text(e, form: .input) == "{{0.5, 0.}, {0., 2.}, {1.*^20, 2.5*^-10}}")
        #expect(printer.text(e, form: .full) == "List[List[0.5`, 0.`], List[0.`, 2.`], List[1.`*^20, 2.5`*^-10]]")
        #expect(printer.text(e, form: .outputForm) == "{{0.5, 0.}, {0., 2.}, {1.*10^20, 2.5*10^-10}}")
    }

    @Test func complexVector() throws {
        let e = Expr.packed(try PackedArray(complexes: [ComplexDouble(1, 2), ComplexDouble(-1, -0.5), ComplexDouble(0, 1)]))
        #expect(printer.text(e, form: .input) == "{1. + 2.*I, -1. - 0.5*I, 0. + 1.*I}")
        #expect(printer.text(e, form: .full) == "List[Complex[1.`, 2.`], Complex[-1.`, -0.5`], Complex[0.`, 1.`]]")
        #expect(printer.text(e, form: .outputForm) == "{1. + 2. I, -1. - 0.5 I, 0. + 1. I}")
    }

    /// A packed array and the unpacked list of the same numbers print identically.
    @Test func packedEqualsUnpacked() throws {
        let values = [3.141592653589793, -0.1, 1e-7, 123456.0, 1234567.0]
        let packed = Expr.packed(try PackedArray(reals: values))
        let list = Expr(table.system.List, values.map { Expr.real($0) })
        for form in [TextForm.input, .output, .full, .outputForm] {
            #expect(printer.text(packed, form: form) == printer.text(list, form: form))
        }
    }

    @Test func emptyShapes() throws {
        #expect(printer.text(.packed(try PackedArray(integers: [])), form: .input) == "{}")
        #expect(printer.text(.packed(try PackedArray(integers: [], dimensions: [2, 0])), form: .input) == "{{}, {}}")
        #expect(printer.text(.packed(try PackedArray(integers: [], dimensions: [0, 3])), form: .input) == "{}")
    }

    @Test func packedInsideExpressions() throws {
        let p = Expr.packed(try PackedArray(integers: [1, 2]))
        let e = Expr(table.system.Part, [p, .integer(1)])
        #expect(printer.text(Expr(table.system.Rule, [.symbol(table.lookup("a")), p]), form: .input) == "a -> {1, 2}")
        #expect(printer.text(e, form: .input) == "{1, 2}[[1]]")
    }

    /// A million elements print in about half a second in a release build (a few seconds in debug). The
    /// bound only guards against quadratic behaviour, which would take hours; it leaves room for debug
    /// builds on a shared machine.
    @Test func millionElementsAreLinear() throws {
        let n = 1_000_000
        let reals = Expr.packed(try PackedArray(reals: (0..<n).map { Double($0) * 0.5 }))
        let integers = Expr.packed(try PackedArray(integers: Array(0..<n)))
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure {
            text = printer.text(reals, form: .input)
            text += printer.text(integers, form: .input)
        }
        #expect(text.hasPrefix("{0., 0.5, 1., 1.5, 2.,"))
        #expect(text.hasSuffix("999998, 999999}"))
        #expect(elapsed < .seconds(60))
    }

    @Test func millionElementNormalListIsLinear() {
        let n = 1_000_000
        let list = Expr(table.system.List, (0..<n).map { Expr.integer($0) })
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = printer.text(list, form: .input) }
        #expect(text.count == 5_888_890 + 2 * (n - 1) + 2)
        #expect(elapsed < .seconds(60))
    }
}
