// A master killed with kill -9 leaves no subkernel behind: each subkernel asked the kernel to kill it
// when its parent dies (PR_SET_PDEATHSIG), and its shared memory is memfd, which leaves no name in
// /dev/shm and is freed with its last holder.

#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct MasterDeathTests {
    /// Children of `pid` that are alive (not zombies), from /proc.
    static func liveChildren(of pid: pid_t) -> [pid_t] {
        guard let dir = opendir("/proc") else { return [] }
        defer { closedir(dir) }
        var found: [pid_t] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let child = pid_t(name), let stat = readFile("/proc/\(child)/stat") else { continue }
            // "pid (comm) state ppid ...": fields after the closing parenthesis.
            guard let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, fields[0] != "Z", pid_t(fields[1]) == pid { found.append(child) }
        }
        return found
    }

    static func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, 1024, f) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = readFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    static func shmEntries() -> Int {
        guard let dir = opendir("/dev/shm") else { return 0 }
        defer { closedir(dir) }
        var n = 0
        while readdir(dir) != nil { n += 1 }
        return n
    }

    @Test func killingTheMasterEndsItsSubkernelsWithinTwoSeconds() throws {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let shmBefore = Self.shmEntries()
        var pid: pid_t = 0
        let arguments = [binary, "-code", "LaunchKernels[2]; ParallelEvaluate[Do[Null, {10^10}]]"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        #expect(posix_spawn(&pid, binary, nil, nil, &argv, environ) == 0)
        var subkernels: [pid_t] = []
        for _ in 0..<200 where subkernels.count < 2 {
            usleep(25_000)
            subkernels = Self.liveChildren(of: pid)
        }
        #expect(subkernels.count == 2, "the master should have launched two subkernels")
        usleep(200_000)  // let the subkernels start their long loops: busy, they never see their link close
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        var alive = subkernels
        for _ in 0..<40 where !alive.isEmpty {
            usleep(50_000)
            alive = alive.filter(Self.isAlive)
        }
        #expect(alive.isEmpty, "subkernels \(alive) outlived their master by 2 s")
        // Survivors would hold the test runner's output open and keep both cores busy: end them.
        for survivor in alive { kill(survivor, SIGKILL) }
        #expect(Self.shmEntries() == shmBefore, "nothing is ever created in /dev/shm")
    }
}
