// Form wrappers: InputForm, OutputForm, FullForm, StandardForm, TraditionalForm, TeXForm, TextForm,
// Short, Shallow, TableForm, MatrixForm, NumberForm, ScientificForm, EngineeringForm, PaddedForm,
// AccountingForm, BaseForm, Row, Column, Grid, SequenceForm, and the inert string-pattern heads.
//
// These are inert: evaluation leaves `InputForm[e]` as it is (with `e` evaluated), and the printer
// decides how each one shows. Only their attributes live here.

import TesseraCore
import TesseraExpr

enum FormBuiltins {
    static let table: [BuiltinSpec] = [
        "InputForm", "OutputForm", "FullForm", "StandardForm", "TraditionalForm", "TeXForm", "TextForm",
        "Short", "Shallow", "TableForm", "Row", "Column", "Grid", "SequenceForm", "TreeForm",
        "PrecedenceForm", "Framed", "Style", "Subscript", "Superscript", "Overscript", "Underscript",
    ].map { BuiltinSpec($0, attributes: [.protected]) }
    // Number formats leave their options (digits, padding) alone under N.
    + ["NumberForm", "ScientificForm", "EngineeringForm", "PaddedForm", "AccountingForm", "PercentForm",
       "BaseForm"].map { BuiltinSpec($0, attributes: [.nHoldRest, .protected]) }
    + [
        BuiltinSpec("MatrixForm", attributes: [.protected, .readProtected]),
        BuiltinSpec("HoldCompleteForm", attributes: [.holdAllComplete, .protected]),
    ]
}
