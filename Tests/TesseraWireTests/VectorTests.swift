// The 52 vectors of shared/spec/wxf-vectors.json (made with wolframclient): each decodes to the value
// below, and where Tessera's writer has the same spelling, encoding that value gives the same bytes.

import BigInt
import Testing
import TesseraExpr
@testable import TesseraWire

@Suite struct VectorTests {
    /// Vectors whose bytes Tessera does not write itself, and why.
    static let notCanonical: [String: String] = [
        "bigreal_decimal": "Tessera keeps a big real as a machine real and writes it as r",
        "bigreal_handmade": "Tessera keeps a big real as a machine real and writes it as r",
        "np_int64_2x3_packed": "wolframclient keeps int64; Tessera packs 0...5 as Integer8, as BinarySerialize does",
        "py_PackedArray_int32": "an explicit Integer32; Tessera packs 1...3 as Integer8",
        // wolframclient writes wl.f as a bare name, which a reader takes in its current context; Tessera
        // writes every symbol outside System` with its context, as BinarySerialize does.
        "f_x_1": "Tessera writes Global`f and Global`x",
        "f_no_args": "Tessera writes Global`f",
        "nested_head": "Tessera writes Global`f",
        "rule_a_1": "Tessera writes Global`a",
        "ruledelayed_a_1": "Tessera writes Global`a",
        "compressed_f_x_1": "Tessera writes Global`f and Global`x",
    ]

    /// The value each vector decodes to.
    static func expected(_ name: String, _ k: Kernel) -> Expr? {
        switch name {
        case "int_1": return .integer(1)
        case "int_0": return .integer(0)
        case "int_127": return .integer(127)
        case "int_128": return .integer(128)
        case "int_-300": return .integer(-300)
        case "int_2p31": return .integer(2_147_483_648)
        case "int_-2p63": return .integer(Int.min)
        case "int_2p63": return .bigInteger(big("9223372036854775808"))
        case "int_2p70": return .bigInteger(big("1180591620717411303424"))
        case "int_-2p70": return .bigInteger(big("-1180591620717411303424"))
        case "real_1.5": return .real(1.5)
        case "real_-0.1": return .real(-0.1)
        case "bigreal_decimal": return .real(3.141592653589793)
        case "string_hello": return .string("héllo")
        case "string_empty": return .string("")
        case "string_200": return .string(String(repeating: "a", count: 200))
        case "bytes": return .byteArray([0, 1, 255])
        case "symbol_Pi": return .symbol(k.system.Pi)
        case "symbol_Global_x": return k.sym("Global`x")
        case "true": return .symbol(k.system.True)
        case "none": return .symbol(k.system.Null)
        case "f_x_1": return k.call("f", k.sym("x"), .integer(1))
        case "f_no_args": return k.call("f")
        case "nested_head": return Expr(head: k.call("Derivative", .integer(1)), [k.sym("f")])
        case "list_123": return k.list(.integer(1), .integer(2), .integer(3))
        case "list_mixed": return k.list(.integer(1), .real(2.5), .string("a"))
        case "complex_scalar": return .complex(.real(1), .real(-2))
        case "rational": return .rational(1, 3)
        case "np_int64_2x3_default": return k.numericArray(packed(integers: [0, 1, 2, 3, 4, 5], [2, 3]), "Integer64")
        case "np_int64_2x3_packed": return packed(integers: [0, 1, 2, 3, 4, 5], [2, 3])
        case "np_float64_default": return k.numericArray(packed(reals: [0.5, 1.5, -2]), "Real64")
        case "np_float64_packed": return packed(reals: [0.5, 1.5, -2])
        case "np_complex128_default": return k.numericArray(packed(complexes: [(1, 2), (3, -4)]), "ComplexReal64")
        case "np_complex128_packed": return packed(complexes: [(1, 2), (3, -4)])
        case "np_float32_default": return k.numericArray(packed(reals: [1, 2]), "Real32")
        case "np_uint8_default": return k.numericArray(packed(integers: [0, 255]), "UnsignedInteger8")
        case "np_uint8_packed": return packed(integers: [0, 255])
        case "np_int8_3d": return k.numericArray(packed(integers: Array(0..<8), [2, 2, 2]), "Integer8")
        case "py_PackedArray_int32": return packed(integers: [1, 2, 3])
        case "py_NumericArray_uint16": return k.numericArray(packed(integers: [1, 2, 3]), "UnsignedInteger16")
        case "assoc_a_1": return k.association(k.rule(.string("a"), .integer(1)))
        case "assoc_nested":
            return k.association(k.rule(.string("a"), k.list(.integer(1), .integer(2))),
                                 k.rule(.integer(1), k.association(k.rule(.string("b"), .symbol(k.system.Null)))))
        case "rule_a_1": return k.rule(k.sym("a"), .integer(1))
        case "ruledelayed_a_1": return k.rule(k.sym("a"), .integer(1), delayed: true)
        case "list_of_rules":
            return k.list(k.rule(.string("a"), .integer(1)), k.rule(.string("b"), .integer(2)))
        case "compressed_int_1": return .integer(1)
        case "compressed_f_x_1": return k.call("f", k.sym("x"), .integer(1))
        case "compressed_list_123": return k.list(.integer(1), .integer(2), .integer(3))
        case "compressed_np_float64_default": return k.numericArray(packed(reals: [0.5, 1.5, -2]), "Real64")
        case "assoc_ruledelayed_handmade": return k.association(k.rule(.string("a"), .integer(1), delayed: true))
        case "packed_range3_handmade": return packed(integers: [1, 2, 3])
        case "bigreal_handmade": return .real(10)
        default: return nil
        }
    }

    static let vectors = Vector.load() ?? []

    @Test func allFiftyTwoVectorsArePresentAndKnown() throws {
        if Vector.load() == nil {
            try Test.cancel("shared/spec/wxf-vectors.json not found at \(Vector.path.path): vector tests skipped")
        }
        #expect(Self.vectors.count == 52)
        let k = Kernel()
        for vector in Self.vectors {
            #expect(Self.expected(vector.name, k) != nil, "no expected value for vector \(vector.name)")
        }
    }

    @Test(arguments: vectors)
    func decodesToTheExpectedValue(_ vector: Vector) throws {
        let k = Kernel()
        let expected = try #require(Self.expected(vector.name, k))
        let decoded = try k.decode(vector.bytes)
        #expect(decoded == expected, "\(vector.name): \(vector.note)")
    }

    @Test(arguments: vectors)
    func encodesBackToTheSameBytesWhereCanonical(_ vector: Vector) throws {
        let k = Kernel()
        let expected = try #require(Self.expected(vector.name, k))
        let written = k.encode(expected, compress: vector.name.hasPrefix("compressed_"))
        if Self.notCanonical[vector.name] != nil {
            // Still readable, and to the same value.
            #expect(try k.decode(written) == expected)
        } else {
            #expect(hex(written) == hex(vector.bytes), "\(vector.name): \(vector.note)")
        }
    }
}
