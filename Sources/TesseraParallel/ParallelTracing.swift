// The toolkit's own tracing, as Mathematica's Parallel`Debug` package has it: with
// `SetOptions[$Parallel, Tracers -> {SendReceive, Queueing, SharedMemory, MathLink}]` the master
// reports what it sends and receives, how it queues evaluations and what subkernels do to shared
// variables, in Mathematica's wording ("Sending to kernel 1: ... (q=0)"), and, beyond Mathematica,
// with the bytes the ledger counted and the seconds since the session began at the end of each line
// ("Sending to kernel 1: {i^2} (q=0) [191 bytes] [0.095545 s]").
// `TraceHandler -> "Print"` prints the lines; `"Save"` keeps them for `TraceList[]`.
//
// Cost when off: the options live on the symbol `$Parallel`, read again only when its version moved;
// every hook is otherwise one integer comparison and one test of an empty set (`isTracing`).

import TesseraCore
import TesseraExpr
import TesseraLink

/// The tracers of Parallel`Debug` (Mathematica's names).
enum Tracer: String, CaseIterable {
    case mathLink = "MathLink"
    case sendReceive = "SendReceive"
    case queueing = "Queueing"
    case sharedMemory = "SharedMemory"
}

final class ParallelTracing {
    enum Handler { case print, save }

    private let settings: Symbol
    private var settingsVersion: UInt64 = .max
    private var enabled: Set<Tracer> = []
    private var handler = Handler.print
    /// The lines kept with TraceHandler -> "Save", as {seconds, tracer, text}.
    private var saved: [Expr] = []

    private init(_ k: Kernel) { settings = k.symbols.intern(fullName: TraceBuiltins.settingsName) }

    static func of(_ k: Kernel) -> ParallelTracing { k.extensionState(ParallelTracing.self) { ParallelTracing(k) } }

    /// Whether `tracer` is on. The cheap test every hook makes first.
    func isTracing(_ tracer: Tracer) -> Bool {
        if settings.version != settingsVersion { reload() }
        return !enabled.isEmpty && enabled.contains(tracer)
    }

    /// Reads Tracers and TraceHandler from `$Parallel`'s options. Setting TraceHandler -> "Save"
    /// again starts a new TraceList.
    private func reload() {
        settingsVersion = settings.version
        var tracers: Set<Tracer> = []
        var newHandler = Handler.print
        for option in settings.options where option.arguments.count == 2 {
            let name = option.arguments[0].asSymbol?.name ?? option.arguments[0].asString
            let value = option.arguments[1]
            if name == "Tracers" {
                let names = value.arguments.isEmpty ? [value] : value.arguments
                tracers = Set(names.compactMap { ($0.asSymbol?.name ?? $0.asString).flatMap(Tracer.init(rawValue:)) })
            } else if name == "TraceHandler", (value.asString ?? value.asSymbol?.name) == "Save" {
                newHandler = .save
            }
        }
        if newHandler == .save { saved = [] }
        enabled = tracers
        handler = newHandler
    }

    /// Reports one event of `tracer`: `text`, then the bytes it moved (when any) and the time.
    func emit(_ tracer: Tracer, _ text: String, bytes: Int? = nil, _ k: Kernel) {
        let seconds = k.uptime
        let sized = text + (bytes.map { " [\($0) bytes]" } ?? "")
        switch handler {
        case .print:
            let line = tracer.rawValue + ": " + sized + " [" + TraceText.seconds(seconds) + "]"
            k.output(.print(PrintValue(kind: .print, expressions: [.string(line)], text: line)))
        case .save:
            // The time is the list's first element, so the text carries only the bytes.
            saved.append(Expr(k.sys.List, .real(seconds), .symbol(k.symbols.intern(fullName: TraceBuiltins.context + tracer.rawValue)),
                              .string(sized)))
        }
    }

    /// TraceList[]: the saved lines, after the options last set (a new "Save" setting empties it).
    var savedLines: [Expr] {
        if settings.version != settingsVersion { reload() }
        return saved
    }
}
