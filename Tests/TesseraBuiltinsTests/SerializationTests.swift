// ByteArray, NumericArray, BinarySerialize/BinaryDeserialize, Import/Export of WXF files, and WXF files
// exchanged with Python's wolframclient both ways.
//
// The interop test uses the venv of TesseraWireTests (/tmp/tessera-wire-venv, or TESSERA_WXF_VENV),
// making it with `pip install wolframclient` when it is missing; it is cancelled with a note when that
// fails (no PyPI) or TESSERA_SKIP_INTEROP is set.

import Foundation
import Testing

@Suite struct SerializationTests {
    static let byteArrays: [(String, String)] = [
        ("ByteArray[{1, 2, 3}]", "ByteArray[<3>]"),
        ("ToString[ByteArray[{1, 2, 3}], InputForm]", "ByteArray[\"AQID\"]"),
        ("Normal[ByteArray[\"AQID\"]]", "{1, 2, 3}"),
        ("Normal[ByteArray[\"SGk\"]]", "{72, 105}"),
        ("ByteArray[Range[0, 255]] === ByteArray[ByteArray[Range[0, 255]]]", "True"),
        ("ByteArrayToString[ByteArray[\" aGk= \"]]", "hi"),
        ("{Length[ByteArray[{9, 8, 7}]], ByteArray[{9, 8, 7}][[-1]], First[ByteArray[{9, 8}]]}", "{3, 7, 9}"),
        ("Normal[ByteArray[{9, 8, 7, 6}][[2 ;; 3]]]", "{8, 7}"),
        ("{ByteArrayQ[ByteArray[{}]], ByteArrayQ[{1}], AtomQ[ByteArray[{1}]]}", "{True, False, True}"),
        ("Developer`PackedArrayQ[Normal[ByteArray[{1, 2}]]]", "True"),
        ("{BaseEncode[ByteArray[{1, 2, 3, 4}]], BaseEncode[ByteArray[{255}]], Normal[BaseDecode[\"/w==\"]]}", "{AQIDBA==, /w==, {255}}"),
    ]

    static let numericArrays: [(String, String)] = [
        ("NumericArrayType /@ {NumericArray[{1, 200}], NumericArray[{-1, 2}], NumericArray[{0.5}], NumericArray[{2 + I}]}",
         "{UnsignedInteger8, Integer8, Real64, ComplexReal64}"),
        ("NumericArrayType[NumericArray[{70000}]]", "UnsignedInteger32"),
        ("Normal[NumericArray[{{1, 2}, {3, 4}}, \"Integer16\"]]", "{{1, 2}, {3, 4}}"),
        ("n = NumericArray[{{1, 2}, {3, 4}}]; {NumericArrayQ[n], Dimensions[n], Length[n], n[[2, 2]], NumericArrayQ[n[[1]]]}",
         "{True, {2, 2}, 2, 4, True}"),
        ("Normal[NumericArray[{1/4, 1}, \"Real32\"]]", "{0.25, 1.}"),
        ("Normal[NumericArray[{2., 3.}, \"Integer8\"]]", "{2, 3}"),
        ("NumericArrayQ[{1, 2}]", "False"),
        ("RawArray[\"Integer8\", {{5}}] === NumericArray[{{5}}, \"Integer8\"]", "True"),
        ("Normal[NumericArray[{2^64 - 1}]]", "{18446744073709551615}"),
    ]

    static let serialization: [(String, String)] = [
        ("Normal[BinarySerialize[7]]", "{56, 58, 67, 7}"),
        ("Normal[BinarySerialize[u -> v]]", "{56, 58, 102, 2, 115, 4, 82, 117, 108, 101, 115, 8, 71, 108, 111, 98, 97, 108, 96, 117, 115, 8, 71, 108, 111, 98, 97, 108, 96, 118}"),
        ("Normal[BinarySerialize[ByteArray[{4, 5}]]]", "{56, 58, 66, 2, 4, 5}"),
        ("Normal[BinarySerialize[{4, 5}]][[;; 6]]", "{56, 58, 102, 2, 115, 4}"),
        ("Normal[BinarySerialize[Range[3]]]", "{56, 58, 193, 0, 1, 3, 1, 2, 3}"),
        ("Normal[BinarySerialize[1, PerformanceGoal -> \"Size\"]][[;; 3]]", "{56, 67, 58}"),
        ("BinaryDeserialize[BinarySerialize[g[u, 1.25, \"t\", 2/7, 3 - I, 10^40]]]", "g[u, 1.25, t, 2/7, 3 - I, 10000000000000000000000000000000000000000]"),
        ("BinaryDeserialize[BinarySerialize[<|\"k\" -> {1, 2}, 3 :> z|>]]", "<|k -> {1, 2}, 3 :> z|>"),
        ("BinaryDeserialize[BinarySerialize[Table[i^2, {i, 100}], PerformanceGoal -> \"Size\"]] == Table[i^2, {i, 100}]", "True"),
        ("BinaryDeserialize[BinarySerialize[Unevaluated[1 + 1]], Hold]", "Hold[1 + 1]"),
        ("BinaryDeserialize[ByteArray[{56, 58, 67, 42}]]", "42"),
        ("a = N[Range[12]]/3; Developer`PackedArrayQ[BinaryDeserialize[BinarySerialize[a]]]", "True"),
        ("a = RandomInteger[{-5, 5}, {4, 5, 6}]; b = BinaryDeserialize[BinarySerialize[a]]; {b === a, Developer`PackedArrayQ[b]}", "{True, True}"),
        ("a = RandomComplex[1, 7]; b = BinaryDeserialize[BinarySerialize[a, PerformanceGoal -> \"Size\"]]; {b === a, Developer`PackedArrayQ[b]}", "{True, True}"),
        ("NumericArrayType[BinaryDeserialize[BinarySerialize[NumericArray[{1, 2}, \"Real32\"]]]]", "Real32"),
        ("BinaryDeserialize[x]", "BinaryDeserialize[x]"),
    ]

    /// Hostile input: (bytes, message tag).
    static let hostile: [([Int], String)] = [
        ([], "trunc"),
        ([1, 2, 3], "invwxf"),
        ([56, 58], "trunc"),
        ([56, 58, 102, 3, 115, 1, 102], "trunc"),                                   // f[...] with 3 arguments missing
        ([56, 58, 83, 255, 255, 255, 255, 15], "trunc"),                            // a 4 GB string in 8 bytes
        ([56, 58, 193, 3, 1, 255, 255, 255, 255, 15], "trunc"),                    // 2^35 elements declared
        ([56, 58, 83] + Array(repeating: 255, count: 12), "invwxf"),                // a varint that never ends
        ([56, 58, 83, 2, 0xC3, 0x28], "utf8"),
        ([56, 58, 115, 2, 0xFF, 0xFE], "utf8"),
        ([56, 58, 67, 1, 67, 2], "invwxf"),                                         // trailing bytes
        ([56, 58, 45, 67, 1, 67, 2], "invwxf"),                                     // a rule outside an association
        ([56, 58, 0x7E], "invwxf"),                                                 // no such token
        ([56, 58, 193, 0x13, 1, 1, 1], "invwxf"),                                   // unsigned packed array
        ([56, 58, 73, 3, 49, 120, 50], "invwxf"),                                   // big integer "1x2"
        ([56, 67, 58, 1, 2, 3, 4], "zlib"),
        (Array([56, 58] + Array(repeating: [102, 1, 115, 1, 102], count: 5000).joined()) + [67, 0], "depth"),
    ]

    @Test(arguments: byteArrays + numericArrays + serialization)
    func evaluates(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("ByteArray[{1, 256}]", "ByteArray::lend"),
        ("ByteArray[\"a*b\"]", "ByteArray::lend"),
        ("NumericArray[{300}, \"UnsignedInteger8\"]", "NumericArray::nconvss"),
        ("NumericArray[{1.5}, \"Integer32\"]", "NumericArray::nconvss"),
        ("NumericArray[{1}, \"Integer7\"]", "NumericArray::type"),
        ("NumericArray[{{1}, {2, 3}}]", "NumericArray::array"),
        ("BinarySerialize[1, Color -> 2]", "General::optx"),
    ])
    func rejects(_ source: String, _ message: String) {
        let (output, result) = evaluateWithOutput(source)
        #expect(output.contains(message + ":"), "\(source): \(output)")
        #expect(result == source || result.hasPrefix(String(source.prefix(while: { $0 != "[" }))), "\(source): \(result)")
    }

    @Test(arguments: hostile)
    func hostileInput(_ bytes: [Int], _ tag: String) {
        let list = "{" + bytes.map(String.init).joined(separator: ", ") + "}"
        let (output, result) = evaluateWithOutput("BinaryDeserialize[ByteArray[\(list)]]")
        #expect(result == "$Failed")
        #expect(output.contains("BinaryDeserialize::\(tag):"), "\(output.prefix(300))")
    }

    // MARK: Files

    @Test func exportImportRoundTrip() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        let source = """
            e = {1, -2.5, "x\\ny", q[r], <|"a" -> Range[4]|>, 2^80, 3/4, 1. - 2. I, ByteArray[{0, 255}], \
            NumericArray[{{1, 2}}, "UnsignedInteger16"], Developer`ToPackedArray[{{1.5, 2.5}, {3.5, 4.5}}]};
            {Export["\(d)/a.wxf", e], Export["\(d)/b.bin", e, "WXF"], Export["\(d)/c.WXF", e, PerformanceGoal -> "Size"],
             Import["\(d)/a.wxf"] === e, Import["\(d)/b.bin", "WXF"] === e, Import["\(d)/c.WXF"] === e,
             Developer`PackedArrayQ[Last[Import["\(d)/c.WXF"]]]}
            """
        #expect(evaluate(source) == "{\(d)/a.wxf, \(d)/b.bin, \(d)/c.WXF, True, True, True, True}")
        let compressed = try Data(contentsOf: directory.appendingPathComponent("c.WXF"))
        #expect(Array(compressed.prefix(3)) == [56, 67, 58])
    }

    /// Arrays of a megabyte or more go to the file straight from their memory, between the bytes of
    /// the expression around them; the file must be the same message that BinarySerialize makes.
    @Test func exportWritesLargeArraysInPlace() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        let source = """
            e = {"before", RandomReal[1, {3, 100000}], Range[2^40, 2^40 + 200000], f[RandomInteger[9, 300000]], "after"};
            {Export["\(d)/big.wxf", e], Import["\(d)/big.wxf"] === e, Length[BinarySerialize[e]]}
            """
        let result = evaluate(source)
        let size = try Data(contentsOf: directory.appendingPathComponent("big.wxf")).count
        #expect(result == "{\(d)/big.wxf, True, \(size)}")
        #expect(size > 4_000_000)  // 2.4 MB of reals and 1.6 MB of 64-bit integers, written in place
    }

    @Test func fileFailures() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        try Data("not wxf".utf8).write(to: directory.appendingPathComponent("bad.wxf"))
        let cases: [(String, String)] = [
            ("Import[\"\(d)/missing.wxf\"]", "Import::nffil"),
            ("Import[\"\(d)/bad.wxf\"]", "Import::fmterr"),
            ("Import[\"\(d)/bad.wxf\", \"PNG\"]", "Import::fmtnosup"),
            ("Export[\"\(d)/out.png\", 1]", "Export::fmtnosup"),
            ("Export[\"\(d)/out\", 1]", "Export::infer"),
            ("Export[\"\(d)/no/such/dir.wxf\", 1]", "Export::noopen"),
        ]
        for (source, message) in cases {
            let (output, result) = evaluateWithOutput(source)
            #expect(result == "$Failed", "\(source)")
            #expect(output.contains(message + ":"), "\(source): \(output)")
        }
    }

    // MARK: wolframclient

    @Test func wolframclientExchange() throws {
        let python = try Self.pythonWithWolframclient()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path

        // Tessera writes, wolframclient reads.
        _ = evaluate("""
            Export["\(d)/t1.wxf", {1, -2.5, "h\\:00e9", f[x], <|"a" -> {1, 2}|>, ByteArray[{1, 2, 3}], 2^70, \
            Developer`ToPackedArray[{{0.5, 1.5}, {2.5, 3.5}}], NumericArray[{1, 2, 3}, "Integer16"], Range[3]}];
            Export["\(d)/t2.wxf", Range[-2, 2], PerformanceGoal -> "Size"]
            """)
        let read = try Self.run(python, ["-c", Self.peer, "read", d + "/t1.wxf", d + "/t2.wxf"])
        #expect(read == """
            {1, -2.5, 'hé', Global`f[Global`x], <|'a' -> {1, 2}|>, B:010203, 1180591620717411303424, \
            PackedArray:float64:2x2:0.5,1.5,2.5,3.5, ndarray:int16:3:1,2,3, PackedArray:int8:3:1,2,3}
            PackedArray:int8:5:-2,-1,0,1,2

            """)

        // wolframclient writes, Tessera reads.
        _ = try Self.run(python, ["-c", Self.peer, "write", d])
        let imported = evaluate("""
            {Import["\(d)/w1.wxf"], Import["\(d)/w2.wxf"], Developer`PackedArrayQ[Import["\(d)/w2.wxf"]], \
            Import["\(d)/w3.wxf"], NumericArrayType[Import["\(d)/w4.wxf"]], Normal[Import["\(d)/w4.wxf"]]}
            """)
        #expect(imported == "{<|a -> {1, 2.5, s}, b -> True|>, {{1., 2.}, {3., 4.}}, True, "
                + "g[y, 1180591620717411303424, -7], Integer32, {{1, -2}, {3, 4}}}")
    }

    /// The Python side: `read FILES...` prints what wolframclient reads from each file, in a small
    /// normal form; `write DIR` writes w1..w4.wxf with wolframclient.
    static let peer = """
        import sys
        import numpy as np
        from wolframclient.deserializers import binary_deserialize
        from wolframclient.serializers import export
        from wolframclient.language import wl
        from wolframclient.utils.packedarray import PackedArray
        def norm(o):
            if isinstance(o, np.ndarray):
                return "%s:%s:%s:%s" % (type(o).__name__, o.dtype.name, "x".join(map(str, o.shape)),
                                        ",".join(repr(x) for x in o.reshape(-1).tolist()))
            if isinstance(o, tuple):
                return "{" + ", ".join(map(norm, o)) + "}"
            if isinstance(o, dict):
                return "<|" + ", ".join(norm(k) + " -> " + norm(v) for k, v in o.items()) + "|>"
            if isinstance(o, bytes):
                return "B:" + o.hex()
            return repr(o)
        if sys.argv[1] == "read":
            for path in sys.argv[2:]:
                with open(path, "rb") as f:
                    print(norm(binary_deserialize(f.read())))
        else:
            d = sys.argv[2]
            export({"a": [1, 2.5, "s"], "b": True}, d + "/w1.wxf", target_format="wxf")
            export(np.array([[1.0, 2.0], [3.0, 4.0]]).view(PackedArray), d + "/w2.wxf", target_format="wxf")
            export(wl.g(wl.Global.y, 2**70, -7), d + "/w3.wxf", target_format="wxf", compress=True)
            export(np.array([[1, -2], [3, 4]], dtype=np.int32), d + "/w4.wxf", target_format="wxf")
        """

    // MARK: Helpers

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-ser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The venv's python with wolframclient and numpy, made when missing (as TesseraWireTests does).
    static func pythonWithWolframclient() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if environment["TESSERA_SKIP_INTEROP"] != nil {
            try Test.cancel("TESSERA_SKIP_INTEROP is set: wolframclient interop not checked")
        }
        let venv = environment["TESSERA_WXF_VENV"] ?? "/tmp/tessera-wire-venv"
        let python = venv + "/bin/python"
        if isReady(python) { return python }
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
            try? FileManager.default.removeItem(atPath: staging)
        }
        guard isReady(python) else { try Test.cancel("the venv at \(venv) has no working wolframclient") }
        return python
    }

    static func isReady(_ python: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: python)
            && (try? run(python, ["-c", "import wolframclient, numpy"])) != nil
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }

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
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(executable) exited with \(process.terminationStatus): "
                                + String(decoding: errData.suffix(2000), as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }
}
