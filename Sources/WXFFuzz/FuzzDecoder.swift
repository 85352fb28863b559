// libFuzzer entry point for the WXF decoder.
//
// Built with `--sanitize=fuzzer` (see Sources/TesseraWire/README.md) SwiftPM compiles this file as a
// library and libFuzzer supplies `main`; in a normal build this file is the executable's main file and,
// having no top-level code, the program does nothing. Keep it that way: top-level statements here would
// break the fuzzing build.
//
// Every input must decode or throw a `WXFError`; a trap, a sanitizer report, a leak or a timeout is a
// bug. What decodes is written back and decoded again, and must give the same expression (the writer is
// fuzzed through the reader's output).

import TesseraExpr
import TesseraWire

/// The symbol table, kept across inputs: making one interns a few hundred System` symbols, which took
/// over 90% of the time of a run. It is replaced every `renewal` inputs so that names from random input
/// do not pile up. libFuzzer calls the entry point from one thread only.
final class FuzzState {
    static let renewal = 2000
    var symbols = SymbolTable()
    var runs = 0
}

nonisolated(unsafe) let state = FuzzState()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    state.runs += 1
    if state.runs % FuzzState.renewal == 0 { state.symbols = SymbolTable() }
    let symbols = state.symbols
    let input = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    var limits = WXFLimits()
    limits.maxDecompressedBytes = 1 << 24
    // The comparison below recurses (`Expr ==`), and AddressSanitizer's stack frames are large.
    limits.maxDepth = 1000
    let decoded: Expr
    do {
        decoded = try WXF.decode(input, symbols: symbols, limits: limits)
    } catch {
        return 0
    }
    let written = WXF.encode(decoded, symbols: symbols)
    do {
        let again = try WXF.decode(written, symbols: symbols, limits: limits)
        if again != decoded {
            fatalError("writing and reading back changed the expression")
        }
    } catch {
        fatalError("what the writer wrote does not read back: \(error)")
    }
    return 0
}
