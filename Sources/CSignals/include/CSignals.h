#ifndef GRIP_CSIGNALS_H
#define GRIP_CSIGNALS_H

// Termination signals are recorded, not acted on, so the main loop can save the draft
// and restore the terminal itself. Swift 6 cannot touch the flag as a C global, so these
// functions are the only access.

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (without SA_RESTART, so a blocking
/// read returns early).
void grip_signals_install(void);

/// The signal received since the last call, or 0; clears it.
int grip_signals_take(void);

/// Registers endwin() to run at process exit, a last resort for restoring the terminal.
void grip_register_exit_restore(void (*restore)(void));

/// Saves the terminal's current modes and installs handlers for crash signals (SIGILL,
/// SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) that restore them, leave the alternate
/// screen and re-raise. Call before the terminal is switched to raw mode.
void grip_crash_guard_install(void);

/// Whether the terminal is in curses mode, so a crash handler must restore it.
void grip_crash_guard_set_active(int active);

#endif
