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

// Attribute and key macros are not visible to Swift; these wrap them.
static inline attr_t grip_attr_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline attr_t grip_attr_bold(void) { return A_BOLD; }
static inline attr_t grip_attr_dim(void) { return A_DIM; }
static inline attr_t grip_attr_reverse(void) { return A_REVERSE; }
static inline attr_t grip_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t grip_attr_normal(void) { return A_NORMAL; }
static inline int grip_key_code_yes(void) { return KEY_CODE_YES; }
static inline int grip_key_f(int n) { return KEY_F(n); }
static inline int grip_set_attributes(attr_t attributes) { return attrset(attributes); }
static inline int grip_get_wide_char(wint_t *character) { return get_wch(character); }
static inline void grip_restore_terminal(void) { if (!isendwin()) { endwin(); } }

#endif
