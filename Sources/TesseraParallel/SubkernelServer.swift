// The subkernel's side: a loop that evaluates what its master sends.
//
// A subkernel is `tessera --subkernel ID PARENT-PID` with its link on descriptor 3. It first asks to
// be killed when its parent dies, says `ready`, then serves messages until the link closes or the
// master says quit: `define` installs definitions, `evaluate` evaluates and answers with `result`.
// While an evaluation runs, its messages and prints go to the master as `output` messages (values,
// see SideOutput.swift), so the master can print them and its Check and Quiet can see them. The
// subkernel keeps no In/Out history.

#if canImport(Glibc)
import Glibc
#endif
import CShim
import TesseraCore
import TesseraExpr
import TesseraLink

public enum SubkernelServer {
    /// The descriptor the master hands the subkernel its socket on.
    static let linkDescriptor: Int32 = 3

    /// Serves the master on descriptor 3 with `kernel`; returns the process's exit status.
    public static func serve(_ kernel: Kernel, kernelID: Int, parentPID: pid_t) -> Int32 {
        if shim_set_pdeathsig(SIGKILL, parentPID) != 0 { return 1 }
        let state = ParallelState.of(kernel)
        let link = KernelLink(peer: 0, transport: LocalSocketTransport(socket: linkDescriptor), ledger: state.ledger,
                              clock: monotonicSeconds)
        let client = SharedClient.of(kernel)
        client.link = link
        kernel.kernelID = kernelID
        let id = kernel.symbols.intern(fullName: "System`$KernelID")
        id.setOwnValue(.integer(kernelID))
        // SIGINT from the master (AbortKernels, an abort of the master's evaluation) aborts the
        // evaluation running here; the subkernel goes on serving.
        _ = shim_route_sigint(kernel.interruptWordAddress, 2, -1)
        let current = CurrentRequest()
        kernel.output = { value in
            try? LinkCodec.send(.output, requestID: current.id, LinkCodec.expression(value, kernel), over: link, kernel)
        }
        do {
            try link.send(LinkMessage(kind: .control, body: [LinkControl.ready.rawValue]))
            while true {
                let message = try client.next(from: link)
                switch message.kind {
                case .evaluate:
                    current.id = message.requestID
                    let result = evaluate(message, link, kernel)
                    try LinkCodec.send(.result, requestID: message.requestID, result, over: link, kernel)
                case .define:
                    current.id = message.requestID
                    _ = evaluate(message, link, kernel)
                case .control:
                    if message.body.first == LinkControl.quit.rawValue { return 0 }
                    if message.body.first == LinkControl.clearAbort.rawValue { kernel.clearInterrupts() }
                default:
                    try link.send(LinkMessage(kind: .failure, requestID: message.requestID,
                                              body: Array("unexpected message kind \(message.kind)".utf8)))
                }
            }
        } catch {
            // The master closed the link (or died): a subkernel has nothing left to do.
            return 0
        }
    }

    /// Evaluates the held expression in a request body as the master would at its top level, except
    /// that nothing is stored in the history and an uncaught Throw or Abort gives $Aborted.
    static func evaluate(_ message: LinkMessage, _ link: KernelLink, _ kernel: Kernel) -> Expr {
        let aborted = Expr.symbol(kernel.symbols.intern(fullName: "System`$Aborted"))
        guard let held = try? LinkCodec.decode(message, from: link, kernel) else {
            kernel.message(kernel.symbols.intern(fullName: "System`Parallel"), "undecodable")
            return .symbol(kernel.sys.DollarFailed)
        }
        let expr = held.hasHead(kernel.sys.Hold) && held.arguments.count == 1 ? held.arguments[0] : held
        kernel.resetMessageState()
        do {
            return try kernel.evaluate(expr)
        } catch {
            switch error {
            case .aborted where kernel.abortCause == .user:
                // Abort[] here, or SIGINT from the master: the master learns it was an abort.
                return Expr(kernel.symbols.intern(fullName: "Tessera`Aborted"))
            case .thrown(let value, let tag):
                let thrown = tag.map { Expr(kernel.sys.Throw, value, $0) } ?? Expr(kernel.sys.Throw, value)
                kernel.message(kernel.sys.Throw, "nocatch", Expr(kernel.sys.HoldForm, thrown))
                return aborted
            case .quit(let status):
                // Quit[] on a subkernel ends it, as in Mathematica: the master sees the kernel die.
                exit(status)
            default:
                return aborted
            }
        }
    }
}

/// The request whose evaluation is running, for tagging its output messages.
private final class CurrentRequest { var id: UInt64 = 0 }
