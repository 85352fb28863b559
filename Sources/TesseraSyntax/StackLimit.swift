// How much native stack the current thread has left.
//
// The parser recurses once per nested operand, and a thread's stack may be anything from 512 KB (a
// secondary thread) to 8 MB (the main thread), with frames several times larger in a debug build. A
// fixed depth bound safe for the smallest case would reject ordinary deep expressions on the main
// thread, so the parser asks the thread itself, once per parse and only when it is already nested deeply.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum StackLimit {
    /// The lowest address the current thread's stack can grow down to, and the stack's size; nil when
    /// they cannot be found.
    static func bounds() -> (lowest: UInt, size: UInt)? {
        #if canImport(Glibc)
        // pthread_getattr_np is a GNU extension that Swift's Glibc module does not declare.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let program = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(program, "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return (UInt(bitPattern: base), UInt(size))
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return (top - size, size)
        #else
        return nil
        #endif
    }

    /// An address in the caller's frame: where the stack is now.
    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
