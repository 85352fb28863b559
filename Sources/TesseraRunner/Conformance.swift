// `tessera conformance FILE.jsonl [--topic T]... [--kind unit|cli] [--show-failures N] [--id ID]`
//
// Runs the conformance cases of ../shared/conformance (their README gives the rule): each case in a
// fresh kernel, in this one process, with a 10 s evaluation deadline. Prints pass counts per topic and
// ends with `N passed, M failed`.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

public struct ConformanceCase: Sendable {
    public let id: String
    public let topic: String
    public let kind: String
    public let setup: [String]
    public let input: String
    public let expected: String

    public var program: String {
        kind == "unit" ? "Quiet[" + (setup + [input]).joined(separator: "; ") + "]" : input
    }
}

public func loadCases(_ path: String) -> [ConformanceCase]? {
    guard let text = readTextFile(path) else { return nil }
    var cases: [ConformanceCase] = []
    for line in text.split(separator: "\n") where !line.isEmpty {
        guard let json = JSONReader.parse(String(line)) else { continue }
        cases.append(ConformanceCase(
            id: json["id"]?.string ?? "", topic: json["topic"]?.string ?? "",
            kind: json["kind"]?.string ?? "unit", setup: json["setup"]?.array?.compactMap { $0.string } ?? [],
            input: json["input"]?.string ?? "", expected: json["expected"]?.string ?? ""))
    }
    return cases
}

/// Runs one case; returns (passed, actual output).
public func runConformanceCase(_ c: ConformanceCase, timeout: Double = 10) -> (Bool, String) {
    var output = ""
    let kernel = KernelAssembly.makeKernel { output += $0 }
    kernel.deadline = monotonicSeconds() + timeout
    let outcome = runCode(kernel, c.program) { output += $0 }
    kernel.tearDown()
    if output.hasSuffix("\n") { output.removeLast() }
    return (outcome.exitCode == 0 && output == c.expected, output)
}

public func conformanceMain(_ arguments: [String]) -> Int32 {
    var path: String? = nil
    var topics: Set<String> = []
    var kind: String? = nil
    var ids: Set<String> = []
    var showFailures = 0
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        switch a {
        case "--topic": i += 1; if i < arguments.count { topics.insert(arguments[i]) }
        case "--kind": i += 1; if i < arguments.count { kind = arguments[i] }
        case "--id": i += 1; if i < arguments.count { ids.insert(arguments[i]) }
        case "--show-failures": i += 1; if i < arguments.count { showFailures = Int(arguments[i]) ?? 0 }
        default: path = a
        }
        i += 1
    }
    guard let path, let all = loadCases(path) else {
        print("tessera conformance: cannot read cases file")
        return 2
    }
    let selected = all.filter { (topics.isEmpty || topics.contains($0.topic)) && (kind == nil || $0.kind == kind)
        && (ids.isEmpty || ids.contains($0.id)) }
    var perTopic: [String: (Int, Int)] = [:]
    var passed = 0, failed = 0, shown = 0
    for c in selected {
        let (ok, actual) = runConformanceCase(c)
        var counts = perTopic[c.topic] ?? (0, 0)
        if ok { passed += 1; counts.0 += 1 } else {
            failed += 1; counts.1 += 1
            if shown < showFailures {
                shown += 1
                print("FAIL \(c.id): \(c.program)\n  expected: \(c.expected)\n  actual:   \(actual)")
            }
        }
        perTopic[c.topic] = counts
    }
    for topic in perTopic.keys.sorted() {
        let (p, f) = perTopic[topic]!
        let rate = p + f == 0 ? 0 : Double(p) * 100 / Double(p + f)
        print("\(topic): \(p)/\(p + f) (\(Int(rate.rounded()))%)")
    }
    print("\(passed) passed, \(failed) failed")
    return 0
}
