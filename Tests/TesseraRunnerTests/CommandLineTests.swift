// The command line's modes and mistakes (CommandLineMode.swift), on the built binary.

import Testing

@Suite(.enabled(if: TesseraBinary.available, TesseraBinary.missingReason))
struct CommandLineTests {
    @Test(arguments: [["--help"], ["-h"], ["--monitor", "--help"]])
    func helpPrintsEveryModeAndFlagOnStandardOutput(_ arguments: [String]) throws {
        let run = try TesseraBinary.run(arguments)
        #expect(run.status == 0)
        #expect(run.error.isEmpty)
        for word in ["-code", "(-c)", "-file", "(-f)", "FILE.wl", "-script", "--trace", "--report", "--monitor",
                     "conformance", "--version"] {
            #expect(run.output.contains(word), "usage lacks \(word)")
        }
    }

    @Test func versionPrintsTheNameAndNumber() throws {
        let run = try TesseraBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("Tessera "))
        #expect(run.output.split(separator: "\n").count == 1)
        let number = run.output.dropFirst("Tessera ".count).trimmingCharacters(in: .newlines)
        let versionVariable = try TesseraBinary.run(["-code", "$Version"])
        #expect(versionVariable.output.hasPrefix("Tessera \(number) "), "$Version is \(versionVariable.output)")
    }

    @Test(arguments: [
        (["--bogus"], "unknown option --bogus"),
        (["-x", "file.wl"], "unknown option -x"),
        (["-code"], "-code needs an argument"),
        (["-c"], "-c needs an argument"),
        (["-file"], "-file needs an argument"),
        (["-f"], "-f needs an argument"),
        (["-script"], "-script needs an argument"),
        (["-code", "1", "--trace"], "--trace needs an argument"),
        (["--report"], "--report needs an argument"),
    ])
    func aWrongCommandLineExitsWithStatusTwoAndTheUsage(_ arguments: [String], _ complaint: String) throws {
        // Standard input is empty: a command line that fell back to the session would end at once, with 0.
        let run = try TesseraBinary.run(arguments)
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.error.hasPrefix("tessera: " + complaint + "\n"), "\(run.error)")
        #expect(run.error.contains("Usage:"))
    }

    @Test(arguments: [(["-code", "1 + 1"], "2\n"), (["-c", "StringJoin[\"a\", \"b\"]"], "ab\n")])
    func codeStillPrintsItsResult(_ arguments: [String], _ expected: String) throws {
        let run = try TesseraBinary.run(arguments)
        #expect(run.status == 0)
        #expect(run.output == expected)
    }
}
