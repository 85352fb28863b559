// The first unit of a parallel list makes its big arrays end on a page boundary.
//
// ParallelTable and ParallelMap join their units' results into one packed array, as Table does. When
// each unit's result is a big array of its kernel's, the master can join them by mapping their pages
// back to back (`PackedArray.stitched`) instead of copying, if the first result ends on a page and the
// next ones start on one. Arrays start on a page anyway; the first unit is sent as
//     Parallel`Developer`EndingOnPage[unit]
// so that the subkernel places the arrays it makes meanwhile at the end of their segments
// (`AllocationPlacement`). Only where they sit in the segment changes, never a value.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum UnitPlacement {
    static let endingOnPageName = "Parallel`Developer`EndingOnPage"

    static let table: [BuiltinSpec] = [
        BuiltinSpec(endingOnPageName, attributes: [.holdAll, .protected], endingOnPage),
    ]

    /// `unit` wrapped so that the kernel evaluating it ends its big arrays on a page boundary.
    static func endingOnPage(_ unit: Expr, _ k: Kernel) -> Expr {
        Expr(k.symbols.intern(fullName: endingOnPageName), unit)
    }

    static func endingOnPage(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        return try AllocationPlacement.endingOnPage { () throws(Interrupt) in try k.evaluate(c[0]) }
    }
}
