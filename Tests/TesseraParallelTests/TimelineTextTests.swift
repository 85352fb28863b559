// The trace's and report's text: escaping that keeps JSON and HTML well-formed whatever a label
// holds, and human units.

@testable import TesseraParallel
import Testing

struct TimelineTextTests {
    @Test(arguments: [
        ("plain", "\"plain\""), ("a\"b\\c", "\"a\\\"b\\\\c\""), ("line\nnext\ttab", "\"line\\nnext\\ttab\""),
        ("\u{1}", "\"\\u0001\""), ("α→β", "\"α→β\""),
    ])
    func jsonStringsEscapeQuotesBackslashesAndControls(_ text: String, _ json: String) {
        #expect(TimelineText.json(text) == json)
    }

    @Test(arguments: [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("a & \"b\"", "a &amp; &quot;b&quot;"), ("f[x_] := x^2", "f[x_] := x^2"),
    ])
    func htmlTextEscapesMarkupAndQuotes(_ text: String, _ html: String) {
        #expect(TimelineText.html(text) == html)
    }

    @Test(arguments: [
        (0, "0 B"), (999, "999 B"), (1000, "1.00 KB"), (8053, "8.05 KB"), (16_251, "16.3 KB"), (999_999, "1.00 MB"),
        (1_536_000, "1.54 MB"), (100_000_000, "100 MB"), (2_100_000_000, "2.10 GB"),
    ])
    func bytesAreInDecimalUnits(_ bytes: Int, _ text: String) {
        #expect(TimelineText.bytes(bytes) == text)
    }

    @Test(arguments: [(0.0, 3, "0.000"), (12.3456, 3, "12.346"), (-0.5, 1, "-0.5"), (7, 0, "7"), (0.05, 2, "0.05")])
    func decimalsHaveAFixedNumberOfPlaces(_ x: Double, _ places: Int, _ text: String) {
        #expect(TimelineText.decimal(x, places: places) == text)
    }
}
