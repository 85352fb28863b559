// One helper for builtin tests: what `tessera -code` would print for a source text.

import TesseraRunner

/// The text of the last result of `source` (a string as it is), without side output.
func evaluate(_ source: String) -> String {
    evaluateSource(source).result
}

/// Side output (Print, messages) and the text of the last result.
func evaluateWithOutput(_ source: String) -> (output: String, result: String) {
    let text = evaluateSource(source)
    return (text.output, text.result)
}
