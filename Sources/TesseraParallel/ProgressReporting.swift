// `ProgressReporting -> True` on the parallel functions: a bar with the items done of the total and
// the time left, on the terminal, fed by the master's completion events (the queue tells it each
// unit whose result arrived: no shared counter, no subkernel involved). It is drawn on standard
// error, at most ten times a second and once at the end, and erased when the call returns; when
// standard error is not a terminal nothing is written at all.
//
// The option's default is `$ProgressReporting`, False here as in a script (a notebook's True draws
// a panel there); `Automatic` counts as True, since on no terminal nothing is drawn anyway.

#if canImport(Glibc)
import Glibc
#endif
import TesseraBuiltins
import TesseraCore
import TesseraExpr

final class ProgressBar {
    // Qualified: the option is parsed when its function is installed, before this family makes the symbol.
    static let option = ("ProgressReporting", "System`$ProgressReporting")
    private static let width = 30
    private static let interval = 0.1

    private let total: Int
    private let start = monotonicSeconds()
    private var done = 0
    private var lastDraw = -Double.infinity
    private var drawn = false

    /// A bar for `total` items when `options` (or $ProgressReporting) ask for one and standard
    /// error is a terminal; nil otherwise.
    static func make(_ options: [Expr], head: Symbol, total: Int, _ k: Kernel,
                     terminal: Bool = isatty(2) != 0) throws(Interrupt) -> ProgressBar? {
        guard terminal, total > 0, let raw = k.optionValue(option.0, in: options, of: head) else { return nil }
        let value = try k.evaluate(raw)
        guard value.isSymbol(k.sys.True) || value.isSymbol(k.sys.Automatic) else { return nil }
        return ProgressBar(total: total)
    }

    private init(total: Int) { self.total = total }

    /// `items` more are done.
    func advance(by items: Int) {
        done = min(done + items, total)
        let now = monotonicSeconds()
        guard done == total || now - lastDraw >= Self.interval else { return }
        lastDraw = now
        draw(now)
    }

    /// Erases the bar (the call is over).
    func clear() {
        if drawn { Self.write("\r\u{1B}[K") }
        drawn = false
    }

    private func draw(_ now: Double) {
        let filled = Self.width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let elapsed = now - start
        let left = done == 0 ? "" : "  " + Self.duration(elapsed / Double(done) * Double(total - done)) + " left"
        Self.write("\r\u{1B}[K[" + bar + "] \(done)/\(total)" + left)
        drawn = true
    }

    private static func duration(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return tenths >= 600 ? "\(tenths / 600) min \(tenths / 10 % 60) s" : "\(tenths / 10).\(tenths % 10) s"
    }

    private static func write(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}

enum ProgressBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("$ProgressReporting", attributes: [], messages: [
            "usage": "$ProgressReporting is the default of the ProgressReporting option: True draws a progress bar on a terminal, False none.",
        ]),
    ]

    static func setUp(_ k: Kernel) {
        k.symbols.intern(fullName: "System`$ProgressReporting").setOwnValue(.symbol(k.sys.False))
    }
}
