// Uniform doubles from eight xoshiro256** generators at once.
//
// One xoshiro256** makes a 64-bit word in about a nanosecond, and each word depends on the state the
// previous one left: a loop over one generator waits on that chain. Eight independent generators, kept
// as two vectors of four 64-bit lanes, let the processor work on all of them at once (AVX2 where the
// machine has it, SSE2 otherwise; the same operations, so the same values). The multiplications of
// xoshiro256** (by 5 and by 9) are shifts and adds, which vectors have.

#include "crandom.h"

#pragma STDC FP_CONTRACT OFF

typedef uint64_t u64x4 __attribute__((vector_size(32)));
typedef int64_t i64x4 __attribute__((vector_size(32)));
typedef double f64x4 __attribute__((vector_size(32)));

#define ROTL(x, k) (((x) << (k)) | ((x) >> (64 - (k))))

/// One step of four lanes: their next outputs, as xoshiro256** 1.0 defines them.
#define STEP(s0, s1, s2, s3, result)                                  \
    do {                                                              \
        u64x4 m5 = (s1 << 2) + s1;                                    \
        u64x4 r7 = ROTL(m5, 7);                                       \
        result = (r7 << 3) + r7;                                      \
        u64x4 t = s1 << 17;                                           \
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;              \
        s3 = ROTL(s3, 45);                                            \
    } while (0)

/// The top 53 bits of `x` as a double in [0, 1), into `unit`: the high 21 and low 32 bits are
/// converted exactly through the 2^84 and 2^52 exponent tricks (AVX2 has no 64-bit integer to double
/// conversion); the same value as (double)(x >> 11) * 2^-53. (Macros, not functions: a function
/// taking a 32-byte vector would change its calling convention between the AVX2 and default clones.)
#define TO_UNIT(x, unit)                                                            \
    do {                                                                            \
        u64x4 v_ = (x) >> 11;                                                       \
        u64x4 lo_bits_ = (v_ & 0xFFFFFFFFu) | 0x4330000000000000u;                  \
        u64x4 hi_bits_ = (v_ >> 32) | 0x4530000000000000u;                          \
        f64x4 lo_, hi_;                                                             \
        __builtin_memcpy(&lo_, &lo_bits_, sizeof lo_);                              \
        __builtin_memcpy(&hi_, &hi_bits_, sizeof hi_);                              \
        unit = ((hi_ - (0x1p84 + 0x1p52)) + lo_) * 0x1p-53;                         \
    } while (0)

/// lower + width * u, or lower where that rounds onto upper.
#define AFFINE(u, lower, width, upper, x)                                           \
    do {                                                                            \
        x = (lower) + (width) * (u);                                                \
        i64x4 below_ = x < (upper);                                                 \
        i64x4 xb_, lb_;                                                             \
        __builtin_memcpy(&xb_, &x, sizeof x);                                       \
        __builtin_memcpy(&lb_, &(lower), sizeof lb_);                               \
        i64x4 chosen_ = (xb_ & below_) | (lb_ & ~below_);                           \
        __builtin_memcpy(&x, &chosen_, sizeof x);                                   \
    } while (0)

#define LOAD(v, p) __builtin_memcpy(&(v), (p), 32)
#define STORE(p, v) __builtin_memcpy((p), &(v), 32)

#if defined(__x86_64__)
#define CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CLONES
#endif

CLONES
void crandom_fill_uniform(uint64_t state[4 * CRANDOM_LANES], double *out, size_t n,
                          const double lower[CRANDOM_LANES], const double width[CRANDOM_LANES],
                          const double upper[CRANDOM_LANES]) {
    u64x4 a0, b0, a1, b1, a2, b2, a3, b3;
    LOAD(a0, state + 0); LOAD(b0, state + 4);
    LOAD(a1, state + 8); LOAD(b1, state + 12);
    LOAD(a2, state + 16); LOAD(b2, state + 20);
    LOAD(a3, state + 24); LOAD(b3, state + 28);
    f64x4 la, lb, wa, wb, ua, ub;
    LOAD(la, lower); LOAD(lb, lower + 4);
    LOAD(wa, width); LOAD(wb, width + 4);
    LOAD(ua, upper); LOAD(ub, upper + 4);
    size_t i = 0;
    for (; i < n; i += 8) {
        u64x4 ra, rb;
        STEP(a0, a1, a2, a3, ra);
        STEP(b0, b1, b2, b3, rb);
        f64x4 unita, unitb, xa, xb;
        TO_UNIT(ra, unita);
        TO_UNIT(rb, unitb);
        AFFINE(unita, la, wa, ua, xa);
        AFFINE(unitb, lb, wb, ub, xb);
        if (i + 8 <= n) {
            STORE(out + i, xa);
            STORE(out + i + 4, xb);
        } else {
            double tail[8];
            STORE(tail, xa);
            STORE(tail + 4, xb);
            for (size_t j = 0; i + j < n; j++) out[i + j] = tail[j];
        }
    }
    STORE(state + 0, a0); STORE(state + 4, b0);
    STORE(state + 8, a1); STORE(state + 12, b1);
    STORE(state + 16, a2); STORE(state + 20, b2);
    STORE(state + 24, a3); STORE(state + 28, b3);
}
