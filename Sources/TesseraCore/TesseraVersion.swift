/// The one version of Tessera: `tessera --version`, the interactive banner and `$Version` all read it.
///
/// It lives in TesseraCore, not in TesseraRunner beside the command line, because `$Version` is set by
/// a builtin family (TesseraBuiltins) and builtins cannot see the runner above them.
public enum TesseraVersion {
    /// The release number, `major.minor`.
    public static let number = "0.1"

    /// `$Version`: the number and the platform, in the form Mathematica gives its own.
    public static let systemText = "Tessera \(number) for Linux x86 (64-bit)"
}
