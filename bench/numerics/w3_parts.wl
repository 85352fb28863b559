(* W3 in parts: where the time of the per-row work goes (640 rows). Prints seconds for Conjugate,
   Times, the whole arithmetic, a Take and SelectbyWRange. Run: tessera -script bench/numerics/w3_parts.wl *)
m = 30000; n = 640;
a = RandomComplex[{0., 1. + I}, {n, m}];
b = RandomComplex[{0., 1. + I}, {n, m}];
Print[First[AbsoluteTiming[Do[Conjugate[b[[k]]], {k, n}]]]];
Print[First[AbsoluteTiming[Do[a[[k]]*b[[k]], {k, n}]]]];
Print[First[AbsoluteTiming[Do[-Im[a[[k]]*Conjugate[b[[k]]]], {k, n}]]]];
c = Im[a[[1]]];
Print[First[AbsoluteTiming[Do[Take[c, {14000, 14018}], {k, n}]]]];
SelectbyWRange[A_, {WMin_, WMax_}, {TakeWMin_, TakeWMax_}] :=
 Module[{lthA, nMax, nMin}, lthA = Length[A];
  nMin = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMin)/(WMax - WMin)];
  nMax = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMax)/(WMax - WMin)];
  Transpose[{Table[TakeWMin + n*(TakeWMax - TakeWMin)/(nMax - nMin), {n, 0, nMax - nMin}],
    Take[A, {nMin, nMax}]}]]
Print[First[AbsoluteTiming[Do[SelectbyWRange[c, {-834., 834.}, {19.5, 20.5}], {k, n}]]]];
