// Side output as values: what a kernel says besides its results.
//
// Messages and Print/Echo output leave the kernel through one door, `Kernel.output`, as structured
// values rather than preformatted text. The terminal (tessera's -code, -file, -script and the REPL)
// is one consumer: it turns each value into the text wolframscript prints (`terminalText`). A
// subkernel is another: it ships the values to its master, which re-issues a message with
// `Kernel.reissue(_:)`, so that the master's Off, Quiet, Check, $MessageList and General::stop treat
// it as one of its own.

import TesseraExpr

/// One issued message. It carries its arguments and its filled text, so a consumer in another kernel
/// (whose message texts may differ) can print it as the issuing kernel meant it.
public struct MessageValue: Sendable, Equatable {
    /// Full name of the symbol, e.g. "System`Power" or "Global`f".
    public var symbol: String
    public var tag: String
    public var arguments: [Expr]
    /// The template with the arguments filled in.
    public var text: String
    /// $KernelID of the kernel that issued it (0: this kernel; n: subkernel n, re-issued by its master).
    public var origin = 0

    public init(symbol: String, tag: String, arguments: [Expr], text: String) {
        self.symbol = symbol
        self.tag = tag
        self.arguments = arguments
        self.text = text
    }

    public static func == (a: MessageValue, b: MessageValue) -> Bool {
        a.symbol == b.symbol && a.tag == b.tag && a.text == b.text
            && a.arguments.count == b.arguments.count
            && zip(a.arguments, b.arguments).allSatisfy { $0.isIdentical(to: $1) }
    }
}

/// What `Print[...]` or `Echo[...]` put out: the expressions and the line as OutputForm text.
public struct PrintValue: Sendable {
    public enum Kind: Sendable { case print, echo }
    public var kind: Kind
    public var expressions: [Expr]
    /// The line without its newline (Echo's ">> label" included).
    public var text: String
    /// $KernelID of the kernel that printed it (0: this kernel).
    public var origin = 0

    public init(kind: Kind, expressions: [Expr], text: String) {
        self.kind = kind
        self.expressions = expressions
        self.text = text
    }
}

public enum SideOutput: Sendable {
    /// A message that passed Off and Quiet and the three-per-evaluation limit (General::stop itself
    /// comes as a message too). `shownName` is how the issuing kernel names the symbol on a terminal
    /// (without its context when the context is current or on the path).
    case message(MessageValue, shownName: String)
    case print(PrintValue)

    /// Output of subkernel n is shown "From kernel n: ...", as wolframscript names it.
    private static func kernelPrefix(_ origin: Int) -> String { origin == 0 ? "" : "From kernel \(origin): " }

    /// The text wolframscript prints for this output.
    public var terminalText: String {
        switch self {
        case .message(let m, let shownName):
            return "\n" + Self.kernelPrefix(m.origin) + shownName + "::" + m.tag + ": " + m.text + "\n"
        case .print(let p): return Self.kernelPrefix(p.origin) + p.text + "\n"
        }
    }
}
