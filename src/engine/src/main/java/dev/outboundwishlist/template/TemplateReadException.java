package dev.outboundwishlist.template;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The input could not be read as a template; carries one clear, positioned reason, and the other
 * problems the reader found where it could step over one and read on (duplicate keys, unsupported
 * tags), so that all of them are reported together.
 */
public final class TemplateReadException extends Exception {

    private final DiagnosticCode code;
    private final TemplatePath path;
    private final Optional<SourcePosition> position;
    private List<TemplateReadException> others = List.of();

    public TemplateReadException(DiagnosticCode code, TemplatePath path, Optional<SourcePosition> position,
                                 String message) {
        super(message, null, false, false);
        this.code = code;
        this.path = path;
        this.position = position;
    }

    public DiagnosticCode code() {
        return code;
    }

    public TemplatePath path() {
        return path;
    }

    public Optional<SourcePosition> position() {
        return position;
    }

    /** This problem, then every other one found in the same input, in the order found. */
    public List<TemplateReadException> all() {
        List<TemplateReadException> all = new ArrayList<>();
        all.add(this);
        all.addAll(others);
        return all;
    }

    /** The first of {@code problems} (not empty), carrying the rest. */
    static TemplateReadException of(List<TemplateReadException> problems) {
        TemplateReadException first = problems.get(0);
        first.others = List.copyOf(problems.subList(1, problems.size()));
        return first;
    }
}
