import Testing

@Suite struct CollectingTests {
    @Test(arguments: [
        ("Reap[Sow[1]; Sow[2]; 42]", "{42, {{1, 2}}}"),
        ("Reap[x]", "{x, {}}"),
        ("Reap[Do[If[EvenQ[i], Sow[i]], {i, 10}]]", "{Null, {{2, 4, 6, 8, 10}}}"),
        ("Reap[Sow[1, a]; Sow[2, b]; Sow[3, a]]", "{3, {{1, 3}, {2}}}"),
        ("Reap[Sow[1, a]; Sow[2, b], b]", "{2, {{2}}}"),
        ("Reap[Sow[Null, {a, a, b, d, c, a}], _, # &][[2]]", "{a, b, d, c}"),
        ("Reap[Sow[2, {x, x, x}]; Sow[3, x]; Sow[4, y]; Sow[4, 1], {_Symbol, _Integer, x}, f]",
         "{4, {{f[x, {2, 2, 2, 3}], f[y, {4}]}, {f[1, {4}]}, {f[x, {2, 2, 2, 3}]}}}"),
        // An inner Reap lets tags it does not want through to the outer one.
        ("Reap[Reap[Sow[1, a]; Sow[2, b], a]; 5, b]", "{5, {{2}}}"),
        ("Reap[Catch[Sow[1]; Throw[0]; Sow[2]]]", "{0, {{1}}}"),
        ("Sow[5]", "5"),
    ])
    func sowAndReapCollectByTag(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("Unitize[{0, 1, -3, 0, 5}]", "{0, 1, 1, 0, 1}"),
        ("Unitize[{-0.001, 0.005, 0.02}, 0.01]", "{0, 0, 1}"),
        ("{Unitize[Pi], Unitize[0], Unitize[0.], Unitize[x]}", "{1, 0, 0, Unitize[x]}"),
        ("Developer`PackedArrayQ[Unitize[RandomReal[1, 100] - 0.5]]", "True"),
        ("{Ramp[E - 3], Ramp[-1/2], Ramp[3/2], Ramp[-0.1], Ramp[Pi], Ramp[x]}", "{0, 0, 3/2, 0., Pi, Ramp[x]}"),
        ("Ramp[{-2, -1, 0, 1, 2}]", "{0, 0, 0, 1, 2}"),
        ("Developer`PackedArrayQ[Ramp[Range[-3., 3.]]]", "True"),
    ])
    func unitizeAndRampAreStepFunctions(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
