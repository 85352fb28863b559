// Numbers in every form: integers of any size, rationals, machine reals of all magnitudes, complex
// numbers and the infinities.

import Testing
import TesseraSyntax

@Suite struct PrintingNumberTests {
    @Test(arguments: [
        ("0", "0"),
        ("42", "42"),
        ("-7", "-7"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("-170141183460469231731687303715884105728", "-170141183460469231731687303715884105728"),
        ("Rational[1, 2]", "1/2"),
        ("Rational[-1, 2]", "-1/2"),
        ("Rational[-1, 495179769008019818390136611716089140625]", "-1/495179769008019818390136611716089140625"),
    ])
    func exactNumbers(_ c: (String, String)) {
        for form in [TextForm.input, .output, .outputForm] {
            #expect(printed(c.0, form) == c.1)
        }
    }

    @Test(arguments: [
        ("3.141592653589793", "3.141592653589793"),
        ("0.1", "0.1"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("1.", "1."),
        ("100.", "100."),
        ("-0.5", "-0.5"),
        ("0.", "0."),
        ("-0.", "0."),
        ("2.5e-10", "2.5*^-10"),
        ("1e20", "1.*^20"),
        ("1.5e20", "1.5*^20"),
        ("0.00001", "0.00001"),
        ("0.000015", "0.000015"),
        ("0.000001", "1.*^-6"),
        ("-1.57443249348989e-7", "-1.57443249348989*^-7"),
        ("999999.", "999999."),
        ("123456.", "123456."),
        ("1e6", "1.*^6"),
        ("1234567.", "1.234567*^6"),
        ("233539.19999999998", "233539.19999999998"),
        ("1.1805916207174113e21", "1.1805916207174113*^21"),
        ("1.7976931348623157e308", "1.7976931348623157*^308"),
        ("2.2250738585072014e-308", "2.2250738585072014*^-308"),
        ("5e-324", "5.*^-324"),
    ])
    func machineRealsInInputForm(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    @Test(arguments: [
        ("1.", "1.`"),
        ("0.1", "0.1`"),
        ("-2.5", "-2.5`"),
        ("2.5e-10", "2.5`*^-10"),
        ("1e20", "1.`*^20"),
        ("Rational[1, 2]", "Rational[1, 2]"),
        ("Rational[-3, 4]", "Rational[-3, 4]"),
        ("Complex[1, 2]", "Complex[1, 2]"),
        ("Complex[Rational[1, 2], Rational[3, 4]]", "Complex[Rational[1, 2], Rational[3, 4]]"),
        ("Complex[1., 2.]", "Complex[1.`, 2.`]"),
        ("-170141183460469231731687303715884105728", "-170141183460469231731687303715884105728"),
    ])
    func fullForm(_ c: (String, String)) {
        #expect(printed(c.0, .full) == c.1)
    }

    /// OutputForm shows 6 significant digits; on one line a power of ten is written `*10^`.
    @Test(arguments: [
        ("3.141592653589793", "3.14159"),
        ("15.840646417884168", "15.8406"),
        ("-3.14159265", "-3.14159"),
        ("100.123456", "100.123"),
        ("123.456789", "123.457"),
        ("15.", "15."),
        ("3.14", "3.14"),
        ("0.0001234567", "0.000123457"),
        ("123456.7", "123457."),
        ("999999.7", "1.*10^6"),
        ("3.75e-10", "3.75*10^-10"),
        ("1.5e20", "1.5*10^20"),
        ("0.", "0."),
    ])
    func outputFormReals(_ c: (String, String)) {
        #expect(printed(c.0, .outputForm) == c.1)
    }

    @Test(arguments: [
        ("Complex[1, 2]", "1 + 2*I"),
        ("Complex[0, 1]", "I"),
        ("Complex[0, -1]", "-I"),
        ("Complex[0, 2]", "2*I"),
        ("Complex[0, -3]", "-3*I"),
        ("Complex[3, -4]", "3 - 4*I"),
        ("Complex[1, -1]", "1 - I"),
        ("Complex[-1, -1]", "-1 - I"),
        ("Complex[0, Rational[3, 4]]", "(3*I)/4"),
        ("Complex[0, Rational[1, 2]]", "I/2"),
        ("Complex[0, Rational[-1, 2]]", "-1/2*I"),
        ("Complex[0, Rational[-3, 10]]", "(-3*I)/10"),
        ("Complex[1, Rational[2, 3]]", "1 + (2*I)/3"),
        ("Complex[Rational[1, 2], Rational[3, 4]]", "1/2 + (3*I)/4"),
        ("Complex[Rational[3, 5], Rational[-2, 5]]", "3/5 - (2*I)/5"),
        ("Complex[1., 0.]", "1. + 0.*I"),
        ("Complex[0., 1.]", "0. + 1.*I"),
        ("Complex[1.09e12, 3.]", "1.09*^12 + 3.*I"),
        ("Complex[-0.163450932107355, 0.09600498360894891]", "-0.163450932107355 + 0.09600498360894891*I"),
        ("Complex[1.5, -2.5]", "1.5 - 2.5*I"),
    ])
    func complexNumbers(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.1)
    }

    @Test(arguments: [
        ("Complex[1., 0.]", "1. + 0. I"),
        ("Complex[2., 3.]", "2. + 3. I"),
        ("Complex[0., 1.]", "0. + 1. I"),
    ])
    func complexNumbersInOutputForm(_ c: (String, String)) {
        #expect(printed(c.0, .outputForm) == c.1)
    }

    @Test(arguments: [
        ("DirectedInfinity[1]", "Infinity"),
        ("DirectedInfinity[-1]", "-Infinity"),
        ("DirectedInfinity[]", "ComplexInfinity"),
        ("DirectedInfinity[Complex[0, 1]]", "DirectedInfinity[I]"),
        ("List[DirectedInfinity[-1], DirectedInfinity[1]]", "{-Infinity, Infinity}"),
        ("Power[DirectedInfinity[-1], 2]", "(-Infinity)^2"),
    ])
    func infinities(_ c: (String, String)) {
        #expect(printed(c.0, .input) == c.1)
    }

    @Test func infinitiesInFullForm() {
        #expect(printed("DirectedInfinity[1]", .full) == "DirectedInfinity[1]")
        #expect(printed("DirectedInfinity[]", .full) == "DirectedInfinity[]")
    }
}
