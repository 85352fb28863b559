#define _GNU_SOURCE
#include "cshim.h"
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <pthread.h>
#include <stdatomic.h>
#include <malloc.h>

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
ssize_t shim_send_fds(int sock, const int *fds, int nfds, const void *head, size_t head_len,
                      const void *body, size_t body_len) {
    struct iovec iov[2] = { { .iov_base = (void *)head, .iov_len = head_len },
                            { .iov_base = (void *)body, .iov_len = body_len } };
    union { char buf[CMSG_SPACE(sizeof(int) * SHIM_MAX_FDS)]; struct cmsghdr align; } u;
    struct msghdr msg = {0};
    msg.msg_iov = iov;
    msg.msg_iovlen = body_len > 0 ? 2 : 1;
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

/* The one process-wide piece of kernel state: a signal handler can reach nothing else. It points at
   the interrupt word of the kernel that owns the terminal (the master kernel, or a subkernel in its
   own process); the word itself belongs to that kernel. */
static int *_Atomic sigint_target;
static _Atomic int sigint_value = 1;
static _Atomic int sigint_exit_status = -1;

static pthread_t sigint_thread;

static void on_sigint(int sig) {
    int *flag = atomic_load(&sigint_target);
    if (!flag) return;
    /* The process-directed signal may land on any thread; the kernel's thread must see it, so that
       a read it is blocked in (the line editor, the interrupt menu) is interrupted. */
    if (!pthread_equal(pthread_self(), sigint_thread)) {
        pthread_kill(sigint_thread, sig);
        return;
    }
    int status = atomic_load(&sigint_exit_status);
    if (status >= 0 && shim_flag_load(flag) != 0) _exit(status);
    shim_flag_store(flag, atomic_load(&sigint_value));
}

int shim_sigint_restarts_reads(int restart) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = restart ? SA_RESTART : 0;
    return sigaction(SIGINT, &action, NULL);
}

int shim_route_sigint(int *flag, int value, int exit_status) {
    atomic_store(&sigint_value, value);
    atomic_store(&sigint_exit_status, exit_status);
    sigint_thread = pthread_self();
    atomic_store(&sigint_target, flag);
    /* A parent may have started us with SIGINT blocked (test runners do); the kernel's thread takes it. */
    sigset_t only_sigint;
    sigemptyset(&only_sigint);
    sigaddset(&only_sigint, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &only_sigint, NULL);
    return shim_sigint_restarts_reads(1);
}

/* Per thread, because a kernel is one thread and tests run many kernels side by side in one process. */
static _Thread_local size_t meter_total;

void shim_meter_add(size_t bytes) { meter_total += bytes; }
size_t shim_meter_total(void) { return meter_total; }

static _Thread_local int end_on_page;

void shim_set_end_on_page(int on) { end_on_page = on; }
int shim_end_on_page(void) { return end_on_page; }

// Running on another stack. makecontext passes int arguments only, so the call record's address
// travels as two 32-bit halves.
#include <ucontext.h>
#include <stdint.h>

struct shim_stack_call {
    void (*fn)(void *);
    void *arg;
    ucontext_t caller;
};

static void shim_stack_trampoline(unsigned int high, unsigned int low) {
    struct shim_stack_call *call = (struct shim_stack_call *)(((uintptr_t)high << 32) | (uintptr_t)low);
    call->fn(call->arg);
}  // returns to uc_link: the caller's context

int shim_run_on_stack(void *stack, size_t size, void (*fn)(void *), void *arg) {
    struct shim_stack_call call = { fn, arg };
    ucontext_t callee;
    if (getcontext(&callee) != 0) return -1;
    callee.uc_stack.ss_sp = stack;
    callee.uc_stack.ss_size = size;
    callee.uc_link = &call.caller;
    uintptr_t address = (uintptr_t)&call;
    makecontext(&callee, (void (*)(void))shim_stack_trampoline, 2,
                (unsigned int)(address >> 32), (unsigned int)(address & 0xffffffffu));
    return swapcontext(&call.caller, &callee) == 0 ? 0 : -1;
}

void shim_set_heap_thresholds(int mmap_threshold, int trim_threshold) {
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
}
