import CNcurses

/// Whether the linked ncurses library supports wide characters (UTF-8 Dutch text).
public func terminalLibraryVersion() -> String {
    String(cString: curses_version())
}
