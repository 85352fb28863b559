// What the toolkit puts in message bodies: expressions as WXF, and side output as expressions.
//
// A message travels as `Tessera`Message[symbol, tag, {arguments...}, text]` and a Print or Echo as
// `Tessera`Print["print" | "echo", text, {expressions...}]`, so both sides decode them with the same
// WXF reader that decodes results. Every body goes through the link's expression send and decode
// (TesseraLink/KernelLink+Expressions.swift): packed arrays above the shared threshold cross as
// shared-memory handles (SharedArrayTransfer.swift), everything else as plain WXF. There is no
// bytes-only encoder here on purpose: a body written without the link would copy big arrays, and one
// read without it would leave handles unresolved.

import TesseraCore
import TesseraExpr
import TesseraLink
import TesseraWire

enum LinkCodec {
    /// Sends `e` as the body of a `kind` message to `link`'s peer.
    static func send(_ kind: LinkMessage.Kind, requestID: UInt64, _ e: Expr, over link: KernelLink,
                     _ k: Kernel) throws(LinkError) {
        try link.send(kind, requestID: requestID, expression: e, symbols: k.symbols)
    }

    /// The expression in the body of a message from `link`'s peer.
    static func decode(_ message: LinkMessage, from link: KernelLink, _ k: Kernel) throws(WXFError) -> Expr {
        try link.expression(of: message, symbols: k.symbols)
    }

    // MARK: Side output

    /// Side output as the expression of an `output` body.
    static func expression(_ output: SideOutput, _ k: Kernel) -> Expr {
        switch output {
        case .message(let m, _):
            let message = k.symbols.intern(fullName: "Tessera`Message")
            return Expr(message, .string(m.symbol), .string(m.tag), Expr(k.sys.List, m.arguments), .string(m.text))
        case .print(let p):
            let print = k.symbols.intern(fullName: "Tessera`Print")
            return Expr(print, .string(p.kind == .echo ? "echo" : "print"), .string(p.text),
                        Expr(k.sys.List, p.expressions))
        }
    }

    /// The side output in an `output` message body, or nil when the body is not one.
    static func decodeOutput(_ message: LinkMessage, from link: KernelLink, _ k: Kernel, origin: Int) -> SideOutput? {
        guard let e = try? decode(message, from: link, k), case .normal(let n) = e, case .symbol(let head) = n.head else { return nil }
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
