// The traffic ledger in the language: ParallelTraffic, ResetParallelTraffic and ParallelTrafficMeasured.
//
// The seed question "how much data is copied from one kernel to another?" gets numbers: every message
// the link counted (TrafficLedger), summed five ways, each view adding up to the same totals:
//
//     "Total"      <|"Messages", "WireBytes", "SharedBytes", "Seconds"|>
//     "Kernels"    kernel id -> <|"Messages", "WireBytesSent", "WireBytesReceived",
//                                  "SharedBytesSent", "SharedBytesReceived", "Seconds"|>
//     "Directions" "Sent" | "Received" -> <|"Messages", "WireBytes", "SharedBytes", "Seconds"|>
//     "Kinds"      "Definition" | "Evaluation" | "Result" | "Output" | "SharedVariable" | "Control"
//                  -> the same record as "Kernels"
//     "Symbols"    symbol -> <|"WireBytes", "SharedBytes"|> of the definitions sent for it
//     "Matrix"     wire bytes sent, row = sender, column = receiver, in "MatrixLabels" order
//                  ("Master", then the kernel ids)
//
// Wire bytes are what crossed the socket (frame header and body); shared bytes are packed-array
// bytes that went as a shared-memory handle instead, so they are also the bytes a handle saved.
// Directions are seen from the kernel that asks (on the master: "Sent" is master to subkernels).

import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraLink

enum TrafficBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ParallelTraffic", messages: [
            "usage": "ParallelTraffic[] gives an Association of the messages and bytes exchanged with subkernels since the session began or ResetParallelTraffic[]: \"Total\", by \"Kernels\", \"Directions\", \"Kinds\" and \"Symbols\", and the sender-by-receiver byte \"Matrix\" with its \"MatrixLabels\". ParallelTraffic[view, key, ...] gives one of them, or a part of it.",
            "view": "`1` is not a view of ParallelTraffic; the views are `2`.",
        ], parallelTraffic),
        BuiltinSpec("ResetParallelTraffic", messages: [
            "usage": "ResetParallelTraffic[] sets all the counts of ParallelTraffic to zero.",
        ], resetParallelTraffic),
        BuiltinSpec("ParallelTrafficMeasured", attributes: [.holdAll, .protected], messages: [
            "usage": "ParallelTrafficMeasured[expr] evaluates expr and gives {result, traffic}, where traffic is the ParallelTraffic[] Association of the messages and bytes that the evaluation caused.",
        ], parallelTrafficMeasured),
    ]

    static let views = ["Total", "Kernels", "Directions", "Kinds", "Symbols", "Matrix", "MatrixLabels"]

    /// `ParallelTraffic[]` and `ParallelTraffic[view]`.
    static func parallelTraffic(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let report = association(of: ParallelState.of(k).ledger, k)
        guard c.count > 0 else { return report }
        guard case .string(let view) = c[0], let index = views.firstIndex(of: view) else {
            k.message(c.head, "view", c[0], Expr(k.sys.List, views.map { Expr.string($0) }))
            return nil
        }
        // Further arguments are keys into the view, as in `ParallelTraffic["Kinds", "Definition"]`.
        var part = report.arguments[index].arguments[1]
        for key in c.arguments.dropFirst() { part = try k.evaluate(Expr(head: part, [key])) }
        return part
    }

    /// `ResetParallelTraffic[]`: zero counts, so that the next `ParallelTraffic[]` covers what follows.
    static func resetParallelTraffic(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 0) else { return nil }
        ParallelState.of(k).ledger.reset()
        return .symbol(k.sys.Null)
    }

    /// `ParallelTrafficMeasured[expr]`: `{result, traffic}`, the traffic being the difference of the
    /// ledger across the evaluation, so scopes nest and the session's totals are left alone.
    static func parallelTrafficMeasured(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let ledger = ParallelState.of(k).ledger
        let before = ledger.snapshot()
        let result = try k.evaluate(c[0])
        return Expr(k.sys.List, result, association(of: ledger.since(before), k))
    }

    /// The report: one Association with a rule per entry of `views`, in that order.
    static func association(of ledger: TrafficLedger, _ k: Kernel) -> Expr {
        let kernels = Set(ledger.peers + ParallelState.of(k).workers.map(\.id)).subtracting([k.kernelID]).sorted()
        let matrix = byteMatrix(ledger, kernels: kernels, k)
        let values: [Expr] = [
            record(ledger.totals(), k),
            rules(kernels.map { (Expr.integer($0), splitRecord(ledger, peer: $0, kind: nil, k)) }, k),
            rules(TrafficDirection.allCases.map { d in
                (.string(d == .sent ? "Sent" : "Received"), record(ledger.totals(direction: d), k))
            }, k),
            rules(TrafficKind.allCases.map { (.string($0.name), splitRecord(ledger, peer: nil, kind: $0, k)) }, k),
            symbols(ledger, k),
            Expr(k.sys.List, matrix.rows.map { Expr(k.sys.List, $0.map { .integer($0) }) }),
            Expr(k.sys.List, matrix.labels),
        ]
        return rules(zip(views, values).map { (.string($0), $1) }, k)
    }

    /// `<|"Messages", "WireBytes", "SharedBytes", "Seconds"|>` of one cell.
    static func record(_ t: TrafficTotals, _ k: Kernel) -> Expr {
        rules([("Messages", .integer(t.messages)), ("WireBytes", .integer(t.wireBytes)),
               ("SharedBytes", .integer(t.sharedBytes)), ("Seconds", .real(t.transferSeconds))], k)
    }

    /// The traffic of one peer or one kind, bytes split by direction.
    static func splitRecord(_ ledger: TrafficLedger, peer: Int?, kind: TrafficKind?, _ k: Kernel) -> Expr {
        let sent = ledger.totals(peer: peer, direction: .sent, kind: kind)
        let received = ledger.totals(peer: peer, direction: .received, kind: kind)
        return rules([("Messages", .integer(sent.messages + received.messages)),
                      ("WireBytesSent", .integer(sent.wireBytes)), ("WireBytesReceived", .integer(received.wireBytes)),
                      ("SharedBytesSent", .integer(sent.sharedBytes)),
                      ("SharedBytesReceived", .integer(received.sharedBytes)),
                      ("Seconds", .real(sent.transferSeconds + received.transferSeconds))], k)
    }

    /// Definition bytes by symbol, named as the user would type them (no context when it is current
    /// or on $ContextPath), largest first.
    static func symbols(_ ledger: TrafficLedger, _ k: Kernel) -> Expr {
        let visible = Set([k.currentContext] + k.contextPath)
        let wire = ledger.definitionBytesBySymbol, shared = ledger.definitionSharedBytesBySymbol
        let bytes = wire.merging(shared, uniquingKeysWith: +)
        let ordered = bytes.keys.sorted { (bytes[$0]!, $1) > (bytes[$1]!, $0) }
        return rules(ordered.map { name in
            let cut = name.lastIndex(of: "`").map { name.index(after: $0) } ?? name.startIndex
            let shown = visible.contains(String(name[..<cut])) ? String(name[cut...]) : name
            return (.string(shown), rules([("WireBytes", .integer(wire[name] ?? 0)),
                                           ("SharedBytes", .integer(shared[name] ?? 0))], k))
        }, k)
    }

    /// Wire bytes from sender (row) to receiver (column) over the asking kernel and `kernels`; the
    /// ledger sees only the asking kernel's links, so the other cells are zero.
    static func byteMatrix(_ ledger: TrafficLedger, kernels: [Int], _ k: Kernel) -> (labels: [Expr], rows: [[Int]]) {
        let ids = ([k.kernelID] + kernels).sorted()
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var rows = Array(repeating: Array(repeating: 0, count: ids.count), count: ids.count)
        let me = index[k.kernelID]!
        for peer in kernels {
            rows[me][index[peer]!] += ledger.totals(peer: peer, direction: .sent).wireBytes
            rows[index[peer]!][me] += ledger.totals(peer: peer, direction: .received).wireBytes
        }
        return (ids.map { $0 == 0 ? .string("Master") : .integer($0) }, rows)
    }

    static func rules(_ pairs: [(String, Expr)], _ k: Kernel) -> Expr {
        rules(pairs.map { (.string($0), $1) }, k)
    }

    static func rules(_ pairs: [(Expr, Expr)], _ k: Kernel) -> Expr {
        Expr(k.sys.Association, pairs.map { Expr(k.sys.Rule, $0, $1) })
    }
}
