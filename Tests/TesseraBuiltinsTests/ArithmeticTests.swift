// Arithmetic, numbers, comparisons and elementary functions: source text in, `-code` text out.

import Testing

struct ArithmeticTests {
    @Test(arguments: [
        // Exact arithmetic and canonical forms
        ("3 + 4", "7"),
        ("2/6 + 1/4", "7/12"),
        ("9223372036854775807 + 1", "9223372036854775808"),
        ("3^50", "717897987691852588770249"),
        ("y + y + y", "3*y"),
        ("4 y - y", "3*y"),
        ("y*y*y", "y^3"),
        ("y^4/y", "y^3"),
        ("0*y", "0"),
        ("(y^3)^2", "y^6"),
        ("(a c)^3", "a^3*c^3"),
        ("2 (a + c)", "2*(a + c)"),
        ("Minus[7]", "-7"),
        ("Subtract[10, 4]", "6"),
        ("Divide[9, 6]", "3/2"),
        // Roots
        ("Sqrt[50]", "5*Sqrt[2]"),
        ("27^(1/3)", "3"),
        ("Sqrt[-9]", "3*I"),
        ("Sqrt[3]/3", "1/Sqrt[3]"),
        ("Sqrt[5] Sqrt[7]", "Sqrt[35]"),
        ("(-27)^(1/3)", "3*(-1)^(1/3)"),
        ("16^(1/4)", "2"),
        // Complex numbers
        ("I^3", "-I"),
        ("(2 + I)(2 - I)", "5"),
        ("1/(1 + I)", "1/2 - I/2"),
        ("Abs[5 + 12 I]", "13"),
        // Machine numbers
        ("0.5 + 1/4", "0.75"),
        ("2.0^10", "1024."),
        ("Sqrt[4.]", "2."),
        ("N[1/8]", "0.125"),
        // Infinities
        ("3 - Infinity", "-Infinity"),
        ("0 * Infinity", "Indeterminate"),
        ("1/Infinity", "0"),
    ])
    func arithmetic(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Sin[Pi/2]", "1"),
        ("Cos[Pi/3]", "1/2"),
        ("Tan[Pi/4]", "1"),
        ("Sin[-y]", "-Sin[y]"),
        ("Cos[y + Pi]", "-Cos[y]"),
        ("Exp[0]", "1"),
        ("Log[E^5]", "5"),
        ("Log[1]", "0"),
        ("Log[3, 81]", "4"),
        ("ArcTan[1]", "Pi/4"),
        ("ArcCos[0]", "Pi/2"),
        ("Cosh[0]", "1"),
        ("Sin[y] Csc[y]", "1"),
    ])
    func elementaryFunctions(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Round[3.5]", "4"),
        ("Round[4.5]", "4"),
        ("Round[-5/2]", "-2"),
        ("Floor[-7/2]", "-4"),
        ("Ceiling[2.1]", "3"),
        ("Mod[-7, 4]", "1"),
        ("Mod[7.5, 2]", "1.5"),
        ("Quotient[-7, 2]", "-4"),
        ("GCD[24, 36, 60]", "12"),
        ("LCM[4, 6]", "12"),
        ("Binomial[6, 2]", "15"),
        ("7!", "5040"),
        ("PowerMod[3, 4, 7]", "4"),
        ("IntegerDigits[1203]", "{1, 2, 0, 3}"),
        ("FactorInteger[360]", "{{2, 3}, {3, 2}, {5, 1}}"),
        ("PrimeQ[97]", "True"),
        ("Prime[10]", "29"),
        ("Divisors[12]", "{1, 2, 3, 4, 6, 12}"),
    ])
    func numbers(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("2 < 3 < 4", "True"),
        ("3 <= 2", "False"),
        ("1 == 1.", "True"),
        ("1 === 1.", "False"),
        ("{1, 2} == {1, 2}", "True"),
        ("Sqrt[2] > 1", "True"),
        ("Max[3, 7, 2]", "7"),
        ("Min[{4, 1}, 3]", "1"),
        ("True && False", "False"),
        ("Xor[True, True]", "False"),
        ("{Xor[a, a], Xor[a, a, a], Xor[a, b, a], Xor[a, b, c, a], Xor[a, True]}", "{False, a, b, Xor[b, c],  !a}"),
        ("{Xnor[a, a], Xnor[a], Xnor[a, b, b], Xnor[a, True], Xnor[b, a], Xnor[True, True, True], Xnor[a, b, True]}",
         "{True,  !a,  !a, a, Xnor[a, b], False, Xor[a, b]}"),
        ("!(p > q)", "p <= q"),
        ("Positive[Pi - 3]", "True"),
    ])
    func comparisons(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Range[4] + Range[4]", "{2, 4, 6, 8}"),
        ("2.0 * Range[3]", "{2., 4., 6.}"),
        ("{10, 20} + {{1, 2}, {3, 4}}", "{{11, 12}, {23, 24}}"),
        ("Developer`PackedArrayQ[Range[5] * 2]", "True"),
        ("Range[3]^2", "{1, 4, 9}"),
        ("Total[Sin[N[Range[3]]] - Sin[N[Range[3]]]]", "0."),
    ])
    func packedArrays(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }
}

@Suite struct ArithmeticShortcutTests {
    /// The evaluator's shortcuts (Plus and Times of numbers, Power of machine numbers) must give what
    /// the full evaluation gives, Orderless sorting included where the order can matter.
    @Test(arguments: [
        ("Times[3, 1., 1/18]", "0.16666666666666666"),
        ("Times[0.1, 1/3, 3]", "0.1"),
        ("Plus[1/3, 0.5, 2/3]", "1.5"),
        ("Plus[1, 2, 3, 4]", "10"),
        ("Times[2, 3, 4, 1/2]", "12"),
        ("Times[0, 1.5, 7]", "0"),
        ("Times[2, I, 0.5]", "0. + 1.*I"),
        ("Plus[I, 2, 1/2]", "5/2 + I"),
        // Two inexact numbers: the sum follows the sorted order whatever the written order.
        ("Plus[0.3, 0.2, 0.1]", "0.6000000000000001"),
        ("Plus[0.1, 0.2, 0.3]", "0.6000000000000001"),
        // Exact and inexact numbers: one running sum in the sorted order (-59, 14.6, 22, 34).
        ("Plus[14.6, 34, 22, -59]", "11.600000000000001"),
        ("Times[1/3, 3, 2.5, x]", "2.5*x"),
        ("Power[18, -1]", "1/18"),
        ("Power[2., 3]", "8."),
        ("Power[4, 0.5]", "2."),
        ("Power[2, 64]", "18446744073709551616"),
        ("{Power[0, -1], Power[0., -2]}", "{ComplexInfinity, ComplexInfinity}"),
        // One argument
        ("{Round[2.5], Round[-3.5], Floor[-2.5], Ceiling[1/3], IntegerPart[-2.7]}", "{2, -4, -3, 1, -2}"),
        ("Round[10.^30]", "1000000000000000019884624838656"),
        ("{Minus[3/4], Minus[x], Round[Infinity], Round[{1.5, 2.5}]}", "{-3/4, -x, Infinity, {2, 2}}"),
    ])
    func shortcutsAgreeWithTheFullPath(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}

@Suite struct ExactValueTests {
    @Test(arguments: [
        ("{Sin[0], Cos[0], Tan[0], Sec[0], Csc[0], Cot[0]}", "{0, 1, 0, 1, ComplexInfinity, ComplexInfinity}"),
        ("Cos[{0, Pi}]", "{1, -1}"),
        // Max and Min keep each symbolic argument once.
        ("{Max[a, b, c, b], Max[a, b, a], Min[a, a, a], Max[a, 1, a, 2]}", "{Max[a, b, c], Max[a, b], a, Max[2, a]}"),
    ])
    func valuesAtSpecialPoints(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
