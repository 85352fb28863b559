/// The interactive session's `?name` and `??name`: not expressions of the language but requests to the
/// session, as in Mathematica's text interface. `?name` asks for the usage (or the definitions of a
/// symbol of one's own), `??name` for everything: `Information["name", LongForm -> False]` and
/// `Information["name"]`. The name may be a pattern with `*` (`?Parallel*`).
public enum InformationQuery {
    /// The input that answers `line`, or nil when `line` is not a `?` query.
    public static func rewrite(_ line: String) -> String? {
        var text = Substring(line.trimmingCharacters(in: " \t\n"))
        guard text.first == "?" else { return nil }
        text = text.dropFirst()
        let long = text.first == "?"
        if long { text = text.dropFirst() }
        let name = String(text).trimmingCharacters(in: " \t")
        guard !name.isEmpty, name.allSatisfy(isNameCharacter) else { return nil }
        return "Information[\"\(name)\"" + (long ? "]" : ", LongForm -> False]")
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "$" || c == "`" || c == "*" || c == "@"
    }
}

extension String {
    /// The text without the characters of `set` at either end (Foundation's, without Foundation).
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
