// Contexts and packages: BeginPackage/Begin in source text and in files, Get, Needs, FindFile,
// DeclarePackage, $Path, and name patterns relative to $Context. Package files are written to a fresh
// temporary directory, which each source puts first on $Path.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraBuiltins
import TesseraCore
import TesseraRunner

/// A temporary directory holding the package files these tests load.
private let packageDirectory: String = {
    var template = Array("/tmp/tessera-packages-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    let files = [
        "Square.wl": """
            BeginPackage["Square`"]
            square::usage = "square[x] is x^2."
            Begin["`Private`"]
            square[x_] := helper[x]
            helper[x_] := x^2
            End[]
            EndPackage[]
            """,
        "Cube.wl": """
            BeginPackage["Cube`", {"Square`"}]
            cube[x_] := square[x] x
            EndPackage[]
            """,
        "Broken.wl": """
            before = 1
            Print["evaluated before the error"]
            BeginPackage["Broken`"]
            after = (1 +
            ]
            Print["not reached"]
            """,
        "Plain.wl": "a = 1\nb = a + 1\n",
        "Lazy.wl": "BeginPackage[\"Lazy`\"]\nlazy[x_] := x + 100\nEndPackage[]\n",
    ]
    for (name, text) in files {
        let file = fopen(directory + "/" + name, "w")!
        fputs(text, file)
        fclose(file)
    }
    return directory
}()

/// Evaluates `source` in a fresh kernel whose $Path starts with the package directory.
private func evaluateWithPackages(_ source: String) -> EvaluationText {
    evaluateSource("$Path = Prepend[$Path, \"\(packageDirectory)\"];\n" + source)
}

struct PackagesTests {
    @Test(arguments: [
        // A package written inline: its exported symbol is visible, its private one is not.
        ("BeginPackage[\"P`\"]\nf::usage = \"\"\nBegin[\"`Private`\"]\nf[x_] := g[x]\ng[x_] := 2x\nEnd[]\nEndPackage[]\n"
            + "{f[3], Context[f], Names[\"P`Private`g\"], Context[\"g\"]}",
         "{6, P`, {P`Private`g}, Context[g]}"),
        ("BeginPackage[\"P`\"]\nEndPackage[]\n{$Context, $ContextPath}", "{Global`, {P`, System`, Global`}}"),
        ("BeginPackage[\"P`\"]\n{$Context, $ContextPath, Context[]}", "{P`, {P`, System`}, P`}"),
        ("Begin[\"`Sub`\"]\nx = 1\nEnd[]\n{Context[Global`Sub`x], $Context}", "{Global`Sub`, Global`}"),
        ("`a = 3; {Context[`a], Global`a}", "{Global`, 3}"),
        // Name patterns and names given as strings are read against $Context.
        ("x = 5; Clear[\"`*\"]; {x}", "{x}"),
        ("Begin[\"A`\"]\ny = 1; z = 2; Clear[\"`*\"]; End[]\n{A`y, A`z}", "{A`y, A`z}"),
        ("p = 1\nBegin[\"A`\"]\nq = 2; Clear[\"`*\"]; End[]\n{p, A`q}", "{1, A`q}"),
        ("Begin[\"A`\"]\nu = 1; End[]\nNames[\"A`*\"]", "{A`u}"),
        ("Begin[\"A`\"]\nv = 1; Begin[\"`B`\"]\nw = 2; End[]; End[]\nNames[\"A`*\"]", "{A`v}"),
        ("Begin[\"A`\"]\nr = 1; Remove[\"`r\"]; End[]\nNames[\"A`*\"]", "{}"),
        ("Begin[\"A`\"]\ns = 1; End[]\nContexts[\"A*\"]", "{A`}"),
        // Within one expression, names are read before any of it is evaluated (as in Mathematica).
        ("Begin[\"A`\"]; t = 1; End[]; Context[t]", "Global`"),
        ("MemberQ[Contexts[], \"System`\"] && MemberQ[Contexts[], \"Global`\"]", "True"),
    ])
    func contextsInSourceText(source: String, expected: String) {
        #expect(evaluateSource(source).result == expected)
    }

    @Test(arguments: [
        ("Get[\"Square.wl\"]\n{square[4], Context[square], Names[\"Square`Private`*\"]}",
         "{16, Square`, {Square`Private`helper, Square`Private`x}}"),
        ("<<Square`\n{square[5], MemberQ[$ContextPath, \"Square`\"], MemberQ[$Packages, \"Square`\"]}", "{25, True, True}"),
        ("Needs[\"Square`\"]\n{square[2], Names[\"helper\"]}", "{4, {}}"),
        ("Needs[\"Cube`\"]\n{cube[2], $ContextPath}", "{8, {Cube`, System`, Global`}}"),
        // Needs loads a package once: a later Needs keeps the user's redefinition.
        ("Needs[\"Square`\"]\nsquare[x_] := 0\nNeeds[\"Square`\"]\n{square[3], Context[square]}", "{0, Square`}"),
        ("Get[\"Plain.wl\"]", "2"),
        ("{FindFile[\"Square`\"] == FindFile[\"Square.wl\"], StringEndsQ[FindFile[\"Square`\"], \"/Square.wl\"]}",
         "{True, True}"),
        ("FindFile[\"NoSuchPackage`\"]", "$Failed"),
        ("DeclarePackage[\"Lazy`\", {\"lazy\"}]\n{MemberQ[Attributes[lazy], Stub], lazy[1], Attributes[lazy]}",
         "{True, 101, {}}"),
        ("Get[\"Square.wl\"]; $InputFileName", ""),
    ])
    func loadingPackageFiles(source: String, expected: String) {
        #expect(evaluateWithPackages(source).result == expected)
    }

    @Test func aMissingFileFailsWithGetNoopen() {
        let text = evaluateWithPackages("Get[\"NoSuchFile.wl\"]")
        #expect(text.result == "$Failed")
        #expect(text.output.contains("Get::noopen: Cannot open NoSuchFile.wl."))
    }

    @Test func needsOfAMissingPackageSaysTheContextWasNotCreated() {
        let text = evaluateWithPackages("Needs[\"NoSuchPackage`\"]")
        #expect(text.result == "$Failed")
        #expect(text.output.contains("Get::noopen"))
        #expect(text.output.contains("Needs::nocont: Context NoSuchPackage` was not created when Needs was evaluated."))
    }

    @Test func getEvaluatesUpToASyntaxErrorThenRestoresTheContext() {
        let text = evaluateWithPackages("r = Get[\"Broken.wl\"]; {r, before, $Context, $ContextPath}")
        #expect(text.result == "{$Failed, 1, Global`, {System`, Global`}}")
        #expect(text.output.contains("evaluated before the error"))
        #expect(text.output.contains("Syntax::"))
        #expect(text.output.contains("(line 5 of \"\(packageDirectory)/Broken.wl\")"))
        #expect(!text.output.contains("not reached"))
    }

    @Test func aScriptEvaluatesWhatPrecedesItsSyntaxError() {
        let output = TextBox()
        var outcome: RunOutcome?
        runOnLargeStack {
            let kernel = KernelAssembly.makeKernel { output.text += $0 }
            outcome = kernel.run("Print[1]\nBeginPackage[\"Q`\"]\nqq\n1 + )\nPrint[2]", file: "script.wl")
            output.text += kernel.inputText(.string(kernel.currentContext))
            kernel.tearDown()
        }
        guard case .syntaxError = outcome else { Issue.record("no syntax error"); return }
        #expect(output.text.hasPrefix("1\n"))
        #expect(output.text.contains("(line 4 of \"script.wl\")"))
        #expect(!output.text.contains("2\n"))
        #expect(output.text.hasSuffix("\"Q`\""))
    }
}

private final class TextBox: @unchecked Sendable { var text = "" }
