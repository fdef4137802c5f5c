package dev.outboundwishlist.engine;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.template.SourceMap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects every finding of one run, each placed at its line and column where the input had lines. */
public final class Diagnostics {

    static final int SHOWN_PER_CODE = 100;

    private final SourceMap sourceMap;
    private final List<Diagnostic> found = new ArrayList<>();

    public Diagnostics(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    public void report(DiagnosticCode code, TemplatePath path, String message) {
        report(code, code.defaultSeverity(), path, message);
    }

    public void report(DiagnosticCode code, Severity severity, TemplatePath path, String message) {
        found.add(Diagnostic.of(code, path, message).withSeverity(severity).at(sourceMap.nearest(path)));
    }

    public void add(Diagnostic diagnostic) {
        found.add(diagnostic);
    }

    /** True when an extension reported anything about its own keys (codes OWL2xx, OWL3xx, OWL4xx). */
    boolean anyExtensionFinding() {
        return found.stream().map(d -> d.code().id()).anyMatch(id -> id.matches("OWL[234]\\d\\d"));
    }

    public long errorCount() {
        return found.stream().filter(Diagnostic::isError).count();
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * In source order, at most {@value #SHOWN_PER_CODE} of each code: a list of 100,000 wrong
     * entries is told by its first ones and a count, not by 100,000 lines.
     */
    public List<Diagnostic> sorted() {
        List<Diagnostic> shown = new ArrayList<>();
        Map<DiagnosticCode, Integer> seen = new EnumMap<>(DiagnosticCode.class);
        Map<DiagnosticCode, Diagnostic> firstHidden = new EnumMap<>(DiagnosticCode.class);
        for (Diagnostic diagnostic : found.stream().sorted(Diagnostic.SOURCE_ORDER).toList()) {
            int count = seen.merge(diagnostic.code(), 1, Integer::sum);
            if (count <= SHOWN_PER_CODE) {
                shown.add(diagnostic);
            } else {
                firstHidden.putIfAbsent(diagnostic.code(), diagnostic);
            }
        }
        firstHidden.forEach((code, first) -> shown.add(new Diagnostic(code, first.severity(), first.path(),
                first.position(), "and " + (seen.get(code) - SHOWN_PER_CODE) + " more " + code.id() + " findings "
                        + "from here on, not shown; the first " + SHOWN_PER_CODE + " are above")));
        return shown;
    }
}
