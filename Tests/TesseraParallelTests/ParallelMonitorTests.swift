// `tessera --monitor` and ProgressReporting, run as a user runs them: the debug binary on a small
// program, its standard error read through a pipe (not a terminal: plain lines) or through a
// pseudo-terminal made by util-linux's `script` (the live table, the bar, their escape sequences).

#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs `command` with sh and gives what it wrote to its standard output.
private func shell(_ command: String) -> String {
    guard let pipe = popen(command, "r") else { return "" }
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, pipe)
        if count <= 0 { break }
        output += buffer.prefix(count)
    }
    pclose(pipe)
    return String(decoding: output, as: UTF8.self)
}

/// Writes `source` to a fresh file and gives its path.
private func program(_ name: String, _ source: String) -> String {
    let path = "/tmp/tessera-monitor-\(getpid())-\(name).wl"
    let file = fopen(path, "w")
    fputs(source, file)
    fclose(file)
    return path
}

private let scriptAvailable = access("/usr/bin/script", X_OK) == 0

/// Kernels busy long enough for several rounds of the monitor; ends with the ledger's totals.
private let monitored = """
    LaunchKernels[2];
    r = ParallelTable[Pause[0.05]; i^2, {i, 12}, Method -> "FinestGrained"];
    a = RandomReal[1, 20000]; ParallelEvaluate[Total[a]];
    t = ParallelTraffic["Total"]; Print["ledger ", t["WireBytes"], " ", t["SharedBytes"]]
    """

/// The totals row of the summary (evaluations, bytes in, out, shared) and the ledger's (wire, shared).
private func totals(_ text: String) -> (summary: [Int], ledger: [Int])? {
    // On a terminal a line may begin with the escape sequences of an erased table.
    let lines = text.split(whereSeparator: \.isNewline)  // a terminal's "\r\n" is one Character
    guard let total = lines.last(where: { $0.contains(" total ") }),
          let ledger = lines.last(where: { $0.contains("ledger ") }) else { return nil }
    let numbers = { (line: Substring, after: String) in
        line[line.range(of: after)!.upperBound...].split(separator: " ").compactMap { Int($0) }
    }
    return (numbers(total, " total "), numbers(ledger, "ledger "))
}

@Suite(.serialized, .enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"))
struct ParallelMonitorTests {
    @Test func monitorWithoutTerminalPrintsPlainLinesAndASummaryEqualToTheLedger() throws {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let file = program("plain", monitored)
        defer { unlink(file) }
        let stdout = shell("\(binary) --monitor -file \(file) 2>/dev/null")
        let stderr = shell("\(binary) --monitor -file \(file) 2>&1 >/dev/null")
        #expect(!stdout.contains("kernel"), "the monitor wrote to standard output: \(stdout)")
        #expect(!stderr.contains("\u{1B}["), "escape sequences with no terminal")
        let lines = stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("kernel 1 busy:") } && lines.contains { $0.contains("kernel 2 idle:") }, "\(stderr)")
        #expect(lines.contains("Parallel summary") == false && stderr.contains("Parallel summary ("))
        let (summary, ledger) = try #require(totals(stderr + stdout))
        try #require(summary.count == 4 && ledger.count == 2, "\(stderr)")
        #expect(summary[0] == 14, "12 ParallelTable items and 2 ParallelEvaluate")
        #expect(summary[1] + summary[2] == ledger[0], "wire bytes in + out = ParallelTraffic's WireBytes")
        #expect(summary[3] == ledger[1], "shared bytes = ParallelTraffic's SharedBytes")
        #expect(ledger[1] == 2 * 20000 * 8)
    }

    @Test(.enabled(if: scriptAvailable, "needs util-linux's script for a pseudo-terminal"))
    func monitorOnTerminalRedrawsTheTableInPlaceThenSummarizes() throws {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let file = program("pty", monitored)
        defer { unlink(file) }
        let screen = shell("script -qfc '\(binary) --monitor -file \(file)' /dev/null")
        // Header, two kernels: each redraw goes back up four lines and clears to the end of the screen.
        let redraws = screen.components(separatedBy: "\u{1B}[4A\r\u{1B}[J").count - 1
        #expect(redraws >= 2, "\(screen)")
        #expect(screen.contains("kernel  state  evaluations  bytes in  bytes out  bytes shared"))
        let (summary, ledger) = try #require(totals(screen))
        #expect(summary.count == 4 && summary[1] + summary[2] == ledger[0] && summary[3] == ledger[1], "\(screen)")
        // The summary comes after the last erase, so it stays on the screen.
        let afterLastErase = screen.components(separatedBy: "\u{1B}[J").last ?? ""
        #expect(afterLastErase.contains("Parallel summary"))
    }

    /// Each parallel function with ProgressReporting, and $ProgressReporting as the default.
    private static let progressCalls = [
        "ParallelTable[Pause[0.02]; i, {i, 8}, Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelMap[(Pause[0.02]; #) &, Range[8], Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelDo[Pause[0.02], {i, 8}, Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelSum[Pause[0.02]; i, {i, 8}, Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelProduct[Pause[0.02]; i, {i, 8}, Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelArray[(Pause[0.02]; #) &, 8, Method -> \"FinestGrained\", ProgressReporting -> True]",
        "ParallelCombine[Identity, Range[8], Method -> \"FinestGrained\", ProgressReporting -> True]",
        "$ProgressReporting = True; ParallelTable[Pause[0.02]; i, {i, 8}, Method -> \"FinestGrained\"]",
    ]

    @Test(.enabled(if: scriptAvailable, "needs util-linux's script for a pseudo-terminal"), arguments: progressCalls)
    func progressBarOnTerminalReachesTheTotalAndIsErased(_ call: String) throws {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let file = program("progress", "LaunchKernels[2];\n" + call + ";\nPrint[\"end\"]\n")
        defer { unlink(file) }
        let screen = shell("script -qfc '\(binary) -file \(file)' /dev/null")
        #expect(screen.contains("] 8/8"), "\(screen)")
        let barThenErase = screen.range(of: "] 8/8").map { screen[$0.upperBound...] } ?? ""
        #expect(barThenErase.contains("\r\u{1B}[K"), "the bar is erased when the call returns")
    }

    @Test(arguments: [progressCalls[0], progressCalls[7]])
    func progressReportingPrintsNothingWithoutTerminal(_ call: String) throws {
        let binary = try #require(ParallelHarness.tesseraBinary)
        let file = program("progress-plain", "LaunchKernels[2];\n" + call + ";\nPrint[\"end\"]\n")
        defer { unlink(file) }
        #expect(shell("\(binary) -file \(file) 2>&1") == "end\n")
    }

    @Test func progressReportingIsFalseByDefaultAndAnOptionOfEachParallelFunction() {
        let run = Master.run(["{$ProgressReporting, Block[{$ProgressReporting = True}, "
                              + "Union[(ProgressReporting /. Options[#]) & /@ {ParallelTable, ParallelMap, ParallelDo, ParallelSum, "
                              + "ParallelProduct, ParallelArray, ParallelCombine}]]}"])
        #expect(run.results == ["{False, {True}}"])
    }
}
