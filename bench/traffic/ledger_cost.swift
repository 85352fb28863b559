// The cost of one TrafficLedger.record call, as KernelLink makes it for every message: compiled
// with -O against the ledger's own source (bench/traffic.sh), over a run's mix of peers and kinds.

#if canImport(Glibc)
import Glibc
#endif

@main
enum LedgerCost {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func main() {
        let ledger = TrafficLedger()
        let kinds: [LinkMessage.Kind] = [.define, .evaluate, .result, .output, .control]
        let rounds = 2_000_000
        var best = Double.infinity
        for _ in 0..<5 {
            let start = now()
            for i in 0..<rounds {
                ledger.record(peer: 1 + i & 15, direction: i & 1 == 0 ? .sent : .received, kind: kinds[i % kinds.count],
                              wireBytes: 100 + i & 1023, sharedBytes: i & 4095, seconds: 1e-6)
            }
            best = min(best, (now() - start) / Double(rounds))
        }
        // The clock reads KernelLink.send/receive make around each record, also part of the accounting.
        let start = now()
        var sink = 0.0
        for _ in 0..<rounds { sink += now() }
        let clock = (now() - start) / Double(rounds)
        print(best, 2 * clock, ledger.totals().messages > 0 && sink > 0)
    }
}
