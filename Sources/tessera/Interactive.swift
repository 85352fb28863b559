// The interactive session: a banner, In[n]:= / Out[n]= prompts, line editing and history through
// libedit (kept across sessions: History.swift), multi-line input while brackets are open, and `?name` /
// `??name` for help on a symbol (InformationQuery). With standard input not a terminal, lines are read
// without prompts (libedit prints none then), and results are still shown. Ctrl-C during an
// evaluation offers the "Interrupt>" choices (Interrupts.swift); at the prompt it clears the input.

@preconcurrency import CEdit
import CShim
import TesseraBuiltins
import TesseraRunner
import TesseraCore
import TesseraExpr
import TesseraSyntax

#if canImport(Glibc)
import Glibc
#endif

func interactiveSession() -> Int32 {
    let kernel = KernelAssembly.makeKernel { writeOut($0); flushOut() }
    kernel.commandLine = CommandLine.arguments
    routeInterruptsToMenu(kernel)
    let terminal = isatty(0) != 0
    let history = InputHistory()
    if terminal {
        history.load()
        writeOut(bannerText)
    }
    while true {
        var source = ""
        var prompt = "In[\(kernel.lineNumber)]:= "
        var ended = false
        kernel.clearInterrupts()
        while true {
            guard let line = readLine(prompt: prompt, terminal: terminal) else {
                // Ctrl-C at the prompt: drop what was typed and prompt again.
                if kernel.interruptIsPending { source = ""; writeOut("\n"); break }
                ended = true
                break
            }
            source += (source.isEmpty ? "" : "\n") + line
            if !inputIsOpen(source) { break }
            prompt = String(repeating: " ", count: prompt.count)
        }
        if ended && source.isEmpty { writeOut("\n"); return 0 }
        if source.trimmingCharacters(in: " \t").isEmpty { if ended { return 0 }; continue }
        if terminal { history.add(source) }
        // A Ctrl-C while the line was typed is not meant for the evaluation.
        kernel.clearInterrupts()
        let line = kernel.lineNumber
        let outcome = kernel.run(InformationQuery.rewrite(source) ?? source) { _, result in
            if !result.isSymbol(kernel.sys.Null) {
                writeOut("Out[\(line)]= " + kernel.outputText(result) + "\n\n")
            } else {
                writeOut("\n")
            }
            flushOut()
            return true
        }
        if case .quit(let code) = outcome { return code }
        if ended { return 0 }
    }
}

/// Printed once when a session starts at a terminal: what this is, and how to get help and leave.
private let bannerText = """
\(TesseraVersion.systemText): a Wolfram Language kernel
Type ?name for help on a symbol (??name for more), Quit[] or Ctrl-D to leave; tessera --help for the command line.


"""

private func readLine(prompt: String, terminal: Bool) -> String? {
    if terminal {
        // Ctrl-C must make libedit give up the line (read fails with EINTR) rather than be
        // swallowed by libedit's own handler; see routeInterruptsToMenu.
        rl_catch_signals = 0
        _ = shim_sigint_restarts_reads(0)
        defer { _ = shim_sigint_restarts_reads(1) }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }
    writeOut(prompt)
    flushOut()
    return Swift.readLine(strippingNewline: true)
}

/// True while the text so far cannot be a complete input (brackets or a string still open).
private func inputIsOpen(_ source: String) -> Bool {
    Parser.needsMoreInput(source)
}
