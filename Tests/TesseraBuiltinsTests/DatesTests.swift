import Testing

/// DateList, AbsoluteTime, DateString, DayName and $TimeZone (formats from the reference pages of
/// DateString and $DateStringFormat; absolute times count seconds from 1900-01-01).
@Suite struct DatesTests {
    @Test(arguments: [
        ("DateList[0]", "{1900, 1, 1, 0, 0, 0.}"),
        ("DateList[3918585600]", "{2024, 3, 5, 0, 0, 0.}"),
        ("DateList[\"2024-03-05\"]", "{2024, 3, 5, 0, 0, 0.}"),
        ("DateList[\"2024-03-05T10:20:30\"]", "{2024, 3, 5, 10, 20, 30.}"),
        ("DateList[{2024, 14, 1}]", "{2025, 2, 1, 0, 0, 0.}"),
        ("DateList[{2024, 3, 0}]", "{2024, 2, 29, 0, 0, 0.}"),
        ("DateList[{2023, 12, 31, 25, 61, 61}]", "{2024, 1, 1, 2, 2, 1.}"),
        ("DateList[{2024, 3, 5, 10, 20, 30.5}]", "{2024, 3, 5, 10, 20, 30.5}"),
        ("DateList[DateObject[{2024, 3, 5}, \"Day\"]]", "{2024, 3, 5, 0, 0, 0.}"),
        ("Length[DateList[]]", "6"),
        ("AbsoluteTime[{2024, 3, 5}]", "3918585600"),
        ("AbsoluteTime[\"2024-03-05\"]", "3918585600"),
        ("AbsoluteTime[\"2024-03-05T10:20:30\"]", "3918622830"),
        ("AbsoluteTime[{1900, 1, 1}]", "0"),
        ("AbsoluteTime[{1800, 1, 1}]", "-3155673600"),
        ("AbsoluteTime[{2024, 3, 5, 0, 0, 1.5}]", "3.9185856015*^9"),
        ("Head[AbsoluteTime[]]", "Real"),
        ("AbsoluteTime[DateList[3918622830]]", "3.91862283*^9"),
        ("Head[$TimeZone]", "Real"),
        ("Round[Block[{$TimeZone = 5.5}, AbsoluteTime[]] - Block[{$TimeZone = 0}, AbsoluteTime[]]]", "19800"),
    ])
    func datesConvertBetweenListsStringsAndAbsoluteTimes(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("DateString[{2024, 3, 5, 10, 20, 30}]", "Tue 5 Mar 2024 10:20:30"),
        ("DateString[{2024, 3, 5, 10, 20, 30}, \"DateTime\"]", "Tuesday 5 March 2024 10:20:30"),
        ("DateString[{2024, 3, 5}, \"Date\"]", "Tuesday 5 March 2024"),
        ("DateString[{2024, 3, 5}, \"DateShort\"]", "Tue 5 Mar 2024"),
        ("DateString[{2024, 3, 5, 9, 5, 7}, \"Time\"]", "09:05:07"),
        ("DateString[{2024, 3, 5, 10, 20, 30}, \"ISODateTime\"]", "2024-03-05T10:20:30"),
        ("DateString[3918585600, \"ISODate\"]", "2024-03-05"),
        ("DateString[\"2024-03-05\", {\"Year\", \"-\", \"Month\", \"-\", \"Day\"}]", "2024-03-05"),
        ("DateString[{2024, 3, 5}, {\"DayName\", \", \", \"MonthName\", \" \", \"DayShort\"}]", "Tuesday, March 5"),
        ("DateString[{2024, 3, 5, 15, 4, 0}, {\"Hour12\", \":\", \"Minute\", \" \", \"AMPM\"}]", "03:04 PM"),
        ("DateString[\"ISODate\"] == DateString[DateList[], \"ISODate\"]", "True"),
        ("StringLength[DateString[]] >= 23", "True"),
    ])
    func dateStringFormatsAsTheReferenceShows(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("DayName[{2024, 3, 5}]", "Tuesday"),
        ("DayName[{1900, 1, 1}]", "Monday"),
        ("DayName[{2000, 2, 29}]", "Tuesday"),
        ("DayName[\"2024-12-25\"]", "Wednesday"),
        ("MemberQ[{Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday}, DayName[]]", "True"),
    ])
    func dayNameIsTheWeekdaySymbol(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected, "\(source)")
    }
}
