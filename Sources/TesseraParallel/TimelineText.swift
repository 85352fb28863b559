// Text for the trace file and the report, without Foundation (the toolkit does not link it): JSON
// and HTML escaping, fixed-point decimals, and bytes in human units.

enum TimelineText {
    /// `s` as a JSON string literal, quotes included (control characters as \u escapes).
    static func json(_ s: String) -> String {
        "\"" + escaped(s) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            case "\r": return "\\r"
            default: return scalar.value < 0x20 ? "\\u" + hex4(scalar.value) : nil
            }
        } + "\""
    }

    /// `s` safe inside HTML text and attribute values (both quote kinds escaped).
    static func html(_ s: String) -> String {
        escaped(s) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return nil
            }
        }
    }

    /// `s` with each scalar that `replacement` names replaced (nil: kept).
    private static func escaped(_ s: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `x` with exactly `places` decimals (at least one digit before the point), e.g. 12.500.
    static func decimal(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(x) * scale).rounded())
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let unit = Int64(scale)
        let fraction = String(scaled % unit)
        return sign + String(scaled / unit) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Bytes in decimal units, as Mathematica's Quantity counts them (1 KB = 1000 bytes):
    /// "812 B", "8.05 KB", "1.54 MB", "2.10 GB".
    static func bytes(_ n: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard abs(n) >= 1000 else { return "\(n) B" }
        var value = Double(n) / 1000
        var unit = 0
        while abs(value) >= 999.5 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return decimal(value, places: abs(value) < 10 ? 2 : abs(value) < 100 ? 1 : 0) + " " + units[unit]
    }

    /// Seconds as milliseconds or seconds, e.g. "0 s", "0.350 ms", "12.4 ms", "3.20 s".
    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0 s" }
        if seconds >= 1 { return decimal(seconds, places: 2) + " s" }
        let ms = seconds * 1000
        return decimal(ms, places: ms < 1 ? 3 : 1) + " ms"
    }
}
