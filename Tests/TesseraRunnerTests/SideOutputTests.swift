// Side output as values: Print and messages leave the kernel as structured values, and a message
// that arrives as a value (as a subkernel's will) is treated by Off, Quiet, Check, $MessageList and
// General::stop as one of the kernel's own.

import Testing
import TesseraCore
import TesseraExpr
import TesseraRunner

private final class Outputs: @unchecked Sendable { var values: [SideOutput] = [] }

/// A kernel with a builtin `arrive[]` that re-issues a message built here, as a subkernel's message
/// would arrive: Global`f::boom with the argument 7 and a text the kernel has no template for.
private func kernelReceivingMessages(_ outputs: Outputs) throws -> Kernel {
    let kernel = KernelAssembly.makeKernel(output: { outputs.values.append($0) })
    let arrive = BuiltinFamily("Arrive", [BuiltinSpec("Global`arrive", { k, _ in
        k.reissue(MessageValue(symbol: "Global`f", tag: "boom", arguments: [.integer(7)], text: "it went boom at 7"))
        return .symbol(k.sys.Null)
    })])
    try kernel.install([arrive])
    return kernel
}

/// The result of `source` as InputForm text. The tests call it on the test's own thread: a kernel
/// belongs to the thread that first evaluates in it, and these inputs need no deep stack.
private func run(_ kernel: Kernel, _ source: String) -> String {
    guard case .finished(let e) = kernel.run(source) else { return "" }
    return kernel.inputText(e)
}

private func messageTexts(_ outputs: Outputs) -> [String] {
    outputs.values.compactMap { if case .message(let m, _) = $0 { return m.tag + ": " + m.text } else { return nil } }
}

@Suite struct SideOutputTests {
    @Test func printLeavesTheKernelAsAValueWithItsExpressions() {
        let outputs = Outputs()
        let kernel = KernelAssembly.makeKernel(output: { outputs.values.append($0) })
        _ = run(kernel, "Print[1, x, \"s\"]; Echo[5, \"n:\"]")
        guard outputs.values.count == 2, case .print(let p) = outputs.values[0], case .print(let e) = outputs.values[1] else {
            Issue.record("expected two prints, got \(outputs.values)"); return
        }
        #expect(p.kind == .print && p.text == "1xs" && p.expressions.count == 3)
        #expect(e.kind == .echo && e.text == ">> n: 5")
        #expect(outputs.values[0].terminalText == "1xs\n")
        kernel.tearDown()
    }

    @Test func anIssuedMessageCarriesSymbolTagArgumentsAndText() {
        let outputs = Outputs()
        let kernel = KernelAssembly.makeKernel(output: { outputs.values.append($0) })
        _ = run(kernel, "1/0")
        guard case .message(let m, let shown) = outputs.values.first else { Issue.record("no message"); return }
        #expect(m.symbol == "System`Power" && m.tag == "infy" && shown == "Power")
        #expect(m.text == "Infinite expression 1/0 encountered.")
        kernel.tearDown()
    }

    @Test func anArrivedMessageIsPrintedListedAndCountedLikeAnOwnOne() throws {
        let outputs = Outputs()
        let kernel = try kernelReceivingMessages(outputs)
        #expect(run(kernel, "arrive[]; $MessageList") == "{HoldForm[f::boom]}")
        #expect(messageTexts(outputs) == ["boom: it went boom at 7"])
        #expect(outputs.values.first?.terminalText == "\nf::boom: it went boom at 7\n")
        outputs.values = []
        _ = run(kernel, "Do[arrive[], {4}]")
        #expect(messageTexts(outputs) == ["boom: it went boom at 7", "boom: it went boom at 7", "boom: it went boom at 7",
                                          "stop: Further output of f::boom will be suppressed during this calculation."])
        kernel.tearDown()
    }

    @Test func checkQuietAndOffSeeAnArrivedMessage() throws {
        let outputs = Outputs()
        let kernel = try kernelReceivingMessages(outputs)
        #expect(run(kernel, "Check[arrive[]; 1, failed]") == "failed")
        #expect(run(kernel, "Check[arrive[]; 1, failed, f::other]") == "1")
        outputs.values = []
        #expect(run(kernel, "Quiet[arrive[]]; $MessageList") == "{}")
        #expect(run(kernel, "Check[Quiet[arrive[]]; 1, failed]") == "1")
        #expect(run(kernel, "Off[f::boom]; arrive[]; $MessageList") == "{}")
        #expect(messageTexts(outputs).isEmpty)
        #expect(run(kernel, "On[f::boom]; f::boom") == "f::boom")
        kernel.tearDown()
    }
}
