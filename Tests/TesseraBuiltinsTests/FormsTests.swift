// Form wrappers stay inert around their evaluated contents.

import Testing

struct FormsTests {
    @Test(arguments: [
        ("Head[TableForm[{1, 2}]]", "TableForm"),
        ("MatrixForm[{{1 + 1}}][[1]]", "{{2}}"),
        ("NumberForm[2.5, 3]", "NumberForm[2.5, 3]"),
        ("BaseForm[10, 2]", "BaseForm[10, 2]"),
        ("Attributes[NumberForm]", "{NHoldRest, Protected}"),
        ("Attributes[HoldCompleteForm]", "{HoldAllComplete, Protected}"),
    ])
    func wrappers(_ source: String, _ expected: String) {
        #expect(evaluate(source) == expected)
    }
}
