package dev.outboundwishlist.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.network.NetworkPlans;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A template as written beside its expansion, for the commands that show what an expansion does
 * ({@code diagram}, {@code plan}). Diagnostics go to standard error, as {@code expand} reports them.
 */
record ExpandedTemplate(Template written, ObjectNode expanded, Environment environment, Lookups lookups) {

    /** Empty when the template has errors (they have been reported). */
    static Optional<ExpandedTemplate> of(Path path, StackOptions stack, CommandLine commandLine) {
        Environment environment = stack.environment(commandLine);
        Lookups lookups = stack.lookups();
        Template written;
        Template toExpand;
        try {
            written = TemplateReader.read(path);
            toExpand = TemplateReader.read(path);
        } catch (TemplateReadException e) {
            TextReport.write(new TemplateRun(TemplateRun.shown(path), Engine.standard().run(path, environment)),
                    commandLine.getErr());
            return Optional.empty();
        }
        ExpansionResult result = Engine.standard(lookups).run(toExpand, environment);
        TextReport.write(new TemplateRun(TemplateRun.shown(path), result), commandLine.getErr());
        return result.template().map(expanded -> new ExpandedTemplate(written, expanded, environment, lookups));
    }

    /** The network plan of the fenced functions, asked with the same environment and lookups as the expansion. */
    Optional<NetworkPlan> network() {
        return NetworkPlans.of(written, environment, lookups);
    }
}
