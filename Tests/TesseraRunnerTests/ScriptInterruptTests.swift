// Ctrl-C (SIGINT) to `tessera -script FILE`: the built binary, run as a separate process.

import Foundation
import Testing

@Suite(.enabled(if: TesseraBinary.available, TesseraBinary.missingReason))
struct ScriptInterruptTests {
    @Test func sigintEndsARunningScriptWithStatusOne() throws {
        let tessera = try #require(TesseraBinary.url)
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-sigint-\(getpid()).wl")
        try "Print[\"started\"];\nDo[i^2, {i, 10^10}];\nPrint[\"finished\"];\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }

        let process = Process()
        process.executableURL = tessera
        process.arguments = ["-script", script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Wait until the script is inside its loop.
        let first = output.fileHandleForReading.availableData
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("started"))
        process.interrupt()

        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        #expect(!String(decoding: rest, as: UTF8.self).contains("finished"))
    }
}
