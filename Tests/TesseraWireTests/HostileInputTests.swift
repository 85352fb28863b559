// Truncated, malformed and lying input: every case throws its typed error, fast, without allocating
// more than the input justifies.

import BigInt
import Foundation
import Testing
import TesseraExpr
@testable import TesseraWire

@Suite struct HostileInputTests {
    let k = Kernel()

    /// Bytes of a varint, for building lying headers.
    func varint(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        Varint.append(value, to: &bytes)
        return bytes
    }

    func expectError(_ expected: WXFError, _ input: [UInt8], limits: WXFLimits = WXFLimits(),
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, sourceLocation: sourceLocation) { try k.decode(input, limits: limits) }
    }

    // MARK: Headers and tokens

    @Test func headers() {
        expectError(.truncated(offset: 0), [])
        expectError(.truncated(offset: 1), ascii("8"))
        expectError(.badHeader, ascii("9:C\u{1}"))
        expectError(.badHeader, ascii("8;C\u{1}"))
        expectError(.truncated(offset: 2), ascii("8:"))
        expectError(.trailingBytes(offset: 4), message(ascii("C"), [1, 0]))
    }

    @Test func unknownTokensAndMisplacedRules() {
        expectError(.unknownToken(0x00, offset: 2), message([0]))
        expectError(.unknownToken(0xC3, offset: 2), message([0xC3]))
        expectError(.ruleOutsideAssociation(offset: 2), message(ascii("-C"), [1], ascii("C"), [2]))
        expectError(.ruleOutsideAssociation(offset: 7), message(ascii("f"), [1], ascii("s"), [1], ascii("f:C"), [1], ascii("C"), [2]))
        expectError(.expectedRule(found: UInt8(ascii: "C"), offset: 4), message(ascii("A"), [1], ascii("C"), [1], ascii("C"), [2], ascii("C"), [3]))
    }

    @Test func everyStrictPrefixOfAValidMessageIsTruncated() throws {
        var generator = ExpressionGenerator(seed: 5, kernel: k)
        for _ in 0..<12 {
            let whole = k.encode(generator.expression(depth: 3))
            for cut in 0..<whole.count {
                do {
                    _ = try k.decode(Array(whole[..<cut]))
                    Issue.record("prefix \(cut) of \(hex(whole)) decoded")
                } catch {
                    switch error {
                    case .truncated: break
                    default: Issue.record("prefix \(cut) of \(hex(whole)): \(error)")
                    }
                }
            }
        }
    }

    @Test func corruptedMessagesNeverCrash() {
        var random = SplitMix64(seed: 11)
        var generator = ExpressionGenerator(seed: 12, kernel: k)
        for _ in 0..<300 {
            var bytes = k.encode(generator.expression(depth: 4), compress: random.next() % 4 == 0)
            for _ in 0..<Int(random.next() % 4 + 1) {
                let position = Int(random.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = try? k.decode(bytes)  // any outcome but a crash
        }
    }

    // MARK: Lengths that lie

    @Test func varintsAreCappedAtNineBytes() {
        let tenBytes = [UInt8](repeating: 0xFF, count: 9) + [0x01]
        expectError(.varintTooLong(offset: 3), message(ascii("S"), tenBytes))
        expectError(.truncated(offset: 7), message(ascii("S"), [0xFF, 0xFF, 0xFF, 0xFF]))
    }

    /// A declared size beyond the input is `.truncated` at the input's end: more bytes are needed.
    func expectTruncated(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        expectError(.truncated(offset: input.count), input, sourceLocation: sourceLocation)
    }

    @Test func declaredSizesAreCheckedBeforeAllocating() {
        // A string, a byte array, a function and an association far larger than the input.
        expectTruncated(message(ascii("S"), varint(1 << 40), ascii("ab")))
        expectTruncated(message(ascii("B"), varint(1 << 40), ascii("ab")))
        expectTruncated(message(ascii("I"), varint(1 << 40), ascii("12")))
        expectTruncated(message(ascii("f"), varint(1 << 40), ascii("s"), [1], ascii("f")))
        expectTruncated(message(ascii("A"), varint(1 << 40), ascii("-C"), [1], ascii("C"), [1]))
        // An array declaring 10^12 elements, and ones whose byte count overflows.
        expectTruncated(message([0xC1, 0x03, 2], varint(1_000_000), varint(1_000_000), [1, 2, 3]))
        expectError(.sizeOverflow(offset: 2), message([0xC1, 0x03, 2], varint(1 << 62), varint(4)))
        expectError(.sizeOverflow(offset: 2), message([0xC2, 0x34, 1], varint(1 << 62)))
        // A rank larger than the input.
        expectTruncated(message([0xC1, 0x00], varint(1000), [1]))
    }

    @Test func arrayShapesAndTypes() {
        expectError(.invalidArrayShape(offset: 2), message([0xC1, 0x00, 0]))
        expectError(.invalidArrayShape(offset: 2), message([0xC1, 0x00, 2, 1, 0]))
        expectError(.invalidElementType(0x10, offset: 3), message([0xC1, 0x10, 1, 1, 0]))
        expectError(.invalidElementType(0x04, offset: 3), message([0xC2, 0x04, 1, 1, 0]))
        expectError(.tooDeep(limit: 4096, offset: 2), message([0xC1, 0x00], varint(5000), [UInt8](repeating: 1, count: 5001)))
        // The rank adds to the nesting of the functions around the array.
        var limits = WXFLimits()
        limits.maxDepth = 10
        let inside = message(Array([[UInt8]](repeating: ascii("f") + [1] + ascii("s") + [1] + ascii("f"), count: 5).joined()))
        expectError(.tooDeep(limit: 10, offset: 27), inside + [0xC1, 0x00, 6, 1, 1, 1, 1, 1, 1, 9], limits: limits)
        #expect(throws: Never.self) { try k.decode(inside + [0xC1, 0x00, 5, 1, 1, 1, 1, 1, 9], limits: limits) }
    }

    // MARK: Text

    @Test func stringsMustBeUTF8() {
        expectError(.invalidUTF8(offset: 3), message(ascii("S"), [2, 0xC3, 0x28]))
        expectError(.invalidUTF8(offset: 3), message(ascii("S"), [1, 0xFF]))
        expectError(.invalidUTF8(offset: 3), message(ascii("s"), [3, 0xED, 0xA0, 0x80]))  // a surrogate
    }

    @Test(arguments: ["", "1x", "a``b", "a`", "``a", "a b", "a-b", "1`x", "x`2"])
    func badSymbolNames(_ name: String) {
        expectError(.invalidSymbolName(name, offset: 3), message(ascii("s"), varint(name.utf8.count), ascii(name)))
    }

    @Test(arguments: ["", "-", "+1", "1-2", "12a", " 1", "1.0", "--5"])
    func badBigIntegers(_ text: String) {
        expectError(.invalidBigInteger(offset: 2), message(ascii("I"), varint(text.utf8.count), ascii(text)))
    }

    @Test func bigIntegerLengthIsLimited() {
        let digits = String(repeating: "7", count: 2000)
        var limits = WXFLimits()
        limits.maxBigIntegerDigits = 1000
        expectError(.bigIntegerTooLong(digits: 2000, offset: 2), message(ascii("I"), varint(2000), ascii(digits)), limits: limits)
    }

    @Test(arguments: [
        ("1.5`20.", 1.5), ("10.`10.", 10), ("3.14159265358979323846264338327950288``28", 3.141592653589793),
        ("-2.5``28", -2.5), ("1.5`", 1.5), (".5", 0.5), ("7", 7), ("1.5*^-3", 0.0015), ("9.99`15.35*^99", 9.99e99),
        ("-0.00000000025``28", -2.5e-10), ("0``-5.2*^-100000000000", 0), ("1.`*^+2", 100),
    ])
    func bigRealsBecomeMachineReals(text: String, value: Double) throws {
        #expect(try k.decode(message(ascii("R"), varint(text.utf8.count), ascii(text))) == .real(value))
    }

    @Test(arguments: ["", "abc", "1.5`x", "1.5*^", "1.5*", "--1", "1e5", "1.5``", ".", "-", "1.5`20.`", "nan", "inf"])
    func badBigReals(_ text: String) {
        expectError(.invalidBigReal(offset: 2), message(ascii("R"), varint(text.utf8.count), ascii(text)))
    }

    @Test(arguments: ["1.5*^400", "-1*^309", "1*^-400", "9.99`15.35*^999", "1*^12345678901"])
    func bigRealsBeyondMachineRange(_ text: String) {
        expectError(.bigRealOutOfRange(text, offset: 2), message(ascii("R"), varint(text.utf8.count), ascii(text)))
    }

    // MARK: Depth

    @Test func depthBombsStopAtTheLimit() {
        // f[f[f[...]]] as heads, as arguments, and nested associations: 100,000 levels.
        let heads = message(Array([[UInt8]](repeating: ascii("f") + [0], count: 100_000).joined()), ascii("s"), [1], ascii("f"))
        expectError(.tooDeep(limit: 4096, offset: 2 + 2 * 4096), heads)
        let arguments = message(Array([[UInt8]](repeating: ascii("f") + [1] + ascii("s") + [1] + ascii("f"), count: 100_000).joined()), ascii("C"), [0])
        expectError(.tooDeep(limit: 4096, offset: 2 + 5 * 4096), arguments)
        let associations = message(Array([[UInt8]](repeating: ascii("A") + [1] + ascii("-C") + [0], count: 100_000).joined()), ascii("C"), [0])
        expectError(.tooDeep(limit: 4096, offset: 2 + 5 * 4096), associations)
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        var limits = WXFLimits()
        limits.maxDepth = 100
        let ok = message(Array([[UInt8]](repeating: ascii("f") + [0], count: 100).joined()), ascii("s"), [1], ascii("f"))
        #expect(throws: Never.self) { try k.decode(ok, limits: limits) }
        let deeper = message(Array([[UInt8]](repeating: ascii("f") + [0], count: 101).joined()), ascii("s"), [1], ascii("f"))
        expectError(.tooDeep(limit: 100, offset: 202), deeper, limits: limits)
    }

    // MARK: Compression

    @Test func corruptStreamsFail() {
        let good = k.encode(k.call("f", .string("payload")), compress: true)
        var corrupt = good
        corrupt[8] ^= 0xFF
        #expect(throws: WXFError.self) { try k.decode(corrupt) }
        expectError(.decompressionFailed(code: -3), WXFHeader.compressed + [0x12, 0x34, 0x56])
        expectError(.truncated(offset: good.count - 3 - 4), Array(good.dropLast(4)))
        expectError(.trailingBytes(offset: good.count - 3), good + [0])
    }

    @Test func zipBombsStopAtTheLimit() {
        // 16 MB of zeros compresses to about 16 KB; allow 64 times the input at most.
        let zeros = k.numericArray(packed(integers: Array(repeating: 0, count: 2_000_000)), "Integer64")
        let bomb = k.encode(zeros, compress: true)
        var limits = WXFLimits()
        limits.maxCompressionRatio = 64
        limits.decompressionAllowance = 0
        expectError(.decompressedTooLarge(limit: 64 * (bomb.count - 3)), bomb, limits: limits)
        limits.maxCompressionRatio = 1100
        limits.maxDecompressedBytes = 1 << 20
        expectError(.decompressedTooLarge(limit: 1 << 20), bomb, limits: limits)
        #expect(throws: Never.self) { try k.decode(bomb) }
    }
}
