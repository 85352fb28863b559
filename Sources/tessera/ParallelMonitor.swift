// `tessera --monitor`: the subkernels at work, live.
//
// On a terminal, a table (per kernel: busy or idle, evaluations done, bytes in, out and shared)
// redrawn in place with ANSI cursor moves, at most ten times a second; otherwise plain lines, one
// for each kernel whose state or count changed since the last round, at the same pace. A summary
// table ends the run either way. The monitor writes to standard error, so the program's own output
// on standard output stays exactly what it would be without --monitor (and can be piped) while the
// table is still seen; before anything is written to standard output, the table is erased
// (`suspend`), and the next round draws it again below.
//
// It is driven by the master's own wait loop (ParallelActivity's watcher): no thread, no timer.
// The numbers are read from the workers and the ledger, never counted here.

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraParallel

final class ParallelMonitor: ParallelWatcher {
    /// The fastest redraw (or round of plain lines): ten a second.
    static let interval = 0.1

    private let terminal: Bool
    private let start = monotonicSeconds()
    private var lastRound = -Double.infinity
    /// The last rows seen, by kernel id (a kernel that died keeps its count of evaluations).
    private var rows: [Int: KernelActivity] = [:]
    /// Plain mode: the (state, evaluations) last printed for each kernel.
    private var printed: [Int: (KernelActivity.State, Int)] = [:]
    /// Terminal mode: the lines of the table on the screen now.
    private var drawnLines = 0

    init(terminal: Bool = isatty(2) != 0) { self.terminal = terminal }

    func masterWaits(_ k: Kernel) {
        let now = monotonicSeconds()
        guard now - lastRound >= Self.interval else { return }
        lastRound = now
        refresh(k)
        if terminal { redraw(now) } else { printChanges(now) }
    }

    /// Erases the live table, before something else is written to the terminal.
    func suspend() {
        guard drawnLines > 0 else { return }
        writeError("\u{1B}[\(drawnLines)A\r\u{1B}[J")
        drawnLines = 0
    }

    /// The end of the run: the last changes, then the summary table.
    func finish(_ k: Kernel) {
        refresh(k)
        if terminal { suspend() } else { printChanges(monotonicSeconds()) }
        let ordered = rows.values.sorted { $0.id < $1.id }
        var total = KernelActivity(id: 0, state: .idle, evaluations: 0, bytesIn: 0, bytesOut: 0, sharedBytes: 0)
        for row in ordered {
            total.evaluations += row.evaluations
            total.bytesIn += row.bytesIn
            total.bytesOut += row.bytesOut
            total.sharedBytes += row.sharedBytes
        }
        let body = ordered.map { cells(String($0.id), $0) } + [cells("total", total)]
        writeError("Parallel summary (\(elapsed(monotonicSeconds())))\n" + table(body, states: false))
    }

    /// Reads the running kernels, and the ledger's bytes for those that are gone.
    private func refresh(_ k: Kernel) {
        let live = ParallelActivity.kernels(k)
        let liveIDs = Set(live.map(\.id))
        for row in live { rows[row.id] = row }
        for id in ParallelActivity.kernelsWithTraffic(k) + Array(rows.keys) where !liveIDs.contains(id) {
            var row = ParallelActivity.traffic(k, kernel: id)
            row.evaluations = rows[id]?.evaluations ?? 0
            rows[id] = row
        }
    }

    private func redraw(_ now: Double) {
        let ordered = rows.values.sorted { $0.id < $1.id }
        let text = "Parallel kernels (\(elapsed(now)))\n" + table(ordered.map { cells(String($0.id), $0) }, states: true)
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        // Back to the table's first line, clear to the end of the screen, draw it again.
        writeError((drawnLines > 0 ? "\u{1B}[\(drawnLines)A\r\u{1B}[J" : "") + text)
        drawnLines = lines
    }

    private func printChanges(_ now: Double) {
        var text = ""
        for row in rows.values.sorted(by: { $0.id < $1.id }) {
            if let last = printed[row.id], last == (row.state, row.evaluations) { continue }
            printed[row.id] = (row.state, row.evaluations)
            text += "[\(elapsed(now))] kernel \(row.id) \(row.state.rawValue): \(row.evaluations) evaluations, "
                + "\(row.bytesIn) bytes in, \(row.bytesOut) bytes out, \(row.sharedBytes) bytes shared\n"
        }
        if !text.isEmpty { writeError(text) }
    }

    private func elapsed(_ now: Double) -> String {
        let tenths = Int(((now - start) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }

    private func cells(_ name: String, _ row: KernelActivity) -> [String] {
        [name, row.state.rawValue, String(row.evaluations), String(row.bytesIn), String(row.bytesOut), String(row.sharedBytes)]
    }

    /// Rows under a header, columns right-aligned to their widest cell (the state column only live).
    private func table(_ rows: [[String]], states: Bool) -> String {
        let header = ["kernel", "state", "evaluations", "bytes in", "bytes out", "bytes shared"]
        let keep = header.indices.filter { states || $0 != 1 }
        let all = ([header] + rows).map { row in keep.map { row[$0] } }
        let widths = keep.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c in
                String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}

/// Writes to standard error (unbuffered: a partial table never lingers).
func writeError(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
