// Shared helpers: building expressions by hand, hex, and finding files of the repository.

import BigInt
import Foundation
import TesseraExpr
import TesseraStorage
import Testing
@testable import TesseraWire

/// A symbol table and shorthands for building expressions in tests.
struct Kernel {
    let symbols = SymbolTable()
    var system: SystemSymbols { symbols.system }

    /// A symbol resolved like a name in source text (`"x"` is `Global`x`, `"Pi"` is `System`Pi`).
    func sym(_ name: String) -> Expr { .symbol(symbols.lookup(name)) }

    /// `head[arguments...]` with a symbol head resolved by name.
    func call(_ head: String, _ arguments: Expr...) -> Expr {
        Expr(head: sym(head), arguments)
    }

    func list(_ elements: Expr...) -> Expr { Expr(system.List, elements) }

    func rule(_ key: Expr, _ value: Expr, delayed: Bool = false) -> Expr {
        Expr(delayed ? system.RuleDelayed : system.Rule, [key, value])
    }

    func association(_ rules: Expr...) -> Expr { Expr(system.Association, rules) }

    func numericArray(_ data: Expr, _ type: String) -> Expr { Expr(system.NumericArray, [data, .string(type)]) }

    func encode(_ expression: Expr, compress: Bool = false) -> [UInt8] {
        WXF.encode(expression, symbols: symbols, compress: compress)
    }

    func decode(_ bytes: [UInt8], limits: WXFLimits = WXFLimits()) throws(WXFError) -> Expr {
        try WXF.decode(bytes, symbols: symbols, limits: limits)
    }
}

func packed(integers: [Int], _ dimensions: [Int]? = nil) -> Expr {
    .packed(try! PackedArray(integers: integers, dimensions: dimensions))
}

func packed(reals: [Double], _ dimensions: [Int]? = nil) -> Expr {
    .packed(try! PackedArray(reals: reals, dimensions: dimensions))
}

func packed(complexes: [(Double, Double)], _ dimensions: [Int]? = nil) -> Expr {
    .packed(try! PackedArray(complexes: complexes.map { ComplexDouble($0.0, $0.1) }, dimensions: dimensions))
}

func big(_ text: String) -> BigInt { BigInt(text)! }

/// Bytes from hex text; spaces are ignored.
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(2 * bytes.count)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 15)])
    }
    return text
}

/// `8:` followed by the bytes (of ASCII text and explicit byte values).
func message(_ parts: [UInt8]...) -> [UInt8] { WXFHeader.plain + parts.flatMap { $0 } }

/// The ASCII bytes of `text` (for spelling tokens: `ascii("f")`).
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

enum Repository {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `shared/` beside the package (the project's spec and vectors), overridable by TESSERA_SHARED.
    static var shared: URL {
        if let path = ProcessInfo.processInfo.environment["TESSERA_SHARED"] { return URL(fileURLWithPath: path) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }
}

/// One case of shared/spec/wxf-vectors.json.
struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let note: String
    var testDescription: String { name }

    static let path = Repository.shared.appendingPathComponent("spec/wxf-vectors.json")

    /// All vectors, or nil when the file is missing.
    static func load() -> [Vector]? {
        guard let data = try? Data(contentsOf: path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["vectors"] as? [[String: Any]] else { return nil }
        return list.compactMap { entry in
            guard let name = entry["name"] as? String, let hexText = entry["wxf_hex"] as? String else { return nil }
            return Vector(name: name, bytes: TesseraWireTests.bytes(hex: hexText), note: entry["note"] as? String ?? "")
        }
    }
}

