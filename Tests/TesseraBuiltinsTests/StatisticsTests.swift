// Mean, Variance, StandardDeviation, Median, Covariance: exact, machine and symbolic data.

import Testing

struct StatisticsTests {
    @Test(arguments: [
        ("Mean[{1, 2}]", "3/2"),
        ("Mean[{{1, 2}, {3, 5}}]", "{2, 7/2}"),
        ("Mean[Range[10]]", "11/2"),
        ("Mean[{1., 2., 4.}]", "2.333333333333333"),
        ("Mean[{x, 1.0}]", "(1. + x)/2"),
        ("Mean[{Pi, 16.0}]", "9.570796326794897"),
        ("Mean[<|a -> 1, b -> 2|>]", "3/2"),
        ("Mean[{}]", "Mean[{}]"),
        ("Variance[{1, 2, 3, 4}]", "5/3"),
        ("Variance[{{1, 3, 5}, {4, 10, 100}}]", "{9/2, 49/2, 9025/2}"),
        ("Variance[{1., 2., 4.}]", "2.333333333333333"),
        ("Variance[{1 + I, 2}]", "1"),
        ("StandardDeviation[{{1, 10}, {-1, 20}}]", "{Sqrt[2], 5*Sqrt[2]}"),
        ("StandardDeviation[{10^20, 2*10^20, 3*10^20}]", "100000000000000000000"),
        ("Median[{1, 2, 3, 4}]", "5/2"),
        ("Median[{1.5, 1/2, 1/3}]", "1/2"),
        ("Median[{Pi, E, 1, 2}]", "(2 + E)/2"),
        ("Median[{{1, 2}, {3, 4}}]", "{2, 3}"),
        ("Median[{1.5, 2.5, 3.5, 4.5}]", "3."),
        ("Covariance[{{1, 2}, {3, 5}, {4, 4}}]", "{{7/3, 11/6}, {11/6, 7/3}}"),
        ("Covariance[{1, 2, 3}, {2, 4, 7}]", "5/2"),
        ("Covariance[{1., 2., 3.}, {2., 4., 7.}]", "2.5"),
        ("Mean[NormalDistribution[m, s]]", "m"),
        ("StandardDeviation[ExponentialDistribution[2]]", "1/2"),
        ("x = RandomReal[1, {50, 3}]; Developer`PackedArrayQ /@ {Mean[x], Variance[x], Median[x], Covariance[x]}", "{True, True, True, True}"),
    ])
    func statistics(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }

    @Test func tooShort() {
        let run = evaluateWithOutput("Variance[{1}]")
        #expect(run.output == "\nVariance::shlen: The argument {1} should have at least 2 elements.\n")
        #expect(run.result == "Variance[{1}]")
    }
}

@Suite struct TotalTests {
    @Test(arguments: [
        // Machine reals add pairwise (halves at ceil(n/2)), as Mathematica's last bits show.
        ("Total[Table[0.1, 10]]", "1."),
        ("Total[Table[0.1, 7]]", "0.7000000000000001"),
        ("Total[{0.1, 0.7, 0.3}]", "1.0999999999999999"),
        ("Total[{1, 2.2, 3, 4.4, 5, 6.6}]", "22.2"),
        ("Total[Developer`ToPackedArray[Table[0.1, 10]]]", "1."),
        // Exact and symbolic parts go through Plus.
        ("Total[{1/3, 1/3, 1/3, 0.5}]", "1.5"),
        ("Total[{{1, 2}, {3, 4}}]", "{4, 6}"),
        ("Total[<|a -> 1, b -> 2|>]", "3"),
        // Not a list: a numeric quantity is its own total, anything else stays unevaluated.
        ("{Total[2 Pi], Total[x + y], Total[x]}", "{2*Pi, Total[x + y], Total[x]}"),
    ])
    func totalAddsLikeMathematica(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
