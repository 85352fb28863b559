// What the command line asks for, read from its arguments once --trace, --report and --monitor are
// taken out (RecordingOptions, MonitorOptions). A mistake is a `UsageError`, which main.swift prints
// with the usage on standard error and exit status 2, as getopt-style tools do; it never falls back to
// the interactive session, which would leave a script waiting on a terminal.

/// One way of running `tessera`.
enum CommandLineMode: Equatable {
    case help
    case version
    case code(String)
    case file(String, echoResults: Bool)
    case conformance([String])
    case subkernel(id: Int, parent: Int32)
    case interactive

    /// The flags that take the next argument, and the mode each makes of it.
    private static let valueFlags: [String: @Sendable (String) -> CommandLineMode] = [
        "-code": { .code($0) }, "-c": { .code($0) },
        "-file": { .file($0, echoResults: true) }, "-f": { .file($0, echoResults: true) },
        "-script": { .file($0, echoResults: false) },
    ]

    /// Flags that main.swift takes out with their argument before this parse: left here, they lacked it.
    private static let recordingFlags: Set<String> = ["--trace", "--report"]

    /// The mode of `arguments`. The first argument decides (a FILE, or a flag with its own argument); what
    /// follows is left to the program (it sees it in `$CommandLine`), as wolframscript passes a script's arguments.
    init(parsing arguments: [String]) throws(UsageError) {
        if arguments.first == "--subkernel", arguments.count == 3,
           let id = Int(arguments[1]), let parent = Int32(arguments[2]) {
            // Started by a master's LaunchKernels (TesseraParallel's SubkernelLauncher), never by hand.
            self = .subkernel(id: id, parent: parent)
            return
        }
        if arguments.first == "conformance" {
            self = .conformance(Array(arguments.dropFirst()))
            return
        }
        if let dangling = arguments.first(where: Self.recordingFlags.contains) {
            throw .missingArgument(dangling)
        }
        guard let argument = arguments.first else {
            self = .interactive
            return
        }
        switch argument {
        case "-h", "--help", "-help":
            self = .help
        case "--version", "-version":
            self = .version
        case _ where Self.valueFlags[argument] != nil:
            guard arguments.count >= 2 else { throw .missingArgument(argument) }
            self = Self.valueFlags[argument]!(arguments[1])
        case _ where argument.hasPrefix("-") && argument != "-":
            throw .unknownFlag(argument)
        default:
            self = .file(argument, echoResults: true)
        }
    }
}

/// A command line that names no mode `tessera` knows.
enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownFlag(String)
    case missingArgument(String)

    var description: String {
        switch self {
        case .unknownFlag(let flag): return "unknown option \(flag)"
        case .missingArgument(let flag): return "\(flag) needs an argument"
        }
    }
}
