// What the toolkit puts in message bodies: expressions as WXF, and side output as expressions.
//
// A message travels as `Tessera`Message[symbol, tag, {arguments...}, text]` and a Print or Echo as
// `Tessera`Print["print" | "echo", text, {expressions...}]`, so both sides decode them with the same
// WXF reader that decodes results. Packed arrays above the shared threshold become shared-memory
// handles here (see SharedArrayTransfer.swift when present); everything else is plain WXF.

import TesseraCore
import TesseraExpr
import TesseraLink
import TesseraWire

enum LinkCodec {
    static func encode(_ e: Expr, _ k: Kernel) -> [UInt8] {
        WXF.encode(e, symbols: k.symbols)
    }

    static func decode(_ bytes: [UInt8], _ k: Kernel) throws(WXFError) -> Expr {
        try WXF.decode(bytes, symbols: k.symbols)
    }

    // MARK: Side output

    static func encode(_ output: SideOutput, _ k: Kernel) -> [UInt8] {
        switch output {
        case .message(let m, _):
            let message = k.symbols.intern(fullName: "Tessera`Message")
            return encode(Expr(message, .string(m.symbol), .string(m.tag), Expr(k.sys.List, m.arguments), .string(m.text)), k)
        case .print(let p):
            let print = k.symbols.intern(fullName: "Tessera`Print")
            return encode(Expr(print, .string(p.kind == .echo ? "echo" : "print"), .string(p.text),
                               Expr(k.sys.List, p.expressions)), k)
        }
    }

    /// The side output in an `output` message body, or nil when the body is not one.
    static func decodeOutput(_ bytes: [UInt8], _ k: Kernel, origin: Int) -> SideOutput? {
        guard let e = try? decode(bytes, k), case .normal(let n) = e, case .symbol(let head) = n.head else { return nil }
        let a = n.arguments
        switch head.fullName {
        case "Tessera`Message":
            guard a.count == 4, case .string(let symbol) = a[0], case .string(let tag) = a[1],
                  case .string(let text) = a[3] else { return nil }
            var value = MessageValue(symbol: symbol, tag: tag, arguments: a[2].arguments, text: text)
            value.origin = origin
            return .message(value, shownName: "")
        case "Tessera`Print":
            guard a.count == 3, case .string(let kind) = a[0], case .string(let text) = a[1] else { return nil }
            var value = PrintValue(kind: kind == "echo" ? .echo : .print, expressions: a[2].arguments, text: text)
            value.origin = origin
            return .print(value)
        default:
            return nil
        }
    }
}
