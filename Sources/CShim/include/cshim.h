#ifndef TESSERA_CSHIM_H
#define TESSERA_CSHIM_H
#include <stddef.h>
#include <sys/types.h>

/// memfd_create with MFD_CLOEXEC (hidden from Swift's Glibc module without _GNU_SOURCE).
int shim_memfd_create(const char *name);
/// sendmsg with one optional descriptor (fd < 0: none) as SCM_RIGHTS. len >= 1.
ssize_t shim_send_fd(int sock, int fd, const void *payload, size_t len);
/// recvmsg that also takes one SCM_RIGHTS descriptor if present (*fd_out = -1 otherwise). 0 = EOF.
ssize_t shim_recv_fd(int sock, void *buf, size_t cap, int *fd_out);
/// The most descriptors one link frame carries.
#define SHIM_MAX_FDS 64
/// One sendmsg of `head_len` bytes (>= 1) then `body_len` bytes (may be 0), with `nfds` descriptors as
/// SCM_RIGHTS: a frame's header and body leave in one call, so the receiver that wakes on the header
/// finds the body there too instead of sleeping again. Returns the bytes sent (maybe fewer).
ssize_t shim_send_fds(int sock, const int *fds, int nfds, const void *head, size_t head_len,
                      const void *body, size_t body_len);
/// recvmsg of up to `cap` bytes, taking up to `max_fds` SCM_RIGHTS descriptors (more are closed). 0 = EOF.
ssize_t shim_recv_fds(int sock, void *buf, size_t cap, int *fds_out, int max_fds, int *nfds_out);
/// PR_SET_PDEATHSIG; returns 1 when the parent is already gone.
int shim_set_pdeathsig(int sig, pid_t expected_ppid);
/// Writes to standard output and flushes (the C global stdout is not usable from Swift 6).
void shim_write_stdout(const char *text, size_t len);
void shim_flush_stdout(void);

/// A kernel's interrupt word, read and written atomically (relaxed: it carries no other data). Both
/// are async-signal-safe, so a signal handler and other threads may set the word while the kernel's
/// own thread polls it.
static inline int shim_flag_load(const int *flag) { return __atomic_load_n(flag, __ATOMIC_RELAXED); }
static inline void shim_flag_store(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_RELAXED); }
/// Routes SIGINT to `flag`, to be called on the kernel's thread (a SIGINT that lands on another
/// thread is passed on to it): the handler stores `value` there. With `exit_status` >= 0, a second
/// SIGINT that arrives while the word is still set (the kernel is inside native code that does not
/// poll) ends the process at once with that status. Returns sigaction's result.
int shim_route_sigint(int *flag, int value, int exit_status);
/// Whether a blocking read interrupted by the routed SIGINT restarts (the default) or fails with
/// EINTR (so that a line editor waiting for a key gives up its line).
int shim_sigint_restarts_reads(int restart);

/// Bytes of packed storage requested by the calling thread since it started (MemoryConstrained).
/// Runs fn(arg) on the calling thread with its stack pointer in [stack, stack + size) (makecontext and
/// swapcontext: the thread stays the same, only its stack is another). Returns 0 after fn returns,
/// -1 when the context could not be made (then fn did not run).
int shim_run_on_stack(void *stack, size_t size, void (*fn)(void *), void *arg);
void shim_meter_add(size_t bytes);
size_t shim_meter_total(void);
/// This thread's placement of big new arrays (`AllocationPlacement`): nonzero ends them on a page.
void shim_set_end_on_page(int on);
int shim_end_on_page(void);
/// mallopt(M_MMAP_THRESHOLD, mmap_threshold) and mallopt(M_TRIM_THRESHOLD, trim_threshold) (HeapTuning.swift).
void shim_set_heap_thresholds(int mmap_threshold, int trim_threshold);
#endif
