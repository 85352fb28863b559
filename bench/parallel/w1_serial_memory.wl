(* Peak memory of cross_spectrum's Table over 401 rows (bench/RESULTS.md: tree_mem.py). *)
R = 401;
a = RandomReal[{0., 1.}, {R, 300000}];
b = RandomReal[{0., 1.}, {R, 300000}];
ht = 2*0.375*^-9;
DFT[A_, ht_] :=
  RotateRight[
    ht/Sqrt[2 \[Pi]]*
     Fourier[RotateLeft[A, Length[A]/2 - 1], FourierParameters -> {1, 1}],
    Length[A]/2 - 1];
SmoothDFT[A_, ht_, n_] :=
  DFT[Table[0., {(n - 1)*Length[A]/2}]~Join~A~Join~
    Table[0., {(n - 1)*Length[A]/2}], ht];
SelectbyWRange[A_, {WMin_, WMax_}, {TakeWMin_, TakeWMax_}] :=
 Module[{lthA, nMax, nMin}, lthA = Length[A];
  nMin = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMin)/(WMax - WMin)];
  nMax = Round[-((-WMax + lthA WMin)/(WMax - WMin)) - ((1 - lthA) TakeWMax)/(WMax - WMin)];
  Transpose[{Table[TakeWMin + n*(TakeWMax - TakeWMin)/(nMax - nMin), {n, 0, nMax - nMin}],
    Take[A, {nMin, nMax}]}]]
Smtx1 = Table[SelectbyWRange[-Im[SmoothDFT[a[[n]], ht, 2]*Conjugate[SmoothDFT[b[[n]], ht, 2]]], {-834., 834.}, {19.5, 20.5}], {n, 1, R}];
