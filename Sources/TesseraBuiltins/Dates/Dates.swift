// Dates: DateList, AbsoluteTime, DateString, DayName and $TimeZone.
//
// A date is given as a date list {y, m, d, h, m, s} (any prefix, fields normalized: {2024, 14, 1} is
// {2025, 2, 1}), an absolute time (seconds since 1900-01-01 00:00:00 local time), a DateObject whose
// first argument is a date list, or an ISO string ("2024-03-05", "2024-03-05T10:20:30", also with a
// space for the T). No argument means now. The calendar itself is CivilCalendar.swift.
//
// "Now" is the machine's clock read through Glibc, shifted by $TimeZone: $TimeZone starts as the
// machine's offset in hours, a Real as in Mathematica (`0.` for UTC), and a user may set it or Block it
// (`Block[{$TimeZone = 0}, DateList[]]` is the UTC time).
//
// DateString formats follow the reference: the default is "DateTimeShort" ("Tue 5 Mar 2024 10:20:30");
// named formats ("Date", "DateShort", "Time", "DateTime", "DateTimeShort", "ISODate", "ISODateTime")
// and elements ("Year", "Month", "MonthName", "Day", "DayName", "Hour", "Minute", "Second", ...) can be
// combined in a list, where any other string is copied as it is ({"Year", "-", "Month"}).

import TesseraCore
import TesseraExpr

enum DateBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("DateList", messages: [
            "str": "String `1` cannot be interpreted as a date.",
        ], dateList),
        BuiltinSpec("AbsoluteTime", messages: [
            "str": "String `1` cannot be interpreted as a date.",
        ], absoluteTime),
        BuiltinSpec("DateString", messages: [
            "str": "String `1` cannot be interpreted as a date.",
            "fmt": "`1` is not a valid date format.",
        ], dateString),
        BuiltinSpec("DayName", dayName),
    ]

    static func setUp(_ k: Kernel) {
        k.symbols.intern(fullName: "System`$TimeZone").setOwnValue(.real(CivilDate.localOffsetHours()))
        // The weekdays DayName gives are System symbols, so that `DayName[] === Monday` reads as it should.
        for name in dayNames { _ = k.symbols.intern(fullName: "System`" + name) }
    }

    // MARK: Reading dates

    /// A date read from an argument: its calendar fields and whether they were all exact integers.
    private struct ReadDate {
        var date: CivilDate
        var exact: Bool
    }

    /// The date an argument names; nil (after a message for an unreadable string) when it names none.
    private static func read(_ k: Kernel, _ c: Call, _ e: Expr) -> ReadDate? {
        switch e {
        case .integer(let n): return ReadDate(date: CivilDate(absolute: Double(n)), exact: true)
        case .real(let x) where x.isFinite: return ReadDate(date: CivilDate(absolute: x), exact: false)
        case .string(let s):
            guard let fields = parseISO(s) else {
                k.message(c.head, "str", e)
                return nil
            }
            return ReadDate(date: CivilDate(fields: fields.map(Double.init)), exact: true)
        default:
            if e.hasHead(k.symbol("DateObject")), let first = e.arguments.first, first.isList(k.sys) {
                return read(k, c, first)
            }
            guard e.isList(k.sys), (1...6).contains(e.length) else { return nil }
            var fields: [Double] = []
            var exact = true
            for x in e.arguments {
                switch x {
                case .integer(let n): fields.append(Double(n))
                case .real(let v) where v.isFinite: fields.append(v); exact = false
                default: return nil
                }
            }
            return ReadDate(date: CivilDate(fields: fields), exact: exact)
        }
    }

    /// The fields of "2024-03-05", "2024-03-05T10:20:30" or "2024-03-05 10:20"; nil for anything else.
    static func parseISO(_ s: String) -> [Int]? {
        let parts = s.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(date.count) else { return nil }
        var fields = date.compactMap { Int($0) }
        guard fields.count == date.count else { return nil }
        if parts.count == 2 {
            guard fields.count == 3 else { return nil }
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard (2...3).contains(time.count) else { return nil }
            fields += time
        }
        return fields
    }

    /// Now, in the zone $TimeZone says (the machine's when it holds no number).
    private static func now(_ k: Kernel) -> CivilDate {
        let zone = k.symbols.intern(fullName: "System`$TimeZone").ownValue
        var offset = CivilDate.localOffsetHours()
        if case .real(let z)? = zone { offset = z } else if case .integer(let z)? = zone { offset = Double(z) }
        return CivilDate(absolute: CivilDate.now() + (offset - CivilDate.localOffsetHours()) * 3600)
    }

    // MARK: Builtins

    static func dateList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        let date = c.count == 0 ? now(k) : read(k, c, c[0])?.date
        guard let d = date else { return nil }
        return Expr(k.sys.List, [.integer(d.year), .integer(d.month), .integer(d.day), .integer(d.hour),
                                 .integer(d.minute), .real(d.second)])
    }

    static func absoluteTime(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        if c.count == 0 { return .real(now(k).absolute) }
        guard let read = read(k, c, c[0]) else { return nil }
        let t = read.date.absolute
        if read.exact, let n = Int(exactly: t) { return .integer(n) }
        return .real(t)
    }

    static func dayName(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 1) else { return nil }
        let date = c.count == 0 ? now(k) : read(k, c, c[0])?.date
        guard let d = date else { return nil }
        return .symbol(k.symbols.intern(fullName: "System`" + dayNames[d.weekday]))
    }

    static func dateString(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 0, 2) else { return nil }
        var dateArgument: Expr? = nil
        var format: Expr = .string("DateTimeShort")
        if c.count == 2 {
            (dateArgument, format) = (c[0], c[1])
        } else if c.count == 1 {
            if isFormat(c[0]) { format = c[0] } else { dateArgument = c[0] }
        }
        let date: CivilDate
        if let dateArgument {
            guard let read = read(k, c, dateArgument) else { return nil }
            date = read.date
        } else {
            date = now(k)
        }
        let elements: [Expr] = format.isList(k.sys) ? format.arguments : [format]
        var text = ""
        for element in elements {
            guard case .string(let name) = element else {
                k.message(c.head, "fmt", format)
                return nil
            }
            text += render(name, date) ?? name
        }
        return .string(text)
    }

    // MARK: Formats

    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Named formats, as sequences of elements and literal separators.
    private static let namedFormats: [String: [String]] = [
        "Date": ["DayName", " ", "DayShort", " ", "MonthName", " ", "Year"],
        "DateShort": ["DayNameShort", " ", "DayShort", " ", "MonthNameShort", " ", "Year"],
        "Time": ["Hour", ":", "Minute", ":", "Second"],
        "DateTime": ["DayName", " ", "DayShort", " ", "MonthName", " ", "Year", " ", "Hour", ":", "Minute", ":", "Second"],
        "DateTimeShort": ["DayNameShort", " ", "DayShort", " ", "MonthNameShort", " ", "Year", " ", "Hour", ":",
                          "Minute", ":", "Second"],
        "ISODate": ["Year", "-", "Month", "-", "Day"],
        "ISODateTime": ["Year", "-", "Month", "-", "Day", "T", "Hour", ":", "Minute", ":", "Second"],
    ]

    /// A format argument (a named format or element, or a list of strings), as opposed to a date.
    private static func isFormat(_ e: Expr) -> Bool {
        if case .string(let s) = e { return namedFormats[s] != nil || elementText(s, CivilDate(absolute: 0)) != nil }
        if case .normal = e, e.length > 0 {
            return e.arguments.allSatisfy { if case .string = $0 { return true }; return false }
        }
        return false
    }

    /// The text of a named format or element; nil for a literal.
    private static func render(_ name: String, _ d: CivilDate) -> String? {
        if let parts = namedFormats[name] { return parts.map { elementText($0, d) ?? $0 }.joined() }
        return elementText(name, d)
    }

    private static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    private static func elementText(_ name: String, _ d: CivilDate) -> String? {
        let second = Int(d.second.rounded(.down))
        switch name {
        case "Year": return String(d.year)
        case "YearShort": return two(d.year % 100)
        case "Month": return two(d.month)
        case "MonthShort": return String(d.month)
        case "MonthName": return monthNames[d.month - 1]
        case "MonthNameShort": return String(monthNames[d.month - 1].prefix(3))
        case "MonthNameInitial": return String(monthNames[d.month - 1].prefix(1))
        case "Day": return two(d.day)
        case "DayShort": return String(d.day)
        case "DayName": return dayNames[d.weekday]
        case "DayNameShort": return String(dayNames[d.weekday].prefix(3))
        case "DayNameInitial": return String(dayNames[d.weekday].prefix(1))
        case "Hour", "Hour24": return two(d.hour)
        case "HourShort", "Hour24Short": return String(d.hour)
        case "Hour12": return two(d.hour % 12 == 0 ? 12 : d.hour % 12)
        case "Hour12Short": return String(d.hour % 12 == 0 ? 12 : d.hour % 12)
        case "AMPM": return d.hour < 12 ? "AM" : "PM"
        case "Minute": return two(d.minute)
        case "MinuteShort": return String(d.minute)
        case "Second": return two(second)
        case "SecondShort": return String(second)
        case "Millisecond":
            let ms = Int(((d.second - Double(second)) * 1000).rounded(.down))
            return String(repeating: "0", count: ms < 10 ? 2 : ms < 100 ? 1 : 0) + String(ms)
        default: return nil
        }
    }
}
