import TesseraCore

/// What `tessera --help` prints: every mode and flag, one line each.
let usageText = """
Usage:
  tessera                          interactive session (?name for help on a symbol, Quit[] or Ctrl-D to leave)
  tessera -code EXPR   (-c)        evaluate EXPR and print its result
  tessera FILE.wl                  evaluate each expression of FILE.wl, print each result not ended by ;
  tessera -file FILE.wl   (-f)     the same
  tessera -script FILE.wl          evaluate FILE.wl, print only what it prints
  tessera conformance CASES.jsonl [--topic T] [--kind K] [--id ID] [--show-failures N]
                                   run conformance cases, one fresh kernel each

Options of every mode but conformance:
  --trace OUT.json                 record the parallel work as Chrome trace events
  --report OUT.html                record the parallel work as a self-contained HTML page
  --monitor                        show the subkernels live, and a summary at the end

  -h, --help                       print this text
  --version                        print the version

Exit status: 0, or what Exit[n]/Quit[n] set; 1 for a syntax error in a file; 2 for a wrong command line.

"""

/// What `tessera --version` prints.
let versionText = "Tessera \(TesseraVersion.number)\n"
