(* W2: multinormal.wl, 2 kernels. Prints {serial RandomVariate[..., 400000] s,
   Join @@ ParallelTable[..., 200000, {2}] s, the same returning Null s} or {serial s, "no ParallelTable"}. *)
μ = RandomReal[{0, 1}, 100];
Σ = DiagonalMatrix[Exp[RandomReal[{0, 1}, 100]]];
RandomVariate[MultinormalDistribution[μ, Σ], 1000];
tSerial = Min[Table[First[AbsoluteTiming[RandomVariate[MultinormalDistribution[μ, Σ], 400000];]], {3}]];
LaunchKernels[2];
If[Quiet[ParallelTable[i, {i, 2}]] =!= {1, 2},
  Print[{tSerial, "no ParallelTable"}],
  tReturn = Min[Table[First[AbsoluteTiming[
      r = Join @@ ParallelTable[RandomVariate[MultinormalDistribution[μ, Σ], 200000], {2}];]], {3}]];
  tNothing = Min[Table[First[AbsoluteTiming[
      ParallelTable[RandomVariate[MultinormalDistribution[μ, Σ], 200000];, {2}];]], {3}]];
  Print[{tSerial, tReturn, tNothing, Dimensions[r], Developer`PackedArrayQ[r]}]]
