import Testing
import TesseraCore
import TesseraRunner

@Suite struct InterruptMenuTests {
    @Test(arguments: [
        ("a", InterruptChoice.abort), ("abort", .abort), (" A ", .abort),
        ("c", .continue), ("continue", .continue),
        ("e", .exit(0)), ("exit", .exit(0)), ("quit", .exit(0)),
    ])
    func aTypedWordChooses(_ line: String, _ choice: InterruptChoice) {
        #expect(InterruptMenu.choice(for: line) == choice)
    }

    @Test(arguments: ["", "h", "help", "x"])
    func anythingElseAsksAgain(_ line: String) {
        #expect(InterruptMenu.choice(for: line) == nil)
    }

    @Test func theEndOfInputAborts() {
        #expect(InterruptMenu.choice(for: nil) == .abort)
    }

    @Test func theMenuShowsTheChoicesUntilOneIsMade() {
        var lines = ["?", "c"]
        var shown = ""
        let choice = InterruptMenu.ask(write: { shown += $0 }, read: { lines.removeFirst() })
        #expect(choice == .continue)
        #expect(shown == "\nInterrupt> " + InterruptMenu.help + "\nInterrupt> ")
    }
}
