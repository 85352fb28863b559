// The `Method` option of the parallel functions: how many items travel in one evaluation.
//
// Items are always cut into contiguous runs ("units"), each sent as one evaluate request, so that the
// per-message cost is paid once per unit and results come back in order. The unit sizes of one call
// differ by at most one: `"CoarsestGrained"` on 10 items and 3 kernels gives 4, 3, 3 (one unit per
// kernel, handed out in `Kernels[]` order), never 4, 4, 2.

#if canImport(Glibc)
import Glibc
#endif
import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelMethod: Equatable {
    /// Mathematica's compromise: units of Ceiling[(items/kernels)^(2/3)] items.
    case automatic
    /// One item per unit: the best load balance, the highest overhead.
    case finestGrained
    /// One unit per kernel: the lowest overhead, no load balance.
    case coarsestGrained
    /// At most `e` units per kernel.
    case evaluationsPerKernel(Int)
    /// At most `m` items per unit.
    case itemsPerEvaluation(Int)

    /// Messages every parallel function can issue (`f::meth`, `f::nopar`).
    static let messages: [String: String] = [
        "meth": "Value of option Method -> `1` is not Automatic, \"FinestGrained\", \"CoarsestGrained\", "
            + "\"EvaluationsPerKernel\" -> e or \"ItemsPerEvaluation\" -> m.",
        "nopar": "No parallel kernels available; proceeding with sequential evaluation.",
    ]

    /// The Method among `options` (evaluated); Automatic after `head::meth` when it is not one of ours.
    static func from(_ options: [Expr], head: Symbol, _ k: Kernel) throws(Interrupt) -> ParallelMethod {
        guard let raw = k.optionValue("Method", in: options, of: head) else { return .automatic }
        let value = try k.evaluate(raw)
        if value.isSymbol(k.sys.Automatic) { return .automatic }
        if case .string(let name) = value {
            if name == "FinestGrained" { return .finestGrained }
            if name == "CoarsestGrained" { return .coarsestGrained }
        }
        if value.hasHead(k.sys.Rule), case .string(let name) = value.arguments[0],
           case .integer(let n) = value.arguments[1], n >= 1 {
            if name == "EvaluationsPerKernel" { return .evaluationsPerKernel(n) }
            if name == "ItemsPerEvaluation" { return .itemsPerEvaluation(n) }
        }
        k.message(head, "meth", value)
        return .automatic
    }

    /// The number of units `items` items are cut into on `kernels` kernels.
    func unitCount(items: Int, kernels: Int) -> Int {
        guard items > 0 else { return 0 }
        let kernels = max(kernels, 1)
        let units: Int
        switch self {
        case .finestGrained:
            units = items
        case .coarsestGrained:
            units = kernels
        case .evaluationsPerKernel(let e):
            units = e * kernels
        case .itemsPerEvaluation(let m):
            units = (items + m - 1) / m
        case .automatic:
            let size = automaticUnitSize(items: items, kernels: kernels)
            units = (items + size - 1) / size
        }
        return min(max(units, 1), items)
    }

    /// Contiguous ranges covering 0..<items, sizes differing by at most one, larger ones first.
    func ranges(items: Int, kernels: Int) -> [Range<Int>] {
        let units = unitCount(items: items, kernels: kernels)
        guard units > 0 else { return [] }
        let base = items / units, extra = items % units
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(units)
        var start = 0
        for u in 0..<units {
            let size = base + (u < extra ? 1 : 0)
            ranges.append(start..<(start + size))
            start += size
        }
        return ranges
    }
}

/// Ceiling[(items/kernels)^(2/3)], at least 1; a power within rounding of a whole number counts as
/// that number (64 items on 1 kernel: 16, not 17).
func automaticUnitSize(items: Int, kernels: Int) -> Int {
    let power = pow(Double(items) / Double(max(kernels, 1)), 2.0 / 3.0)
    let nearest = power.rounded()
    let snapped = abs(power - nearest) < 1e-9 * max(1, nearest) ? nearest : power
    return max(1, Int(snapped.rounded(.up)))
}
