// The seed programs (../shared/programs/*.wl), run small: their values against the numpy/scipy
// peer (../shared/bench/peers/common.py), multinormal moments, and no unpacking on the way.
//
// The cross-spectrum inputs are made by the kernel (SeedRandom, RandomReal) and handed to numpy as
// raw little-endian doubles in a file, so both sides work on the very same numbers. Python runs
// through popen (`make test` installs python3-numpy and python3-scipy); without them, or without
// ../shared beside the repository, the tests that need them are skipped and say so.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraRunner
import TesseraStorage

/// A kernel on a large stack, its side output, and the packed or atomic results of `sources`.
private final class SeedRun: @unchecked Sendable {
    var output = ""
    var results: [Expr] = []
    /// The results as `tessera -code` prints them.
    var texts: [String] = []

    init(_ sources: [String]) {
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel { self.output += $0 }
            for source in sources {
                if case .finished(let e) = kernel.run(source) { self.results.append(e) }
                else { self.results.append(.symbol(kernel.sys.Failed)) }
                self.texts.append(kernel.resultText(self.results[self.results.count - 1]))
            }
            kernel.tearDown()
        }
    }
}

private enum Peer {
    /// Relative to the package root, the working directory of `swift test`.
    static let directory = "../shared/bench/peers"
    static let programs = "../shared/programs"

    /// True when the peer's module and python3 with numpy are there.
    static let available: Bool = access(directory + "/common.py", R_OK) == 0
        && shell("python3 -c 'import numpy' 2>/dev/null").status == 0
    /// True when the seed programs are there.
    static let programsAvailable = access(programs + "/multinormal.wl", R_OK) == 0

    static func shell(_ command: String) -> (status: Int32, output: String) {
        guard let pipe = popen(command, "r") else { return (-1, "") }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return (pclose(pipe), text)
    }

    static func write(_ array: PackedArray, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        return fwrite(array.baseAddress, 1, array.byteCount, file) == array.byteCount
    }

    static func readDoubles(_ path: String) -> [Double] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var values: [Double] = []
        var chunk = [Double](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 8, 4096, file) }
            values += chunk.prefix(n)
            if n < 4096 { break }
        }
        return values
    }

    static func programText(_ name: String) -> String? {
        guard let file = fopen(programs + "/" + name, "r") else { return nil }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return text
    }
}

/// Largest absolute difference over the largest reference magnitude.
private func relativeError(_ x: [Double], _ reference: [Double]) -> Double {
    guard x.count == reference.count, !x.isEmpty else { return .infinity }
    let scale = reference.map { Swift.abs($0) }.max() ?? 0
    let worst = zip(x, reference).map { Swift.abs($0 - $1) }.max() ?? 0
    return scale > 0 ? worst / scale : worst
}

/// The reals of a packed real array, or of a (nested) list of machine reals, flattened.
private func reals(_ e: Expr) -> [Double]? {
    switch e {
    case .packed(let p):
        return p.type == .real ? Array(p.reals) : nil
    case .normal(let n):
        var values: [Double] = []
        for a in n.arguments {
            if case .real(let x) = a { values.append(x); continue }
            guard let inner = reals(a) else { return nil }
            values += inner
        }
        return values
    default:
        return nil
    }
}

struct SeedProgramTests {
    /// The definitions of cross_spectrum.wl, verbatim.
    static let crossSpectrumDefinitions = """
    ht = 2*0.375*^-9;
    DFT[A_, ht_] :=
      RotateRight[
        ht/Sqrt[2 \\[Pi]]*
         Fourier[RotateLeft[A, Length[A]/2 - 1], FourierParameters -> {1, 1}],
        Length[A]/2 - 1];
    SmoothDFT[A_, ht_, n_] :=
      DFT[Table[0., {(n - 1)*Length[A]/2}]~Join~A~Join~
        Table[0., {(n - 1)*Length[A]/2}], ht];
    SelectbyWRange[A_, {WMin_, WMax_}, {TakeWMin_, TakeWMax_}] :=
     Module[{lthA, nMax, nMin}, lthA = Length[A];
      nMin = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMin)/(WMax - WMin)];
      nMax = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMax)/(WMax - WMin)];
      Transpose[{Table[TakeWMin + n*(TakeWMax - TakeWMin)/(nMax - nMin), {n, 0, nMax - nMin}],
        Take[A, {nMin, nMax}]}]]
    """

    @Test(.enabled(if: Peer.available, "needs python3 with numpy and ../shared/bench/peers"))
    func crossSpectrumAgreesWithPeer() throws {
        let length = 12000
        let run = SeedRun([
            "SeedRandom[20240601]; a = RandomReal[{0., 1.}, {2, \(length)}]",
            "b = RandomReal[{0., 1.}, {2, \(length)}]",
            Self.crossSpectrumDefinitions + ";\n-Im[SmoothDFT[a[[2]], ht, 2]*Conjugate[SmoothDFT[b[[2]], ht, 2]]]",
            "Flatten[SelectbyWRange[%, {-834., 834.}, {19.5, 20.5}]]",
        ])
        #expect(run.results.count == 4)
        guard run.results.count == 4, case .packed(let a) = run.results[0], case .packed(let b) = run.results[1] else {
            Issue.record("inputs not packed: \(run.output)")
            return
        }
        let directory = "/tmp/tessera-seed-\(getpid())"
        mkdir(directory, 0o700)
        #expect(Peer.write(a, to: directory + "/a.bin") && Peer.write(b, to: directory + "/b.bin"))
        let script = """
        import sys, numpy as np
        sys.path.insert(0, '\(Peer.directory)')  # relative: python3 runs in the package root too
        import common
        L = \(length)
        a = np.fromfile('\(directory)/a.bin', dtype='<f8').reshape(2, L)
        b = np.fromfile('\(directory)/b.bin', dtype='<f8').reshape(2, L)
        try:
            import scipy.fft
            dft = common._dft_sp; row = common.w1_row_sp
        except ImportError:
            dft = common._dft_np; row = common.w1_row_np
        S = -np.imag(dft(common.pad(a[1])) * np.conj(dft(common.pad(b[1]))))
        S.astype('<f8').tofile('\(directory)/s.bin')
        row(a[1], b[1]).astype('<f8').ravel().tofile('\(directory)/w.bin')
        """
        let scriptPath = directory + "/peer.py"
        if let file = fopen(scriptPath, "w") { fputs(script, file); fclose(file) }
        let result = Peer.shell("python3 \(scriptPath) 2>&1")
        #expect(result.status == 0, "peer failed: \(result.output)")

        let spectrum = reals(run.results[2])
        let window = reals(run.results[3])
        #expect(spectrum != nil, "the cross-spectrum is not a vector of reals: \(run.output)")
        #expect(window != nil, "SelectbyWRange is not a matrix of reals")
        let peerSpectrum = Peer.readDoubles(directory + "/s.bin")
        let peerWindow = Peer.readDoubles(directory + "/w.bin")
        #expect(peerSpectrum.count == 2 * length)
        #expect(relativeError(spectrum ?? [], peerSpectrum) <= 1e-9)
        #expect(!peerWindow.isEmpty && relativeError(window ?? [], peerWindow) <= 1e-9)
        for name in ["a.bin", "b.bin", "s.bin", "w.bin", "peer.py"] { unlink(directory + "/" + name) }
        rmdir(directory)
    }

    @Test func multinormalDrawsHaveTheirMoments() {
        // A full (not diagonal) covariance: Sigma = B.B^T + diag.
        let draws = 40000
        let run = SeedRun([
            """
            SeedRandom[11]; mu = RandomReal[{0, 1}, 6];
            bb = RandomReal[{-1, 1}, {6, 6}];
            sigma = bb.Transpose[bb] + DiagonalMatrix[Exp[RandomReal[{0, 1}, 6]]];
            r = RandomVariate[MultinormalDistribution[mu, sigma], \(draws)];
            {Dimensions[r], Developer`PackedArrayQ[r]}
            """,
            "Mean[r] - mu",
            "Covariance[r] - sigma",
            "sigma",
        ])
        #expect(run.results.count == 4)
        guard run.results.count == 4 else { return }
        #expect(run.texts[0] == "{{\(draws), 6}, True}")
        guard let meanError = reals(run.results[1]), let covarianceError = reals(run.results[2]),
              let sigma = reals(run.results[3]) else {
            Issue.record("moments not packed: \(run.output)")
            return
        }
        // Standard errors: sqrt(Sigma_ii / n) for the mean, about sqrt((Sigma_ii Sigma_jj + Sigma_ij^2) / n)
        // for the covariance; 5 of them is a failure by chance once in millions of runs.
        let n = Double(draws)
        for i in 0..<6 {
            #expect(Swift.abs(meanError[i]) < 5 * (sigma[i * 6 + i] / n).squareRoot())
            for j in 0..<6 {
                let bound = 5 * ((sigma[i * 6 + i] * sigma[j * 6 + j] + sigma[i * 6 + j] * sigma[i * 6 + j]) / n).squareRoot()
                #expect(Swift.abs(covarianceError[i * 6 + j]) < bound)
            }
        }
    }

    /// The serial parts of the three seeds, with their sizes made small, under On["Packing"].
    static func serialParts() -> [(String, String)] {
        var parts: [(String, String)] = []
        if let text = Peer.programText("cross_spectrum.wl"), let end = text.range(of: "Kernels[]\nLaunchKernels[]") {
            parts.append(("cross_spectrum.wl", String(text[..<end.lowerBound]).replacingOccurrences(of: "{401, 300000}", with: "{3, 3000}")))
        }
        if let text = Peer.programText("kernel_traffic.wl") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.contains("Parallel") && !$0.contains("LaunchKernels") && !$0.contains("$KernelCount")
            }
            parts.append(("kernel_traffic.wl", lines.joined(separator: "\n").replacingOccurrences(of: "m = 30000; n = 640;", with: "m = 3000; n = 5;")))
        }
        if let text = Peer.programText("multinormal.wl"), let end = text.range(of: "LaunchKernels[]") {
            parts.append(("multinormal.wl", String(text[..<end.lowerBound]).replacingOccurrences(of: "400000", with: "4000")))
        }
        return parts
    }

    @Test(.enabled(if: Peer.programsAvailable, "needs ../shared/programs"))
    func seedsDoNotUnpack() {
        let parts = Self.serialParts()
        #expect(parts.count == 3, "the seed programs are read from \(Peer.programs)")
        for (name, source) in parts {
            let run = SeedRun(["On[\"Packing\"]", source])
            #expect(!run.output.contains("FromPackedArray::unpack"), "\(name) unpacks:\(run.output)")
            #expect(!run.output.contains("::"), "\(name) issues messages:\(run.output)")
        }
    }

    @Test func crossSpectrumIntermediatesStayPacked() {
        let run = SeedRun([
            Self.crossSpectrumDefinitions + """
            ;
            a = RandomReal[{0., 1.}, {2, 3000}];
            Developer`PackedArrayQ /@ {Fourier[RotateLeft[a[[1]], 10], FourierParameters -> {1, 1}],
              SmoothDFT[a[[1]], ht, 2], -Im[SmoothDFT[a[[1]], ht, 2]*Conjugate[SmoothDFT[a[[2]], ht, 2]]]}
            """,
        ])
        #expect(run.texts == ["{True, True, True}"], "blocked by Times[real, Power[...], packed] unpacking: \(run.output)")
    }
}
