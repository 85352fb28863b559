(* multinormal.wl: subkernels that return big results. In Mathematica returning 320 MB of draws made
   the parallel run slower than the serial one (the results were serialized through the link and
   unpacked by the toolkit). Here a subkernel's result is a segment of shared memory the master maps:
   returning the draws costs about as much as returning nothing. Smaller: 200000 draws, 160 MB. *)
mu = RandomReal[{0, 1}, 100];
sigma = DiagonalMatrix[Exp[RandomReal[{0, 1}, 100]]];
draws = 200000;
LaunchKernels[];
ParallelEvaluate[1];
best[f_] := Min[Table[First[AbsoluteTiming[f[]]], {3}]];
tSerial = best[RandomVariate[MultinormalDistribution[mu, sigma], draws] &];
tReturned = best[(r = Join @@ ParallelTable[RandomVariate[MultinormalDistribution[mu, sigma], draws/2], {2}]) &];
tNothing = best[(ParallelTable[RandomVariate[MultinormalDistribution[mu, sigma], draws/2];, {2}]) &];
Print["serial ", Round[tSerial, 0.001], " s; parallel, results returned ", Round[tReturned, 0.001],
  " s; parallel, nothing returned ", Round[tNothing, 0.001], " s"];
Print["result ", Dimensions[r], ", packed: ", Developer`PackedArrayQ[r]];
