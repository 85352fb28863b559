// The `tessera` executable SwiftPM built beside this test bundle, run as a separate process: the tests
// of the command line see what a user sees (standard output, standard error, exit status).

import Foundation
import Testing

enum TesseraBinary {
    /// The built executable, or nil when only the tests were built.
    static let url: URL? = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, bundleDirectory.deletingLastPathComponent()].map {
            $0.appendingPathComponent("tessera")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let available = url != nil
    static let missingReason: Comment = "needs the tessera executable built beside the tests (swift build --build-tests)"

    /// What one run printed and how it ended.
    struct Run {
        var output: String
        var error: String
        var status: Int32
    }

    /// Runs `tessera arguments` with `input` on standard input and `environment` added to this one.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        try run(executable: url!, arguments, input: input, environment: environment)
    }

    /// Runs any executable the same way (`script` for a session on a pseudo-terminal).
    static func run(executable: URL, _ arguments: [String], input: String = "",
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Standard error is read after standard output: the runs here write less to it than a pipe holds.
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errorData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData, as: UTF8.self), status: process.terminationStatus)
    }
}
