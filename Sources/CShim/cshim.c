#define _GNU_SOURCE
#include "cshim.h"
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>

int shim_memfd_create(const char *name) { return memfd_create(name, MFD_CLOEXEC); }

ssize_t shim_send_fd(int sock, int fd, const void *payload, size_t len) {
    struct iovec iov = { .iov_base = (void *)payload, .iov_len = len };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct msghdr msg = {0};
    msg.msg_iov = &iov; msg.msg_iovlen = 1;
    if (fd >= 0) {
        memset(&u, 0, sizeof u);
        msg.msg_control = u.buf; msg.msg_controllen = sizeof u.buf;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET; c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof(int));
    }
    ssize_t n;
    do { n = sendmsg(sock, &msg, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR);
    return n;
}

ssize_t shim_recv_fd(int sock, void *buf, size_t cap, int *fd_out) {
    struct iovec iov = { .iov_base = buf, .iov_len = cap };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct msghdr msg = {0};
    msg.msg_iov = &iov; msg.msg_iovlen = 1;
    msg.msg_control = u.buf; msg.msg_controllen = sizeof u.buf;
    *fd_out = -1;
    ssize_t n;
    do { n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (n < 0 && errno == EINTR);
    if (n < 0) return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
            memcpy(fd_out, CMSG_DATA(c), sizeof(int));
    return n;
}

int shim_set_pdeathsig(int sig, pid_t expected_ppid) {
    if (prctl(PR_SET_PDEATHSIG, sig) != 0) return -1;
    return getppid() != expected_ppid;
}

void shim_write_stdout(const char *text, size_t len) { fwrite(text, 1, len, stdout); }
void shim_flush_stdout(void) { fflush(stdout); }

/* A link frame: `len` bytes with up to `nfds` descriptors as SCM_RIGHTS (nfds <= SHIM_MAX_FDS). */
ssize_t shim_send_fds(int sock, const int *fds, int nfds, const void *payload, size_t len) {
    struct iovec iov = { .iov_base = (void *)payload, .iov_len = len };
    union { char buf[CMSG_SPACE(sizeof(int) * SHIM_MAX_FDS)]; struct cmsghdr align; } u;
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (nfds > SHIM_MAX_FDS) { errno = EINVAL; return -1; }
    if (nfds > 0) {
        memset(&u, 0, sizeof u);
        msg.msg_control = u.buf;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
    }
    ssize_t n;
    do { n = sendmsg(sock, &msg, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR);
    return n;
}

ssize_t shim_recv_fds(int sock, void *buf, size_t cap, int *fds_out, int max_fds, int *nfds_out) {
    struct iovec iov = { .iov_base = buf, .iov_len = cap };
    union { char buf[CMSG_SPACE(sizeof(int) * SHIM_MAX_FDS)]; struct cmsghdr align; } u;
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = u.buf;
    msg.msg_controllen = sizeof u.buf;
    *nfds_out = 0;
    ssize_t n;
    do { n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (n < 0 && errno == EINTR);
    if (n < 0) return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        for (int i = 0; i < count; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            if (*nfds_out < max_fds) fds_out[(*nfds_out)++] = fd; else close(fd);
        }
    }
    return n;
}
