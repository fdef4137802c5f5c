package dev.outboundwishlist.engine;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.template.SourceMap;

import java.util.ArrayList;
import java.util.List;

/** Collects every finding of one run, each placed at its line and column where the input had lines. */
public final class Diagnostics {

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

    public List<Diagnostic> sorted() {
        return found.stream().sorted(Diagnostic.SOURCE_ORDER).toList();
    }
}
