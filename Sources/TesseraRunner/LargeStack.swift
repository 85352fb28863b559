// Runs the kernel with a large stack.
//
// Evaluation, matching and printing recurse with the depth of the expression; `$RecursionLimit`
// (1024 by default, settable much higher) must be reached long before the native stack runs out.
// The main thread's 8 MB is not enough for that, so kernel work runs on 1 GiB of reserved (not
// committed) stack: the command line moves its main thread onto such a stack (`runOnLargeStackHere`),
// so that the process stays one thread and the subkernels it starts are the main thread's children
// (PR_SET_PDEATHSIG follows the process; tools that walk /proc/PID/task/PID/children, such as
// tree_mem.py, find them). Tests run each kernel on a thread of its own (`runOnLargeStack`).

#if canImport(Glibc)
import Glibc
#endif
import CShim
import TesseraCore

/// Runs `body` on the calling thread with its stack switched to a fresh 1 GiB mapping (a guard page
/// below it), then frees the mapping. Falls back to a thread when the stack cannot be made.
public func runOnLargeStackHere(bytes: Int = Kernel.largeStackBytes, _ body: @escaping () -> Void) {
    let page = sysconf(Int32(_SC_PAGESIZE))
    guard let region = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
          region != MAP_FAILED else {
        return runOnLargeStack(bytes: bytes, body)
    }
    defer { munmap(region, bytes) }
    mprotect(region, page, PROT_NONE)  // an overflow faults instead of running into other memory
    let job = Unmanaged.passRetained(StackJob(body))
    let ran = shim_run_on_stack(region + page, bytes - page, { raw in
        Unmanaged<StackJob>.fromOpaque(raw!).takeRetainedValue().body()
    }, job.toOpaque())
    if ran != 0 { job.takeRetainedValue().body() }
}

public final class StackJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

public func runOnLargeStack(bytes: Int = Kernel.largeStackBytes, _ body: @escaping () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, bytes)
    let job = Unmanaged.passRetained(StackJob(body))
    var thread = pthread_t()
    let created = pthread_create(&thread, &attributes, { raw in
        let job = Unmanaged<StackJob>.fromOpaque(raw!).takeRetainedValue()
        job.body()
        return nil
    }, job.toOpaque())
    pthread_attr_destroy(&attributes)
    if created != 0 {
        job.takeRetainedValue().body()
        return
    }
    pthread_join(thread, nil)
}
