// Releasing shared windows, so that a kernel can reuse the segments it sent.
//
// Both ends of a link send their notices with their next body (no message of their own):
//
//     Tessera`SharedRelease[body, {released}, {forgotten}, {unused}, {unmapped}, {dropped}]
//
// As a sender: `released` names windows whose buffers died here (or that the receiver reported
// unused); the receiver answers each with `unmapped` (nothing maps it there any more: the segment
// may be reused) or `dropped` (it passed the mapping on to a third process: free it, never reuse).
// `forgotten` names windows already accounted for, to be unmapped without an answer.
// As a receiver: `unused` names windows no value maps here any more, with the number of the last
// body that named each. If the sender's buffer is dead and that body was its last use of the window,
// nothing can name the window again, so the sender reuses the segment at once and answers
// `forgotten`; otherwise it keeps the window while its buffer lives (and releases it when it dies).
//
// So the usual exchange, a subkernel returning a big array that the master copies and drops, costs
// no message: the master reports the window unused with its next request, and the subkernel reuses
// the segment for that very request's result, in pages that are already faulted in.

import TesseraExpr
import TesseraStorage

extension SharedArrayTransfer {
    /// Releases the window at `key` (its buffer died here, or it is being sent anew): its segment
    /// waits for the peer's answer.
    func release(_ key: SegmentKey) {
        guard let window = sent.removeValue(forKey: key) else { return }
        sentKeys[window.id] = nil
        if let segment = window.segment { awaitingUnmap[window.id] = (segment, window.lastBody) }
        released.append(window.id)
    }

    /// `expression` with the notices for the peer, if there are any.
    func wrappingNotices(_ expression: Expr, symbols: SymbolTable) -> Expr {
        sweepSent()
        sweepReceived()
        guard !(released.isEmpty && forgotten.isEmpty && unused.isEmpty && unmapped.isEmpty && dropped.isEmpty) else {
            return expression
        }
        func list(_ ids: [Int]) -> Expr { Expr(symbols.system.List, ids.sorted().map { .integer($0) }) }
        let pairs = Expr(symbols.system.List, unused.map { Expr(symbols.system.List, .integer($0.id), .integer($0.lastBody)) })
        let wrapped = Expr(symbols.intern(fullName: Self.releaseHead),
                           [expression, list(released), list(forgotten), pairs, list(unmapped), list(dropped)])
        released = []; forgotten = []; unused = []; unmapped = []; dropped = []
        return wrapped
    }

    /// The body inside the peer's notices, after acting on them.
    func unwrappingNotices(_ e: Expr) -> Expr {
        guard case .normal(let n) = e, case .symbol(let head) = n.head, head.fullName == Self.releaseHead,
              n.arguments.count == 6 else { return e }
        let a = n.arguments
        func ids(_ e: Expr) -> [Int] { Self.integers(e) ?? [] }
        for id in ids(a[1]) { peerReleased(id) }
        for id in ids(a[2]) { received[id] = nil }
        for pair in a[3].arguments {
            let v = ids(pair)
            if v.count == 2 { peerReportedUnused(v[0], lastBody: v[1]) }
        }
        for id in ids(a[4]) { awaitingUnmap.removeValue(forKey: id)?.segment.dropPeerHold(reusable: true) }
        for id in ids(a[5]) { awaitingUnmap.removeValue(forKey: id)?.segment.dropPeerHold(reusable: false) }
        return a[0]
    }

    // MARK: Sender

    /// Releases the windows whose buffers died here.
    private func sweepSent() {
        for (key, window) in sent where window.buffer == nil { release(key) }
    }

    /// The peer maps window `id` but no value there uses it; `lastBody` is the last body of ours it saw.
    private func peerReportedUnused(_ id: Int, lastBody: Int) {
        if let key = sentKeys[id], let window = sent[key] {
            guard window.buffer == nil else { return }  // still ours: kept while it lives
            sent[key] = nil
            sentKeys[id] = nil
            if window.lastBody == lastBody {
                window.segment?.dropPeerHold(reusable: true)
                forgotten.append(id)
            } else {  // a body naming it was on its way: wait for the peer's answer
                if let segment = window.segment { awaitingUnmap[id] = (segment, window.lastBody) }
                released.append(id)
            }
        } else if let waiting = awaitingUnmap[id], waiting.lastBody == lastBody {
            awaitingUnmap[id] = nil  // released already; the peer's answer to that is then ignored
            waiting.segment.dropPeerHold(reusable: true)
        }
    }

    // MARK: Receiver

    /// Reports windows no value here uses any more: unused (still resolvable) or, once released by
    /// the sender, unmapped.
    private func sweepReceived() {
        for id in Array(received.keys) {
            guard isKnownUniquelyReferenced(&received[id]!.buffer) else { continue }
            let window = received[id]!
            if window.released {
                received[id] = nil
                (window.buffer.isForwarded ? { self.dropped.append(id) } : { self.unmapped.append(id) })()
            } else if !window.reportedUnused && !window.buffer.isForwarded {
                received[id]!.reportedUnused = true
                unused.append((id, window.lastBody))
            }
        }
    }

    /// The sender released window `id`: unmapped now if nothing here uses it, else once nothing does.
    private func peerReleased(_ id: Int) {
        guard received[id] != nil else {
            dropped.append(id)  // never mapped here (a body that failed to decode): free it on the sender
            return
        }
        if isKnownUniquelyReferenced(&received[id]!.buffer) {
            let forwarded = received[id]!.buffer.isForwarded
            received[id] = nil
            if forwarded { dropped.append(id) } else { unmapped.append(id) }
        } else {
            received[id]!.released = true
        }
    }
}
