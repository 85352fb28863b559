// Packed arrays as the language sees them (Developer`PackedArrayQ, ToPackedArray, FromPackedArray)
// and the buffer rearrangements the list builtins share.
//
// `gather` is the one copying loop behind Transpose, Reverse and RotateLeft/RotateRight on packed
// arrays: result[i1, ..., ik] = source[at each level, a remapped index of a permuted level]. The
// innermost source-contiguous run is copied with memcpy when the last level is neither permuted nor
// remapped, so reversing or rotating the rows of a matrix costs one copy per row.

#if canImport(Glibc)
import Glibc
#endif
import BigInt
import TesseraCore
import TesseraExpr
import TesseraStorage

enum PackedArrayBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Developer`PackedArrayQ", packedArrayQ),
        BuiltinSpec("Developer`ToPackedArray", toPackedArray),
        BuiltinSpec("Developer`FromPackedArray", messages: [
            "unpack": "Unpacking array in call to `1`.",
            "punpack": "Unpacking array with dimensions `1` to level `2`.",
            "unpack1": "Unpacking array.",
            "punpack1": "Unpacking array with dimensions `1`.",
        ], fromPackedArray),
    ]

    static func packedArrayQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        guard case .packed(let p) = c[0] else { return k.bool(false) }
        if c.count >= 2 {
            guard let type = packedType(k, c[1]) else { return k.bool(false) }
            if type != p.type { return k.bool(false) }
        }
        if c.count == 3 {
            guard case .integer(let r) = c[2] else { return k.bool(false) }
            return k.bool(r == p.rank)
        }
        return k.bool(true)
    }

    private static func packedType(_ k: Kernel, _ e: Expr) -> PackedType? {
        if e.isSymbol(k.sys.IntegerHead) { return .integer }
        if e.isSymbol(k.sys.RealHead) { return .real }
        if e.isSymbol(k.sys.ComplexHead) { return .complex }
        return nil
    }

    static func toPackedArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        var type: PackedType? = nil
        if c.count == 2, !c[1].isSymbol(k.sys.Automatic) {
            guard let t = packedType(k, c[1]) else { return nil }
            type = t
        }
        if case .packed(let p) = e {
            guard let type, type != p.type else { return e }
            if type < p.type && !(p.type == .real && type == .integer) { return e }
            return try convert(k, e, to: type) ?? e
        }
        guard e.isList(k.sys) else { return e }
        guard let type else {
            if let p = k.packed(from: e.arguments, allowMixed: false) { return .packed(p) }
            return e
        }
        return try convert(k, e, to: type) ?? e
    }

    /// A rectangular list of numbers converted to one machine type; nil when some element cannot be.
    private static func convert(_ k: Kernel, _ e: Expr, to type: PackedType) throws(Interrupt) -> Expr? {
        if case .packed(let p) = e {
            return try convert(k, Expr(k.sys.List, p.elementExprs()), to: type)
        }
        if e.isList(k.sys) {
            var parts: [Expr] = []
            for a in e.arguments {
                guard let v = try convert(k, a, to: type) else { return nil }
                parts.append(v)
            }
            if parts.isEmpty { return nil }
            guard let p = k.packed(from: parts, allowMixed: false) else { return nil }
            return .packed(p)
        }
        switch (type, e) {
        case (.integer, .integer): return e
        case (.integer, .real(let d)):
            guard d.rounded() == d, abs(d) < 9.2e18 else { return nil }
            return .integer(Int(d))
        case (.integer, .complex(let re, let im)):
            guard case .real(0) = im else {
                if case .integer(0) = im { return try convert(k, re, to: .integer) }
                return nil
            }
            return try convert(k, re, to: .integer)
        case (.integer, _): return nil
        case (.real, .real): return e
        case (.real, .integer(let i)): return .real(Double(i))
        case (.real, .complex): return nil
        case (.complex, .complex(let re, let im)):
            guard let r = try convert(k, re, to: .real), let i = try convert(k, im, to: .real) else { return nil }
            return .complex(r, i)
        default:
            let n = try k.evaluate(Expr(k.sys.N, e))
            switch (type, n) {
            case (.real, .real(let d)) where d.isFinite: return n
            case (.complex, .real(let d)) where d.isFinite: return .complex(n, .real(0))
            case (.complex, .complex(let re, let im)):
                guard let r = try convert(k, re, to: .real), let i = try convert(k, im, to: .real) else { return nil }
                return .complex(r, i)
            default: return nil
            }
        }
    }

    static func fromPackedArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        return k.unpacked(c[0])
    }
}

extension Kernel {
    /// The fully unpacked form of `e` (nested lists of atoms), leaving other expressions alone.
    func unpacked(_ e: Expr) -> Expr {
        switch e {
        case .packed(let p):
            if p.rank == 1 { return Expr(sys.List, p.elementExprs()) }
            return Expr(sys.List, (0..<(p.dimensions.first ?? 0)).map { unpacked(.packed(p.slice($0))) })
        case .normal(let n) where e.isList(sys):
            var changed = false
            let parts = n.arguments.map { a -> Expr in
                if case .packed = a { changed = true; return unpacked(a) }
                return a
            }
            return changed ? Expr(head: n.head, parts) : e
        default:
            return e
        }
    }
}

/// Copies of packed arrays with their levels permuted and their indices remapped. nil: not a case
/// these copies handle; a thrown error: the copy could not be stored (callers report General::nomem).
enum PackedGather {
    /// What a gather reads: one packed array, or packed parts of one type and shape stacked as a first
    /// level (`{x, y}` of two packed vectors), read where they lie instead of being packed first: a
    /// `Transpose[{a, b}]` of two 300 MB arrays writes 600 MB once, not twice.
    struct Source {
        let type: PackedType
        /// Dimensions of the whole (stacked: the number of parts, then a part's dimensions).
        let dimensions: [Int]
        /// Start of each part, or of the one array.
        let bases: [UnsafeRawPointer]
        let stacked: Bool

        init(_ p: PackedArray) {
            type = p.type; dimensions = p.dimensions; bases = [UnsafeRawPointer(p.baseAddress)]; stacked = false
        }

        /// Nil unless there is at least one part and all have the first one's type and dimensions.
        init?(parts: [PackedArray]) {
            guard let first = parts.first,
                  parts.allSatisfy({ $0.type == first.type && $0.dimensions == first.dimensions }) else { return nil }
            type = first.type; dimensions = [parts.count] + first.dimensions
            bases = parts.map { UnsafeRawPointer($0.baseAddress) }; stacked = true
        }

        var rank: Int { dimensions.count }
    }

    /// result level j runs over source level `sourceLevel[j]`; index i at result level j reads source
    /// index `maps[j]?[i] ?? i`. Dimensions of the result are `resultDims`.
    static func gather(_ p: PackedArray, resultDims: [Int], sourceLevel: [Int], maps: [[Int]?]) throws(PackedStorageError) -> PackedArray? {
        try withExtendedLifetime(p) { () throws(PackedStorageError) in
            try gather(Source(p), resultDims: resultDims, sourceLevel: sourceLevel, maps: maps)
        }
    }

    /// The same over a `Source`, whose arrays the caller keeps alive.
    static func gather(_ p: Source, resultDims: [Int], sourceLevel: [Int], maps: [[Int]?]) throws(PackedStorageError) -> PackedArray? {
        let out = try PackedArray.uninitialized(p.type, resultDims)
        let rank = resultDims.count
        let size = p.type.stride
        guard out.count > 0 else { return out }
        var sourceStrides = Array(repeating: 1, count: p.rank)
        if p.rank > 1 { for l in stride(from: p.rank - 2, through: 0, by: -1) { sourceStrides[l] = sourceStrides[l + 1] * p.dimensions[l + 1] } }
        // Stacked parts: the first source level picks a part (its stride is 0 in the offset).
        if p.stacked { sourceStrides[0] = 0 }
        let strides = sourceLevel.map { sourceStrides[$0] }
        let partLevel = p.stacked ? sourceLevel.firstIndex(of: 0) : nil
        // A contiguous innermost run: the last result level is the last source level, unmapped.
        // (Stacked parts have rank 2 or more, so that level lies within one part.)
        let runLength = rank > 0 && sourceLevel[rank - 1] == p.rank - 1 && maps[rank - 1] == nil ? resultDims[rank - 1] : 1
        let outerRank = runLength > 1 ? rank - 1 : rank
        var index = Array(repeating: 0, count: outerRank)
        let target = out.baseAddress
        var written = 0
        let total = out.count / runLength
        for _ in 0..<total {
            var offset = 0
            for j in 0..<outerRank {
                let i = index[j]
                offset += (maps[j]?[i] ?? i) * strides[j]
            }
            var source = p.bases[0]
            if let partLevel { let i = index[partLevel]; source = p.bases[maps[partLevel]?[i] ?? i] }
            memcpy(target + written * size, source + offset * size, runLength * size)
            written += runLength
            var j = outerRank - 1
            while j >= 0 {
                index[j] += 1
                if index[j] < resultDims[j] { break }
                index[j] = 0
                j -= 1
            }
        }
        return out
    }

    /// `Transpose[p, perm]` (1-based perm, a permutation of the first levels).
    static func transpose(_ p: PackedArray, _ perm: [Int]) throws(PackedStorageError) -> PackedArray? {
        try withExtendedLifetime(p) { () throws(PackedStorageError) in try transpose(Source(p), perm) }
    }

    /// The same over a `Source` (stacked parts: `Transpose[{a, b}, perm]`).
    static func transpose(_ p: Source, _ perm: [Int]) throws(PackedStorageError) -> PackedArray? {
        var full = perm.map { $0 - 1 }
        full += Array(full.count..<p.rank)
        var sourceLevel = Array(repeating: 0, count: p.rank)
        var dims = p.dimensions
        for (k, target) in full.enumerated() {
            sourceLevel[target] = k
            dims[target] = p.dimensions[k]
        }
        return try gather(p, resultDims: dims, sourceLevel: sourceLevel, maps: Array(repeating: nil, count: p.rank))
    }

    /// Reverse at the given 1-based levels.
    static func reverse(_ p: PackedArray, levels: [Int]) throws(PackedStorageError) -> PackedArray? {
        var maps: [[Int]?] = Array(repeating: nil, count: p.rank)
        for l in levels {
            let n = p.dimensions[l - 1]
            maps[l - 1] = (0..<n).map { n - 1 - $0 }
        }
        return try gather(p, resultDims: p.dimensions, sourceLevel: Array(0..<p.rank), maps: maps)
    }

    /// RotateLeft by `shifts[l]` at level l + 1.
    static func rotateLeft(_ p: PackedArray, by shifts: [Int]) throws(PackedStorageError) -> PackedArray? {
        // Rotating only the first level is two block copies.
        if let first = shifts.first, shifts.dropFirst().allSatisfy({ $0 == 0 }), let n = p.dimensions.first, n > 0 {
            let s = ((first % n) + n) % n
            let out = try PackedArray.uninitialized(p.type, p.dimensions)
            let slice = p.sliceCount * p.type.stride
            memcpy(out.baseAddress, p.baseAddress + s * slice, (n - s) * slice)
            memcpy(out.baseAddress + (n - s) * slice, p.baseAddress, s * slice)
            return out
        }
        var maps: [[Int]?] = Array(repeating: nil, count: p.rank)
        for (l, shift) in shifts.enumerated() {
            let n = p.dimensions[l]
            guard n > 0 else { continue }
            let s = ((shift % n) + n) % n
            if s != 0 { maps[l] = (0..<n).map { ($0 + s) % n } }
        }
        return try gather(p, resultDims: p.dimensions, sourceLevel: Array(0..<p.rank), maps: maps)
    }
}
