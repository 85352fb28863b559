// The compressed form `8C:`: everything after the header is one zlib stream (RFC 1950: a 2-byte header,
// raw deflate, an Adler-32 check), at zlib's default level, as Python's `zlib.compress` writes it.
//
// Inflating is incremental: the output grows by doubling as zlib fills it, up to a limit the caller
// gives (see `WXFLimits.decompressedBytes(forInput:)`), so a zip bomb costs at most that limit and
// nothing is allocated on the word of a header. zlib's `avail_in`/`avail_out` are 32-bit; buffers
// beyond 4 GiB are fed in slices.

import CZlib

enum Zlib {
    /// Largest slice handed to zlib in one call.
    private static let maxSlice = Int(UInt32.max)

    /// `input` as a zlib stream at the default level.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let initialized = deflateInit_(&stream, Z_DEFAULT_COMPRESSION, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(initialized == Z_OK, "deflateInit failed (\(initialized)): out of memory")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var produced = 0
        input.withUnsafeBytes { source in
            var fed = 0
            while true {
                if stream.avail_in == 0 && fed < source.count {
                    let slice = min(source.count - fed, maxSlice)
                    stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress!.assumingMemoryBound(to: Bytef.self) + fed)
                    stream.avail_in = uInt(slice)
                    fed += slice
                }
                if produced == output.count {
                    output += [UInt8](repeating: 0, count: max(output.count, 1024))
                }
                let flush = fed == source.count ? Z_FINISH : Z_NO_FLUSH
                let status: Int32 = output.withUnsafeMutableBytes { target in
                    let room = min(target.count - produced, maxSlice)
                    stream.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self) + produced
                    stream.avail_out = uInt(room)
                    let status = deflate(&stream, flush)
                    produced += room - Int(stream.avail_out)
                    return status
                }
                if status == Z_STREAM_END { break }
                precondition(status == Z_OK || status == Z_BUF_ERROR, "deflate failed (\(status))")
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// The bytes of the zlib stream that fills `input`, at most `limit` of them.
    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(WXFError) -> [UInt8] {
        var stream = z_stream()
        let initialized = inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else { throw .decompressionFailed(code: initialized) }
        defer { inflateEnd(&stream) }
        // One byte beyond the limit tells a stream that is too long from one that ends exactly there.
        let capacityLimit = limit == Int.max ? limit : limit + 1
        var output: [UInt8] = []
        var produced = 0
        var fed = 0
        while true {
            if stream.avail_in == 0 && fed < input.count {
                let slice = min(input.count - fed, maxSlice)
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self) + fed)
                stream.avail_in = uInt(slice)
                fed += slice
            }
            if produced == output.count {
                guard output.count < capacityLimit else { throw .decompressedTooLarge(limit: limit) }
                let wanted = output.isEmpty ? max(4 * input.count, 1 << 16) : 2 * output.count
                output += [UInt8](repeating: 0, count: min(wanted, capacityLimit) - output.count)
            }
            let status: Int32 = output.withUnsafeMutableBytes { target in
                let room = min(target.count - produced, maxSlice)
                stream.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self) + produced
                stream.avail_out = uInt(room)
                let status = inflate(&stream, Z_NO_FLUSH)
                produced += room - Int(stream.avail_out)
                return status
            }
            switch status {
            case Z_STREAM_END:
                guard produced <= limit else { throw .decompressedTooLarge(limit: limit) }
                let consumed = fed - Int(stream.avail_in)
                guard consumed == input.count else { throw .trailingBytes(offset: consumed) }
                output.removeSubrange(produced...)
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in > 0 || fed < input.count:
                continue  // no room for output: the next round grows it
            case Z_BUF_ERROR:
                throw .truncated(offset: input.count)  // the stream needs input that is not there
            case Z_NEED_DICT:
                throw .decompressionFailed(code: Z_DATA_ERROR)
            default:
                throw .decompressionFailed(code: status)
            }
        }
    }
}
