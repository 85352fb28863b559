// Total, Accumulate, Differences, Max, Min, and the reordering kernels (Transpose, Reverse, Rotate,
// parts by index).

import Testing
import TesseraStorage
@testable import TesseraNumerics

@Suite struct ReductionsTests {
    let m = try! PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [3, 2])

    @Test func totals() throws {
        #expect(try Reductions.total(m) == .integer(21))
        #expect(try #require(try Reductions.totalFirstLevel(m).array).integerArray == [9, 12])
        #expect(try Reductions.totalFirstLevel(try PackedArray(reals: [0.5, 0.25])).scalar == .real(0.75))
        let z = try PackedArray(complexes: [ComplexDouble(1, 2), ComplexDouble(3, -1)])
        #expect(try Reductions.total(z) == .complex(ComplexDouble(4, 1)))
        #expect(throws: NumericsError.integerOverflow) { try Reductions.total(try PackedArray(integers: [Int.max, 1])) }
        #expect(throws: NumericsError.integerOverflow) {
            try Reductions.totalFirstLevel(try PackedArray(integers: [Int.min, 0, -1, 0], dimensions: [2, 2]))
        }
        #expect(try Reductions.total(try PackedArray(integers: [Int.max, 1, -1])) == .integer(Int.max))
    }

    @Test(arguments: [0, 1, 7, 8, 9, 1000])
    func realTotalMatchesASimpleSum(_ n: Int) throws {
        var data = TestData(seed: UInt64(n))
        let x = data.reals(n)
        guard case .real(let total) = try Reductions.total(try PackedArray(reals: x)) else { Issue.record("real"); return }
        #expect(abs(total - x.reduce(0, +)) < 1e-12)
    }

    @Test func accumulateAndDifferences() throws {
        #expect(try Reductions.accumulate(try PackedArray(integers: [1, 2, 3])).integerArray == [1, 3, 6])
        #expect(try Reductions.accumulate(m).integerArray == [1, 2, 4, 6, 9, 12])
        #expect(try Reductions.accumulate(try PackedArray(reals: [0.5, 0.5])).realArray == [0.5, 1])
        #expect(throws: NumericsError.integerOverflow) { try Reductions.accumulate(try PackedArray(integers: [Int.max, 1])) }
        #expect(throws: NumericsError.integerOverflow) {
            try Reductions.accumulate(try PackedArray(integers: [0, Int.min, 0, -1], dimensions: [2, 2]))
        }
        let w = try PackedArray(complexes: [ComplexDouble(1, 2), ComplexDouble(3, -1), ComplexDouble(0, 1)])
        #expect(try Reductions.accumulate(w).complexArray == [ComplexDouble(1, 2), ComplexDouble(4, 1), ComplexDouble(4, 2)])
        let rm = try PackedArray(reals: [1, 2, 3, 4], dimensions: [2, 2])
        #expect(try Reductions.accumulate(rm).realArray == [1, 2, 4, 6])
        #expect(try Reductions.differences(try PackedArray(integers: [1, 4, 9, 16])).integerArray == [3, 5, 7])
        let d = try Reductions.differences(m)
        #expect(d.dimensions == [2, 2] && d.integerArray == [2, 2, 2, 2])
        #expect(try Reductions.differences(try PackedArray(reals: [1])).dimensions == [0])
        #expect(throws: NumericsError.integerOverflow) { try Reductions.differences(try PackedArray(integers: [Int.min, 1])) }
        let z = try Reductions.differences(try PackedArray(complexes: [ComplexDouble(1, 1), ComplexDouble(0, 3)]))
        #expect(z.complexArray == [ComplexDouble(-1, 2)])
    }

    @Test func maxAndMin() throws {
        #expect(try Reductions.max(m) == .integer(6))
        #expect(try Reductions.min(try PackedArray(reals: [3, -1.5, 2])) == .real(-1.5))
        #expect(throws: NumericsError.notRepresentable) { try Reductions.max(try PackedArray(reals: [])) }
        #expect(throws: NumericsError.unsupportedType(.complex)) { try Reductions.min(try PackedArray(complexes: [ComplexDouble(1, 0)])) }
    }
}

/// Reference transpose by the definition: result[r] = array[s] with s_k = r[perm[k]].
func referenceTranspose(_ values: [Int], _ dims: [Int], _ perm: [Int]) -> [Int] {
    let rank = dims.count
    var resultDims = dims
    for k in 0..<rank { resultDims[perm[k]] = dims[k] }
    var out = [Int](repeating: 0, count: values.count)
    for flat in 0..<values.count {
        var r = [Int](repeating: 0, count: rank), rest = flat
        for level in stride(from: rank - 1, through: 0, by: -1) { r[level] = rest % resultDims[level]; rest /= resultDims[level] }
        var source = 0
        for k in 0..<rank { source = source * dims[k] + r[perm[k]] }
        out[flat] = values[source]
    }
    return out
}

@Suite struct RearrangeTests {
    @Test(arguments: [
        ([3, 4], [1, 0]), ([1, 5], [1, 0]), ([37, 53], [1, 0]), ([2, 3, 4], [1, 0, 2]), ([2, 3, 4], [0, 2, 1]),
        ([2, 3, 4], [2, 0, 1]), ([2, 3, 4], [1, 2, 0]), ([2, 3, 4, 5], [3, 1, 0, 2]), ([2, 3, 4, 5], [0, 1, 3, 2]),
        ([4, 4], [0, 1]), ([2, 3, 4], [2, 1, 0]),
    ])
    func transposeMatchesTheDefinition(_ dims: [Int], _ perm: [Int]) throws {
        let values = Array(0..<dims.reduce(1, *))
        let expected = referenceTranspose(values, dims, perm)
        var expectedDims = dims
        for k in 0..<dims.count { expectedDims[perm[k]] = dims[k] }
        let ints = try Rearrange.transpose(try PackedArray(integers: values, dimensions: dims), permutation: perm)
        #expect(ints.dimensions == expectedDims && ints.integerArray == expected)
        let reals = try Rearrange.transpose(try PackedArray(reals: values.map(Double.init), dimensions: dims), permutation: perm)
        #expect(reals.realArray == expected.map(Double.init))
        let complexes = try Rearrange.transpose(try PackedArray(complexes: values.map { ComplexDouble(Double($0), 1) }, dimensions: dims), permutation: perm)
        #expect(complexes.complexArray == expected.map { ComplexDouble(Double($0), 1) })
    }

    @Test func defaultTransposeAndConjugateTranspose() throws {
        let m = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [2, 3])
        let t = try Rearrange.transpose(m)
        #expect(t.dimensions == [3, 2] && t.integerArray == [1, 4, 2, 5, 3, 6])
        // A permutation shorter than the rank leaves the other levels alone.
        let cube = try PackedArray(integers: Array(0..<24), dimensions: [2, 3, 4])
        #expect(try Rearrange.transpose(cube, permutation: [1, 0]).integerArray == referenceTranspose(Array(0..<24), [2, 3, 4], [1, 0, 2]))
        let z = try PackedArray(complexes: [ComplexDouble(1, 1), ComplexDouble(2, -2)], dimensions: [1, 2])
        #expect(try Rearrange.transpose(z, conjugate: true).complexArray == [ComplexDouble(1, -1), ComplexDouble(2, 2)])
        #expect(throws: NumericsError.self) { try Rearrange.transpose(m, permutation: [0, 0]) }
    }

    @Test func reverse() throws {
        let m = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [3, 2])
        #expect(try Rearrange.reverse(m).integerArray == [5, 6, 3, 4, 1, 2])
        #expect(try Rearrange.reverse(m, levels: [1]).integerArray == [2, 1, 4, 3, 6, 5])
        #expect(try Rearrange.reverse(m, levels: [0, 1]).integerArray == [6, 5, 4, 3, 2, 1])
        #expect(try Rearrange.reverse(try PackedArray(reals: [1, 2, 3])).realArray == [3, 2, 1])
        let cube = try PackedArray(integers: Array(0..<24), dimensions: [2, 3, 4])
        // Reverse[cube, 2]: the middle level reversed (blocks of 4 elements).
        let middle = try Rearrange.reverse(cube, levels: [1]).integerArray
        #expect(Array(middle[0..<4]) == [8, 9, 10, 11] && Array(middle[12..<16]) == [20, 21, 22, 23])
        let z = try PackedArray(complexes: [ComplexDouble(1, 0), ComplexDouble(2, 0)])
        #expect(try Rearrange.reverse(z).complexArray == [ComplexDouble(2, 0), ComplexDouble(1, 0)])
    }

    @Test func rotate() throws {
        let v = try PackedArray(integers: [1, 2, 3, 4, 5])
        #expect(try Rearrange.rotateLeft(v, by: [2]).integerArray == [3, 4, 5, 1, 2])
        #expect(try Rearrange.rotateRight(v, by: [1]).integerArray == [5, 1, 2, 3, 4])
        #expect(try Rearrange.rotateLeft(v, by: [-7]).integerArray == [4, 5, 1, 2, 3])
        #expect(try Rearrange.rotateLeft(v, by: [0]).integerArray == [1, 2, 3, 4, 5])
        // RotateLeft[{{1, 2, 3}, {4, 5, 6}}, {1, 1}] = {{5, 6, 4}, {2, 3, 1}}
        let m = try PackedArray(reals: [1, 2, 3, 4, 5, 6], dimensions: [2, 3])
        #expect(try Rearrange.rotateLeft(m, by: [1, 1]).realArray == [5, 6, 4, 2, 3, 1])
        #expect(try Rearrange.rotateLeft(m, by: [1]).realArray == [4, 5, 6, 1, 2, 3])
        #expect(try Rearrange.rotateRight(m, by: [0, 1]).realArray == [3, 1, 2, 6, 4, 5])
        let z = try PackedArray(complexes: [ComplexDouble(1, 0), ComplexDouble(2, 0), ComplexDouble(3, 0)])
        #expect(try Rearrange.rotateLeft(z, by: [1]).complexArray == [ComplexDouble(2, 0), ComplexDouble(3, 0), ComplexDouble(1, 0)])
    }

    @Test func partsByIndex() throws {
        let m = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [3, 2])
        let rows = try Rearrange.parts(of: m, at: try PackedArray(integers: [2, 0, 2]))
        #expect(rows.dimensions == [3, 2] && rows.integerArray == [5, 6, 1, 2, 5, 6])
        let grid = try Rearrange.parts(of: try PackedArray(reals: [10, 20, 30]), at: try PackedArray(integers: [0, 1, 2, 1], dimensions: [2, 2]))
        #expect(grid.dimensions == [2, 2] && grid.realArray == [10, 20, 30, 20])
        #expect(throws: NumericsError.self) { try Rearrange.parts(of: m, at: try PackedArray(integers: [3])) }
    }
}
