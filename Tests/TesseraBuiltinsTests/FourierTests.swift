// Fourier and InverseFourier: Mathematica's definition, FourierParameters, shapes, packing, messages.

import Testing

struct FourierTests {
    @Test(arguments: [
        ("Fourier[{0, 1, 0, 0}]", "{0.5 + 0.*I, 0. + 0.5*I, -0.5 + 0.*I, 0. - 0.5*I}"),
        ("Fourier[{1, 1, 1, 1}, FourierParameters -> {-1, 1}]", "{1. + 0.*I, 0. + 0.*I, 0. + 0.*I, 0. + 0.*I}"),
        ("InverseFourier[{4, 0, 0, 0}, FourierParameters -> {1, -1}]", "{1. + 0.*I, 1. + 0.*I, 1. + 0.*I, 1. + 0.*I}"),
        ("Fourier[{{1, 0}, {0, 0}}]", "{{0.5 + 0.*I, 0.5 + 0.*I}, {0.5 + 0.*I, 0.5 + 0.*I}}"),
        ("Fourier[{1/2, Pi}]", "{2.574994859672457 + 0.*I, -1.8678880784859093 + 0.*I}"),
        ("Chop[InverseFourier[Fourier[{1., -2., 5.}]] - {1, -2, 5}]", "{0, 0, 0}"),
        ("Chop[Fourier[Fourier[{1., 2., 3., 4.}]] - {1, 4, 3, 2}]", "{0, 0, 0, 0}"),
        // The seed's convention: FourierParameters {1, 1} is the unscaled Exp[+2 Pi I ...] sum.
        ("Chop[Fourier[{1, 2, 3}, FourierParameters -> {1, 1}] - {6, -3/2 - Sqrt[3]/2 I, -3/2 + Sqrt[3]/2 I}]", "{0, 0, 0}"),
        // Non-integer b (chirp-z): b = 1/2 on three points.
        ("Chop[Fourier[{1, 2, 3}, FourierParameters -> {1, 1/2}] - {6, 1/2 + 5 Sqrt[3]/2 I, -3/2 - Sqrt[3]/2 I}]", "{0, 0, 0}"),
        ("Dimensions[Fourier[RandomReal[1, {3, 4, 5}]]]", "{3, 4, 5}"),
        ("Developer`PackedArrayQ /@ {Fourier[Range[8]], InverseFourier[RandomComplex[1, 5]]}", "{True, True}"),
        ("Developer`PackedArrayQ[Fourier[RandomReal[1, {3, 6}][[2]]]]", "True"),
    ])
    func transforms(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("Fourier[{}]", "\nFourier::fftl: Argument {} is not a nonempty list or rectangular array of numeric quantities.\n", "Fourier[{}]"),
        ("Fourier[{1, x}]", "\nFourier::fftl: Argument {1, x} is not a nonempty list or rectangular array of numeric quantities.\n", "Fourier[{1, x}]"),
        ("Fourier[{{1, 2}, {3}}]", "\nFourier::fftl: Argument {{1, 2}, {3}} is not a nonempty list or rectangular array of numeric quantities.\n", "Fourier[{{1, 2}, {3}}]"),
        ("Fourier[{1, 2}, FourierParameters -> {1}]", "\nFourier::fpopt: The value {1} of the option FourierParameters should be a list of two real numbers.\n",
         "Fourier[{1, 2}, FourierParameters -> {1}]"),
    ])
    func badInput(_ source: String, _ output: String, _ result: String) {
        let run = evaluateWithOutput(source)
        #expect(run.output == output)
        #expect(run.result == result)
    }
}
