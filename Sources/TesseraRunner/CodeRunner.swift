// What `tessera -code` does with its text, shared with the conformance runner so that both print
// exactly the same thing: side output (Print, messages) as it happens, then the text of the last
// result (a string as it is, anything else in the form wolframscript prints).

import TesseraBuiltins
import TesseraCore
import TesseraExpr

public struct CodeOutcome {
    public var exitCode: Int32
}

public func runCode(_ kernel: Kernel, _ code: String, write: (String) -> Void) -> CodeOutcome {
    switch kernel.run(code) {
    case .syntaxError:
        return CodeOutcome(exitCode: 1)
    case .quit(let status):
        return CodeOutcome(exitCode: status)
    case .finished(let last):
        if case .string(let s) = last {
            write(s + "\n")
        } else {
            write(kernel.resultText(last) + "\n")
        }
        return CodeOutcome(exitCode: 0)
    }
}
