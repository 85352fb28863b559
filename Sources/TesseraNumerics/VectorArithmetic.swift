// Elementwise Plus, Subtract, Times, Divide and Power on packed arrays and scalars.
//
// These are the fast paths of Listable arithmetic: the builtins layer calls them when both operands
// are packed arrays (or machine scalars) so that the result stays packed. Shapes follow Listable
// threading: equal dimensions combine element by element, a scalar combines with every element,
// and an array whose dimensions are a prefix of the other's combines each of its elements with the
// matching sub-array ({1, 2} + {{a, b}, {c, d}} = {{1 + a, 1 + b}, {2 + c, 2 + d}}).
//
// Types follow numeric contagion: integer op integer is integer, with real it is real, with complex
// it is complex. The result must be exactly what Mathematica computes, or the kernel declines:
// - integer overflow throws `integerOverflow` (the caller redoes it in big integers);
// - integer division that is not exact (7/2 is a Rational), x/0, 0^0, a negative integer power
//   of an integer other than +-1, a real result that is infinite or NaN (1./0., Overflow), and a
//   real power that is complex ((-8.)^(1/3)) all throw `notRepresentable`: the caller's general
//   path produces the rational, the complex number or the message.
// Non-finite detection is folded into each loop as an integer test on the exponent bits, so it
// costs no extra pass and does not stop vectorisation.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage

/// The binary arithmetic operations.
public enum BinaryOperation: Sendable, CaseIterable {
    case add, subtract, multiply, divide, power
}

/// A packed array or a machine scalar.
public enum Operand: Sendable {
    case array(PackedArray)
    case scalar(PackedScalar)

    public var type: PackedType {
        switch self {
        case .array(let array): return array.type
        case .scalar(let scalar): return scalar.type
        }
    }

    var dimensions: [Int] {
        if case .array(let array) = self { return array.dimensions }
        return []
    }
}

/// Elementwise kernels over packed arrays.
public enum Elementwise {
    /// `lhs op rhs` with Listable threading and numeric contagion (see the file comment).
    public static func binary(_ operation: BinaryOperation, _ lhs: Operand,
                              _ rhs: Operand) throws(NumericsError) -> PackedArray {
        try binary(operation, lhs, rhs, into: nil)
    }

    /// `lhs op rhs` written into `output`, which must have the result's type and dimensions (for
    /// example an operand the caller no longer needs, so that a chain like a + b + c does not fault
    /// in a fresh result each time). The caller must own `output` uniquely; elementwise reading and
    /// writing of the same index make it safe for `output` to be one of the operands. When the kernel
    /// throws, `output` may be partly written.
    public static func binary(_ operation: BinaryOperation, _ lhs: Operand, _ rhs: Operand,
                              into output: PackedArray?) throws(NumericsError) -> PackedArray {
        let layout = try BroadcastLayout(lhs.dimensions, rhs.dimensions)
        let type = Promotion.commonType(lhs.type, rhs.type)
        let result: PackedArray
        if let output {
            guard output.type == type, output.dimensions == layout.resultDimensions, output.buffer.isWritable else {
                throw .invalidArgument("the output array must be writable with type \(type) and dimensions \(layout.resultDimensions)")
            }
            result = output
        } else {
            result = try allocateUninitialized(type, layout.resultDimensions)
        }
        switch type {
        case .integer:
            let a = integerSource(lhs), b = integerSource(rhs)
            let out = result.integers.baseAddress!
            try layout.forEachBlock(a, b) { (x, y, offset, count) throws(NumericsError) in
                try integerKernel(operation, x, y, out + offset, count)
            }
        case .real:
            try withRealSource(lhs) { (a) throws(NumericsError) in
                try withRealSource(rhs) { (b) throws(NumericsError) in
                    let out = result.reals.baseAddress!
                    try layout.forEachBlock(a, b) { (x, y, offset, count) throws(NumericsError) in
                        try realKernel(operation, x, y, out + offset, count)
                    }
                }
            }
        case .complex:
            try withComplexSource(lhs) { (a) throws(NumericsError) in
                try withComplexSource(rhs) { (b) throws(NumericsError) in
                    let out = result.complexes.baseAddress!
                    try layout.forEachBlock(a, b) { (x, y, offset, count) throws(NumericsError) in
                        try complexKernel(operation, x, y, out + offset, count)
                    }
                }
            }
        }
        return result
    }

    /// Two arrays.
    public static func binary(_ operation: BinaryOperation, _ lhs: PackedArray,
                              _ rhs: PackedArray) throws(NumericsError) -> PackedArray {
        try binary(operation, .array(lhs), .array(rhs))
    }

    /// An array and a scalar on the right (`v + 1`, `v^2`).
    public static func binary(_ operation: BinaryOperation, _ lhs: PackedArray,
                              _ rhs: PackedScalar) throws(NumericsError) -> PackedArray {
        try binary(operation, .array(lhs), .scalar(rhs))
    }

    /// A scalar on the left and an array (`1 - v`, `2^v`).
    public static func binary(_ operation: BinaryOperation, _ lhs: PackedScalar,
                              _ rhs: PackedArray) throws(NumericsError) -> PackedArray {
        try binary(operation, .scalar(lhs), .array(rhs))
    }
}

// MARK: Shapes

/// How two operands line up: equal shapes, or the shorter shape a prefix of the longer one.
struct BroadcastLayout {
    let resultDimensions: [Int]
    /// True when lhs is the operand with the shorter (prefix) shape.
    let lhsIsShort: Bool
    /// Number of elements of the short operand, and of the long operand per short element.
    let outer: Int
    let block: Int

    init(_ lhs: [Int], _ rhs: [Int]) throws(NumericsError) {
        lhsIsShort = lhs.count <= rhs.count
        let (short, long) = lhsIsShort ? (lhs, rhs) : (rhs, lhs)
        guard Array(long.prefix(short.count)) == short else { throw .shapeMismatch(left: lhs, right: rhs) }
        resultDimensions = long
        outer = short.reduce(1, *)
        let total = long.reduce(1, *)
        block = outer == 0 ? 0 : total / outer
    }

    /// Calls `body(lhs, rhs, resultOffset, count)` for each run of the result: one run when the
    /// shapes are equal or the short side has a single element, one run per short element otherwise.
    func forEachBlock<T>(_ lhs: Source<T>, _ rhs: Source<T>,
                         _ body: (Source<T>, Source<T>, Int, Int) throws(NumericsError) -> Void) throws(NumericsError) {
        if block == 0 { return }
        if block == 1 {
            try body(lhs, rhs, 0, outer)
            return
        }
        let (short, long) = lhsIsShort ? (lhs, rhs) : (rhs, lhs)
        for i in 0..<outer {
            let element = short.element(i), run = long.advanced(by: i * block)
            try body(lhsIsShort ? element : run, lhsIsShort ? run : element, i * block, block)
        }
    }
}

/// One operand in the working type: a pointer to all elements, or a scalar.
enum Source<T> {
    case elements(UnsafePointer<T>)
    case value(T)

    /// Element i as a value (the short operand of a broadcast).
    @inline(__always)
    func element(_ i: Int) -> Source<T> {
        if case .elements(let pointer) = self { return .value(pointer[i]) }
        return self
    }

    /// The elements from `offset` on (the long operand of a broadcast).
    @inline(__always)
    func advanced(by offset: Int) -> Source<T> {
        if case .elements(let pointer) = self { return .elements(pointer + offset) }
        return self
    }
}

func integerSource(_ operand: Operand) -> Source<Int> {
    switch operand {
    case .array(let array): return .elements(UnsafePointer(array.integers.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!))
    case .scalar(let scalar):
        if case .integer(let value) = scalar { return .value(value) }
        return .value(0)
    }
}

func withRealSource<R>(_ operand: Operand,
                       _ body: (Source<Double>) throws(NumericsError) -> R) throws(NumericsError) -> R {
    switch operand {
    case .scalar(let scalar): return try body(.value(scalar.realValue ?? 0))
    case .array(let array):
        if array.count == 0 { return try body(.value(0)) }
        return try withReals(array) { (x) throws(NumericsError) in try body(.elements(x.baseAddress!)) }
    }
}

func withComplexSource<R>(_ operand: Operand,
                          _ body: (Source<ComplexDouble>) throws(NumericsError) -> R) throws(NumericsError) -> R {
    switch operand {
    case .scalar(let scalar): return try body(.value(scalar.complexValue))
    case .array(let array):
        if array.count == 0 { return try body(.value(ComplexDouble(0, 0))) }
        return try withComplexes(array) { (x) throws(NumericsError) in try body(.elements(x.baseAddress!)) }
    }
}

/// out[i] = f(a[i], b[i]) over `count` elements, with a separate loop for each operand kind so that
/// each loop is a simple, vectorisable one.
@inline(__always)
func apply<T, R>(_ a: Source<T>, _ b: Source<T>, _ out: UnsafeMutablePointer<R>, _ count: Int,
                 _ f: (T, T) -> R) {
    switch (a, b) {
    case (.elements(let x), .elements(let y)): for i in 0..<count { out[i] = f(x[i], y[i]) }
    case (.elements(let x), .value(let y)): for i in 0..<count { out[i] = f(x[i], y) }
    case (.value(let x), .elements(let y)): for i in 0..<count { out[i] = f(x, y[i]) }
    case (.value(let x), .value(let y)): let r = f(x, y); for i in 0..<count { out[i] = r }
    }
}

// MARK: Integer kernels

func integerKernel(_ operation: BinaryOperation, _ a: Source<Int>, _ b: Source<Int>,
                   _ out: UnsafeMutablePointer<Int>, _ count: Int) throws(NumericsError) {
    var flags = 0
    switch operation {
    case .add:
        apply(a, b, out, count) { x, y in
            let r = x &+ y
            flags |= (x ^ r) & (y ^ r)  // negative iff the signs of x and y agree and r's differs
            return r
        }
        if flags < 0 { throw .integerOverflow }
    case .subtract:
        apply(a, b, out, count) { x, y in
            let r = x &- y
            flags |= (x ^ y) & (x ^ r)
            return r
        }
        if flags < 0 { throw .integerOverflow }
    case .multiply:
        apply(a, b, out, count) { x, y in
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            flags |= overflow ? 1 : 0
            return r
        }
        if flags != 0 { throw .integerOverflow }
    case .divide:
        // Exact quotients only: anything else is a Rational (or ComplexInfinity for x/0).
        apply(a, b, out, count) { x, y in
            if y == 0 { flags |= 2; return 0 }
            if y == -1 { if x == .min { flags |= 1 }; return 0 &- x }
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            if r != 0 { flags |= 2 }
            return q
        }
        if flags & 2 != 0 { throw .notRepresentable }
        if flags & 1 != 0 { throw .integerOverflow }
    case .power:
        apply(a, b, out, count) { x, y in
            switch integerPower(x, y) {
            case .value(let r): return r
            case .overflow: flags |= 1; return 0
            case .notInteger: flags |= 2; return 0
            }
        }
        if flags & 2 != 0 { throw .notRepresentable }
        if flags & 1 != 0 { throw .integerOverflow }
    }
}

enum IntegerPowerResult { case value(Int), overflow, notInteger }

/// x^y for machine integers: exact for y >= 0 (0^0 is Indeterminate), and for y < 0 only when x is
/// +-1 (otherwise a Rational, or ComplexInfinity for 0^-n).
@inline(__always)
func integerPower(_ x: Int, _ y: Int) -> IntegerPowerResult {
    if y < 0 {
        if x == 1 { return .value(1) }
        if x == -1 { return .value(y & 1 == 0 ? 1 : -1) }
        return .notInteger
    }
    if y == 0 { return x == 0 ? .notInteger : .value(1) }
    var result = 1, base = x, exponent = y
    while true {
        if exponent & 1 == 1 {
            let (r, o) = result.multipliedReportingOverflow(by: base)
            if o { return .overflow }
            result = r
        }
        exponent >>= 1
        if exponent == 0 { return .value(result) }
        let (b, o) = base.multipliedReportingOverflow(by: base)
        if o { return .overflow }
        base = b
    }
}

// MARK: Real kernels

/// 1 when x is infinite or NaN (all exponent bits set), as an integer for branch-free OR-ing.
@inline(__always)
func nonFiniteBit(_ x: Double) -> UInt64 {
    (x.bitPattern & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000 ? 1 : 0
}

func realKernel(_ operation: BinaryOperation, _ a: Source<Double>, _ b: Source<Double>,
                _ out: UnsafeMutablePointer<Double>, _ count: Int) throws(NumericsError) {
    var flags: UInt64 = 0
    switch operation {
    case .add:
        apply(a, b, out, count) { x, y in let r = x + y; flags |= nonFiniteBit(r); return r }
    case .subtract:
        apply(a, b, out, count) { x, y in let r = x - y; flags |= nonFiniteBit(r); return r }
    case .multiply:
        apply(a, b, out, count) { x, y in let r = x * y; flags |= nonFiniteBit(r); return r }
    case .divide:
        apply(a, b, out, count) { x, y in let r = x / y; flags |= nonFiniteBit(r); return r }
    case .power:
        if case .value(let y) = b, y == 2 {
            apply(a, b, out, count) { x, _ in let r = x * x; flags |= nonFiniteBit(r); return r }
        } else {
            apply(a, b, out, count) { x, y in
                // A negative base with a non-integer exponent is complex; 0^0 is Indeterminate.
                if (x < 0 && y != y.rounded()) || (x == 0 && y == 0) { flags |= 1 }
                let r = pow(x, y)
                flags |= nonFiniteBit(r)
                return r
            }
        }
    }
    if flags != 0 { throw .notRepresentable }
}

// MARK: Complex kernels

func complexKernel(_ operation: BinaryOperation, _ a: Source<ComplexDouble>, _ b: Source<ComplexDouble>,
                   _ out: UnsafeMutablePointer<ComplexDouble>, _ count: Int) throws(NumericsError) {
    var flags: UInt64 = 0
    @inline(__always) func checked(_ z: ComplexDouble) -> ComplexDouble {
        flags |= nonFiniteBit(z.re) | nonFiniteBit(z.im)
        return z
    }
    switch operation {
    case .add: apply(a, b, out, count) { x, y in checked(x + y) }
    case .subtract: apply(a, b, out, count) { x, y in checked(x - y) }
    case .multiply: apply(a, b, out, count) { x, y in checked(x * y) }
    case .divide: apply(a, b, out, count) { x, y in checked(x / y) }
    case .power:
        apply(a, b, out, count) { x, y in
            if x.re == 0 && x.im == 0 && y.re <= 0 { flags |= 1 }  // 0^0 Indeterminate, 0^-1 ComplexInfinity
            return checked(ComplexDouble.power(x, y))
        }
    }
    if flags != 0 { throw .notRepresentable }
}
