// Complex machine arithmetic for the kernels.
//
// `ComplexDouble` (from TesseraStorage) is a plain (re, im) pair laid out as FFTW and LAPACK expect.
// The functions here follow the principal branches the Wolfram Language uses: `Log` has its cut
// along the negative real axis with Arg in (-Pi, Pi], `Sqrt[z] = Exp[Log[z]/2]`, and
// `z^w = Exp[w Log[z]]`, except that an integer exponent is done by repeated squaring so that
// `(1. + I)^2` is exactly `0. + 2. I` as in Mathematica. They are internal: the builtins layer has
// its own complex type for scalars.

#if canImport(Glibc)
import Glibc
#endif
import TesseraStorage

extension ComplexDouble {
    @inline(__always) init(real: Double) { self.init(real, 0) }

    @inline(__always) static func + (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        ComplexDouble(a.re + b.re, a.im + b.im)
    }

    @inline(__always) static func - (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        ComplexDouble(a.re - b.re, a.im - b.im)
    }

    @inline(__always) static prefix func - (a: ComplexDouble) -> ComplexDouble {
        ComplexDouble(-a.re, -a.im)
    }

    @inline(__always) static func * (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        ComplexDouble(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }

    @inline(__always) static func * (a: ComplexDouble, s: Double) -> ComplexDouble {
        ComplexDouble(a.re * s, a.im * s)
    }

    /// Smith's algorithm: scales by the larger component of the divisor so that `|b|^2` cannot
    /// overflow or underflow when `b` itself is representable.
    @inline(__always) static func / (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        if abs(b.re) >= abs(b.im) {
            let ratio = b.im / b.re
            let denominator = b.re + b.im * ratio
            return ComplexDouble((a.re + a.im * ratio) / denominator, (a.im - a.re * ratio) / denominator)
        } else {
            let ratio = b.re / b.im
            let denominator = b.re * ratio + b.im
            return ComplexDouble((a.re * ratio + a.im) / denominator, (a.im * ratio - a.re) / denominator)
        }
    }

    @inline(__always) var conjugate: ComplexDouble { ComplexDouble(re, -im) }

    /// |z|, without overflow for large components.
    @inline(__always) var magnitude: Double { hypot(re, im) }

    /// Arg in (-Pi, Pi]; `Arg[0] = 0`.
    @inline(__always) var argument: Double { atan2(im, re) }

    @inline(__always) var isFinite: Bool { re.isFinite && im.isFinite }

    static func exp(_ z: ComplexDouble) -> ComplexDouble {
        let scale = Glibc.exp(z.re)
        if z.im == 0 { return ComplexDouble(scale, 0) }
        return ComplexDouble(scale * Glibc.cos(z.im), scale * Glibc.sin(z.im))
    }

    static func log(_ z: ComplexDouble) -> ComplexDouble {
        ComplexDouble(Glibc.log(z.magnitude), z.argument)
    }

    /// Principal square root, computed without cancellation (Kahan's method).
    static func sqrt(_ z: ComplexDouble) -> ComplexDouble {
        if z.re == 0 && z.im == 0 { return ComplexDouble(0, z.im) }
        let t = Glibc.sqrt((abs(z.re) + z.magnitude) / 2)
        if z.re >= 0 {
            return ComplexDouble(t, z.im / (2 * t))
        } else {
            return ComplexDouble(abs(z.im) / (2 * t), z.im >= 0 ? t : -t)
        }
    }

    static func sin(_ z: ComplexDouble) -> ComplexDouble {
        ComplexDouble(Glibc.sin(z.re) * Glibc.cosh(z.im), Glibc.cos(z.re) * Glibc.sinh(z.im))
    }

    static func cos(_ z: ComplexDouble) -> ComplexDouble {
        ComplexDouble(Glibc.cos(z.re) * Glibc.cosh(z.im), -Glibc.sin(z.re) * Glibc.sinh(z.im))
    }

    /// tan z = (sin 2x + i sinh 2y) / (cos 2x + cosh 2y), stable for large |y|.
    static func tan(_ z: ComplexDouble) -> ComplexDouble {
        let x2 = 2 * z.re, y2 = 2 * z.im
        if abs(y2) > 40 {
            // cosh dominates: tan -> +-i, with the real part decaying like exp(-2|y|).
            let e = Glibc.exp(-abs(y2))
            return ComplexDouble(2 * Glibc.sin(x2) * e, y2 > 0 ? 1 : -1)
        }
        let denominator = Glibc.cos(x2) + Glibc.cosh(y2)
        return ComplexDouble(Glibc.sin(x2) / denominator, Glibc.sinh(y2) / denominator)
    }

    /// z^n by repeated squaring (exact for small Gaussian integers, as Mathematica's machine power is).
    static func power(_ z: ComplexDouble, integer n: Int) -> ComplexDouble {
        var result = ComplexDouble(1, 0)
        var base = z
        var exponent = n.magnitude
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base }
            exponent >>= 1
            if exponent > 0 { base = base * base }
        }
        return n < 0 ? ComplexDouble(1, 0) / result : result
    }

    /// Principal z^w = Exp[w Log[z]], with integer exponents by squaring and `0^w = 0` for Re[w] > 0.
    static func power(_ z: ComplexDouble, _ w: ComplexDouble) -> ComplexDouble {
        if w.im == 0, w.re == w.re.rounded(), abs(w.re) <= 1024 {
            return power(z, integer: Int(w.re))
        }
        if z.re == 0 && z.im == 0 {
            return w.re > 0 ? ComplexDouble(0, 0) : ComplexDouble(.nan, .nan)
        }
        return exp(w * log(z))
    }
}
