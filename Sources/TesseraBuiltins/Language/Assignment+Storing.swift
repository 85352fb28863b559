// Where an assignment stores its rule, and part assignment.

import TesseraCore
import TesseraExpr
import TesseraStorage

extension Kernel {
    /// `lhs = rhs` (delayed: `lhs := rhs`). Returns the assigned value (rhs), or nil on failure.
    func assign(_ lhs: Expr, _ rhs: Expr, delayed: Bool, call: Call,
                valueIsEvaluated: Bool = false) throws(Interrupt) -> Expr? {
        let value = delayed || valueIsEvaluated ? rhs : try evaluate(rhs)
        switch lhs {
        case .symbol(let s):
            if s.attributes.contains(.protected) {
                message(call.head, "wrsym", lhs)
                return value
            }
            storeOwnValue(s, value, delayed: delayed)
            return value
        case .normal(let n):
            guard let head = n.head.asSymbol ?? innermostSymbol(n.head) else {
                message(call.head, "setraw", lhs)
                return value
            }
            if head === sys.List && !delayed {
                return try assignList(n.arguments, value, call: call)
            }
            if head === sys.Part {
                return try assignPart(n.arguments, value, call: call)
            }
            if head === sys.HoldPattern, n.arguments.count == 1 {
                return try storeDownValue(lhs, lhs, value, delayed: delayed, call: call)
            }
            if let list = valueListKind(head), n.arguments.count == 1, let owner = n.arguments[0].asSymbol {
                return assignValueList(list, of: owner, value, call: call)
            }
            if head === sys.MessageName, n.arguments.count == 2, let s = n.arguments[0].asSymbol,
               case .string(let tag) = n.arguments[1], case .string(let text) = value {
                s.setMessage(tag, text)
                return value
            }
            if head === sys.Attributes, n.arguments.count == 1 {
                return try setAttributes(n.arguments[0], value, call: call) ? value : nil
            }
            if head === sys.Options, n.arguments.count == 1, let s = n.arguments[0].asSymbol {
                s.setOptions(value.isList(sys) ? value.arguments : [value])
                return value
            }
            if head === sys.Default, let s = n.arguments.first?.asSymbol {
                s.setDefaultValues(s.defaultValues.filter { $0.lhs != lhs }
                                   + [Definition(lhs: lhs, rhs: value, isDelayed: delayed)])
                return value
            }
            if head === sys.N, (1...2).contains(n.arguments.count) {
                let pattern = try evaluateLeftSide(lhs)
                if let owner = pattern.arguments.first.flatMap({ $0.asSymbol ?? $0.headSymbol }) {
                    return storeNValue(pattern, owner: owner, value, delayed: delayed, call: call)
                }
            }
            if head === sys.Condition, n.arguments.count == 2 {
                if case .symbol = n.arguments[0] {
                    // `x /; test := rhs`: a conditional OwnValue.
                    return try assign(n.arguments[0], Expr(sys.Condition, value, n.arguments[1]), delayed: true, call: call)
                }
                // `f[x_] /; test := rhs` keeps the condition on the left, as DownValues shows it.
                let inner = try evaluateLeftSide(n.arguments[0])
                return try storeDownValue(Expr(sys.Condition, inner, n.arguments[1]), lhs, value, delayed: delayed, call: call)
            }
            return try storeDownValue(lhs, lhs, value, delayed: delayed, call: call)
        default:
            message(call.head, "setraw", lhs)
            return value
        }
    }

    private func innermostSymbol(_ e: Expr) -> Symbol? {
        var current = e
        while case .normal(let n) = current { current = n.head }
        return current.asSymbol
    }

    /// `s = value` or `s := value` for a symbol that may be assigned.
    func storeOwnValue(_ s: Symbol, _ value: Expr, delayed: Bool) {
        s.setOwnValue(value, delayed: delayed)
        applySpecialVariable(s, value)
    }

    private func applySpecialVariable(_ s: Symbol, _ value: Expr) {
        // Identity tests: this runs on every assignment, so no comparison of names.
        if s === sys.DollarRecursionLimit || s === sys.DollarIterationLimit {
            evaluationLimitChanged(s)
        } else if s === sys.DollarContext {
            if case .string(let context) = value { symbols.currentContext = context }
        } else if s === sys.DollarContextPath {
            symbols.contextPath = value.arguments.compactMap { $0.asString }
        }
    }

    /// Evaluates the arguments of `f[args]` as the attributes of f allow, leaving patterns intact.
    func evaluateLeftSide(_ lhs: Expr) throws(Interrupt) -> Expr {
        guard case .normal(let n) = lhs else { return lhs }
        if n.head.isSymbol(sys.HoldPattern) || n.head.isSymbol(sys.Condition) { return lhs }
        let head: Expr
        if case .normal = n.head { head = try evaluateLeftSide(n.head) } else { head = n.head }
        let attributes = head.asSymbol?.attributes ?? []
        if attributes.contains(.holdAllComplete) { return Expr(head: head, n.arguments) }
        var arguments = n.arguments
        for i in arguments.indices {
            let held = i == 0 ? attributes.contains(.holdFirst) : attributes.contains(.holdRest)
            if held { continue }
            let argument = arguments[i]
            if argument.hasHead(sys.Pattern) || argument.hasHead(sys.Blank) || argument.hasHead(sys.BlankSequence)
                || argument.hasHead(sys.BlankNullSequence) || argument.hasHead(sys.Condition)
                || argument.hasHead(sys.PatternTest) || argument.hasHead(sys.Optional)
                || argument.hasHead(sys.HoldPattern) || argument.hasHead(sys.Alternatives)
                || argument.hasHead(sys.Repeated) || argument.hasHead(sys.RepeatedNull)
                || argument.hasHead(sys.Except) || argument.hasHead(sys.Verbatim) || argument.hasHead(sys.OptionsPattern) {
                continue
            }
            arguments[i] = try evaluate(argument)
        }
        arguments = spliceSequences(arguments)
        var result = Expr(head: head, arguments)
        if attributes.contains(.orderless) {
            arguments.sort(by: canonicalLess)
            result = Expr(head: head, arguments)
        }
        return result
    }

    private func storeDownValue(_ pattern: Expr, _ original: Expr, _ value: Expr, delayed: Bool,
                                call: Call) throws(Interrupt) -> Expr? {
        let lhs = pattern.hasHead(sys.HoldPattern) || pattern.hasHead(sys.Condition) ? pattern : try evaluateLeftSide(pattern)
        var core = lhs
        while core.hasHead(sys.HoldPattern) || core.hasHead(sys.Condition), let inner = core.arguments.first { core = inner }
        guard case .normal(let n) = core else {
            message(call.head, "setraw", lhs)
            return value
        }
        let isSub: Bool
        let owner: Symbol
        if let s = n.head.asSymbol {
            owner = s
            isSub = false
        } else if let s = innermostSymbol(n.head) {
            owner = s
            isSub = true
        } else {
            message(call.head, "setraw", lhs)
            return value
        }
        if owner.attributes.contains(.protected) {
            message(call.head, "write", .symbol(owner), Expr(sys.HoldForm, lhs))
            return value
        }
        let definition = Definition(lhs: lhs, rhs: value, isDelayed: delayed)
        owner.updateValues(isSub ? .sub : .down) { store(definition, in: &$0) }
        return value
    }

    /// `N[f] = v`, `N[f[x_]] := ...`: an NValue of f (N tries f's NValues before its own work).
    private func storeNValue(_ pattern: Expr, owner: Symbol, _ value: Expr, delayed: Bool, call: Call) -> Expr? {
        if owner.attributes.contains(.protected) {
            message(call.head, "write", .symbol(owner), Expr(sys.HoldForm, pattern))
            return value
        }
        owner.updateValues(.n) { store(Definition(lhs: pattern, rhs: value, isDelayed: delayed), in: &$0) }
        return value
    }

    enum ValueList { case down, up, sub, own, defaults, messages }

    private func valueListKind(_ head: Symbol) -> ValueList? {
        switch head.fullName {
        case "System`DownValues": return .down
        case "System`UpValues": return .up
        case "System`SubValues": return .sub
        case "System`OwnValues": return .own
        case "System`DefaultValues": return .defaults
        case "System`Messages": return .messages
        default: return nil
        }
    }

    /// `DownValues[f] = {lhs :> rhs, ...}` replaces all rules of that kind (`Messages[f] = {HoldPattern[f::tag] :> text}`
    /// too: a subkernel receives a symbol's messages this way).
    private func assignValueList(_ kind: ValueList, of owner: Symbol, _ value: Expr, call: Call) -> Expr? {
        guard value.isList(sys) else { return nil }
        var definitions: [Definition] = []
        for rule in value.arguments {
            guard (rule.hasHead(sys.Rule) || rule.hasHead(sys.RuleDelayed)), rule.length == 2 else { return nil }
            let parts = rule.arguments
            definitions.append(Definition(lhs: parts[0], rhs: parts[1], isDelayed: rule.hasHead(sys.RuleDelayed)))
        }
        switch kind {
        case .own:
            owner.setOwnValue(definitions.last?.rhs, delayed: definitions.last?.isDelayed ?? false)
        case .messages:
            var messages: [String: String] = [:]
            for d in definitions {
                var lhs = d.lhs
                while lhs.hasHead(sys.HoldPattern), let inner = lhs.arguments.first { lhs = inner }
                guard lhs.hasHead(sys.MessageName), lhs.arguments.count == 2, case .string(let tag) = lhs.arguments[1],
                      case .string(let text) = d.rhs else { return nil }
                messages[tag] = text
            }
            owner.setMessages(messages)
        case .defaults:
            owner.setDefaultValues(definitions.map { d in
                var lhs = d.lhs
                while lhs.hasHead(sys.HoldPattern), let inner = lhs.arguments.first { lhs = inner }
                return Definition(lhs: lhs, rhs: d.rhs, isDelayed: d.isDelayed)
            })
        case .down, .up, .sub:
            var list = DefinitionList()
            for d in definitions {
                var lhs = d.lhs
                while lhs.hasHead(sys.HoldPattern), let inner = lhs.arguments.first { lhs = inner }
                store(Definition(lhs: lhs, rhs: d.rhs, isDelayed: d.isDelayed), in: &list)
            }
            owner.updateValues(kind == .down ? .down : kind == .up ? .up : .sub) { $0 = list }
        }
        return value
    }

    /// `{a, b} = {1, 2}`.
    private func assignList(_ targets: [Expr], _ value: Expr, call: Call) throws(Interrupt) -> Expr? {
        guard value.isList(sys), value.length == targets.count else {
            message(call.head, "shape", Expr(sys.List, targets), value)
            return value
        }
        let values = value.arguments
        for (target, v) in zip(targets, values) {
            _ = try assign(target, v, delayed: false, call: call, valueIsEvaluated: true)
        }
        return value
    }

    func assignUp(_ lhs: Expr, _ rhs: Expr, delayed: Bool, tag: Symbol?, call: Call) throws(Interrupt) -> Expr? {
        let value = delayed ? rhs : try evaluate(rhs)
        let pattern = try evaluateLeftSide(lhs)
        var stored = false
        for argument in pattern.arguments {
            var owner: Symbol? = argument.asSymbol
            if owner == nil, case .normal(let n) = argument { owner = n.head.asSymbol ?? innermostSymbol(n.head) }
            if argument.hasHead(sys.Pattern), let inner = argument.arguments.last, case .normal(let b) = inner,
               b.head.isSymbol(sys.Blank), let h = b.arguments.first?.asSymbol { owner = h }
            guard let owner else { continue }
            if owner.attributes.contains(.protected) {
                message(call.head, "write", .symbol(owner), Expr(sys.HoldForm, pattern))
                continue
            }
            owner.updateValues(.up) { store(Definition(lhs: pattern, rhs: value, isDelayed: delayed), in: &$0) }
            stored = true
        }
        if !stored { message(call.head, "nosym", pattern) }
        return value
    }

    func assignTagged(_ tag: Symbol, _ lhs: Expr, _ value: Expr, delayed: Bool, call: Call) throws(Interrupt) -> Expr? {
        let pattern = try evaluateLeftSide(lhs)
        if tag.attributes.contains(.protected) {
            message(call.head, "write", .symbol(tag), Expr(sys.HoldForm, pattern))
            return value
        }
        let kind: RuleKind
        if case .normal(let n) = pattern, n.head.asSymbol === tag { kind = .down } else { kind = .up }
        tag.updateValues(kind) { store(Definition(lhs: pattern, rhs: value, isDelayed: delayed), in: &$0) }
        return value
    }

    func unassign(_ lhs: Expr, call: Call) throws(Interrupt) -> Expr? {
        if case .normal(let n) = lhs, let h = n.head.asSymbol, let kind = valueListKind(h), n.arguments.count == 1,
           let owner = n.arguments[0].asSymbol {
            _ = assignValueList(kind, of: owner, Expr(sys.List), call: call)
            return .symbol(sys.Null)
        }
        if case .symbol(let s) = lhs {
            if s.attributes.contains(.protected) {
                message(call.head, "wrsym", lhs)
                return .symbol(sys.DollarFailed)
            }
            s.setOwnValue(nil)
            return .symbol(sys.Null)
        }
        let pattern = try evaluateLeftSide(lhs)
        guard let owner = pattern.headSymbol else { return .symbol(sys.DollarFailed) }
        if owner.downValues.literal[pattern] != nil {
            owner.updateValues(.down) { _ = $0.removeLiteral(pattern) }
            return .symbol(sys.Null)
        }
        if let i = owner.downValues.patterns.firstIndex(where: { $0.lhs == pattern }) {
            owner.updateValues(.down) { $0.removePattern(at: i) }
            return .symbol(sys.Null)
        }
        message(sys.Unset, "norep", Expr(sys.HoldForm, pattern))
        return .symbol(sys.DollarFailed)
    }

    /// The value that `x++`, `x += d`, AppendTo... start from; nil when the target has none.
    func currentValue(of target: Expr) throws(Interrupt) -> Expr? {
        switch target {
        case .symbol(let s):
            guard s.ownValue != nil else { return nil }
            return try evaluate(target)
        case .normal(let n):
            if n.head.isSymbol(sys.Part) {
                guard let base = n.arguments.first?.asSymbol, base.ownValue != nil else { return nil }
                return try evaluate(target)
            }
            let value = try evaluate(target)
            let pattern = try evaluateLeftSide(target)
            return value == pattern ? nil : value
        default:
            return nil
        }
    }

    // MARK: Part assignment

    private func assignPart(_ parts: [Expr], _ value: Expr, call: Call) throws(Interrupt) -> Expr? {
        guard let target = parts.first, case .symbol(let s) = target else {
            message(call.head, "setps", parts.first ?? .symbol(sys.Null))
            return value
        }
        if s.attributes.contains(.protected) {
            message(call.head, "wrsym", target)
            return value
        }
        guard var current = s.ownValue else {
            message(call.head, "noval", target)
            return value
        }
        var indices: [Expr] = []
        for index in parts.dropFirst() { indices.append(try evaluate(index)) }
        // Take the value out of the symbol so that an unshared packed array is written in place.
        let delayed = s.ownValueIsDelayed
        s.setOwnValue(nil, delayed: delayed)
        let updated: Expr?
        do {
            updated = try setPart(&current, indices[...], value, call: call)
        } catch {
            s.setOwnValue(current, delayed: delayed)
            throw error
        }
        if let updated { current = updated }
        s.setOwnValue(current, delayed: delayed)
        return value
    }

    /// The expression with the part at `indices` replaced; nil (after a message) when it does not exist.
    /// A packed array that cannot be copied for writing aborts with General::nomem.
    func setPart(_ e: inout Expr, _ indices: ArraySlice<Expr>, _ value: Expr, call: Call) throws(Interrupt) -> Expr? {
        guard let index = indices.first else { return value }
        let rest = indices.dropFirst()
        if case .packed(var p) = e, indices.count <= p.rank,
           indices.allSatisfy({ if case .integer = $0 { return true }; return false }) {
            e = .integer(0)  // drop our reference so that an unshared buffer is written in place
            let written = try writePacked(&p, indices.map { $0.asInt! }, value)
            e = .packed(p)
            if written == true { return e }
            if written == false {
                message(sys.Part, "partw", Expr(sys.List, Array(indices)), e)
                return nil
            }
        }
        if case .packed = e {
            e = Expr(sys.List, e.arguments)
        }
        guard case .normal(let n) = e else {
            message(sys.Part, "partd", Expr(sys.Part, [e] + Array(indices)))
            return nil
        }
        if n.head.isSymbol(sys.Association) {
            switch index {
            case .integer: break
            default:
                // By key: replace the value of an existing key, or add the key at the end.
                let key = index.hasHead(sys.Key) ? (index.arguments.first ?? index) : index
                var rules = n.arguments
                if let i = rules.firstIndex(where: { $0.arguments.first == key }) {
                    var child = rules[i].arguments[1]
                    guard let updated = try setPart(&child, rest, value, call: call) else { return nil }
                    rules[i] = Expr(head: rules[i].head(sys), [key, updated])
                } else {
                    guard rest.isEmpty else { return nil }
                    rules.append(Expr(sys.Rule, key, value))
                }
                e = Expr(head: n.head, rules)
                return e
            }
        }
        var arguments = n.arguments
        let count = arguments.count
        func position(_ i: Int) -> Int? {
            if i >= 1 && i <= count { return i - 1 }
            if i < 0 && -i <= count { return count + i }
            return nil
        }
        switch index {
        case .integer(let i) where n.head.isSymbol(sys.Association):
            guard let p = position(i) else {
                message(sys.Part, "partw", index, e)
                return nil
            }
            let rule = arguments[p]
            var child = rule.arguments.count == 2 ? rule.arguments[1] : rule
            guard let updated = try setPart(&child, rest, value, call: call) else { return nil }
            arguments[p] = Expr(head: rule.head(sys), [rule.arguments.first ?? rule, updated])
        case .integer(let i):
            if i == 0 {
                var head = n.head
                guard let newHead = try setPart(&head, rest, value, call: call) else { return nil }
                return Expr(head: newHead, arguments)
            }
            guard let p = position(i) else {
                message(sys.Part, "partw", index, e)
                return nil
            }
            var child = arguments[p]
            arguments[p] = Expr.integer(0)
            guard let updated = try setPart(&child, rest, value, call: call) else { return nil }
            arguments[p] = updated
        case _ where index.isSymbol(sys.All):
            let values = value.isList(sys) && value.length == count && rest.isEmpty ? value.arguments : nil
            for p in 0..<count {
                var child = arguments[p]
                guard let updated = try setPart(&child, rest, values?[p] ?? value, call: call) else { return nil }
                arguments[p] = updated
            }
        case _ where index.isList(sys):
            let targets = index.arguments
            let values = value.isList(sys) && value.length == targets.count ? value.arguments : nil
            for (k, t) in targets.enumerated() {
                guard case .integer(let i) = t, let p = position(i) else {
                    message(sys.Part, "partw", t, e)
                    return nil
                }
                var child = arguments[p]
                guard let updated = try setPart(&child, rest, values?[k] ?? value, call: call) else { return nil }
                arguments[p] = updated
            }
        case _ where index.hasHead(sys.Span):
            let bounds = index.arguments
            func bound(_ b: Expr, _ fallback: Int) -> Int? {
                if b.isSymbol(sys.All) { return fallback }
                if case .integer(let i) = b { return i < 0 ? count + i + 1 : i }
                return nil
            }
            guard bounds.count >= 2, let lo = bound(bounds[0], 1), let hi = bound(bounds[1], count) else { return nil }
            let step = bounds.count == 3 ? (bounds[2].asInt ?? 1) : 1
            let selected = Array(stride(from: lo, through: hi, by: step))
            let values = value.isList(sys) && value.length == selected.count ? value.arguments : nil
            for (k, i) in selected.enumerated() {
                guard i >= 1 && i <= count else { return nil }
                var child = arguments[i - 1]
                guard let updated = try setPart(&child, rest, values?[k] ?? value, call: call) else { return nil }
                arguments[i - 1] = updated
            }
        default:
            message(sys.Part, "pkspec1", index)
            return nil
        }
        e = Expr(head: n.head, arguments)
        return e
    }

    /// Writes one element, or one block (`a[[i]] = row` on a matrix), of a packed array in place
    /// (copying first only if it is shared). nil: the value does not fit the array's type or the block's
    /// shape (the caller unpacks); false: index out of range.
    private func writePacked(_ p: inout PackedArray, _ indices: [Int], _ value: Expr) throws(Interrupt) -> Bool? {
        var flat = 0
        for (axis, raw) in indices.enumerated() {
            let n = p.dimensions[axis]
            let i = raw < 0 ? n + raw : raw - 1
            guard i >= 0 && i < n else { return false }
            flat = flat * n + i
        }
        if indices.count < p.rank {
            // A block stays packed only if the value is exactly of the array's type and the block's shape,
            // as Mathematica keeps a packed matrix packed when a row of its type replaces a row.
            let shape = Array(p.dimensions[indices.count...])
            let block: PackedArray
            if case .packed(let v) = value {
                block = v
            } else if value.isList(sys), let v = packed(from: value.arguments, allowMixed: false) {
                block = v
            } else {
                return nil
            }
            guard block.type == p.type, block.dimensions == shape else { return nil }
            try allocating { () throws(PackedStorageError) in try p.makeUniqueForWriting() }
            (p.baseAddress + flat * block.byteCount).copyMemory(from: block.baseAddress, byteCount: block.byteCount)
            return true
        }
        switch (p.type, value) {
        case (.integer, .integer(let v)):
            try allocating { () throws(PackedStorageError) in try p.makeUniqueForWriting() }
            p.integers[flat] = v
        case (.real, .real(let v)):
            try allocating { () throws(PackedStorageError) in try p.makeUniqueForWriting() }
            p.reals[flat] = v
        case (.complex, .complex(.real(let re), .real(let im))):
            try allocating { () throws(PackedStorageError) in try p.makeUniqueForWriting() }
            p.complexes[flat] = ComplexDouble(re, im)
        default:
            return nil
        }
        return true
    }
}
