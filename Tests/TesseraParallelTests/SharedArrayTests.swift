// Zero copy between kernels, measured on real subkernels: a 100 MB array goes to two kernels in a few
// hundred bytes on the socket and comes back the same way; a window goes to a kernel once however
// often it is used; a mapped array is copied before a write; and segments are freed with their last
// holder, in the subkernels too, with nothing left behind.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraCore
import TesseraExpr
import TesseraLink
@testable import TesseraParallel
import TesseraRunner
import TesseraStorage

/// Runs `body` in a fresh master kernel on the kernel's own thread, with the kernel at hand, and
/// returns what it observed (checked on the test's thread, where Swift Testing attributes issues).
private func withMaster<T>(_ body: @escaping (Kernel, (String) -> String) -> T) -> T {
    _ = ParallelHarness.tesseraBinary
    var observed: T?
    runOnLargeStack {
        let kernel = KernelAssembly.makeKernel(write: { (_: String) in })
        let run = { (source: String) -> String in
            if case .finished(let e) = kernel.run(source) { return kernel.inputText(e) }
            return "$Failed"
        }
        observed = body(kernel, run)
        _ = kernel.run("CloseKernels[]")
        kernel.tearDown()
    }
    return observed!
}

/// A global's packed array, read without evaluating (an evaluation would keep it in Out).
private func packedValue(of name: String, _ kernel: Kernel) -> PackedArray? {
    guard case .packed(let p)? = kernel.symbols.intern(fullName: "Global`" + name).ownValue else { return nil }
    return p
}

/// The memfd inode behind a global's packed array (nil when it has no shared memory).
private func inode(of name: String, _ kernel: Kernel) -> UInt64? {
    guard let handle = packedValue(of: name, kernel)?.buffer.sharedHandle else { return nil }
    var status = stat()
    return fstat(handle.fd, &status) == 0 ? UInt64(status.st_ino) : nil
}

/// Inodes of the memfds process `pid` holds open.
private func memfdInodes(_ pid: pid_t) -> Set<UInt64> {
    let directory = "/proc/\(pid)/fd"
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var inodes: Set<UInt64> = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let path = directory + "/" + name
        var target = [CChar](repeating: 0, count: 256)
        guard readlink(path, &target, 255) > 0,
              String(decoding: target.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("/memfd:")
        else { continue }
        var status = stat()
        if stat(path, &status) == 0 { inodes.insert(UInt64(status.st_ino)) }
    }
    return inodes
}

/// Resident memory of this process in KiB (/proc/self/smaps_rollup).
private func residentKiB() -> Int {
    guard let file = fopen("/proc/self/smaps_rollup", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("Rss:") { return Int(text.split(separator: " ")[1]) ?? 0 }
    }
    return 0
}

@Suite(.serialized, .enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct SharedArrayTests {
    @Test func distributingA100MBArrayToTwoKernelsWritesUnder4KBAndTheyComputeOnIt() {
        let (made, same, sent) = withMaster { kernel, run in
            let made = run("a = RandomReal[1, {1250, 10000}]; LaunchKernels[2]; Dimensions[a]")
            let state = ParallelState.of(kernel)
            state.ledger.reset()
            let same = run("With[{a = a}, ParallelEvaluate[Total[a, 2]]] === Table[Total[a, 2], {2}]")
            return (made, same, state.ledger.totals(direction: .sent))
        }
        #expect(made == "{1250, 10000}" && same == "True")
        #expect(sent.wireBytes < 4096, "\(sent)")
        #expect(sent.sharedBytes == 2 * 100_000_000)
    }

    @Test func rowsOfAnArraySendItsSegmentToEachKernelOnce() {
        let (same, descriptors) = withMaster { kernel, run in
            _ = run("a = RandomReal[1, {40, 10000}]; LaunchKernels[2];")
            let same = run("Table[With[{r = a[[n]]}, ParallelEvaluate[Total[r]]], {n, 40}] === Table[{1, 1} Total[r], {r, a}]")
            return (same, ParallelState.of(kernel).workers.map(\.link.sharedArrays.descriptorsSent))
        }
        #expect(same == "True" && descriptors == [1, 1], "\(descriptors)")
    }

    @Test func aSubkernels100MBResultIsMappedNotCopied() {
        let (grown, mapped, same) = withMaster { kernel, run in
            _ = run("LaunchKernels[2]; ParallelEvaluate[x = RandomReal[1, {1250, 10000}]; total = Total[x, 2];, 1];")
            let before = residentKiB()
            _ = run("r = ParallelEvaluate[x, 1];")
            let grown = residentKiB() - before
            let r = packedValue(of: "r", kernel)
            return (grown, r?.buffer.isWritable == false && r?.buffer.isShared == true,
                    run("Total[r, 2] === ParallelEvaluate[total, 1]"))
        }
        #expect(grown < 50_000, "the master grew by \(grown) KiB receiving 100 MB")
        #expect(mapped, "r maps the subkernel's segment read-only")
        #expect(same == "True")
    }

    /// Two kernels' 24 MB results (not a page multiple) become one packed ParallelTable result by
    /// mapping: the master neither copies nor grows, the value is Table's, writes copy first, and the
    /// joined array goes back to the kernels as one handle (a copy made once).
    @Test func parallelTablesUnitResultsAreJoinedByMappingNotCopying() {
        let (requested, grown, joined, same, written, back) = withMaster { kernel, run in
            _ = run("LaunchKernels[2]; f[i_] := i + ArrayReshape[Range[1000 * 3001] / 7., {1000, 3001}]; s = Table[f[i], {i, 2}];")
            _ = run("ParallelTable[f[i], {i, 2}];")  // the kernels' segments and code warm
            let before = residentKiB(), meter = AllocationMeter.bytesRequested
            _ = run("p = ParallelTable[f[i], {i, 2}];")
            let requested = AllocationMeter.bytesRequested - meter, grown = residentKiB() - before
            var joined = false
            if let p = packedValue(of: "p", kernel), case .stitched = p.buffer.memory { joined = p.dimensions == [2, 1000, 3001] }
            return (requested, grown, joined, run("p === s"),
                    run("q = p; q[[2, 1, 1]] = 0.; {q[[2, 1, 1]], p === s}"),
                    run("ParallelMap[Total[#, 2] &, p] == Map[Total[#, 2] &, s]"))
        }
        #expect(joined, "p is the kernels' pages mapped back to back")
        #expect(requested < 1_000_000, "the master asked for \(requested) bytes joining 48 MB")
        #expect(grown < 24_000, "the master grew by \(grown) KiB (a copy: 47,000)")
        #expect(same == "True" && written == "{0., True}" && back == "True")
    }

    /// The joined array maps the kernels' memory: it stays whole when both kernels are killed, and
    /// that memory is gone from the master once the array is.
    @Test func aJoinedResultOutlivesItsKernelsAndIsFreedWithItsLastHolder() {
        let (same, heldAfterKill, freed) = withMaster { kernel, run in
            _ = run("LaunchKernels[2]; f[i_] := i + ArrayReshape[Range[1000 * 3001] / 7., {1000, 3001}];")
            _ = run("p = ParallelTable[f[i], {i, 2}];")
            // The parts' memfd inodes (in a function, so that no reference to p outlives it here).
            func partInodes() -> Set<UInt64>? {
                guard let p = packedValue(of: "p", kernel), case .stitched(let mapping) = p.buffer.memory else { return nil }
                return Set(mapping.parts.compactMap { part -> UInt64? in
                    guard let handle = part.sharedHandle else { return nil }
                    var status = stat()
                    return fstat(handle.fd, &status) == 0 ? UInt64(status.st_ino) : nil
                })
            }
            guard let inodes = partInodes() else { return ("not joined by mapping", false, false) }
            for worker in ParallelState.of(kernel).workers { kill(worker.pid, SIGKILL) }
            usleep(200_000)
            let same = run("Total[p, 3] == Total[Table[f[i], {i, 2}], 3]")
            let held = inodes.count == 2 && inodes.isSubset(of: memfdInodes(getpid()))
            _ = run("CloseKernels[]; Clear[p];")
            return (same, held, memfdInodes(getpid()).isDisjoint(with: inodes))
        }
        #expect(same == "True")
        #expect(heldAfterKill, "the master still holds both kernels' segments")
        #expect(freed, "and lets them go with the array")
    }

    @Test func aMappedArrayWrittenOnTheReceiverIsCopiedFirstBothWays() {
        let results = withMaster { _, run in
            [run("LaunchKernels[2]; a = RandomReal[1, 20000]; a1 = a[[1]];"),
             run("With[{a = a}, ParallelEvaluate[c = a; c[[1]] = -1.; {c[[1]], a[[1]]}, 1]] === {-1., a1}"),
             run("a[[1]] === a1"),
             run("b = ParallelEvaluate[x = RandomReal[1, 20000], 1]; b1 = b[[1]]; b[[1]] = -1.;"),
             run("{b[[1]], ParallelEvaluate[x[[1]], 1] === b1}")]
        }
        #expect(results == ["Null", "True", "True", "Null", "{-1., True}"])
    }

    @Test func anArrayAKernelHoldsIsCopiedBeforeItsOwnerWritesIt() {
        let results = withMaster { _, run in
            [run("LaunchKernels[2]; a = RandomReal[1, 10^5]; a[[1]] = 1.; ParallelEvaluate[b = a; b[[1]]]"),
             run("a[[1]] = 7.; {a[[1]], ParallelEvaluate[b[[1]]]}"),
             run("r = ParallelEvaluate[c = RandomReal[1, 10^5]; c[[1]] = 2.; c, 1]; r[[1]]"),
             run("{ParallelEvaluate[c[[1]] = 3.; c[[1]], 1], r[[1]]}")]
        }
        #expect(results == ["{1., 1.}", "{7., {1., 1.}}", "2.", "{3., 2.}"])
    }

    @Test func segmentsAreFreedWithTheirLastHolderOrReusedInEveryKernel() {
        struct Seen { var mappedBySubkernels = false, droppedBySubkernels = false, reusedByMaster = false,
                      resultDropped = false, resultReusedBySubkernel = false, allGone = false, inodes = 0 }
        let seen = withMaster { kernel, run in
            var seen = Seen()
            // Sizes no other test uses: concurrent tests share this process's segment pool.
            _ = run("LaunchKernels[2]; a = RandomReal[1, {100, 13337}]; With[{a = a}, ParallelEvaluate[Total[a, 2]]];")
            let pids = ParallelState.of(kernel).workers.map(\.pid)
            guard let sentInode = inode(of: "a", kernel) else { return seen }
            seen.mappedBySubkernels = pids.count == 2 && pids.allSatisfy { memfdInodes($0).contains(sentInode) }
            _ = run("Clear[a]; ParallelEvaluate[1];")
            seen.droppedBySubkernels = pids.allSatisfy { !memfdInodes($0).contains(sentInode) }
            // Both kernels said they unmapped it: the master's next array of that size reuses it.
            _ = run("b = RandomReal[1, {100, 13337}];")
            seen.reusedByMaster = inode(of: "b", kernel) == sentInode

            _ = run("r = ParallelEvaluate[RandomReal[1, {100, 17011}], 1];")
            guard let resultInode = inode(of: "r", kernel) else { return seen }
            _ = run("Clear[r]; r2 = ParallelEvaluate[RandomReal[1, {100, 17011}], 1];")
            // The request said r's window was unused: kernel 1 made its next result in that segment,
            // and the master unmapped the old window on that answer.
            seen.resultReusedBySubkernel = inode(of: "r2", kernel) == resultInode
            _ = run("Clear[r2]; ParallelEvaluate[1];")
            seen.resultDropped = !memfdInodes(getpid()).contains(resultInode)
            _ = run("s = ParallelEvaluate[RandomReal[1, {100, 10000}], 2];")
            guard let closedInode = inode(of: "s", kernel) else { return seen }
            _ = run("CloseKernels[]; Clear[s];")  // no release came: closing the link drops s
            seen.allGone = memfdInodes(getpid()).isDisjoint(with: [resultInode, closedInode])
            seen.inodes = Set([sentInode, resultInode, closedInode]).count
            return seen
        }
        #expect(seen.mappedBySubkernels, "each subkernel maps a")
        #expect(seen.droppedBySubkernels && seen.reusedByMaster, "a is unmapped by the kernels, then reused by the master")
        #expect(seen.resultReusedBySubkernel, "kernel 1 reuses the segment of a result the master no longer uses")
        #expect(seen.resultDropped, "the master unmapped r")
        #expect(seen.allGone && seen.inodes == 3)
        #expect(devShmNames().allSatisfy { !$0.lowercased().contains("tessera") }, "nothing in /dev/shm")
    }
}

/// The names in /dev/shm.
private func devShmNames() -> [String] {
    guard let shm = opendir("/dev/shm") else { return [] }
    defer { closedir(shm) }
    var names: [String] = []
    while let entry = readdir(shm) {
        names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
    }
    return names
}
