// Starting a subkernel: the same tessera binary, spawned with a hidden flag and one end of a Unix
// socket as descriptor 3.
//
// The child asks the kernel to kill it when its parent dies (PR_SET_PDEATHSIG, set first thing in
// `SubkernelServer`), so a master killed with kill -9 leaves no subkernel behind. The death signal
// follows the thread that spawned the child: the master spawns from its kernel thread, which lives
// as long as the session.

#if canImport(Glibc)
import Glibc
#endif
import TesseraLink

enum SubkernelLauncher {
    /// The executable to spawn: TESSERA_SUBKERNEL when set (tests run inside the test runner, not
    /// tessera), else this process's own binary.
    static var executable: String {
        if let raw = getenv("TESSERA_SUBKERNEL") { return String(cString: raw) }
        return "/proc/self/exe"
    }

    /// Spawns subkernel `id`; returns its pid and the master's end of the socket.
    static func spawn(id: Int) throws(LinkError) -> (pid: pid_t, socket: Int32) {
        let (mine, theirs) = try LocalSocketTransport.pair()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, 3)
        let path = executable
        let arguments = [path, "--subkernel", String(id), String(getpid())]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        // One compute thread: TESSERA_THREADS for the kernel's engines, and OpenBLAS's own variable,
        // without which the library starts a worker per core at load that spins (sched_yield) beside
        // the other kernels' work (measured: a sixth of all CPU time in multinormal.wl's parallel run).
        let single = ["TESSERA_THREADS=1", "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1"]
        var environment: [String] = []
        var e = environ
        while let entry = e.pointee {
            let text = String(cString: entry)
            if !single.contains(where: { text.hasPrefix($0.prefix(while: { $0 != "=" }) + "=") }) { environment.append(text) }
            e += 1
        }
        environment += single
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, &argv, &envp)
        Glibc.close(theirs)
        guard status == 0 else {
            Glibc.close(mine)
            throw .system(call: "posix_spawn", errno: status)
        }
        return (pid, mine)
    }
}
