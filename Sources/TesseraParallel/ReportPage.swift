// The report's page: one HTML document with its style inline, and no script (it opens offline, from
// a file, in any browser). Every text in it is escaped where it is made (TimelineText.html).

enum ReportPage {
    static func html(summary: String, timeline: String, tables: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>tessera: parallel run</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
        h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
        table { border-collapse: collapse; margin: 8px 0; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #f0f0f0; }
        svg text { font: 12px system-ui, sans-serif; fill: #222; }
        svg rect { shape-rendering: crispEdges; }
        .lane { fill: #f6f6f6; }
        .evaluation { fill: #3b7dd8; } .died { fill: #d83b3b; } .aggregate { fill: #7d9fd8; }
        .definition { fill: #e39b21; } .sharedvariable { fill: #2aa876; }
        .tick { stroke: #bbb; } .legend rect { stroke: none; }
        </style>
        </head>
        <body>
        <h1>Parallel run</h1>
        <p class="summary">\(TimelineText.html(summary))</p>
        <h2>Timeline</h2>
        <p>A row per kernel (its evaluations) and one for the master (definitions it sent and shared
        variables it answered, as marks). Hover a span for its bytes.</p>
        \(timeline)
        \(tables)
        </body>
        </html>

        """
    }
}
