(* W2: 400000 draws of a 100-dimensional normal, as multinormal.wl's serial line. Prints seconds. *)
μ = RandomReal[{0, 1}, 100];
Σ = DiagonalMatrix[Exp[RandomReal[{0, 1}, 100]]];
RandomVariate[MultinormalDistribution[μ, Σ], 1000];
t = Min[Table[First[AbsoluteTiming[r = RandomVariate[MultinormalDistribution[μ, Σ], 400000];]], {3}]];
Print[{t, Dimensions[r], Developer`PackedArrayQ[r]}]
