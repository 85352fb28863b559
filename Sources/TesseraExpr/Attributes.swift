/// The attributes of a symbol, as a bit set: evaluation tests them on every call, so they must be cheap.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let holdFirst = Attributes(rawValue: 1 << 0)
    public static let holdRest = Attributes(rawValue: 1 << 1)
    public static let holdAllComplete = Attributes(rawValue: 1 << 2)
    public static let listable = Attributes(rawValue: 1 << 3)
    public static let flat = Attributes(rawValue: 1 << 4)
    public static let orderless = Attributes(rawValue: 1 << 5)
    public static let oneIdentity = Attributes(rawValue: 1 << 6)
    public static let protected = Attributes(rawValue: 1 << 7)
    public static let locked = Attributes(rawValue: 1 << 8)
    public static let readProtected = Attributes(rawValue: 1 << 9)
    public static let numericFunction = Attributes(rawValue: 1 << 10)
    public static let sequenceHold = Attributes(rawValue: 1 << 11)
    public static let constant = Attributes(rawValue: 1 << 12)
    public static let nHoldFirst = Attributes(rawValue: 1 << 13)
    public static let nHoldRest = Attributes(rawValue: 1 << 14)
    public static let temporary = Attributes(rawValue: 1 << 15)
    public static let stub = Attributes(rawValue: 1 << 16)

    public static let holdAll: Attributes = [.holdFirst, .holdRest]
    public static let nHoldAll: Attributes = [.nHoldFirst, .nHoldRest]

    /// Names in the order `Attributes[f]` lists them (alphabetical, as Mathematica prints them).
    public static let named: [(String, Attributes)] = [
        ("Constant", .constant), ("Flat", .flat), ("HoldAll", .holdAll),
        ("HoldAllComplete", .holdAllComplete), ("HoldFirst", .holdFirst), ("HoldRest", .holdRest),
        ("Listable", .listable), ("Locked", .locked), ("NHoldAll", .nHoldAll),
        ("NHoldFirst", .nHoldFirst), ("NHoldRest", .nHoldRest), ("NumericFunction", .numericFunction),
        ("OneIdentity", .oneIdentity), ("Orderless", .orderless), ("Protected", .protected),
        ("ReadProtected", .readProtected), ("SequenceHold", .sequenceHold), ("Stub", .stub),
        ("Temporary", .temporary),
    ]

    public static func named(_ name: String) -> Attributes? {
        named.first { $0.0 == name }?.1
    }

    /// The attribute names in display order; HoldAll replaces HoldFirst+HoldRest.
    public var names: [String] {
        var result: [String] = []
        for (name, value) in Attributes.named {
            switch name {
            case "HoldAll", "NHoldAll":
                if contains(value) { result.append(name) }
            case "HoldFirst", "HoldRest":
                if contains(value) && !contains(.holdAll) { result.append(name) }
            case "NHoldFirst", "NHoldRest":
                if contains(value) && !contains(.nHoldAll) { result.append(name) }
            default:
                if contains(value) { result.append(name) }
            }
        }
        return result
    }
}
