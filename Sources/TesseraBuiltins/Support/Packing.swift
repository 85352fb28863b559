// Making packed arrays from lists of numbers, and saying so when one is unpacked.
//
// `packed(from:)` is the one place that decides whether a list of expressions can become a packed
// array: all machine integers, all machine reals (integers among reals are widened, as
// ToPackedArray does), all machine complex numbers, or equal-shaped packed arrays of one type.
// `noteUnpacking` issues Developer`FromPackedArray::unpack, which is off unless On["Packing"].
//
// A packed copy that cannot be allocated is the one storage failure that is not an error here: the
// elements already exist as expressions (which take more memory than their packed form), so the
// list simply stays unpacked, correct and complete. `packed(from:)` is called from places that
// cannot abort (`listExpr`), and it only ever shrinks memory use.

import TesseraCore
import TesseraExpr
import TesseraStorage

extension Kernel {
    /// The packed form of a list of numbers or of equal packed arrays; nil when it cannot be packed
    /// (also when no memory is left for the packed copy: see the file comment).
    public func packed(from elements: [Expr], allowMixed: Bool = true) -> PackedArray? {
        guard let first = elements.first else { return nil }
        switch first {
        case .integer, .real, .complex:
            var type = PackedType.integer
            for e in elements {
                switch e {
                case .integer: break
                case .real: type = Swift.max(type, .real)
                case .complex(let re, let im):
                    guard case .real = re, case .real = im else { return nil }
                    type = .complex
                default: return nil
                }
            }
            if !allowMixed {
                for e in elements {
                    switch (type, e) {
                    case (.integer, .integer), (.real, .real), (.complex, .complex): continue
                    default: return nil
                    }
                }
            }
            guard var array = try? PackedArray.zeros(type, [elements.count]) else { return nil }  // stays unpacked
            switch type {
            case .integer:
                let out = array.integers
                for (i, e) in elements.enumerated() { if case .integer(let v) = e { out[i] = v } }
            case .real:
                let out = array.reals
                for (i, e) in elements.enumerated() {
                    switch e {
                    case .integer(let v): out[i] = Double(v)
                    case .real(let v): out[i] = v
                    default: return nil
                    }
                }
            case .complex:
                let out = array.complexes
                for (i, e) in elements.enumerated() {
                    switch e {
                    case .integer(let v): out[i] = ComplexDouble(Double(v), 0)
                    case .real(let v): out[i] = ComplexDouble(v, 0)
                    case .complex(.real(let re), .real(let im)): out[i] = ComplexDouble(re, im)
                    default: return nil
                    }
                }
            }
            _ = array.isUniquelyOwned()
            return array
        case .packed(let p0):
            for e in elements {
                guard case .packed(let p) = e, p.dimensions == p0.dimensions, p.type == p0.type else { return nil }
            }
            let views = elements.compactMap { e -> PackedArray? in if case .packed(let p) = e { return p } else { return nil } }
            if let whole = PackedArray.adjacentViews(views, as: [elements.count] + p0.dimensions) { return whole }
            guard let array = try? PackedArray.uninitialized(p0.type, [elements.count] + p0.dimensions) else { return nil }  // stays unpacked
            let stride = p0.byteCount
            for (i, e) in elements.enumerated() {
                if case .packed(let p) = e {
                    (array.baseAddress + i * stride).copyMemory(from: p.baseAddress, byteCount: stride)
                }
            }
            return array
        case .normal:
            guard first.isList(sys) else { return nil }
            var rows: [PackedArray] = []
            rows.reserveCapacity(elements.count)
            for e in elements {
                switch e {
                case .packed(let p): rows.append(p)
                case .normal where e.isList(sys):
                    guard let p = packed(from: e.arguments, allowMixed: allowMixed) else { return nil }
                    rows.append(p)
                default: return nil
                }
            }
            return packed(from: rows.map { .packed($0) }, allowMixed: allowMixed)
        default:
            return nil
        }
    }

    /// A list expression, packed when its elements allow (and it is at least `threshold` long).
    public func listExpr(_ elements: [Expr], packAtLeast threshold: Int = 1) -> Expr {
        if elements.count >= threshold, let p = packed(from: elements, allowMixed: false) { return .packed(p) }
        return Expr(sys.List, elements)
    }

    /// Reports that `call` unpacks a packed array (visible after On["Packing"]).
    public func noteUnpacking(_ head: Symbol) {
        let fromPacked = symbols.intern(fullName: "Developer`FromPackedArray")
        message(fromPacked, "unpack", .symbol(head))
    }
}
