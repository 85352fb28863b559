// Strings, symbols in contexts, and byte arrays in every form.

import Testing
import TesseraExpr
import TesseraSyntax

@Suite struct PrintingStringTests {
    @Test(arguments: [
        ("\"abc\"", "\"abc\"", "abc"),
        ("\"\"", "\"\"", ""),
        ("\"a\\\"b\"", "\"a\\\"b\"", "a\"b"),
        ("\"a\\\\b\"", "\"a\\\\b\"", "a\\b"),
        ("\"line\\nbreak\"", "\"line\\nbreak\"", "line\nbreak"),
        ("\"tab\\there\"", "\"tab\\there\"", "tab\there"),
        ("\"café αβ\"", "\"café αβ\"", "café αβ"),
        ("List[\"a\", \"b c\"]", "{\"a\", \"b c\"}", "{a, b c}"),
        ("Missing[\"KeyAbsent\", \"z\"]", "Missing[\"KeyAbsent\", \"z\"]", "Missing[KeyAbsent, z]"),
        ("Plus[\"a\", \"b\"]", "\"a\" + \"b\"", "a + b"),
        // A string head keeps its quotes in the result text.
        ("\"f\"[x]", "\"f\"[x]", "\"f\"[x]"),
        ("List[a, \"f\"[x]]", "{a, \"f\"[x]}", "{a, \"f\"[x]}"),
    ])
    func strings(_ c: (String, String, String)) {
        #expect(printed(c.0, .input) == c.1)
        #expect(printed(c.0, .output) == c.2)
        if !c.0.contains("\"f\"[") { #expect(printed(c.0, .outputForm) == c.2) }
    }

    @Test(arguments: [
        ("\"abc\"", "\"abc\""),
        ("List[\"a\", \"b\\nc\"]", "List[\"a\", \"b\\nc\"]"),
        ("Plus[\"a\", x]", "Plus[\"a\", x]"),
    ])
    func stringsInFullForm(_ c: (String, String)) {
        #expect(printed(c.0, .full) == c.1)
    }

    @Test func stringHeadInOutputForm() {
        #expect(printed("\"f\"[x]", .outputForm) == "f[x]")
    }

    @Test func controlCharactersAreEscaped() {
        let table = SymbolTable()
        let printer = ExprPrinter(symbols: table)
        #expect(printer.text(.string("a\u{1}b\r"), form: .input) == "\"a\\.01b\\r\"")
    }

    @Test func symbolsPrintTheirShortestName() {
        let table = SymbolTable()
        let printer = ExprPrinter(symbols: table)
        let local = table.intern(fullName: "Global`x")
        let other = table.intern(fullName: "Private`y")
        let e = Expr(table.system.List, [.symbol(local), .symbol(other), .symbol(table.system.Plus)])
        #expect(printer.text(e, form: .input) == "{x, Private`y, Plus}")
        table.contextPath.append("Private`")
        #expect(printer.text(e, form: .input) == "{x, y, Plus}")
    }

    @Test(arguments: [
        ([UInt8](), "ByteArray[\"\"]", "ByteArray[<0>]"),
        ([1], "ByteArray[\"AQ==\"]", "ByteArray[<1>]"),
        ([1, 2], "ByteArray[\"AQI=\"]", "ByteArray[<2>]"),
        ([1, 2, 3], "ByteArray[\"AQID\"]", "ByteArray[<3>]"),
        (Array("Hello".utf8), "ByteArray[\"SGVsbG8=\"]", "ByteArray[<5>]"),
        ([255, 254, 253, 0], "ByteArray[\"//79AA==\"]", "ByteArray[<4>]"),
    ])
    func byteArrays(_ c: ([UInt8], String, String)) {
        let printer = ExprPrinter(symbols: SymbolTable())
        #expect(printer.text(.byteArray(c.0), form: .input) == c.1)
        #expect(printer.text(.byteArray(c.0), form: .full) == c.1)
        #expect(printer.text(.byteArray(c.0), form: .output) == c.2)
        #expect(printer.text(.byteArray(c.0), form: .outputForm) == c.2)
    }
}
