// Syntax errors (tag and text as Mathematica prints them), robustness against hostile input, and the
// REPL's question whether more input is needed.

import Foundation
import Testing
import TesseraExpr
import TesseraSyntax

struct ParserErrorTests {
    @Test(arguments: [
        ("1+)", "sntxf", #""1+" cannot be followed by ")"."#),
        ("Sin[1)", "sntxf", #""Sin[1" cannot be followed by ")"."#),
        ("(x]", "sntxf", #""(x" cannot be followed by "]"."#),
        ("(x,)", "sntxf", #""(x" cannot be followed by ",)"."#),
        ("{x]", "sntxf", #""{x" cannot be followed by "]"."#),
        ("a[[x)]", "sntxf", #""a[[x" cannot be followed by ")]"."#),
        ("x /: y , z", "sntxf", #""x /: y " cannot be followed by ", z"."#),
        ("a :: 1", "sntxf", #""a :: " cannot be followed by "1"."#),
        ("a ? b ? c", "sntxf", #""a ? b " cannot be followed by "? c"."#),
        ("a ~ b + c", "sntxf", #""a ~ b " cannot be followed by "+ c"."#),
        ("()", "sntxf", #""(" cannot be followed by ")"."#),
        ("f[x]]", "sntxf", #""f[x]" cannot be followed by "]"."#),
        ("f[x]:1", "sntxf", #""f[x]" cannot be followed by ":1"."#),
        ("2^^102", "sntxf", #""2^^10" cannot be followed by "2"."#),
        ("a`", "sntxf", #""a" cannot be followed by "`"."#),
        ("a\nb)", "sntxf", #""b" cannot be followed by ")"."#),
        (")", "sntxb", #"Expression cannot begin with ")"."#),
        ("^ 2", "sntxb", #"Expression cannot begin with "^ 2"."#),
        ("@", "sntxb", #"Expression cannot begin with "@"."#),
        ("1+", "tsntxi", #""1+" is incomplete; more input is needed."#),
        ("x &&", "tsntxi", #""x &&" is incomplete; more input is needed."#),
        ("a =\n", "tsntxi", #""a =" is incomplete; more input is needed."#),
        ("f[1+", "bktmcp", #"Expression "f[1+" has no closing "]"."#),
        ("{1, 2", "bktmcp", #"Expression "{1, 2" has no closing "}"."#),
        ("<|a -> 1", "bktmcp", #"Expression "<|a -> 1" has no closing "|>"."#),
        ("(a + b", "bktmcp", #"Expression "(a + b" has no closing ")"."#),
        ("\"abc", "sntxi", "Incomplete expression; more input is needed ."),
        ("(* open comment", "sntxi", "Incomplete expression; more input is needed ."),
        (#""a\qb""#, "stresc", #"Unknown string escape \q."#),
        (#"\[NoSuchName]"#, "sntufn", #"Unknown unicode longname "NoSuchName"."#),
        (#"\:00G1"#, "snthex", #"4 hexadecimal digits are required after \: to construct a 16-bit character."#),
        (#""\08""#, "sntoct1", #"3 octal digits are required after \ to construct an 8-bit character."#),
    ])
    func messages(source: String, tag: String, text: String) {
        let error = syntaxError(source)
        #expect(error?.tag == tag)
        #expect(error?.text == text)
    }

    @Test func offsetsAreUTF8ByteOffsets() {
        #expect(syntaxError("1+)")?.offset == 2)
        #expect(syntaxError("αβ + )")?.offset == 7)
        #expect(syntaxError("f[x")?.offset == 1)
    }

    @Test(arguments: ["f[", "{", "(", "-(", "a^", "!", "a=", "f@", "<|", "a[[", "a->", "a;b;(", "x:"])
    func deepNestingIsAnErrorNotACrash(opener: String) {
        let source = String(repeating: opener, count: 100_000) + "x"
        #expect(syntaxError(source)?.tag == "sntdep")
    }

    @Test func deepNestingOnASmallStackIsAnErrorNotACrash() {
        // A secondary thread with a 256 KB stack, as small as threads usually get.
        let source = String(repeating: "f[", count: 100_000) + "x" + String(repeating: "]", count: 100_000)
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let thread = Thread {
            result.tag = syntaxError(source)?.tag
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        done.wait()
        #expect(result.tag == "sntdep")
    }

    @Test func moderateNestingParses() throws {
        let depth = 100
        let source = String(repeating: "f[", count: depth) + "x" + String(repeating: "]", count: depth)
        var expr = try Parser(symbols: SymbolTable()).parse(source)[0]
        var levels = 0
        while case .normal(let normal) = expr, let inner = normal.arguments.first {
            levels += 1
            expr = inner
        }
        #expect(levels == depth)
    }

    @Test func randomInputAlwaysTerminates() {
        // Fragments that stress the scanner's and parser's corner cases, glued at random.
        let pieces = ["a", "1", ".", "5", "_", " ", ":", ";", ",", "[", "]", "(", ")", "{", "}", "<|", "|>", "-", "+",
                      "*", "/", "^", "=", "!", "&", "@", "#", "%", "~", "?", "'", "`", "\"", "\\", "\n", "$", "π",
                      "→", "\\[Alpha]", "\\[", "(*", "*)", "^^", "*^", "::", ";;", "[[", "]]", "\\:03b1", "<<", ">>",
                      "16^^", "x_", "_.", "#2", "%%", "/.", "//", "@@@", "/:", "=.", "..."]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let parser = Parser(symbols: SymbolTable())
        var parsed = 0
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<random(24) { source += pieces[random(pieces.count)] }
            if (try? parser.parse(source)) != nil { parsed += 1 }
        }
        #expect(parsed > 0)
    }

    @Test(arguments: [
        ("f[", true),
        ("f[x,", true),
        ("{1, 2", true),
        ("\"abc", true),
        ("(* comment", true),
        ("a +", true),
        ("a =", true),
        ("f[x_] :=", true),
        ("a //", true),
        ("x_ /;", true),
        ("Module[{x},\n  x = 1;", true),
        ("a", false),
        ("f[x]", false),
        ("a;", false),
        ("a ;;", false),
        ("x++", false),
        ("", false),
        ("(* done *)", false),
        ("f[x)", false),
        (")", false),
    ])
    func needsMoreInput(source: String, expected: Bool) {
        #expect(Parser.needsMoreInput(source) == expected)
    }
}

/// Carries a result out of a thread in the test above.
private final class ResultBox: @unchecked Sendable {
    var tag: String?
}
