(* W3: kernel_traffic.wl, 2 kernels. Prints {Table s, ParallelTable s, Map s, ParallelMap s,
   ParallelTable making its data on the subkernels s, same result} or {Table s, Map s, "no ParallelTable"}. *)
m = 30000; n = 640;
a = RandomComplex[{0., 1. + I}, {n, m}];
b = RandomComplex[{0., 1. + I}, {n, m}];
SelectbyWRange[A_, {WMin_, WMax_}, {TakeWMin_, TakeWMax_}] :=
 Module[{lthA, nMax, nMin}, lthA = Length[A];
  nMin = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMin)/(WMax - WMin)];
  nMax = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMax)/(WMax - WMin)];
  Transpose[{Table[TakeWMin + n*(TakeWMax - TakeWMin)/(nMax - nMin), {n, 0, nMax - nMin}],
    Take[A, {nMin, nMax}]}]]
g[{x_, y_}] := SelectbyWRange[-Im[x*Conjugate[y]], {-834., 834.}, {19.5, 20.5}]
tTable = Min[Table[First[AbsoluteTiming[s1 = Table[g[{a[[k]], b[[k]]}], {k, 1, Length[a]}];]], {3}]];
tMap = Min[Table[First[AbsoluteTiming[Map[g, Transpose[{a, b}]];]], {3}]];
LaunchKernels[2];
If[Quiet[ParallelTable[i, {i, 2}]] =!= {1, 2},
  Print[{tTable, tMap, "no ParallelTable"}],
  tPar = Min[Table[First[AbsoluteTiming[s2 = ParallelTable[g[{a[[k]], b[[k]]}], {k, 1, Length[a]}];]], {3}]];
  tPMap = Min[Table[First[AbsoluteTiming[ParallelMap[g, Transpose[{a, b}]];]], {3}]];
  tMade = Min[Table[First[AbsoluteTiming[
      ParallelTable[g[{RandomComplex[{0., 1. + I}, {m}], RandomComplex[{0., 1. + I}, {m}]}], {n}];]], {3}]];
  Print[{tTable, tPar, tMap, tPMap, tMade, s1 === s2}]]
