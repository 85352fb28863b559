/// The attributes of a symbol, as a bit set: evaluation tests them on every call, so they must be cheap.
/// (Inlinable constants: a `static let` in another module is a call through a lazy-global addressor.)
@frozen
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable public static var holdFirst: Attributes { Attributes(rawValue: 1 << 0) }
    @inlinable public static var holdRest: Attributes { Attributes(rawValue: 1 << 1) }
    @inlinable public static var holdAllComplete: Attributes { Attributes(rawValue: 1 << 2) }
    @inlinable public static var listable: Attributes { Attributes(rawValue: 1 << 3) }
    @inlinable public static var flat: Attributes { Attributes(rawValue: 1 << 4) }
    @inlinable public static var orderless: Attributes { Attributes(rawValue: 1 << 5) }
    @inlinable public static var oneIdentity: Attributes { Attributes(rawValue: 1 << 6) }
    @inlinable public static var protected: Attributes { Attributes(rawValue: 1 << 7) }
    @inlinable public static var locked: Attributes { Attributes(rawValue: 1 << 8) }
    @inlinable public static var readProtected: Attributes { Attributes(rawValue: 1 << 9) }
    @inlinable public static var numericFunction: Attributes { Attributes(rawValue: 1 << 10) }
    @inlinable public static var sequenceHold: Attributes { Attributes(rawValue: 1 << 11) }
    @inlinable public static var constant: Attributes { Attributes(rawValue: 1 << 12) }
    @inlinable public static var nHoldFirst: Attributes { Attributes(rawValue: 1 << 13) }
    @inlinable public static var nHoldRest: Attributes { Attributes(rawValue: 1 << 14) }
    @inlinable public static var temporary: Attributes { Attributes(rawValue: 1 << 15) }
    @inlinable public static var stub: Attributes { Attributes(rawValue: 1 << 16) }

    @inlinable public static var holdAll: Attributes { Attributes(rawValue: 0b11) }
    @inlinable public static var nHoldAll: Attributes { Attributes(rawValue: 0b11 << 13) }

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
