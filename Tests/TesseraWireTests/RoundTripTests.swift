// Property tests: random nested expressions, from a seeded generator, read back to themselves, plain and
// compressed, and the writer and reader agree on streams of several messages.

import BigInt
import Testing
import TesseraExpr
import TesseraStorage
@testable import TesseraWire

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so failures replay exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random expressions of every kind WXF carries.
struct ExpressionGenerator {
    var random: SplitMix64
    let k: Kernel
    let names = ["x", "f", "Global`y", "Developer`PackedArrayQ", "Pi", "List", "Plus", "Rule", "α", "$Context", "My`Deep`name"]

    /// Only what every peer reads back unambiguously: no NaN, symbol heads, unique string keys (a
    /// Python dict merges the keys 1, 1.0 and True, which WL keeps apart).
    let interopSafe: Bool
    var keyCount = 0

    init(seed: UInt64, kernel: Kernel, interopSafe: Bool = false) {
        random = SplitMix64(seed: seed)
        k = kernel
        self.interopSafe = interopSafe
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func machineInteger() -> Int {
        switch int(0...5) {
        case 0: return int(-128...127)
        case 1: return int(-40_000...40_000)
        case 2: return int(Int(Int32.min)...Int(Int32.max))
        case 3: return [Int.min, Int.max, 0, -1, 128, -129, 32768, -32769][int(0...7)]
        default: return Int(bitPattern: UInt(random.next()))
        }
    }

    mutating func bigInteger() -> BigInt {
        var value = BigInt(Int(bitPattern: UInt(random.next())))
        for _ in 0..<int(1...6) { value = value << 64 + BigInt(random.next()) }
        return chance(50) ? -value : value
    }

    mutating func real() -> Double {
        let value: Double
        switch int(0...4) {
        case 0: value = Double(int(-1000...1000)) / 8
        case 1: value = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude][int(0...6)]
        default: value = Double(bitPattern: random.next())
        }
        return interopSafe && value.isNaN ? 0.25 : value
    }

    mutating func string() -> String {
        let pieces = ["a", "é", "日本", "🙂", "\u{0}", " ", "\"", "\\", "z"]
        return (0..<int(0...12)).map { _ in pieces[int(0...pieces.count - 1)] }.joined()
    }

    mutating func atom() -> Expr {
        switch int(0...9) {
        case 0, 1: return .integer(machineInteger())
        case 2: return .integer(bigInteger())
        case 3:
            let denominator = BigInt(int(2...1_000_000))
            return Expr.rational(bigInteger(), over: denominator)!
        case 4: return .real(real())
        case 5:
            if chance(50) { return .complex(.real(real()), .real(real())) }
            return .complex(.integer(machineInteger()), .integer(int(1...50)))
        case 6: return .string(string())
        case 7: return .byteArray((0..<int(0...20)).map { _ in UInt8(int(0...255)) })
        default: return k.sym(names[int(0...names.count - 1)])
        }
    }

    mutating func dimensions() -> [Int] {
        (0..<int(1...3)).map { _ in int(1...5) }
    }

    mutating func packedArray() -> Expr {
        let dimensions = dimensions()
        let count = dimensions.reduce(1, *)
        switch int(0...2) {
        case 0:
            let spread = [100, 30_000, 2_000_000_000, Int.max][int(0...3)]
            return packed(integers: (0..<count).map { _ in int(-spread...spread) }, dimensions)
        case 1: return packed(reals: (0..<count).map { _ in real() }, dimensions)
        default: return packed(complexes: (0..<count).map { _ in (real(), real()) }, dimensions)
        }
    }

    mutating func numericArray() -> Expr {
        let type = WXFElementType.allCases[int(0...WXFElementType.allCases.count - 1)]
        let dimensions = dimensions()
        let count = dimensions.reduce(1, *)
        let data: Expr
        switch type.packedType {
        case .integer:
            let range = type.integerRange
            data = packed(integers: (0..<count).map { _ in int(range) }, dimensions)
        case .real:
            // Real32 data must be exactly representable to survive the narrowing.
            let step = type == .real32 ? 0.5 : 0.1
            data = packed(reals: (0..<count).map { Double($0) * step }, dimensions)
        case .complex:
            data = packed(complexes: (0..<count).map { (Double($0), type == .complexReal32 ? 0.25 : 0.3) }, dimensions)
        }
        return k.numericArray(data, type.name)
    }

    mutating func key() -> Expr {
        keyCount += 1
        return .string("key\(keyCount)")
    }

    /// A random expression at most `depth` levels deep.
    mutating func expression(depth: Int) -> Expr {
        if depth == 0 || chance(30) { return chance(90) ? atom() : packedArray() }
        switch int(0...9) {
        case 0: return packedArray()
        case 1: return numericArray()
        case 2:
            let rules = (0..<int(0...4)).map { _ in
                k.rule(interopSafe ? key() : atom(), expression(depth: depth - 1), delayed: chance(30))
            }
            return Expr(k.system.Association, rules)
        case 3: return k.rule(expression(depth: depth - 1), expression(depth: depth - 1), delayed: chance(50))
        case 4 where !interopSafe:
            let head = expression(depth: depth - 1)
            return Expr(head: head, (0..<int(0...3)).map { _ in expression(depth: depth - 1) })
        default:
            let head = k.sym(names[int(0...names.count - 1)])
            return Expr(head: head, (0..<int(0...5)).map { _ in expression(depth: depth - 1) })
        }
    }
}

@Suite struct RoundTripTests {
    @Test(arguments: 0..<40)
    func randomExpressionsReadBackToThemselves(seed: Int) throws {
        let k = Kernel()
        var generator = ExpressionGenerator(seed: UInt64(seed), kernel: k)
        for _ in 0..<25 {
            let expression = generator.expression(depth: 5)
            let plain = k.encode(expression)
            #expect(try k.decode(plain) == expression, "seed \(seed)")
            let compressed = k.encode(expression, compress: true)
            #expect(try k.decode(compressed) == expression, "seed \(seed), compressed")
            // Writing what was read gives the same bytes: one spelling per expression.
            #expect(k.encode(try k.decode(plain)) == plain, "seed \(seed)")
        }
    }

    @Test func aFreshSymbolTableReadsTheSameNames() throws {
        let writer = Kernel()
        var generator = ExpressionGenerator(seed: 99, kernel: writer)
        for _ in 0..<50 {
            let expression = generator.expression(depth: 4)
            let bytes = writer.encode(expression)
            let reader = Kernel()
            let read = try reader.decode(bytes)
            #expect(reader.encode(read) == bytes)
        }
    }

    /// Compared by their bytes: `Expr ==` recurses, and a test thread's stack is small.
    @Test func deepExpressionsAreWrittenAndReadWithoutRecursion() throws {
        let k = Kernel()
        var nested = Expr.integer(0)
        for _ in 0..<10_000 { nested = k.call("f", nested) }
        var nestedHeads = k.sym("g")
        for _ in 0..<10_000 { nestedHeads = Expr(head: nestedHeads, [.integer(1)]) }
        var limits = WXFLimits()
        limits.maxDepth = 10_000
        for expression in [nested, nestedHeads] {
            let bytes = k.encode(expression)
            #expect(k.encode(try k.decode(bytes, limits: limits)) == bytes)
            limits.maxDepth = 9_999
            #expect(throws: WXFError.self) { try k.decode(bytes, limits: limits) }
            limits.maxDepth = 10_000
        }
    }

    @Test func aReaderTakesMessagesOneAfterAnother() throws {
        let k = Kernel()
        let expressions = [k.call("f", .integer(1)), packed(reals: [1, 2]), .string("last")]
        var writer = WXFWriter(symbols: k.symbols)
        for expression in expressions {
            writer.writeHeader()
            writer.write(expression)
        }
        let stream = writer.bytes
        writer.reset()
        #expect(writer.bytes.isEmpty && writer.bytes.capacity >= stream.count)
        try stream.withUnsafeBytes { (raw) throws in
            var reader = WXFReader(raw, symbols: k.symbols)
            for expression in expressions {
                #expect(try reader.readHeader() == .plain)
                #expect(try reader.readExpression() == expression)
            }
            #expect(reader.isAtEnd)
        }
    }

    @Test func aTruncatedMessageLeavesTheReaderWhereItWas() throws {
        let k = Kernel()
        let whole = k.encode(k.call("f", .string("abc"), packed(integers: [1, 2, 3])))
        for cut in 2..<whole.count {
            try Array(whole[..<cut]).withUnsafeBytes { (raw) throws in
                var reader = WXFReader(raw, symbols: k.symbols)
                _ = try reader.readHeader()
                let before = reader.offset
                #expect(throws: WXFError.self) { try reader.readExpression() }
                #expect(reader.offset == before)
            }
        }
    }
}

// MARK: Substitution hooks

/// Stands every packed array of 100 elements or more in for `Tessera`Stored[n]`, keeping the arrays in a
/// table: what the parallel toolkit does with shared-memory handles.
final class ArrayStore: WXFArraySubstitutionEncoder, WXFArraySubstitutionDecoder {
    let k: Kernel
    var arrays: [PackedArray] = []
    init(_ k: Kernel) { self.k = k }

    func substitute(for array: PackedArray) -> Expr? {
        guard array.count >= 100 else { return nil }
        arrays.append(array)
        return k.call("Tessera`Stored", .integer(arrays.count - 1))
    }

    var markerHead: String { "Tessera`Stored" }

    func resolve(_ arguments: [Expr]) throws(WXFError) -> Expr {
        guard arguments.count == 1, case .integer(let index) = arguments[0], arrays.indices.contains(index) else {
            throw .substitutionFailed("no stored array")
        }
        return .packed(arrays[index])
    }
}

@Suite struct SubstitutionTests {
    @Test func largeArraysTravelAsHandles() throws {
        let k = Kernel()
        let store = ArrayStore(k)
        let big = packed(reals: (0..<1000).map(Double.init))
        let small = packed(integers: [1, 2, 3])
        let expression = k.list(big, small, k.call("f", big))
        let bytes = WXF.encode(expression, symbols: k.symbols, arraySubstitution: store)
        #expect(bytes.count < 200)
        #expect(store.arrays.count == 2)
        #expect(try WXF.decode(bytes, symbols: k.symbols, arraySubstitution: store) == expression)
        // Without the decoder the handles are plain expressions.
        let plain = try WXF.decode(bytes, symbols: k.symbols)
        #expect(plain == k.list(k.call("Tessera`Stored", .integer(0)), small, k.call("f", k.call("Tessera`Stored", .integer(1)))))
    }

    @Test func aRefusedHandleFailsTheMessage() throws {
        let k = Kernel()
        let store = ArrayStore(k)
        let bytes = k.encode(k.call("Tessera`Stored", .integer(5)))
        #expect(throws: WXFError.substitutionFailed("no stored array")) {
            try WXF.decode(bytes, symbols: k.symbols, arraySubstitution: store)
        }
    }
}
