// The operator table: lookups by spelling for the parser and by head for the formatter.

import Testing
@testable import TesseraSyntax

struct OperatorTableTests {
    @Test func infixByToken() {
        #expect(OperatorTable.infix(token: "+")?.head == "Plus")
        #expect(OperatorTable.infix(token: "-")?.form == .subtract)
        #expect(OperatorTable.infix(token: "->")?.precedence == 120)
        #expect(OperatorTable.infix(token: "→")?.head == "Rule")
        #expect(OperatorTable.infix(token: "\u{F522}")?.head == "Rule")
        #expect(OperatorTable.infix(token: "^")?.grouping == .right)
        #expect(OperatorTable.infix(token: "/;")?.grouping == .left)
        #expect(OperatorTable.infix(token: "&&")?.fixity == .nary)
        #expect(OperatorTable.infix(token: "&") == nil)
    }

    @Test func prefixAndPostfixByToken() {
        #expect(OperatorTable.prefix(token: "-")?.head == "Minus")
        #expect(OperatorTable.prefix(token: "!")?.head == "Not")
        #expect(OperatorTable.postfix(token: "!")?.head == "Factorial")
        #expect(OperatorTable.postfix(token: "&")?.precedence == 90)
        #expect(OperatorTable.prefix(token: "++")?.head == "PreIncrement")
        #expect(OperatorTable.postfix(token: "++")?.head == "Increment")
    }

    @Test(arguments: [
        ("CompoundExpression", 10), ("Set", 40), ("Postfix", 70), ("Function", 40), ("ReplaceAll", 110),
        ("Rule", 120), ("Condition", 130), ("Alternatives", 160), ("Or", 215), ("Equal", 290),
        ("Plus", 310), ("Times", 400), ("Power", 590), ("Apply", 620), ("Map", 620), ("Prefix", 640),
    ])
    func infixByHead(head: String, precedence: Int) {
        #expect(OperatorTable.infix(forHead: head)?.precedence == precedence)
    }

    @Test func headLookupsGiveCanonicalSpellings() {
        #expect(OperatorTable.infix(forHead: "Rule")?.token == "->")
        #expect(OperatorTable.infix(forHead: "Apply")?.token == "@@")
        #expect(OperatorTable.infix(forHead: "MapApply")?.token == "@@@")
        #expect(OperatorTable.prefix(forHead: "Not")?.token == "!")
        #expect(OperatorTable.prefix(forHead: "Minus")?.precedence == 480)
        #expect(OperatorTable.postfix(forHead: "Function")?.token == "&")
        #expect(OperatorTable.postfix(forHead: "Factorial")?.token == "!")
        #expect(OperatorTable.postfix(forHead: "Derivative")?.token == "'")
    }

    @Test func bindingOrderMatchesTheParser() {
        func precedence(_ head: String) -> Int { OperatorTable.precedence(ofHead: head) }
        #expect(precedence("And") > precedence("Or"))
        #expect(precedence("Xor") > precedence("Or") && precedence("Xor") < precedence("And"))
        #expect(precedence("SameQ") < precedence("Equal"))
        #expect(precedence("Composition") > precedence("Prefix"))
        #expect(precedence("Increment") > precedence("PreIncrement"))
        #expect(OperatorTable.callPrecedence < precedence("PatternTest"))
        #expect(precedence("Optional") < precedence("Pattern"))
    }

    @Test func everyRowIsWellFormed() {
        for row in OperatorTable.rows {
            #expect(!row.token.isEmpty && !row.head.isEmpty)
            #expect(row.precedence > 0 && row.precedence < 1000)
            if row.fixity == .nary { #expect(row.grouping == .none) }
        }
    }
}
