// Random numbers: seeding, ranges, shapes, packing, distributions.

import Testing

struct RandomTests {
    @Test(arguments: [
        ("SeedRandom[1]; x = RandomReal[]; SeedRandom[1]; x == RandomReal[]", "True"),
        ("SeedRandom[1]; x = RandomReal[1, 5]; SeedRandom[2]; x == RandomReal[1, 5]", "False"),
        ("SeedRandom[\"abc\"]; x = RandomInteger[9, 4]; SeedRandom[\"abc\"]; x === RandomInteger[9, 4]", "True"),
        ("x = RandomReal[{2, 3}, {3, 4}]; {Dimensions[x], Developer`PackedArrayQ[x], Min[x] >= 2, Max[x] <= 3}", "{{3, 4}, True, True, True}"),
        ("x = RandomReal[-2, 100]; {Min[x] >= -2, Max[x] <= 0}", "{True, True}"),
        ("x = RandomInteger[{-3, 3}, 1000]; {Developer`PackedArrayQ[x], Min[x], Max[x]}", "{True, -3, 3}"),
        ("Head[RandomInteger[]]", "Integer"),
        ("MemberQ[{0, 1}, RandomInteger[]]", "True"),
        ("x = RandomComplex[{0, 1 + 2 I}, 50]; {Developer`PackedArrayQ[x], Max[Re[x]] <= 1, Max[Im[x]] <= 2}", "{True, True, True}"),
        ("Head[RandomComplex[]]", "Complex"),
        ("x = RandomChoice[{a, b, c}, 20]; Complement[x, {a, b, c}]", "{}"),
        ("RandomChoice[{0, 1} -> {a, b}, 5]", "{b, b, b, b, b}"),
        ("x = RandomChoice[Range[5], {2, 3}]; {Dimensions[x], Developer`PackedArrayQ[x]}", "{{2, 3}, True}"),
        ("Sort[RandomSample[Range[10]]]", "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}"),
        ("Length[Union[RandomSample[{a, b, c, d, e}, 3]]]", "3"),
        ("x = RandomVariate[NormalDistribution[10, 2], 20000]; {Developer`PackedArrayQ[x], Abs[Mean[x] - 10] < 0.1, Abs[StandardDeviation[x] - 2] < 0.1}",
         "{True, True, True}"),
        ("x = RandomVariate[ExponentialDistribution[4], 20000]; Abs[Mean[x] - 1/4] < 0.02", "True"),
        ("x = RandomVariate[PoissonDistribution[3.5], 20000]; {Head[x[[1]]], Abs[Mean[x] - 3.5] < 0.1}", "{Integer, True}"),
        ("x = RandomVariate[UniformDistribution[{1, 2}], {10, 10}]; {Dimensions[x], Min[x] >= 1}", "{{10, 10}, True}"),
        ("Dimensions[RandomVariate[MultinormalDistribution[{1, 2}, {{1, 0}, {0, 1}}], 7]]", "{7, 2}"),
        ("Dimensions[RandomVariate[MultinormalDistribution[{1, 2}, {{1, 0}, {0, 1}}]]]", "{2}"),
        ("NormalDistribution[0, 1]", "NormalDistribution[0, 1]"),
    ])
    func draws(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test(arguments: [
        ("RandomVariate[NormalDistribution[0, -1]]",
         "\nNormalDistribution::posprm: Parameter -1 at position 2 in NormalDistribution[0, -1] is expected to be positive.\n"),
        ("RandomReal[{0, x}]",
         "\nRandomReal::unifr: The endpoints specified by {0, x} for the endpoints of the uniform distribution range are not real valued.\n"),
    ])
    func failures(_ source: String, _ output: String) {
        let run = evaluateWithOutput(source)
        #expect(run.output == output)
        #expect(run.result == source)
    }
}
