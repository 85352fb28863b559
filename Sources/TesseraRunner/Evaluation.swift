// Evaluating source text in a fresh kernel and getting back what `tessera -code` prints: the one
// entry point that tests of every module use.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

final class TextBox: @unchecked Sendable { var text = "" }

public struct EvaluationText: Sendable {
    /// Side output: Print, messages.
    public let output: String
    /// The text of the last result (a string as it is).
    public let result: String
}

/// Evaluates `source` in a fresh kernel on a large stack.
public func evaluateSource(_ source: String, timeout: Double = 60) -> EvaluationText {
    let output = TextBox(), result = TextBox()
    runOnLargeStack {
        let kernel = KernelAssembly.makeKernel { output.text += $0 }
        kernel.deadline = monotonicSeconds() + timeout
        switch kernel.run(source) {
        case .finished(let e):
            if case .string(let s) = e { result.text = s } else { result.text = kernel.resultText(e) }
        case .syntaxError: result.text = "$SyntaxError"
        case .quit(let code): result.text = "$Quit[\(code)]"
        }
        kernel.tearDown()
    }
    return EvaluationText(output: output.text, result: result.text)
}
