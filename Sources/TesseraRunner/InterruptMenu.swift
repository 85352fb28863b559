// The choices offered when Ctrl-C interrupts an evaluation in an interactive session.
//
// Mathematica's text interface stops and asks at an "Interrupt> " prompt; we offer its main choices:
// abort the evaluation (the input gives $Aborted), continue it as if nothing happened, or exit.
// Anything else shows the choices again. The kernel asks through `Kernel.interruptHandler`, on its
// own thread, between two evaluation steps.

import TesseraCore

public enum InterruptMenu {
    public static let prompt = "Interrupt> "

    public static let help = """
        Your options are:
        \tabort (or a) to abort current calculation
        \tcontinue (or c) to continue
        \texit (or quit) to exit this session

        """

    /// What a line typed at the prompt chooses; nil asks again (after `help`). The end of input
    /// (nil) aborts, so that a session whose input is gone cannot hang at the prompt.
    public static func choice(for line: String?) -> InterruptChoice? {
        guard let line else { return .abort }
        switch line.lowercased().filter({ !$0.isWhitespace }) {
        case "a", "abort": return .abort
        case "c", "continue": return .continue
        case "e", "exit", "q", "quit": return .exit(0)
        default: return nil
        }
    }

    /// Asks until a choice is made, writing with `write` and reading lines with `read`.
    public static func ask(write: (String) -> Void, read: () -> String?) -> InterruptChoice {
        while true {
            write("\n" + prompt)
            if let choice = choice(for: read()) { return choice }
            write(help)
        }
    }
}
