// The System` symbols that the parser and the core refer to by identity. Generated list; one
// `let` per symbol so that a test like `e.hasHead(sys.List)` is a pointer comparison.

public final class SystemSymbols {
    public let List: Symbol
    public let Plus: Symbol
    public let Times: Symbol
    public let Power: Symbol
    public let Rule: Symbol
    public let RuleDelayed: Symbol
    public let Set: Symbol
    public let SetDelayed: Symbol
    public let UpSet: Symbol
    public let UpSetDelayed: Symbol
    public let TagSet: Symbol
    public let TagSetDelayed: Symbol
    public let Unset: Symbol
    public let ReplaceAll: Symbol
    public let ReplaceRepeated: Symbol
    public let Map: Symbol
    public let MapAll: Symbol
    public let Apply: Symbol
    public let MapApply: Symbol
    public let Function: Symbol
    public let Slot: Symbol
    public let SlotSequence: Symbol
    public let CompoundExpression: Symbol
    public let Part: Symbol
    public let Span: Symbol
    public let Pattern: Symbol
    public let Blank: Symbol
    public let BlankSequence: Symbol
    public let BlankNullSequence: Symbol
    public let Optional: Symbol
    public let Condition: Symbol
    public let PatternTest: Symbol
    public let Alternatives: Symbol
    public let Repeated: Symbol
    public let RepeatedNull: Symbol
    public let Except: Symbol
    public let Verbatim: Symbol
    public let HoldPattern: Symbol
    public let Or: Symbol
    public let And: Symbol
    public let Not: Symbol
    public let Equal: Symbol
    public let Unequal: Symbol
    public let Less: Symbol
    public let LessEqual: Symbol
    public let Greater: Symbol
    public let GreaterEqual: Symbol
    public let SameQ: Symbol
    public let UnsameQ: Symbol
    public let Inequality: Symbol
    public let StringJoin: Symbol
    public let StringExpression: Symbol
    public let Composition: Symbol
    public let RightComposition: Symbol
    public let MessageName: Symbol
    public let Increment: Symbol
    public let Decrement: Symbol
    public let PreIncrement: Symbol
    public let PreDecrement: Symbol
    public let AddTo: Symbol
    public let SubtractFrom: Symbol
    public let TimesBy: Symbol
    public let DivideBy: Symbol
    public let Association: Symbol
    public let Null: Symbol
    public let True: Symbol
    public let False: Symbol
    public let All: Symbol
    public let None: Symbol
    public let Automatic: Symbol
    public let Sequence: Symbol
    public let Hold: Symbol
    public let HoldComplete: Symbol
    public let HoldForm: Symbol
    public let Unevaluated: Symbol
    public let Evaluate: Symbol
    public let Out: Symbol
    public let Factorial: Symbol
    public let Factorial2: Symbol
    public let Derivative: Symbol
    public let Dot: Symbol
    public let NonCommutativeMultiply: Symbol
    public let Get: Symbol
    public let Put: Symbol
    public let PutAppend: Symbol
    public let Indeterminate: Symbol
    public let ComplexInfinity: Symbol
    public let DirectedInfinity: Symbol
    public let Infinity: Symbol
    public let I: Symbol
    public let Pi: Symbol
    public let E: Symbol
    public let Degree: Symbol
    public let EulerGamma: Symbol
    public let GoldenRatio: Symbol
    public let Catalan: Symbol
    public let Default: Symbol
    public let Failed: Symbol
    public let Missing: Symbol
    public let Message: Symbol
    public let Return: Symbol
    public let Break: Symbol
    public let Continue: Symbol
    public let Throw: Symbol
    public let Catch: Symbol
    public let Abort: Symbol
    public let Aborted: Symbol
    public let Information: Symbol
    public let Definition: Symbol
    public let Module: Symbol
    public let Block: Symbol
    public let With: Symbol
    public let Print: Symbol
    public let Echo: Symbol
    public let Sqrt: Symbol
    public let Exp: Symbol
    public let Log: Symbol
    public let Minus: Symbol
    public let Subtract: Symbol
    public let Divide: Symbol
    public let Xor: Symbol
    public let Nand: Symbol
    public let Nor: Symbol
    public let Implies: Symbol
    public let Equivalent: Symbol
    public let Element: Symbol
    public let NotElement: Symbol
    public let Subset: Symbol
    public let Superset: Symbol
    public let Intersection: Symbol
    public let Union: Symbol
    public let Cross: Symbol
    public let Integrate: Symbol
    public let Sum: Symbol
    public let Product: Symbol
    public let D: Symbol
    public let OptionsPattern: Symbol
    public let Options: Symbol
    public let DownValues: Symbol
    public let UpValues: Symbol
    public let OwnValues: Symbol
    public let SubValues: Symbol
    public let Attributes: Symbol
    public let InputForm: Symbol
    public let OutputForm: Symbol
    public let FullForm: Symbol
    public let StandardForm: Symbol
    public let TraditionalForm: Symbol
    public let Short: Symbol
    public let Shallow: Symbol
    public let TeXForm: Symbol
    public let Root: Symbol
    public let AlgebraicNumber: Symbol
    public let Interval: Symbol
    public let Quantity: Symbol
    public let KeyValuePattern: Symbol
    public let Skeleton: Symbol
    public let General: Symbol
    public let MachinePrecision: Symbol
    public let Overflow: Symbol
    public let Underflow: Symbol
    public let IntegerHead: Symbol
    public let RealHead: Symbol
    public let StringHead: Symbol
    public let SymbolHead: Symbol
    public let ComplexHead: Symbol
    public let RationalHead: Symbol
    public let Removed: Symbol
    public let Compile: Symbol
    public let Trig: Symbol
    public let CompiledFunction: Symbol
    public let ByteArray: Symbol
    public let NumericArray: Symbol
    public let SparseArray: Symbol
    public let Graph: Symbol
    public let Image: Symbol
    public let Entity: Symbol
    public let DateObject: Symbol
    public let Infix: Symbol
    public let Prefix: Symbol
    public let Postfix: Symbol
    public let Row: Symbol
    public let Column: Symbol
    public let Grid: Symbol
    public let MatrixForm: Symbol
    public let TableForm: Symbol
    public let BaseForm: Symbol
    public let NumberForm: Symbol
    public let ScientificForm: Symbol
    public let EngineeringForm: Symbol
    public let PaddedForm: Symbol
    public let AccountingForm: Symbol
    public let NumberPadding: Symbol
    public let Superscript: Symbol
    public let Subscript: Symbol
    public let Style: Symbol
    public let Framed: Symbol
    public let HoldAll: Symbol
    public let Listable: Symbol
    public let PureFunction: Symbol
    public let TwoWayRule: Symbol
    public let DirectedEdge: Symbol
    public let UndirectedEdge: Symbol
    public let Because: Symbol
    public let Therefore: Symbol
    public let Colon: Symbol
    public let Tilde: Symbol
    public let Assert: Symbol
    public let Abs: Symbol
    public let Re: Symbol
    public let Im: Symbol
    public let Conjugate: Symbol
    public let Arg: Symbol
    public let Round: Symbol
    public let Floor: Symbol
    public let Ceiling: Symbol
    public let Mod: Symbol
    public let N: Symbol
    public let Head: Symbol
    public let Length: Symbol
    public let DollarAborted: Symbol
    public let DollarFailed: Symbol
    public let DollarContext: Symbol
    public let DollarContextPath: Symbol
    public let DollarRecursionLimit: Symbol
    public let DollarIterationLimit: Symbol
    public let DollarMessageList: Symbol
    public let Which: Symbol
    public let Switch: Symbol
    public let If: Symbol
    public let Do: Symbol
    public let While: Symbol
    public let For: Symbol
    public let Table: Symbol
    public let Range: Symbol
    public let Append: Symbol
    public let Prepend: Symbol
    public let Join: Symbol
    public let First: Symbol
    public let Last: Symbol
    public let Rest: Symbol
    public let Most: Symbol
    public let Take: Symbol
    public let Drop: Symbol
    public let Total: Symbol
    public let Max: Symbol
    public let Min: Symbol
    public let Sort: Symbol
    public let Reverse: Symbol
    public let Flatten: Symbol
    public let Transpose: Symbol
    public let Dimensions: Symbol
    public let Select: Symbol
    public let Count: Symbol
    public let Keys: Symbol
    public let Values: Symbol
    public let Lookup: Symbol
    public let Key: Symbol
    public let Normal: Symbol
    public let Dispatch: Symbol
    public let Quiet: Symbol
    public let Check: Symbol
    public let Now: Symbol
    public let Fourier: Symbol
    public let InverseFourier: Symbol
    public let Mean: Symbol
    public let Variance: Symbol
    public let RandomReal: Symbol
    public let RandomInteger: Symbol
    public let Parallelize: Symbol
    public let Boole: Symbol
    public let Tr: Symbol
    public let Det: Symbol
    public let Inverse: Symbol
    public let MapThread: Symbol
    public let MapIndexed: Symbol
    public let Thread: Symbol
    public let Outer: Symbol
    public let Inner: Symbol
    public let Array: Symbol
    public let ConstantArray: Symbol
    public let KeyValueMap: Symbol
    public let Splice: Symbol
    public let Nothing: Symbol
    public let Unique: Symbol
    public let ToString: Symbol
    public let ToExpression: Symbol
    public let StringLength: Symbol
    public let StringSplit: Symbol
    public let Characters: Symbol
    public let Chop: Symbol
    public let Accumulate: Symbol
    public let Differences: Symbol
    public let Clip: Symbol
    public let Tally: Symbol
    public let Partition: Symbol
    public let RotateLeft: Symbol
    public let RotateRight: Symbol
    public let Position: Symbol
    public let Cases: Symbol
    public let Scan: Symbol
    public let Level: Symbol
    public let Depth: Symbol
    public let Sign: Symbol
    public let AtomQ: Symbol
    public let NumberQ: Symbol
    public let IntegerQ: Symbol
    public let EvenQ: Symbol
    public let OddQ: Symbol
    public let ListQ: Symbol
    public let StringQ: Symbol
    public let Positive: Symbol
    public let Negative: Symbol
    public let NonNegative: Symbol
    public let NonPositive: Symbol
    public let Sin: Symbol
    public let Cos: Symbol
    public let Tan: Symbol
    public let Sinh: Symbol
    public let Cosh: Symbol
    public let Tanh: Symbol
    public let ArcSin: Symbol
    public let ArcCos: Symbol
    public let ArcTan: Symbol
    public let Log2: Symbol
    public let Log10: Symbol
    public let GCD: Symbol
    public let LCM: Symbol
    public let Quotient: Symbol
    public let Binomial: Symbol
    public let Gamma: Symbol
    public let FactorInteger: Symbol
    public let PrimeQ: Symbol
    public let Prime: Symbol
    public let Numerator: Symbol
    public let Denominator: Symbol
    public let Exponent: Symbol
    public let Expand: Symbol
    public let Collect: Symbol
    public let Simplify: Symbol
    public let FullSimplify: Symbol
    public let Together: Symbol
    public let Apart: Symbol
    public let Factor: Symbol
    public let Series: Symbol
    public let Limit: Symbol
    public let Solve: Symbol

    init(_ intern: (String) -> Symbol) {
        Which = intern("System`Which")
        Switch = intern("System`Switch")
        If = intern("System`If")
        Do = intern("System`Do")
        While = intern("System`While")
        For = intern("System`For")
        Table = intern("System`Table")
        Range = intern("System`Range")
        Append = intern("System`Append")
        Prepend = intern("System`Prepend")
        Join = intern("System`Join")
        First = intern("System`First")
        Last = intern("System`Last")
        Rest = intern("System`Rest")
        Most = intern("System`Most")
        Take = intern("System`Take")
        Drop = intern("System`Drop")
        Total = intern("System`Total")
        Max = intern("System`Max")
        Min = intern("System`Min")
        Sort = intern("System`Sort")
        Reverse = intern("System`Reverse")
        Flatten = intern("System`Flatten")
        Transpose = intern("System`Transpose")
        Dimensions = intern("System`Dimensions")
        Select = intern("System`Select")
        Count = intern("System`Count")
        Keys = intern("System`Keys")
        Values = intern("System`Values")
        Lookup = intern("System`Lookup")
        Key = intern("System`Key")
        Normal = intern("System`Normal")
        Dispatch = intern("System`Dispatch")
        Quiet = intern("System`Quiet")
        Check = intern("System`Check")
        Now = intern("System`Now")
        Fourier = intern("System`Fourier")
        InverseFourier = intern("System`InverseFourier")
        Mean = intern("System`Mean")
        Variance = intern("System`Variance")
        RandomReal = intern("System`RandomReal")
        RandomInteger = intern("System`RandomInteger")
        Parallelize = intern("System`Parallelize")
        Boole = intern("System`Boole")
        Tr = intern("System`Tr")
        Det = intern("System`Det")
        Inverse = intern("System`Inverse")
        MapThread = intern("System`MapThread")
        MapIndexed = intern("System`MapIndexed")
        Thread = intern("System`Thread")
        Outer = intern("System`Outer")
        Inner = intern("System`Inner")
        Array = intern("System`Array")
        ConstantArray = intern("System`ConstantArray")
        KeyValueMap = intern("System`KeyValueMap")
        Splice = intern("System`Splice")
        Nothing = intern("System`Nothing")
        Unique = intern("System`Unique")
        ToString = intern("System`ToString")
        ToExpression = intern("System`ToExpression")
        StringLength = intern("System`StringLength")
        StringSplit = intern("System`StringSplit")
        Characters = intern("System`Characters")
        Chop = intern("System`Chop")
        Accumulate = intern("System`Accumulate")
        Differences = intern("System`Differences")
        Clip = intern("System`Clip")
        Tally = intern("System`Tally")
        Partition = intern("System`Partition")
        RotateLeft = intern("System`RotateLeft")
        RotateRight = intern("System`RotateRight")
        Position = intern("System`Position")
        Cases = intern("System`Cases")
        Scan = intern("System`Scan")
        Level = intern("System`Level")
        Depth = intern("System`Depth")
        Sign = intern("System`Sign")
        AtomQ = intern("System`AtomQ")
        NumberQ = intern("System`NumberQ")
        IntegerQ = intern("System`IntegerQ")
        EvenQ = intern("System`EvenQ")
        OddQ = intern("System`OddQ")
        ListQ = intern("System`ListQ")
        StringQ = intern("System`StringQ")
        Positive = intern("System`Positive")
        Negative = intern("System`Negative")
        NonNegative = intern("System`NonNegative")
        NonPositive = intern("System`NonPositive")
        Sin = intern("System`Sin")
        Cos = intern("System`Cos")
        Tan = intern("System`Tan")
        Sinh = intern("System`Sinh")
        Cosh = intern("System`Cosh")
        Tanh = intern("System`Tanh")
        ArcSin = intern("System`ArcSin")
        ArcCos = intern("System`ArcCos")
        ArcTan = intern("System`ArcTan")
        Log2 = intern("System`Log2")
        Log10 = intern("System`Log10")
        GCD = intern("System`GCD")
        LCM = intern("System`LCM")
        Quotient = intern("System`Quotient")
        Binomial = intern("System`Binomial")
        Gamma = intern("System`Gamma")
        FactorInteger = intern("System`FactorInteger")
        PrimeQ = intern("System`PrimeQ")
        Prime = intern("System`Prime")
        Numerator = intern("System`Numerator")
        Denominator = intern("System`Denominator")
        Exponent = intern("System`Exponent")
        Expand = intern("System`Expand")
        Collect = intern("System`Collect")
        Simplify = intern("System`Simplify")
        FullSimplify = intern("System`FullSimplify")
        Together = intern("System`Together")
        Apart = intern("System`Apart")
        Factor = intern("System`Factor")
        Series = intern("System`Series")
        Limit = intern("System`Limit")
        Solve = intern("System`Solve")
        List = intern("System`List")
        Plus = intern("System`Plus")
        Times = intern("System`Times")
        Power = intern("System`Power")
        Rule = intern("System`Rule")
        RuleDelayed = intern("System`RuleDelayed")
        Set = intern("System`Set")
        SetDelayed = intern("System`SetDelayed")
        UpSet = intern("System`UpSet")
        UpSetDelayed = intern("System`UpSetDelayed")
        TagSet = intern("System`TagSet")
        TagSetDelayed = intern("System`TagSetDelayed")
        Unset = intern("System`Unset")
        ReplaceAll = intern("System`ReplaceAll")
        ReplaceRepeated = intern("System`ReplaceRepeated")
        Map = intern("System`Map")
        MapAll = intern("System`MapAll")
        Apply = intern("System`Apply")
        MapApply = intern("System`MapApply")
        Function = intern("System`Function")
        Slot = intern("System`Slot")
        SlotSequence = intern("System`SlotSequence")
        CompoundExpression = intern("System`CompoundExpression")
        Part = intern("System`Part")
        Span = intern("System`Span")
        Pattern = intern("System`Pattern")
        Blank = intern("System`Blank")
        BlankSequence = intern("System`BlankSequence")
        BlankNullSequence = intern("System`BlankNullSequence")
        Optional = intern("System`Optional")
        Condition = intern("System`Condition")
        PatternTest = intern("System`PatternTest")
        Alternatives = intern("System`Alternatives")
        Repeated = intern("System`Repeated")
        RepeatedNull = intern("System`RepeatedNull")
        Except = intern("System`Except")
        Verbatim = intern("System`Verbatim")
        HoldPattern = intern("System`HoldPattern")
        Or = intern("System`Or")
        And = intern("System`And")
        Not = intern("System`Not")
        Equal = intern("System`Equal")
        Unequal = intern("System`Unequal")
        Less = intern("System`Less")
        LessEqual = intern("System`LessEqual")
        Greater = intern("System`Greater")
        GreaterEqual = intern("System`GreaterEqual")
        SameQ = intern("System`SameQ")
        UnsameQ = intern("System`UnsameQ")
        Inequality = intern("System`Inequality")
        StringJoin = intern("System`StringJoin")
        StringExpression = intern("System`StringExpression")
        Composition = intern("System`Composition")
        RightComposition = intern("System`RightComposition")
        MessageName = intern("System`MessageName")
        Increment = intern("System`Increment")
        Decrement = intern("System`Decrement")
        PreIncrement = intern("System`PreIncrement")
        PreDecrement = intern("System`PreDecrement")
        AddTo = intern("System`AddTo")
        SubtractFrom = intern("System`SubtractFrom")
        TimesBy = intern("System`TimesBy")
        DivideBy = intern("System`DivideBy")
        Association = intern("System`Association")
        Null = intern("System`Null")
        True = intern("System`True")
        False = intern("System`False")
        All = intern("System`All")
        None = intern("System`None")
        Automatic = intern("System`Automatic")
        Sequence = intern("System`Sequence")
        Hold = intern("System`Hold")
        HoldComplete = intern("System`HoldComplete")
        HoldForm = intern("System`HoldForm")
        Unevaluated = intern("System`Unevaluated")
        Evaluate = intern("System`Evaluate")
        Out = intern("System`Out")
        Factorial = intern("System`Factorial")
        Factorial2 = intern("System`Factorial2")
        Derivative = intern("System`Derivative")
        Dot = intern("System`Dot")
        NonCommutativeMultiply = intern("System`NonCommutativeMultiply")
        Get = intern("System`Get")
        Put = intern("System`Put")
        PutAppend = intern("System`PutAppend")
        Indeterminate = intern("System`Indeterminate")
        ComplexInfinity = intern("System`ComplexInfinity")
        DirectedInfinity = intern("System`DirectedInfinity")
        Infinity = intern("System`Infinity")
        I = intern("System`I")
        Pi = intern("System`Pi")
        E = intern("System`E")
        Degree = intern("System`Degree")
        EulerGamma = intern("System`EulerGamma")
        GoldenRatio = intern("System`GoldenRatio")
        Catalan = intern("System`Catalan")
        Default = intern("System`Default")
        Failed = intern("System`Failed")
        Missing = intern("System`Missing")
        Message = intern("System`Message")
        Return = intern("System`Return")
        Break = intern("System`Break")
        Continue = intern("System`Continue")
        Throw = intern("System`Throw")
        Catch = intern("System`Catch")
        Abort = intern("System`Abort")
        Aborted = intern("System`Aborted")
        Information = intern("System`Information")
        Definition = intern("System`Definition")
        Module = intern("System`Module")
        Block = intern("System`Block")
        With = intern("System`With")
        Print = intern("System`Print")
        Echo = intern("System`Echo")
        Sqrt = intern("System`Sqrt")
        Exp = intern("System`Exp")
        Log = intern("System`Log")
        Minus = intern("System`Minus")
        Subtract = intern("System`Subtract")
        Divide = intern("System`Divide")
        Xor = intern("System`Xor")
        Nand = intern("System`Nand")
        Nor = intern("System`Nor")
        Implies = intern("System`Implies")
        Equivalent = intern("System`Equivalent")
        Element = intern("System`Element")
        NotElement = intern("System`NotElement")
        Subset = intern("System`Subset")
        Superset = intern("System`Superset")
        Intersection = intern("System`Intersection")
        Union = intern("System`Union")
        Cross = intern("System`Cross")
        Integrate = intern("System`Integrate")
        Sum = intern("System`Sum")
        Product = intern("System`Product")
        D = intern("System`D")
        OptionsPattern = intern("System`OptionsPattern")
        Options = intern("System`Options")
        DownValues = intern("System`DownValues")
        UpValues = intern("System`UpValues")
        OwnValues = intern("System`OwnValues")
        SubValues = intern("System`SubValues")
        Attributes = intern("System`Attributes")
        InputForm = intern("System`InputForm")
        OutputForm = intern("System`OutputForm")
        FullForm = intern("System`FullForm")
        StandardForm = intern("System`StandardForm")
        TraditionalForm = intern("System`TraditionalForm")
        Short = intern("System`Short")
        Shallow = intern("System`Shallow")
        TeXForm = intern("System`TeXForm")
        Root = intern("System`Root")
        AlgebraicNumber = intern("System`AlgebraicNumber")
        Interval = intern("System`Interval")
        Quantity = intern("System`Quantity")
        KeyValuePattern = intern("System`KeyValuePattern")
        Skeleton = intern("System`Skeleton")
        General = intern("System`General")
        MachinePrecision = intern("System`MachinePrecision")
        Overflow = intern("System`Overflow")
        Underflow = intern("System`Underflow")
        IntegerHead = intern("System`Integer")
        RealHead = intern("System`Real")
        StringHead = intern("System`String")
        SymbolHead = intern("System`Symbol")
        ComplexHead = intern("System`Complex")
        RationalHead = intern("System`Rational")
        Removed = intern("System`Removed")
        Compile = intern("System`Compile")
        Trig = intern("System`Trig")
        CompiledFunction = intern("System`CompiledFunction")
        ByteArray = intern("System`ByteArray")
        NumericArray = intern("System`NumericArray")
        SparseArray = intern("System`SparseArray")
        Graph = intern("System`Graph")
        Image = intern("System`Image")
        Entity = intern("System`Entity")
        DateObject = intern("System`DateObject")
        Infix = intern("System`Infix")
        Prefix = intern("System`Prefix")
        Postfix = intern("System`Postfix")
        Row = intern("System`Row")
        Column = intern("System`Column")
        Grid = intern("System`Grid")
        MatrixForm = intern("System`MatrixForm")
        TableForm = intern("System`TableForm")
        BaseForm = intern("System`BaseForm")
        NumberForm = intern("System`NumberForm")
        ScientificForm = intern("System`ScientificForm")
        EngineeringForm = intern("System`EngineeringForm")
        PaddedForm = intern("System`PaddedForm")
        AccountingForm = intern("System`AccountingForm")
        NumberPadding = intern("System`NumberPadding")
        Superscript = intern("System`Superscript")
        Subscript = intern("System`Subscript")
        Style = intern("System`Style")
        Framed = intern("System`Framed")
        HoldAll = intern("System`HoldAll")
        Listable = intern("System`Listable")
        PureFunction = intern("System`PureFunction")
        TwoWayRule = intern("System`TwoWayRule")
        DirectedEdge = intern("System`DirectedEdge")
        UndirectedEdge = intern("System`UndirectedEdge")
        Because = intern("System`Because")
        Therefore = intern("System`Therefore")
        Colon = intern("System`Colon")
        Tilde = intern("System`Tilde")
        Assert = intern("System`Assert")
        Abs = intern("System`Abs")
        Re = intern("System`Re")
        Im = intern("System`Im")
        Conjugate = intern("System`Conjugate")
        Arg = intern("System`Arg")
        Round = intern("System`Round")
        Floor = intern("System`Floor")
        Ceiling = intern("System`Ceiling")
        Mod = intern("System`Mod")
        N = intern("System`N")
        Head = intern("System`Head")
        Length = intern("System`Length")
        DollarAborted = intern("System`$Aborted")
        DollarFailed = intern("System`$Failed")
        DollarContext = intern("System`$Context")
        DollarContextPath = intern("System`$ContextPath")
        DollarRecursionLimit = intern("System`$RecursionLimit")
        DollarIterationLimit = intern("System`$IterationLimit")
        DollarMessageList = intern("System`$MessageList")
    }
}
