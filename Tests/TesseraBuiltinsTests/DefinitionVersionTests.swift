// Every change of a symbol's definitions bumps its version (definition distribution sends a subkernel
// a symbol again only when its version changed), and the value-list assignments a subkernel receives
// definitions through (`DownValues[f] = ...`, `Messages[f] = ...`) install what they say.

import Testing
import TesseraCore
import TesseraRunner

struct DefinitionVersionTests {
    @Test(arguments: [
        "f = 2", "f := 3", "f =.", "f[1] = 2", "f[1] =.", "SetAttributes[f, HoldAll]", "ClearAttributes[f, Orderless]",
        "Protect[f]", "Attributes[f] = {Listable}", "Options[f] = {a -> 1}", "f::m = \"text\"", "Default[f] = 0",
        "Messages[f] = {}", "DownValues[f] = {}", "Clear[f]", "Block[{f = 5}, f]", "Table[f, {f, 2}]",
    ])
    func aChangeOfDefinitionsBumpsTheVersion(change: String) {
        let versions = VersionBox()
        runOnLargeStack {
            let k = KernelAssembly.makeKernel()
            _ = k.run("f = 1; f[1] = 1; Options[f] = {a -> 0}")
            let f = k.symbols.intern(fullName: "Global`f")
            versions.before = f.version
            _ = k.run(change)
            versions.after = f.version
            k.tearDown()
        }
        #expect(versions.after != versions.before)
    }

    @Test(arguments: [
        ("Messages[f] = {HoldPattern[f::a] :> \"x\"}; f::a", "x"),
        ("f::a = \"y\"; Messages[f] = {}; Messages[f]", "{}"),
        ("DownValues[f] = Unevaluated[{HoldPattern[f[x_]] :> x + 1}]; f[1]", "2"),
        ("OwnValues[a] = Unevaluated[{HoldPattern[a] -> Hold[1 + 1]}]; a", "Hold[1 + 1]"),
        ("Attributes[f] = Unevaluated[{HoldAll}]; Attributes[f]", "{HoldAll}"),
    ])
    func valueListAssignmentsInstallDefinitions(source: String, expected: String) {
        #expect(evaluate(source) == expected)
    }
}

/// The versions seen on the kernel's thread, for the test's own thread to check.
private final class VersionBox: @unchecked Sendable {
    var before: UInt64 = 0
    var after: UInt64 = 0
}
