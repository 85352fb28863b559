// The report's tables: the views of ParallelTraffic[] (TrafficBuiltins.association, the one place
// that sums the ledger), rendered as they come: an Association of numbers as a two-column table, an
// Association of Associations as a table with a column per inner key, and the "Matrix" with its
// "MatrixLabels". Columns named ...Bytes... are in human units (exact bytes in the cell's title),
// Seconds in ms or s.

import TesseraCore
import TesseraExpr

struct ReportTables {
    let traffic: Expr
    let k: Kernel

    init(_ traffic: Expr, _ k: Kernel) {
        self.traffic = traffic
        self.k = k
    }

    static let headings: [String: (title: String, first: String)] = [
        "Total": ("Total traffic", "Quantity"),
        "Kernels": ("By kernel", "Kernel"),
        "Directions": ("By direction (seen from the master)", "Direction"),
        "Kinds": ("By kind", "Kind"),
        "Symbols": ("Definitions by symbol", "Symbol"),
    ]

    func html() -> String {
        let views = Self.rules(traffic)
        var out = ""
        for (key, value) in views {
            let name = text(key)
            guard let heading = Self.headings[name] else { continue }
            out += "<h2>\(TimelineText.html(heading.title))</h2>\n" + table(value, first: heading.first)
        }
        if let matrix = views.first(where: { text($0.0) == "Matrix" })?.1,
           let labels = views.first(where: { text($0.0) == "MatrixLabels" })?.1 {
            out += "<h2>Bytes on the wire, sender (row) by receiver (column)</h2>\n" + self.matrix(matrix, labels: labels)
        }
        return out
    }

    /// The (key, value) pairs of an Association.
    static func rules(_ association: Expr) -> [(Expr, Expr)] {
        association.arguments.compactMap { $0.arguments.count == 2 ? ($0.arguments[0], $0.arguments[1]) : nil }
    }

    private func table(_ view: Expr, first: String) -> String {
        let rows = Self.rules(view)
        guard !rows.isEmpty else { return "<p>None.</p>\n" }
        // An Association of numbers: a row per key.
        guard let columns = rows.first.map({ Self.rules($0.1).map { text($0.0) } }), !columns.isEmpty else {
            return "<table>\n<tr><th>\(TimelineText.html(first))</th><th>Value</th></tr>\n"
                + rows.map { "<tr><td>\(TimelineText.html(text($0.0)))</td>\(cell($0.1, column: text($0.0)))</tr>\n" }.joined()
                + "</table>\n"
        }
        var out = "<table>\n<tr><th>\(TimelineText.html(first))</th>"
            + columns.map { "<th>\(TimelineText.html($0))</th>" }.joined() + "</tr>\n"
        for (key, record) in rows {
            let values = Dictionary(Self.rules(record).map { (text($0.0), $0.1) }, uniquingKeysWith: { a, _ in a })
            out += "<tr><td>\(TimelineText.html(text(key)))</td>"
                + columns.map { column in values[column].map { cell($0, column: column) } ?? "<td></td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    private func matrix(_ matrix: Expr, labels: Expr) -> String {
        let names = labels.arguments.map { label in
            if case .integer(let id) = label { return "Kernel \(id)" }
            return text(label)
        }
        var out = "<table class=\"matrix\">\n<tr><th>from \\ to</th>"
            + names.map { "<th>\(TimelineText.html($0))</th>" }.joined() + "</tr>\n"
        for (name, row) in zip(names, matrix.arguments) {
            out += "<tr><td>\(TimelineText.html(name))</td>"
                + row.arguments.map { cell($0, column: "Bytes") }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// A value in the units its column name implies.
    private func cell(_ value: Expr, column: String) -> String {
        switch value {
        case .integer(let n) where column.contains("Bytes"):
            return "<td title=\"\(n) bytes\">\(TimelineText.html(TimelineText.bytes(n)))</td>"
        case .real(let seconds) where column.contains("Seconds"):
            return "<td>\(TimelineText.html(TimelineText.duration(seconds)))</td>"
        default:
            return "<td>\(TimelineText.html(text(value)))</td>"
        }
    }

    private func text(_ e: Expr) -> String {
        if case .string(let s) = e { return s }
        return k.inputText(e)
    }
}
