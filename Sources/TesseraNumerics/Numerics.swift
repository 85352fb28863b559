// TesseraNumerics: numeric kernels over packed arrays.
//
// This module knows nothing of expressions, symbols or messages; it depends only on TesseraStorage
// (packed arrays), FFTW and OpenBLAS/LAPACKE. Every kernel either returns exactly the packed result
// the Wolfram Language definition asks for, or throws a `NumericsError` saying why it declined
// (integer overflow, a result that is not a machine number, a singular matrix, ...), and the
// builtins layer falls back to its general path or issues the message. Nothing here is global and
// mutable: a kernel owns a `FourierEngine` (FFTW plan cache), a `LinearAlgebraEngine` (BLAS thread
// setting) and a `RandomEngine` (generator state).
//
// Files, one concept each:
//
//   NumericsError.swift       errors, PackedScalar, PackedValue, allocation helpers
//   Promotion.swift           integer < real < complex contagion, typed views of operands
//   ComplexArithmetic.swift   principal-branch complex functions on ComplexDouble
//
//   Fourier.swift             Fourier / InverseFourier with FourierParameters {a, b}; FourierEngine
//   FourierPlanCache.swift    FFTW plans, their LRU cache, the lock around FFTW's planner
//   ChirpZ.swift              Bluestein's algorithm for non-integer b
//
//   BLAS.swift                LinearAlgebraEngine, Dot of any ranks (gemm / gemv / dot)
//   LAPACK.swift              Inverse, LinearSolve, Det, CholeskyDecomposition
//   Eigensystem.swift         Eigenvalues / Eigenvectors (symmetric, Hermitian, general)
//
//   RandomGenerator.swift     xoshiro256**, seeding, RandomEngine, unbiased bounded integers
//   Ziggurat.swift            normal and exponential ziggurats
//   Distributions.swift       uniform, normal, exponential, Poisson fills
//   Sampling.swift            RandomChoice / RandomSample, alias tables, weighted sampling
//   Multinormal.swift         MultinormalDistribution draws via Cholesky and one dtrmm
//
//   Statistics.swift          Mean, Variance, StandardDeviation, Covariance, Median
//   Reductions.swift          Total, Accumulate, Differences, Max, Min
//   VectorArithmetic.swift    Plus, Subtract, Times, Divide, Power with Listable threading
//   UnaryMaps.swift           Minus, Abs, Sqrt, Exp, Log, Sin, Cos, Tan, Re, Im, Arg, Round, ...
//   Comparisons.swift         Equal, Less, ... as 0/1 masks, with machine-real tolerance
//   Transpose.swift           Transpose by any level permutation (tiled 2-D core)
//   Rearrange.swift           Reverse, RotateLeft / RotateRight, parts by index
