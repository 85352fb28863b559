// Messages: `f::tag` texts, On/Off, Quiet, $MessageList and General::stop.
//
// A message is looked up on the symbol (`f::tag`), then under General. Its `` `n` `` slots are filled
// with the OutputForm text of the arguments (HoldForm wrappers print their contents). A message is
// printed as "\nf::tag: text" on the kernel's output, as wolframscript does, at most three times per
// top-level evaluation; the third time is followed by General::stop.

import TesseraExpr

extension Kernel {
    /// Issues `symbol::tag` with the given arguments. Returns normally; the caller decides the result.
    public func message(_ symbol: Symbol, _ tag: String, _ arguments: Expr...) {
        messageWithArguments(symbol, tag, arguments)
    }

    public func messageWithArguments(_ symbol: Symbol, _ tag: String, _ arguments: [Expr]) {
        guard isSwitchedOn(symbol, tag) else { return }
        let template = messageTemplate(symbol, tag) ?? "-- Message text not found --"
        deliver(MessageValue(symbol: symbol.fullName, tag: tag, arguments: arguments, text: fill(template, arguments)), symbol)
    }

    /// Issues a message that arrived as a value (from a subkernel): Off, Quiet, Check, $MessageList
    /// and General::stop treat it as if this kernel had issued it; its text is the one it carries.
    public func reissue(_ value: MessageValue) {
        checkOwnerThread()
        let symbol = symbols.intern(fullName: value.symbol)
        guard isSwitchedOn(symbol, value.tag) else { return }
        deliver(value, symbol)
    }

    private func isSwitchedOn(_ symbol: Symbol, _ tag: String) -> Bool {
        if messagesOff.contains(symbol.fullName + "::" + tag) { return false }
        return symbol.messages[tag] != nil || !messagesOff.contains("System`General::" + tag) || symbol === sys.General
    }

    /// The one path of an issued message: Check frames, Quiet, $MessageList, the three-per-evaluation
    /// limit, then the output.
    private func deliver(_ value: MessageValue, _ symbol: Symbol) {
        let key = symbol.fullName + "::" + value.tag
        messagesIssued += 1
        for i in checkFrames.indices where checkFrames[i].quietDepth >= quietDepth {
            if let watched = checkFrames[i].watched, !watched.contains(key) { continue }
            checkFrames[i].hit = true
        }
        let name = Expr(sys.MessageName, .symbol(symbol), .string(value.tag))
        if quietDepth > 0 { return }
        messageList.append(Expr(sys.HoldForm, name))
        publishMessageList()
        let count = (messageCounts[key] ?? 0) + 1
        messageCounts[key] = count
        if count > 3 { return }
        output(.message(value, shownName: symbols.displayName(symbol)))
        if count == 3 {
            let stop = messageTemplate(sys.General, "stop") ?? ""
            let arguments = [Expr(sys.HoldForm, name)]
            output(.message(MessageValue(symbol: sys.General.fullName, tag: "stop", arguments: arguments,
                                         text: fill(stop, arguments)), shownName: "General"))
        }
    }

    /// The text of `symbol::tag`, falling back to `General::tag`.
    public func messageTemplate(_ symbol: Symbol, _ tag: String) -> String? {
        if let own = symbol.messages[tag] { return own }
        if let general = sys.General.messages[tag] { return general }
        return GeneralMessages.texts[tag]
    }

    private func fill(_ template: String, _ arguments: [Expr]) -> String {
        var result = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            guard c == "`" else { result.append(c); continue }
            var digits = ""
            var closed = false
            while let d = chars.next() {
                if d == "`" { closed = true; break }
                digits.append(d)
            }
            if closed, let n = Int(digits), n >= 1, n <= arguments.count {
                result += messageArgumentText(arguments[n - 1])
            } else if closed && digits.isEmpty {
                result.append("`")
            } else {
                result += "`" + digits + (closed ? "`" : "")
            }
        }
        return result
    }

    private func messageArgumentText(_ e: Expr) -> String {
        var shown = e
        if e.hasHead(sys.HoldForm), let n = e.asNormal, n.arguments.count == 1 { shown = n.arguments[0] }
        if case .string(let s) = shown { return s }
        return printer.text(shown, form: .outputForm)
    }

    /// Starts watching for messages (Check); returns the frame's index.
    public func pushCheckFrame(watching: Set<String>?) -> Int {
        checkFrames.append(CheckFrame(quietDepth: quietDepth, watched: watching, hit: false))
        return checkFrames.count - 1
    }

    public func popCheckFrame() { checkFrames.removeLast() }

    public func checkFrameWasHit(_ index: Int) -> Bool { checkFrames[index].hit }

    /// Clears the per-evaluation message state (at the start of each top-level evaluation).
    public func resetMessageState() {
        if !messageList.isEmpty {
            messageList = []
            publishMessageList()
        }
        messageCounts = [:]
    }

    /// `$MessageList` is a variable the language reads: it follows `messageList`.
    private func publishMessageList() {
        let variable = symbols.intern(fullName: "System`$MessageList")
        variable.setOwnValue(Expr(sys.List, messageList))
    }
}

/// One active Check: messages issued at its Quiet depth or shallower count as hits.
struct CheckFrame {
    let quietDepth: Int
    let watched: Set<String>?
    var hit: Bool
}

/// The General:: message texts, as Mathematica words them.
public enum GeneralMessages {
    public static let texts: [String: String] = [
        "argx": "`1` called with `2` arguments; 1 argument is expected.",
        "argr": "`1` called with 1 argument; `2` arguments are expected.",
        "argrx": "`1` called with `2` arguments; `3` arguments are expected.",
        "argt": "`1` called with `2` arguments; `3` or `4` arguments are expected.",
        "argtu": "`1` called with 1 argument; `2` or `3` arguments are expected.",
        "argb": "`1` called with `2` arguments; between `3` and `4` arguments are expected.",
        "argbu": "`1` called with 1 argument; between `2` and `3` arguments are expected.",
        "argm": "`1` called with `2` arguments; `3` or more arguments are expected.",
        "argmu": "`1` called with 1 argument; `2` or more arguments are expected.",
        "args": "`1` called with `2` arguments; `3` or `4` arguments are expected.",
        "stop": "Further output of `1` will be suppressed during this calculation.",
        "partw": "Part `1` of `2` does not exist.",
        "partd": "Part specification `1` is longer than depth of object.",
        "pkspec1": "The expression `1` cannot be used as a part specification.",
        "pspec": "Part specification `1` is neither a machine-sized integer nor a list of machine-sized integers.",
        "take": "Cannot take positions `1` through `2` in `3`.",
        "drop": "Cannot drop positions `1` through `2` in `3`.",
        "seqs": "Sequence specification (+n, -n, {+n}, {-n}, {m, n} or {m, n, s}) expected at position `2` in `1`.",
        "normal": "Nonatomic expression expected at position `1` in `2`.",
        "list": "List expected at position `2` in `1`.",
        "int": "Integer expected at position `2` in `1`.",
        "intp": "Positive integer expected at position `2` in `1`.",
        "intnn": "Non-negative integer expected at position `2` in `1`.",
        "intnm": "Non-negative machine-sized integer expected at position `2` in `1`.",
        "intpm": "Positive machine-sized integer expected at position `2` in `1`.",
        "ilsmn": "Single or list of non-negative machine-sized integers expected at position `1` of `2`.",
        "string": "String expected at position `1` in `2`.",
        "strs": "String or list of strings expected at position `1` in `2`.",
        "sym": "Argument `1` at position `2` is expected to be a symbol.",
        "ssym": "`1` is not a symbol or a string.",
        "rvalue": "`1` is not a variable with a value, so its value cannot be changed.",
        "wrsym": "Symbol `1` is Protected.",
        "setraw": "Cannot assign to raw object `1`.",
        "setps": "`1` in the part assignment is not a symbol.",
        "write": "Tag `1` in `2` is Protected.",
        "noval": "Symbol `1` in part assignment does not have an immediate value.",
        "locked": "Symbol `1` is locked.",
        "nord": "Invalid comparison with `1` attempted.",
        "infy": "Infinite expression `1` encountered.",
        "indet": "Indeterminate expression `1` encountered.",
        "dvzero": "Division by zero.",
        "ovfl": "Overflow occurred in computation.",
        "unfl": "Underflow occurred in computation.",
        "nomem": "The current computation was aborted because there was insufficient memory available to complete the computation.",
        // Tessera's own: the size and cause behind a nomem (see Kernel+Storage.swift).
        "nomemsz": "An array of `1` bytes was requested: `2`.",
        "iterb": "Iterator `1` does not have appropriate bounds.",
        "itform": "Argument `1` at position `2` does not have the correct form for an iterator.",
        "itraw": "Raw object `1` cannot be used as an iterator.",
        "nonopt": "Options expected (instead of `1`) beyond position `2` in `3`. An option must be a rule or a list of rules.",
        "optx": "Unknown option `1` in `2`.",
        "optnf": "`1` is not a known option for `2`.",
        "level": "Level specification `1` is not of the form n, {n}, or {m, n}.",
        "heads": "Heads `1` and `2` at positions `3` and `4` are expected to be the same.",
        "thread": "Objects of unequal length in `1` cannot be combined.",
        "lvlist": "Local variable specification `1` is not a List.",
        "lvset": "Local variable specification `1` contains `2`, which is an assignment to `3`; only assignments to symbols are allowed.",
        "lvsym": "Local variable specification `1` contains `2`, which is not a symbol or an assignment to a symbol.",
        "dup": "Duplicate local variable `1` found in local variable specification `2`.",
        "fpct": "Too many parameters in `1` to be filled from `2`.",
        "vctmat": "Argument `1` is not a vector or matrix.",
        "reps": "`1` is neither a list of replacement rules nor a valid dispatch table, and so cannot be used for replacing.",
        "rmix": "Elements of `1` are a mixture of lists and nonlists.",
        "inc": "`1` is not a string or list of strings.",
        "shape": "Objects of unequal length in `1` cannot be combined.",
        "dotsh": "Tensors `1` and `2` have incompatible shapes.",
        "matsq": "Argument `1` at position `2` is not a non-empty square matrix.",
        "sing": "Matrix `1` is singular.",
        "posdef": "The matrix `1` is not sufficiently positive definite to complete the Cholesky decomposition to reasonable accuracy.",
        "nocatch": "Uncaught `1` returned to top level.",
        "notfound": "Symbol `1` not found.",
        "newsym": "Symbol `1` is new.",
        "spell": "Possible spelling error: new symbol name \"`1`\" is similar to existing symbols `2`.",
        "spell1": "Possible spelling error: new symbol name \"`1`\" is similar to existing symbol \"`2`\".",
        "unpack": "Unpacking array in call to `1`.",
        "punpack": "Unpacking array with dimensions `1` to level `2`.",
        "argct": "`1` called with `2` arguments.",
        "argctu": "`1` called with 1 argument.",
        "realx": "Real number expected at position `2` in `1`.",
        "nonn": "Non-negative number expected.",
        "reclim2": "Recursion depth of `1` exceeded during evaluation of `2`.",
        "itlim": "Iteration limit of `1` exceeded.",
        "noopen": "Cannot open `1`.",
        "nffil": "File not found during `1`.",
        "tag": "Rule for `1` can only be attached to `2`.",
        "fnsym": "First argument in `1` is not a symbol or a string naming a symbol.",
        "obspkg": "`1` is now obsolete.",
        "sntxf": "`1` cannot be followed by `2`.",
    ]
}
