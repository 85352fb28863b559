// Elementwise arithmetic: results, type promotion, Listable threading shapes, and every way a fast
// path must decline (integer overflow, inexact division, non-finite or complex results).

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraStorage
@testable import TesseraNumerics

@Suite struct VectorArithmeticTests {
    let ints = try! PackedArray(integers: [1, -2, 3, 4])
    let reals = try! PackedArray(reals: [0.5, 1.5, -2, 4])

    @Test func integerArithmeticStaysInteger() throws {
        let sum = try Elementwise.binary(.add, ints, ints)
        #expect(sum.type == .integer && sum.integerArray == [2, -4, 6, 8])
        #expect(try Elementwise.binary(.subtract, ints, .integer(1)).integerArray == [0, -3, 2, 3])
        #expect(try Elementwise.binary(.subtract, .integer(1), ints).integerArray == [0, 3, -2, -3])
        #expect(try Elementwise.binary(.multiply, ints, ints).integerArray == [1, 4, 9, 16])
        #expect(try Elementwise.binary(.divide, try PackedArray(integers: [4, -6, 0]), .integer(2)).integerArray == [2, -3, 0])
        #expect(try Elementwise.binary(.power, ints, .integer(3)).integerArray == [1, -8, 27, 64])
        #expect(try Elementwise.binary(.power, .integer(-1), try PackedArray(integers: [-3, -2, 0, 5])).integerArray == [-1, 1, 1, -1])
    }

    @Test(arguments: [
        (BinaryOperation.add, Int.max, 1), (.add, Int.min, -1), (.subtract, Int.min, 1), (.subtract, 0, Int.min),
        (.multiply, 1 << 32, 1 << 31), (.multiply, -(1 << 32), 1 << 31 + 1), (.divide, Int.min, -1), (.power, 3, 40),
        (.power, 2, 63),
    ])
    func integerOverflowIsReported(_ operation: BinaryOperation, _ x: Int, _ y: Int) throws {
        let a = try PackedArray(integers: [0, x]), b = try PackedArray(integers: [1, y])
        #expect(throws: NumericsError.integerOverflow) { try Elementwise.binary(operation, a, b) }
    }

    @Test func integerResultsAtTheEdgeAreExact() throws {
        #expect(try Elementwise.binary(.power, .integer(2), try PackedArray(integers: [62])).integerArray == [1 << 62])
        #expect(try Elementwise.binary(.power, .integer(-2), try PackedArray(integers: [63])).integerArray == [Int.min])
        #expect(try Elementwise.binary(.add, .integer(Int.min), try PackedArray(integers: [Int.max])).integerArray == [-1])
        #expect(try Elementwise.binary(.multiply, .integer(-1), try PackedArray(integers: [Int.max])).integerArray == [-Int.max])
    }

    @Test(arguments: [(BinaryOperation.divide, 7, 2), (.divide, 1, 0), (.power, 2, -1), (.power, 0, 0), (.power, 0, -2)])
    func inexactIntegerResultsAreDeclined(_ operation: BinaryOperation, _ x: Int, _ y: Int) throws {
        #expect(throws: NumericsError.notRepresentable) {
            try Elementwise.binary(operation, try PackedArray(integers: [x]), try PackedArray(integers: [y]))
        }
    }

    @Test func mixedIntegerAndRealIsReal() throws {
        let r = try Elementwise.binary(.add, ints, reals)
        #expect(r.type == .real && r.realArray == [1.5, -0.5, 1, 8])
        #expect(try Elementwise.binary(.divide, ints, .real(2)).realArray == [0.5, -1, 1.5, 2])
        #expect(try Elementwise.binary(.power, reals, .integer(2)).realArray == [0.25, 2.25, 4, 16])
        #expect(try Elementwise.binary(.power, .real(2), ints).realArray == [2, 0.25, 8, 16])
    }

    @Test func realFastPathsDeclineNonFiniteAndComplexResults() throws {
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.divide, reals, .real(0)) }
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.multiply, reals, .real(1e308 * 10)) }
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.multiply, try PackedArray(reals: [1e300]), .real(1e300)) }
        // (-2.)^0.5 is complex; (-2.)^3. is real.
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.power, reals, .real(0.5)) }
        #expect(try Elementwise.binary(.power, try PackedArray(reals: [-2]), .real(3)).realArray == [-8])
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.power, try PackedArray(reals: [0]), .real(0)) }
    }

    @Test func complexArithmetic() throws {
        let z = try PackedArray(complexes: [ComplexDouble(1, 1), ComplexDouble(0, 2)])
        #expect(try Elementwise.binary(.multiply, z, z).complexArray == [ComplexDouble(0, 2), ComplexDouble(-4, 0)])
        #expect(try Elementwise.binary(.add, z, .integer(1)).complexArray == [ComplexDouble(2, 1), ComplexDouble(1, 2)])
        #expect(try Elementwise.binary(.divide, .real(1), z).complexArray == [ComplexDouble(0.5, -0.5), ComplexDouble(0, -0.5)])
        // (1 + I)^2 = 2 I exactly, as in Mathematica; Sqrt by power 1/2.
        #expect(try Elementwise.binary(.power, z, .integer(2)).complexArray == [ComplexDouble(0, 2), ComplexDouble(-4, 0)])
        let root = try Elementwise.binary(.power, try PackedArray(complexes: [ComplexDouble(-4, 0)]), .real(0.5)).complexArray
        #expect(maxAbsDifference(root, [ComplexDouble(0, 2)]) < 1e-15)
        // Real array with a complex scalar promotes.
        #expect(try Elementwise.binary(.multiply, reals, .complex(ComplexDouble(0, 1))).complexArray[1] == ComplexDouble(0, 1.5))
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.binary(.divide, z, .integer(0)) }
        #expect(throws: NumericsError.notRepresentable) {
            try Elementwise.binary(.power, try PackedArray(complexes: [ComplexDouble(0, 0)]), .integer(0))
        }
    }

    @Test func listableThreadingOfAPrefixShape() throws {
        // {10, 20} + {{1, 2, 3}, {4, 5, 6}} = {{11, 12, 13}, {24, 25, 26}}
        let v = try PackedArray(integers: [10, 20])
        let m = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [2, 3])
        let r = try Elementwise.binary(.add, v, m)
        #expect(r.dimensions == [2, 3] && r.integerArray == [11, 12, 13, 24, 25, 26])
        #expect(try Elementwise.binary(.subtract, m, v).integerArray == [-9, -8, -7, -16, -15, -14])
        #expect(throws: NumericsError.shapeMismatch(left: [3], right: [2, 3])) {
            try Elementwise.binary(.add, try PackedArray(integers: [1, 2, 3]), m)
        }
        let empty = try Elementwise.binary(.add, try PackedArray(reals: []), .real(1))
        #expect(empty.count == 0)
    }

    @Test func writingIntoAnOperand() throws {
        let a = try PackedArray(reals: [1, 2, 3]), b = try PackedArray(reals: [10, 20, 30])
        let result = try Elementwise.binary(.add, .array(a), .array(b), into: a)
        #expect(result.isSameStorage(as: a) && a.realArray == [11, 22, 33])
        #expect(throws: NumericsError.self) {
            try Elementwise.binary(.add, .array(a), .array(b), into: try PackedArray(integers: [0, 0, 0]))
        }
    }

    @Test func unaryMaps() throws {
        #expect(try Elementwise.unary(.negate, ints).integerArray == [-1, 2, -3, -4])
        #expect(try Elementwise.unary(.abs, ints).integerArray == [1, 2, 3, 4])
        #expect(throws: NumericsError.integerOverflow) { try Elementwise.unary(.negate, try PackedArray(integers: [Int.min])) }
        #expect(try Elementwise.unary(.sqrt, try PackedArray(reals: [4, 2.25])).realArray == [2, 1.5])
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.sqrt, reals) }
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.log, try PackedArray(reals: [0])) }
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.exp, try PackedArray(reals: [1000])) }
        #expect(try Elementwise.unary(.exp, try PackedArray(integers: [0])).realArray == [1])
        #expect(abs(try Elementwise.unary(.sin, try PackedArray(reals: [Double.pi / 2])).realArray[0] - 1) < 1e-16)
        #expect(try Elementwise.unary(.round, try PackedArray(reals: [0.5, 1.5, 2.5, -0.5, -1.7])).integerArray == [0, 2, 2, 0, -2])
        #expect(try Elementwise.unary(.floor, try PackedArray(reals: [1.5, -1.5])).integerArray == [1, -2])
        #expect(try Elementwise.unary(.ceiling, try PackedArray(reals: [1.5, -1.5])).integerArray == [2, -1])
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.round, try PackedArray(reals: [1e19])) }
        #expect(try Elementwise.unary(.im, reals).integerArray == [0, 0, 0, 0])
        #expect(try Elementwise.unary(.arg, try PackedArray(reals: [1, 0])).integerArray == [0, 0])
        #expect(try Elementwise.unary(.arg, try PackedArray(reals: [-1])).realArray == [Double.pi])
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.arg, reals) }
    }

    @Test func complexUnaryMaps() throws {
        let z = try PackedArray(complexes: [ComplexDouble(3, 4), ComplexDouble(-1, 0)])
        #expect(try Elementwise.unary(.abs, z).realArray == [5, 1])
        #expect(try Elementwise.unary(.re, z).realArray == [3, -1])
        #expect(try Elementwise.unary(.im, z).realArray == [4, 0])
        #expect(try Elementwise.unary(.conjugate, z).complexArray == [ComplexDouble(3, -4), ComplexDouble(-1, -0.0)])
        #expect(try Elementwise.unary(.arg, z).realArray[1] == Double.pi)
        let roots = try Elementwise.unary(.sqrt, z).complexArray
        #expect(maxAbsDifference(roots, [ComplexDouble(2, 1), ComplexDouble(0, 1)]) < 1e-15)
        let logs = try Elementwise.unary(.log, z).complexArray
        #expect(maxAbsDifference(logs, [ComplexDouble(log(5), atan2(4, 3)), ComplexDouble(0, Double.pi)]) < 1e-15)
        // Exp[Log[z]] == z, Sin^2 + Cos^2 == 1, Tan = Sin/Cos.
        let w = try PackedArray(complexes: [ComplexDouble(0.3, -0.7), ComplexDouble(1.2, 2.5), ComplexDouble(0.1, 30)])
        let expLog = try Elementwise.unary(.exp, try Elementwise.unary(.log, w)).complexArray
        #expect(maxAbsDifference(expLog, w.complexArray) < 1e-14)
        let s = try Elementwise.unary(.sin, w).complexArray, c = try Elementwise.unary(.cos, w).complexArray
        let t = try Elementwise.unary(.tan, w).complexArray
        for i in 0..<2 {
            let one = s[i] * s[i] + c[i] * c[i]
            #expect(maxAbsDifference([one], [ComplexDouble(1, 0)]) < 1e-13)
            #expect(maxAbsDifference([t[i]], [s[i] / c[i]]) < 1e-14)
        }
        #expect(maxAbsDifference([t[2]], [ComplexDouble(0, 1)]) < 1e-15)
        #expect(throws: NumericsError.notRepresentable) { try Elementwise.unary(.round, z) }
    }

    @Test func comparisonsGiveMasksWithMachineTolerance() throws {
        let a = try PackedArray(reals: [1, 2, 3])
        let b = try PackedArray(reals: [1 + 1e-15, 2.5, 2])
        #expect(try Elementwise.compare(.equal, .array(a), .array(b)).integerArray == [1, 0, 0])
        #expect(try Elementwise.compare(.less, .array(a), .array(b)).integerArray == [0, 1, 0])
        #expect(try Elementwise.compare(.lessEqual, .array(a), .array(b)).integerArray == [1, 1, 0])
        #expect(try Elementwise.compare(.greater, .array(a), .scalar(.integer(2))).integerArray == [0, 0, 1])
        #expect(try Elementwise.compare(.greaterEqual, .array(a), .scalar(.integer(2))).integerArray == [0, 1, 1])
        #expect(try Elementwise.compare(.unequal, .array(ints), .scalar(.integer(3))).integerArray == [1, 1, 0, 1])
        // Integers compare exactly, even where reals would be "equal".
        let big = try PackedArray(integers: [1 << 60])
        #expect(try Elementwise.compare(.equal, .array(big), .scalar(.integer((1 << 60) + 1))).integerArray == [0])
        let z = try PackedArray(complexes: [ComplexDouble(1, 1)])
        #expect(try Elementwise.compare(.equal, .array(z), .scalar(.complex(ComplexDouble(1, 1)))).integerArray == [1])
        #expect(throws: NumericsError.unsupportedType(.complex)) { try Elementwise.compare(.less, .array(z), .scalar(.integer(0))) }
    }
}
