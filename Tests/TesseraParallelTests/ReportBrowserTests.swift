// `tessera --report`: the page of a real run (kernel_traffic.wl, small, 2 kernels) opened in a real
// headless Chromium (Debian's `chromium`): its DOM has a timeline row per kernel and one for the
// master, and its screenshot is not blank and shows evaluation spans. Without chromium the test is
// skipped and says so.

import Foundation
import Testing

/// Debian's chromium, or nil.
private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { access($0, X_OK) == 0 }

private let seedAvailable = FileManager.default.fileExists(atPath: "../shared/programs/kernel_traffic.wl")

@Suite(.enabled(if: ParallelHarness.available, "needs the tessera binary (.build/debug/tessera): run swift build first"),
       .enabled(if: seedAvailable, "needs ../shared/programs/kernel_traffic.wl"),
       .enabled(if: chromium != nil, "needs a headless browser: apt-get install -y chromium"))
struct ReportBrowserTests {
    @Test func reportOfKernelTrafficRendersARowPerKernelAndTheMasterInChromium() throws {
        let binary = try #require(ParallelHarness.tesseraBinary), browser = try #require(chromium)
        let program = try #require(try TesseraProcess.smallKernelTraffic())
        let page = TesseraProcess.temporaryPath("report.html"), png = TesseraProcess.temporaryPath("report.png")
        let profile = TesseraProcess.temporaryPath("chromium-profile")
        defer { for path in [page, png, profile] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try TesseraProcess.run(binary, ["--report", page, program]).status == 0)

        let html = try String(contentsOfFile: page, encoding: .utf8)
        for outside in ["<script", "<link", "src=", "url(", "@import", "https:"] {
            #expect(!html.contains(outside), "the page reaches outside itself: \(outside)")
        }
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "--window-size=1200,900"]
        let dom = try TesseraProcess.run(browser, flags + ["--dump-dom", "file://" + page]).output
        #expect(dom.components(separatedBy: "<g class=\"kernel-row\"").count - 1 == 2, "kernel rows in \(dom.prefix(2000))")
        #expect(dom.components(separatedBy: "<g class=\"master-row\"").count - 1 == 1)
        #expect(dom.contains("<td>Kernel 2</td>"), "no byte matrix row for kernel 2")

        _ = try TesseraProcess.run(browser, flags + ["--screenshot=" + png, "file://" + page])
        let image = try PNGPixels(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
        #expect(image.width == 1200 && image.height == 900)
        #expect(image.nonWhite() > image.width * image.height / 50, "the screenshot is (nearly) blank")
        // The evaluation spans' blue (#3b7dd8), not just text and table lines.
        let blue = image.rows.reduce(0) { count, row in
            count + stride(from: 0, to: row.count, by: image.channels).filter {
                abs(Int(row[$0]) - 0x3b) < 12 && abs(Int(row[$0 + 1]) - 0x7d) < 12 && abs(Int(row[$0 + 2]) - 0xd8) < 12
            }.count
        }
        #expect(blue > 500, "no evaluation spans drawn (\(blue) blue pixels)")
    }
}
