// The numeric engines of a kernel, and how many threads they may use.
//
// A kernel owns one `FourierEngine` (its FFTW plan cache), one `LinearAlgebraEngine` (the BLAS
// thread setting) and one random generator; all three hang off the kernel through
// `extensionState`, so two kernels in one process (tests) never share a generator or a plan cache,
// and nothing here is global.
//
// Threads. FFTW and OpenBLAS run on ONE thread per kernel by default: the parallel toolkit starts
// one subkernel per core, and N kernels each starting one BLAS thread per core would oversubscribe
// the machine N-fold (../shared/NATIVE.md). A kernel that has the machine alone may use more:
//
//     TESSERA_THREADS=4 tessera program.wl        (read when the kernel first needs an engine)
//
// or, from Swift (the parallel layer, a host application), `NumericEngines.setThreads(kernel, n)`.
// The OpenBLAS setting is process-wide (it is OpenBLAS's own); the FFTW one belongs to the kernel's
// plan cache (plans are keyed by their thread count).

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraExpr
import TesseraNumerics

/// The random generator of a kernel: a class box around the value-type engine, so that
/// `extensionState` can hold it and the builtins can advance it in place.
final class RandomState {
    var engine: RandomEngine
    init(engine: RandomEngine) { self.engine = engine }
}

public enum NumericEngines {
    /// Threads from the environment (TESSERA_THREADS), 1 when unset or not a positive integer.
    public static var configuredThreads: Int {
        guard let raw = getenv("TESSERA_THREADS"), let n = Int(String(cString: raw)), n >= 1 else { return 1 }
        return Swift.min(n, 1024)
    }

    public static func fourier(_ k: Kernel) -> FourierEngine {
        k.extensionState(FourierEngine.self) { FourierEngine(threads: configuredThreads) }
    }

    public static func linearAlgebra(_ k: Kernel) -> LinearAlgebraEngine {
        k.extensionState(LinearAlgebraEngine.self) { LinearAlgebraEngine(threads: configuredThreads) }
    }

    static func random(_ k: Kernel) -> RandomState {
        k.extensionState(RandomState.self) { RandomState(engine: RandomEngine()) }
    }

    /// A draw from the kernel's generator: the seed of a parallel call's item streams (after
    /// `SeedRandom[s]` the same on every run; otherwise from the operating system's entropy).
    public static func drawStreamSeed(_ k: Kernel) -> UInt64 { random(k).engine.next() }

    /// Reseeds the kernel's generator with the stream of item `index` of the call seeded `seed`: the
    /// draws of an item depend on the seed and its index only, not on the kernel or the batch it ran in.
    public static func seedItemStream(_ k: Kernel, seed: UInt64, index: Int) {
        random(k).engine = RandomEngine(seedWords: [seed, UInt64(bitPattern: Int64(index)), 0x7465_7373_6572_6121])
    }

    /// Sets the FFTW threads of this kernel and the (process-wide) OpenBLAS threads.
    public static func setThreads(_ k: Kernel, _ n: Int) {
        fourier(k).threads = n
        linearAlgebra(k).threads = n
    }
}
