// How the process's C heap gives memory back to the system.
//
// glibc returns the free top of the heap to the system as soon as it exceeds 128 KiB (and maps
// blocks from 128 KiB up on their own, unmapping them when freed). A kernel frees and makes the same
// few hundred kilobytes again and again: a ParallelTable of 74 batches decodes 74 small results and
// frees them all when it has joined them, so the next one found its heap trimmed and paid a page
// fault for every page again (9 % of the master's time in `ParallelTable[i^2, {i, 10^5}]`). Keeping
// up to 64 MiB of free heap, and putting blocks up to 32 MiB on the heap, turns those into reuse.
// Big packed arrays are not affected: they live in shared segments with a pool of their own
// (SegmentPool.swift), and a process that never used that much heap keeps no more than before.

import CShim

/// Sets the heap's mmap and trim thresholds for this process; call once, before any kernel work.
public func keepFreedHeapForReuse() {
    shim_set_heap_thresholds(32 << 20, 64 << 20)
}
