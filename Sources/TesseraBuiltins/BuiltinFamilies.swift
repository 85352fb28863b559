// The one hand-written list of builtin families. Nothing is discovered at run time: a family is
// part of the kernel because it is named here.

import TesseraCore
import TesseraExpr

public enum BuiltinFamilies {
    public static let tables: [[BuiltinSpec]] = [
        ControlBuiltins.table,
        AbortBuiltins.table,
        IterationBuiltins.table,
        ScopingBuiltins.table,
        AssignmentBuiltins.table,
        PatternBuiltins.table,
        SymbolStateBuiltins.table,
        SessionBuiltins.table,
        ParallelSymbols.table,
        PartBuiltins.table,
        SequenceBuiltins.table,
        ConstructionBuiltins.table,
        EditingBuiltins.table,
        RearrangeBuiltins.table,
        StringBuiltins.withMessages(StringBuiltins.table),
        StringBuiltins.withMessages(StringSearchBuiltins.table),
        StringBuiltins.withMessages(StringPartBuiltins.table),
        StringConversionBuiltins.table,
        StringMetricBuiltins.table,
        StringTextBuiltins.table,
        StringTemplateBuiltins.table,
        AssociationBuiltins.table,
        AssociationKeyBuiltins.table,
        QueryBuiltins.table,
        FormBuiltins.table,
        FunctionalBuiltins.table,
        OrderingBuiltins.table,
        SetBuiltins.table,
        PackedArrayBuiltins.table,
        StructureBuiltins.table,
        TensorBuiltins.table,
        CombinatoricsBuiltins.table,
        OperatorBuiltins.table,
        ArithmeticBuiltins.table,
        ElementaryFunctions.table,
        ComparisonBuiltins.table,
        BooleanBuiltins.table,
        ConstantBuiltins.table,
        FourierBuiltins.table,
        LinearAlgebraBuiltins.table,
        RandomBuiltins.table,
        RandomDistributions.table,
        StatisticsBuiltins.table,
        RoundingBuiltins.table,
        ComplexPartBuiltins.table,
        IntegerBuiltins.table,
        PredicateBuiltins.table,
        PaddingBuiltins.table,
        SelectionBuiltins.table,
        SparseArrays.table,
        BlockBuiltins.table,
        ByteArrayBuiltins.table,
        NumericArrayBuiltins.table,
        CollectingBuiltins.table,
        StepBuiltins.table,
        NormBuiltins.table,
        CorrelationBuiltins.table,
        DerivedListBuiltins.table,
        ConfirmationBuiltins.table,
        SerializationBuiltins.table,
        // Wraps Length, Part, Normal, ... of the families above; keep it after them.
        ArrayAtomViews.table,
    ]

    /// A kernel with every builtin installed and the session variables set.
    public static func makeKernel(write: @escaping (String) -> Void = { _ in }) -> Kernel {
        let kernel = Kernel(builtins: tables, write: write)
        SessionBuiltins.setUp(kernel)
        ParallelSymbols.setUp(kernel)
        ArithmeticBuiltins.setUp(kernel)
        return kernel
    }
}
