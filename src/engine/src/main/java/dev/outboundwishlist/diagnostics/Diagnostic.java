package dev.outboundwishlist.diagnostics;

import java.util.Comparator;
import java.util.Optional;

/**
 * One finding: what is wrong (or worth knowing), where in the template, and how bad it is.
 * The position is absent when the input had no lines (a macro event's JSON fragment).
 */
public record Diagnostic(DiagnosticCode code, Severity severity, TemplatePath path,
                         Optional<SourcePosition> position, String message) {

    /** Source order first, so a reader walks the file top to bottom; then path, then code. */
    public static final Comparator<Diagnostic> SOURCE_ORDER = Comparator
            .comparing((Diagnostic d) -> d.position().orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.path().toString())
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    public static Diagnostic of(DiagnosticCode code, TemplatePath path, String message) {
        return new Diagnostic(code, code.defaultSeverity(), path, Optional.empty(), message);
    }

    public Diagnostic at(Optional<SourcePosition> where) {
        return new Diagnostic(code, severity, path, where, message);
    }

    public Diagnostic withSeverity(Severity other) {
        return new Diagnostic(code, other, path, position, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line of the text report: {@code file:line:column: severity CODE path: message}. */
    public String format(String file) {
        String where = position.map(p -> file + ":" + p.line() + ":" + p.column()).orElse(file);
        return printable(where + ": " + severity.label() + " " + code.id() + " " + pathAndMessage());
    }

    /**
     * Control characters from user values or file names (an ANSI escape that would clear a terminal
     * or a CI log, a newline that would forge a report line) are shown as escapes, so a report line
     * is one line of plain text.
     */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || isBidiControl(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** Marks and overrides that reorder how a line is shown (a "Trojan Source" trick). */
    private static boolean isBidiControl(int c) {
        return c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code path: message} — the form used in the macro's error message. */
    public String pathAndMessage() {
        return path.isRoot() ? message : path + ": " + message;
    }
}
