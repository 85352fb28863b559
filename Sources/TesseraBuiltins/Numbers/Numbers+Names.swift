// Names of integers: RomanNumeral, FromRomanNumeral and IntegerName (English).
//
// RomanNumeral follows the reference: 0 is "N" (nulla), the sign is ignored, and from 5000 on the
// thousands are written as a numeral with a bar over each letter (U+0305 COMBINING OVERLINE after it),
// one more bar for each further factor of 1000; below 5000 thousands are M's (4999 is "MMMMCMXCIX").
// FromRomanNumeral reads any combination of the letters, upper or lower case, as the reference says it
// does: a letter worth less than the one after it is subtracted ("IIX" is 8).
//
// IntegerName gives words below 1000 ("eighty-four") and, from 1000 on, Mathematica's default
// "DigitsWords" form, groups of three digits with their scale word ("123 million 456 thousand 789");
// `IntegerName[n, "Words"]` spells every group, with commas between groups ("one billion, one").
// Negative numbers are "negative ...".

import TesseraCore
import TesseraExpr

enum NumberNameBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("RomanNumeral", attributes: [.listable, .protected], romanNumeral),
        BuiltinSpec("FromRomanNumeral", attributes: [.listable, .protected], fromRomanNumeral),
        BuiltinSpec("IntegerName", attributes: [.listable, .protected], integerName),
    ]

    // MARK: Roman numerals

    private static let romanDigits: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    static func romanNumeral(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), case .integer(let n) = c[0], n != .min else { return nil }
        return .string(n == 0 ? "N" : roman(abs(n)))
    }

    /// The numeral of a positive integer; thousands from 5000 on are an overlined numeral.
    static func roman(_ n: Int) -> String {
        var rest = n
        var text = ""
        if n >= 5000 {
            text = String(roman(n / 1000).flatMap { [$0, "\u{0305}"] })
            rest = n % 1000
        }
        for (value, letters) in romanDigits {
            while rest >= value { text += letters; rest -= value }
        }
        return text
    }

    private static let romanValues: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    static func fromRomanNumeral(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), case .string(let s) = c[0], !s.isEmpty else { return nil }
        let upper = s.uppercased()
        if upper == "N" { return .integer(0) }
        var values: [Int] = []
        for ch in upper {
            guard let v = romanValues[ch] else { return nil }
            values.append(v)
        }
        var total = 0
        for (i, v) in values.enumerated() {
            total += i + 1 < values.count && v < values[i + 1] ? -v : v
        }
        return .integer(total)
    }

    // MARK: English names

    private static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                               "eighteen", "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let scales = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"]

    static func integerName(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), case .integer(let n) = c[0], n != .min else { return nil }
        var spelled = abs(n) < 1000
        if c.count == 2 {
            switch c[1] {
            case .string("Words"): spelled = true
            case .string("DigitsWords"): spelled = false
            case .symbol(let s) where s === k.sys.Automatic: break
            default: return nil
            }
        }
        return .string(name(n, spelled: spelled))
    }

    /// Words for 0...999 ("one hundred twenty-three").
    private static func smallName(_ n: Int) -> String {
        var parts: [String] = []
        if n >= 100 { parts.append(ones[n / 100] + " hundred") }
        let r = n % 100
        if r >= 20 { parts.append(tens[r / 10] + (r % 10 == 0 ? "" : "-" + ones[r % 10])) }
        else if r > 0 || n == 0 { parts.append(ones[r]) }
        return parts.joined(separator: " ")
    }

    /// The name of an integer: spelled groups joined by ", ", or digit groups joined by " ".
    static func name(_ n: Int, spelled: Bool) -> String {
        if n < 0 { return "negative " + name(-n, spelled: spelled) }
        if n == 0 { return spelled ? "zero" : "0" }
        var groups: [String] = []
        var rest = n
        var scale = 0
        while rest > 0 {
            let group = rest % 1000
            if group > 0 {
                let words = spelled ? smallName(group) : String(group)
                groups.append(scale == 0 ? words : words + " " + scales[scale])
            }
            rest /= 1000
            scale += 1
        }
        return groups.reversed().joined(separator: spelled ? ", " : " ")
    }
}
