package dev.outboundwishlist.template;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.util.Optional;

/** The input could not be read as a template; carries one clear, positioned reason. */
public final class TemplateReadException extends Exception {

    private final DiagnosticCode code;
    private final TemplatePath path;
    private final Optional<SourcePosition> position;

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
}
