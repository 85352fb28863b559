// The round trip of shared state: a subkernel sends a held expression to the master as a `shared`
// message and blocks until the `sharedReply` with its value; the master evaluates it in its own kernel
// from its receive loop (ParallelWait), between the results of other kernels, so every shared read
// and write happens in one place, in the order the master receives them.
//
// The subkernel side is the builtin `Parallel`Developer`SharedEvaluate[expr]` (HoldAll), which the
// stubs of shared symbols call (SharedStubs.swift). On the master, which has no master link, it just
// evaluates. A request the master sent ahead (EvaluationQueue) can arrive while a subkernel waits for
// its reply: it is kept, in order, for the serve loop (`SharedClient.deferred`).

import TesseraCore
import TesseraExpr
import TesseraLink

/// The subkernel's link to its master, for shared round trips (set by SubkernelServer; nil on a master).
final class SharedClient {
    var link: KernelLink?
    /// Messages read while waiting for a shared reply, for the serve loop to handle next, in order.
    var deferred: [LinkMessage] = []

    /// The next message from the master: a deferred one first.
    func next(from link: KernelLink) throws(LinkError) -> LinkMessage {
        deferred.isEmpty ? try link.receive() : deferred.removeFirst()
    }

    init() {}

    static func of(_ k: Kernel) -> SharedClient { k.extensionState(SharedClient.self) { SharedClient() } }
}

enum SharedRoundTrip {
    static let table: [BuiltinSpec] = [
        BuiltinSpec(SharedStubs.evaluateName, attributes: [.holdAll, .protected], sharedEvaluate),
        BuiltinSpec(SharedStubs.defineName, attributes: [.holdAll, .protected], sharedDefine),
    ]

    static func sharedEvaluate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        return try evaluateOnMaster(c[0], k)
    }

    /// `SharedDefine[f[args] = v]` (or `:=`): the assignment, made on the master, with the arguments
    /// that are not patterns evaluated here.
    static func sharedDefine(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .normal(let assignment) = c[0], assignment.arguments.count == 2,
              case .normal(let lhs) = assignment.arguments[0] else { return nil }
        let sys = k.sys
        let patternHeads = [sys.Pattern, sys.Blank, sys.BlankSequence, sys.BlankNullSequence, sys.Optional,
                            sys.PatternTest, sys.Condition, sys.Alternatives, sys.HoldPattern, sys.Verbatim]
        var arguments: [Expr] = []
        for argument in lhs.arguments {
            arguments.append(patternHeads.contains { argument.hasHead($0) } ? argument : try k.evaluate(argument))
        }
        let definition = Expr(head: assignment.head, [Expr(head: lhs.head, arguments), assignment.arguments[1]])
        return try evaluateOnMaster(definition, k)
    }

    /// The value of `expr` evaluated on the master (here, when this kernel is the master). The value
    /// comes back marked evaluated: the master evaluated it, and a shared function the master leaves
    /// unevaluated must not call the master again here, forever.
    static func evaluateOnMaster(_ expr: Expr, _ k: Kernel) throws(Interrupt) -> Expr {
        let client = SharedClient.of(k)
        guard let link = client.link else { return try k.evaluate(expr) }
        let reply: LinkMessage
        do {
            try LinkCodec.send(.shared, requestID: 0, Expr(k.sys.Hold, expr), over: link, k)
            var message = try link.receive()
            while message.kind != .sharedReply {
                client.deferred.append(message)
                message = try link.receive()
            }
            reply = message
        } catch {
            k.message(k.symbols.intern(fullName: "System`Parallel"), "shared", .string("\(error)"))
            return .symbol(k.sys.DollarFailed)
        }
        guard reply.kind == .sharedReply, let value = try? LinkCodec.decode(reply, from: link, k) else {
            k.message(k.symbols.intern(fullName: "System`Parallel"), "undecodable")
            return .symbol(k.sys.DollarFailed)
        }
        if case .normal(let n) = value { n.evaluatedStamp = k.epoch }
        return value
    }

    /// Master side: evaluates the held expression of a `shared` message from `worker` and answers it.
    /// An abort during the evaluation answers $Aborted (the kernel must not wait forever).
    static func answer(_ message: LinkMessage, from worker: Worker, _ k: Kernel) {
        var value: Expr = .symbol(k.sys.DollarFailed)
        if let held = try? LinkCodec.decode(message, from: worker.link, k) {
            let expr = held.hasHead(k.sys.Hold) && held.arguments.count == 1 ? held.arguments[0] : held
            ParallelState.of(k).timeline?.sharedAccess(expr)
            do {
                value = try k.evaluate(expr)
            } catch {
                value = .symbol(k.symbols.intern(fullName: "System`$Aborted"))
            }
            // A shared variable without a value, or a shared function call that stays unevaluated,
            // gives Null, as in Mathematica.
            if value == expr, let symbol = expr.asSymbol ?? expr.headSymbol, DistributionState.of(k).isShared(symbol) {
                value = .symbol(k.sys.Null)
            }
            ParallelTracing.of(k).shared(expr, value: value, for: worker, k)
        } else {
            k.message(k.symbols.intern(fullName: "System`Parallel"), "undecodable")
        }
        // A failed send means the kernel died; the receive loop finds that out on its next read.
        try? LinkCodec.send(.sharedReply, requestID: message.requestID, value, over: worker.link, k)
    }
}
