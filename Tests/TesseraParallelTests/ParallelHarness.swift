// One master kernel with two subkernels for the whole suite (launching costs a few milliseconds a
// kernel, but a suite of fresh kernels per test would add up), and the path of the tessera binary
// the subkernels run (tests run inside the test runner, whose /proc/self/exe is not tessera).

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraRunner

enum ParallelHarness {
    /// .build/debug/tessera next to the test bundle, or nil (the tests then skip and say so).
    static let tesseraBinary: String? = {
        var path = String(#filePath)
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        for candidate in [path + "/.build/debug/tessera", path + "/.build/release/tessera"] where access(candidate, X_OK) == 0 {
            setenv("TESSERA_SUBKERNEL", candidate, 1)
            return candidate
        }
        return nil
    }()

    static var available: Bool { tesseraBinary != nil }
}

/// A master kernel on its own large-stack thread, driven by `evaluate` (each call runs there).
final class Master: @unchecked Sendable {
    private var kernel: Kernel?
    var output = ""

    /// The results of `sources` in one fresh master, as InputForm text, evaluated on one thread.
    static func run(_ sources: [String]) -> (results: [String], output: String) {
        _ = ParallelHarness.tesseraBinary
        let master = Master()
        var results: [String] = []
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel { master.output += $0 }
            for source in sources {
                if case .finished(let e) = kernel.run(source) { results.append(kernel.inputText(e)) } else { results.append("$Failed") }
            }
            _ = kernel.run("CloseKernels[]")
            kernel.tearDown()
        }
        return (results, master.output)
    }
}
