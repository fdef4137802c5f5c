package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: the expanded template when there was no error, and every finding in
 * source order. A template with errors yields no output at all, never a partial one.
 */
public record ExpansionResult(Optional<ObjectNode> template, List<Diagnostic> diagnostics,
                              int resourcesBefore, int resourcesAfter) {

    public boolean succeeded() {
        return template.isPresent();
    }

    public long count(dev.outboundwishlist.diagnostics.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
