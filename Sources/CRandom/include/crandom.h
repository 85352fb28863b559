#ifndef TESSERA_CRANDOM_H
#define TESSERA_CRANDOM_H
#include <stddef.h>
#include <stdint.h>

/// Lanes of `crandom_fill_uniform`: independent xoshiro256** generators run side by side.
#define CRANDOM_LANES 8

/// Fills out[0 ..< n] with lower[i % 8] + width[i % 8] * u, where u is uniform in [0, 1) in steps of
/// 2^-53 and element i comes from lane i % 8 (lane j makes elements j, j + 8, ...). A value that
/// rounding lands on upper[i % 8] is replaced by lower[i % 8], so that the interval stays half open.
/// `state` holds the lanes' xoshiro256** words, word w of lane j at state[w * 8 + j]; it is advanced.
/// The values do not depend on the instruction set the machine has.
void crandom_fill_uniform(uint64_t state[4 * CRANDOM_LANES], double *out, size_t n,
                          const double lower[CRANDOM_LANES], const double width[CRANDOM_LANES],
                          const double upper[CRANDOM_LANES]);

#endif
