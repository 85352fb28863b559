// Interop with wolframclient (PyPI), both ways: what Tessera writes, wolframclient reads to the same
// value; what wolframclient writes, Tessera reads to the same value. interop/check.py does the Python
// side and prints each value's canonical text (InteropCanonical.swift does the Swift side).
//
// The Python environment lives in /tmp/tessera-wire-venv (TESSERA_WXF_VENV overrides), made once with
// `pip install wolframclient` (about a minute) and reused after that; the tests themselves take a few
// seconds. They are cancelled, with a note saying why, when PyPI cannot be reached or
// TESSERA_SKIP_INTEROP is set.

import BigInt
import Foundation
import Testing
import TesseraExpr
@testable import TesseraWire

@Suite(.serialized) struct InteropTests {
    static let script = Repository.packageRoot.appendingPathComponent("Tests/TesseraWireTests/interop/check.py")

    @Test func wolframclientReadsWhatTesseraWrites() throws {
        let python = try Self.pythonWithWolframclient()
        let k = Kernel()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var expected: [String: String] = [:]
        let canonical = Canonical(system: k.system, loose: false)
        for (name, expression) in Self.tesseraCases(k) {
            let bytes = k.encode(expression, compress: name.hasPrefix("compressed"))
            try Data(bytes).write(to: directory.appendingPathComponent(name + ".wxf"))
            expected[name] = canonical.text(expression)
        }
        let output = try Self.run(python, [Self.script.path, "read", directory.path])
        let read = Self.table(output)
        #expect(read.count == expected.count)
        for (name, text) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(read[name] == text, "\(name)")
        }
    }

    @Test func tesseraReadsWhatWolframclientWrites() throws {
        let python = try Self.pythonWithWolframclient()
        let k = Kernel()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try Self.run(python, [Self.script.path, "write", directory.path])
        let written = Self.table(output)
        #expect(written.count >= 30)
        let canonical = Canonical(system: k.system, loose: true)
        for (name, text) in written.sorted(by: { $0.key < $1.key }) {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name + ".wxf")))
            let decoded = try k.decode(bytes)
            #expect(canonical.text(decoded) == text, "\(name)")
        }
    }

    // MARK: Cases

    /// Named expressions Tessera writes (a name starting with "compressed" is written with `8C:`).
    static func tesseraCases(_ k: Kernel) -> [(String, Expr)] {
        var cases: [(String, Expr)] = [
            ("ints", k.list(.integer(0), .integer(-1), .integer(127), .integer(-128), .integer(128), .integer(-32769),
                            .integer(1 << 31), .integer(Int.min), .integer(Int.max))),
            ("bigints", k.list(.integer(BigInt(1) << 64), .integer(-BigInt(3).power(100)))),
            ("reals", k.list(.real(0), .real(-0.0), .real(1.5), .real(-0.1), .real(.infinity), .real(.leastNonzeroMagnitude), .real(1e300))),
            ("strings", k.list(.string(""), .string("héllo"), .string("日本語 🙂"), .string("a\u{0}b"))),
            ("bytes", k.list(.byteArray([]), .byteArray([0, 1, 255]))),
            ("symbols", k.list(.symbol(k.system.Pi), k.sym("x"), k.sym("Developer`PackedArrayQ"), k.sym("My`Deep`name"),
                               .symbol(k.system.True), .symbol(k.system.False), .symbol(k.system.Null))),
            ("functions", k.call("f", Expr(head: k.call("Derivative", .integer(1)), [k.sym("g")]), k.call("h"),
                                 k.rule(k.sym("a"), .integer(1)), k.rule(k.sym("b"), .integer(2), delayed: true))),
            ("numbers", k.list(.complex(.real(1), .real(-2)), .complex(.integer(1), .integer(2)), .rational(1, 3),
                               .rational(big("-7"), BigInt(1) << 70))),
            ("association", k.association(k.rule(.string("a"), .integer(1)),
                                          k.rule(.string("b"), k.association(k.rule(.integer(3), k.sym("x"))), delayed: true),
                                          k.rule(k.sym("y"), k.list()))),
            ("packed_int8", packed(integers: [1, 2, 3])),
            ("packed_int16", packed(integers: [-300, 0, 300], [3, 1])),
            ("packed_int32", packed(integers: [70_000, -1, 0, 5], [2, 2])),
            ("packed_int64", packed(integers: [Int.min, Int.max])),
            ("packed_real", packed(reals: (0..<24).map { Double($0) / 3 }, [2, 3, 4])),
            ("packed_complex", packed(complexes: [(1, 2), (3, -4), (0.5, 0), (0, -0.5)], [2, 1, 2])),
            ("compressed_list", k.list(packed(reals: Array(repeating: 0.5, count: 5000)), .string("tail"))),
            ("uint64_beyond_int", k.numericArray(k.list(.integer(BigInt(UInt64.max)), .integer(1)), "UnsignedInteger64")),
        ]
        for type in WXFElementType.allCases {
            let data: Expr
            switch type.packedType {
            case .integer: data = packed(integers: [type.integerRange.lowerBound, 1, type.integerRange.upperBound])
            case .real: data = packed(reals: [1.5, -0.25, 1e9], [3, 1])
            case .complex: data = packed(complexes: [(1.5, -0.25), (0, 1e9)])
            }
            cases.append(("numeric_" + type.name, k.numericArray(data, type.name)))
        }
        var generator = ExpressionGenerator(seed: 2024, kernel: k, interopSafe: true)
        for index in 0..<20 {
            cases.append(("random\(index)", generator.expression(depth: 4)))
        }
        return cases
    }

    // MARK: Python

    /// The venv's python with wolframclient installed, making the venv when needed.
    static func pythonWithWolframclient() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if environment["TESSERA_SKIP_INTEROP"] != nil {
            try Test.cancel("TESSERA_SKIP_INTEROP is set: wolframclient interop not checked")
        }
        let venv = environment["TESSERA_WXF_VENV"] ?? "/tmp/tessera-wire-venv"
        let python = venv + "/bin/python"
        if isReady(python) { return python }
        // Build beside it and rename, so that concurrent test runs never see a half-made venv.
        let staging = venv + ".staging-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: staging)
        let made = try? run("/usr/bin/env", ["python3", "-m", "venv", staging])
        let installed = made.flatMap { _ in
            try? run(staging + "/bin/python", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                               "--timeout", "20", "--retries", "2", "wolframclient"])
        }
        guard installed != nil else {
            try? FileManager.default.removeItem(atPath: staging)
            try Test.cancel("could not make a venv with wolframclient from PyPI (offline?): interop not checked")
        }
        if (try? FileManager.default.moveItem(atPath: staging, toPath: venv)) == nil {
            try? FileManager.default.removeItem(atPath: staging)  // another run finished first
        }
        guard isReady(python) else {
            Issue.record("the venv at \(venv) has no working wolframclient")
            throw CancellationError()
        }
        return python
    }

    static func isReady(_ python: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: python)
            && (try? run(python, ["-c", "import wolframclient, numpy"])) != nil
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a program to its end; its standard output, or an error with its standard error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(executable) \(arguments.joined(separator: " ")) exited with "
                                + "\(process.terminationStatus): " + String(decoding: errData.suffix(2000), as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }

    /// `name<TAB>text` lines as a dictionary.
    static func table(_ output: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            result[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return result
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-wxf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
