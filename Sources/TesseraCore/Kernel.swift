// The kernel: all state of one Wolfram Language session in one object.
//
// A kernel and everything reachable from it belong to one thread (ThreadOwnership.swift states the
// contract; debug builds check it at the entry points).
//
// Nothing in Tessera keeps mutable state outside a `Kernel`: symbols and their definitions, message
// switches, the In/Out history, limits, and the engines that builtin families attach (random
// generator, FFT plan cache) all hang off this object. A test can therefore create many kernels in one
// process, and a subkernel is just another `Kernel` in another process.
//
// `epoch` advances whenever anything that evaluation depends on changes (a definition, an attribute,
// a Block). A normal expression that evaluated to itself is stamped with the epoch; while the epoch
// is unchanged, evaluating it again returns at once. This is what keeps re-evaluation of big data
// cheap (Mathematica does the same with its time stamps).

#if canImport(Glibc)
import Glibc
#endif
import TesseraExpr
import TesseraSyntax

public final class Kernel {
    public let symbols: SymbolTable
    public let sys: SystemSymbols

    /// See the file comment.
    public var epoch: UInt64 { epochCounter.value }
    /// The symbol table's epoch, which every change to a symbol advances. Stored here (read directly
    /// by the evaluator; TesseraCore is compiled file by file in release, where a computed property
    /// of another file is a call).
    @usableFromInline let epochCounter: EvaluationEpoch
    /// `$RecursionLimit` and `$IterationLimit` (Int.max for Infinity); see EvaluationLimits.swift.
    public var recursionLimit = 1024
    public var iterationLimit = 4096
    /// The native stack the kernel may use, and where the outermost evaluation's frame began.
    public var nativeStackBytes = Kernel.largeStackBytes
    var nativeStackTop: UInt = 0
    /// Current evaluation depth (nested evaluations of normal expressions).
    public internal(set) var depth = 0
    /// Monotonic time after which evaluation aborts (TimeConstrained, the conformance runner).
    public var deadline: Double = .infinity
    var stepsSinceClockCheck = 0
    /// Pending interrupts, AbortProtect/CheckAbort scopes and TimeConstrained/MemoryConstrained
    /// limits (see Aborts.swift).
    var aborts = AbortState()
    /// Asked what to do when an interrupt (Ctrl-C) arrives; without one, an interrupt aborts.
    public var interruptHandler: ((Kernel) -> InterruptChoice)?

    // MARK: Messages
    /// Messages switched off, as "Symbol::tag" with the symbol's full name.
    public var messagesOff: Set<String> = []
    /// Nesting depth of `Quiet`: messages are neither printed nor listed while > 0.
    public var quietDepth = 0
    /// The messages of the current top-level evaluation (`$MessageList`).
    public var messageList: [Expr] = []
    /// How often each message was issued during the current top-level evaluation (General::stop).
    var messageCounts: [String: Int] = [:]
    /// Counts messages issued (printed or quiet).
    public internal(set) var messagesIssued = 0
    /// Active `Check`s, innermost last.
    var checkFrames: [CheckFrame] = []

    // MARK: Session
    /// Where messages, `Print` and `Echo` go, as values (see SideOutput.swift).
    public var output: (SideOutput) -> Void
    public var lineNumber = 1
    public var outputs: [Int: Expr] = [:]
    /// Inputs as parsed, unevaluated: `In[n]` evaluates them again.
    public var inputs: [Int: Expr] = [:]
    /// Lines below this have been dropped from the history ($HistoryLength).
    var historyFloor = 1
    public var moduleNumber = 1
    public let startTime: Double
    public var commandLine: [String] = []
    /// 0 for the master kernel, 1... for subkernels.
    public var kernelID = 0

    /// Matchers for rule application to reuse (a matcher and its binding arrays are three
    /// allocations, and every call of a defined function matches).
    var spareMatchers: [PatternMatcher] = []

    /// State owned by builtin families, keyed by the type that owns it.
    private var extensions: [ObjectIdentifier: AnyObject] = [:]

    /// A kernel whose side output is written as terminal text (as wolframscript prints it).
    public convenience init(write: @escaping (String) -> Void) {
        self.init(output: { write($0.terminalText) })
    }

    public let printer: ExprPrinter
    public let parser: Parser

    #if DEBUG
    /// The thread that first evaluated in this kernel (see ThreadOwnership.swift).
    var ownerThread: pthread_t?
    #endif

    /// Which family defined each installed builtin (full name -> family name); see BuiltinRegistration.swift.
    var builtinOwners: [String: String] = [:]

    /// Compiled forms of the pure functions applied lately (PureFunctionCache.swift).
    var pureFunctions = PureFunctionCache()
    /// Whether pure functions of machine integers run compiled (PureFunctionCompiler.swift); off,
    /// every application fills the slots and evaluates, which tests use to compare the two.
    public var compilesPureFunctions = true

    /// A kernel with no builtins; `install(_:)` adds the families (TesseraRunner's `KernelAssembly`
    /// makes the kernel a session uses).
    public init(output: @escaping (SideOutput) -> Void = { _ in }) {
        symbols = SymbolTable()
        sys = symbols.system
        epochCounter = symbols.epoch
        printer = ExprPrinter(symbols: symbols)
        parser = Parser(symbols: symbols)
        self.output = output
        startTime = monotonicSeconds()
        messagesOff = ["Developer`FromPackedArray::unpack", "Developer`FromPackedArray::punpack",
                       "Developer`FromPackedArray::unpack1", "Developer`FromPackedArray::punpack1",
                       "System`General::newsym"]
        for (name, _) in Attributes.named { _ = symbols.intern(fullName: "System`" + name) }
        // Operator heads are System symbols even before a builtin claims them (`a ⊕ b` is CirclePlus).
        for row in OperatorTable.rows where !row.head.isEmpty { _ = symbols.intern(fullName: "System`" + row.head) }
    }

    /// Marks every cached "evaluates to itself" stamp as stale, for changes outside symbols (the
    /// context path, limits). A change to a symbol advances the epoch by itself.
    @inlinable
    public func invalidateCaches() { epochCounter.advance() }

    public func extensionState<T: AnyObject>(_ type: T.Type, create: () -> T) -> T {
        let key = ObjectIdentifier(type)
        if let existing = extensions[key] { return unsafeDowncast(existing, to: T.self) }
        let made = create()
        extensions[key] = made
        return made
    }

    // MARK: Convenience

    public func symbol(_ name: String) -> Symbol { symbols.lookup(name) }

    /// Drops every value so that reference cycles between symbols (x = y; y = x) are freed.
    public func tearDown() {
        for symbol in symbols.allSymbols {
            symbol.clearAll()
            symbol.setNative(nil)
        }
        outputs = [:]
        inputs = [:]
    }

    /// Text of an expression as `-code` prints a result (InputForm numbers, strings as they are).
    public func resultText(_ e: Expr) -> String { printer.text(e, form: .output) }
    public func inputText(_ e: Expr) -> String { printer.text(e, form: .input) }
    /// OutputForm on one line, as Print shows it.
    public func outputText(_ e: Expr) -> String { printer.text(e, form: .outputForm) }
    public func fullText(_ e: Expr) -> String { printer.text(e, form: .full) }

    /// Seconds since the kernel started (monotonic).
    public var uptime: Double { monotonicSeconds() - startTime }
}


/// Monotonic clock in seconds, for timings.
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
