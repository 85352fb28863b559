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
/// sendmsg of `len` bytes (>= 1) with `nfds` descriptors as SCM_RIGHTS.
ssize_t shim_send_fds(int sock, const int *fds, int nfds, const void *payload, size_t len);
/// recvmsg of up to `cap` bytes, taking up to `max_fds` SCM_RIGHTS descriptors (more are closed). 0 = EOF.
ssize_t shim_recv_fds(int sock, void *buf, size_t cap, int *fds_out, int max_fds, int *nfds_out);
/// PR_SET_PDEATHSIG; returns 1 when the parent is already gone.
int shim_set_pdeathsig(int sig, pid_t expected_ppid);
/// Writes to standard output and flushes (the C global stdout is not usable from Swift 6).
void shim_write_stdout(const char *text, size_t len);
void shim_flush_stdout(void);
#endif
