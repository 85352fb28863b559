import CShim

/// Writes text to standard output (Swift 6 rejects the C global `stdout`).
func writeOut(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in
        if let base = bytes.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { shim_write_stdout($0, bytes.count) }
        }
    }
}

func flushOut() { shim_flush_stdout() }
