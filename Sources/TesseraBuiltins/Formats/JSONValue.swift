// A JSON document as a value, between the bytes (JSONReader, JSONWriter) and expressions (JSON+Expr).
//
// Keeping the tree apart from `Expr` lets one reader serve both of Mathematica's readings of an object
// ("JSON": a list of rules, "RawJSON": an Association) and lets the codec be tested without a kernel.

/// One JSON value. Object members keep their order, and duplicate keys, as the text has them.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// An integer outside `Int`'s range, as its decimal digits (with a leading `-` when negative).
    case bigInteger(String)
    case real(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One `"key": value` member of an object.
struct JSONMember: Equatable {
    let key: String
    let value: JSONValue
}

/// Why a text is not JSON, and where: a 1-based line and column of the offending character (the
/// position Mathematica's `Import::jsonhintposandchar` names).
struct JSONSyntaxError: Error, Equatable {
    enum Reason: Equatable {
        case unexpectedCharacter
        case unexpectedEnd
        case invalidEscape
        case controlCharacterInString
        case invalidNumber
        case trailingText
        case tooDeep
    }
    let reason: Reason
    /// The offending character as text ("" at the end of the input).
    let character: String
    let line: Int
    let column: Int
}
