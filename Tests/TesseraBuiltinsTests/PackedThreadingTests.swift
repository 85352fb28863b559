import Testing

/// Listable numeric builtins over packed arrays give packed arrays when every result is a machine number
/// of one type (`Developer`PackedArrayQ[Mod[Range[10], 3]]` is True in Mathematica).
@Suite struct PackedThreadingTests {
    @Test(arguments: [
        "Mod[Range[10], 3]", "Mod[RandomReal[1, 10], 0.3]", "Mod[7, Range[10]]", "Quotient[Range[10], 3]",
        "Quotient[RandomReal[10, 10], 2]", "Range[10]^2", "2^Range[10]", "Range[10]^2.", "Power[RandomReal[1, 10], 3]",
        "Abs[Range[-5, 5]]", "Abs[RandomReal[{-1, 1}, 10]]", "Sign[Range[-5, 5]]", "Sign[RandomReal[{-1, 1}, 10]]",
        "Round[RandomReal[1, 10]]", "Floor[RandomReal[1, 10]]", "Ceiling[RandomReal[1, 10]]",
        "Floor[Range[10], 3]", "IntegerPart[RandomReal[5, 10]]", "FractionalPart[RandomReal[5, 10]]",
        "UnitStep[Range[-5, 5]]", "Factorial[Range[10]]", "Binomial[10, Range[10]]", "Fibonacci[Range[10]]",
        "RealAbs[RandomReal[{-1, 1}, 10]]", "Sinh[RandomReal[1, 10]]", "ArcTan[RandomReal[1, 10]]",
        "CubeRoot[RandomReal[1, 10]]", "Sqrt[RandomReal[1, 10]]", "Exp[Range[10.]]", "Subtract[Range[10], 1]",
        "Mod[Partition[Range[12], 4], 5]", "Round[RandomReal[1, {3, 4}]]",
    ])
    func listableNumericBuiltinKeepsPackedArraysPacked(_ source: String) {
        #expect(evaluate("Developer`PackedArrayQ[\(source)]") == "True", "\(source)")
    }

    @Test(arguments: [
        ("Mod[Range[10], 3]", "{1, 2, 0, 1, 2, 0, 1, 2, 0, 1}"),
        ("Quotient[Range[10], 3]", "{0, 0, 1, 1, 1, 2, 2, 2, 3, 3}"),
        ("Sign[Range[-2, 2]]", "{-1, -1, 0, 1, 1}"),
        // The one-loop kernels agree with the elements' own values, signs of both operands included.
        ("r = Range[-7, 7]; {Mod[r, 3] === (Mod[#, 3] & /@ r), Mod[r, -3] === (Mod[#, -3] & /@ r)}", "{True, True}"),
        ("r = Range[-7, 7]; {Quotient[r, 3] === (Quotient[#, 3] & /@ r), Quotient[r, -3] === (Quotient[#, -3] & /@ r)}", "{True, True}"),
        ("Sign[Developer`ToPackedArray[{-0.5, 0., 2.}]]", "{-1, 0, 1}"),
        ("Quiet[Mod[Range[3], 0]]", "{Indeterminate, Indeterminate, Indeterminate}"),
        // Results that are not machine numbers of one type stay an ordinary list.
        ("r = Factorial[Range[19, 21]]; {r, Developer`PackedArrayQ[r]}", "{{121645100408832000, 2432902008176640000, 51090942171709440000}, False}"),
        ("r = Sqrt[Range[3]]; {r, Developer`PackedArrayQ[r]}", "{{1, Sqrt[2], Sqrt[3]}, False}"),
    ])
    func threadedResultsAreThoseOfTheElements(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    /// The numbers of a sum or product combine into one number before it meets the arrays, as
    /// Mathematica does: `ht/Sqrt[2 Pi] * array` is one pass, and its result that of the one number
    /// (a factor at a time rounds differently: the Fold case).
    @Test(arguments: [
        ("a = RandomReal[1, 1000]; c = 2*0.375*^-9/Sqrt[2 Pi]; {(2*0.375*^-9/Sqrt[2 Pi]) a === c a, Developer`PackedArrayQ[c a]}",
         "{True, True}"),
        ("a = RandomReal[1, 1000]; c = 2*0.375*^-9/Sqrt[2 Pi]; Fold[Times, a, {2*0.375*^-9, N[1/Sqrt[2]], N[1/Sqrt[Pi]]}] === c a",
         "False"),
        ("a = RandomComplex[1 + I, 100]; {Pi a 3/7 === N[3 Pi/7] a, Developer`PackedArrayQ[Pi a 3/7]}", "{True, True}"),
        ("a = N[Range[2]]; {1.5 + Pi + a, 1.5 + a + Pi + a, a}", "{{5.641592653589793, 6.641592653589793}, {6.641592653589793, 8.641592653589793}, {1., 2.}}"),
        ("{Times[2, 3, Range[3]], Times[1/2, 4, Range[3]], Times[1/2, Range[3]]}", "{{6, 12, 18}, {2, 4, 6}, {1/2, 1, 3/2}}"),
    ])
    func numbersOfASumOrProductCombineBeforeTheArrays(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("a = RandomReal[1, {3, 3}]; a[[2]] = {1., 2., 3.}; {Developer`PackedArrayQ[a], a[[2]]}", "{True, {1., 2., 3.}}"),
        ("a = RandomReal[1, {3, 3}]; a[[-1]] = N[Range[3]]; {Developer`PackedArrayQ[a], a[[3]]}", "{True, {1., 2., 3.}}"),
        ("a = RandomReal[1, {3, 3}]; a[[2, 2]] = 5.; {Developer`PackedArrayQ[a], a[[2, 2]]}", "{True, 5.}"),
        ("a = Developer`ToPackedArray[{{1, 2}, {3, 4}}]; a[[1]] = {7, 8}; {Developer`PackedArrayQ[a], a}", "{True, {{7, 8}, {3, 4}}}"),
        ("a = Developer`ToPackedArray[{{1, 2}, {3, 4}}]; b = a; a[[1]] = {7, 8}; {a, b}", "{{{7, 8}, {3, 4}}, {{1, 2}, {3, 4}}}"),
        ("a = Developer`ToPackedArray[{{1, 2}, {3, 4}}]; a[[1]] = a[[2]]; {Developer`PackedArrayQ[a], a}", "{True, {{3, 4}, {3, 4}}}"),
        // A row of another type or length unpacks, as in Mathematica.
        ("a = Developer`ToPackedArray[{{1, 2}, {3, 4}}]; a[[1]] = {x, 8}; {Developer`PackedArrayQ[a], a}", "{False, {{x, 8}, {3, 4}}}"),
        ("a = Developer`ToPackedArray[{{1, 2}, {3, 4}}]; a[[1]] = {1, 2, 3}; {Developer`PackedArrayQ[a], a}", "{False, {{1, 2, 3}, {3, 4}}}"),
    ])
    func rowAssignmentOfTheMatrixTypeKeepsItPacked(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
