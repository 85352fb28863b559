// Operator steps of the parser: the generic binary step over a table row, and the operators with
// syntax of their own (`;`, `;;`, `~f~`, `/:`, `::`, `f'`, `>>`, `<<`).
//
// Each step is called with the operand built so far and the minimum precedence its caller accepts, and
// returns nil (consuming nothing) when the operator binds less tightly than that.

import TesseraExpr

extension ParseSession {
    /// binary := expression op expression   (op an infix or n-ary row of the operator table)
    @inline(never)
    mutating func parseBinary(after left: Operand, _ entry: OperatorEntry,
                              _ minimum: Int) throws -> Operand? {
        guard entry.precedence >= minimum else { return nil }
        try advance()
        let right = try parseExpression(entry.grouping == .right ? entry.precedence : entry.precedence + 1)
        return try binaryNode(entry, left, right)
    }

    @inline(never)
    private func binaryNode(_ entry: OperatorEntry, _ left: Operand, _ right: Operand) throws -> Operand {
        switch entry.form {
        case .subtract:
            return chain("Plus", left, negated(right))
        case .divide:
            return chain("Times", left, .atom(node("Power", [right.expr, .integer(-1)])))
        case .comparison:
            return comparison(left, entry.head, right)
        case .application:
            // `x // f` and `f @ x` are both the call f[x].
            return entry.token == "//" ? .atom(Expr(head: right.expr, [left.expr]))
                                       : .atom(Expr(head: left.expr, [right.expr]))
        default:
            break
        }
        if entry.fixity == .nary { return chain(entry.head, left, right) }
        let result = operatorNode(entry.head, left, right)
        if entry.head == "PatternTest", current.isOperator("?") {
            throw unexpected()  // `a?b?c` has no meaning
        }
        return result
    }

    /// postfix := expression op   (op a postfix row of the operator table)
    @inline(never)
    mutating func parsePostfix(after left: Operand, _ entry: OperatorEntry, _ minimum: Int) throws -> Operand? {
        guard entry.precedence >= minimum else { return nil }
        try advance()
        return operatorNode(entry.head, left)
    }

    /// `-x`: a number literal becomes negative; anything else is `Times[-1, x]`.
    @inline(never)
    func negated(_ operand: Operand) -> Operand {
        switch operand.expr {
        case .integer(let n) where n >= 0:
            return .atom(.integer(-n))
        case .bigInteger(let n) where n.sign == .plus:
            return .atom(.integer(-n))
        case .real(let x) where x.sign == .plus:
            return .atom(.real(-x))
        case .rational(let n, let d) where n.sign == .plus:
            return .atom(.rational(-n, d))
        default:
            return chain("Times", .atom(.integer(-1)), operand)
        }
    }

    /// Comparison chains: `a < b < c` is `Less[a, b, c]`, `a < b <= c` is `Inequality[a, Less, b, LessEqual, c]`.
    @inline(never)
    private func comparison(_ left: Operand, _ name: String, _ right: Operand) -> Operand {
        guard left.shape == .chain, case .normal(let normal) = left.expr,
              let leftName = normal.head.asSymbol?.name else {
            return chain(name, left, right)
        }
        if leftName == "Inequality" {
            return Operand(expr: node("Inequality", normal.arguments + [symbol(name), right.expr]),
                           shape: .chain)
        }
        guard leftName != name, OperatorTable.infix(forHead: leftName)?.form == .comparison else {
            return chain(name, left, right)
        }
        var arguments: [Expr] = []
        for (index, argument) in normal.arguments.enumerated() {
            if index > 0 { arguments.append(symbol(leftName)) }
            arguments.append(argument)
        }
        arguments += [symbol(name), right.expr]
        return Operand(expr: node("Inequality", arguments), shape: .chain)
    }

    /// implicit := expression expression   (juxtaposition is multiplication)
    @inline(never)
    mutating func parseImplicitTimes(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard OperatorTable.implicitTimesPrecedence >= minimum else { return nil }
        let right = try parseExpression(OperatorTable.implicitTimesPrecedence + 1)
        var product = chain("Times", left, right)
        product.endsInSpan = isChain(right, "Span") || right.endsInSpan
        return product
    }

    /// compound := expression ";" [ expression ] { ";" [ expression ] }   (an omitted one is Null)
    @inline(never)
    mutating func parseCompound(after left: Operand, _ minimum: Int) throws -> Operand? {
        let precedence = OperatorTable.precedence(ofToken: ";")
        guard precedence >= minimum else { return nil }
        try advance()
        // `a; // f` is f[a;]: what cannot start an operand leaves the Null and continues after it.
        let right = canStartExpression(current) ? try parseExpression(precedence + 1) : .atom(symbol("Null"))
        return chain("CompoundExpression", left, right)
    }

    @inline(never)
    mutating func parseSpan(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard OperatorTable.spanPrecedence >= minimum else { return nil }
        return try parseSpan(from: left)
    }

    /// span := [ expression ] ";;" [ expression ] [ ";;" expression ]   (omitted: 1, All)
    @inline(never)
    mutating func parseSpan(from first: Operand) throws -> Operand {
        let operandMinimum = OperatorTable.spanPrecedence + 1
        try advance()
        var operands = [first.expr]
        if !current.isOperator(";;") && canStartExpression(current) {
            operands.append(try parseExpression(operandMinimum).expr)
        } else {
            operands.append(symbol("All"))
        }
        // A second ";;" belongs to this span only when a step follows it: `a;;b;;` is a product of spans.
        if current.isOperator(";;"), canStartExpression(try peekNext()), !(try peekNext()).isOperator(";;") {
            try advance()
            operands.append(try parseExpression(operandMinimum).expr)
        }
        return Operand(expr: node("Span", operands), shape: .chain)
    }

    /// messageName := expression "::" name { "::" name }   (a name is an identifier or a string)
    @inline(never)
    mutating func parseMessageName(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard OperatorTable.precedence(ofToken: "::") >= minimum else { return nil }
        var arguments = [left.expr]
        while current.isOperator("::") {
            try advance()
            switch current.kind {
            case .symbol(let name), .string(let name):
                arguments.append(.string(name))
                try advance()
            default:
                throw unexpected()
            }
        }
        return Operand(expr: node("MessageName", arguments), shape: .chain)
    }

    /// tilde := expression "~" expression "~" expression   (the call middle[left, right])
    @inline(never)
    mutating func parseTildeApplication(after left: Operand, _ minimum: Int) throws -> Operand? {
        let precedence = OperatorTable.precedence(ofToken: "~")
        guard precedence >= minimum else { return nil }
        try advance()
        let function = try parseExpression(precedence + 1)
        guard current.isOperator("~") else { throw unexpected() }
        try advance()
        let right = try parseExpression(precedence + 1)
        return .atom(Expr(head: function.expr, [left.expr, right.expr]))
    }

    /// tagAssignment := expression "/:" expression ( "=" expression | ":=" expression | "=." )
    @inline(never)
    mutating func parseTagAssignment(after left: Operand, _ minimum: Int) throws -> Operand? {
        let precedence = OperatorTable.precedence(ofToken: "/:")
        guard precedence >= minimum else { return nil }
        try advance()
        let lhs = try parseExpression(precedence + 1)
        let name: String
        switch current.operatorSpelling {
        case "=": name = "TagSet"
        case ":=": name = "TagSetDelayed"
        case "=.": name = "TagUnset"
        default: throw unexpected()
        }
        try advance()
        if name == "TagUnset" {
            return Operand(expr: node(name, [left.expr, lhs.expr]), shape: .chain)
        }
        let rhs = try parseExpression(precedence)
        return Operand(expr: node(name, [left.expr, lhs.expr, rhs.expr]), shape: .chain)
    }

    /// derivative := expression "'" { "'" }   (n primes: Derivative[n][expression])
    @inline(never)
    mutating func parseDerivative(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard OperatorTable.precedence(ofToken: "'") >= minimum else { return nil }
        var order = 0
        while current.isOperator("'") {
            order += 1
            try advance()
        }
        return .atom(Expr(head: node("Derivative", [.integer(order)]), [left.expr]))
    }

    /// put := expression ( ">>" | ">>>" ) file-name
    @inline(never)
    mutating func parsePut(after left: Operand, _ minimum: Int) throws -> Operand? {
        guard let entry = current.operatorSpelling.flatMap(OperatorTable.infix(token:)),
              entry.precedence >= minimum else { return nil }
        let file = try parseFileName()
        return Operand(expr: node(entry.head, [left.expr, file]), shape: .chain)
    }

    /// file-name := string | { file-name character }   (after `<<`, `>>`, `>>>`, which is `current`)
    @inline(never)
    mutating func parseFileName() throws -> Expr {
        guard let token = try scanner.scanFileName(), case .string(let name) = token.kind else {
            try advance()
            throw unexpected()
        }
        try advance()
        return .string(name)
    }
}
