// How a trace line shows an expression: abbreviated like Short, so a line stays one line whatever
// was sent. Arguments past what fits are replaced by `<<n>>` (n arguments left out), from the end,
// deepest first, as Short does; an atom too long on its own is cut with `<<...>>`.

import TesseraCore
import TesseraExpr

enum TraceText {
    /// Characters an abbreviated expression aims at (Short's one line is about this wide).
    static let width = 72

    /// `e` in InputForm, abbreviated to about `width` characters.
    static func short(_ e: Expr, _ k: Kernel, width: Int = TraceText.width) -> String {
        let full = k.inputText(e)
        if full.count <= width { return full }
        return abbreviate(e, k, budget: width)
    }

    private static func abbreviate(_ e: Expr, _ k: Kernel, budget: Int) -> String {
        guard case .normal = e, !e.arguments.isEmpty else {
            let text = k.inputText(e)
            return text.count <= budget ? text : String(text.prefix(max(budget - 7, 1))) + "<<...>>"
        }
        let isList = e.isList(k.sys)
        let (open, close) = isList ? ("{", "}") : (k.inputText(e.head(k.sys)) + "[", "]")
        var pieces: [String] = []
        var used = open.count + close.count
        for (i, argument) in e.arguments.enumerated() {
            let left = e.arguments.count - i
            let text = k.inputText(argument)
            let tail = left > 1 ? 8 : 0  // room for ", <<n>>"
            if used + text.count + tail <= budget {
                pieces.append(text)
                used += text.count + 2
                continue
            }
            if budget - used - tail > 12 {
                pieces.append(abbreviate(argument, k, budget: budget - used - tail))
                if left > 1 { pieces.append("<<\(left - 1)>>") }
            } else {
                pieces.append("<<\(left)>>")
            }
            break
        }
        return open + pieces.joined(separator: ", ") + close
    }

    /// Seconds since the session began, to the microsecond.
    static func seconds(_ s: Double) -> String {
        let micro = Int((s * 1e6).rounded())
        let fraction = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction + " s"
    }
}
