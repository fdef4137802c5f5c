package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;

import java.nio.file.Path;
import java.util.List;

/** One template file read and expanded: the file as the user named it, and the result. */
record TemplateRun(String file, ExpansionResult result) {

    static TemplateRun of(Path file, Environment environment) {
        return new TemplateRun(file.toString(), Engine.standard().run(file, environment));
    }

    List<Diagnostic> diagnostics() {
        return result.diagnostics();
    }
}
