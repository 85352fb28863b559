// The command line's --monitor flag: `tessera --monitor FILE.wl` (or with -file, -script, -code)
// runs as without it, with ParallelMonitor watching the subkernels and a summary at the end.

import TesseraParallel
import TesseraRunner

/// Runs the arguments under the monitor when they contain --monitor; nil when they do not.
func runMonitored(_ arguments: [String]) -> Int32? {
    guard let at = arguments.firstIndex(of: "--monitor") else { return nil }
    var rest = arguments
    rest.remove(at: at)
    let monitor = ParallelMonitor()
    let status: Int32
    if let i = rest.firstIndex(of: "-code") ?? rest.firstIndex(of: "-c"), i + 1 < rest.count {
        let kernel = KernelAssembly.makeKernel { monitor.suspend(); writeOut($0); flushOut() }
        kernel.commandLine = CommandLine.arguments
        ParallelActivity.watch(kernel, monitor)
        status = runCode(kernel, rest[i + 1]) { monitor.suspend(); writeOut($0); flushOut() }.exitCode
        monitor.finish(kernel)
    } else if let i = rest.firstIndex(of: "-script"), i + 1 < rest.count {
        status = runFile(rest[i + 1], echoResults: false, monitor: monitor)
    } else if let i = rest.firstIndex(of: "-file") ?? rest.firstIndex(of: "-f"), i + 1 < rest.count {
        status = runFile(rest[i + 1], echoResults: true, monitor: monitor)
    } else if let file = rest.first(where: { !$0.hasPrefix("-") }) {
        status = runFile(file, echoResults: true, monitor: monitor)
    } else {
        writeError("tessera: --monitor needs a file or -code\n")
        return 2
    }
    return status
}
