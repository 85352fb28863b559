// Compiled pure functions (PureFunctionCompiler.swift, PureFunctionCache.swift).
//
// The first table runs every case in two kernels, one with compilation off, and expects the same
// messages and the same result (and the result written in the table). The second looks at the
// compiled form itself: it is used where it should be, and gives way (nil) where the ordinary
// evaluation must answer.

import Testing
@testable import TesseraCore
import TesseraExpr
import TesseraRunner

private final class Captured: @unchecked Sendable {
    var output = ""
    var result = ""
}

/// Messages and printed result of `source` in a fresh kernel, with compiled pure functions on or off.
private func run(_ source: String, compiled: Bool) -> (output: String, result: String) {
    let box = Captured()
    runOnLargeStack {
        let kernel = KernelAssembly.makeKernel { box.output += $0 }
        kernel.compilesPureFunctions = compiled
        kernel.deadline = monotonicSeconds() + 60
        switch kernel.run(source) {
        case .finished(let e): box.result = kernel.resultText(e)
        case .syntaxError: box.result = "$SyntaxError"
        case .quit(let code): box.result = "$Quit[\(code)]"
        }
        kernel.tearDown()
    }
    return (box.output, box.result)
}

@Suite struct PureFunctionCompilerTests {
    @Test(arguments: [
        // The benchmark's loop (bench/nestwhile.sh).
        ("Length[NestWhileList[If[Mod[#, 2] == 0, #/2, 3 # + 1] &, 27, # != 1 &]]", "112"),
        ("Sum[Length[NestWhileList[If[Mod[#, 2] == 0, #/2, 3 # + 1] &, n, # != 1 &]], {n, 300}]", "14467"),
        // Overflow: big integers, as before.
        ("NestList[3 # + 1 &, 2^61, 3]",
         "{2305843009213693952, 6917529027641081857, 20752587082923245572, 62257761248769736717}"),
        ("{# + # &[2^62], -# &[-2^63], # * 3 &[-2^62], 2^# &[63], #^3 &[3000000]}",
         "{9223372036854775808, 9223372036854775808, -13835058055282163712, 9223372036854775808, 27000000000000000000}"),
        ("{Mod[#, -1] &[-2^63], Quotient[#, -1] &[-2^63], Quotient[#, 7] &[-2^63]}",
         "{0, 9223372036854775808, -1317624576693539402}"),
        // Division that is not exact: Rationals.
        ("NestList[#/2 &, 7, 2]", "{7, 7/2, 7/4}"),
        ("{Divide[#, 4] &[12], Divide[#, 4] &[10], #^-1 &[2], #^-1 &[-1], (-1)^# &[-3], # / (2 #2) &[9, 3]}",
         "{3, 5/2, 1/2, -1, -1, 3/2}"),
        // Zero divisors and 0^0: the messages, exactly.
        ("Mod[#, 0] &[3]", "Indeterminate"),
        ("{Quotient[#, 0] &[1], Divide[#, 0] &[1], #/#2 &[0, 0], #^0 &[0]}",
         "{ComplexInfinity, ComplexInfinity, Indeterminate, Indeterminate}"),
        // Arguments that are not machine integers.
        ("Map[#^2 + 1 &, {1.5, 2, -3, 1/2, x}]", "{3.25, 5, 10, 5/4, 1 + x^2}"),
        ("{# === 2 &[2.], # == 2 &[2.], EvenQ[#] &[2.], Mod[#, 2] &[2^70 + 1]}", "{False, True, False, 1}"),
        // Comparisons, logic, If.
        ("{# < 3 < #2 &[1, 5], # == #2 == 3 &[3, 3], # != #2 &[1, 1], # === 2 &[2], # =!= 2 &[2]}",
         "{True, True, False, True, False}"),
        ("{EvenQ[#] && OddQ[#2] &[2, 3], !(# > 1) || # == 0 &[0], Unequal[#, 1, 2] &[3], Unequal[#, 1, 1] &[3]}",
         "{True, True, True, False}"),
        ("{If[# > 0, 1] &[-1], If[# > 0, 1] &[1], If[#, 1, 2] &[1], If[# > 0, # > 5, False] &[7]}",
         "{Null, 1, If[1, 1, 2], True}"),
        ("{#2 &[1], # + c &[1], c = 5; # + c &[1]}", "{#2, 1 + c, 6}"),
        // Definitions given to a head, before or after the function was first compiled.
        ("Unprotect[Mod]; Mod[7, 2] = 5; Mod[#, 2] &[7]", "5"),
        ("f = Mod[#, 2] + 1 &; a = f[7]; Unprotect[Mod]; Mod[7, 2] = 5; b = f[7]; Mod[7, 2] =.; {a, b, f[7]}",
         "{2, 6, 2}"),
        ("f = # + 3 &; a = f[7]; Unprotect[Plus]; Plus[3, 7] = 100; {a, f[7], f[8]}", "{10, 100, 11}"),
        ("f = 2 (# + 1) &; a = f[3]; Unprotect[Times]; SetAttributes[Times, HoldAll]; {a, f[3]}",
         "{8, 2*(3 + 1)}"),
        ("g /: EvenQ[g] = 1; Unprotect[EvenQ]; EvenQ[4] := False; EvenQ[#] &[4]", "False"),
        // Named parameters.
        ("{Function[x, x^2 - 3 x][5], Function[{x, y}, Mod[x, y] + Quotient[x, y]][17, 5], Function[{x}, x][1, 2]}",
         "{10, 5, 1}"),
        ("x = 3; Function[x, x + 1][10]", "11"),
        // Nested pure functions.
        ("NestList[(# + 1 &)[#] * 2 &, 1, 3]", "{1, 4, 10, 22}"),
        ("Map[Function[x, Select[Range[5], # > x &]], {0, 3}]", "{{1, 2, 3, 4, 5}, {4, 5}}"),
        ("Select[Range[20], Mod[#, 3] == 1 &]", "{1, 4, 7, 10, 13, 16, 19}"),
        // Aborts and limits.
        ("CheckAbort[NestWhileList[If[# == 50, Abort[], # + 1] &, 1, # < 100 &], aborted]", "aborted"),
        ("TimeConstrained[NestWhile[# + 1 &, 1, # > 0 &], 0.3]", "$Aborted"),
        ("r[n_] := If[n == 0, 0, (# + 1 &)[r[n - 1]]]; Block[{$RecursionLimit = 30}, r[40]]",
         "TerminatedEvaluation[RecursionLimit]"),
    ])
    func sameAsOrdinaryEvaluation(_ source: String, _ expected: String) {
        let ordinary = run(source, compiled: false)
        let compiled = run(source, compiled: true)
        #expect(compiled.output == ordinary.output, "\(source)")
        #expect(compiled.result == ordinary.result, "\(source)")
        #expect(compiled.result == expected, "\(source)")
    }

    /// Fewer arguments than named parameters: one message, and the call stays as it is (it used to
    /// be evaluated again until $IterationLimit).
    @Test func tooFewArgumentsGiveOneMessageAndStayUnevaluated() {
        let (output, result) = run("Function[{x, y}, x + y][1]", compiled: true)
        #expect(output == "\nFunction::fpct: Too many parameters in {x, y} to be filled from Function[{x, y}, x + y][1].\n")
        #expect(result == "Function[{x, y}, x + y][1]")
    }

    /// The compiled form applied to machine integers: its value, or nil where it gives way.
    @Test(arguments: [
        ("If[Mod[#, 2] == 0, #/2, 3 # + 1] &", [7], "22"),
        ("If[Mod[#, 2] == 0, #/2, 3 # + 1] &", [8], "4"),
        ("# != 1 &", [1], "False"),
        ("Function[{x, y}, x^y - Quotient[y, x]]", [2, 10], "1019"),
        ("Function[{x, y}, x + y]", [2], nil),
        ("#2 - # &", [1], nil),
        ("#/2 &", [7], nil),
        ("3 # + 1 &", [Int.max / 2], nil),
        ("Mod[#, #2] &", [3, 0], nil),
        ("If[# > 0, 1] &", [-1], nil),
        ("f[#] &", [1], nil),
        ("# + 1.5 &", [1], nil),
        ("(Print[#]; #) &", [1], nil),
    ] as [(String, [Int], String?)])
    func compiledForm(_ source: String, _ arguments: [Int], _ expected: String?) throws {
        let kernel = KernelAssembly.makeKernel()
        defer { kernel.tearDown() }
        guard case .finished(.normal(let function)) = kernel.run(source) else { Issue.record("\(source)"); return }
        let value = kernel.applyCompiledFunction(function, arguments.map { Expr.integer($0) })
        #expect(value.map(kernel.resultText) == expected, "\(source)")
    }

    /// A function that cannot compile is marked on its tree, and keeps no cache entry.
    @Test func notCompilableIsMarked() throws {
        let kernel = KernelAssembly.makeKernel()
        defer { kernel.tearDown() }
        guard case .finished(.normal(let function)) = kernel.run("f[#] + 1 &") else { Issue.record(); return }
        #expect(!function.isNotCompilable)
        #expect(kernel.applyCompiledFunction(function, [Expr.integer(7)]) == nil)
        #expect(function.isNotCompilable)
    }

    /// A definition given to a head after the function compiled turns the compiled form off; taking
    /// it away turns it on again.
    @Test func redefinitionInvalidates() throws {
        let kernel = KernelAssembly.makeKernel()
        defer { kernel.tearDown() }
        guard case .finished(.normal(let function)) = kernel.run("Mod[#, 2] + 1 &") else { Issue.record(); return }
        #expect(kernel.applyCompiledFunction(function, [Expr.integer(7)]) == Expr.integer(2))
        _ = kernel.run("Unprotect[Mod]; Mod[7, 2] = 5")
        #expect(kernel.applyCompiledFunction(function, [Expr.integer(7)]) == nil)
        _ = kernel.run("Mod[7, 2] =.")
        #expect(kernel.applyCompiledFunction(function, [Expr.integer(7)]) == Expr.integer(2))
        kernel.recursionLimit = 3
        #expect(kernel.applyCompiledFunction(function, [Expr.integer(7)]) == nil)
    }
}
