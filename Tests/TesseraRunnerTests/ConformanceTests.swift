// Runs the conformance corpus of ../shared/conformance over the topics in scope and checks the pass
// rate of each against the floor reached so far (a regression fails the suite). The corpus is external
// test data (AGPL): it is read here at test time and never copied into the repository.

import Testing
import TesseraRunner

#if canImport(Glibc)
import Glibc
#endif

/// Topic -> the pass rate (percent) that must not be lost: a little under what was reached
/// (issue 2 asks for 60% of the first six topics and 40% of list and arithmetic).
private let floors: [String: Double] = [
    "syntax": 80, "patterns": 90, "function_application": 87, "function_definitions": 92,
    "control_flow": 78, "attributes": 85, "list": 81, "arithmetic": 80,
]

private var casesPath: String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)   // Tests/TesseraRunnerTests/ConformanceTests.swift
    return parts.joined(separator: "/") + "/../shared/conformance/cases.jsonl"
}

final class RateBox: @unchecked Sendable { var counts: [String: (Int, Int)] = [:] }

@Suite struct ConformanceTests {
    /// One test per topic, so that topics run in parallel.
    @Test(arguments: floors.keys.sorted())
    func topicKeepsItsPassRate(_ topic: String) throws {
        guard let cases = loadCases(casesPath) else {
            print("note: \(casesPath) not found; conformance cases skipped")
            return
        }
        let selected = cases.filter { $0.topic == topic }
        let box = RateBox()
        runOnLargeStack {
            for c in selected {
                let (ok, _) = runConformanceCase(c, timeout: 2)
                var counts = box.counts[c.topic] ?? (0, 0)
                if ok { counts.0 += 1 } else { counts.1 += 1 }
                box.counts[c.topic] = counts
            }
        }
        let (p, f) = box.counts[topic] ?? (0, 0)
        let rate = Double(p) * 100 / Double(max(p + f, 1))
        print("conformance \(topic): \(p)/\(p + f) = \(percentText(rate))%")
        #expect(rate >= floors[topic]!, "\(topic) fell below \(floors[topic]!)%")
    }
}

private func percentText(_ value: Double) -> String {
    let scaled = (value * 10).rounded() / 10
    return "\(scaled)"
}
