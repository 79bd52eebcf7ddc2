#ifndef GRIP_CNCURSES_SHIM_H
#define GRIP_CNCURSES_SHIM_H

// Wide-character ncurses (ncursesw): needed for UTF-8 Dutch text.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <locale.h>

// ncurses exposes its state as mutable C globals (stdscr, LINES, COLS), which Swift 6
// rightly refuses to touch from concurrent code. These accessors are the only way the
// Swift side reads them.
static inline WINDOW *grip_stdscr(void) { return stdscr; }
static inline int grip_lines(void) { return LINES; }
static inline int grip_cols(void) { return COLS; }
static inline int grip_colors(void) { return COLORS; }
static inline int grip_color_pairs(void) { return COLOR_PAIRS; }

#endif
