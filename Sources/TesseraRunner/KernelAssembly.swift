// The kernel a session uses: every family of every module, installed in one place.
//
// This sits above the builtin modules so that each can contribute families without knowing the
// others (the parallel toolkit adds its own here). The order matters only for wrapping rows, which
// must come after the row they wrap; a name defined twice is a broken contract, caught by the test
// that installs every family (KernelAssemblyTests).

import TesseraBuiltins
import TesseraCore
import TesseraParallel

public enum KernelAssembly {
    /// All families of a full kernel, in install order.
    public static let families: [BuiltinFamily] = BuiltinFamilies.all + ParallelFamilies.all

    /// A kernel with every family installed whose side output is written as terminal text.
    public static func makeKernel(write: @escaping (String) -> Void = { _ in }) -> Kernel {
        makeKernel(output: { write($0.terminalText) })
    }

    /// A kernel with every family installed and the session variables set; side output as values.
    public static func makeKernel(output: @escaping (SideOutput) -> Void) -> Kernel {
        let kernel = Kernel(output: output)
        do {
            try kernel.install(families)
        } catch {
            preconditionFailure("builtin registration: \(error)")
        }
        return kernel
    }
}
