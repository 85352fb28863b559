// swift-tools-version:6.0
import PackageDescription

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
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Layers, dependencies pointing one way
        // storage -> expr -> syntax -> core -> numerics/builtins -> wire -> CLI
        .target(name: "TesseraStorage", dependencies: ["CShim"]),
        .target(name: "TesseraExpr", dependencies: ["TesseraStorage", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "TesseraSyntax", dependencies: ["TesseraExpr"]),
        .target(name: "TesseraCore", dependencies: ["TesseraSyntax", "TesseraExpr", "TesseraStorage"]),
        .target(name: "TesseraNumerics", dependencies: ["TesseraStorage", "CFFTW", "CBLAS"]),
        .target(name: "TesseraWire", dependencies: ["TesseraExpr", "TesseraStorage", "CZlib", .product(name: "BigInt", package: "BigInt")], exclude: ["README.md"]),
        .target(name: "TesseraBuiltins", dependencies: ["TesseraCore", "TesseraStorage", "TesseraNumerics", "TesseraWire"]),
        .target(name: "TesseraRunner", dependencies: ["TesseraBuiltins"]),
        .executableTarget(name: "tessera", dependencies: ["TesseraRunner", "TesseraBuiltins", "CEdit", "CShim"]),

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
    ]
)
