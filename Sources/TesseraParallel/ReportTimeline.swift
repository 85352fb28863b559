// The report's timeline as inline SVG: a time axis, then a row for the master and one per kernel
// (`<g class="master-row">`, `<g class="kernel-row" data-kernel="n">`). A kernel's row shows its
// evaluations as busy spans; the master's row shows transfers as marks at least 2 px wide, and each
// transfer also leaves a short tick on its kernel's row. Each shape's <title> gives its numbers.

struct ReportTimeline {
    let spans: [TimelineSpan]
    let kernels: [Int]
    let duration: Double

    static let width = 1100.0, labelWidth = 90.0, rowHeight = 26.0, axisHeight = 24.0

    func svg() -> String {
        let rows = [0] + kernels
        let height = Self.axisHeight + Double(rows.count) * Self.rowHeight + 30
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(Self.width))" height="\#(Int(height))" "#
            + #"viewBox="0 0 \#(Int(Self.width)) \#(Int(height))" role="img" aria-label="timeline">"# + "\n"
        out += axis(height: height - 30)
        for (index, track) in rows.enumerated() {
            out += row(track, y: Self.axisHeight + Double(index) * Self.rowHeight)
        }
        out += legend(y: height - 18)
        return out + "</svg>"
    }

    /// Seconds since the run began, as an x coordinate.
    private func x(_ seconds: Double) -> Double {
        Self.labelWidth + (Self.width - Self.labelWidth - 10) * (duration > 0 ? min(1, max(0, seconds / duration)) : 0)
    }

    private func axis(height: Double) -> String {
        var out = ""
        let step = Self.niceStep(duration / 8)
        var t = 0.0
        while t <= duration + step / 1000 && step > 0 {
            let px = number(x(t))
            out += #"<line class="tick" x1="\#(px)" y1="\#(number(Self.axisHeight - 4))" x2="\#(px)" y2="\#(number(height))"/>"#
            out += #"<text x="\#(px)" y="14" text-anchor="middle">\#(TimelineText.html(TimelineText.duration(t)))</text>"# + "\n"
            t += step
        }
        return out
    }

    /// A step of 1, 2 or 5 times a power of ten, at least `rough` (0 for an empty run).
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0 else { return 0 }
        var power = 1e-6
        while power * 10 <= rough { power *= 10 }
        for factor in [1.0, 2, 5, 10] where power * factor >= rough { return power * factor }
        return power * 10
    }

    private func row(_ track: Int, y: Double) -> String {
        let name = track == 0 ? "Master" : "Kernel \(track)"
        let kind = track == 0 ? "master-row" : "kernel-row"
        var out = #"<g class="\#(kind)" data-kernel="\#(track)">"#
            + #"<text x="4" y="\#(number(y + 17))">\#(TimelineText.html(name))</text>"#
            + #"<rect class="lane" x="\#(number(Self.labelWidth))" y="\#(number(y + 2))" "#
            + #"width="\#(number(Self.width - Self.labelWidth - 10))" height="\#(number(Self.rowHeight - 4))"/>"# + "\n"
        for span in spans {
            if track == 0 && span.isTransfer {
                out += shape(span, y: y + 4, height: Self.rowHeight - 8, minimum: 2)
            } else if track != 0 && span.isTransfer && span.kernel == track {
                out += shape(span, y: y + 2, height: 4, minimum: 2)
            } else if track != 0 && !span.isTransfer && span.kernel == track {
                out += shape(span, y: y + 4, height: Self.rowHeight - 8, minimum: 0.5)
            }
        }
        return out + "</g>\n"
    }

    private func shape(_ span: TimelineSpan, y: Double, height: Double, minimum: Double) -> String {
        let left = x(span.start), width = max(minimum, x(span.end) - left)
        let style = span.died ? "died" : span.count > 1 ? "aggregate" : span.kind.rawValue.lowercased()
        return #"<rect class="\#(style)" x="\#(number(left))" y="\#(number(y))" width="\#(number(width))" "#
            + #"height="\#(number(height))"><title>\#(TimelineText.html(title(span)))</title></rect>"# + "\n"
    }

    private func title(_ span: TimelineSpan) -> String {
        var text = span.isTransfer && span.count == 1 ? "\(span.kind.rawValue) \(span.label)" : span.label
        if span.kernel != 0 { text += ", kernel \(span.kernel)" }
        if span.count == 1 && span.requestID != 0 { text += ", request \(span.requestID)" }
        text += ": \(TimelineText.duration(span.end - span.start)) from \(TimelineText.duration(span.start)); "
            + "\(TimelineText.bytes(span.bytesOut)) out, \(TimelineText.bytes(span.bytesIn)) in, "
            + "\(TimelineText.bytes(span.sharedBytes)) shared"
        return span.died ? text + "; the kernel died" : text
    }

    private func legend(y: Double) -> String {
        let items = [("evaluation", "evaluation"), ("definition", "definition sent"),
                     ("sharedvariable", "shared variable answered"), ("aggregate", "merged spans"), ("died", "kernel died")]
        var out = #"<g class="legend">"#
        var left = Self.labelWidth
        for (style, text) in items {
            out += #"<rect class="\#(style)" x="\#(number(left))" y="\#(number(y - 9))" width="10" height="10"/>"#
                + #"<text x="\#(number(left + 14))" y="\#(number(y))">\#(TimelineText.html(text))</text>"#
            left += 40 + Double(text.count) * 6.5
        }
        return out + "</g>\n"
    }

    private func number(_ v: Double) -> String { TimelineText.decimal(v, places: 2) }
}
