// module TesseraNumerics
