// The proleptic Gregorian calendar, as Mathematica's date functions count it: an absolute time is the
// number of seconds since 1900-01-01 00:00:00 in the local time zone ($TimeZone), so a date list and its
// absolute time convert without any zone arithmetic; only "now" needs the machine's clock and offset.
//
// Days are converted with the closed-form civil-from-days / days-from-civil algorithms (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms"), exact over the whole Int range that matters here, so
// out-of-range fields normalize by plain arithmetic: {2024, 14, 1} is 1 February 2025, {2024, 3, 0} is
// 29 February 2024.

#if canImport(Glibc)
import Glibc
#endif

/// A calendar date and time of day; `second` may have a fraction.
struct CivilDate: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int
    var second: Double

    /// Days from 1970-01-01 to 1900-01-01.
    private static let epochOffsetDays = -25567

    /// The date `absolute` seconds after 1900-01-01 00:00:00.
    init(absolute: Double) {
        let days = Int((absolute / 86400).rounded(.down))
        var rest = absolute - Double(days) * 86400
        (year, month, day) = CivilDate.civil(fromDays: days + CivilDate.epochOffsetDays)
        hour = min(Int(rest / 3600), 23)
        rest -= Double(hour) * 3600
        minute = min(Int(rest / 60), 59)
        second = rest - Double(minute) * 60
    }

    /// The fields of a date list, normalized (months beyond 12, days beyond the month's end, hours
    /// beyond 23... carry over; zero and negative fields borrow).
    init(fields: [Double]) {
        let y = fields.count > 0 ? Int(fields[0]) : 1900
        let m = fields.count > 1 ? Int(fields[1]) : 1
        let d = fields.count > 2 ? fields[2] : 1
        let carried = (m - 1).floorDivided(by: 12)
        let firstOfMonth = CivilDate.days(fromCivil: y + carried, m - 12 * carried, 1) - CivilDate.epochOffsetDays
        let h = fields.count > 3 ? fields[3] : 0
        let mi = fields.count > 4 ? fields[4] : 0
        let s = fields.count > 5 ? fields[5] : 0
        self.init(absolute: (Double(firstOfMonth) + d - 1) * 86400 + h * 3600 + mi * 60 + s)
    }

    /// Seconds since 1900-01-01 00:00:00.
    var absolute: Double {
        let days = CivilDate.days(fromCivil: year, month, day) - CivilDate.epochOffsetDays
        return Double(days) * 86400 + Double(hour * 3600 + minute * 60) + second
    }

    /// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    var weekday: Int {
        (CivilDate.days(fromCivil: year, month, day) + 4).floorModulo(7)
    }

    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = z.floorDivided(by: 146097)
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    // MARK: The machine's clock

    /// The machine's offset from UTC now, in hours ($TimeZone).
    static func localOffsetHours() -> Double {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Double(parts.tm_gmtoff) / 3600
    }

    /// The absolute time now, in the local zone, to the microsecond.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let unix = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        return unix + 2208988800 + localOffsetHours() * 3600
    }
}

private extension Int {
    func floorDivided(by d: Int) -> Int { (self >= 0 ? self : self - d + 1) / d }
    func floorModulo(_ d: Int) -> Int { self - floorDivided(by: d) * d }
}
