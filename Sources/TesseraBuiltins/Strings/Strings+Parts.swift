// Parts of strings: StringTake, StringDrop, StringTakeDrop, StringPart, StringReverse, StringRepeat,
// StringInsert, StringReplacePart, StringPadLeft, StringPadRight, StringRotateLeft, StringRotateRight,
// StringRiffle, StringPartition, StringExtract.
//
// StringTake and StringDrop read the sequence specifications of Take (`n`, `-n`, `{n}`, `{m, n}`,
// `{m, n, s}`, `m ;; n ;; s`, All, None, UpTo[n]) against the characters of the string.

import TesseraCore
import TesseraExpr

enum StringPartBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("StringTake", messages: [
            "ambgsntx": "Warning: interpreting list of integers as a list of sequence specifications.",
        ], stringTake),
        BuiltinSpec("StringDrop", stringDrop),
        BuiltinSpec("StringTakeDrop", stringTakeDrop),
        BuiltinSpec("StringPart", stringPart),
        BuiltinSpec("StringReverse", attributes: [.listable, .protected], stringReverse),
        BuiltinSpec("StringRepeat", stringRepeat),
        BuiltinSpec("StringInsert", stringInsert),
        BuiltinSpec("StringReplacePart", stringReplacePart),
        BuiltinSpec("StringPadLeft", stringPadLeft),
        BuiltinSpec("StringPadRight", stringPadRight),
        BuiltinSpec("StringRotateLeft", stringRotateLeft),
        BuiltinSpec("StringRotateRight", stringRotateRight),
        BuiltinSpec("StringRiffle", stringRiffle),
        BuiltinSpec("StringPartition", stringPartition),
        BuiltinSpec("StringExtract", stringExtract),
    ]

    // MARK: Sequence specifications

    /// 1-based positions `start`, `start + step`, ... up to `end`.
    struct Span {
        var start: Int
        var end: Int
        var step: Int

        var positions: [Int] {
            if step > 0 { return start <= end ? Array(stride(from: start, through: end, by: step)) : [] }
            return start >= end ? Array(stride(from: start, through: end, by: step)) : []
        }
    }

    enum SpecError: Error {
        /// Positions outside the string (the `take`/`drop` message with these bounds).
        case range(Int, Int)
        /// Not a sequence specification at all.
        case form
    }

    /// Reads one sequence specification against a string of `length` characters.
    static func span(_ k: Kernel, _ spec: Expr, length: Int) -> Result<Span, SpecError> {
        func position(_ n: Int) -> Int { n < 0 ? length + n + 1 : n }
        switch spec {
        case .integer(let n):
            if n >= 0 { return n <= length ? .success(Span(start: 1, end: n, step: 1)) : .failure(.range(1, n)) }
            return -n <= length ? .success(Span(start: length + n + 1, end: length, step: 1)) : .failure(.range(n, -1))
        case let e where e.isSymbol(k.sys.All):
            return .success(Span(start: 1, end: length, step: 1))
        case let e where e.isSymbol(k.sys.None):
            return .success(Span(start: 1, end: 0, step: 1))
        case .normal(let n) where n.head.asSymbol?.name == "UpTo" && n.arguments.count == 1:
            guard case .integer(let m) = n.arguments[0], m >= 0 else { return .failure(.form) }
            return .success(Span(start: 1, end: min(m, length), step: 1))
        case .normal(let n) where n.head.isSymbol(k.sys.Span) && (2...3).contains(n.arguments.count):
            let a = n.arguments
            func bound(_ x: Expr, all: Int) -> Int? {
                if x.isSymbol(k.sys.All) { return all }
                if case .integer(let v) = x { return v }
                return nil
            }
            guard let start = bound(a[0], all: 1), let end = bound(a[1], all: -1) else { return .failure(.form) }
            var step = 1
            if a.count == 3 { guard case .integer(let s) = a[2], s != 0 else { return .failure(.form) }; step = s }
            return checked(position(start), position(end), step, length, original: (start, end))
        case let e where e.isList(k.sys):
            let a = e.arguments
            var values: [Int] = []
            for x in a {
                guard case .integer(let v) = x else { return .failure(.form) }
                values.append(v)
            }
            switch values.count {
            case 1:
                let p = position(values[0])
                guard values[0] != 0, p >= 1, p <= length else { return .failure(.range(values[0], values[0])) }
                return .success(Span(start: p, end: p, step: 1))
            case 2:
                return checked(position(values[0]), position(values[1]), 1, length, original: (values[0], values[1]))
            case 3:
                guard values[2] != 0 else { return .failure(.form) }
                return checked(position(values[0]), position(values[1]), values[2], length,
                               original: (values[0], values[1]))
            default:
                return .failure(.form)
            }
        default:
            return .failure(.form)
        }
    }

    private static func checked(_ start: Int, _ end: Int, _ step: Int, _ length: Int,
                                original: (Int, Int)) -> Result<Span, SpecError> {
        let valid: Bool
        if step > 0 {
            valid = start >= 1 && start <= length + 1 && end >= 0 && end <= length && end >= start - 1
        } else {
            valid = start >= 1 && start <= length && end >= 1 && end <= length && end <= start
        }
        return valid ? .success(Span(start: start, end: end, step: step)) : .failure(.range(original.0, original.1))
    }

    /// The specification as a list of specifications (`{{1, 3}, {5}}`, or a list of plain integers).
    static func specList(_ k: Kernel, _ spec: Expr) -> [Expr]? {
        guard spec.isList(k.sys) else { return nil }
        let a = spec.arguments
        if !a.isEmpty && a.allSatisfy({ $0.isList(k.sys) }) { return a }
        return nil
    }

    /// A list of integers that is not itself a valid specification (`{1, 2, 3, 4}`, `{1, 5, 0}`),
    /// which StringTake reads as a list of counts, with a warning.
    static func ambiguousCounts(_ k: Kernel, _ spec: Expr) -> [Expr]? {
        guard spec.isList(k.sys) else { return nil }
        let a = spec.arguments
        guard a.allSatisfy({ if case .integer = $0 { return true } else { return false } }) else { return nil }
        if a.count > 3 { return a }
        if a.count == 3, case .integer(0) = a[2] { return a }
        return nil
    }

    // MARK: Take and drop

    static func take(_ k: Kernel, _ c: Call, _ s: String, _ spec: Expr) -> Expr? {
        let chars = StringBuiltins.scalars(s)
        switch span(k, spec, length: chars.count) {
        case .success(let sp):
            return .string(StringBuiltins.string(sp.positions.map { chars[$0 - 1] }))
        case .failure(.range(let a, let b)):
            return k.fail(c, "take", .integer(a), .integer(b), .string(s))
        case .failure(.form):
            if spec.isList(k.sys) && spec.arguments.isEmpty { return .string("") }
            return k.fail(c, "mseqs", c.expr)
        }
    }

    static func drop(_ k: Kernel, _ c: Call, _ s: String, _ spec: Expr) -> Expr? {
        let chars = StringBuiltins.scalars(s)
        switch span(k, spec, length: chars.count) {
        case .success(let sp):
            let removed = Set(sp.positions)
            return .string(StringBuiltins.string(chars.indices.filter { !removed.contains($0 + 1) }.map { chars[$0] }))
        case .failure(.range(let a, let b)):
            return k.fail(c, "drop", .integer(a), .integer(b), .string(s))
        case .failure(.form):
            if spec.isList(k.sys) && spec.arguments.isEmpty { return .string(s) }
            return k.fail(c, "seqs", c.expr, .integer(2))
        }
    }

    /// Applies `body` to the string (or each string of a list) and each specification of a spec list.
    static func overStrings(_ k: Kernel, _ c: Call, _ specs: [Expr]?, _ spec: Expr,
                            _ body: (String, Expr) -> Expr?) -> Expr? {
        func one(_ s: String) -> Expr? {
            guard let specs else { return body(s, spec) }
            var results: [Expr] = []
            for item in specs {
                // A failing item stays as an unevaluated call in the list.
                results.append(body(s, item) ?? Expr(c.head, .string(s), item))
            }
            return Expr(k.sys.List, results)
        }
        switch c[0] {
        case .string(let s):
            return one(s)
        case let list where list.isList(k.sys):
            var results: [Expr] = []
            for element in list.arguments {
                guard case .string(let s) = element, let r = one(s) else { return nil }
                results.append(r)
            }
            return Expr(k.sys.List, results)
        default:
            return k.fail(c, "strse", .integer(1), c.expr)
        }
    }

    static func stringTake(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        var specs = specList(k, c[1])
        if specs == nil, let counts = ambiguousCounts(k, c[1]) {
            // `{m, n, 0}` is read as three counts silently; longer lists with a warning.
            if counts.count > 3 { k.message(c.head, "ambgsntx") }
            specs = counts
        }
        return overStrings(k, c, specs, c[1]) { s, spec in take(k, c, s, spec) }
    }

    static func stringDrop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        if ambiguousCounts(k, c[1]) != nil { return k.fail(c, "seqs", c.expr, .integer(2)) }
        return overStrings(k, c, specList(k, c[1]), c[1]) { s, spec in drop(k, c, s, spec) }
    }

    static func stringTakeDrop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return overStrings(k, c, nil, c[1]) { s, spec in
            guard let taken = take(k, c, s, spec), let dropped = drop(k, c, s, spec) else { return nil }
            return Expr(k.sys.List, taken, dropped)
        }
    }

    static func stringPart(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let spec = c[1]
        return overStrings(k, c, nil, spec) { s, _ in
            let chars = StringBuiltins.scalars(s)
            func character(_ n: Int) -> Expr? {
                let p = n < 0 ? chars.count + n + 1 : n
                guard n != 0, p >= 1, p <= chars.count else { return nil }
                return .string(String(chars[p - 1]))
            }
            switch spec {
            case .integer(let n):
                if let ch = character(n) { return ch }
                return n == 0 ? nil : k.fail(c, "partw", spec, .string(s))
            case let list where list.isList(k.sys):
                var results: [Expr] = []
                for item in list.arguments {
                    guard case .integer(let n) = item, let ch = character(n) else {
                        return k.fail(c, "partw", spec, .string(s))
                    }
                    results.append(ch)
                }
                return Expr(k.sys.List, results)
            case .normal(let n) where n.head.isSymbol(k.sys.Span):
                guard case .success(let sp) = span(k, spec, length: chars.count) else {
                    return k.fail(c, "partw", spec, .string(s))
                }
                return Expr(k.sys.List, sp.positions.map { .string(String(chars[$0 - 1])) })
            default:
                return k.fail(c, "pkspec1", spec)
            }
        }
    }

    // MARK: Rearranging

    static func stringReverse(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        guard case .string(let s) = c[0] else { return nil }
        return .string(StringBuiltins.string(s.unicodeScalars.reversed()))
    }

    static func stringRepeat(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        guard case .string(let s) = c[0] else { return k.fail(c, "string", .integer(1), c.expr) }
        guard case .integer(let n) = c[1], n >= 0 else { return k.fail(c, "intp", c.expr, .integer(2)) }
        var limit = Int.max
        if c.count == 3 {
            guard case .integer(let m) = c[2], m > 0 else { return k.fail(c, "intp", c.expr, .integer(3)) }
            limit = m
        }
        let chars = StringBuiltins.scalars(s)
        guard !chars.isEmpty else { return .string("") }
        let total = min(limit, chars.count.multipliedReportingOverflow(by: n).overflow ? Int.max : chars.count * n)
        // Beyond this the result would not fit in memory; Mathematica fails the same way.
        guard total <= 1 << 28 else { return nil }
        return .string(StringBuiltins.string((0..<total).lazy.map { chars[$0 % chars.count] }))
    }

    static func rotate(_ k: Kernel, _ c: Call, left: Bool) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var n = 1
        if c.count == 2 { guard case .integer(let m) = c[1] else { return nil }; n = m }
        return overStrings(k, c, nil, .integer(n)) { s, _ in
            let chars = StringBuiltins.scalars(s)
            guard !chars.isEmpty else { return .string(s) }
            var shift = (left ? n : -n) % chars.count
            if shift < 0 { shift += chars.count }
            return .string(StringBuiltins.string(chars[shift...] + chars[..<shift]))
        }
    }

    static func stringRotateLeft(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { rotate(k, c, left: true) }
    static func stringRotateRight(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { rotate(k, c, left: false) }

    static func stringInsert(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3) else { return nil }
        guard case .string(let new) = c[1] else { return nil }
        let positions = c[2].isList(k.sys) ? c[2].arguments : [c[2]]
        return overStrings(k, c, nil, c[2]) { s, _ in
            var chars = StringBuiltins.scalars(s)
            let length = chars.count
            var offsets: [Int] = []
            for p in positions {
                guard case .integer(let n) = p, n != 0, abs(n) <= length + 1 else {
                    return k.fail(c, "ins", p, .string(s))
                }
                offsets.append(n > 0 ? n - 1 : length + n + 1)
            }
            for offset in offsets.sorted(by: >) { chars.insert(contentsOf: new.unicodeScalars, at: offset) }
            return .string(StringBuiltins.string(chars))
        }
    }

    static func stringReplacePart(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3), case .string(let s) = c[0] else { return nil }
        let chars = StringBuiltins.scalars(s)
        var pieces: [(Range<Int>, String)] = []
        let specs = specList(k, c[2]) ?? [c[2]]
        let news: [String]
        switch c[1] {
        case .string(let n): news = Array(repeating: n, count: specs.count)
        case let list where list.isList(k.sys) && list.length == specs.count:
            var strings: [String] = []
            for e in list.arguments { guard case .string(let n) = e else { return nil }; strings.append(n) }
            news = strings
        default: return nil
        }
        for (i, spec) in specs.enumerated() {
            guard case .success(let sp) = span(k, spec, length: chars.count), sp.step == 1 else { return nil }
            pieces.append(((sp.start - 1)..<sp.end, news[i]))
        }
        var out = String.UnicodeScalarView()
        var position = 0
        for (range, text) in pieces.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where range.lowerBound >= position {
            out.append(contentsOf: chars[position..<range.lowerBound])
            out.append(contentsOf: text.unicodeScalars)
            position = range.upperBound
        }
        out.append(contentsOf: chars[position...])
        return .string(String(out))
    }

    // MARK: Padding

    static func pad(_ k: Kernel, _ c: Call, left: Bool) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        var padding: [Unicode.Scalar] = [" "]
        if c.count == 3 {
            guard case .string(let p) = c[2], !p.isEmpty else { return nil }
            padding = StringBuiltins.scalars(p)
        }
        var width: Int
        if c.count >= 2 {
            guard case .integer(let n) = c[1], n >= 0 else { return nil }
            width = n
        } else {
            guard c[0].isList(k.sys) else { return nil }
            width = 0
            for element in c[0].arguments {
                guard case .string(let s) = element else { return nil }
                width = max(width, s.unicodeScalars.count)
            }
        }
        return overStrings(k, c, nil, .integer(width)) { s, _ in
            let chars = StringBuiltins.scalars(s)
            if chars.count >= width {
                return .string(StringBuiltins.string(left ? chars[(chars.count - width)...] : chars[..<width]))
            }
            let missing = width - chars.count
            if left {
                // The padding is laid out as if it repeated up to the end of the result.
                let offset = ((-width) % padding.count + padding.count) % padding.count
                let fill = (0..<missing).map { padding[(offset + $0) % padding.count] }
                return .string(StringBuiltins.string(fill + chars))
            }
            let fill = (chars.count..<width).map { padding[$0 % padding.count] }
            return .string(StringBuiltins.string(chars + fill))
        }
    }

    static func stringPadLeft(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { pad(k, c, left: true) }
    static func stringPadRight(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { pad(k, c, left: false) }

    // MARK: Riffle

    static func stringRiffle(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil), c[0].isList(k.sys) else { return nil }
        let depth = listDepth(k, c[0])
        // Separators from the outermost level inwards; the defaults are " " innermost, then newlines.
        var separators: [Expr] = []
        for i in 0..<depth {
            let fromInside = depth - 1 - i
            separators.append(.string(fromInside == 0 ? " " : String(repeating: "\n", count: fromInside)))
        }
        for (i, given) in c.arguments.dropFirst().enumerated() where i < depth {
            separators[i] = given
        }
        return try riffle(k, c[0], separators[...])
    }

    private static func listDepth(_ k: Kernel, _ e: Expr) -> Int {
        guard e.isList(k.sys) else { return 0 }
        return 1 + (e.arguments.map { listDepth(k, $0) }.max() ?? 0)
    }

    private static func riffle(_ k: Kernel, _ e: Expr, _ separators: ArraySlice<Expr>) throws(Interrupt) -> Expr? {
        guard e.isList(k.sys), let separator = separators.first else {
            if case .string = e { return e }
            return .string(k.outputText(e))
        }
        var left = ""
        var middle = ""
        var right = ""
        switch separator {
        case .string(let s): middle = s
        case let list where list.isList(k.sys) && list.length == 3:
            guard case .string(let l) = list.arguments[0], case .string(let m) = list.arguments[1],
                  case .string(let r) = list.arguments[2] else { return nil }
            (left, middle, right) = (l, m, r)
        default:
            return nil
        }
        var parts: [String] = []
        for element in e.arguments {
            guard case .string(let s)? = try riffle(k, element, separators.dropFirst()) else { return nil }
            parts.append(s)
        }
        return .string(left + parts.joined(separator: middle) + right)
    }

    // MARK: Partition and extract

    /// Substrings of `n` characters at offsets `d` apart (default `n`); an incomplete tail is dropped.
    static func stringPartition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 || c.count == 3, case .integer(let n) = c[1], n > 0 else { return nil }
        var step = n
        if c.count == 3 { guard case .integer(let d) = c[2], d > 0 else { return nil }; step = d }
        return try StringSearchBuiltins.eachString(k, c[0]) { (s: String) throws(Interrupt) -> Expr? in
            let chars = StringBuiltins.scalars(s)
            var pieces: [Expr] = []
            var start = 0
            while start + n <= chars.count {
                pieces.append(.string(StringBuiltins.string(chars[start..<(start + n)])))
                start += step
            }
            return Expr(k.sys.List, pieces)
        }
    }

    /// `StringExtract[s, spec]` splits at whitespace and picks parts; `"sep" -> spec` splits at `sep`;
    /// further arguments descend into the picked pieces.
    static func stringExtract(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 2 else { return nil }
        if c[0].isList(k.sys) {
            var results: [Expr] = []
            for element in c[0].arguments {
                guard case .string = element, let r = try extract(k, element, c.arguments.dropFirst()) else { return nil }
                results.append(r)
            }
            return Expr(k.sys.List, results)
        }
        guard case .string = c[0] else { return nil }
        return try extract(k, c[0], c.arguments.dropFirst())
    }

    private static func extract(_ k: Kernel, _ e: Expr, _ specs: ArraySlice<Expr>) throws(Interrupt) -> Expr? {
        guard let spec = specs.first else { return e }
        guard case .string(let s) = e else { return e }
        var separator: Expr?
        var selector = spec
        if spec.hasHead(k.sys.Rule), spec.length == 2 {
            separator = spec.arguments[0]
            selector = spec.arguments[1]
        }
        let rules = separator.flatMap { StringPatternCompiler.rules(k, $0, allowRules: false) }
            ?? [StringSearchBuiltins.whitespaceRule]
        let m = StringMatcher(k, s, rules: rules, ignoreCase: false)
        let pieces = try StringSearchBuiltins.split(m, rules, limit: Int.max, keepEmptyEnds: separator != nil)
        func pick(_ index: Int) throws(Interrupt) -> Expr? {
            let i = index < 0 ? pieces.count + index : index - 1
            guard index != 0, i >= 0, i < pieces.count else {
                return Expr(k.sys.Missing, .string("PartAbsent"), .integer(index))
            }
            return try extract(k, pieces[i], specs.dropFirst())
        }
        switch selector {
        case .integer(let n):
            return try pick(n)
        case let list where list.isList(k.sys):
            var results: [Expr] = []
            for item in list.arguments {
                guard case .integer(let n) = item, let r = try pick(n) else { return nil }
                results.append(r)
            }
            return Expr(k.sys.List, results)
        case .normal(let n) where n.head.isSymbol(k.sys.Span) && n.arguments.count == 2:
            func bound(_ x: Expr, _ all: Int) -> Int? {
                if x.isSymbol(k.sys.All) { return all }
                guard case .integer(let v) = x else { return nil }
                return v < 0 ? pieces.count + v + 1 : v
            }
            guard let first = bound(n.arguments[0], 1), let last = bound(n.arguments[1], pieces.count) else { return nil }
            let from = min(max(first, 1), pieces.count)
            let to = min(last, pieces.count)
            var results: [Expr] = []
            if from <= to {
                for i in from...to {
                    guard let r = try pick(i) else { return nil }
                    results.append(r)
                }
            }
            return Expr(k.sys.List, results)
        default:
            return nil
        }
    }
}
