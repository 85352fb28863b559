import Testing
import TesseraRunner

/// `$RecursionLimit` and `$IterationLimit` as in Mathematica: settable (to Infinity too, and in Block),
/// one level per user-level recursive call, a call in tail position counted as iteration, and a
/// recursion deeper than the native stack allows ended with a message rather than a crash.
@Suite struct EvaluationLimitTests {
    /// (source, result, what the messages contain; "" for no message)
    @Test(arguments: [
        // The reference page of $IterationLimit: f[20] is a chain of 22 links.
        ("f[0] = 1; f[p_] := f[p - 1]; Block[{$IterationLimit = 22}, f[20]]", "1", ""),
        ("f[0] = 1; f[p_] := f[p - 1]; Block[{$IterationLimit = 20}, f[20]]",
         "TerminatedEvaluation[IterationLimit]", "$IterationLimit::itlim: Iteration limit of 20 exceeded."),
        ("f[p_] := f[p - 1]; f[1]", "TerminatedEvaluation[IterationLimit]",
         "$IterationLimit::itlim: Iteration limit of 4096 exceeded."),
        // One level per call: the input is level 1, f[30] level 2, so 18 more calls fit in 20.
        ("$RecursionLimit = 20; f[n_] := If[n == 0, 0, 1 + f[n - 1]]; f[30]", "TerminatedEvaluation[RecursionLimit]",
         "$RecursionLimit::reclim2: Recursion depth of 20 exceeded during evaluation of 14 - 1."),
        ("$RecursionLimit = 20; f[n_] := If[n == 0, 0, 1 + f[n - 1]]; f[16]", "16", ""),
        ("x = x + 1", "TerminatedEvaluation[RecursionLimit]",
         "$RecursionLimit::reclim2: Recursion depth of 1024 exceeded during evaluation of 1 + x."),
        // Settable in Block, to Infinity too, and restored after it.
        ("f[n_] := If[n == 0, 0, 1 + f[n - 1]]; Block[{$RecursionLimit = 100000}, f[50000]]", "50000", ""),
        ("f[n_] := If[n == 0, 0, 1 + f[n - 1]]; Block[{$RecursionLimit = Infinity}, f[20000]]", "20000", ""),
        ("{Block[{$RecursionLimit = Infinity, $IterationLimit = 50}, {$RecursionLimit, $IterationLimit}], $RecursionLimit}",
         "{{Infinity, 50}, 1024}", ""),
        ("f[n_] := If[n == 0, 0, 1 + f[n - 1]]; Block[{$RecursionLimit = 100}, f[10]]; f[2000]",
         "TerminatedEvaluation[RecursionLimit]", "Recursion depth of 1024 exceeded"),
        // A tail call is iteration: it needs no recursion levels.
        ("f[n_, acc_] := If[n == 0, acc, f[n - 1, acc + n]]; Block[{$IterationLimit = Infinity}, f[10^5, 0]]",
         "5000050000", ""),
        ("f[n_, acc_] := Which[n == 0, acc, True, f[n - 1, acc + n]]; Block[{$IterationLimit = Infinity}, f[10^4, 0]]",
         "50005000", ""),
        // Return[x] as a body's value still ends the function with x.
        ("g[x_] := (Return[x + 1]; 0); h[x_] := If[x > 0, Return[pos], neg]; {g[1], h[1], h[-1]}", "{2, pos, neg}", ""),
    ])
    func limitsBehaveAsInMathematica(_ source: String, _ result: String, _ message: String) {
        let text = evaluateSource(source)
        #expect(text.result == result, "\(source)")
        if message.isEmpty {
            #expect(text.output.isEmpty, "\(source): \(text.output)")
        } else {
            #expect(text.output.contains(message), "\(source): \(text.output)")
        }
    }

    @Test func recursionDeeperThanTheNativeStackEndsWithAMessage() {
        let text = evaluateSource("f[n_] := If[n == 0, 0, 1 + f[n - 1]]; $RecursionLimit = Infinity; {f[10^7], 1}")
        #expect(text.output.contains("$RecursionLimit::reclim2"))
        #expect(text.result == "TerminatedEvaluation[RecursionLimit]")
    }
}
