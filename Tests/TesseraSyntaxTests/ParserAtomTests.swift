// Atoms: numbers, strings, symbols, named characters, comments.

import BigInt
import Testing
import TesseraExpr
import TesseraSyntax

struct ParserAtomTests {
    @Test(arguments: [
        ("12", "12"),
        ("0", "0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("9223372036854775807", "9223372036854775807"),
        ("9223372036854775808", "9223372036854775808"),
        ("1.5", "1.5"),
        ("1.", "1.0"),
        (".5", "0.5"),
        ("0.375*^-9", "3.75e-10"),
        ("2.5*^3", "2500.0"),
        ("16^^FF", "255"),
        ("16^^ff", "255"),
        ("2^^1010", "10"),
        ("36^^Z", "35"),
        ("2^^1.1", "1.5"),
        ("8^^23*^2", "1216"),
        ("1.5`20", "1.5"),
        ("1.5``20", "1.5"),
        ("1.5`", "1.5"),
        ("2`", "2.0"),
        ("1*^3", "1000"),
        ("1*^-3", "Rational[1, 1000]"),
        ("5*^-2", "Rational[1, 20]"),
        ("1..", "Repeated[1]"),
        ("x=.01", "Set[x, 0.01]"),
        ("a/.5", "Times[a, Power[0.5, -1]]"),
    ])
    func numbers(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test func numberValues() throws {
        let symbols = SymbolTable()
        let parser = Parser(symbols: symbols)
        #expect(try parser.parse("2^^1111111111111111111111111111111111111111111111111111111111111111")
                == [.bigInteger(BigInt(2).power(64) - 1)])
        #expect(try parser.parse("-9223372036854775808") == [.integer(Int.min)])
        #expect(try parser.parse("1.5") == [.real(1.5)])
        #expect(try parser.parse("-0.25") == [.real(-0.25)])
    }

    @Test(arguments: [
        (#""abc""#, #""abc""#),
        (#""""#, #""""#),
        (#""a\"b""#, #""a\"b""#),
        (#""a\\b""#, #""a\\b""#),
        (#""a\nb\tc""#, #""a\nb\tc""#),
        (#""\[Alpha]\[Beta]""#, #""αβ""#),
        (#""\:03b1""#, #""α""#),
        (#""\101""#, #""A""#),
        (#""\.41""#, #""A""#),
        (#""(* not a comment *)""#, #""(* not a comment *)""#),
        ("\"line \\\nbreak\"", #""line break""#),
        (#""\(x\)""#, #""\\(x\\)""#),
        (#""\[NotAName]""#, #""\\[NotAName]""#),
        (#""μ = 1""#, #""μ = 1""#),
    ])
    func strings(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test(arguments: [
        ("x", "x"),
        ("xX1", "xX1"),
        ("$Version", "$Version"),
        ("a$b", "a$b"),
        ("Developer`PackedArrayQ", "Developer`PackedArrayQ"),
        ("`x", "x"),
        ("a`b`c", "a`b`c"),
        ("μ", "μ"),
        ("Σx", "Σx"),
        ("\\[Mu]", "μ"),
        ("\\[Mu]x", "μx"),
        ("x\\[Alpha]", "xα"),
        ("\\[Alpha]\\[Beta]", "αβ"),
        ("\\[CapitalSigma]", "Σ"),
        ("\\[ScriptCapitalL]", "ℒ"),
        ("\\[DoubleStruckCapitalR]", "ℝ"),
        ("\\:03b1", "α"),
        ("\\101\\102\\103\\061", "ABC1"),
        ("\\[ScriptL]", "ℓ"),
        ("\\[ScriptX] == \\:f6c9", "Equal[\u{F6C9}, \u{F6C9}]"),
        ("\\[Pi]", "Pi"),
        ("π", "Pi"),
        ("πr", "πr"),
        ("2π", "Times[2, Pi]"),
        ("\\[Infinity]", "Infinity"),
        ("∞", "Infinity"),
        ("\\[ImaginaryI]", "I"),
        ("\\[ImaginaryJ]", "I"),
        ("\\[ExponentialE]", "E"),
        ("\\[Degree]", "Degree"),
        ("30\\[Degree]", "Times[30, Degree]"),
        ("30°", "Times[30, Degree]"),
    ])
    func symbols(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }

    @Test func symbolsResolveThroughTheTable() throws {
        let symbols = SymbolTable()
        let expressions = try Parser(symbols: symbols).parse("Pi\n\\[Pi]\nx\nDeveloper`PackedArrayQ\nList")
        #expect(expressions[0] == .symbol(symbols.system.Pi))
        #expect(expressions[1] == .symbol(symbols.system.Pi))
        #expect(expressions[2] == .symbol(symbols.lookup("x")))
        #expect(symbols.lookup("x").fullName == "Global`x")
        #expect(expressions[3].asSymbol?.fullName == "Developer`PackedArrayQ")
        #expect(expressions[4] == .symbol(symbols.system.List))
    }

    @Test(arguments: [
        ("(* c *) x", "x"),
        ("x (* c *)", "x"),
        ("(* a (* nested *) b *) x", "x"),
        ("a (* c *) b", "Times[a, b]"),
        ("f[(* c *)]", "f[]"),
        ("(* only a comment *)", ""),
        ("", ""),
        ("  \n\t\n ", ""),
    ])
    func comments(source: String, expected: String) throws {
        #expect(try parsedText(source) == expected)
    }
}
