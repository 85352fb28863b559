// Transpose of packed arrays by any permutation of levels.
//
// Mathematica: Transpose[list, {n1, n2, ...}] makes level k of `list` level n_k of the result, so
// the result has dimensions r with r[n_k] = dims[k]; Transpose[list] exchanges the first two levels
// (it is {2, 1}), and a permutation shorter than the rank leaves the remaining levels in place.
// Here the permutation is 0-based. Repeated entries (Transpose[m, {1, 1}], a diagonal) are not
// permutations and are left to the general evaluator.
//
// Speed. Adjacent levels that stay adjacent and in order are merged first, so most transposes
// reduce to a (batch of) plain 2-D transpose(s), done in cache-sized tiles (reading a column of a
// large row-major matrix touches a new cache line per element; a 16 x 16 tile reuses each line 16
// times, here 8 times faster at 4000 x 4000). Whatever does not reduce is done by index arithmetic:
// an odometer over the result with precomputed source strides.

import TesseraStorage

/// Reordering of packed arrays (Transpose, Reverse, RotateLeft/RotateRight, Part by index lists).
public enum Rearrange {
    /// `Transpose[array, permutation + 1]`; `nil` exchanges the first two levels.
    /// With `conjugate`, complex elements are conjugated too (`ConjugateTranspose`).
    public static func transpose(_ array: PackedArray, permutation: [Int]? = nil,
                                 conjugate: Bool = false) throws(NumericsError) -> PackedArray {
        let rank = array.rank
        var perm = permutation ?? (rank >= 2 ? [1, 0] : [0])
        guard perm.count <= rank, Set(perm).count == perm.count,
              perm.allSatisfy({ $0 >= 0 && $0 < perm.count }) else {
            throw .invalidArgument("\(perm) is not a permutation of the first levels of a rank \(rank) array")
        }
        perm += Array(perm.count..<rank)
        let dims = array.dimensions
        var resultDims = dims
        for k in 0..<rank { resultDims[perm[k]] = dims[k] }
        let result = try allocate(array.type, resultDims)
        if array.count > 0 {
            switch array.type {
            case .integer:
                permute(array.integers.baseAddress!, result.integers.baseAddress!, dims, perm)
            case .real:
                let source = UnsafeMutableRawPointer(array.reals.baseAddress!).assumingMemoryBound(to: UInt64.self)
                let target = UnsafeMutableRawPointer(result.reals.baseAddress!).assumingMemoryBound(to: UInt64.self)
                permute(source, target, dims, perm)
            case .complex:
                permute(array.complexes.baseAddress!, result.complexes.baseAddress!, dims, perm)
                if conjugate {
                    let z = result.complexes
                    for i in z.indices { z[i].im = -z[i].im }
                }
            }
        }
        return result
    }

    /// Copies `source` (dimensions `dims`) into `target` with level k moved to level perm[k].
    static func permute<T>(_ source: UnsafeMutablePointer<T>, _ target: UnsafeMutablePointer<T>,
                           _ dims: [Int], _ perm: [Int]) {
        // Merge input levels k, k+1 that land next to each other in the same order.
        var mergedDims: [Int] = []
        var mergedPerm: [Int] = []  // target positions, not yet renumbered
        for k in 0..<dims.count {
            if let last = mergedPerm.last, perm[k] == last + 1, k > 0, perm[k - 1] == last {
                mergedDims[mergedDims.count - 1] *= dims[k]
                mergedPerm[mergedPerm.count - 1] = perm[k]
            } else {
                mergedDims.append(dims[k])
                mergedPerm.append(perm[k])
            }
        }
        // Renumber target positions 0..<m (a merged group is identified by its last position).
        let order = mergedPerm.indices.sorted { mergedPerm[$0] < mergedPerm[$1] }
        var reduced = [Int](repeating: 0, count: mergedPerm.count)
        for (position, k) in order.enumerated() { reduced[k] = position }
        let count = dims.reduce(1, *)

        switch reduced {
        case [0], []:
            target.update(from: source, count: count)
        case [1, 0]:
            transpose2D(source, target, rows: mergedDims[0], columns: mergedDims[1])
        case [0, 2, 1]:
            let (batch, rows, columns) = (mergedDims[0], mergedDims[1], mergedDims[2])
            for b in 0..<batch {
                transpose2D(source + b * rows * columns, target + b * rows * columns, rows: rows, columns: columns)
            }
        default:
            general(source, target, mergedDims, reduced)
        }
    }

    /// target (columns x rows) = transpose of source (rows x columns), in 16 x 16 tiles.
    static func transpose2D<T>(_ source: UnsafeMutablePointer<T>, _ target: UnsafeMutablePointer<T>,
                               rows: Int, columns: Int) {
        let tile = 16
        var i0 = 0
        while i0 < rows {
            let i1 = min(i0 + tile, rows)
            var j0 = 0
            while j0 < columns {
                let j1 = min(j0 + tile, columns)
                for i in i0..<i1 {
                    let row = source + i * columns
                    for j in j0..<j1 { target[j * rows + i] = row[j] }
                }
                j0 = j1
            }
            i0 = i1
        }
    }

    /// Any permutation: odometer over the result, source offset from per-level strides.
    static func general<T>(_ source: UnsafeMutablePointer<T>, _ target: UnsafeMutablePointer<T>,
                           _ dims: [Int], _ perm: [Int]) {
        let rank = dims.count
        var sourceStrides = [Int](repeating: 1, count: rank)
        for k in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[k] = sourceStrides[k + 1] * dims[k + 1] }
        var resultDims = dims, strideOfResultLevel = dims
        for k in 0..<rank {
            resultDims[perm[k]] = dims[k]
            strideOfResultLevel[perm[k]] = sourceStrides[k]
        }
        let last = resultDims[rank - 1], lastStride = strideOfResultLevel[rank - 1]
        let rows = dims.reduce(1, *) / last
        var index = [Int](repeating: 0, count: rank - 1)
        var out = target
        for _ in 0..<rows {
            var base = 0
            for level in 0..<(rank - 1) { base += index[level] * strideOfResultLevel[level] }
            for j in 0..<last { out[j] = source[base + j * lastStride] }
            out += last
            var level = rank - 2
            while level >= 0 {
                index[level] += 1
                if index[level] < resultDims[level] { break }
                index[level] = 0
                level -= 1
            }
        }
    }
}
