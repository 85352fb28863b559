// The interactive session's history, kept across sessions in a file: $XDG_STATE_HOME/tessera/history
// when XDG_STATE_HOME is set (the XDG base-directory rule for state), else ~/.tessera_history.
// libedit's readline layer reads it at start and writes it after each input, so a session that ends
// by a crash or a kill still leaves what was typed. Only inputs typed at a terminal are kept.

@preconcurrency import CEdit

#if canImport(Glibc)
import Glibc
#endif

struct InputHistory {
    /// The inputs kept; older ones are dropped from the list and the file.
    static let capacity: Int32 = 1000

    let path: String?

    /// The history file's path for this environment, its directory made when missing.
    init() {
        if let state = Self.environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            let directory = state + "/tessera"
            mkdir(directory, 0o700)
            path = directory + "/history"
        } else if let home = Self.environment("HOME") {
            path = home + "/.tessera_history"
        } else {
            path = nil
        }
    }

    /// Loads the inputs of earlier sessions; a missing file is an empty history.
    func load() {
        using_history()
        stifle_history(Self.capacity)
        if let path { _ = read_history(path) }
    }

    /// Adds one input and saves the list; a file that cannot be written loses only the history.
    func add(_ input: String) {
        _ = add_history(input)
        if let path { _ = write_history(path) }
    }

    private static func environment(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty ? nil : value
    }
}
