package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateReadException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: the expanded template when there was no error, and every finding in
 * source order. A template with errors yields no output at all, never a partial one.
 */
public record ExpansionResult(TemplateFormat inputFormat, Optional<ObjectNode> template,
                              List<Diagnostic> diagnostics, int resourcesBefore, int resourcesAfter) {

    /** The input could not even be read as a template. */
    static ExpansionResult unreadable(TemplateReadException problem) {
        // In the order they stand in the file (a merge key's problem is found when its mapping closes).
        List<Diagnostic> diagnostics = problem.all().stream()
                .sorted(Comparator.comparing((TemplateReadException p) -> p.position().orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(p -> Diagnostic.of(p.code(), p.path(), p.getMessage()).at(p.position())).toList();
        return new ExpansionResult(TemplateFormat.YAML, Optional.empty(), diagnostics, 0, 0);
    }

    public boolean succeeded() {
        return template.isPresent();
    }

    public long count(dev.outboundwishlist.diagnostics.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
