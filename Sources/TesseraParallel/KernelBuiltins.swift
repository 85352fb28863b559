// Launching and closing subkernels: LaunchKernels, CloseKernels, Kernels, KernelObject, $KernelCount
// and $KernelID.
//
// As in Mathematica, `LaunchKernels[]` starts $ProcessorCount kernels, and the parallel functions
// launch them on first use. A kernel object is `KernelObject[id, "local"]`; ids count up over the
// session and are never reused.

#if canImport(Glibc)
import Glibc
#endif
import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraLink

enum KernelBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("LaunchKernels", messages: [
            "nolaunch": "Could not launch kernel `1`: `2`.",
        ], launchKernels),
        BuiltinSpec("CloseKernels", closeKernels),
        BuiltinSpec("Kernels", kernels),
        BuiltinSpec("AbortKernels", abortKernels),
        BuiltinSpec("KernelObject", attributes: [.protected]),
        BuiltinSpec("Parallel", attributes: [.protected], messages: [
            "undecodable": "A message between kernels could not be decoded.",
            "failure": "Kernel `1` could not evaluate a request: `2`.",
        ]),
    ]

    static func setUp(_ k: Kernel) {
        setKernelCount(k, 0)
        let id = k.symbols.intern(fullName: "System`$KernelID")
        id.setOwnValue(.integer(k.kernelID))
        id.setAttributes([.protected])
        k.symbols.intern(fullName: EvaluationQueue.relaunchSetting).setOwnValue(.symbol(k.sys.False))
        let process = k.symbols.intern(fullName: "System`$ProcessID")
        process.setOwnValue(.integer(Int(getpid())))
        process.setAttributes([.protected])
    }

    static func setKernelCount(_ k: Kernel, _ n: Int) {
        let count = k.symbols.intern(fullName: "System`$KernelCount")
        count.setOwnValue(.integer(n))
        count.setAttributes([.protected])
    }

    /// How many kernels `LaunchKernels[]` starts: `$ProcessorCount` (the session sets it from the
    /// machine), at least 1.
    static func defaultKernelCount(_ k: Kernel) -> Int {
        guard case .integer(let n)? = k.symbols.intern(fullName: "System`$ProcessorCount").ownValue else { return 1 }
        return max(1, n)
    }

    /// The parallel functions launch the default kernels on first use, as in Mathematica.
    static func launchDefaultKernelsIfNone(_ k: Kernel) {
        if ParallelState.of(k).liveWorkers.isEmpty { launch(k, defaultKernelCount(k)) }
    }

    static func kernelObject(_ k: Kernel, _ w: Worker) -> Expr {
        Expr(k.symbols.intern(fullName: "System`KernelObject"), .integer(w.id), .string("local"))
    }

    static func launchKernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        var count = defaultKernelCount(k)
        if c.count == 1 {
            guard case .integer(let n) = c[0], n >= 0 else {
                k.message(c.head, "intnm", c.expr, .integer(1))
                return nil
            }
            count = n
        }
        return Expr(k.sys.List, launch(k, count).map { kernelObject(k, $0) })
    }

    /// Starts `count` subkernels and waits until each says it is ready; returns those that started.
    @discardableResult
    static func launch(_ k: Kernel, _ count: Int) -> [Worker] {
        let state = ParallelState.of(k)
        var started: [Worker] = []
        for _ in 0..<count {
            let id = state.nextKernelID
            state.nextKernelID += 1
            do {
                let (pid, socket) = try SubkernelLauncher.spawn(id: id)
                let link = KernelLink(peer: id, transport: LocalSocketTransport(socket: socket), ledger: state.ledger,
                                      clock: monotonicSeconds)
                started.append(Worker(id: id, pid: pid, link: link))
            } catch {
                k.message(k.symbols.intern(fullName: "System`LaunchKernels"), "nolaunch", .integer(id), .string("\(error)"))
            }
        }
        var ready: [Worker] = []
        for worker in started {
            if let hello = try? worker.link.receive(), hello.kind == .control, hello.body.first == LinkControl.ready.rawValue {
                ready.append(worker)
            } else {
                k.message(k.symbols.intern(fullName: "System`LaunchKernels"), "nolaunch", .integer(worker.id),
                          .string("it did not start"))
                worker.bury()
            }
        }
        state.workers += ready
        setKernelCount(k, state.liveWorkers.count)
        return ready
    }

    static func closeKernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        let state = ParallelState.of(k)
        let chosen = c.count == 0 ? state.liveWorkers : selected(k, c[0], state)
        guard let chosen else { return nil }
        for worker in chosen { worker.close() }
        state.workers.removeAll { !$0.isAlive }
        setKernelCount(k, state.liveWorkers.count)
        return Expr(k.sys.List, chosen.map { kernelObject(k, $0) })
    }

    /// `AbortKernels[]`: aborts what every subkernel is evaluating; they stay usable.
    static func abortKernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        ParallelState.of(k).abortBusyWorkers(k)
        return .symbol(k.sys.Null)
    }

    static func kernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        return Expr(k.sys.List, ParallelState.of(k).liveWorkers.map { kernelObject(k, $0) })
    }

    /// The workers named by a kernel specification: All, a KernelObject, an id, or a list of these.
    static func selected(_ k: Kernel, _ spec: Expr, _ state: ParallelState) -> [Worker]? {
        if spec.isSymbol(k.sys.All) { return state.liveWorkers }
        let items = spec.isList(k.sys) ? spec.arguments : [spec]
        var chosen: [Worker] = []
        for item in items {
            var id: Int?
            if case .integer(let n) = item { id = n }
            if item.hasHead(k.symbols.intern(fullName: "System`KernelObject")), case .integer(let n)? = item.arguments.first { id = n }
            guard let id, let worker = state.liveWorkers.first(where: { $0.id == id }) else { return nil }
            chosen.append(worker)
        }
        return chosen
    }
}
