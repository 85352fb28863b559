// Parallel`Debug`: the names of the toolkit's tracing (ParallelTracing.swift), as in Mathematica.
// The context is built in: `Needs["Parallel`Debug`"]` or `<<Parallel`Debug`` puts it on
// $ContextPath, with no file to read.
//
//     Needs["Parallel`Debug`"]
//     SetOptions[$Parallel, Tracers -> {SendReceive, Queueing}, TraceHandler -> "Save"]
//     ParallelTable[i^2, {i, 4}]; TraceList[]

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum TraceBuiltins {
    static let context = "Parallel`Debug`"
    static let settingsName = context + "$Parallel"

    static let table: [BuiltinSpec] = [
        BuiltinSpec(settingsName, messages: [
            "usage": "$Parallel carries the options of parallel tracing: Tracers and TraceHandler.",
        ]),
        BuiltinSpec(context + "Tracers", messages: [
            "usage": "Tracers is an option of $Parallel: the list of tracers that are on, among MathLink, SendReceive, Queueing and SharedMemory.",
        ]),
        BuiltinSpec(context + "TraceHandler", messages: [
            "usage": "TraceHandler is an option of $Parallel: \"Print\" prints each trace event, \"Save\" keeps them for TraceList[] (setting it starts a new list).",
        ]),
        BuiltinSpec(context + "TraceList", messages: [
            "usage": "TraceList[] gives the trace events kept with TraceHandler -> \"Save\", each as {seconds, tracer, text}.",
        ], traceList),
        BuiltinSpec(context + "MathLink", messages: ["usage": "MathLink traces each message the master writes to or reads from a subkernel."]),
        BuiltinSpec(context + "SendReceive", messages: ["usage": "SendReceive traces the evaluations sent to subkernels and the results received."]),
        BuiltinSpec(context + "Queueing", messages: ["usage": "Queueing traces how evaluations are queued, sent, received and handed back."]),
        BuiltinSpec(context + "SharedMemory", messages: ["usage": "SharedMemory traces the subkernels' uses of shared variables and functions."]),
    ]

    /// `$Parallel`'s options start as Tracers -> {} and TraceHandler -> "Print"; the context counts
    /// as loaded, so Needs and Get find it without a file.
    static func setUp(_ k: Kernel) {
        let option = { (name: String, value: Expr) in Expr(k.sys.Rule, .symbol(k.symbols.intern(fullName: context + name)), value) }
        k.symbols.intern(fullName: settingsName).setOptions([
            option("Tracers", Expr(k.sys.List, [])),
            option("TraceHandler", .string("Print")),
        ])
        if !k.loadedPackages.contains(context) { k.loadedPackages.append(context) }
    }

    static func traceList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 0) else { return nil }
        return Expr(k.sys.List, ParallelTracing.of(k).savedLines)
    }
}
