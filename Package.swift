// swift-tools-version:6.0
import PackageDescription

/// Release builds skip the dynamic exclusivity checks (the evaluator reads symbol and kernel fields on
/// every step; the checks cost about a tenth of its time) and use non-atomic reference counting: a
/// kernel is one thread of one process (subkernels are processes), and atomic retains and releases
/// were over half the time of an evaluation loop. Debug builds, which the tests run in parallel
/// threads, keep both. The contract this relies on (a kernel and everything reachable from it belong
/// to one thread; a helper thread touches raw bytes only) is written in
/// Sources/TesseraCore/ThreadOwnership.swift and checked there in debug builds.
let releaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-assume-single-threaded"], .when(configuration: .release)),
]
/// Swift 6.3.1's optimizer takes over half an hour and 13 GB on TesseraCore as one module (LLVM's
/// IPSCCP over the pattern matcher's continuation closures inlined across files); file by file it
/// takes a minute.
let coreSettings: [SwiftSetting] = releaseSettings
    + [.unsafeFlags(["-no-whole-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Tessera",
    products: [
        .executable(name: "tessera", targets: ["tessera"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // MARK: Native libraries (Debian packages)
        .target(name: "CShim"),
        .target(name: "CRandom"),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Layers, dependencies pointing one way
        // storage -> expr -> syntax -> core -> numerics/wire -> builtins -> link -> parallel -> runner -> CLI
        .target(name: "TesseraStorage", dependencies: ["CShim"], swiftSettings: releaseSettings),
        .target(name: "TesseraExpr", dependencies: ["TesseraStorage", .product(name: "BigInt", package: "BigInt")], swiftSettings: releaseSettings),
        .target(name: "TesseraSyntax", dependencies: ["TesseraExpr"], swiftSettings: releaseSettings),
        .target(name: "TesseraCore", dependencies: ["TesseraSyntax", "TesseraExpr", "TesseraStorage", "CShim"], swiftSettings: coreSettings),
        .target(name: "TesseraNumerics", dependencies: ["TesseraStorage", "CFFTW", "CBLAS", "CRandom"], swiftSettings: releaseSettings),
        .target(name: "TesseraWire", dependencies: ["TesseraExpr", "TesseraStorage", "CZlib", .product(name: "BigInt", package: "BigInt")], exclude: ["README.md"], swiftSettings: releaseSettings),
        .target(name: "TesseraBuiltins", dependencies: ["TesseraCore", "TesseraStorage", "TesseraNumerics", "TesseraWire"], swiftSettings: releaseSettings),
        .target(name: "TesseraLink", dependencies: ["TesseraWire", "TesseraStorage", "CShim"], swiftSettings: releaseSettings),
        .target(name: "TesseraParallel", dependencies: ["TesseraCore", "TesseraBuiltins", "TesseraLink", "TesseraWire", "TesseraStorage", "CShim"], swiftSettings: releaseSettings),
        .target(name: "TesseraRunner", dependencies: ["TesseraBuiltins", "TesseraParallel", "CShim"], swiftSettings: releaseSettings),
        .executableTarget(name: "tessera", dependencies: ["TesseraRunner", "TesseraBuiltins", "TesseraParallel", "CEdit", "CShim"], swiftSettings: releaseSettings),

        // MARK: Fuzzing (a no-op in a normal build; libFuzzer with --sanitize=fuzzer, see TesseraWire/README.md)
        .executableTarget(name: "WXFFuzz", dependencies: ["TesseraWire"]),

        // MARK: Tests
        .testTarget(name: "TesseraStorageTests", dependencies: ["TesseraStorage"]),
        .testTarget(name: "TesseraSyntaxTests", dependencies: ["TesseraSyntax"]),
        .testTarget(name: "TesseraCoreTests", dependencies: ["TesseraRunner"]),
        .testTarget(name: "TesseraNumericsTests", dependencies: ["TesseraNumerics"]),
        .testTarget(name: "TesseraWireTests", dependencies: ["TesseraWire", "TesseraSyntax", .product(name: "BigInt", package: "BigInt")], exclude: ["interop"]),
        .testTarget(name: "TesseraBuiltinsTests", dependencies: ["TesseraBuiltins", "TesseraRunner"]),
        .testTarget(name: "TesseraRunnerTests", dependencies: ["TesseraRunner"]),
        .testTarget(name: "TesseraLinkTests", dependencies: ["TesseraLink"]),
        .testTarget(name: "TesseraParallelTests", dependencies: ["TesseraParallel", "TesseraRunner", "CZlib"]),
    ]
)
