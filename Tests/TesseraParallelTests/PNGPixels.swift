// Just enough of a PNG decoder to tell whether a screenshot shows anything: 8-bit RGB or RGBA,
// not interlaced (what Chromium writes), inflated with zlib and unfiltered row by row.

import CZlib

struct PNGPixels {
    let width: Int
    let height: Int
    /// Bytes per pixel (3 or 4) and the unfiltered rows, `width * channels` bytes each.
    let channels: Int
    let rows: [[UInt8]]

    enum Failure: Error { case notPNG, unsupported(String), corrupt(String) }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, bytes.prefix(8) == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure.notPNG }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8, header: ArraySlice<UInt8> = [], compressed: [UInt8] = []
        while at + 8 <= bytes.count {
            let length = be32(at), type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
            guard at + 12 + length <= bytes.count else { throw Failure.corrupt("chunk \(type) past the end") }
            let data = bytes[at + 8..<at + 8 + length]
            if type == "IHDR" { header = data }
            if type == "IDAT" { compressed += data }
            at += 12 + length
        }
        guard header.count == 13 else { throw Failure.corrupt("no IHDR") }
        let h = Array(header)
        width = h[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = h[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard h[8] == 8, h[12] == 0, h[9] == 2 || h[9] == 6 else { throw Failure.unsupported("depth \(h[8]), color \(h[9]), interlace \(h[12])") }
        channels = h[9] == 6 ? 4 : 3
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = uncompress(&raw, &rawLength, compressed, uLong(compressed.count))
        guard status == Z_OK, Int(rawLength) == raw.count else { throw Failure.corrupt("zlib status \(status)") }
        var rows: [[UInt8]] = []
        var previous = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            var row = Array(raw[y * (stride + 1) + 1..<(y + 1) * (stride + 1)])
            for i in 0..<stride {
                let a = i >= channels ? Int(row[i - channels]) : 0, b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure.corrupt("filter \(filter)")
                }
                row[i] = UInt8(truncatingIfNeeded: Int(row[i]) + predictor)
            }
            rows.append(row)
            previous = row
        }
        self.rows = rows
    }

    /// Pixels with some channel darker than `threshold` (of 255): what is not white background.
    func nonWhite(threshold: UInt8 = 240) -> Int {
        rows.reduce(0) { count, row in
            var n = 0
            for x in 0..<width where row[x * channels..<x * channels + 3].contains(where: { $0 < threshold }) { n += 1 }
            return count + n
        }
    }
}
