// Ctrl-C on the command line: SIGINT is routed to the interrupt word of the one kernel this process
// runs (CShim holds the only process-wide pointer to it), and the kernel's next poll decides.

import CShim
import TesseraCore
import TesseraRunner

/// Scripts: Ctrl-C ends the script with status 1 at the next poll; a second Ctrl-C before that
/// poll (the kernel deep in a native computation) ends the process at once, also with status 1.
func routeInterruptsToExit(_ kernel: Kernel) {
    kernel.interruptHandler = { _ in .exit(1) }
    _ = shim_route_sigint(kernel.interruptWordAddress, 1, 1)
}

/// Interactive sessions: Ctrl-C during an evaluation asks at the "Interrupt> " prompt; the session
/// itself never ends on Ctrl-C.
func routeInterruptsToMenu(_ kernel: Kernel) {
    kernel.interruptHandler = { _ in
        let choice = InterruptMenu.ask(write: { writeOut($0); flushOut() },
                                       read: { Swift.readLine(strippingNewline: true) })
        if choice == .continue { writeOut("\n") }
        return choice
    }
    _ = shim_route_sigint(kernel.interruptWordAddress, 1, -1)
}
