import Testing

@Suite struct ConfirmationTests {
    @Test(arguments: [
        ("{Enclose[2 + 2], Enclose[Confirm[5] + 2], Enclose[ConfirmBy[3, NumberQ] + 2], Enclose[ConfirmMatch[3, _Integer] + 2]}",
         "{4, 7, 5, 5}"),
        ("{Enclose[ConfirmAssert[1 < 2]; \"ok\"], Enclose[{Confirm[1], Confirm[2]}], Enclose[$Failed]}", "{ok, {1, 2}, $Failed}"),
        ("{Head[Enclose[Confirm[$Failed]]], Enclose[Confirm[$Failed]][\"Tag\"], Enclose[Confirm[$Failed]][\"ConfirmationType\"]}",
         "{Failure, ConfirmationFailed, Confirm}"),
        ("{Enclose[ConfirmBy[\"a\", NumberQ]][\"Function\"], Enclose[ConfirmMatch[\"a\", _Integer]][\"Pattern\"]}",
         "{NumberQ, _Integer}"),
        ("{Enclose[Confirm[$Failed, \"my info\"]][\"MessageTemplate\"], Enclose[Confirm[$Failed], \"Tag\"]}",
         "{my info, ConfirmationFailed}"),
        ("{Enclose[ConfirmQuiet[Log[0]]], Head[Enclose[ConfirmQuiet[1/0]]]}", "{-Infinity, Failure}"),
        ("Enclose[ConfirmAssert[1 > 2]][\"HeldTest\"]", "Hold[1 > 2]"),
        ("{Failure[\"t\", <|\"MessageTemplate\" -> \"m\"|>][\"nope\"], Catch[Enclose[Throw[3]]]}", "{Missing[NotAvailable, nope], 3}"),
        ("f[x_] := Enclose[Confirm[x] + 1]; {f[1], Head[f[Missing[]]]}", "{2, Failure}"),
    ])
    func encloseCatchesFailedConfirmations(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
