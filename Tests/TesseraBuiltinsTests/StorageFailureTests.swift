// Arrays that cannot be allocated end the computation with General::nomem, a message naming the
// size, and $Aborted; the session goes on. None of these may try to fill the machine or trap on an
// overflowing size.

import Testing

@Suite struct StorageFailureTests {
    @Test(arguments: [
        ("RandomReal[1, {10^6, 10^6}]", "8000000000000"),
        ("RandomInteger[9, {10^6, 10^6}]", "8000000000000"),
        ("RandomComplex[1, {10^6, 10^6}]", "16000000000000"),
        ("ConstantArray[0., {10^6, 10^6}]", "8000000000000"),
        ("ConstantArray[1, {10^7, 10^7, 10^7}]", "8000000000000000000000"),
        ("ConstantArray[Range[2.], {10^6, 10^6}]", "16000000000000"),
        ("Range[10^13]", "80000000000000"),
        ("Table[0., {10^7}, {10^7}]", "800000000000000"),
        ("IdentityMatrix[10^7]", "800000000000000"),
    ])
    func anImpossibleArrayIsAMessageAndAnAbort(_ source: String, _ bytes: String) {
        let (output, result) = evaluateWithOutput(source + "\n1 + 1")
        #expect(output.contains("General::nomem: The current computation was aborted because there was insufficient memory available to complete the computation."))
        #expect(output.contains("General::nomemsz: An array of \(bytes) bytes was requested"))
        #expect(result == "2")  // the next input of the same session works
    }

    @Test func theAbortReachesTheTopLevelAsAborted() {
        #expect(evaluate("RandomReal[1, {10^6, 10^6}]; 1") == "$Aborted")
    }

    @Test func checkAbortCatchesIt() {
        #expect(evaluate("CheckAbort[ConstantArray[0., {10^6, 10^6}], tooBig]") == "tooBig")
    }

    @Test func aSizeBeyond64BitsSaysSo() {
        let (output, _) = evaluateWithOutput("ConstantArray[1, {10^7, 10^7, 10^7}]")
        #expect(output.contains("more than a machine integer can count"))
    }

    @Test(arguments: ["Range[-2^62, 2^62]", "Range[0, 10^30, 1/3]", "Range[0., 10.^13]", "Range[0., 1.*^300]"])
    func aRangeTooLongToCountIsAMessageNotATrap(_ source: String) {
        let (output, result) = evaluateWithOutput(source)
        #expect(output.contains("General::nomem"))
        #expect(result == "$Aborted")
    }

    @Test(arguments: [
        ("Range[5]", "{1, 2, 3, 4, 5}"),
        ("Range[10, 1, -3]", "{10, 7, 4, 1}"),
        ("Range[1, 0]", "{}"),
        ("Range[-2^62, -2^62 + 2]", "{-4611686018427387904, -4611686018427387903, -4611686018427387902}"),
        ("Length[Table[0., {3}, {300}]]", "3"),
    ])
    func sizesThatFitAreUnaffected(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }
}
