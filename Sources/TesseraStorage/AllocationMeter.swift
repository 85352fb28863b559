// How many bytes of packed storage the current thread has asked for.
//
// MemoryConstrained needs "memory requested during this evaluation". A kernel is one thread, and the
// bulk of a large computation lives in packed buffers, so a per-thread running total of the bytes
// requested from `PackedBuffer.allocate` (fresh, pooled or copied alike) is what it reads: it takes
// the total when it starts and compares as evaluation goes on. Memory freed meanwhile is not
// subtracted (Mathematica also counts requests), and ordinary expressions are not counted.

import CShim

public enum AllocationMeter {
    /// Bytes requested by this thread since it started; only differences are meaningful.
    public static var bytesRequested: Int { Int(shim_meter_total()) }

    static func record(_ bytes: Int) {
        if bytes > 0 { shim_meter_add(bytes) }
    }
}
