// Descriptive statistics: Mean, Variance, StandardDeviation, Covariance, Median.
//
// Three paths, by what the list holds:
// - machine numbers (a packed real or complex array, or a list with an inexact number): the
//   buffer kernels of TesseraNumerics (`Statistics`), per column for a matrix; the result of a matrix
//   is a packed vector;
// - exact numbers (integers, also packed integer arrays, rationals, exact complex): exact fraction
//   arithmetic, so Mean[{1, 2}] is 3/2 and Variance[{1, 2, 3, 4}] is 5/3;
// - anything else (symbols, constants): the definition written out and evaluated
//   (Mean = Total / Length, Variance = Total[(x - mean) Conjugate[x - mean]] / (n - 1)).
// Mean, Variance and StandardDeviation also know the inert distributions of RandomVariate.
// Total is the lists family's.

import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum StatisticsBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Mean", messages: shortMessages, { k, c throws(Interrupt) in try statistic(k, c, .mean) }),
        BuiltinSpec("Variance", messages: shortMessages, { k, c throws(Interrupt) in try statistic(k, c, .variance) }),
        BuiltinSpec("StandardDeviation", messages: shortMessages, { k, c throws(Interrupt) in
            try statistic(k, c, .standardDeviation)
        }),
        BuiltinSpec("Median", messages: shortMessages, { k, c throws(Interrupt) in try statistic(k, c, .median) }),
        BuiltinSpec("Covariance", messages: shortMessages, covariance),
    ]

    static let shortMessages: [String: String] = [
        "shlen": "The argument `1` should have at least `2` elements.",
        "vctmat": "The arguments `1` and `2` are expected to be a pair of vectors or matrices with an equal number of rows.",
    ]

    enum Kind { case mean, variance, standardDeviation, median }

    /// Data as the paths see it: machine, exact numbers (by column), or general.
    enum Data {
        case machine(PackedArray)
        /// A vector (`columns` has one entry) or the columns of a matrix.
        case exact(columns: [[Expr]], isMatrix: Bool)
        case general(Expr)
    }

    static func data(_ k: Kernel, _ e: Expr) throws(Interrupt) -> Data? {
        if case .packed(let p) = e {
            guard p.rank >= 1, p.dimensions[0] > 0 else { return nil }
            if p.type != .integer { return .machine(p) }
            if p.rank == 1 { return .exact(columns: [p.elementExprs()], isMatrix: false) }
            if p.rank == 2 {
                let (n, m) = (p.dimensions[0], p.dimensions[1])
                return .exact(columns: (0..<m).map { j in (0..<n).map { p.elementExpr(flatIndex: $0 * m + j) } }, isMatrix: true)
            }
            return .general(e)
        }
        guard e.isList(k.sys), e.length > 0 else { return nil }
        let rows = e.arguments
        if rows.allSatisfy({ $0.isNumber }) {
            if rows.contains(where: { NumberArithmetic.isInexact($0) }) {
                if let p = k.packed(from: rows) { return .machine(p) }
                if case .packed(let p) = try k.evaluate(Expr(k.sys.N, e)) { return .machine(p) }
                return .general(e)
            }
            return .exact(columns: [rows], isMatrix: false)
        }
        // A matrix of numbers.
        let width = rows[0].length
        if rows.allSatisfy({ $0.isList(k.sys) && $0.length == width }), width > 0 {
            if let p = k.packed(from: rows), p.type != .integer { return .machine(p) }
            let matrix = rows.map(\.arguments)
            if matrix.allSatisfy({ $0.allSatisfy { $0.isNumber && !NumberArithmetic.isInexact($0) } }) {
                return .exact(columns: (0..<width).map { j in matrix.map { $0[j] } }, isMatrix: true)
            }
        }
        return .general(e)
    }

    static func statistic(_ k: Kernel, _ c: Call, _ kind: Kind) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        var argument = c[0]
        if argument.hasHead(k.sys.Association) {
            argument = try k.evaluate(Expr(k.sys.Values, argument))
        }
        if RandomBuiltins.isDistribution(k, argument) { return try distributionStatistic(k, kind, argument) }
        guard let d = try data(k, argument) else { return nil }
        let minimum = (kind == .variance || kind == .standardDeviation) ? 2 : 1
        if argument.length < minimum {
            return k.fail(c, "shlen", argument, .integer(minimum))
        }
        switch d {
        case .machine(let p):
            do throws(NumericsError) {
                switch kind {
                case .mean: return LinearAlgebraBuiltins.expr(try Statistics.mean(p))
                case .variance: return LinearAlgebraBuiltins.expr(try Statistics.variance(p))
                case .standardDeviation: return LinearAlgebraBuiltins.expr(try Statistics.standardDeviation(p))
                case .median: return LinearAlgebraBuiltins.expr(try Statistics.median(p))
                }
            } catch {
                try k.abortIfStorage(error)
                return nil
            }
        case .exact(let columns, let isMatrix):
            var results: [Expr] = []
            for column in columns {
                guard let r = try exactStatistic(k, kind, column) else { return nil }
                results.append(r)
            }
            return isMatrix ? k.listExpr(results) : results[0]
        case .general(let e):
            return try generalStatistic(k, kind, e)
        }
    }

    // MARK: Exact numbers

    static func exactStatistic(_ k: Kernel, _ kind: Kind, _ x: [Expr]) throws(Interrupt) -> Expr? {
        switch kind {
        case .mean:
            return mean(x)
        case .variance:
            return variance(x)
        case .standardDeviation:
            guard let v = variance(x) else { return nil }
            return try k.evaluate(Expr(k.sys.Sqrt, v))
        case .median:
            guard x.allSatisfy({ NumberArithmetic.isReal($0) }) else { return nil }
            let sorted = x.sorted { NumberArithmetic.compare($0, $1) < 0 }
            let n = sorted.count
            if n % 2 == 1 { return sorted[n / 2] }
            return NumberArithmetic.divide(NumberArithmetic.add(sorted[n / 2 - 1], sorted[n / 2]), .integer(2))
        }
    }

    static func sum(_ x: [Expr]) -> Expr { x.reduce(Expr.integer(0)) { NumberArithmetic.add($0, $1) } }

    static func mean(_ x: [Expr]) -> Expr? { NumberArithmetic.divide(sum(x), .integer(x.count)) }

    static func conjugate(_ z: Expr) -> Expr {
        let (re, im) = NumberArithmetic.parts(z)
        return NumberArithmetic.complex(re, NumberArithmetic.negate(im))
    }

    static func variance(_ x: [Expr]) -> Expr? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        let squares = x.map { v -> Expr in
            let d = NumberArithmetic.subtract(v, m)
            return NumberArithmetic.multiply(d, conjugate(d))
        }
        return NumberArithmetic.divide(sum(squares), .integer(x.count - 1))
    }

    // MARK: General expressions

    static func generalStatistic(_ k: Kernel, _ kind: Kind, _ e: Expr) throws(Interrupt) -> Expr? {
        let n = e.length
        let rows = e.arguments
        // A matrix: the statistic of each column.
        if let width = rows.first?.length, width > 0, rows.allSatisfy({ $0.isList(k.sys) && $0.length == width }) {
            let columns = (0..<width).map { j in Expr(k.sys.List, rows.map { $0.arguments[j] }) }
            var results: [Expr] = []
            for column in columns {
                guard let r = try generalStatistic(k, kind, column) else { return nil }
                results.append(r)
            }
            return k.listExpr(results)
        }
        guard !rows.contains(where: { $0.isList(k.sys) }) else { return nil }
        let mean = Expr(k.sys.Times, Expr(k.sys.Plus, rows), Expr(k.sys.Power, .integer(n), .integer(-1)))
        switch kind {
        case .mean:
            return try k.evaluate(mean)
        case .variance, .standardDeviation:
            let m = try k.evaluate(mean)
            let terms = rows.map { x -> Expr in
                let d = Expr(k.sys.Plus, x, Expr(k.sys.Times, .integer(-1), m))
                return Expr(k.sys.Times, d, Expr(k.sys.Conjugate, d))
            }
            var v = Expr(k.sys.Times, Expr(k.sys.Plus, terms), Expr(k.sys.Power, .integer(n - 1), .integer(-1)))
            if kind == .standardDeviation { v = Expr(k.sys.Sqrt, v) }
            return try k.evaluate(v)
        case .median:
            // Sort by numeric value; every element must have a real one.
            var keyed: [(Double, Expr)] = []
            for x in rows {
                guard case .real(let v) = try k.evaluate(Expr(k.sys.N, x)) else { return nil }
                keyed.append((v, x))
            }
            keyed.sort { $0.0 < $1.0 }
            if n % 2 == 1 { return keyed[n / 2].1 }
            return try k.evaluate(Expr(k.sys.Times, Expr(k.sys.Plus, keyed[n / 2 - 1].1, keyed[n / 2].1),
                                       Expr(k.sys.Power, .integer(2), .integer(-1))))
        }
    }

    // MARK: Distributions

    static func distributionStatistic(_ k: Kernel, _ kind: Kind, _ d: Expr) throws(Interrupt) -> Expr? {
        guard let name = d.headSymbol?.name else { return nil }
        let p = d.arguments
        func power(_ x: Expr, _ n: Int) -> Expr { Expr(k.sys.Power, x, .integer(n)) }
        func times(_ a: Expr...) -> Expr { Expr(k.sys.Times, a) }
        var mean: Expr, variance: Expr
        switch (name, p.count) {
        case ("NormalDistribution", 0): (mean, variance) = (.integer(0), .integer(1))
        case ("NormalDistribution", 2): (mean, variance) = (p[0], power(p[1], 2))
        case ("UniformDistribution", 0): (mean, variance) = (Expr(k.sys.Power, .integer(2), .integer(-1)), power(.integer(12), -1))
        case ("UniformDistribution", 1):
            guard p[0].isList(k.sys), p[0].length == 2, !p[0].arguments[0].isList(k.sys) else { return nil }
            let (a, b) = (p[0].arguments[0], p[0].arguments[1])
            mean = times(Expr(k.sys.Plus, a, b), power(.integer(2), -1))
            variance = times(power(Expr(k.sys.Plus, b, times(.integer(-1), a)), 2), power(.integer(12), -1))
        case ("ExponentialDistribution", 1): (mean, variance) = (power(p[0], -1), power(p[0], -2))
        case ("PoissonDistribution", 1): (mean, variance) = (p[0], p[0])
        case ("MultinormalDistribution", 2):
            if kind == .mean { return p[0] }
            return nil
        default: return nil
        }
        switch kind {
        case .mean: return try k.evaluate(mean)
        case .variance: return try k.evaluate(variance)
        case .standardDeviation: return try k.evaluate(Expr(k.sys.Sqrt, variance))
        case .median: return nil
        }
    }

    // MARK: Covariance

    static func covariance(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        if c.count == 1 {
            guard let d = try data(k, c[0]) else { return nil }
            switch d {
            case .machine(let p):
                guard p.rank == 2 else { return nil }
                if p.dimensions[0] < 2 { return k.fail(c, "shlen", c[0], .integer(2)) }
                guard let r = try k.numeric({ () throws(NumericsError) in try Statistics.covariance(p) }) else { return nil }
                return .packed(r)
            case .exact(let columns, let isMatrix):
                guard isMatrix else { return nil }
                if columns[0].count < 2 { return k.fail(c, "shlen", c[0], .integer(2)) }
                return k.listExpr(columns.map { a in k.listExpr(columns.map { b in exactCovariance(a, b) ?? .integer(0) }) })
            case .general:
                return nil
            }
        }
        guard let a = try data(k, c[0]), let b = try data(k, c[1]) else { return nil }
        switch (a, b) {
        case (.machine(let x), .machine(let y)) where x.rank == 1 && y.rank == 1:
            guard x.count == y.count else { return k.fail(c, "vctmat", c[0], c[1]) }
            guard let r = try k.numeric({ () throws(NumericsError) in try Statistics.covariance(x, y) }) else { return nil }
            return LinearAlgebraBuiltins.expr(r)
        case (.exact(let x, false), .exact(let y, false)):
            guard x[0].count == y[0].count else { return k.fail(c, "vctmat", c[0], c[1]) }
            return exactCovariance(x[0], y[0])
        default:
            // Mixed machine and exact vectors: machine values.
            guard case .packed(let x) = try k.evaluate(Expr(k.sys.N, c[0])),
                  case .packed(let y) = try k.evaluate(Expr(k.sys.N, c[1])), x.rank == 1, y.rank == 1 else { return nil }
            guard x.count == y.count else { return k.fail(c, "vctmat", c[0], c[1]) }
            guard let r = try k.numeric({ () throws(NumericsError) in try Statistics.covariance(x, y) }) else { return nil }
            return LinearAlgebraBuiltins.expr(r)
        }
    }

    /// Sum (a - mean a) Conjugate[b - mean b] / (n - 1).
    static func exactCovariance(_ a: [Expr], _ b: [Expr]) -> Expr? {
        guard a.count >= 2, a.count == b.count, let ma = mean(a), let mb = mean(b) else { return nil }
        let terms = zip(a, b).map { x, y in
            NumberArithmetic.multiply(NumberArithmetic.subtract(x, ma), conjugate(NumberArithmetic.subtract(y, mb)))
        }
        return NumberArithmetic.divide(sum(terms), .integer(a.count - 1))
    }
}
