#include "CSignals.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int number) { pending_signal = number; }

void grip_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    // A parent may have started us with these blocked; they must get through.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

int grip_signals_take(void) {
    int number = pending_signal;
    pending_signal = 0;
    return number;
}

void grip_register_exit_restore(void (*restore)(void)) { atexit(restore); }

// --- Crash guard -------------------------------------------------------------------
// A crash (a Swift trap is SIGILL or SIGTRAP, a stack overflow SIGSEGV) must not leave
// the terminal raw. Only async-signal-safe calls here: tcsetattr and write, then the
// signal is re-raised with its default action so the exit status still says what happened.

static struct termios saved_termios;
static volatile sig_atomic_t termios_saved = 0;
static volatile sig_atomic_t curses_active = 0;
static char alternate_stack[65536];

static void restore_after_crash(int number) {
    if (curses_active) {
        if (termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
        // Bracketed paste off, leave the alternate screen, show the cursor, reset attributes.
        static const char reset[] = "\033[?2004l\033[?1049l\033[?25h\033[0m\r\n";
        ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
        (void)ignored;
    }
    signal(number, SIG_DFL);
    raise(number);
}

void grip_crash_guard_install(void) {
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) termios_saved = 1;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_after_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    int crashes[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
    for (unsigned index = 0; index < sizeof crashes / sizeof crashes[0]; index++) sigaction(crashes[index], &action, NULL);
}

void grip_crash_guard_set_active(int active) { curses_active = active; }
