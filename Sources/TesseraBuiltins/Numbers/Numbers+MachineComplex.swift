// Machine complex numbers for scalar evaluation (`Sin[1. + 2. I]`, `N[(-1)^(1/3)]`).
//
// Branch cuts are those of the Wolfram Language: Log along the negative real axis with Arg in
// (-Pi, Pi]; the inverse functions are defined through Log and Sqrt as in the reference pages, so
// that a real argument outside the real domain (`ArcSin[2.]`) gives the same complex value.

#if canImport(Glibc)
import Glibc
#endif

struct MachineComplex: Equatable, Sendable {
    var re: Double
    var im: Double

    @inline(__always) init(_ re: Double, _ im: Double) { self.re = re; self.im = im }

    static let i = MachineComplex(0, 1)
    static let one = MachineComplex(1, 0)

    @inline(__always) static func + (a: MachineComplex, b: MachineComplex) -> MachineComplex {
        MachineComplex(a.re + b.re, a.im + b.im)
    }

    @inline(__always) static func - (a: MachineComplex, b: MachineComplex) -> MachineComplex {
        MachineComplex(a.re - b.re, a.im - b.im)
    }

    @inline(__always) static prefix func - (a: MachineComplex) -> MachineComplex {
        MachineComplex(-a.re, -a.im)
    }

    @inline(__always) static func * (a: MachineComplex, b: MachineComplex) -> MachineComplex {
        MachineComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }

    @inline(__always) static func * (a: MachineComplex, s: Double) -> MachineComplex {
        MachineComplex(a.re * s, a.im * s)
    }

    /// Smith's algorithm, so that |b|^2 cannot overflow when b itself is representable.
    static func / (a: MachineComplex, b: MachineComplex) -> MachineComplex {
        if b.im == 0 { return MachineComplex(a.re / b.re, a.im / b.re) }
        if abs(b.re) >= abs(b.im) {
            let ratio = b.im / b.re
            let denominator = b.re + b.im * ratio
            return MachineComplex((a.re + a.im * ratio) / denominator, (a.im - a.re * ratio) / denominator)
        }
        let ratio = b.re / b.im
        let denominator = b.re * ratio + b.im
        return MachineComplex((a.re * ratio + a.im) / denominator, (a.im * ratio - a.re) / denominator)
    }

    var magnitude: Double { hypot(re, im) }
    var argument: Double { atan2(im, re) }
    var conjugate: MachineComplex { MachineComplex(re, -im) }
    var isFinite: Bool { re.isFinite && im.isFinite }
    var isReal: Bool { im == 0 }

    func power(_ n: Int) -> MachineComplex {
        if n < 0 { return MachineComplex.one / power(-n) }
        var result = MachineComplex.one
        var square = self
        var k = n
        while k > 0 {
            if k & 1 == 1 { result = result * square }
            k >>= 1
            if k > 0 { square = square * square }
        }
        return result
    }

    static func exp(_ z: MachineComplex) -> MachineComplex {
        let scale = Glibc.exp(z.re)
        if z.im == 0 { return MachineComplex(scale, 0) }
        return MachineComplex(scale * Glibc.cos(z.im), scale * Glibc.sin(z.im))
    }

    static func log(_ z: MachineComplex) -> MachineComplex {
        MachineComplex(Glibc.log(z.magnitude), z.argument)
    }

    /// Principal square root (Kahan's method, no cancellation).
    static func sqrt(_ z: MachineComplex) -> MachineComplex {
        if z.re == 0 && z.im == 0 { return MachineComplex(0, z.im) }
        let t = Glibc.sqrt((abs(z.re) + z.magnitude) / 2)
        if z.re >= 0 { return MachineComplex(t, z.im / (2 * t)) }
        return MachineComplex(abs(z.im) / (2 * t), z.im >= 0 ? t : -t)
    }

    /// z^w on the principal branch.
    static func pow(_ z: MachineComplex, _ w: MachineComplex) -> MachineComplex {
        if w.im == 0, w.re == w.re.rounded(), abs(w.re) <= 1024 { return z.power(Int(w.re)) }
        if z.re == 0 && z.im == 0 {
            return w.re > 0 ? MachineComplex(0, 0) : MachineComplex(.infinity, 0)
        }
        if z.im == 0 && z.re > 0 && w.im == 0 { return MachineComplex(Glibc.pow(z.re, w.re), 0) }
        if w.im == 0 && w.re == 0.5 { return sqrt(z) }
        return exp(w * log(z))
    }

    static func sin(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.sin(z.re), 0) }
        return MachineComplex(Glibc.sin(z.re) * Glibc.cosh(z.im), Glibc.cos(z.re) * Glibc.sinh(z.im))
    }

    static func cos(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.cos(z.re), 0) }
        return MachineComplex(Glibc.cos(z.re) * Glibc.cosh(z.im), -Glibc.sin(z.re) * Glibc.sinh(z.im))
    }

    static func tan(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.tan(z.re), 0) }
        // tan(x + iy) = (sin 2x + i sinh 2y) / (cos 2x + cosh 2y)
        let d = Glibc.cos(2 * z.re) + Glibc.cosh(2 * z.im)
        if !d.isFinite { return MachineComplex(0, z.im > 0 ? 1 : -1) }
        return MachineComplex(Glibc.sin(2 * z.re) / d, Glibc.sinh(2 * z.im) / d)
    }

    static func sinh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.sinh(z.re), 0) }
        return MachineComplex(Glibc.sinh(z.re) * Glibc.cos(z.im), Glibc.cosh(z.re) * Glibc.sin(z.im))
    }

    static func cosh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.cosh(z.re), 0) }
        return MachineComplex(Glibc.cosh(z.re) * Glibc.cos(z.im), Glibc.sinh(z.re) * Glibc.sin(z.im))
    }

    static func tanh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.tanh(z.re), 0) }
        let t = tan(MachineComplex(-z.im, z.re))
        return MachineComplex(t.im, -t.re)
    }

    static func asin(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 && abs(z.re) <= 1 { return MachineComplex(Glibc.asin(z.re), 0) }
        // -i log(i z + sqrt(1 - z^2))
        let w = log(MachineComplex.i * z + sqrt(MachineComplex.one - z * z))
        var result = MachineComplex(w.im, -w.re)
        if z.im == 0 && z.re > 1 { result.im = -abs(result.im) }
        if z.im == 0 && z.re < -1 { result.im = abs(result.im) }
        return result
    }

    static func acos(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 && abs(z.re) <= 1 { return MachineComplex(Glibc.acos(z.re), 0) }
        let s = asin(z)
        return MachineComplex(Double.pi / 2 - s.re, -s.im)
    }

    static func atan(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.atan(z.re), 0) }
        // (i/2) (log(1 - i z) - log(1 + i z))
        let iz = MachineComplex.i * z
        let d = log(MachineComplex.one - iz) - log(MachineComplex.one + iz)
        return MachineComplex(-d.im / 2, d.re / 2)
    }

    static func asinh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 { return MachineComplex(Glibc.asinh(z.re), 0) }
        let w = asin(MachineComplex(-z.im, z.re))
        return MachineComplex(w.im, -w.re)
    }

    static func acosh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 && z.re >= 1 { return MachineComplex(Glibc.acosh(z.re), 0) }
        return log(z + sqrt(z + MachineComplex.one) * sqrt(z - MachineComplex.one))
    }

    static func atanh(_ z: MachineComplex) -> MachineComplex {
        if z.im == 0 && abs(z.re) < 1 { return MachineComplex(Glibc.atanh(z.re), 0) }
        let d = log(MachineComplex.one + z) - log(MachineComplex.one - z)
        var result = d * 0.5
        if z.im == 0 && z.re > 1 { result.im = Double.pi / 2 }
        if z.im == 0 && z.re < -1 { result.im = Double.pi / 2 }
        return result
    }
}
