import Testing
import TesseraRunner

@Suite struct InformationQueryTests {
    @Test(arguments: [
        ("?f", "Information[\"f\", LongForm -> False]"),
        ("??f", "Information[\"f\"]"),
        ("  ?Global`f\n", "Information[\"Global`f\", LongForm -> False]"),
        ("? Parallel*", "Information[\"Parallel*\", LongForm -> False]"),
    ])
    func aQuestionMarkAsksForInformation(_ line: String, _ input: String) {
        #expect(InformationQuery.rewrite(line) == input)
    }

    @Test(arguments: ["f", "?", "??", "?f[x]", "a ? b", "?\"f\""])
    func anythingElseIsInput(_ line: String) {
        #expect(InformationQuery.rewrite(line) == nil)
    }
}
