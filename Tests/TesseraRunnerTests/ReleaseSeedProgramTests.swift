// The seed programs (../shared/programs), made small, on the release binary.
//
// Only release builds carry `-assume-single-threaded` and no exclusivity checks (Package.swift), so
// only they can show a break of the threading contract (ThreadOwnership.swift) as a crash or a wrong
// number. `make test` builds the release binary and names it in TESSERA_RELEASE_BINARY; without it,
// or without ../shared, these tests are skipped and say so.

#if canImport(Glibc)
import Glibc
#endif
import Testing

private enum ReleaseBinary {
    static let path: String? = {
        guard let raw = getenv("TESSERA_RELEASE_BINARY") else { return nil }
        let path = String(cString: raw)
        return access(path, X_OK) == 0 ? path : nil
    }()
    static let programs = "../shared/programs"
    static let available = path != nil && access(programs + "/multinormal.wl", R_OK) == 0

    /// Runs `binary FILE` on `program` with the substitutions applied; its output lines and status.
    static func run(_ program: String, _ substitutions: [(String, String)]) -> (lines: [String], status: Int32) {
        guard let path, let source = read(programs + "/" + program) else { return ([], -1) }
        var text = source
        for (from, to) in substitutions {
            #expect(text.contains(from), "the seed program \(program) no longer contains \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let file = "/tmp/tessera-release-seed-\(getpid())-\(program)"
        guard let out = fopen(file, "w") else { return ([], -1) }
        fputs(text, out)
        fclose(out)
        defer { unlink(file) }
        guard let pipe = popen("timeout 120 '\(path)' '\(file)' 2>&1", "r") else { return ([], -1) }
        var output = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil {
            output += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let status = pclose(pipe)
        return (output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), (status >> 8) & 0xff)
    }

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return text
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite(.enabled(if: ReleaseBinary.available, "needs TESSERA_RELEASE_BINARY (make test sets it) and ../shared/programs"))
struct ReleaseSeedProgramTests {
    @Test func crossSpectrumRunsSmallOnTheReleaseBinary() {
        let run = ReleaseBinary.run("cross_spectrum.wl", [("{401, 300000}", "{8, 3000}"), ("{n, 1, 16}", "{n, 1, 4}")])
        #expect(run.status == 0, "\(run.lines)")
        #expect(run.lines.contains("{True, True}"), "both arrays packed: \(run.lines)")
        // Smtx1 === Smtx2 and Smtx2 === Take[Smtx3, 2]: ParallelTable gives what Table gives.
        #expect(Array(run.lines.suffix(3)) == ["True", "True", ""], "\(run.lines)")
    }

    @Test func kernelTrafficRunsSmallOnTheReleaseBinary() {
        let run = ReleaseBinary.run("kernel_traffic.wl", [("m = 30000; n = 640;", "m = 3000; n = 16;")])
        #expect(run.status == 0, "\(run.lines)")
        #expect((run.lines.first.flatMap { Int($0) } ?? 0) >= 1, "$KernelCount after LaunchKernels[]: \(run.lines)")
        // Table[...] === ParallelTable[...]
        #expect(Array(run.lines.suffix(2)) == ["True", ""], "\(run.lines)")
    }

    @Test func multinormalRunsSmallOnTheReleaseBinary() {
        let run = ReleaseBinary.run("multinormal.wl", [("400000", "4000"), ("200000", "2000")])
        #expect(run.status == 0, "\(run.lines)")
        #expect(run.lines.first?.hasPrefix("{") == true && run.lines.first?.hasSuffix(", Null}") == true, "\(run.lines)")
        // The draws of both subkernels joined, still packed.
        #expect(Array(run.lines.suffix(2)) == ["{{4000, 100}, True}", ""], "\(run.lines)")
    }
}
