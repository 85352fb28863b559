// The command line's --monitor flag: `tessera --monitor FILE.wl` (or with -file, -script, -code)
// runs as without it, with ParallelMonitor watching the subkernels and a summary at the end.

import TesseraCore
import TesseraParallel
import TesseraRunner

struct MonitorOptions {
    let monitor: ParallelMonitor?

    /// Takes --monitor out of `arguments`.
    init(taking arguments: inout [String]) {
        guard let at = arguments.firstIndex(of: "--monitor") else {
            monitor = nil
            return
        }
        arguments.remove(at: at)
        monitor = ParallelMonitor()
    }

    /// Output of the kernel: the live table steps aside first.
    func write(_ text: String) {
        monitor?.suspend()
        writeOut(text)
        flushOut()
    }

    /// Runs `body` with the monitor watching `kernel`'s subkernels, then prints its summary.
    func run(_ kernel: Kernel, _ body: () -> Int32) -> Int32 {
        guard let monitor else { return body() }
        ParallelActivity.watch(kernel, monitor)
        defer { monitor.finish(kernel) }
        return body()
    }
}
