import Testing
import TesseraBuiltins
import TesseraCore
import TesseraRunner

@Suite struct AbortTests {
    /// (source, side output, result): the reference pages' examples where they are deterministic.
    @Test(arguments: [
        ("Print[a]; Abort[]; Print[b]", "a\n", "$Aborted"),
        ("AbortProtect[Abort[]; Print[a]]; Print[b]", "a\n", "$Aborted"),
        ("AbortProtect[x = (3; Abort[]; 4)]\nx", "", "4"),
        ("y = (3; Abort[]; 4)\ny", "", "y"),
        ("CheckAbort[Abort[]; 1, 2]", "", "2"),
        ("CheckAbort[1, 2]", "", "1"),
        ("{CheckAbort[Abort[], a], b}", "", "{a, b}"),
        ("AbortProtect[CheckAbort[Echo[1]; Abort[]; Echo[2], Echo[3]]]", ">> 1\n>> 3\n", "3"),
        ("AbortProtect[Abort[]; CheckAbort[Echo[1], Echo[2]]; Echo[3]]", ">> 2\n>> 3\n", "3"),
        ("TimeConstrained[Pause[10], 0.1]", "", "$Aborted"),
        ("TimeConstrained[Do[i^2, {i, 10^9}], 0.1, late]", "", "late"),
        ("TimeConstrained[Do[i, {i, 10^9}], 0.1, late]", "", "late"),
        ("TimeConstrained[1 + 1, 10, late]", "", "2"),
        ("TimeConstrained[1 + 1, Infinity]", "", "2"),
        ("TimeConstrained[Pause[10], 0.1, Echo[1]; 2]", ">> 1\n", "2"),
        // An AbortProtect inside holds the time limit until it ends; one outside cannot.
        ("TimeConstrained[AbortProtect[Pause[0.3]; Echo[1]], 0.1, 2]", ">> 1\n", "2"),
        ("AbortProtect[TimeConstrained[Pause[10]; Echo[1], 0.1, 2]]", "", "2"),
        // CheckAbort sees a time limit's abort, and passes it on.
        ("TimeConstrained[CheckAbort[Pause[10], Echo[1]]; Echo[2], 0.1, 3]", ">> 1\n", "3"),
        ("TimeConstrained[AbortProtect[Pause[0.3]; CheckAbort[Echo[1], Echo[2]]; Echo[3]], 0.1, 4]",
         ">> 2\n>> 3\n", "4"),
        ("MemoryConstrained[Range[10^6], 10000]", "", "$Aborted"),
        ("MemoryConstrained[Length[Range[10^6]], 10000, big]", "", "big"),
        ("MemoryConstrained[Total[Range[100]], 10^6]", "", "5050"),
        ("MemoryConstrained[Do[r = Range[1000], {100}]; done, 10^5, stopped]", "", "stopped"),
        ("MemoryConstrained[Range[10^6]; 1, Infinity]", "", "1"),
        ("Pause[0.01]", "", "Null"),
    ])
    func abortsFollowTheReferencePages(_ source: String, _ output: String, _ result: String) {
        let text = evaluateSource(source)
        #expect(text.output == output, "\(source)")
        #expect(text.result == result, "\(source)")
    }

    @Test(arguments: [
        ("Pause[-1]", "\nPause::numnm: Non-negative machine-sized number expected at position 1 in Pause[-1].\n"),
        ("Pause[x]", "\nPause::numnm: Non-negative machine-sized number expected at position 1 in Pause[x].\n"),
        ("TimeConstrained[1, -1]", "\nTimeConstrained::timc: Number of seconds -1 is not a positive machine-sized number or Infinity.\n"),
    ])
    func badLimitsAreReported(_ source: String, _ output: String) {
        let text = evaluateSource(source)
        #expect(text.output == output)
        #expect(text.result == source)
    }

    @Test func pauseWaitsAtLeastItsTime() {
        #expect(evaluate("AbsoluteTiming[Pause[0.2]][[1]] >= 0.2") == "True")
    }

    @Test func anAbortRequestedFromOutsideStopsTheEvaluation() {
        let box = ResultBox()
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel()
            kernel.requestAbort()
            if case .finished(let e) = kernel.run("Do[i, {i, 10^9}]") { box.texts.append(kernel.resultText(e)) }
            // Deferred inside AbortProtect: the body finishes, the abort follows.
            kernel.requestAbort()
            if case .finished(let e) = kernel.run("AbortProtect[Do[i, {i, 10^4}]; done = True]") {
                box.texts.append(kernel.resultText(e))
            }
            if case .finished(let e) = kernel.run("done") { box.texts.append(kernel.resultText(e)) }
            kernel.tearDown()
        }
        #expect(box.texts == ["$Aborted", "$Aborted", "True"])
    }

    @Test(arguments: [(InterruptChoice.continue, "done"), (.abort, "$Aborted"), (.exit(3), "$Quit[3]")])
    func anInterruptAsksTheHandler(_ choice: InterruptChoice, _ expected: String) {
        let box = ResultBox()
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel()
            kernel.interruptHandler = { _ in box.asked += 1; return choice }
            kernel.requestInterrupt()
            switch kernel.run("Do[i, {i, 10^4}]; done") {
            case .finished(let e): box.texts.append(kernel.resultText(e))
            case .quit(let code): box.texts.append("$Quit[\(code)]")
            case .syntaxError: break
            }
            kernel.tearDown()
        }
        #expect(box.texts == [expected])
        #expect(box.asked == 1)
    }
}

final class ResultBox: @unchecked Sendable {
    var texts: [String] = []
    var asked = 0
}

@Suite struct HistoryTests {
    @Test(arguments: [
        // Infinity by default: every Out stays.
        ("1\n2\n3\n{$HistoryLength, Out[1], %%}", "{Infinity, 1, 2}"),
        // With $HistoryLength = 2 only the last two lines keep their In and Out.
        ("a\n$HistoryLength = 2\nb\nc\n{Out[1], Out[3], Out[4]}", "{%1, b, c}"),
        ("a\n$HistoryLength = 0\nb\n%", "%"),
        ("x = 1\nx + 10\nx = 5;\nIn[2]", "15"),
        ("Print[hi]\nIn[1]; In[-2]", "In[-2]"),
        ("$HistoryLength = 1\nk = 1\nk++\nIn[2]", "In[2]"),
    ])
    func historyKeepsWhatItShould(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test func inEvaluatesTheInputAgain() {
        let text = evaluateSource("Print[hi]\nIn[1]")
        #expect(text.output == "hi\nhi\n")
    }

    @Test func aBoundedHistoryFreesOldLines() {
        let box = ResultBox()
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel()
            _ = kernel.run("$HistoryLength = 3")
            for i in 0..<50 { _ = kernel.run("Range[\(i)]") }
            box.asked = max(kernel.outputs.count, kernel.inputs.count)
            kernel.tearDown()
        }
        #expect(box.asked == 3)
    }
}
