// The parallel functions give what their serial forms give, in order: each case is evaluated in one
// master with two subkernels as `parallel === serial` (and the parallel result itself is compared,
// so an unevaluated or $Failed result on both sides cannot pass).

import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelFunctionsTests {
    /// (parallel form, serial form, expected InputForm of both)
    static let cases: [(String, String, String)] = [
        ("ParallelTable[i^2, {i, 10}]", "Table[i^2, {i, 10}]", "{1, 4, 9, 16, 25, 36, 49, 64, 81, 100}"),
        ("ParallelTable[x, {3}]", "Table[x, {3}]", "{x, x, x}"),
        ("ParallelTable[i, {i, 2, 11, 3}]", "Table[i, {i, 2, 11, 3}]", "{2, 5, 8, 11}"),
        ("ParallelTable[i, {i, 0, 1, 1/4}]", "Table[i, {i, 0, 1, 1/4}]", "{0, 1/4, 1/2, 3/4, 1}"),
        ("ParallelTable[i, {i, 1., 2., 0.5}]", "Table[i, {i, 1., 2., 0.5}]", "{1., 1.5, 2.}"),
        ("ParallelTable[i, {i, {a, b, c}}]", "Table[i, {i, {a, b, c}}]", "{a, b, c}"),
        ("ParallelTable[10 i + j, {i, 2}, {j, 3}]", "Table[10 i + j, {i, 2}, {j, 3}]", "{{11, 12, 13}, {21, 22, 23}}"),
        ("ParallelTable[{i, j}, {i, 3}, {j, i, 3}]", "Table[{i, j}, {i, 3}, {j, i, 3}]",
         "{{{1, 1}, {1, 2}, {1, 3}}, {{2, 2}, {2, 3}}, {{3, 3}}}"),
        ("ParallelTable[i, {i, 0}]", "Table[i, {i, 0}]", "{}"),
        ("ParallelTable[i + j, {i, 7}, {j, 2}, Method -> \"CoarsestGrained\"]", "Table[i + j, {i, 7}, {j, 2}]",
         "{{2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 8}, {8, 9}}"),
        ("ParallelTable[i, {i, 7}, Method -> \"FinestGrained\"]", "Table[i, {i, 7}]", "{1, 2, 3, 4, 5, 6, 7}"),
        ("ParallelTable[i, {i, 7}, Method -> \"ItemsPerEvaluation\" -> 3]", "Table[i, {i, 7}]", "{1, 2, 3, 4, 5, 6, 7}"),
        ("ParallelTable[i, {i, 7}, Method -> \"EvaluationsPerKernel\" -> 2]", "Table[i, {i, 7}]", "{1, 2, 3, 4, 5, 6, 7}"),
        ("ParallelMap[f, {1, 2, 3}]", "Map[f, {1, 2, 3}]", "{f[1], f[2], f[3]}"),
        ("ParallelMap[f, h[1, 2]]", "Map[f, h[1, 2]]", "h[f[1], f[2]]"),
        ("ParallelMap[f, <|a -> 1, b -> 2|>]", "Map[f, <|a -> 1, b -> 2|>]", "<|a -> f[1], b -> f[2]|>"),
        ("ParallelMap[f, {{1, 2}, {3}}, {2}]", "Map[f, {{1, 2}, {3}}, {2}]", "{{f[1], f[2]}, {f[3]}}"),
        ("ParallelMap[f, {{1, 2}, {3}}, 2]", "Map[f, {{1, 2}, {3}}, 2]", "{f[{f[1], f[2]}], f[{f[3]}]}"),
        ("ParallelMap[f, {{1, 2}, {3}}, {-1}]", "Map[f, {{1, 2}, {3}}, {-1}]", "{{f[1], f[2]}, {f[3]}}"),
        ("ParallelMap[f, {{1, 2}, {3}}, {0, Infinity}]", "Map[f, {{1, 2}, {3}}, {0, Infinity}]",
         "f[{f[{f[1], f[2]}], f[{f[3]}]}]"),
        ("ParallelMap[#^2 &, Range[9], Method -> \"CoarsestGrained\"]", "Map[#^2 &, Range[9]]", "{1, 4, 9, 16, 25, 36, 49, 64, 81}"),
        ("ParallelSum[i^2, {i, 100}]", "Sum[i^2, {i, 100}]", "338350"),
        ("ParallelSum[i j, {i, 3}, {j, i}]", "Sum[i j, {i, 3}, {j, i}]", "25"),
        ("ParallelSum[1/i^2, {i, Infinity}]", "Sum[1/i^2, {i, Infinity}]", "Sum[1/i^2, {i, Infinity}]"),
        ("ParallelProduct[i, {i, 12}]", "Product[i, {i, 12}]", "479001600"),
        ("ParallelArray[f, 3]", "Array[f, 3]", "{f[1], f[2], f[3]}"),
        ("ParallelArray[f, {3, 2}, {0, 1}]", "Array[f, {3, 2}, {0, 1}]",
         "{{f[0, 1], f[0, 2]}, {f[1, 1], f[1, 2]}, {f[2, 1], f[2, 2]}}"),
        ("ParallelCombine[Total, Range[10], Plus]", "Total[Range[10]]", "55"),
        ("ParallelCombine[Reverse, {1, 2, 3, 4}]", "Join[Reverse[{1, 2}], Reverse[{3, 4}]]", "{2, 1, 4, 3}"),
        ("Parallelize[Table[i^2, {i, 5}]]", "Table[i^2, {i, 5}]", "{1, 4, 9, 16, 25}"),
        ("Parallelize[Map[f, {1, 2}]]", "Map[f, {1, 2}]", "{f[1], f[2]}"),
        ("Parallelize[Sum[i, {i, 10}]]", "Sum[i, {i, 10}]", "55"),
        ("Parallelize[Product[i, {i, 5}]]", "Product[i, {i, 5}]", "120"),
        ("Parallelize[Array[f, 2]]", "Array[f, 2]", "{f[1], f[2]}"),
        ("Parallelize[Select[Range[20], PrimeQ]]", "Select[Range[20], PrimeQ]", "{2, 3, 5, 7, 11, 13, 17, 19}"),
        ("Parallelize[Count[Range[20], _?EvenQ]]", "Count[Range[20], _?EvenQ]", "10"),
        ("Parallelize[Cases[{1, a, 2, b}, _Integer]]", "Cases[{1, a, 2, b}, _Integer]", "{1, 2}"),
        ("Parallelize[Sqrt[{1, 4, 9, 16}]]", "Sqrt[{1, 4, 9, 16}]", "{1, 2, 3, 4}"),
        ("Parallelize[{1 + 1, 2 + 2}]", "{1 + 1, 2 + 2}", "{2, 4}"),
        ("Parallelize[y = 3; Table[y + i, {i, 2}]]", "y = 3; Table[y + i, {i, 2}]", "{4, 5}"),
        ("ParallelTry[If[# > 2, #, $Failed] &, {1, 2, 3}]", "3", "3"),
        ("Sort[ParallelTry[# &, {1, 2, 3, 4}, 4]]", "{1, 2, 3, 4}", "{1, 2, 3, 4}"),
        ("WaitAll[{ParallelSubmit[1 + 1], ParallelSubmit[2^10]}]", "{1 + 1, 2^10}", "{2, 1024}"),
        ("WaitAll[ParallelSubmit[3] + ParallelSubmit[4]]", "3 + 4", "7"),
        ("MemberQ[{1, 2}, First[WaitNext[{ParallelSubmit[1], ParallelSubmit[2]}]]]", "True", "True"),
        ("Do[Null, {1}]; ParallelDo[i, {i, 3}]", "Do[i, {i, 3}]", "Null"),
    ]

    @Test func parallelFunctionsEqualTheirSerialForms() {
        var sources = ["LaunchKernels[2]; Null"]
        for (parallel, serial, _) in Self.cases {
            sources.append(parallel)
            sources.append("(\(parallel)) === (\(serial))")
        }
        let run = Master.run(sources)
        for (n, (parallel, _, expected)) in Self.cases.enumerated() {
            #expect(run.results[1 + 2 * n] == expected, "\(parallel)")
            #expect(run.results[2 + 2 * n] == "True", "\(parallel) equals its serial form")
        }
        #expect(!run.output.contains("::"), "no messages: \(run.output)")
    }

    @Test func aMethodThatIsNoneOfTheKnownOnesSaysMethAndRunsAsAutomatic() {
        let run = Master.run(["LaunchKernels[2]; Null", "ParallelTable[i, {i, 3}, Method -> foo]"])
        #expect(run.results[1] == "{1, 2, 3}")
        #expect(run.output.contains("ParallelTable::meth: Value of option Method -> foo"), "\(run.output)")
    }

    @Test func parallelizeOfAFormWithoutParallelVersionSaysNopar1() {
        let run = Master.run(["LaunchKernels[2]; Null", "Parallelize[1 + 2]"])
        #expect(run.results[1] == "3")
        #expect(run.output.contains("Parallelize::nopar1: 1 + 2 cannot be parallelized; proceeding with sequential evaluation."),
                "\(run.output)")
    }

    @Test func submittedEvaluationsAreEvaluationObjectsUntilWaitedFor() {
        let run = Master.run(["LaunchKernels[2]; Null", "e = ParallelSubmit[1 + 1]", "WaitAll[e]", "WaitNext[{ParallelSubmit[5]}]"])
        #expect(run.results[1] == "EvaluationObject[1, 1 + 1]")
        #expect(run.results[2] == "2")
        #expect(run.results[3] == "{5, EvaluationObject[2, 5], {}}")
    }
}
