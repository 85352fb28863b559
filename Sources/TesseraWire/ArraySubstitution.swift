// Hooks that let a transport carry large packed arrays out of band.
//
// The parallel toolkit moves big arrays between kernels as shared-memory handles instead of bytes. It
// does so inside ordinary WXF: the writer offers every packed array to a `WXFArraySubstitutionEncoder`,
// which may answer with a small expression that stands for it (say `Tessera`SharedArray[fd, 0, ...]`);
// the reader, when it finishes a function whose head is the decoder's marker symbol, hands the arguments
// to the matching `WXFArraySubstitutionDecoder`, which maps the memory and returns the array. A stream
// without hooks stays plain WXF that any peer can read.

import TesseraExpr
import TesseraStorage

/// May claim a packed array the writer is about to write and give an expression to write instead.
public protocol WXFArraySubstitutionEncoder {
    /// The expression to write in place of `array`, or nil to write the array's bytes as usual. The
    /// substitute is written as any expression (a packed array inside it is offered again; a packed
    /// array returned as the substitute itself is written as bytes, never offered twice).
    func substitute(for array: PackedArray) -> Expr?
}

/// Turns the expression a `WXFArraySubstitutionEncoder` wrote back into the array it stood for.
public protocol WXFArraySubstitutionDecoder {
    /// Full name of the head of substitute expressions, e.g. "Tessera`SharedArray". The reader calls
    /// `resolve` for every function with this head.
    var markerHead: String { get }
    /// The expression (normally `.packed`) for `markerHead[arguments...]`. Throw
    /// `WXFError.substitutionFailed` to reject the message.
    func resolve(_ arguments: [Expr]) throws(WXFError) -> Expr
}
