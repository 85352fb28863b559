// A symbol's version and the kernel's epoch move with every change of the symbol's state, and only
// then: what caches and subkernels rely on. Block gives back exactly the state it found.

import Testing
import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraRunner

/// A kernel with `SymbolVersion[s]` (s held): the version of s as an integer, so that a test can
/// look inside a running Block or loop.
private func probeKernel() -> Kernel {
    let kernel = KernelAssembly.makeKernel()
    let version: BuiltinImplementation = { _, c in
        guard let s = c.arguments.first?.asSymbol else { return nil }
        return .integer(Int(truncatingIfNeeded: s.version))
    }
    try? kernel.install([BuiltinFamily("Probe", [BuiltinSpec("SymbolVersion", attributes: [.holdAll], version)])])
    return kernel
}

/// Runs `setup`, then `action`; the version of `name` (the symbol object that `setup` left, even if
/// `action` removes it) and the kernel epoch just before and after `action`.
private func versions(_ setup: String, _ action: String, of name: String)
    -> (before: UInt64, after: UInt64, epochBefore: UInt64, epochAfter: UInt64) {
    let kernel = probeKernel()
    defer { kernel.tearDown() }
    _ = kernel.run(setup)
    let symbol = kernel.symbol(name)
    let before = symbol.version, epochBefore = kernel.epoch
    _ = kernel.run(action)
    return (before, symbol.version, epochBefore, kernel.epoch)
}

private func result(_ source: String) -> String {
    let kernel = probeKernel()
    defer { kernel.tearDown() }
    guard case .finished(let value) = kernel.run(source) else { return "(no result)" }
    return kernel.resultText(value)
}

@Suite struct SymbolVersionTests {
    @Test(arguments: [
        ("", "f = 1", "f"),
        ("", "f := 1", "f"),
        ("f = 1", "f = 1", "f"),
        ("", "f[1] = 2", "f"),
        ("", "f[x_] := x", "f"),
        ("", "f[g] ^= 1", "g"),
        ("", "f[g[x_]] ^:= x", "g"),
        ("", "g /: f[g] = 1", "g"),
        ("", "f[1][x_] := x", "f"),
        ("", "N[f] = 2.5", "f"),
        ("", "Default[f] = 5", "f"),
        ("", "DownValues[f] = {HoldPattern[f[1]] :> 2}", "f"),
        ("", "SetAttributes[f, Listable]", "f"),
        ("SetAttributes[f, Listable]", "ClearAttributes[f, Listable]", "f"),
        ("", "Attributes[f] = {Orderless}", "f"),
        ("", "Protect[f]", "f"),
        ("Protect[f]", "Unprotect[f]", "f"),
        ("", "Options[f] = {a -> 1}", "f"),
        ("Options[f] = {a -> 1}", "SetOptions[f, a -> 2]", "f"),
        ("", "f::tag = \"text\"", "f"),
        ("f = 1", "Clear[f]", "f"),
        ("f[1] = 1; SetAttributes[f, Listable]", "ClearAll[f]", "f"),
        ("f = 1", "Remove[f]", "f"),
        ("f = 1", "f =.", "f"),
        ("f[1] = 2", "f[1] =.", "f"),
        ("f = {1, 2}", "f[[1]] = 5", "f"),
        ("f = 1", "f += 1", "f"),
        ("f = <|a -> 1|>", "AssociateTo[f, b -> 2]", "f"),
        ("", "Block[{f}, 0]", "f"),
        ("", "Do[0, {i, 3}]", "i"),
        ("", "Table[i, {i, 3}]", "i"),
        ("", "Sum[i, {i, 3}]", "i"),
    ])
    func eachChangeGivesANewVersionAndEpoch(_ setup: String, _ change: String, _ name: String) {
        let v = versions(setup, change, of: name)
        #expect(v.after > v.before, "\(change)")
        #expect(v.epochAfter > v.epochBefore, "\(change)")
    }

    @Test(arguments: ["f[1]", "f[2] + 1", "f", "g", "Attributes[f]", "Options[f]", "Options[f, a]",
                      "DownValues[f]", "UpValues[g]", "OwnValues[f]", "NValues[f]", "Default[f]",
                      "DefaultValues[f]", "Messages[f]", "f::tag", "ValueQ[f]", "N[f]", "{f, g, f[3]}"])
    func readingKeepsVersionAndEpoch(_ read: String) {
        let setup = """
            f[x_] := x^2; g /: f[g] = 7; SetAttributes[f, Listable]; Options[f] = {a -> 1};
            N[f] = 2.5; Default[f] = 0; f::tag = "text"
            """
        let v = versions(setup, read, of: "f")
        #expect(v.after == v.before, "\(read)")
        #expect(v.epochAfter == v.epochBefore, "\(read)")
        #expect(versions(setup, read, of: "g").after == versions(setup, "", of: "g").after, "\(read)")
    }

    @Test func blockEnteringAndLeavingGiveNewVersions() {
        let text = result("f = 1; {SymbolVersion[f], Block[{f}, SymbolVersion[f]], SymbolVersion[f]}")
        let numbers = text.filter { $0 != " " }.dropFirst().dropLast().split(separator: ",").compactMap { Int($0) }
        #expect(numbers.count == 3, "\(text)")
        #expect(numbers == numbers.sorted() && Set(numbers).count == 3, "\(text)")
    }

    @Test func eachIterationGivesANewVersion() {
        #expect(result("Table[SymbolVersion[i], {i, 3}] // Differences") == "{1, 1}")
    }

    @Test(arguments: [
        ("N[f] = 2.5; {N[f], N[1 + f], f}", "{2.5, 3.5, f}"),
        ("N[g[1]] = 7.; {N[g[1]], N[g[2]]}", "{7., g[2.]}"),
        ("N[f] = 2.5; NValues[f]", "{HoldPattern[N[f]] -> 2.5}"),
        ("N[Pi] = 3; N[Pi]", "3.141592653589793"),
    ])
    func nValuesAreStoredWithTheirSymbolAndUsedByN(_ source: String, _ expected: String) {
        #expect(result(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("Default[f] = 5; Block[{f}, 0]; Default[f]", "5"),
        ("Default[f] = 5; Block[{f}, Default[f] = 6]; Default[f]", "5"),
        // (ToString: a result Default[f] would be evaluated again after the Block, giving 5.)
        ("Default[f] = 5; Block[{f}, ToString[Default[f]]]", "Default[f]"),
        ("SetAttributes[f, Listable]; Block[{f}, Attributes[f]]", "{}"),
        ("SetAttributes[f, Listable]; Block[{f}, SetAttributes[f, Orderless]]; Attributes[f]", "{Listable}"),
        ("Options[f] = {a -> 1}; Block[{f}, Options[f] = {b -> 2}]; Options[f]", "{a -> 1}"),
        ("Options[f] = {a -> 1}; Block[{f}, Options[f]]", "{}"),
        ("f::m = \"hi\"; Block[{f}, f::m = \"no\"]; f::m", "hi"),
        ("f::m = \"hi\"; Block[{f}, Messages[f]]", "{}"),
        ("N[f] = 2.5; Block[{f}, N[f] = 1.5]; N[f]", "2.5"),
        ("f /: g[f] = 1; Block[{f}, ToString[g[f]]]", "g[f]"),
        ("f /: g[f] = 1; Block[{f}, 0]; g[f]", "1"),
        ("f[1][2] = 3; Block[{f}, f[1][2] = 4]; f[1][2]", "3"),
        ("f := 1 + 1; Block[{f = 3}, f]; OwnValues[f]", "{HoldPattern[f] :> 1 + 1}"),
        ("f[x_] := x; Block[{f}, f[y_] := -y]; DownValues[f]", "{HoldPattern[f[x_]] :> x}"),
        ("i := 5; Do[0, {i, 2}]; OwnValues[i]", "{HoldPattern[i] :> 5}"),
    ])
    func blockRestoresTheWholeState(_ source: String, _ expected: String) {
        #expect(result(source) == expected, "\(source)")
    }
}
