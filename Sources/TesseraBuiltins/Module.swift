// module TesseraBuiltins
