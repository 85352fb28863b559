// module TesseraCore
