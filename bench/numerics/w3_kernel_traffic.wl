(* W3: kernel_traffic.wl's per-row Table over 640 rows of 30000 complex numbers. Prints seconds. *)
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
t = Min[Table[First[AbsoluteTiming[Table[g[{a[[n]], b[[n]]}], {n, 1, Length[a]}];]], {3}]];
Print[{t}]
