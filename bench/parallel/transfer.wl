(* Zero-copy transfer between kernels, 2 subkernels. Prints
   {ParallelEvaluate[1] round trip s, 100 MB to 2 kernels first time s, again s,
    100 MB result back s, Total of it on the master s, Total of a master array of the same size s,
    100 MB made on a kernel and returned s, the same returning Null s} *)
LaunchKernels[2];
ParallelEvaluate[1];
tRound = First[AbsoluteTiming[Do[ParallelEvaluate[1], {1000}]]]/1000;
a = RandomReal[1, {1250, 10000}];
tFirst = First[AbsoluteTiming[With[{a = a}, ParallelEvaluate[Length[a]]]]];
tAgain = First[AbsoluteTiming[Do[With[{a = a}, ParallelEvaluate[Length[a]]], {100}]]]/100;
ParallelEvaluate[x = RandomReal[1, {1250, 10000}];, 1];
tBack = First[AbsoluteTiming[r = ParallelEvaluate[x, 1];]];
tTouch = First[AbsoluteTiming[Total[r, 2];]];
tLocal = First[AbsoluteTiming[Total[a, 2];]];
ParallelEvaluate[RandomReal[1, {1250, 10000}];];
tReturn = Min[Table[First[AbsoluteTiming[ParallelEvaluate[RandomReal[1, {1250, 10000}]];]], {3}]];
tNothing = Min[Table[First[AbsoluteTiming[ParallelEvaluate[RandomReal[1, {1250, 10000}];];]], {3}]];
Print[{tRound, tFirst, tAgain, tBack, tTouch, tLocal, tReturn, tNothing}]
