import Testing

@Suite struct ScopingTests {
    @Test(arguments: [
        // A local nothing refers to after the Module is gone from the symbol table.
        ("Do[Module[{q = Range[10]}, q], {10000}]; Names[\"Global`q$*\"]", "{}"),
        // A local the result refers to lives on, and its name finds it.
        ("f[] := Module[{x}, x]; s = f[]; {ToExpression[ToString[s]] === s, s}", "{True, x$1}"),
        ("h = Module[{z}, z = 3; Hold[z]]; ReleaseHold[h]", "3"),
        ("Module[{y = 2}, y^2]; Module[{y = 3}, Hold[y]]; Names[\"Global`y*\"]", "{y, y$2}"),
        // Locals kept by a definition stay reachable through it, across many later Modules.
        ("mk[] := Module[{c = 0}, inc[] := ++c]; mk[]; Do[Module[{t}, t = 1], {5000}]; {inc[], inc[]}", "{1, 2}"),
        ("g[] := Module[{a}, a = 1; a]; Do[g[], {5000}]; Names[\"Global`*\"]", "{a, g}"),
    ])
    func moduleLocalsLiveAsLongAsSomethingRefersToThem(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
