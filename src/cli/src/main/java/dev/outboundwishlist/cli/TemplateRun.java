package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.engine.ExpansionResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One template file read and expanded: the file as the user named it, and the result. */
record TemplateRun(String file, ExpansionResult result) {

    /** Never throws: an internal fault becomes an OWL999 finding, so other files are still checked. */
    static TemplateRun of(Path file, Environment environment, Lookups lookups) {
        String name = shown(file);
        try {
            return new TemplateRun(name, Engine.standard(lookups).run(file, environment));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            Diagnostic fault = Diagnostic.of(DiagnosticCode.INTERNAL, TemplatePath.ROOT,
                    "could not be processed because of an internal fault (" + e + "); please report it");
            return new TemplateRun(name, new ExpansionResult(TemplateFormat.YAML, Optional.empty(),
                    List.of(fault), 0, 0));
        }
    }

    /** An empty name is shown as '' (as cat and ls show it), so a report line never starts with a bare colon. */
    static String shown(Path file) {
        String name = file.toString();
        return name.isEmpty() ? "''" : name;
    }

    List<Diagnostic> diagnostics() {
        return result.diagnostics();
    }
}
