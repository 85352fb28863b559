// Bluestein's chirp-z algorithm: Fourier with a non-integer frequency factor b.
//
// For X_s = Sum_r u_r w^(r s) with w = Exp[2 Pi I b/n], the identity r s = (r^2 + s^2 - (s-r)^2)/2
// turns the sum into a convolution:
//
//     X_s = c_s Sum_r (u_r c_r) h_(s-r),   c_r = Exp[Pi I b r^2/n],  h_d = Conjugate[c_|d|]
//
// which is computed with FFTs of a smooth length m >= 2n - 1 (products of 2, 3, 5, 7, which FFTW
// handles fastest). The kernel's spectrum is computed once per axis; each line of the array along
// that axis then costs two FFTs of length m. The transform is separable, so an array of rank k is
// done one axis at a time, in place.
//
// Accuracy: the chirp phase Pi b r^2/n is formed in double precision; for n near 10^6 its absolute
// error is about 1e-9 radians, so results agree with a direct sum to roughly 1e-9 relative there and
// to 1e-13 for n in the thousands. (Integer b never comes here: it is exact via one FFT.)

#if canImport(Glibc)
import Glibc
#endif
import CFFTW
import TesseraStorage

enum ChirpZ {
    /// The smallest 2^a 3^b 5^c 7^d that is >= `target`.
    static func smoothLength(atLeast target: Int) -> Int {
        var best = 1
        while best < target { best <<= 1 }
        var p7 = 1
        while p7 < best {
            var p5 = p7
            while p5 < best {
                var p3 = p5
                while p3 < best {
                    var candidate = p3
                    while candidate < target { candidate <<= 1 }
                    best = min(best, candidate)
                    p3 *= 3
                }
                p5 *= 5
            }
            p7 *= 7
        }
        return best
    }

    /// Transforms `array` (complex, contiguous, written in place) along every axis with frequency b.
    static func transformAllAxes(_ array: PackedArray, frequency b: Double, cache: FourierPlanCache,
                                 threads: Int32) throws(NumericsError) {
        let dims = array.dimensions
        var after = array.count
        var before = 1
        for axis in 0..<dims.count {
            let n = dims[axis]
            after /= n
            try transformAxis(array.complexes.baseAddress!, length: n, before: before, stride: after,
                              frequency: b, cache: cache, threads: threads)
            before *= n
        }
    }

    /// One axis: `before` blocks, each holding `stride` interleaved lines of `length` elements.
    private static func transformAxis(_ data: UnsafeMutablePointer<ComplexDouble>, length n: Int, before: Int,
                                      stride: Int, frequency b: Double, cache: FourierPlanCache,
                                      threads: Int32) throws(NumericsError) {
        if n == 1 { return }  // Exp[0] = 1: a line of one element is its own transform
        let m = smoothLength(atLeast: 2 * n - 1)

        // Chirp c_r = Exp[Pi I b r^2 / n].
        var chirp = [ComplexDouble](repeating: ComplexDouble(0, 0), count: n)
        for r in 0..<n {
            let square = Double(r) * Double(r)
            let phase = Double.pi * b * square / Double(n)
            chirp[r] = ComplexDouble(cos(phase), sin(phase))
        }

        // Work buffers in packed storage (64-byte aligned, so every line reuses the same plans).
        let kernel = try allocate(.complex, [m])
        let work = try allocate(.complex, [m])
        let h = kernel.complexes.baseAddress!, w = work.complexes.baseAddress!
        for d in 0..<n {
            h[d] = chirp[d].conjugate
            if d > 0 { h[m - d] = chirp[d].conjugate }
        }
        let forward = try inPlacePlan(length: m, sign: FFTW_FORWARD, buffer: w, cache: cache, threads: threads)
        let backward = try inPlacePlan(length: m, sign: FFTW_BACKWARD, buffer: w, cache: cache, threads: threads)
        forward.execute(input: UnsafeMutableRawPointer(h), output: UnsafeMutableRawPointer(h))
        // Fold the 1/m of the inverse FFT into the kernel spectrum.
        let inverseM = 1 / Double(m)
        for j in 0..<m { h[j] = h[j] * inverseM }

        for block in 0..<before {
            for line in 0..<stride {
                let start = data + block * n * stride + line
                for r in 0..<n { w[r] = start[r * stride] * chirp[r] }
                for r in n..<m { w[r] = ComplexDouble(0, 0) }
                forward.execute(input: UnsafeMutableRawPointer(w), output: UnsafeMutableRawPointer(w))
                for j in 0..<m { w[j] = w[j] * h[j] }
                backward.execute(input: UnsafeMutableRawPointer(w), output: UnsafeMutableRawPointer(w))
                for s in 0..<n { start[s * stride] = w[s] * chirp[s] }
            }
        }
    }

    private static func inPlacePlan(length m: Int, sign: Int32, buffer: UnsafeMutablePointer<ComplexDouble>,
                                    cache: FourierPlanCache, threads: Int32) throws(NumericsError) -> FourierPlan {
        let raw = UnsafeMutableRawPointer(buffer)
        let align = alignment(of: raw)
        let key = FourierPlanKey(kind: .complexToComplex, dimensions: [Int32(m)], sign: sign,
                                 inputAlignment: align, outputAlignment: align, inPlace: true, threads: threads)
        return try cache.plan(for: key) {
            fftw_plan_dft_1d(Int32(m), raw.assumingMemoryBound(to: fftw_complex.self),
                             raw.assumingMemoryBound(to: fftw_complex.self), sign, UInt32(FFTW_ESTIMATE))
        }
    }
}
