// Runs the tessera binary (.build/debug/tessera) as a command, for the tests of its --trace and
// --report flags, which only the command line has.

import Foundation

enum TesseraProcess {
    /// The exit status and standard output of `tessera arguments...` with `environment` added.
    /// A process still running after `timeout` seconds is terminated (a hung browser fails the test).
    static func run(_ binary: String, _ arguments: [String], environment: [String: String] = [:],
                    timeout: Double = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A fresh path in the temporary directory named for `name` (and this process).
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-\(getpid())-\(name)").path
    }

    /// kernel_traffic.wl made small (2 kernels, m = 3000, n = 16), written to a temporary file, with
    /// a last line that prints the ledger's count of evaluation messages; nil without ../shared.
    static func smallKernelTraffic() throws -> String? {
        guard var program = try? String(contentsOfFile: "../shared/programs/kernel_traffic.wl", encoding: .utf8) else { return nil }
        for (from, to) in [("LaunchKernels[];", "LaunchKernels[2];"), ("m = 30000; n = 640;", "m = 3000; n = 16;")] {
            guard program.contains(from) else { return nil }
            program = program.replacingOccurrences(of: from, with: to)
        }
        program += "\nPrint[\"evaluations sent: \", ParallelTraffic[\"Kinds\", \"Evaluation\", \"Messages\"]];\n"
        let path = temporaryPath("kernel_traffic.wl")
        try program.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The number printed after `evaluations sent: ` by the program of `smallKernelTraffic`.
    static func evaluationsSent(in output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("evaluations sent: ") }) else { return nil }
        return Int(line.dropFirst("evaluations sent: ".count))
    }
}
