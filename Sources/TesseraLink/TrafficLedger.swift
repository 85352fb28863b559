// The traffic ledger: every message between kernels, counted at one point.
//
// `KernelLink` is the only way the toolkit sends or receives, and it records each message here
// before returning, so nothing can bypass the count. The ledger keeps totals (cheap: a few integer
// additions a message) by peer kernel, direction and kind, and the bytes shared by handle instead
// of copied. The traffic monitor reads these totals and the recent events.

/// Which way a message went, seen from the kernel that keeps the ledger.
public enum TrafficDirection: Int, Sendable, CaseIterable {
    case sent = 0
    case received = 1
}

/// The kinds of traffic a person asks about (several link message kinds fold into one).
public enum TrafficKind: Int, Sendable, CaseIterable {
    case definition = 0, evaluation, result, output, sharedVariable, control

    public init(_ kind: LinkMessage.Kind) {
        switch kind {
        case .define: self = .definition
        case .evaluate: self = .evaluation
        case .result, .failure: self = .result
        case .output: self = .output
        case .shared, .sharedReply: self = .sharedVariable
        case .control: self = .control
        }
    }

    public var name: String {
        switch self {
        case .definition: return "Definition"
        case .evaluation: return "Evaluation"
        case .result: return "Result"
        case .output: return "Output"
        case .sharedVariable: return "SharedVariable"
        case .control: return "Control"
        }
    }
}

/// Totals for one (peer, direction, kind) cell.
public struct TrafficTotals: Sendable, Equatable {
    public var messages = 0
    /// Header and body bytes on the wire.
    public var wireBytes = 0
    /// Bytes of packed arrays that went as shared-memory handles instead of on the wire.
    public var sharedBytes = 0
    /// Seconds spent in the transport's send or receive call.
    public var transferSeconds = 0.0

    public init() {}

    public static func += (a: inout TrafficTotals, b: TrafficTotals) {
        a.messages += b.messages
        a.wireBytes += b.wireBytes
        a.sharedBytes += b.sharedBytes
        a.transferSeconds += b.transferSeconds
    }

    /// Counts one message.
    mutating func add(wireBytes: Int, sharedBytes: Int, seconds: Double) {
        messages += 1
        self.wireBytes += wireBytes
        self.sharedBytes += sharedBytes
        transferSeconds += seconds
    }

    public static func -= (a: inout TrafficTotals, b: TrafficTotals) {
        a.messages -= b.messages
        a.wireBytes -= b.wireBytes
        a.sharedBytes -= b.sharedBytes
        a.transferSeconds -= b.transferSeconds
    }
}

/// One kernel's ledger. Owned by the kernel's parallel state (one thread, like the kernel).
public final class TrafficLedger {
    /// cells[peer][direction][kind]; peer 0 is the master.
    public private(set) var cells: [Int: [[TrafficTotals]]] = [:]
    /// Symbols whose definitions were sent, with the bytes of their definition messages.
    public private(set) var definitionBytesBySymbol: [String: Int] = [:]
    /// The bytes of packed arrays in those definitions that went by handle instead (bytes a handle saved).
    public private(set) var definitionSharedBytesBySymbol: [String: Int] = [:]

    public init() {}

    public func record(peer: Int, direction: TrafficDirection, kind: LinkMessage.Kind, wireBytes: Int,
                       sharedBytes: Int, seconds: Double) {
        // Mutated in place through the dictionary's subscript: taking the table out and putting it
        // back would copy its arrays on every message.
        cells[peer, default: Self.emptyTable][direction.rawValue][TrafficKind(kind).rawValue].add(
            wireBytes: wireBytes, sharedBytes: sharedBytes, seconds: seconds)
    }

    private static let emptyTable = Array(repeating: Array(repeating: TrafficTotals(), count: TrafficKind.allCases.count),
                                          count: TrafficDirection.allCases.count)

    /// Adds shared bytes to a message already counted (a received body's handles are known only once
    /// it is decoded).
    func addSharedBytes(_ bytes: Int, peer: Int, direction: TrafficDirection, kind: LinkMessage.Kind) {
        cells[peer, default: Self.emptyTable][direction.rawValue][TrafficKind(kind).rawValue].sharedBytes += bytes
    }

    public func recordDefinition(symbol: String, bytes: Int, sharedBytes: Int = 0) {
        definitionBytesBySymbol[symbol, default: 0] += bytes
        if sharedBytes > 0 { definitionSharedBytesBySymbol[symbol, default: 0] += sharedBytes }
    }

    public func totals(peer: Int? = nil, direction: TrafficDirection? = nil, kind: TrafficKind? = nil) -> TrafficTotals {
        var sum = TrafficTotals()
        for (p, table) in cells where peer == nil || p == peer {
            for d in TrafficDirection.allCases where direction == nil || d == direction {
                for k in TrafficKind.allCases where kind == nil || k == kind {
                    sum += table[d.rawValue][k.rawValue]
                }
            }
        }
        return sum
    }

    public var peers: [Int] { cells.keys.sorted() }

    public func reset() {
        cells = [:]
        definitionBytesBySymbol = [:]
        definitionSharedBytesBySymbol = [:]
    }

    /// A copy of the totals so far, to measure a stretch of traffic with `since(_:)`.
    public func snapshot() -> TrafficLedger {
        let copy = TrafficLedger()
        copy.cells = cells
        copy.definitionBytesBySymbol = definitionBytesBySymbol
        copy.definitionSharedBytesBySymbol = definitionSharedBytesBySymbol
        return copy
    }

    /// The traffic recorded after `earlier` (a `snapshot()` of this ledger), as a ledger of its own;
    /// cells and symbols with no traffic in between are left out.
    public func since(_ earlier: TrafficLedger) -> TrafficLedger {
        let difference = TrafficLedger()
        for (peer, table) in cells {
            var delta = table
            if let before = earlier.cells[peer] {
                for d in delta.indices { for k in delta[d].indices { delta[d][k] -= before[d][k] } }
            }
            if delta.contains(where: { $0.contains { $0.messages != 0 || $0.wireBytes != 0 || $0.sharedBytes != 0 } }) {
                difference.cells[peer] = delta
            }
        }
        for (symbol, bytes) in definitionBytesBySymbol where bytes != earlier.definitionBytesBySymbol[symbol] {
            difference.definitionBytesBySymbol[symbol] = bytes - (earlier.definitionBytesBySymbol[symbol] ?? 0)
        }
        for (symbol, bytes) in definitionSharedBytesBySymbol where bytes != earlier.definitionSharedBytesBySymbol[symbol] {
            difference.definitionSharedBytesBySymbol[symbol] = bytes - (earlier.definitionSharedBytesBySymbol[symbol] ?? 0)
        }
        return difference
    }
}
