// Sums, products and powers: Mathematica's rules for signs, denominators, `Sqrt` and parentheses.

import Testing
import TesseraSyntax

@Suite struct PrintingArithmeticTests {
    @Test(arguments: [
        ("Plus[a, b]", "a + b"),
        ("Plus[a, b, c]", "a + b + c"),
        ("Plus[a, Times[-1, b]]", "a - b"),
        ("Plus[Times[-1, a], b]", "-a + b"),
        ("Plus[a, Times[-2, b]]", "a - 2*b"),
        ("Plus[a, Times[-1, b], Times[-1, c]]", "a - b - c"),
        ("Plus[Rational[1, 2], x]", "1/2 + x"),
        ("Plus[Rational[-1, 2], Pi]", "-1/2 + Pi"),
        ("Plus[x, -3]", "x - 3"),
        ("Plus[x, Rational[-1, 2]]", "x - 1/2"),
        ("Plus[x, -2.5]", "x - 2.5"),
        ("Plus[x, Times[-1., y]]", "x - 1.*y"),
        ("Plus[x, Times[Rational[-1, 8], Pi]]", "x - Pi/8"),
        ("Plus[Times[Rational[-1, 8], Pi], x]", "-1/8*Pi + x"),
        ("Plus[Times[-1, b, c], Times[a, d]]", "-(b*c) + a*d"),
        ("Plus[a, Times[-1, b, c]]", "a - b*c"),
        ("Plus[a, Times[-1, Plus[b, c]]]", "a - (b + c)"),
        ("Plus[1, Times[-680564733841876926926749214863536422912, x]]", "1 - 680564733841876926926749214863536422912*x"),
        ("Plus[3, Times[Complex[0, -1], Conjugate[b]]]", "3 - I*Conjugate[b]"),
        ("Plus[Log[2], Times[Complex[0, Rational[-1, 2]], Pi]]", "Log[2] - I/2*Pi"),
        ("Plus[Complex[0, 3], x]", "3*I + x"),
        ("Plus[x, Complex[0, -3]]", "x - 3*I"),
        ("Plus[Complex[1, 2], x]", "(1 + 2*I) + x"),
        ("Plus[x, DirectedInfinity[-1]]", "x - Infinity"),
        ("Plus[Plus[a, b], c]", "(a + b) + c"),
        ("Plus[Power[x, 2], Times[-1, Power[y, 2]]]", "x^2 - y^2"),
        ("Plus[Times[Power[5, Rational[-1, 2]], x], Power[y, 2], Power[z, -1]]", "x/Sqrt[5] + y^2 + z^(-1)"),
    ])
    func sums(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    @Test(arguments: [
        ("Times[2, x]", "2*x"),
        ("Times[x, y, z]", "x*y*z"),
        ("Times[-1, x]", "-x"),
        ("Times[-2, x]", "-2*x"),
        ("Times[-1, a, b]", "-(a*b)"),
        ("Times[-1, Power[x, 2]]", "-x^2"),
        ("Times[a, Power[b, -1]]", "a/b"),
        ("Times[-1, a, Power[b, -1]]", "-(a/b)"),
        ("Times[2, Power[x, -1]]", "2/x"),
        ("Times[-2, x, Power[y, -1]]", "(-2*x)/y"),
        ("Times[a, c, Power[b, -1]]", "(a*c)/b"),
        ("Times[a, c, Power[b, -2]]", "(a*c)/b^2"),
        ("Times[Rational[1, 2], x]", "x/2"),
        ("Times[Rational[3, 2], x]", "(3*x)/2"),
        ("Times[Rational[-1, 2], x]", "-1/2*x"),
        ("Times[Rational[-2, 3], Pi]", "(-2*Pi)/3"),
        ("Times[Rational[7, 4], Pi]", "(7*Pi)/4"),
        ("Times[Rational[1, 2], Power[x, -1]]", "1/(2*x)"),
        ("Times[Power[y, -1], Power[Plus[x, y], -1]]", "1/(y*(x + y))"),
        ("Times[x, Power[5, Rational[-1, 2]]]", "x/Sqrt[5]"),
        ("Times[Rational[1, 2], Cos[Times[Rational[1, 8], Pi]]]", "Cos[Pi/8]/2"),
        ("Times[Rational[3, 2], Power[Rational[3, 2], Rational[1, 2]]]", "(3*Sqrt[3/2])/2"),
        ("Times[-1, Power[2, Rational[-1, 2]]]", "-(1/Sqrt[2])"),
        ("Times[-2, Power[3, Rational[-1, 2]]]", "-2/Sqrt[3]"),
        ("Times[Rational[-1, 2], Power[2, Rational[-1, 2]]]", "-1/2*1/Sqrt[2]"),
        ("Times[Rational[-1, 2], Plus[-1, Power[3, Rational[1, 2]]]]", "-1/2*(-1 + Sqrt[3])"),
        ("Times[-1, Log[Times[Plus[a, Times[b, x]], Power[x, -1]]], Power[a, -1]]", "-(Log[(a + b*x)/x]/a)"),
        ("Times[Complex[0, 2], Power[3, Rational[1, 2]]]", "(2*I)*Sqrt[3]"),
        ("Times[Complex[0, Rational[1, 2]], Pi]", "I/2*Pi"),
        ("Times[Complex[0, Rational[2, 3]], Pi]", "((2*I)/3)*Pi"),
        ("Times[Complex[0, Rational[-1, 2]], Pi]", "(-1/2*I)*Pi"),
        ("Times[Complex[0, -1], x]", "-I*x"),
        ("Times[Complex[0, 1], x]", "I*x"),
        ("Times[Complex[1, 2], x]", "(1 + 2*I)*x"),
        ("Times[Complex[0, 1], Power[2, Rational[-1, 2]]]", "I/Sqrt[2]"),
        ("Times[Complex[0, 2], Power[x, -1]]", "(2*I)/x"),
        ("Times[a, Plus[b, c]]", "a*(b + c)"),
        ("Times[a, Power[E, Times[-1, x]]]", "a/E^x"),
        ("Times[-1., x]", "-1.*x"),
        ("Times[2.5, x]", "2.5*x"),
        ("Times[Factorial[a], Factorial[b]]", "a!*b!"),
        ("Times[2, Increment[1]]", "2*1++"),
        ("Times[Apply[Plus, Times[x, y]], Power[2, -1]]", "Plus @@ (x*y)/2"),
        ("Times[a, Times[b, c]]", "a*(b*c)"),
    ])
    func products(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    @Test(arguments: [
        ("Power[x, 2]", "x^2"),
        ("Power[x, n]", "x^n"),
        ("Power[x, -1]", "x^(-1)"),
        ("Power[x, -2]", "x^(-2)"),
        ("Power[x, Rational[1, 2]]", "Sqrt[x]"),
        ("Power[x, Rational[-1, 2]]", "1/Sqrt[x]"),
        ("Power[2, Rational[-1, 2]]", "1/Sqrt[2]"),
        ("Power[z, Rational[-1, 4]]", "z^(-1/4)"),
        ("Power[x, Rational[3, 2]]", "x^(3/2)"),
        ("Power[E, Rational[-5, 2]]", "E^(-5/2)"),
        ("Power[E, Times[-1, Power[x, 2]]]", "E^(-x^2)"),
        ("Power[E, Times[-1, Im[x]]]", "E^(-Im[x])"),
        ("Power[E, Complex[0, -2]]", "E^(-2*I)"),
        ("Power[E, Complex[0, -1]]", "E^(-I)"),
        ("Power[E, Times[Complex[0, Rational[2, 3]], Pi]]", "E^(((2*I)/3)*Pi)"),
        ("Power[E, Plus[Times[Complex[0, 2], Pi], x]]", "E^((2*I)*Pi + x)"),
        ("Power[Plus[1, x], -1]", "(1 + x)^(-1)"),
        ("Power[Abs[x], -1]", "Abs[x]^(-1)"),
        ("Power[-1, Rational[1, 3]]", "(-1)^(1/3)"),
        ("Power[Rational[1, 2], x]", "(1/2)^x"),
        ("Power[Complex[1, 1], 2]", "(1 + I)^2"),
        ("Power[Complex[0, 1], x]", "I^x"),
        ("Power[a, Power[b, c]]", "a^b^c"),
        ("Power[Power[a, b], c]", "(a^b)^c"),
        ("Power[a, Times[-1, Power[b, c]]]", "a^(-b^c)"),
        ("Power[x, 2.5]", "x^2.5"),
        ("Power[x, -2.5]", "x^(-2.5)"),
        ("Power[Times[a, b], 2]", "(a*b)^2"),
        ("Power[Times[a, Power[b, -1]], 2]", "(a/b)^2"),
        ("Power[Power[z, -1], Rational[1, 2]]", "Sqrt[z^(-1)]"),
        ("Power[Power[x, Rational[1, 2]], 3]", "Sqrt[x]^3"),
        ("Power[Plus[Rational[5, 8], Times[Rational[1, 8], Power[5, Rational[1, 2]]]], Rational[-1, 2]]", "1/Sqrt[5/8 + Sqrt[5]/8]"),
        ("Power[Not[a], 2]", "( !a)^2"),
        ("Power[x, y, z]", "Power[x, y, z]"),
    ])
    func powers(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    /// The unevaluated operator heads print back as the operators they come from.
    @Test(arguments: [
        ("Minus[x]", "-x"),
        ("Minus[Minus[x]]", "-(-x)"),
        ("Subtract[a, b]", "a - b"),
        ("Subtract[a, Plus[b, c]]", "a - (b + c)"),
        ("Divide[a, b]", "a/b"),
        ("Divide[a, Times[b, c]]", "a/(b*c)"),
        ("Plus[x]", "+x"),
        ("Times[]", "Times[]"),
    ])
    func operatorHeads(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
    }

    /// OutputForm writes a product with spaces instead of `*`.
    @Test(arguments: [
        ("Times[2, x]", "2 x"),
        ("Times[-1, a, b]", "-(a b)"),
        ("Plus[x, Times[-0.5, y]]", "x - 0.5 y"),
        ("Plus[1.5, Times[-2.5, x]]", "1.5 - 2.5 x"),
        ("Plus[x, Times[-1., y]]", "x - 1. y"),
        ("Times[2, Power[x, 2]]", "2 x^2"),
    ])
    func productsInOutputForm(_ c: (String, String)) {
        #expect(printed(c.0, .outputForm) == c.1)
    }
}
