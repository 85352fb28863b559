(* kernel_traffic.wl: "is there a way to see how much data is copied from one kernel to another?"
   ParallelTrafficMeasured[expr] evaluates expr and returns it with the traffic it caused, by kernel,
   direction, kind and symbol; ParallelTraffic[] is the total since launch. Run it with
   `tessera --monitor`, `--trace out.json` (Perfetto) or `--report out.html` to watch it live or draw it. *)
m = 20000; n = 160;
a = RandomComplex[{0., 1. + I}, {n, m}];
b = RandomComplex[{0., 1. + I}, {n, m}];
g[{x_, y_}] := Take[-Im[x*Conjugate[y]], {1, 10}]
LaunchKernels[];
{result, traffic} = ParallelTrafficMeasured[ParallelTable[g[{a[[k]], b[[k]]}], {k, n}]];
Print["same as Table: ", result === Table[g[{a[[k]], b[[k]]}], {k, n}]];
total = traffic["Total"];
Print["messages ", total["Messages"], ", bytes on the sockets ", total["WireBytes"],
  ", bytes shared by handle instead of copied ", total["SharedBytes"]];
Print["by kind, bytes sent: ", #["WireBytesSent"] & /@ traffic["Kinds"]];
Print["definitions sent, by symbol: ", traffic["Symbols"]];
