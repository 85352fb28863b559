import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraParallel
import TesseraRunner

/// Runs a script file. With `echoResults`, each result that is not Null is printed in OutputForm.
/// `recording` (--trace, --report) and `monitoring` (--monitor) watch the subkernels.
func runFile(_ path: String, echoResults: Bool, _ recording: RecordingOptions, _ monitoring: MonitorOptions) -> Int32 {
    guard let source = readTextFile(path) else {
        writeOut("tessera: cannot open \(path)\n")
        return 1
    }
    let kernel = KernelAssembly.makeKernel { monitoring.write($0) }
    kernel.commandLine = CommandLine.arguments
    routeInterruptsToExit(kernel)
    // A script finds the packages beside it, as well as those in the working directory.
    kernel.searchPath.insert(directoryName(path), at: 0)
    return recording.run(kernel) {
        monitoring.run(kernel) {
            let outcome = kernel.run(source, file: path) { _, result in
                if echoResults && !result.isSymbol(kernel.sys.Null) {
                    monitoring.write(kernel.outputText(result) + "\n")
                }
                return true
            }
            switch outcome {
            case .finished: return 0
            case .syntaxError: return 1
            case .quit(let code): return code
            }
        }
    }
}
