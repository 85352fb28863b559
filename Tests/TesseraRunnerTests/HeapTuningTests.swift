// The command line keeps freed heap memory for reuse (HeapTuning.swift): a master that runs the same
// ParallelTable again and again stops faulting pages in once its heap has grown. Counted as the
// minor page faults of the `tessera` process (wait4's rusage), not timed.

#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite(.enabled(if: TesseraBinary.available, TesseraBinary.missingReason))
struct HeapTuningTests {
    /// Each ParallelTable decodes 74 small results and frees them when it has joined them; with
    /// glibc's default trimming the next one faulted pages in again (the release binary: 17,500
    /// faults more for 200 more runs; the debug one: about 570 for 20), with the heap kept a handful.
    @Test func repeatedParallelTablesStopFaultingInTheMastersHeap() throws {
        let program = { (runs: Int) in "LaunchKernels[2]; Do[ParallelTable[i^2, {i, 10^5}], {\(runs)}]; Total[ParallelTable[i, {i, 10}]]" }
        let few = try #require(minorFaults(of: ["-code", program(5)]))
        let many = try #require(minorFaults(of: ["-code", program(35)]))
        #expect(few.output == "55\n" && many.output == "55\n")
        // 30 more runs: about 850 more faults without the tuning (debug binary), 20 or so with it.
        #expect(many.faults - few.faults < 300, "\(few.faults) faults for 5 runs, \(many.faults) for 35")
    }

    /// Runs the tessera binary with `arguments`; its standard output and its own minor page faults
    /// (its subkernels' are theirs: it does not wait for them as children of the test).
    private func minorFaults(of arguments: [String]) -> (output: String, faults: Int)? {
        guard let path = TesseraBinary.url?.path else { return nil }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(pipeEnds[0], &chunk, chunk.count)
            if n <= 0 { break }
            output += chunk[0..<n]
        }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        return (String(decoding: output, as: UTF8.self), usage.ru_minflt)
    }
}
