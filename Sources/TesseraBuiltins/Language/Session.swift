// Session functions: Print, Echo, Message, On/Off, Timing, AbsoluteTiming, In, Out, and the session
// variables ($Version, $CommandLine, $KernelID, $Line, $MessageList, $RecursionLimit,
// $HistoryLength, ...).

import TesseraCore
import TesseraExpr

enum SessionBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Print", print),
        BuiltinSpec("Echo", echo),
        BuiltinSpec("Message", attributes: [.holdFirst, .protected], message),
        BuiltinSpec("MessageName", attributes: [.holdFirst, .protected], messageName),
        BuiltinSpec("On", attributes: [.holdAll, .protected], on),
        BuiltinSpec("Off", attributes: [.holdAll, .protected], off),
        BuiltinSpec("Timing", attributes: [.holdAll, .protected], timing),
        BuiltinSpec("AbsoluteTiming", attributes: [.holdAll, .protected], absoluteTiming),
        BuiltinSpec("SessionTime", sessionTime),
        BuiltinSpec("Out", out),
        BuiltinSpec("In", input),
        BuiltinSpec("$MessageList", attributes: []),
    ]

    /// Session variables, set once when a kernel starts.
    static func setUp(_ k: Kernel) {
        func set(_ name: String, _ value: Expr) {
            let s = k.symbols.intern(fullName: "System`" + name)
            s.setOwnValue(value)
        }
        set("$Version", .string(TesseraVersion.systemText))
        set("$MessageList", Expr(k.sys.List))
        set("$VersionNumber", .real(14.0))
        set("$SystemID", .string("Linux-x86-64"))
        set("$OperatingSystem", .string("Unix"))
        set("$RecursionLimit", .integer(k.recursionLimit))
        set("$IterationLimit", .integer(k.iterationLimit))
        set("$HistoryLength", .symbol(k.sys.Infinity))
        set("$Context", .string(k.symbols.currentContext))
        set("$ContextPath", Expr(k.sys.List, k.symbols.contextPath.map { .string($0) }))
        set("$CommandLine", Expr(k.sys.List, k.commandLine.map { .string($0) }))
        set("$MachinePrecision", .real(15.954589770191003))
        set("$MaxMachineInteger", .integer(Int.max))
        set("$ProcessorCount", .integer(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        for name in ["$Version", "$VersionNumber", "$SystemID", "$OperatingSystem", "$MachinePrecision",
                     "$MaxMachineInteger"] {
            k.symbols.intern(fullName: "System`" + name).setAttributes([.protected])
        }
    }

    static func print(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var line = ""
        for argument in c.arguments { line += k.outputText(argument) }
        k.output(.print(PrintValue(kind: .print, expressions: c.arguments, text: line)))
        return .symbol(k.sys.Null)
    }

    static func echo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        var shown = c[0]
        if c.count == 3 { shown = try k.evaluate(Expr(head: c[2], [c[0]])) }
        let label = c.count >= 2 ? k.outputText(c[1]) + " " : ""
        k.output(.print(PrintValue(kind: .echo, expressions: [shown], text: ">> " + label + k.outputText(shown))))
        return c[0]
    }

    static func message(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1, c[0].hasHead(k.sys.MessageName) else { return nil }
        let parts = c[0].arguments
        guard parts.count >= 2, let s = parts[0].asSymbol, case .string(let tag) = parts[1] else { return nil }
        k.messageWithArguments(s, tag, Array(c.arguments.dropFirst()))
        return .symbol(k.sys.Null)
    }

    static func messageName(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, let s = c[0].asSymbol, case .string(let tag) = c[1] else { return nil }
        if let text = s.messages[tag] { return .string(text) }
        if s === k.sys.General, let text = GeneralMessages.texts[tag] { return .string(text) }
        return nil
    }

    /// The "s::t" keys named by On/Off arguments; a bare symbol means all its messages.
    static func keys(_ k: Kernel, _ c: Call) -> [String] {
        var result: [String] = []
        for argument in c.arguments {
            if argument.hasHead(k.sys.MessageName) {
                let parts = argument.arguments
                if parts.count == 2, let s = parts[0].asSymbol, case .string(let tag) = parts[1] {
                    result.append(s.fullName + "::" + tag)
                }
            } else if case .string(let group) = argument, group == "Packing" {
                result.append(contentsOf: ["Developer`FromPackedArray::unpack", "Developer`FromPackedArray::punpack",
                                           "Developer`FromPackedArray::unpack1", "Developer`FromPackedArray::punpack1"])
            } else if case .symbol(let s) = argument {
                result.append(contentsOf: s.messages.keys.map { s.fullName + "::" + $0 })
            }
        }
        return result
    }

    static func on(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        k.messagesOff.subtract(keys(k, c))
        return .symbol(k.sys.Null)
    }

    static func off(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        k.messagesOff.formUnion(keys(k, c))
        return .symbol(k.sys.Null)
    }

    static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }

    static func timing(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let start = cpuSeconds()
        let value = try k.evaluate(c[0])
        return Expr(k.sys.List, .real(cpuSeconds() - start), value)
    }

    static func absoluteTiming(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let start = monotonicSeconds()
        let value = try k.evaluate(c[0])
        return Expr(k.sys.List, .real(monotonicSeconds() - start), value)
    }

    static func sessionTime(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        .real(k.uptime)
    }

    static func out(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var n = k.lineNumber - 1
        if c.count == 1, case .integer(let i) = c[0] { n = i < 0 ? k.lineNumber + i : i }
        return k.outputs[n]
    }

    /// In[n] evaluates input n again (In[] and In[-k] count back from the current line).
    static func input(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var n = k.lineNumber - 1
        if c.count == 1, case .integer(let i) = c[0] { n = i < 0 ? k.lineNumber + i : i }
        else if c.count != 0 { return nil }
        return k.inputs[n]
    }
}

#if canImport(Glibc)
import Glibc
#endif
