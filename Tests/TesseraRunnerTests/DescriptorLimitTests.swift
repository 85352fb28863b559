// Shared-memory arrays under a low limit of open files: the built `tessera` binary runs in a shell
// with `ulimit -n`, so that the limit holds for that process only (not for the parallel tests here).

import Foundation
import Testing

@Suite struct DescriptorLimitTests {
    /// 5000 arrays of 100 KB alive at once, under the common default of 1024 descriptors: slabs
    /// keep about 80 descriptors open, not 5000.
    @Test func fiveThousandSharedArraysFitUnder1024Descriptors() throws {
        let out = try runTessera("Total[Length /@ Table[RandomReal[1, 12800], {5000}]]", openFiles: 1024)
        #expect(out == "64000000\n")
    }

    /// Arrays of 2 MB have a segment each; when descriptors run out, the next ones live on the heap
    /// (no message: the result is right, only not shareable without a copy).
    @Test func arraysBeyondTheDescriptorLimitFallBackToTheHeap() throws {
        let out = try runTessera("Total[Total /@ Table[ConstantArray[1, 250000], {200}]]", openFiles: 64)
        #expect(out == "50000000\n")
    }
}

/// Standard output of `tessera -code code` under `ulimit -n openFiles`.
private func runTessera(_ code: String, openFiles: Int) throws -> String {
    // The test bundle and the tessera binary are built into the same directory.
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let tessera = bundle.appendingPathComponent("tessera").path
    try #require(FileManager.default.isExecutableFile(atPath: tessera), "build the tessera product first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -n \(openFiles) && exec \"$0\" -code \"$1\"", tessera, code]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
}
