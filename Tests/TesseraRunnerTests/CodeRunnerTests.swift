// What `tessera -code` prints and which exit status it gives.

import Testing
import TesseraBuiltins
import TesseraCore
import TesseraRunner

final class Collected: @unchecked Sendable { var text = ""; var status: Int32 = -1 }

private func runCodeText(_ code: String) -> (String, Int32) {
    let box = Collected()
    runOnLargeStack {
        let kernel = KernelAssembly.makeKernel { box.text += $0 }
        box.status = runCode(kernel, code) { box.text += $0 }.exitCode
        kernel.tearDown()
    }
    return (box.text, box.status)
}

@Suite struct CodeRunnerTests {
    @Test(arguments: [
        ("1 + 1", "2\n"),
        ("N[Pi]", "3.141592653589793\n"),
        ("\"a string\"", "a string\n"),
        ("{\"a\", x^2}", "{a, x^2}\n"),
        ("Print[1]; 2", "1\n2\n"),
        ("x = 1;", "Null\n"),
    ])
    func printsTheResultAsWolframscriptDoes(_ code: String, _ expected: String) {
        let (text, status) = runCodeText(code)
        #expect(text == expected)
        #expect(status == 0)
    }

    @Test func exitSetsTheStatus() {
        #expect(runCodeText("Exit[3]").1 == 3)
        #expect(runCodeText("Quit[]").1 == 0)
    }

    @Test func aSyntaxErrorPrintsASyntaxMessageAndFails() {
        let (text, status) = runCodeText("1 +* 2")
        #expect(text.contains("Syntax::"))
        #expect(status != 0)
    }

    @Test func messagesComeBeforeTheResult() {
        let (text, _) = runCodeText("{1, 2}[[5]]")
        #expect(text.hasPrefix("\nPart::partw: Part 5 of {1, 2} does not exist.\n"))
        #expect(text.hasSuffix("{1, 2}[[5]]\n"))
    }

    @Test func theSessionGoesOnAfterBadInput() {
        let (text, status) = runCodeText("f[1, 2][[7]]; g[x_] := x; g[4]")
        #expect(text.hasSuffix("4\n"))
        #expect(status == 0)
    }
}
