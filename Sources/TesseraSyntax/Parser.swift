// The parser: tokens to expressions.
//
// A Pratt (operator-precedence) parser driven by `OperatorTable`: `parseExpression(p)` reads one
// operand and then keeps extending it with every operator whose precedence is at least `p`; an
// operator's right operand is read with `p` = its own precedence (right-grouping) or one more
// (left-grouping and n-ary). The handful of operators whose syntax is not "operand op operand" (calls,
// `;;`, `~f~`, `/:`, `::`, `x:p`, `f'`, `<<file`) have their own functions in `Parser+Operators.swift`
// and `Parser+Patterns.swift`; everything else is one generic step over a table row.
//
// Two details give Mathematica's exact FullForm. Operands carry their `Shape`: an n-ary operator
// splices in an operand built by the same operator (`a*b/c` is one `Times`) but never a parenthesised
// one (`(a*b)*c` keeps its inner `Times`). And line breaks matter only outside brackets: there a line
// break ends an expression that is complete, while a line that ends in an operator continues.
//
// Recursion is bounded so that hostile input such as 10^5 open brackets ends in a syntax error instead
// of overflowing the native stack of whatever thread is parsing: past a modest depth the parser checks
// how much of this thread's stack is left (`StackLimit`), and it never nests beyond
// `Parser.maximumNesting`. The functions on the recursive path are kept `@inline(never)` and small, with
// their non-recursive work split off, because the compiler would otherwise merge them into a few
// frames of several kilobytes each and so divide the reachable depth by ten.

import TesseraExpr

public struct Parser {
    let symbols: SymbolTable
    /// The System` heads the parser builds, interned on first use (a parse needs only a few of them).
    let heads = HeadCache()

    /// Deepest nesting of sub-expressions the parser follows even with stack to spare: whatever
    /// consumes the result recurses over it too.
    static let maximumNesting = 4096
    /// Nesting from which the parser watches the native stack.
    static let stackWatchNesting = 16
    /// Stack left untouched for the rest of the program (at most a quarter of a small stack).
    static let stackReserve: UInt = 192 * 1024

    public init(symbols: SymbolTable) {
        self.symbols = symbols
    }

    /// Every top-level expression of a file or a `-code` string, in order.
    public func parse(_ source: String) throws(SyntaxError) -> [Expr] {
        var reader = ExpressionReader(parser: self, source: source)
        var expressions: [Expr] = []
        while let expression = try reader.next() { expressions.append(expression) }
        return expressions
    }
}

/// The heads one parser has interned so far, by name.
final class HeadCache {
    var symbols: [String: Symbol] = [:]
}

/// An expression being built, with what the parser must remember about how it was written.
/// Kept to three words so that it travels in registers through the recursive descent.
struct Operand {
    enum Shape {
        /// A literal, symbol, call or other form no operator may splice into.
        case atom
        /// Written in parentheses: never spliced, never continued as a chain.
        case group
        /// Built by an operator (its head says which: `a - b` is a `Plus` chain).
        case chain
    }

    var expr: Expr
    var shape: Shape
    /// A product whose last factor is a span: a following `;;` starts another span factor
    /// (`a;;b;;c;;d;;e` is `Span[a, b, c] Span[1, d, e]`), it does not take the product as its start.
    var endsInSpan = false

    static func atom(_ expr: Expr) -> Operand { Operand(expr: expr, shape: .atom) }
}

/// The state of one `parse` call: the scanner, one token of lookahead and the nesting counters.
struct ParseSession {
    let parser: Parser
    var scanner: Scanner
    /// The next token, not yet consumed.
    var current = Token(kind: .end, start: 0, end: 0)
    /// Open brackets around `current`, innermost last, with the closer each needs and the colon rule
    /// outside it.
    var openBrackets: [(closer: String, offset: Int, colonBlocked: Bool)] = []
    /// True on the right side of `x:p` (outside any bracket), where a colon cannot start another
    /// pattern: `x:a|b:d` is `Optional[Pattern[x, a|b], d]`.
    var colonBlocked = false
    /// Active `parseExpression` calls.
    var nesting = 0
    /// The lowest stack address the parser may reach, found once nesting gets deep.
    var stackFloor: UInt?
    /// Whether the first token has been read.
    var started = false

    init(parser: Parser, source: String) {
        self.parser = parser
        scanner = Scanner(source)
    }

    // MARK: Tokens

    /// Consumes `current`. Inside brackets a line break is only a space, so it is skipped here.
    @inline(never)
    mutating func advance() throws {
        current = try scanner.next()
        while current.kind == .newline && !openBrackets.isEmpty {
            current = try scanner.next()
        }
    }

    @inline(never)
    mutating func skipNewlines() throws {
        while current.kind == .newline { current = try scanner.next() }
    }

    /// The token after `current`, without consuming anything.
    @inline(never)
    func peekNext() throws -> Token {
        var probe = scanner
        var token = try probe.next()
        while token.kind == .newline && !openBrackets.isEmpty { token = try probe.next() }
        return token
    }

    @inline(never)
    mutating func openBracket(closer: String) throws {
        openBrackets.append((closer, current.start, colonBlocked))
        colonBlocked = false
        try advance()
    }

    @inline(never)
    mutating func closeBracket(_ closer: String) throws {
        guard current.isOperator(closer) else { throw unexpected() }
        colonBlocked = openBrackets.removeLast().colonBlocked
        try advance()
    }

    // MARK: Building

    func head(_ name: String) -> Symbol {
        if let symbol = parser.heads.symbols[name] { return symbol }
        let symbol = parser.symbols.intern(fullName: "System`" + name)
        parser.heads.symbols[name] = symbol
        return symbol
    }

    @inline(never)
    func node(_ name: String, _ arguments: [Expr]) -> Expr {
        Expr(head(name), arguments)
    }

    func symbol(_ name: String) -> Expr {
        .symbol(head(name))
    }

    /// True when `operand` was built by an operator whose head is `name` and is not parenthesised.
    func isChain(_ operand: Operand, _ name: String) -> Bool {
        operand.shape == .chain && operand.expr.headSymbol === head(name)
    }

    /// The arguments `operand` contributes to an n-ary `name` node: its own arguments when it is an
    /// unparenthesised chain of the same operator, else itself.
    func spliced(_ operand: Operand, into name: String) -> [Expr] {
        if isChain(operand, name), case .normal(let normal) = operand.expr { return normal.arguments }
        return [operand.expr]
    }

    /// An n-ary node, splicing in operands that are chains of the same operator.
    @inline(never)
    func chain(_ name: String, _ operands: Operand...) -> Operand {
        var arguments: [Expr] = []
        for operand in operands { arguments += spliced(operand, into: name) }
        return Operand(expr: node(name, arguments), shape: .chain)
    }

    /// The node of an operator that is not n-ary: `Factorial[Factorial[n]]` stays nested.
    @inline(never)
    func operatorNode(_ name: String, _ operands: Operand...) -> Operand {
        Operand(expr: node(name, operands.map(\.expr)), shape: .chain)
    }

    // MARK: Errors

    /// The error for `current`, which cannot come where it is.
    @inline(never)
    func unexpected() -> SyntaxError {
        guard current.isEnd else { return scanner.unexpected(at: current.start) }
        let text = scanner.text(scanner.expressionStart..<current.start)
            .trimmingTrailing { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        if let open = openBrackets.last {
            return .unclosed(text, closer: open.closer, at: open.offset)
        }
        return .incomplete(text, at: current.start)
    }

    // MARK: Grammar

    /// file := { newline } [ expression { newline { newline } expression } ] end
    ///
    /// The next top-level expression of the file, or nil at its end. Names are resolved as each
    /// expression is read, so an evaluation between two calls (`BeginPackage`) decides the context
    /// of the symbols that follow it.
    mutating func parseNextExpression() throws -> Expr? {
        if !started {
            started = true
            try advance()
        }
        try skipNewlines()
        if current.isEnd { return nil }
        scanner.expressionStart = current.start
        let expression = try parseExpression(0).expr
        guard current.isNewline || current.isEnd else { throw unexpected() }
        return expression
    }

    /// expression := prefix { infix expression | postfix }
    mutating func parseExpression(_ minimum: Int) throws -> Operand {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.stackWatchNesting { try checkNesting() }
        var left = try parsePrefix()
        while let extended = try parseInfix(after: left, minimum) {
            left = extended
        }
        return left
    }

    /// Throws once nesting is too deep for the stack this thread has.
    @inline(never)
    private mutating func checkNesting() throws {
        if stackFloor == nil {
            let bounds = StackLimit.bounds() ?? (lowest: 0, size: 0)
            stackFloor = bounds.lowest + min(Parser.stackReserve, bounds.size / 4)
        }
        if nesting > Parser.maximumNesting || StackLimit.currentAddress() < stackFloor ?? 0 {
            throw SyntaxError.tooDeep(limit: nesting - 1, at: current.start)
        }
    }

    /// prefix := atom | prefix-operator
    mutating func parsePrefix() throws -> Operand {
        try skipNewlines()
        guard case .op(let spelling) = current.kind else { return try parseAtom() }
        return try parsePrefixOperator(spelling)
    }

    /// atom := symbol | number | string | blank | slot | out
    @inline(never)
    private mutating func parseAtom() throws -> Operand {
        let operand: Operand
        switch current.kind {
        case .symbol(let name):
            operand = .atom(.symbol(parser.symbols.lookup(name)))
        case .number(let value):
            operand = .atom(value)
        case .string(let value):
            operand = .atom(.string(value))
        case .blank(let blank):
            operand = blankOperand(blank)
        case .slot(let n):
            operand = .atom(node("Slot", [.integer(n)]))
        case .namedSlot(let name):
            operand = .atom(node("Slot", [.string(name)]))
        case .slotSequence(let n):
            operand = .atom(node("SlotSequence", [.integer(n)]))
        case .out(let n):
            operand = .atom(node("Out", n.map { [.integer($0)] } ?? []))
        case .op, .newline, .end:
            throw unexpected()
        }
        try advance()
        return operand
    }

    /// prefix-operator := "(" expression ")" | "{" sequence "}" | "<|" sequence "|>" | span
    ///                  | "<<" file-name | op expression
    @inline(never)
    private mutating func parsePrefixOperator(_ spelling: String) throws -> Operand {
        switch spelling {
        case "(":
            return try parseGroup()
        case "{":
            return try parseBracketed(head: "List", closer: "}")
        case "<|":
            return try parseBracketed(head: "Association", closer: "|>")
        case ";;":
            return try parseSpan(from: .atom(.integer(1)))
        case "<<":
            return try parseGet()
        default:
            return try parsePrefixApplication(spelling)
        }
    }

    /// group := "(" expression ")"
    @inline(never)
    private mutating func parseGroup() throws -> Operand {
        try openBracket(closer: ")")
        let inner = try parseExpression(0)
        try closeBracket(")")
        return Operand(expr: inner.expr, shape: .group)
    }

    /// list := "{" sequence "}"      association := "<|" sequence "|>"
    @inline(never)
    private mutating func parseBracketed(head: String, closer: String) throws -> Operand {
        try openBracket(closer: closer)
        let elements = try parseSequence(closer: closer)
        try closeBracket(closer)
        return .atom(node(head, elements))
    }

    /// get := "<<" file-name
    @inline(never)
    private mutating func parseGet() throws -> Operand {
        .atom(node("Get", [try parseFileName()]))
    }

    /// prefix-application := op expression   (op a prefix row of the operator table)
    @inline(never)
    private mutating func parsePrefixApplication(_ spelling: String) throws -> Operand {
        guard let precedence = OperatorTable.prefix(token: spelling)?.precedence else { throw unexpected() }
        try advance()
        let operand = try parseExpression(precedence)
        return prefixNode(spelling, operand)
    }

    @inline(never)
    private func prefixNode(_ spelling: String, _ operand: Operand) -> Operand {
        guard let entry = OperatorTable.prefix(token: spelling) else { return operand }
        switch entry.form {
        case .negate:
            return negated(operand)
        case .doubleNot:
            return Operand(expr: node("Not", [node("Not", [operand.expr])]), shape: .chain)
        default:
            // Only `+` splices: `+ +a` is Plus[a], but `! !a` is Not[Not[a]].
            return entry.head == "Plus" ? chain(entry.head, operand) : operatorNode(entry.head, operand)
        }
    }

    /// sequence := [ expression ] { "," [ expression ] }   (an omitted element is Null)
    @inline(never)
    mutating func parseSequence(closer: String) throws -> [Expr] {
        var elements: [Expr] = []
        if current.isOperator(closer) { return elements }
        while true {
            if current.isOperator(",") {
                elements.append(symbol("Null"))
            } else {
                elements.append(try parseExpression(0).expr)
            }
            if current.isOperator(",") {
                try advance()
                if current.isOperator(closer) {
                    elements.append(symbol("Null"))
                    return elements
                }
                continue
            }
            if current.isOperator(closer) { return elements }
            throw unexpected()
        }
    }

    /// What the token after an operand does to it.
    private enum InfixStep {
        case stop, implicitTimes, call, compound, span, colon, messageName, tilde, tagAssignment, derivative, put
        case binary(OperatorEntry)
        case postfix(OperatorEntry)
    }

    /// infix := call | part | binary | postfix | special operator | implicit multiplication
    /// Returns nil when `current` does not continue an expression of precedence `minimum`.
    @inline(never)
    private mutating func parseInfix(after left: Operand, _ minimum: Int) throws -> Operand? {
        // The decision is made apart from the recursion so that this frame, which stays on the stack
        // for every nested operand, holds nothing but the step.
        var result: Operand?
        switch infixStep(after: left) {
        case .stop: result = nil
        case .implicitTimes: result = try parseImplicitTimes(after: left, minimum)
        case .call: result = try parseCall(after: left, minimum)
        case .compound: result = try parseCompound(after: left, minimum)
        case .span: result = try parseSpan(after: left, minimum)
        case .colon: result = try parseColon(after: left, minimum)
        case .messageName: result = try parseMessageName(after: left, minimum)
        case .tilde: result = try parseTildeApplication(after: left, minimum)
        case .tagAssignment: result = try parseTagAssignment(after: left, minimum)
        case .derivative: result = try parseDerivative(after: left, minimum)
        case .put: result = try parsePut(after: left, minimum)
        case .binary(let entry): result = try parseBinary(after: left, entry, minimum)
        case .postfix(let entry): result = try parsePostfix(after: left, entry, minimum)
        }
        return result
    }

    @inline(never)
    private func infixStep(after left: Operand) -> InfixStep {
        guard case .op(let spelling) = current.kind else {
            return current.isNewline || current.isEnd ? .stop : .implicitTimes
        }
        switch spelling {
        case ")", "]", "}", ",", "|>": return .stop
        case "(", "{", "<|", "<<": return .implicitTimes
        case "[": return .call
        case ";": return .compound
        case ";;":
            // `a;;b;;c;;d` is Span[a, b, c] times Span[1, d]: a span never continues another.
            return isChain(left, "Span") || left.endsInSpan ? .implicitTimes : .span
        case ":": return .colon
        case "::": return .messageName
        case "~": return .tilde
        case "/:": return .tagAssignment
        case "'": return .derivative
        case ">>", ">>>": return .put
        default: break
        }
        if let entry = OperatorTable.infix(token: spelling) { return .binary(entry) }
        if let entry = OperatorTable.postfix(token: spelling) { return .postfix(entry) }
        if OperatorTable.prefix(token: spelling) != nil { return .implicitTimes }
        return .stop
    }

    /// call := expression "[" sequence "]" | expression "[" "[" sequence "]" "]"
    @inline(never)
    private mutating func parseCall(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard OperatorTable.callPrecedence >= minimum else { return nil }
        try openBracket(closer: "]")
        if current.isOperator("[") {
            try openBracket(closer: "]")
            let indices = try parseSequence(closer: "]")
            try closeBracket("]")
            try closeBracket("]")
            return .atom(node("Part", [left.expr] + indices))
        }
        let arguments = try parseSequence(closer: "]")
        try closeBracket("]")
        return .atom(Expr(head: left.expr, arguments))
    }

    /// True when `token` can begin an operand (what may follow `;` or `;;` instead of an implied Null/All).
    @inline(never)
    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .end:
            return false
        case .op(let spelling):
            switch spelling {
            case "(", "{", "<|", ";;", "<<": return true
            default: return OperatorTable.prefix(token: spelling) != nil
            }
        default:
            return true
        }
    }
}

extension String {
    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
