// Definitions reach subkernels automatically and transitively, once per version; DistributeDefinitions,
// the DistributedContexts option and $DistributedContexts decide the rest.
//
// A result comes back to the master and evaluates there again, so each case looks at what the
// subkernel itself computed: `Hold[Evaluate[f[3]]]` is `Hold[9]` only if the subkernel knew f.

import Foundation
import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct DefinitionDistributionTests {
    @Test(arguments: [
        // A function defined on the master, used on the subkernels.
        (["f[x_] := x^2"], "ParallelEvaluate[Hold[Evaluate[f[3]]]]", "{Hold[9], Hold[9]}"),
        // Transitively: g needs DFT, DFT needs ht.
        (["ht = 7", "DFT[x_] := x + ht", "g[x_] := 2 DFT[x]"], "ParallelEvaluate[Hold[Evaluate[g[1]]]]", "{Hold[16], Hold[16]}"),
        // Attributes, options, messages and default values travel with the symbol.
        (["SetAttributes[h, HoldAll]", "Options[h] = {a -> 1}", "h::m = \"msg\"", "Default[h] = 4", "h[x_.] := Hold[x]"],
         "ParallelEvaluate[{Attributes[h], Options[h], h::m, h[]}, 1]", "{{HoldAll}, {a -> 1}, \"msg\", Hold[4]}"),
        // UpValues and SubValues.
        (["area[sq[s_]] ^:= s^2", "curried[a_][b_] := a - b"], "ParallelEvaluate[Hold[Evaluate[{area[sq[3]], curried[5][2]}]], 1]",
         "Hold[{9, 3}]"),
        // No distribution at all, by option or by $DistributedContexts.
        (["f[x_] := x^2"], "ParallelEvaluate[Hold[Evaluate[f[3]]], DistributedContexts -> None]", "{Hold[f[3]], Hold[f[3]]}"),
        (["$DistributedContexts = None", "f[x_] := x^2"], "ParallelEvaluate[Hold[Evaluate[f[3]]]]", "{Hold[f[3]], Hold[f[3]]}"),
        (["f[x_] := x^2"], "ParallelEvaluate[Hold[Evaluate[f[3]]], 1, DistributedContexts -> {\"Other`\"}]", "Hold[f[3]]"),
        (["f[x_] := x^2"], "ParallelEvaluate[Hold[Evaluate[f[3]]], 1, DistributedContexts -> \"Global`\"]", "Hold[9]"),
        // DistributeDefinitions sends now, names what it sent, and nothing when nothing changed.
        (["a = 5", "DistributeDefinitions[a]"], "{DistributeDefinitions[a], ParallelEvaluate[Hold[Evaluate[a]], DistributedContexts -> None]}",
         "{{}, {Hold[5], Hold[5]}}"),
        (["b := c + 1", "c = 2"], "DistributeDefinitions[b]", "{HoldForm[b], HoldForm[c]}"),
        (["Pkg`u = 1", "Pkg`w := Pkg`u + 1"], "{DistributeDefinitions[\"Pkg`\"] // Sort, ParallelEvaluate[Hold[Evaluate[Pkg`w]], 1]}",
         "{{HoldForm[Pkg`u], HoldForm[Pkg`w]}, Hold[2]}"),
        // Values of iterators, Block and Module locals are the ones in force when the evaluation is sent.
        ([], "Table[ParallelEvaluate[Hold[Evaluate[i]], 1], {i, 2}]", "{Hold[1], Hold[2]}"),
        (["v = 1"], "{Block[{v = 2}, ParallelEvaluate[Hold[Evaluate[v]], 1]], ParallelEvaluate[Hold[Evaluate[v]], 1]}", "{Hold[2], Hold[1]}"),
        ([], "Module[{q = 42}, ParallelEvaluate[Hold[Evaluate[q]], 1]]", "Hold[42]"),
        // A redefinition reaches kernels that had the old one; a removed rule is removed there too.
        (["f[x_] := x", "f[0] = 10", "ParallelEvaluate[f[1]]", "f[x_] := 2 x", "f[0] =."],
         "ParallelEvaluate[Hold[Evaluate[{f[0], f[1]}]], 1]", "Hold[{0, 2}]"),
        // A kernel launched later gets what the others have with its first request.
        (["f[x_] := x + 1", "ParallelEvaluate[f[1]]", "LaunchKernels[1]"], "ParallelEvaluate[Hold[Evaluate[ToExpression[\"f[1]\"]]], 3]", "Hold[2]"),
        (["f[x_] := x + 1", "ParallelEvaluate[f[1]]"], "Length[$DistributedDefinitions]", "1"),
    ])
    func definitionsReachSubkernels(setup: [String], expression: String, expected: String) {
        let run = Master.run(["LaunchKernels[2];"] + setup.map { $0 + ";" } + [expression])
        #expect(run.results.last == expected, "\(run.output)")
    }

    /// The ledger's bytes per symbol grow only for the symbols that changed.
    @Test func onlyChangedSymbolsAreSentAgain() {
        let run = Master.run([
            "LaunchKernels[2]; f[x_] := g[x]; g[x_] := x; ParallelEvaluate[f[1]]; first = Parallel`Developer`DefinitionBytes[]",
            "ParallelEvaluate[f[2]]; Parallel`Developer`DefinitionBytes[] === first",
            "g[x_] := 2 x; ParallelEvaluate[f[2]]; again = Parallel`Developer`DefinitionBytes[];"
                + " {again[[1, 2]] == first[[1, 2]], again[[2, 2]] > first[[2, 2]]}",
            "first[[All, 1]]",
        ])
        #expect(run.results.dropFirst() == ["True", "{True, True}", "{\"Global`f\", \"Global`g\"}"])
    }

    @Test func parallelNeedsLoadsAPackageOnEveryKernel() throws {
        let directory = "/tmp/tessera-parallelneeds-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "BeginPackage[\"NeedsProbe`\"]\nsquare::usage = \"\"\nBegin[\"`Private`\"]\nsquare[x_] := x^2\nEnd[]\nEndPackage[]\n"
            .write(toFile: directory + "/NeedsProbe.wl", atomically: true, encoding: .utf8)
        let run = Master.run([
            "LaunchKernels[2]; ParallelEvaluate[AppendTo[$Path, \"\(directory)\"]];",
            "ParallelNeeds[\"NeedsProbe`\"]",
            "ParallelEvaluate[Hold[Evaluate[NeedsProbe`square[3]]]]",
            "MemberQ[$Packages, \"NeedsProbe`\"]",
        ])
        #expect(run.results.dropFirst() == ["Null", "{Hold[9], Hold[9]}", "False"], "\(run.output)")
    }
}
