// tessera: the command line, following wolframscript's conventions.
//
//   tessera -code 'EXPR'        print the result (a string as it is, else its InputForm-like text)
//   tessera FILE.wl | -file F   evaluate each expression, print each unsuppressed result (OutputForm)
//   tessera -script FILE.wl     evaluate, print only what the script prints
//   tessera                     interactive session
//   tessera conformance CASES.jsonl [--topic T] [--kind K] [--id ID] [--show-failures N]

import TesseraBuiltins
import TesseraRunner
import TesseraCore
import TesseraExpr

#if canImport(Glibc)
import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
nonisolated(unsafe) var exitStatus: Int32 = 0
let allArguments = CommandLine.arguments

runOnLargeStack {
    let status: Int32
    if arguments.first == "conformance" {
        status = conformanceMain(Array(arguments.dropFirst()))
    } else if let i = arguments.firstIndex(of: "-code") ?? arguments.firstIndex(of: "-c"), i + 1 < arguments.count {
        let kernel = BuiltinFamilies.makeKernel { writeOut($0) }
        kernel.commandLine = allArguments
        status = runCode(kernel, arguments[i + 1]) { writeOut($0) }.exitCode
    } else if let i = arguments.firstIndex(of: "-script"), i + 1 < arguments.count {
        status = runFile(arguments[i + 1], echoResults: false)
    } else if let i = arguments.firstIndex(of: "-file") ?? arguments.firstIndex(of: "-f"), i + 1 < arguments.count {
        status = runFile(arguments[i + 1], echoResults: true)
    } else if let file = arguments.first(where: { !$0.hasPrefix("-") }) {
        status = runFile(file, echoResults: true)
    } else {
        status = interactiveSession()
    }
    flushOut()
    exitStatus = status
}
exit(exitStatus)
