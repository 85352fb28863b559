(* Shared-state round trips from a subkernel to its master (issue 12: under 50 us each).
   Run: tessera -script bench/parallel/shared_roundtrip.wl (the release binary).
   Each figure is the time per operation of n operations in one ParallelEvaluate on one kernel,
   less the same loop over a local value.
   2026-12, release build, 2 shared vCPUs under other builds (load 2-6): bare round trip 48-60 us,
   shared read 54-62 us, increment 57-60 us, shared function call 60-68 us, CriticalSection 130 us;
   in the same runs ParallelEvaluate[1] on 2 kernels took 80-90 us. Since header and body go in one
   sendmsg (session 5, load 3.3): bare round trip 19-41 us, read 19-66 us, increment 21-32 us. *)
n = 20000;
LaunchKernels[1];
SetSharedVariable[counter]; counter = 0;
SetSharedFunction[echo]; echo[x_] := x;
ParallelEvaluate[counter];
perOp[body_] := (First[AbsoluteTiming[ParallelEvaluate[body, 1]]]
    - First[AbsoluteTiming[ParallelEvaluate[Do[local = 1, {n}], 1]]])/n;
SetAttributes[perOp, HoldFirst];
results = {
  "bare round trip" -> perOp[Do[Parallel`Developer`SharedEvaluate[1], {n}]],
  "shared read" -> perOp[Do[counter, {n}]],
  "shared increment" -> perOp[Do[counter++, {n}]],
  "shared function call" -> perOp[Do[echo[1], {n}]],
  "CriticalSection (2 round trips)" -> perOp[Do[CriticalSection[{lock}, 1], {n}]]
};
Scan[Print[#[[1]], ": ", Round[10^6 #[[2]], 0.1], " us"] &, results];
Print["counter after ", n, " increments: ", counter];
CloseKernels[];
