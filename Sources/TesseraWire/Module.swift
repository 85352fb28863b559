// module TesseraWire
