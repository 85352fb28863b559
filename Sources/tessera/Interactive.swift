// The interactive session: In[n]:= / Out[n]= prompts, line editing and history through libedit,
// multi-line input while brackets are open. With standard input not a terminal, lines are read
// without prompts (libedit prints none then), and results are still shown.

@preconcurrency import CEdit
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
    let terminal = isatty(0) != 0
    while true {
        var source = ""
        var prompt = "In[\(kernel.lineNumber)]:= "
        var ended = false
        while true {
            guard let line = readLine(prompt: prompt, terminal: terminal) else { ended = true; break }
            source += (source.isEmpty ? "" : "\n") + line
            if !inputIsOpen(source) { break }
            prompt = String(repeating: " ", count: prompt.count)
        }
        if ended && source.isEmpty { writeOut("\n"); return 0 }
        if source.trimmingCharacters(in: " \t").isEmpty { if ended { return 0 }; continue }
        if terminal { _ = add_history(source) }
        let line = kernel.lineNumber
        let outcome = kernel.run(source) { _, result in
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

private func readLine(prompt: String, terminal: Bool) -> String? {
    if terminal {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }
    writeOut(prompt)
    flushOut()
    return Swift.readLine(strippingNewline: true)
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// True while the text so far cannot be a complete input (brackets or a string still open).
private func inputIsOpen(_ source: String) -> Bool {
    Parser.needsMoreInput(source)
}
