// The bytes Tessera writes for each kind of expression, and how special forms read back.

import BigInt
import Testing
import TesseraExpr
import TesseraStorage
@testable import TesseraWire

@Suite struct EncodingTests {
    let k = Kernel()

    // MARK: Numbers

    @Test(arguments: [
        (0, "C 00"), (-128, "C 80"), (127, "C 7f"), (128, "j 8000"), (-129, "j 7fff"),
        (32767, "j ff7f"), (-32769, "i ff7fffff"), (Int(Int32.max), "i ffffff7f"),
        (Int(Int32.max) + 1, "L 0000008000000000"), (Int.min, "L 0000000000000080"),
    ])
    func machineIntegersTakeTheNarrowestToken(value: Int, spelled: String) throws {
        let token = String(spelled.first!)
        let expected = message(ascii(token), bytes(hex: String(spelled.dropFirst())))
        #expect(hex(k.encode(.integer(value))) == hex(expected))
        #expect(try k.decode(expected) == .integer(value))
    }

    @Test(arguments: ["18446744073709551616", "-9223372036854775809", String(repeating: "9", count: 5000)])
    func bigIntegersAreDecimalDigits(_ digits: String) throws {
        let value = Expr.integer(big(digits))
        let written = k.encode(value)
        #expect(Array(written.prefix(3)) == message(ascii("I")))
        #expect(String(decoding: written.suffix(digits.utf8.count), as: UTF8.self) == digits)
        #expect(try k.decode(written) == value)
    }

    @Test func bigIntegerParsingAgreesWithBigIntAtEveryLength() throws {
        var generator = SplitMix64(seed: 7)
        for length in Array(1...80) + [300, 607, 608, 609, 1000, 2017, 4000] {
            let first = String(Int(generator.next() % 9) + 1)
            let rest = (1..<length).map { _ in String(generator.next() % 10) }.joined()
            for text in [first + rest, "-" + first + rest] {
                let parsed = Array(text.utf8).withUnsafeBytes { BigNumberText.parseInteger($0) }
                #expect(parsed == BigInt(text), "length \(length)")
            }
        }
    }

    @Test func realsKeepTheirBits() throws {
        for value in [0.0, -0.0, 1.5, -0.1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            let back = try k.decode(k.encode(.real(value)))
            guard case .real(let read) = back else { Issue.record("not a real: \(back)"); continue }
            #expect(read.bitPattern == value.bitPattern)
        }
        #expect(hex(k.encode(.real(1.5))) == "383a72000000000000f83f")
    }

    @Test func exactComplexAndRationalTravelAsFunctions() throws {
        let complex = Expr.complex(.integer(1), .rational(big("-1"), big("2")))
        let written = k.encode(complex)
        #expect(hex(written) == hex(message(ascii("f"), [2], ascii("s"), [7], ascii("Complex"), ascii("C"), [1],
                                            ascii("f"), [2], ascii("s"), [8], ascii("Rational"), ascii("C"), [0xFF],
                                            ascii("C"), [2])))
        #expect(try k.decode(written) == complex)
    }

    @Test func complexAndRationalFunctionsBecomeCanonicalNumbers() throws {
        func read(_ expression: Expr) throws -> Expr { try k.decode(k.encode(expression)) }
        #expect(try read(k.call("Complex", .integer(1), .integer(0))) == .integer(1))
        #expect(try read(k.call("Complex", .integer(1), .real(2.5))) == .complex(.real(1), .real(2.5)))
        #expect(try read(k.call("Rational", .integer(2), .integer(4))) == .rational(1, 2))
        #expect(try read(k.call("Rational", .integer(4), .integer(2))) == .integer(2))
        // Not numbers: left as the functions they are.
        let zeroDenominator = k.call("Rational", .integer(1), .integer(0))
        #expect(try read(zeroDenominator) == zeroDenominator)
        let symbolic = k.call("Complex", k.sym("x"), .integer(1))
        #expect(try read(symbolic) == symbolic)
    }

    // MARK: Strings and symbols

    @Test func stringsAndByteArrays() throws {
        for text in ["", "héllo", "日本語 🙂", "a\u{0}b", String(repeating: "x", count: 300)] {
            #expect(try k.decode(k.encode(.string(text))) == .string(text))
        }
        #expect(hex(k.encode(.byteArray([0, 1, 255]))) == "383a42030001ff")
        #expect(try k.decode(k.encode(.byteArray([]))) == .byteArray([]))
    }

    @Test func systemSymbolsAreBareAndOthersQualified() throws {
        #expect(hex(k.encode(.symbol(k.system.Pi))) == hex(message(ascii("s"), [2], ascii("Pi"))))
        #expect(hex(k.encode(k.sym("x"))) == hex(message(ascii("s"), [8], ascii("Global`x"))))
        let developer = k.sym("Developer`PackedArrayQ")
        #expect(try k.decode(k.encode(developer)) == developer)
    }

    @Test func bareNamesPreferSystemThenResolveLikeSource() throws {
        // A Global`Pi does not shadow System`Pi on reading: WXF spells System` names bare.
        _ = k.symbols.intern(fullName: "Global`Pi")
        #expect(try k.decode(message(ascii("s"), [2], ascii("Pi"))) == .symbol(k.system.Pi))
        #expect(try k.decode(message(ascii("s"), [3], ascii("foo"))) == k.sym("Global`foo"))
        #expect(try k.decode(message(ascii("s"), [2], ascii("`y"))) == k.sym("Global`y"))
        let other = Kernel()
        other.symbols.currentContext = "Work`"
        #expect(try other.decode(message(ascii("s"), [3], ascii("bar"))) == other.sym("Work`bar"))
    }

    // MARK: Associations and rules

    @Test func associationsUseRuleTokens() throws {
        let association = k.association(k.rule(.string("a"), .integer(1)), k.rule(k.sym("b"), .integer(2), delayed: true))
        let written = k.encode(association)
        #expect(hex(written) == hex(message(ascii("A"), [2], ascii("-S"), [1], ascii("a"), ascii("C"), [1],
                                            ascii(":s"), [8], ascii("Global`b"), ascii("C"), [2])))
        #expect(try k.decode(written) == association)
        #expect(hex(k.encode(k.association())) == "383a4100")
        #expect(try k.decode(k.encode(k.association())) == k.association())
    }

    @Test func anAssociationOfNonRulesIsAnOrdinaryFunction() throws {
        let odd = k.association(.integer(1), k.call("Rule", .integer(1)))
        let written = k.encode(odd)
        #expect(written[2] == WXFToken.function.rawValue)
        #expect(try k.decode(written) == odd)
    }

    // MARK: Packed arrays

    @Test func integerArraysPackInTheNarrowestType() throws {
        let cases: [([Int], WXFElementType)] = [
            ([1, 2, 3], .integer8), ([-128, 127], .integer8), ([-129, 0], .integer16), ([0, 32768], .integer32),
            ([Int(Int32.min), 5], .integer32), ([0, Int(Int32.max) + 1], .integer64), ([Int.min, Int.max], .integer64),
        ]
        for (values, type) in cases {
            let array = packed(integers: values)
            let written = k.encode(array)
            #expect(written[2] == 0xC1 && written[3] == type.rawValue, "\(values)")
            #expect(written.count == 2 + 4 + values.count * type.byteWidth)
            #expect(try k.decode(written) == array)
        }
        #expect(hex(k.encode(packed(integers: [1, 2, 3]))) == "383ac1000103010203")
    }

    @Test func realAndComplexArraysAreCopiedAsTheyAre() throws {
        let reals = packed(reals: [0.5, 1.5, -2])
        #expect(hex(k.encode(reals)) == "383ac1230103000000000000e03f000000000000f83f00000000000000c0")
        let complexes = packed(complexes: [(1, 2), (3, -4), (0, 0), (-1, 1)], [2, 2])
        #expect(try k.decode(k.encode(complexes)) == complexes)
    }

    @Test func aRowViewWritesOnlyItsRow() throws {
        let matrix = try PackedArray(integers: [1, 2, 3, 400, 500, 600], dimensions: [2, 3])
        let row = Expr.packed(matrix.slice(1))
        #expect(try k.decode(k.encode(row)) == packed(integers: [400, 500, 600]))
    }

    @Test func emptyPackedArraysBecomeNestedLists() throws {
        let empty = Expr.packed(try PackedArray.zeros(.real, [2, 0]))
        let written = k.encode(empty)
        let back = try k.decode(written)
        #expect(back == k.list(k.list(), k.list()))
        #expect(back == empty)
    }

    @Test func largeArraysRoundTrip() throws {
        let count = 300_000
        let reals = packed(reals: (0..<count).map { Double($0) * 0.25 }, [300, 1000])
        #expect(try k.decode(k.encode(reals)) == reals)
        let integers = packed(integers: (0..<count).map { $0 - 150_000 })
        let written = k.encode(integers)
        #expect(written[3] == WXFElementType.integer32.rawValue)
        #expect(try k.decode(written) == integers)
    }

    // MARK: Numeric arrays

    @Test(arguments: WXFElementType.allCases)
    func numericArraysKeepTheirTypeName(_ type: WXFElementType) throws {
        let data: Expr
        switch type.packedType {
        case .integer:
            let range = type.integerRange
            data = packed(integers: [range.lowerBound, 0, 1, range.upperBound].filter(range.contains), [2, 2])
        case .real: data = packed(reals: [1.5, -0.25, 3, 1024], [2, 2])
        case .complex: data = packed(complexes: [(1.5, -2), (0, 0.25), (3, 3), (-8, 0)], [2, 2])
        }
        let array = k.numericArray(data, type.name)
        let written = k.encode(array)
        #expect(written[2] == 0xC2 && written[3] == type.rawValue)
        #expect(written.count == 2 + 2 + 1 + 2 + 4 * type.byteWidth)
        #expect(try k.decode(written) == array)
    }

    @Test func numericArraysConvertValuesThatFitTheType() throws {
        // Integers into a real type, reals into a complex type, a normal list of integers.
        let real32 = k.numericArray(packed(integers: [1, 2]), "Real32")
        #expect(try k.decode(k.encode(real32)) == k.numericArray(packed(reals: [1, 2]), "Real32"))
        let complex = k.numericArray(packed(reals: [1, 2]), "ComplexReal64")
        #expect(try k.decode(k.encode(complex)) == k.numericArray(packed(complexes: [(1, 0), (2, 0)]), "ComplexReal64"))
        let list = k.numericArray(k.list(k.list(.integer(1), .integer(2)), k.list(.integer(3), .integer(4))), "Integer16")
        #expect(try k.decode(k.encode(list)) == k.numericArray(packed(integers: [1, 2, 3, 4], [2, 2]), "Integer16"))
    }

    @Test func numericArraysThatDoNotFitAreOrdinaryFunctions() throws {
        for odd in [
            k.numericArray(packed(integers: [300]), "UnsignedInteger8"),
            k.numericArray(packed(integers: [-1]), "UnsignedInteger64"),
            k.numericArray(packed(reals: [1.5]), "Integer32"),
            k.numericArray(packed(reals: [1e300]), "Real32"),
            k.numericArray(packed(integers: [1]), "Integer128"),
            k.numericArray(k.list(k.list(.integer(1)), .integer(2)), "Integer8"),
            k.call("NumericArray", packed(integers: [1])),
        ] {
            let written = k.encode(odd)
            #expect(written[2] == WXFToken.function.rawValue, "\(odd)")
            #expect(try k.decode(written) == odd)
        }
    }

    @Test func unsignedInteger64BeyondIntIsANestedList() throws {
        let values = [UInt64(1), UInt64.max, UInt64(1) << 63, 7]
        var raw = message([0xC2, 0x13, 2, 2, 2])
        for value in values { withUnsafeBytes(of: value.littleEndian) { raw += $0 } }
        let expected = k.numericArray(k.list(k.list(.integer(1), .integer(BigInt(UInt64.max))),
                                             k.list(.integer(BigInt(UInt64(1) << 63)), .integer(7))), "UnsignedInteger64")
        let decoded = try k.decode(raw)
        #expect(decoded == expected)
        #expect(hex(k.encode(decoded)) == hex(raw))
    }

    // MARK: Compression

    @Test func compressedMessagesRoundTrip() throws {
        let expression = k.list(packed(reals: Array(repeating: 0, count: 50_000)), k.call("f", .string("text")))
        let compressed = k.encode(expression, compress: true)
        #expect(Array(compressed.prefix(5)) == [0x38, 0x43, 0x3A, 0x78, 0x9C])
        #expect(compressed.count < 2_000)
        #expect(try k.decode(compressed) == expression)
    }
}
