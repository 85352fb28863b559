// Runs the kernel on a thread with a large stack.
//
// Evaluation, matching and printing recurse with the depth of the expression; `$RecursionLimit`
// (1024 by default, settable much higher) must be reached long before the native stack runs out.
// The main thread's 8 MB is not enough for that, so all kernel work happens on one thread with
// 1 GiB of reserved (not committed) stack.

#if canImport(Glibc)
import Glibc
#endif

public final class StackJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

public func runOnLargeStack(bytes: Int = 1 << 30, _ body: @escaping () -> Void) {
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
