// A symbol's definitions as one value, and the expression that installs them on another kernel.
//
// What travels is ordinary Wolfram Language that the subkernel evaluates, one assignment per kind of
// value, each replacing what the subkernel had (so a definition removed on the master disappears
// there too):
//
//     Attributes[f] = Unevaluated[{HoldAll}];
//     OwnValues[f] = Unevaluated[{}];
//     DownValues[f] = Unevaluated[{HoldPattern[f[x_]] :> x^2}];
//     UpValues[f] = ...; SubValues[f] = ...; DefaultValues[f] = ...; Options[f] = ...;
//     Messages[f] = Unevaluated[{HoldPattern[f::usage] :> "..."}]
//
// `Unevaluated` keeps the values as the master stored them: an immediate value (`a = RandomReal[...]`)
// is not evaluated again on arrival. NValues and FormatValues are not sent: this kernel stores none.

import TesseraCore
import TesseraExpr

struct SymbolDefinitions {
    var attributes: Attributes = []
    var ownValue: Definition?
    var downValues: [Definition] = []
    var upValues: [Definition] = []
    var subValues: [Definition] = []
    var defaultValues: [Definition] = []
    var options: [Expr] = []
    var messages: [String: String] = [:]

    /// No values at all (a shared symbol's stub starts from this).
    init() {}

    /// Everything `s` has on this kernel.
    init(of s: Symbol) {
        attributes = s.attributes
        if let value = s.ownValue { ownValue = Definition(lhs: .symbol(s), rhs: value, isDelayed: s.ownValueIsDelayed) }
        downValues = s.downValues.all
        upValues = s.upValues.all
        subValues = s.subValues.all
        defaultValues = s.defaultValues
        options = s.options
        messages = s.messages
    }

    /// Whether `s` has anything a subkernel would need to be sent.
    static func hasAny(_ s: Symbol) -> Bool {
        s.ownValue != nil || s.hasValues || !s.defaultValues.isEmpty || !s.options.isEmpty || !s.messages.isEmpty
            || !s.attributes.subtracting(.temporary).isEmpty
    }

    /// The held compound expression of assignments that installs these definitions for `s`.
    func installer(for s: Symbol, _ k: Kernel) -> Expr {
        let sys = k.sys
        let target = Expr.symbol(s)
        func list(_ name: String, _ items: [Expr]) -> Expr {
            let valueList = Expr(k.symbols.intern(fullName: "System`" + name), target)
            return Expr(sys.Set, valueList, Expr(sys.Unevaluated, Expr(sys.List, items)))
        }
        func rules(_ definitions: [Definition]) -> [Expr] {
            definitions.map { d in
                let lhs = d.lhs.hasHead(sys.HoldPattern) ? d.lhs : Expr(sys.HoldPattern, d.lhs)
                return Expr(d.isDelayed ? sys.RuleDelayed : sys.Rule, lhs, d.rhs)
            }
        }
        let attributeNames = attributes.names.map { Expr.symbol(k.symbols.intern(fullName: "System`" + $0)) }
        let messageRules = messages.keys.sorted().map { tag in
            Expr(sys.RuleDelayed, Expr(sys.HoldPattern, Expr(sys.MessageName, target, .string(tag))), .string(messages[tag]!))
        }
        return Expr(sys.Hold, Expr(sys.CompoundExpression, [
            list("Attributes", attributeNames),
            list("OwnValues", rules(ownValue.map { [$0] } ?? [])),
            list("DownValues", rules(downValues)),
            list("UpValues", rules(upValues)),
            list("SubValues", rules(subValues)),
            list("DefaultValues", rules(defaultValues)),
            list("Options", options),
            list("Messages", messageRules),
            .symbol(sys.Null),
        ]))
    }
}
