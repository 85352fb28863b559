// Fourier and InverseFourier over packed arrays.
//
// Mathematica's definition, with FourierParameters {a, b} (default {0, 1}): for a list of length n
//
//     Fourier[u]_s        = n^(-(1-a)/2) Sum_r u_r Exp[ 2 Pi I b (r-1)(s-1)/n]
//     InverseFourier[v]_s = n^(-(1+a)/2) Sum_r v_r Exp[-2 Pi I b (r-1)(s-1)/n]
//
// and for an array of rank k the same sum runs over every dimension, n being the product of the
// dimensions in the scale factor. FFTW's FFTW_FORWARD is Exp[-2 Pi I ...], so b = 1 (Mathematica's
// default, the "physics" sign) is FFTW_BACKWARD and b = -1 is FFTW_FORWARD.
//
// Other values of b:
// - integer b: Exp[2 Pi I b r s/n] = w^((b s mod n) r) with w = Exp[2 Pi I sign(b)/n], so the result
//   is the b = sign(b) transform read at indices (|b| s mod n) along each dimension: one FFT and one
//   gather, exact and O(n log n) for every length (b = 0 gives the plain sum everywhere).
// - non-integer real b: Bluestein's chirp-z algorithm along each dimension (`ChirpZ.swift`), three
//   FFTs of a smooth length m >= 2n - 1, O(n log n). There is no O(n^2) fallback.
//
// Real (and integer) input uses a real-to-complex plan, which does half the work; FFTW writes the
// half spectrum straight into the rows of the final complex buffer and the other half is filled in
// place from conjugate symmetry, X[-k] = Conjugate[X[k]].

#if canImport(Glibc)
import Glibc
#endif
import CFFTW
import Synchronization
import TesseraStorage

/// Mathematica's FourierParameters {a, b}.
public struct FourierParameters: Equatable, Sendable {
    /// Scale exponent: the forward transform is divided by n^((1-a)/2), the inverse by n^((1+a)/2).
    public var a: Double
    /// Frequency factor and sign of the exponent.
    public var b: Double

    public init(a: Double, b: Double) { self.a = a; self.b = b }

    /// {0, 1}, Mathematica's default.
    public static let `default` = FourierParameters(a: 0, b: 1)
}

/// The Fourier transforms of one kernel, with its own cache of FFTW plans.
///
/// A kernel creates one engine and keeps it; the engine is safe to share between threads.
///
///     let engine = FourierEngine()
///     let spectrum = try engine.fourier(signal)                       // FourierParameters {0, 1}
///     let back = try engine.inverseFourier(spectrum)                  // == signal, to rounding
///     let dsp = try engine.fourier(signal, parameters: .init(a: 1, b: -1))
public final class FourierEngine: Sendable {
    let cache: FourierPlanCache
    private let threadCount: Atomic<Int>

    /// - Parameters:
    ///   - threads: FFTW threads per transform. One by default, so that several kernels on one
    ///     machine do not oversubscribe its cores; raise it for a kernel that has the machine alone.
    ///   - planCapacity: how many plans to keep (least recently used are destroyed first).
    public init(threads: Int = 1, planCapacity: Int = 64) {
        cache = FourierPlanCache(capacity: planCapacity)
        threadCount = Atomic(max(1, threads))
    }

    /// FFTW threads used by plans made from now on (plans are cached per thread count).
    public var threads: Int {
        get { threadCount.load(ordering: .relaxed) }
        set { threadCount.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Number of plans in the cache.
    public var cachedPlanCount: Int { cache.count }

    /// Destroys the cached plans.
    public func removeCachedPlans() { cache.removeAll() }

    /// `Fourier[array, FourierParameters -> parameters]`: a new complex array of the same shape.
    /// Any rank >= 1 and any lengths >= 1; integer, real or complex elements.
    public func fourier(_ array: PackedArray,
                        parameters: FourierParameters = .default) throws(NumericsError) -> PackedArray {
        try transform(array, frequency: parameters.b, scaleExponent: (1 - parameters.a) / 2)
    }

    /// `InverseFourier[array, FourierParameters -> parameters]`.
    public func inverseFourier(_ array: PackedArray,
                               parameters: FourierParameters = .default) throws(NumericsError) -> PackedArray {
        try transform(array, frequency: -parameters.b, scaleExponent: (1 + parameters.a) / 2)
    }

    // MARK: The transform

    /// Sum_r u_r Exp[2 Pi I frequency r.s / n] over all dimensions, times n^(-scaleExponent).
    func transform(_ input: PackedArray, frequency b: Double,
                   scaleExponent: Double) throws(NumericsError) -> PackedArray {
        let dimensions = input.dimensions
        guard !dimensions.isEmpty, dimensions.allSatisfy({ $0 >= 1 && $0 <= Int(Int32.max) }) else {
            throw .invalidArgument("Fourier needs an array of rank >= 1 with nonzero dimensions")
        }
        guard b.isFinite, scaleExponent.isFinite else { throw .invalidArgument("FourierParameters") }

        var result: PackedArray
        if b == b.rounded() {
            let sign = b >= 0 ? FFTW_BACKWARD : FFTW_FORWARD
            result = input.type == .complex
                ? try complexTransform(input, sign: sign)
                : try realTransform(input, sign: sign)
            if abs(b) != 1 {
                result = try gatherMultiples(result, multiplier: abs(b))
            }
        } else {
            result = try mutableCopy(input, as: .complex)
            try ChirpZ.transformAllAxes(result, frequency: b, cache: cache, threads: Int32(threads))
        }

        let scale = pow(Double(input.count), -scaleExponent)
        if scale != 1 {
            let values = UnsafeMutableRawPointer(result.baseAddress).assumingMemoryBound(to: Double.self)
            for i in 0..<(2 * result.count) { values[i] *= scale }
        }
        return result
    }

    /// Complex input: one out-of-place FFTW plan, reading the caller's buffer directly.
    private func complexTransform(_ input: PackedArray, sign: Int32) throws(NumericsError) -> PackedArray {
        let output = try allocate(.complex, input.dimensions)
        let source = input.baseAddress, target = output.baseAddress
        let dims = input.dimensions.map { Int32($0) }
        let key = FourierPlanKey(kind: .complexToComplex, dimensions: dims, sign: sign,
                                 inputAlignment: alignment(of: source), outputAlignment: alignment(of: target),
                                 inPlace: false, threads: Int32(threads))
        let plan = try cache.plan(for: key) {
            dims.withUnsafeBufferPointer { n in
                fftw_plan_dft(Int32(n.count), n.baseAddress, source.assumingMemoryBound(to: fftw_complex.self),
                              target.assumingMemoryBound(to: fftw_complex.self), sign, UInt32(FFTW_ESTIMATE))
            }
        }
        plan.execute(input: source, output: target)
        return output
    }

    /// Real or integer input: real-to-complex into the rows of the final buffer, then mirror.
    private func realTransform(_ input: PackedArray, sign: Int32) throws(NumericsError) -> PackedArray {
        let output = try allocate(.complex, input.dimensions)
        let target = output.baseAddress
        let dims = input.dimensions.map { Int32($0) }
        try withReals(input) { (reals) throws(NumericsError) in
            let source = UnsafeMutableRawPointer(mutating: reals.baseAddress!)
            let key = FourierPlanKey(kind: .realToComplexFullRows, dimensions: dims, sign: FFTW_FORWARD,
                                     inputAlignment: alignment(of: source), outputAlignment: alignment(of: target),
                                     inPlace: false, threads: Int32(threads))
            let plan = try cache.plan(for: key) {
                // The output is logically n1 x ... x (nk/2 + 1) but physically n1 x ... x nk (onembed).
                dims.withUnsafeBufferPointer { n in
                    fftw_plan_many_dft_r2c(Int32(n.count), n.baseAddress, 1,
                                           source.assumingMemoryBound(to: Double.self), nil, 1, 0,
                                           target.assumingMemoryBound(to: fftw_complex.self), n.baseAddress, 1, 0,
                                           UInt32(FFTW_ESTIMATE) | UInt32(FFTW_PRESERVE_INPUT))
                }
            }
            plan.executeRealToComplex(input: source, output: target)
        }
        mirrorHalfSpectrum(output, conjugateComputedHalf: sign == FFTW_BACKWARD)
        return output
    }

    /// Fills the columns k > n/2 of the last dimension from X[k] = Conjugate[X[-k]] (indices mod n in
    /// every dimension). r2c always computes the Exp[-...] half; for the Exp[+...] sign of a real
    /// input the spectrum is the conjugate, so the computed half is conjugated first.
    private func mirrorHalfSpectrum(_ array: PackedArray, conjugateComputedHalf: Bool) {
        let dims = array.dimensions
        let last = dims[dims.count - 1]
        let half = last / 2
        let rows = array.count / last
        let x = array.complexes.baseAddress!
        if conjugateComputedHalf {
            for row in 0..<rows {
                let base = row * last
                for k in 0...half { x[base + k].im = -x[base + k].im }
            }
        }
        guard half + 1 < last else { return }
        let outer = Array(dims.dropLast())
        var index = [Int](repeating: 0, count: outer.count)
        for row in 0..<rows {
            // The row at the negated outer index.
            var mirrorRow = 0
            for axis in 0..<outer.count {
                let i = index[axis]
                mirrorRow = mirrorRow * outer[axis] + (i == 0 ? 0 : outer[axis] - i)
            }
            let base = row * last, mirrorBase = mirrorRow * last
            for k in (half + 1)..<last {
                let source = x[mirrorBase + last - k]
                x[base + k] = ComplexDouble(source.re, -source.im)
            }
            // Odometer over the outer indices.
            var axis = outer.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < outer[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// out[s1, ..., sk] = y[m s1 mod n1, ..., m sk mod nk], the integer-frequency read-out.
    private func gatherMultiples(_ y: PackedArray, multiplier: Double) throws(NumericsError) -> PackedArray {
        let dims = y.dimensions
        let output = try allocate(.complex, dims)
        // Per-axis source offsets: (m s mod n) * stride, with m reduced mod n exactly (fmod is exact).
        var offsets: [[Int]] = []
        var stride = y.count
        for n in dims {
            stride /= n
            let m = Int(fmod(multiplier, Double(n)))
            offsets.append((0..<n).map { s in ((m * s) % n) * stride })
        }
        let source = y.complexes.baseAddress!, target = output.complexes.baseAddress!
        let lastOffsets = offsets[dims.count - 1]
        let last = dims[dims.count - 1]
        let rows = y.count / last
        var index = [Int](repeating: 0, count: dims.count - 1)
        for row in 0..<rows {
            var base = 0
            for axis in 0..<index.count { base += offsets[axis][index[axis]] }
            let out = target + row * last
            for k in 0..<last { out[k] = source[base + lastOffsets[k]] }
            var axis = index.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < dims[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return output
    }
}

/// FFTW's notion of alignment of a pointer (plans can be re-executed on arrays with the same value).
@inline(__always)
func alignment(of pointer: UnsafeMutableRawPointer) -> Int32 {
    fftw_alignment_of(pointer.assumingMemoryBound(to: Double.self))
}
