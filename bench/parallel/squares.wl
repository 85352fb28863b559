(* Many cheap items: Table[i^2, {i, 10^5}] against ParallelTable (Automatic: 74 batches of 1358 on
   2 kernels; CoarsestGrained: one batch per kernel), 30 runs each, interleaved.
   Prints {Table ms, ParallelTable ms, ParallelTable CoarsestGrained ms} (medians). *)
LaunchKernels[2];
ParallelTable[i^2, {i, 10}];
t = Table[
   {First[AbsoluteTiming[r1 = Table[i^2, {i, 10^5}]]],
    First[AbsoluteTiming[r2 = ParallelTable[i^2, {i, 10^5}]]],
    First[AbsoluteTiming[r3 = ParallelTable[i^2, {i, 10^5}, Method -> "CoarsestGrained"]]]}, {30}];
If[r1 =!= r2 || r1 =!= r3, Print["different results"]];
Print[1000. Median[t]];
