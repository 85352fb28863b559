// Expressions as message bodies: the one send path for bodies with packed arrays in them.
//
// Every evaluate, define, result and output body goes through `send(_:requestID:expression:symbols:)`
// and `expression(of:symbols:)`, so a big packed array always crosses as a shared-memory handle, its
// descriptor attached to the same message and its buffer marked exported by the same call
// (SharedArrayTransfer), and the ledger counts the bytes shared beside the bytes on the wire.

#if canImport(Glibc)
import Glibc
#endif
import TesseraExpr
import TesseraStorage
import TesseraWire

extension KernelLink {
    /// Sends `expression` as the body of a `kind` message.
    public func send(_ kind: LinkMessage.Kind, requestID: UInt64, expression: Expr, symbols: SymbolTable) throws(LinkError) {
        let body = sharedArrays.encode(expression, symbols: symbols)
        // The attached descriptors are the buffers' own: they stay open while `body.holds` lives.
        try withExtendedLifetime(body.holds) { () throws(LinkError) in
            try send(LinkMessage(kind: kind, requestID: requestID, body: body.bytes, descriptors: body.descriptors),
                     sharedBytes: body.sharedBytes)
        }
    }

    /// The expression in the body of `message`, with the arrays it carries by handle mapped. Closes
    /// the message's descriptors (each mapping keeps its own).
    public func expression(of message: LinkMessage, symbols: SymbolTable,
                           limits: WXFLimits = WXFLimits()) throws(WXFError) -> Expr {
        defer { message.closeDescriptors() }
        let (e, shared) = try sharedArrays.decode(message.body, descriptors: message.descriptors, symbols: symbols,
                                                  limits: limits)
        noteSharedReceived(shared, kind: message.kind)
        return e
    }
}

extension LinkMessage {
    /// Closes the descriptors the message brought (the receiver owns them).
    func closeDescriptors() {
        for d in descriptors { Glibc.close(d) }
    }
}
