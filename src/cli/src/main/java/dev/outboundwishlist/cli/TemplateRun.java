package dev.outboundwishlist.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One template file read and expanded: the output (if any) and everything found. */
record TemplateRun(String file, TemplateFormat inputFormat, Optional<ObjectNode> output, List<Diagnostic> diagnostics) {

    static TemplateRun of(Path file, Environment environment) {
        Template template;
        try {
            template = TemplateReader.read(file);
        } catch (TemplateReadException e) {
            Diagnostic problem = Diagnostic.of(e.code(), e.path(), e.getMessage()).at(e.position());
            return new TemplateRun(file.toString(), TemplateFormat.YAML, Optional.empty(), List.of(problem));
        }
        ExpansionResult result = Engine.standard().run(template, environment);
        return new TemplateRun(file.toString(), template.format(), result.template(), result.diagnostics());
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
