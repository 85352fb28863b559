// The interactive session on a pseudo-terminal (util-linux `script -qfc`), as a user at a terminal
// meets it: the banner, `?name`, and the history that a second session reads back.

import Foundation
import Testing

private let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.enabled(if: TesseraBinary.available, TesseraBinary.missingReason),
       .enabled(if: script != nil, "needs util-linux script for a pseudo-terminal"))
struct InteractiveSessionTests {
    /// A fresh directory for one test's history, removed by the caller.
    private func stateDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-\(getpid())-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// What a session on a terminal shows for the keys of `typed`, with `environment` set.
    private func session(_ typed: String, _ environment: [String: String]) throws -> String {
        let run = try TesseraBinary.run(executable: URL(fileURLWithPath: script!),
                                        ["-qfc", TesseraBinary.url!.path, "/dev/null"],
                                        input: typed, environment: environment)
        return run.output.replacingOccurrences(of: "\r", with: "")
    }

    @Test func aSessionStartsWithABannerAndAnswersAQuestionMark() throws {
        let home = try stateDirectory("banner")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let shown = try session("f[x_] := x^2\n?f\nQuit[]\n", ["HOME": home, "XDG_STATE_HOME": ""])
        #expect(shown.contains("Tessera 0.1 for Linux x86 (64-bit)"))
        #expect(shown.contains("Type ?name for help"))
        #expect(shown.contains("In[2]:= ?f\nGlobal`f\n\nf[x_] := x^2\n"), "\(shown)")
    }

    @Test func historyIsKeptInTheHomeDirectory() throws {
        let home = try stateDirectory("home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try session("6*7\nQuit[]\n", ["HOME": home, "XDG_STATE_HOME": ""])
        let saved = try String(contentsOfFile: home + "/.tessera_history", encoding: .utf8)
        #expect(saved.split(separator: "\n").suffix(2) == ["6*7", "Quit[]"])
    }

    @Test func aSecondSessionRecallsTheFirstOnesInputs() throws {
        let state = try stateDirectory("xdg")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = ["HOME": state + "/nowhere", "XDG_STATE_HOME": state]
        _ = try session("6*7\nQuit[]\n", environment)
        #expect(FileManager.default.fileExists(atPath: state + "/tessera/history"))
        // Up twice passes Quit[] and recalls 6*7.
        let shown = try session("\u{1b}[A\u{1b}[A\n", environment)
        #expect(shown.contains("Out[1]= 42"), "\(shown)")
    }
}
