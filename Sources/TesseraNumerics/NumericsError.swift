// Errors and small value types shared by every kernel of the module.
//
// TesseraNumerics knows nothing of expressions or messages. A kernel either returns a packed result
// that is exactly what the Wolfram Language definition asks for, or throws a `NumericsError` that
// tells the builtins layer *why* the fast path declined, so that it can fall back (big integers,
// exact rationals, unpacked mixed lists) or issue the matching message (`Inverse::sing`, ...).

import TesseraStorage

/// Why a numeric kernel could not produce a packed result.
public enum NumericsError: Error, Equatable, Sendable {
    /// Allocation of the result failed.
    case storage(PackedStorageError)
    /// A machine-integer result overflowed 64 bits; the caller should redo the work with big integers.
    case integerOverflow
    /// The true result is not a finite machine number of the result type: an exact rational
    /// (`7/2`), a complex value from real input (`Sqrt[-1.]`), an infinity or an indeterminate.
    /// The caller should take its general (unpacked) path, which also issues the right message.
    case notRepresentable
    /// The operands have shapes the operation does not accept (e.g. `{1,2} + {1,2,3}`).
    case shapeMismatch(left: [Int], right: [Int])
    /// The operation is not defined for this element type (e.g. `Max` of complex numbers).
    case unsupportedType(PackedType)
    /// A square matrix was required.
    case notSquare(dimensions: [Int])
    /// The matrix is singular to working precision (`Inverse::sing`, `LinearSolve::nosol`).
    case singular
    /// Cholesky factorisation needs a Hermitian (symmetric) matrix (`CholeskyDecomposition::herm`).
    case notHermitian
    /// Cholesky factorisation needs a positive definite matrix (`CholeskyDecomposition::posdef`).
    case notPositiveDefinite
    /// An argument is outside the domain of the operation; the text names it.
    case invalidArgument(String)
    /// A LAPACK routine reported an argument error or failed to converge.
    case lapackFailure(routine: String, info: Int32)
    /// FFTW could not create a plan.
    case fourierPlanFailed
}

/// One machine number: what a scalar operand or a full reduction is.
public enum PackedScalar: Equatable, Sendable {
    case integer(Int)
    case real(Double)
    case complex(ComplexDouble)

    public var type: PackedType {
        switch self {
        case .integer: return .integer
        case .real: return .real
        case .complex: return .complex
        }
    }

    /// The value as a real, for integer and real scalars.
    public var realValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .complex: return nil
        }
    }

    /// The value as a complex number (every scalar has one).
    public var complexValue: ComplexDouble {
        switch self {
        case .integer(let value): return ComplexDouble(Double(value), 0)
        case .real(let value): return ComplexDouble(value, 0)
        case .complex(let value): return value
        }
    }
}

/// A result that is a scalar for vector input and an array otherwise (`Dot`, `Mean`, `Total`).
public enum PackedValue: Sendable {
    case scalar(PackedScalar)
    case array(PackedArray)

    /// The array, when the value is one.
    public var array: PackedArray? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The scalar, when the value is one.
    public var scalar: PackedScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}

/// Allocates a zero-filled result, turning a storage failure into a `NumericsError`.
@inline(__always)
func allocate(_ type: PackedType, _ dimensions: [Int]) throws(NumericsError) -> PackedArray {
    do {
        return try PackedArray.zeros(type, dimensions)
    } catch {
        throw .storage(error)
    }
}

/// A result array whose every element the caller writes (elementwise kernels): no zero fill, which
/// for a fresh array is a pass over memory as long as the kernel's own.
func allocateUninitialized(_ type: PackedType, _ dimensions: [Int]) throws(NumericsError) -> PackedArray {
    do {
        return try PackedArray.uninitialized(type, dimensions)
    } catch {
        throw .storage(error)
    }
}

/// A packed vector (or array of `dimensions`) holding `values`.
func packed(reals values: [Double], dimensions: [Int]? = nil) throws(NumericsError) -> PackedArray {
    do { return try PackedArray(reals: values, dimensions: dimensions) } catch { throw .storage(error) }
}

func packed(integers values: [Int], dimensions: [Int]? = nil) throws(NumericsError) -> PackedArray {
    do { return try PackedArray(integers: values, dimensions: dimensions) } catch { throw .storage(error) }
}

func packed(complexes values: [ComplexDouble], dimensions: [Int]? = nil) throws(NumericsError) -> PackedArray {
    do { return try PackedArray(complexes: values, dimensions: dimensions) } catch { throw .storage(error) }
}
