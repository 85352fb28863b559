// A minimal FullForm renderer for expected values in parser tests, so that a case reads as
// `("a - b", "Plus[a, Times[-1, b]]")`. Test-only: the real formatter lives in TesseraSyntax/Printing.

import BigInt
import TesseraExpr
import TesseraSyntax

func fullFormText(_ expr: Expr) -> String {
    switch expr {
    case .integer(let n): return String(n)
    case .bigInteger(let n): return String(n)
    case .rational(let n, let d): return "Rational[\(n), \(d)]"
    case .real(let x): return "\(x)"
    case .complex(let re, let im): return "Complex[\(fullFormText(re)), \(fullFormText(im))]"
    case .string(let s):
        var quoted = "\""
        for character in s {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    case .symbol(let symbol):
        return symbol.context == "System`" || symbol.context == "Global`" ? symbol.name : symbol.fullName
    case .normal(let normal):
        return fullFormText(normal.head) + "[" + normal.arguments.map(fullFormText).joined(separator: ", ") + "]"
    case .packed, .byteArray:
        return "<packed>"
    }
}

/// Parses `source` with a fresh symbol table and renders every top-level expression, one per line.
func parsedText(_ source: String) throws(SyntaxError) -> String {
    let expressions = try Parser(symbols: SymbolTable()).parse(source)
    return expressions.map(fullFormText).joined(separator: "\n")
}

/// The error `source` fails with, or nil when it parses.
func syntaxError(_ source: String) -> SyntaxError? {
    do {
        _ = try Parser(symbols: SymbolTable()).parse(source)
        return nil
    } catch {
        return error
    }
}
