// tessera: the command line, following wolframscript's conventions.
//
//   tessera -code 'EXPR'        print the result (a string as it is, else its InputForm-like text)
//   tessera FILE.wl | -file F   evaluate each expression, print each unsuppressed result (OutputForm)
//   tessera -script FILE.wl     evaluate, print only what the script prints
//   tessera                     interactive session
//   tessera conformance CASES.jsonl [--topic T] [--kind K] [--id ID] [--show-failures N]

import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraParallel
import TesseraRunner

#if canImport(Glibc)
import Glibc
#endif

final class ExitStatus: @unchecked Sendable { var value: Int32 = 0 }

/// Chooses the mode from the arguments and runs it; all kernel work happens on a large stack, on the
/// main thread (LargeStack.swift).
func main(_ arguments: [String]) -> Int32 {
    let status = ExitStatus()
    runOnLargeStackHere {
        status.value = run(arguments)
        flushOut()
    }
    return status.value
}

func run(_ arguments: [String]) -> Int32 {
    var arguments = arguments
    let recording = RecordingOptions(taking: &arguments)
    let monitoring = MonitorOptions(taking: &arguments)
    if arguments.first == "--subkernel", arguments.count == 3, let id = Int(arguments[1]), let parent = Int32(arguments[2]) {
        // Started by a master's LaunchKernels (TesseraParallel's SubkernelLauncher), never by hand.
        let kernel = KernelAssembly.makeKernel()
        return SubkernelServer.serve(kernel, kernelID: id, parentPID: parent)
    }
    if arguments.first == "conformance" {
        return conformanceMain(Array(arguments.dropFirst()))
    }
    if let i = arguments.firstIndex(of: "-code") ?? arguments.firstIndex(of: "-c"), i + 1 < arguments.count {
        let kernel = KernelAssembly.makeKernel { monitoring.write($0) }
        kernel.commandLine = CommandLine.arguments
        return recording.run(kernel) {
            monitoring.run(kernel) { runCode(kernel, arguments[i + 1]) { monitoring.write($0) }.exitCode }
        }
    }
    if let i = arguments.firstIndex(of: "-script"), i + 1 < arguments.count {
        return runFile(arguments[i + 1], echoResults: false, recording, monitoring)
    }
    if let i = arguments.firstIndex(of: "-file") ?? arguments.firstIndex(of: "-f"), i + 1 < arguments.count {
        return runFile(arguments[i + 1], echoResults: true, recording, monitoring)
    }
    if let file = arguments.first(where: { !$0.hasPrefix("-") }) {
        return runFile(file, echoResults: true, recording, monitoring)
    }
    return interactiveSession()
}

exit(main(Array(CommandLine.arguments.dropFirst())))
