// Reverse, RotateLeft / RotateRight and Part with index lists, on packed arrays.
//
// Reverse and Rotate are "copy with a remapped index per level": result[i1, ..., ik] =
// array[f1(i1), ..., fk(ik)] with f the identity on most levels, n - 1 - i for Reverse, and
// (i + s) mod n for RotateLeft by s (Mathematica's RotateLeft[list, {s1, s2, ...}] rotates level j
// by s_j). The levels after the last remapped one form contiguous blocks. A rotation at that level
// is two memcpy calls; a reversal copies block by block, or runs an element loop when the blocks
// are single elements. The maps are described, never tabulated, so no index array is allocated.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage

extension Rearrange {
    /// `Reverse[array, levels + 1]`: reverses the order at each 0-based level in `levels` (default the
    /// first level, as `Reverse[list]`).
    public static func reverse(_ array: PackedArray, levels: [Int] = [0]) throws(NumericsError) -> PackedArray {
        guard array.rank >= 1, levels.allSatisfy({ $0 >= 0 && $0 < array.rank }) else {
            throw .invalidArgument("levels \(levels) outside a rank \(array.rank) array")
        }
        var maps = [LevelMap](repeating: .identity, count: array.rank)
        for level in levels { maps[level] = .reverse }
        return try remap(array, maps)
    }

    /// `RotateLeft[array, shifts]`: level j moves left by shifts[j] (negative shifts rotate right,
    /// `RotateRight[list, s]` is `RotateLeft[list, -s]`); missing levels are not rotated.
    public static func rotateLeft(_ array: PackedArray, by shifts: [Int]) throws(NumericsError) -> PackedArray {
        guard shifts.count <= array.rank else {
            throw .invalidArgument("\(shifts.count) shifts for a rank \(array.rank) array")
        }
        var maps = [LevelMap](repeating: .identity, count: array.rank)
        for (level, shift) in shifts.enumerated() {
            let n = array.dimensions[level]
            guard n > 0 else { continue }
            let s = shift % n
            let normalized = s < 0 ? s + n : s
            if normalized != 0 { maps[level] = .rotate(normalized) }
        }
        return try remap(array, maps)
    }

    /// `RotateRight[array, shifts]`.
    public static func rotateRight(_ array: PackedArray, by shifts: [Int]) throws(NumericsError) -> PackedArray {
        try rotateLeft(array, by: shifts.map { 0 &- $0 })
    }

    /// The first-level parts of `array` at the 0-based `indices` (an integer array of any shape): the
    /// result has dimensions indices.dimensions + array.dimensions.dropFirst(). This is
    /// `array[[indices + 1]]` for a vector of indices and what RandomChoice returns for a shape.
    public static func parts(of array: PackedArray, at indices: PackedArray) throws(NumericsError) -> PackedArray {
        guard array.rank >= 1, indices.type == .integer else {
            throw .invalidArgument("parts need an array of rank >= 1 and integer indices")
        }
        let n = array.dimensions[0]
        let result = try allocate(array.type, indices.dimensions + Array(array.dimensions.dropFirst()))
        let partBytes = array.sliceCount * array.type.stride
        let source = array.baseAddress, target = result.baseAddress
        for (position, index) in indices.integers.enumerated() {
            guard index >= 0 && index < n else { throw .invalidArgument("part \(index) of \(n)") }
            if partBytes == 8 {
                target.storeBytes(of: source.load(fromByteOffset: index * 8, as: UInt64.self),
                                  toByteOffset: position * 8, as: UInt64.self)
            } else {
                (target + position * partBytes).copyMemory(from: source + index * partBytes, byteCount: partBytes)
            }
        }
        return result
    }

    // MARK: The remapping copy

    /// How one level's result index maps to the source index.
    enum LevelMap: Equatable {
        case identity
        /// i -> n - 1 - i
        case reverse
        /// i -> (i + s) mod n, 0 < s < n
        case rotate(Int)

        func source(_ i: Int, _ n: Int) -> Int {
            switch self {
            case .identity: return i
            case .reverse: return n - 1 - i
            case .rotate(let s): return i + s < n ? i + s : i + s - n
            }
        }
    }

    /// result[i] = array[maps applied at each level].
    static func remap(_ array: PackedArray, _ maps: [LevelMap]) throws(NumericsError) -> PackedArray {
        let result = try allocate(array.type, array.dimensions)
        let dims = array.dimensions
        guard array.count > 0 else { return result }
        guard let deepest = maps.lastIndex(where: { $0 != .identity }) else {
            result.baseAddress.copyMemory(from: array.baseAddress, byteCount: array.byteCount)
            return result
        }
        var strides = [Int](repeating: array.type.stride, count: dims.count)
        for k in stride(from: dims.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * dims[k + 1] }
        let elementBytes = array.type.stride

        func copy(level: Int, source: UnsafeRawPointer, target: UnsafeMutableRawPointer) {
            let n = dims[level], step = strides[level]
            if level < deepest {
                for i in 0..<n {
                    copy(level: level + 1, source: source + maps[level].source(i, n) * step, target: target + i * step)
                }
                return
            }
            switch maps[level] {
            case .identity:
                memcpy(target, source, n * step)
            case .rotate(let s):
                memcpy(target, source + s * step, (n - s) * step)
                memcpy(target + (n - s) * step, source, s * step)
            case .reverse:
                if step == 8 {
                    let from = source.assumingMemoryBound(to: UInt64.self)
                    let to = target.assumingMemoryBound(to: UInt64.self)
                    for i in 0..<n { to[i] = from[n - 1 - i] }
                } else if step == 16 && elementBytes == 16 {
                    let from = source.assumingMemoryBound(to: ComplexDouble.self)
                    let to = target.assumingMemoryBound(to: ComplexDouble.self)
                    for i in 0..<n { to[i] = from[n - 1 - i] }
                } else {
                    for i in 0..<n { memcpy(target + i * step, source + (n - 1 - i) * step, step) }
                }
            }
        }
        copy(level: 0, source: UnsafeRawPointer(array.baseAddress), target: result.baseAddress)
        return result
    }
}
