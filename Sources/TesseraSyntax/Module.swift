// module TesseraSyntax
