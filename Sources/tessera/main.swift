// tessera: the command line, following wolframscript's conventions.
//
//   tessera -code 'EXPR'        print the result (a string as it is, else its InputForm-like text)
//   tessera FILE.wl | -file F   evaluate each expression, print each unsuppressed result (OutputForm)
//   tessera -script FILE.wl     evaluate, print only what the script prints
//   tessera                     interactive session
//   tessera conformance CASES.jsonl [--topic T] [--kind K] [--id ID] [--show-failures N]
//   tessera --help | --version
//
// CommandLineMode.swift reads the arguments; a wrong command line exits with status 2.

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
    keepFreedHeapForReuse()
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
    let mode: CommandLineMode
    do throws(UsageError) {
        mode = try CommandLineMode(parsing: arguments)
    } catch {
        flushOut()
        writeError("tessera: \(error)\n" + usageText)
        return 2
    }
    switch mode {
    case .help:
        writeOut(usageText)
        return 0
    case .version:
        writeOut(versionText)
        return 0
    case .subkernel(let id, let parent):
        let kernel = KernelAssembly.makeKernel()
        return SubkernelServer.serve(kernel, kernelID: id, parentPID: parent)
    case .conformance(let rest):
        return conformanceMain(rest)
    case .code(let source):
        let kernel = KernelAssembly.makeKernel { monitoring.write($0) }
        kernel.commandLine = CommandLine.arguments
        return recording.run(kernel) {
            monitoring.run(kernel) { runCode(kernel, source) { monitoring.write($0) }.exitCode }
        }
    case .file(let path, let echoResults):
        return runFile(path, echoResults: echoResults, recording, monitoring)
    case .interactive:
        return interactiveSession()
    }
}

exit(main(Array(CommandLine.arguments.dropFirst())))
