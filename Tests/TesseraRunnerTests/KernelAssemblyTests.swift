// Builtin registration: every name of a full kernel is defined by exactly one row, and a second row
// for a name is refused unless it declares that it wraps the first.

import Testing
import TesseraCore
import TesseraExpr
import TesseraRunner

@Suite struct KernelAssemblyTests {
    @Test func everyFamilyInstallsAndEveryNameIsDefinedOnce() throws {
        let kernel = Kernel()
        try kernel.install(KernelAssembly.families)
        var rowsPerName: [String: Int] = [:]
        for family in KernelAssembly.families {
            for row in family.rows where row.wrapper == nil {
                let fullName = row.name.contains("`") ? row.name : "System`" + row.name
                rowsPerName[fullName, default: 0] += 1
                #expect(kernel.installedBuiltins[fullName] == family.name, "\(fullName)")
            }
        }
        #expect(rowsPerName.filter { $0.value > 1 }.isEmpty)
        #expect(kernel.installedBuiltins.count == rowsPerName.count)
        kernel.tearDown()
    }

    @Test func aSecondRowForANameIsAnError() {
        let kernel = Kernel()
        let first = BuiltinFamily("First", [BuiltinSpec("f", { _, _ in .integer(1) })])
        let second = BuiltinFamily("Second", [BuiltinSpec("f", { _, _ in .integer(2) })])
        #expect(throws: BuiltinRegistrationError.definedTwice(name: "f", family: "First", again: "Second")) {
            try kernel.install([first, second])
        }
    }

    @Test func aWrappingRowWrapsTheInstalledImplementation() throws {
        let kernel = Kernel()
        let base = BuiltinFamily("Base", [BuiltinSpec("f", attributes: [.protected, .listable], { _, c in c.arguments.first })])
        let wrapper = BuiltinFamily("Wrapper", [BuiltinSpec(wrapping: "f") { original in
            { (k: Kernel, c: Call) throws(Interrupt) -> Expr? in
                guard let inner = try original(k, c) else { return nil }
                return Expr(k.symbol("g"), inner)
            }
        }])
        try kernel.install([base, wrapper])
        let f = kernel.symbol("System`f")
        #expect(f.attributes.contains(.listable))
        let result = try kernel.evaluate(Expr(f, .integer(7)))
        #expect(kernel.inputText(result) == "g[7]")
        #expect(kernel.installedBuiltins["System`f"] == "Base")
    }

    @Test func aWrappingRowNeedsSomethingToWrap() {
        let kernel = Kernel()
        let wrapper = BuiltinFamily("Wrapper", [BuiltinSpec(wrapping: "f") { original in original }])
        #expect(throws: BuiltinRegistrationError.wrapsNothing(name: "f", family: "Wrapper")) {
            try kernel.install([wrapper])
        }
    }
}
