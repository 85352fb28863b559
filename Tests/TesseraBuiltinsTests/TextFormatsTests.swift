// ImportString/ExportString and Import/Export of the text formats: "CSV", "TSV", "Table", "List",
// "Lines", "Text", "JSON" and "RawJSON" (Sources/TesseraBuiltins/Formats).
//
// Results are compared as InputForm text, so that a string and a number that print alike differ here.

import Foundation
import Testing

@Suite struct TextFormatsTests {
    /// (source, InputForm of the result).
    static let imports: [(String, String)] = [
        // CSV: numbers as Mathematica reads them, the rest strings as written.
        (#"ImportString["a,b\n1,2.5", "CSV"]"#, #"{{"a", "b"}, {1, 2.5}}"#),
        (#"ImportString["007, 2 ,1e3,1E-2,-4.,.5,+3,1*^2", "CSV"]"#, "{{7, 2, 1000., 0.01, -4., 0.5, 3, 100.}}"),
        (#"ImportString["1,,3,", "CSV"]"#, #"{{1, "", 3, ""}}"#),
        (#"ImportString[" a ,1e,0x10,NaN,1.2.3", "CSV"]"#, #"{{" a ", "1e", "0x10", "NaN", "1.2.3"}}"#),
        (#"ImportString["99999999999999999999,-9223372036854775808", "CSV"]"#, "{{99999999999999999999, -9223372036854775808}}"),
        // Quoting: separators, line breaks and doubled quotes inside quotes.
        (#"ImportString["\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"", "CSV"]"#, #"{{"a,b", "say \"hi\"", "two\nlines"}}"#),
        (#"ImportString["\"12\",x", "CSV"]"#, #"{{12, "x"}}"#),
        // Lines: LF, CRLF, CR; an empty line is an empty row; a final break adds nothing; ragged rows.
        (#"ImportString["1,2\r\n\r\n3\r4,5,6\n", "CSV"]"#, "{{1, 2}, {}, {3}, {4, 5, 6}}"),
        (#"ImportString["", "CSV"]"#, "{}"),
        (#"ImportString["a\tb c\n1\t2", "TSV"]"#, #"{{"a", "b c"}, {1, 2}}"#),
        (#"ImportString["  1  2.5\tx\n\n\"a b\" 3 ", "Table"]"#, #"{{1, 2.5, "x"}, {}, {"a b", 3}}"#),
        (#"ImportString["1\nabc\n 2.5 \n", "List"]"#, #"{1, "abc", 2.5}"#),
        (#"ImportString["a\r\n\nb c", "Lines"]"#, #"{"a", "", "b c"}"#),
        (#"ImportString["x\ny\n", "Text"]"#, #""x\ny\n""#),
        // JSON: objects as rules ("JSON") or Associations ("RawJSON").
        (#"ImportString["{\"a\": [1, -2.5e1, null, true, false], \"b\": {}}", "JSON"]"#,
         #"{"a" -> {1, -25., Null, True, False}, "b" -> {}}"#),
        (#"ImportString["{\"a\": {\"b\": [], \"c\": \"\\u00e9\\t\\\"\"}}", "RawJSON"]"#,
         "<|\"a\" -> <|\"b\" -> {}, \"c\" -> \"\u{e9}\\t\\\"\"|>|>"),
        (#"ImportString[" [1, 123456789012345678901234567890, \"\\ud83d\\ude00\"] ", "RawJSON"] // Length"#, "3"),
        (#"ImportString["123456789012345678901234567890", "RawJSON"]"#, "123456789012345678901234567890"),
        (#"ImportString["\"x\"", "RawJSON"]"#, #""x""#),
        (#"ImportString["{\"a\": 1, \"b\": 0, \"a\": 2}", "RawJSON"]"#, #"<|"a" -> 2, "b" -> 0|>"#),
        (#"ImportString["{\"a\": 1, \"a\": 2}", "JSON"]"#, #"{"a" -> 1, "a" -> 2}"#),
    ]

    static let exports: [(String, String)] = [
        (#"ExportString[{{1, "one"}, {2, "two"}}, "CSV"]"#, "1,one\n2,two"),
        (#"ExportString[{{0.1, 1., 1.*^-20, 1.5*^20, -2.5}}, "CSV"]"#, "0.1,1.,1.e-20,1.5e20,-2.5"),
        (#"ExportString[{{"a,b", "say \"hi\"", "two\nlines", "plain text"}}, "CSV"]"#,
         "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain text"),
        (#"ExportString[{1, 2, 3}, "CSV"]"#, "1\n2\n3"),
        (#"ExportString[{{1, x}, {2^70, 1/2}}, "CSV"]"#, "1,x\n1180591620717411303424,1/2"),
        (#"ExportString[{{1, "a\tb"}, {2, "c,d"}}, "TSV"]"#, "1\t\"a\tb\"\n2\tc,d"),
        (#"ExportString[{{1, 2.5}, {"a b", ""}}, "Table"]"#, "1\t2.5\n\"a b\"\t\"\""),
        (#"ExportString[{1, "x", 2.5*^-7}, "List"]"#, "1\nx\n2.5e-7"),
        (#"ExportString[{"a", "b c", 3}, "Lines"]"#, "a\nb c\n3"),
        (#"ExportString["h\:00e9llo", "Text"]"#, "h\u{e9}llo"),
        (#"ExportString[Developer`ToPackedArray[{{1., 2.}, {3., 4.5}}], "CSV"]"#, "1.,2.\n3.,4.5"),
        // JSON pretty-printing: tabs; "JSON" puts a space after the colon, "RawJSON" does not.
        (#"ExportString[{"a" -> 1, "b" -> {1, 2}}, "JSON"]"#, "{\n\t\"a\": 1,\n\t\"b\": [\n\t\t1,\n\t\t2\n\t]\n}"),
        (#"ExportString[<|"a" -> <||>, "b" -> {}, "c" -> Null|>, "RawJSON"]"#, "{\n\t\"a\":{},\n\t\"b\":[],\n\t\"c\":null\n}"),
        (#"ExportString[<|"a" -> {True, False}, "b" -> 0.5|>, "RawJSON", "Compact" -> True]"#, "{\"a\":[true,false],\"b\":0.5}"),
        (#"ExportString[{1., 1.*^-20, 1/4, 2^70}, "JSON", "Compact" -> True]"#, "[1.0,1.0e-20,0.25,1180591620717411303424]"),
        (#"ExportString["q\"\\\n\:0001\:00e9", "JSON"]"#, "\"q\\\"\\\\\\n\\u0001\u{e9}\""),
        (#"ExportString[{}, "JSON"]"#, "[]"),
    ]

    /// Export then import gives the expression back (ToString: the comparison must see strings).
    static let roundTrips: [(String, String)] = [
        (#"{{1, "a,b", 2.5, ""}, {-3, "x\"y", 1.*^-300, "line\nbreak"}}"#, "CSV"),
        (#"{{1, "a\tb", 2.5}, {"c,d", 0.1, 7}}"#, "TSV"),
        (#"{{1, "a b", 0.1}, {"", 2, 3.*^100}}"#, "Table"),
        (#"{1, "x y", 0.30000000000000004}"#, "List"),
        (#"{"a", " b ", "", "c"}"#, "Lines"),
        (#""any\ntext\t""#, "Text"),
        (#"{"k" -> {1, 2.5, "s", Null, True, {"n" -> {}}}, "e" -> {}}"#, "JSON"),
        (#"<|"k" -> {1, <|"x" -> False|>}, "u" -> "\[Alpha]\n", "big" -> 2^100|>"#, "RawJSON"),
    ]

    @Test(arguments: imports)
    func importsString(_ source: String, _ expected: String) {
        #expect(evaluate("ToString[\(source), InputForm]") == expected, "\(source)")
    }

    @Test(arguments: exports)
    func exportsString(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: roundTrips)
    func roundTripsThroughString(_ expression: String, _ format: String) {
        let source = "e = \(expression); ImportString[ExportString[e, \"\(format)\"], \"\(format)\"] === e"
        #expect(evaluate(source) == "True", "\(source)")
    }

    @Test func packsRectangularNumericTables() {
        #expect(evaluate(#"Developer`PackedArrayQ /@ {ImportString["1,2\n3,4", "CSV"], ImportString["1.5 2\n3 4", "Table"], ImportString["1,2\n3", "CSV"], ImportString["1\n2", "List"]}"#)
                == "{True, False, False, True}")
    }

    /// (source, message); each gives $Failed.
    @Test(arguments: [
        (#"ImportString["a,\"b\nc", "CSV"]"#, "ImportString::fmterr: Cannot import data as CSV format."),
        (#"ImportString["{\"a\": }", "RawJSON"]"#, "ImportString::jsonhintposandchar: An error occurred near character '}', at line 1:7."),
        (#"ImportString["[1,\n 2,]", "JSON"]"#, "ImportString::jsonhintposandchar: An error occurred near character ']', at line 2:4."),
        (#"ImportString["[1", "JSON"]"#, "ImportString::jsonhintposandchar: An error occurred near character end of input, at line 1:3."),
        (#"ImportString["[01]", "JSON"]"#, "ImportString::jsonhintposandchar"),
        (#"ImportString["\"a\tb\"", "JSON"]"#, "ImportString::jsonhintposandchar"),
        (#"ImportString["[1] x", "JSON"]"#, "ImportString::jsonhintposandchar"),
        (#"ImportString[StringRepeat["[", 100000], "RawJSON"]"#, "ImportString::jsonhintposandchar"),
        (#"ImportString["x", "PNG"]"#, "ImportString::fmtnosup: PNG is not a supported Import format."),
        (#"ExportString[f[x], "JSON"]"#, "ExportString::jsonstrictencoding: Expression f[x] cannot be exported as JSON."),
        (#"ExportString[<|1 -> 2|>, "RawJSON"]"#, "ExportString::jsonstrictencoding"),
        (#"ExportString[{1}, "WXF"]"#, "ExportString::fmtnosup"),
    ])
    func failsWithMessage(_ source: String, _ message: String) {
        let (output, result) = evaluateWithOutput(source)
        #expect(result == "$Failed", "\(source)")
        #expect(output.contains(message), "\(source): \(output)")
    }

    // MARK: Files

    @Test func exportsAndImportsFilesByExtension() throws {
        let directory = try SerializationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        let source = """
            m = {{1, "a,b"}, {2.5, "c"}}; r = {"k" -> {1, 2}}; a = <|"k" -> Null|>;
            {Export["\(d)/m.csv", m], Export["\(d)/m.tsv", m], Export["\(d)/m.dat", m], Export["\(d)/r.json", r],
             Export["\(d)/a.js", a, "RawJSON"], Export["\(d)/t.txt", "hello"], Export["\(d)/l", {1, "x"}, "List"],
             Import["\(d)/m.csv"] === m, Import["\(d)/m.tsv"] === m, Import["\(d)/m.dat"] === m,
             Import["\(d)/r.json"] === r, Import["\(d)/a.js", "RawJSON"] === a, Import["\(d)/t.txt"],
             Import["\(d)/l", "List"], Import["\(d)/t.txt", "Lines"]}
            """
        let names = ["m.csv", "m.tsv", "m.dat", "r.json", "a.js", "t.txt", "l"].map { "\(d)/\($0)" }
        #expect(evaluate(source) == "{" + names.joined(separator: ", ") + ", True, True, True, True, True, hello, {1, x}, {hello}}")
        #expect(try String(contentsOf: directory.appendingPathComponent("m.csv"), encoding: .utf8) == "1,\"a,b\"\n2.5,c")
        #expect(try String(contentsOf: directory.appendingPathComponent("a.js"), encoding: .utf8) == "{\n\t\"k\":null\n}")
    }

    /// A failed Export leaves the file it would have replaced as it was, and no temporary beside it.
    @Test func failedExportLeavesNothingHalfWritten() throws {
        let directory = try SerializationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        let (output, result) = evaluateWithOutput("""
            Export["\(d)/x.json", {1, 2}]; Export["\(d)/x.json", {3, f[4]}]
            """)
        #expect(result == "$Failed")
        #expect(output.contains("Export::jsonstrictencoding"))
        #expect(try String(contentsOf: directory.appendingPathComponent("x.json"), encoding: .utf8) == "[\n\t1,\n\t2\n]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d) == ["x.json"])
    }

    @Test func fileFailures() throws {
        let directory = try SerializationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let d = directory.path
        try Data("[1, 2".utf8).write(to: directory.appendingPathComponent("bad.json"))
        try Data("a,\"b".utf8).write(to: directory.appendingPathComponent("bad.csv"))
        let cases: [(String, String)] = [
            ("Import[\"\(d)/missing.csv\"]", "Import::nffil"),
            ("Import[\"\(d)/bad.json\"]", "Import::jsonhintposandchar"),
            ("Import[\"\(d)/bad.csv\"]", "Import::fmterr: Cannot import data as CSV format."),
            ("Export[\"\(d)/no/such/dir.csv\", {1}]", "Export::noopen"),
            ("Export[\"\(d)/f.json\", g[1]]", "Export::jsonstrictencoding"),
        ]
        for (source, message) in cases {
            let (output, result) = evaluateWithOutput(source)
            #expect(result == "$Failed", "\(source)")
            #expect(output.contains(message), "\(source): \(output)")
        }
    }
}
