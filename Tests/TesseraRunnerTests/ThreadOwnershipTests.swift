// The threading contract (Sources/TesseraCore/ThreadOwnership.swift): in debug builds a kernel traps
// when a second thread enters it; the thread it was made on may hand it over before first use.

import Testing
import TesseraCore
import TesseraRunner

@Suite struct ThreadOwnershipTests {
    @Test func aKernelMadeOnOneThreadRunsOnTheThreadThatFirstEvaluates() {
        let kernel = KernelAssembly.makeKernel()
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        runOnLargeStack {
            if case .finished(let e) = kernel.run("Total[Range[10]]") { box.text = kernel.inputText(e) }
            if case .finished(let e) = kernel.run("2 + 2") { box.text += " " + kernel.inputText(e) }
        }
        #expect(box.text == "55 4")
    }

    #if DEBUG
    @Test func aSecondThreadEnteringAKernelTraps() async {
        await #expect(processExitsWith: .failure) {
            let kernel = KernelAssembly.makeKernel()
            _ = kernel.run("1 + 1")
            runOnLargeStack { _ = kernel.run("2 + 2") }
        }
    }
    #else
    @Test(.disabled("the owner-thread check exists in debug builds only"))
    func aSecondThreadEnteringAKernelTraps() {}
    #endif
}
