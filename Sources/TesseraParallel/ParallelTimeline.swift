// The master's timeline of parallel work: a span per evaluation sent to a subkernel (from the send of
// its `evaluate` to its result or the kernel's death) and a span per transfer (a definition sent, a
// shared variable or function answered), each with the bytes the traffic ledger counted for its
// messages.
//
// It exists only while a consumer is attached (`tessera --trace`, `--report`): ParallelState holds it
// as an optional, so a run without one pays a nil check at each hook. The hooks are few: the send of
// an evaluation (ParallelWait's `submit`), each message read from a busy kernel (its receive), a
// kernel given up by poll, and each definition sent (DefinitionDistribution). Bytes are differences
// of the ledger's totals for the kernel across the hook, so a span's numbers are the ledger's, never
// a second count.
//
// Transfers are the master's work (it encodes and sends the definitions, it evaluates the shared
// accesses, one at a time), so they are drawn on the master's track and never overlap; evaluations
// are drawn on their kernel's track.

import TesseraCore
import TesseraExpr
import TesseraLink

/// One stretch of parallel work as the master saw it; times in seconds since the timeline began.
public struct TimelineSpan: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// An evaluation on a subkernel (its track): `evaluate` sent, then its output and result.
        case evaluation = "Evaluation"
        /// Definitions sent to a subkernel before an evaluation (the master's track).
        case definition = "Definition"
        /// A shared variable or function a subkernel called, answered by the master (the master's track).
        case sharedVariable = "SharedVariable"
    }

    public var kind: Kind
    /// The subkernel the span concerns ($KernelID).
    public var kernel: Int
    public var requestID: UInt64
    public var start: Double
    public var end: Double
    /// Wire bytes master -> kernel and kernel -> master, and packed-array bytes shared by handle.
    public var bytesOut = 0
    public var bytesIn = 0
    public var sharedBytes = 0
    /// What was evaluated or transferred, short: the head of the expression, or the symbol.
    public var label: String
    /// How many spans this one stands for (more than 1 once a size cap merged spans: SpanAggregator).
    public var count = 1
    /// Whether the kernel died before answering.
    public var died = false

    public init(kind: Kind, kernel: Int, requestID: UInt64, start: Double, end: Double, label: String) {
        self.kind = kind
        self.kernel = kernel
        self.requestID = requestID
        self.start = start
        self.end = end
        self.label = label
    }

    /// True for the spans drawn on the master's track.
    public var isTransfer: Bool { kind != .evaluation }
}

/// What a timeline hands its spans to: the trace file, the report.
public protocol TimelineConsumer: AnyObject {
    /// A span that ended (spans arrive in the order they end).
    func record(_ span: TimelineSpan)
    /// The run is over: `kernels` are the subkernels it knew, `k` the master (for the ledger's views).
    func finish(kernels: [Int], at seconds: Double, _ k: Kernel)
}

public final class ParallelTimeline {
    /// The ledger's totals for one kernel at a moment, to measure the bytes of what follows.
    struct Mark {
        let time: Double
        let sent: TrafficTotals
        let received: TrafficTotals
    }

    private let ledger: TrafficLedger
    private let clock: () -> Double
    private let origin: Double
    private var consumers: [any TimelineConsumer] = []
    /// The evaluations in flight on each kernel, the running one first (a kernel's spans never
    /// overlap: one sent ahead begins when the one before it ends).
    private var open: [Int: [TimelineSpan]] = [:]
    private var kernels = Set<Int>()
    /// What the shared access being answered reads or sets (SharedRoundTrip says, before the span ends).
    private var sharedLabel: String?

    init(ledger: TrafficLedger, clock: @escaping () -> Double = monotonicSeconds) {
        self.ledger = ledger
        self.clock = clock
        origin = clock()
    }

    /// Attaches `consumer` to the master `k`'s timeline, starting the timeline if it has none.
    public static func attach(_ consumer: any TimelineConsumer, to k: Kernel) {
        let state = ParallelState.of(k)
        let timeline = state.timeline ?? ParallelTimeline(ledger: state.ledger)
        timeline.consumers.append(consumer)
        state.timeline = timeline
    }

    /// Ends `k`'s timeline: evaluations still in flight end now, the consumers finish, and the
    /// timeline is detached (the run pays nothing more).
    public static func finish(_ k: Kernel) {
        let state = ParallelState.of(k)
        guard let timeline = state.timeline else { return }
        state.timeline = nil
        let now = timeline.now
        for kernel in timeline.open.keys.sorted() {
            guard let spans = timeline.open.removeValue(forKey: kernel) else { continue }
            for var span in spans {
                span.start = min(span.start, now)
                span.end = now
                timeline.emit(span)
            }
        }
        let known = timeline.kernels.union(state.workers.map(\.id)).sorted()
        for consumer in timeline.consumers { consumer.finish(kernels: known, at: now, k) }
    }

    var now: Double { clock() - origin }

    func mark(_ worker: Worker) -> Mark {
        Mark(time: now, sent: ledger.totals(peer: worker.id, direction: .sent),
             received: ledger.totals(peer: worker.id, direction: .received))
    }

    /// A span of `kind` on `worker` from `mark` until now, with the bytes the ledger counted since.
    private func span(_ kind: TimelineSpan.Kind, _ worker: Worker, requestID: UInt64, since mark: Mark,
                      label: String) -> TimelineSpan {
        var span = TimelineSpan(kind: kind, kernel: worker.id, requestID: requestID, start: mark.time, end: now,
                                label: label)
        add(since: mark, worker, to: &span)
        return span
    }

    /// Adds the ledger's bytes for `worker` since `mark` to `span` (never negative: a
    /// ResetParallelTraffic in between counts as nothing).
    private func add(since mark: Mark, _ worker: Worker, to span: inout TimelineSpan) {
        let sent = ledger.totals(peer: worker.id, direction: .sent)
        let received = ledger.totals(peer: worker.id, direction: .received)
        span.bytesOut += max(0, sent.wireBytes - mark.sent.wireBytes)
        span.bytesIn += max(0, received.wireBytes - mark.received.wireBytes)
        span.sharedBytes += max(0, sent.sharedBytes - mark.sent.sharedBytes)
            + max(0, received.sharedBytes - mark.received.sharedBytes)
    }

    private func emit(_ span: TimelineSpan) {
        kernels.insert(span.kernel)
        for consumer in consumers { consumer.record(span) }
    }

    // MARK: Hooks

    /// `expr` was sent to `worker` as request `requestID` (the send began at `mark`).
    func evaluationSent(_ expr: Expr, to worker: Worker, requestID: UInt64, since mark: Mark) {
        open[worker.id, default: []].append(span(.evaluation, worker, requestID: requestID, since: mark,
                                                 label: Self.label(of: expr)))
    }

    /// A message from `worker` was read and handled, beginning at `mark`. A shared access is a transfer
    /// of its own; anything else (output, the result) belongs to the evaluation in flight, which ends
    /// when the worker is no longer busy with it (its result came, or it died).
    func received(from worker: Worker, since mark: Mark, sharedAccess: Bool) {
        if sharedAccess {
            emit(span(.sharedVariable, worker, requestID: open[worker.id]?.first?.requestID ?? 0, since: mark,
                      label: sharedLabel ?? "access"))
            sharedLabel = nil
            return
        }
        guard var spans = open[worker.id], var span = spans.first else { return }
        add(since: mark, worker, to: &span)
        if worker.requestsInFlight.first == span.requestID {
            spans[0] = span
            open[worker.id] = spans
            return
        }
        let end = now
        span.end = end
        span.died = !worker.isAlive
        emit(span)
        spans.removeFirst()
        if worker.isAlive, !spans.isEmpty {
            spans[0].start = max(spans[0].start, end)
            open[worker.id] = spans
        } else {
            // A kernel that died takes the requests it had not begun with it: they end here too.
            for var waiting in spans {
                waiting.start = min(waiting.start, end)
                waiting.end = end
                waiting.died = true
                emit(waiting)
            }
            open[worker.id] = nil
        }
    }

    /// The master is answering a shared access that evaluates `expr`: `c`, `Increment[c]`, `f[...]`.
    func sharedAccess(_ expr: Expr) {
        if let s = expr.asSymbol {
            sharedLabel = s.name
        } else if let head = expr.headSymbol, let first = expr.arguments.first?.asSymbol ?? expr.arguments.first?.headSymbol {
            sharedLabel = "\(head.name)[\(first.name)]"
        } else {
            sharedLabel = Self.label(of: expr)
        }
    }

    /// `worker` was given up without a read (poll failed): its evaluation ends unanswered.
    func lost(_ worker: Worker) {
        guard let spans = open.removeValue(forKey: worker.id) else { return }
        let end = now
        for var span in spans {
            span.start = min(span.start, end)
            span.end = end
            span.died = true
            emit(span)
        }
    }

    /// The definitions of `symbol` (nil: a ParallelNeeds) were sent to `worker`, beginning at `mark`.
    func definitionSent(_ symbol: String?, to worker: Worker, requestID: UInt64, since mark: Mark) {
        let name = symbol.map { $0.split(separator: "`").last.map(String.init) ?? $0 }
        emit(span(.definition, worker, requestID: requestID, since: mark, label: name ?? "Needs"))
    }

    /// A short label for an evaluated expression: its head's name (inside the holds and the scoping
    /// a job is wrapped in: ParallelTable's `Block[{...}, Table[...]]` is "Table"), or the symbol.
    static func label(of expr: Expr) -> String {
        var e = expr
        while let s = e.headSymbol, let last = e.arguments.last, Self.wrappers.contains(s.name),
              e.arguments.count == (s.name.hasPrefix("Hold") ? 1 : 2) {
            e = last
        }
        if let s = e.headSymbol { return s.name }
        if let s = e.asSymbol { return s.name }
        return "Expression"
    }

    private static let wrappers: Set<String> = ["Hold", "HoldComplete", "Block", "Module", "With"]
}
