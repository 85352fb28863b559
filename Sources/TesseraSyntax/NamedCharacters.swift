// Named characters: `\[Alpha]`, `\[Rule]`, `\[Pi]`.
//
// The scanner decodes a named character to one Unicode scalar and then treats it exactly as if that
// scalar had been typed: a letter joins an identifier (`\[Mu]x` is the symbol `μx`), an operator
// character is looked up in the operator table, a space is whitespace. The scalars are the ones
// Mathematica uses, including its private-use code points (`\[Rule]` is U+F522), so that a file that
// mixes `\[Rule]`, `→` and `->` reads the same.
//
// Only a few single characters stand for System symbols rather than letters (`π` is `Pi`); those are in
// `specialSymbols` and apply when the character is a whole identifier by itself.

enum NamedCharacters {
    /// The scalar for a long name, or nil for an unknown name.
    static func scalar(named name: String) -> Unicode.Scalar? {
        if let value = table[name] { return Unicode.Scalar(value) }
        return alphabets[name]
    }

    /// Identifiers made of one of these characters are the System symbol named here.
    static let specialSymbols: [Unicode.Scalar: String] = [
        "\u{03C0}": "Pi",         // π  \[Pi]
        "\u{221E}": "Infinity",   // ∞  \[Infinity]
        "\u{00B0}": "Degree",     // °  \[Degree]
        "\u{F74D}": "E",          //    \[ExponentialE]
        "\u{2147}": "E",          // ⅇ
        "\u{F74E}": "I",          //    \[ImaginaryI]
        "\u{2148}": "I",          // ⅈ
        "\u{F74F}": "I",          //    \[ImaginaryJ]
        "\u{2149}": "I",          // ⅉ
    ]

    /// Characters that are whitespace in source text.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x2000...0x200B, 0x2062, 0x205F, 0x3000, 0xF360, 0xF382, 0xF383, 0xF384, 0xF385,
             0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Characters that end a line like `\n` (`\[IndentingNewLine]`, `\[NewLine]`).
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xF3A3 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Characters that may appear in an identifier besides ASCII letters, digits and `$`.
    static func isLetterlike(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return false }
        if specialSymbols[scalar] != nil { return true }
        if OperatorTable.operatorScalars.contains(scalar.value) || isSpace(scalar) || isNewline(scalar) {
            return false
        }
        if (0xE000...0xF8FF).contains(scalar.value) {
            // Mathematica's private-use characters are letters, except its brackets and invisible operators.
            return !privateUseNonLetters.contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || letterlikeSymbols.contains(scalar.value)
    }

    /// Private-use characters that are not letters: `\[LeftAssociation]`, `\[RightAssociation]`,
    /// `\[InvisibleComma]`, `\[InvisibleApplication]`, `\[DifferentialD]`, `\[Transpose]`...
    private static let privateUseNonLetters: Set<UInt32> = [
        0xF113, 0xF114, 0xF765, 0xF76D, 0xF74B, 0xF74C, 0xF3CA,
    ]

    /// Letter-like characters that Unicode does not class as alphabetic.
    private static let letterlikeSymbols: Set<UInt32> = [
        0x00A2, 0x00A3, 0x00A5, 0x00A7, 0x00A9, 0x00AE, 0x00B6, 0x2020, 0x2021, 0x2022, 0x2026, 0x20AC,
        0x2118, 0x2127, 0x2136, 0x2137, 0x2138, 0x2205, 0x2032, 0x2033,
    ]

    // MARK: Tables

    /// Long names with explicit code points.
    private static let table: [String: UInt32] = [
        // Greek lower case (Mathematica's \[Epsilon] and \[Phi] are the lunate/straight forms).
        "Alpha": 0x03B1, "Beta": 0x03B2, "Gamma": 0x03B3, "Delta": 0x03B4, "Epsilon": 0x03F5,
        "CurlyEpsilon": 0x03B5, "Zeta": 0x03B6, "Eta": 0x03B7, "Theta": 0x03B8, "CurlyTheta": 0x03D1,
        "Iota": 0x03B9, "Kappa": 0x03BA, "CurlyKappa": 0x03F0, "Lambda": 0x03BB, "Mu": 0x03BC,
        "Nu": 0x03BD, "Xi": 0x03BE, "Omicron": 0x03BF, "Pi": 0x03C0, "CurlyPi": 0x03D6, "Rho": 0x03C1,
        "CurlyRho": 0x03F1, "Sigma": 0x03C3, "FinalSigma": 0x03C2, "Tau": 0x03C4, "Upsilon": 0x03C5,
        "Phi": 0x03D5, "CurlyPhi": 0x03C6, "Chi": 0x03C7, "Psi": 0x03C8, "Omega": 0x03C9,
        "Digamma": 0x03DD, "Stigma": 0x03DB, "Koppa": 0x03DF, "Sampi": 0x03E1,
        // Greek upper case.
        "CapitalAlpha": 0x0391, "CapitalBeta": 0x0392, "CapitalGamma": 0x0393, "CapitalDelta": 0x0394,
        "CapitalEpsilon": 0x0395, "CapitalZeta": 0x0396, "CapitalEta": 0x0397, "CapitalTheta": 0x0398,
        "CapitalIota": 0x0399, "CapitalKappa": 0x039A, "CapitalLambda": 0x039B, "CapitalMu": 0x039C,
        "CapitalNu": 0x039D, "CapitalXi": 0x039E, "CapitalOmicron": 0x039F, "CapitalPi": 0x03A0,
        "CapitalRho": 0x03A1, "CapitalSigma": 0x03A3, "CapitalTau": 0x03A4, "CapitalUpsilon": 0x03A5,
        "CurlyCapitalUpsilon": 0x03D2, "CapitalPhi": 0x03A6, "CapitalChi": 0x03A7, "CapitalPsi": 0x03A8,
        "CapitalOmega": 0x03A9, "CapitalDigamma": 0x03DC, "CapitalStigma": 0x03DA,
        "CapitalKoppa": 0x03DE, "CapitalSampi": 0x03E0,
        // Latin letters with marks.
        "AGrave": 0x00C0, "AAcute": 0x00C1, "AHat": 0x00C2, "ATilde": 0x00C3, "ADoubleDot": 0x00C4,
        "ARing": 0x00C5, "AE": 0x00C6, "CCedilla": 0x00C7, "EGrave": 0x00C8, "EAcute": 0x00C9,
        "EHat": 0x00CA, "EDoubleDot": 0x00CB, "IGrave": 0x00CC, "IAcute": 0x00CD, "IHat": 0x00CE,
        "IDoubleDot": 0x00CF, "Eth": 0x00D0, "NTilde": 0x00D1, "OGrave": 0x00D2, "OAcute": 0x00D3,
        "OHat": 0x00D4, "OTilde": 0x00D5, "ODoubleDot": 0x00D6, "OSlash": 0x00D8, "UGrave": 0x00D9,
        "UAcute": 0x00DA, "UHat": 0x00DB, "UDoubleDot": 0x00DC, "YAcute": 0x00DD, "CapitalThorn": 0x00DE,
        "SZ": 0x00DF, "aGrave": 0x00E0, "aAcute": 0x00E1, "aHat": 0x00E2, "aTilde": 0x00E3,
        "aDoubleDot": 0x00E4, "aRing": 0x00E5, "ae": 0x00E6, "cCedilla": 0x00E7, "eGrave": 0x00E8,
        "eAcute": 0x00E9, "eHat": 0x00EA, "eDoubleDot": 0x00EB, "iGrave": 0x00EC, "iAcute": 0x00ED,
        "iHat": 0x00EE, "iDoubleDot": 0x00EF, "eth": 0x00F0, "nTilde": 0x00F1, "oGrave": 0x00F2,
        "oAcute": 0x00F3, "oHat": 0x00F4, "oTilde": 0x00F5, "oDoubleDot": 0x00F6, "oSlash": 0x00F8,
        "uGrave": 0x00F9, "uAcute": 0x00FA, "uHat": 0x00FB, "uDoubleDot": 0x00FC, "yAcute": 0x00FD,
        "thorn": 0x00FE, "yDoubleDot": 0x00FF, "DotlessI": 0x0131, "DotlessJ": 0x0237,
        // Letter-like symbols.
        "Degree": 0x00B0, "Infinity": 0x221E, "ExponentialE": 0xF74D, "ImaginaryI": 0xF74E,
        "ImaginaryJ": 0xF74F, "Micro": 0x00B5,
        "Angstrom": 0x212B, "HBar": 0x210F, "Ell": 0x2113, "Aleph": 0x2135, "Bet": 0x2136,
        "Gimel": 0x2137, "Dalet": 0x2138, "EmptySet": 0x2205, "Euro": 0x20AC, "Sterling": 0x00A3,
        "Yen": 0x00A5, "Cent": 0x00A2, "Copyright": 0x00A9, "RegisteredTrademark": 0x00AE,
        "Section": 0x00A7, "Paragraph": 0x00B6, "Dagger": 0x2020, "DoubleDagger": 0x2021,
        "Bullet": 0x2022, "Ellipsis": 0x2026, "Prime": 0x2032, "DoublePrime": 0x2033,
        "WeierstrassP": 0x2118, "Mho": 0x2127, "Wolf": 0xF720, "FreakedSmiley": 0xF721,
        // Operators (the operator table gives their meaning).
        "Rule": 0xF522, "RuleDelayed": 0xF51F, "TwoWayRule": 0xF120, "Function": 0xF4A1,
        "Equal": 0xF431, "LongEqual": 0xF7D9, "NotEqual": 0x2260, "LessEqual": 0x2264,
        "GreaterEqual": 0x2265, "Times": 0x00D7, "Divide": 0x00F7, "Minus": 0x2212, "And": 0x2227,
        "Or": 0x2228, "Not": 0x00AC, "Nand": 0x22BC, "Nor": 0x22BD, "Xor": 0x22BB, "Xnor": 0xF4A2,
        "Implies": 0xF523, "Equivalent": 0x29E6, "Element": 0x2208, "NotElement": 0x2209,
        "Subset": 0x2282, "Superset": 0x2283, "SubsetEqual": 0x2286, "SupersetEqual": 0x2287,
        "Cross": 0xF4A0, "CenterDot": 0x00B7, "CircleTimes": 0x2297, "SmallCircle": 0x2218,
        "Colon": 0x2236, "Therefore": 0x2234, "Because": 0x2235, "DirectedEdge": 0xF3D5,
        "UndirectedEdge": 0xF3D4, "RightArrow": 0x2192, "DoubleRightArrow": 0x21D2,
        "Diamond": 0x22C4, "Star": 0x22C6, "CirclePlus": 0x2295, "CircleMinus": 0x2296, "CircleDot": 0x2299,
        "Wedge": 0x22C0, "Vee": 0x22C1, "Backslash": 0x2216, "TensorProduct": 0xF3DA, "Cap": 0x2322,
        "Cup": 0x2323, "PlusMinus": 0x00B1, "MinusPlus": 0x2213, "Transpose": 0xF3C7, "Conjugate": 0xF3C8,
        "ConjugateTranspose": 0xF3C9, "HermitianConjugate": 0xF3CE, "Sqrt": 0x221A, "CubeRoot": 0x221B,
        "Square": 0xF520, "Del": 0x2207,
        // Brackets and spaces.
        "LeftAssociation": 0xF113, "RightAssociation": 0xF114, "InvisibleSpace": 0xF360,
        "NonBreakingSpace": 0x00A0, "ThinSpace": 0x2009, "VeryThinSpace": 0x200A,
        "MediumSpace": 0x205F, "ThickSpace": 0x2005, "NegativeThinSpace": 0xF383,
        "NegativeVeryThinSpace": 0xF382, "NegativeMediumSpace": 0xF384, "NegativeThickSpace": 0xF385,
        "InvisibleTimes": 0x2062, "NewLine": 0x000A, "IndentingNewLine": 0xF3A3, "SpaceIndicator": 0x2423,
        "RawTab": 0x0009, "RawSpace": 0x0020, "RawReturn": 0x000D, "RawEscape": 0x001B,
    ]

    /// `\[ScriptA]`, `\[DoubleStruckCapitalR]`, `\[GothicX]`: Mathematica keeps these alphabets in its
    /// private-use area, except for the letters Unicode already had in its Letterlike Symbols block.
    private static let alphabets: [String: Unicode.Scalar] = {
        let letterlike: [String: UInt32] = [
            "ScriptL": 0x2113, "ScriptCapitalB": 0x212C, "ScriptCapitalE": 0x2130, "ScriptCapitalF": 0x2131,
            "ScriptCapitalH": 0x210B, "ScriptCapitalI": 0x2110, "ScriptCapitalL": 0x2112,
            "ScriptCapitalM": 0x2133, "ScriptCapitalR": 0x211B, "GothicCapitalC": 0x212D,
            "GothicCapitalH": 0x210C, "GothicCapitalI": 0x2111, "GothicCapitalR": 0x211C,
            "GothicCapitalZ": 0x2128, "DoubleStruckCapitalC": 0x2102, "DoubleStruckCapitalH": 0x210D,
            "DoubleStruckCapitalN": 0x2115, "DoubleStruckCapitalP": 0x2119,
            "DoubleStruckCapitalQ": 0x211A, "DoubleStruckCapitalR": 0x211D,
            "DoubleStruckCapitalZ": 0x2124,
        ]
        let styles: [(prefix: String, small: UInt32, capital: UInt32)] = [
            ("Script", 0xF6B2, 0xF770), ("Gothic", 0xF6CC, 0xF78A), ("DoubleStruck", 0xF6E6, 0xF7A4),
        ]
        var result: [String: Unicode.Scalar] = [:]
        for (prefix, smallBase, capitalBase) in styles {
            for (offset, letter) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".enumerated() {
                let smallName = "\(prefix)\(letter)"
                let capitalName = "\(prefix)Capital\(letter)"
                result[smallName] = Unicode.Scalar(letterlike[smallName] ?? smallBase + UInt32(offset))
                result[capitalName] = Unicode.Scalar(letterlike[capitalName] ?? capitalBase + UInt32(offset))
            }
        }
        return result
    }()
}
