package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;

import java.nio.file.Path;

import java.util.List;
import java.util.Optional;

/**
 * The one entry point shared by the CLI and the macro handler: template in, template out.
 * Data flows one way: check structure and settings, validate every extension, stop with every
 * error if there is any, expand, then check the result.
 */
public final class Engine {

    private final List<Extension> extensions;
    private final Lookups lookups;

    public Engine(List<Extension> extensions, Lookups lookups) {
        this.extensions = List.copyOf(extensions);
        this.lookups = lookups;
    }

    public Engine(List<Extension> extensions) {
        this(extensions, Lookups.OFFLINE);
    }

    /** The engine with every extension this version supports, offline. */
    public static Engine standard() {
        return standard(Lookups.OFFLINE);
    }

    /** The engine with every extension, asking AWS what {@code lookups} can answer. */
    public static Engine standard(Lookups lookups) {
        return new Engine(Extensions.all(), lookups);
    }

    /** Reads and expands a template file; a file that is no template yields its one read error. */
    public ExpansionResult run(Path file, Environment environment) {
        try {
            return run(TemplateReader.read(file), environment);
        } catch (TemplateReadException e) {
            return ExpansionResult.unreadable(e);
        }
    }

    public ExpansionResult run(Template template, Environment environment) {
        ObjectNode root = template.root();
        Diagnostics diagnostics = new Diagnostics(template.sourceMap());
        int before = root.path("Resources").size();
        boolean usable = TemplateStructure.check(root, diagnostics);
        Settings settings = SettingsReader.read(root, diagnostics);
        if (!environment.macroEvent()) {
            TemplateStructure.checkParameterValues(root, environment, diagnostics);
        }
        if (!usable) {
            TemplateStructure.withoutMalformedResources(root).ifPresent(rest -> {
                Template others = new Template(template.sourceName(), template.format(), rest, template.sourceMap(),
                        template.baseDirectory());
                ExpansionContext context = new ExpansionContext(others, settings, environment,
                        new LogicalIdAllocator(rest), diagnostics, lookups);
                extensions.forEach(extension -> extension.validate(context));
            });
            return failed(template, diagnostics, before);
        }
        ExpansionContext context = new ExpansionContext(template, settings, environment,
                new LogicalIdAllocator(root), diagnostics, lookups);
        for (Extension extension : extensions) {
            extension.validate(context);
        }
        if (diagnostics.hasErrors()) {
            if (!environment.macroEvent() && diagnostics.anyExtensionFinding()) {
                TemplateStructure.checkMacroListed(root, diagnostics);
            }
            return failed(template, diagnostics, before);
        }
        // Only a template that does not list the macro needs to know whether anything was expanded.
        boolean listed = environment.macroEvent()
                || TemplateStructure.transformNames(root.get("Transform")).contains(TemplateStructure.MACRO_NAME);
        ObjectNode unexpanded = listed ? null : root.deepCopy();
        for (Extension extension : extensions) {
            extension.expand(context);
        }
        if (!listed && !root.equals(unexpanded)) {
            TemplateStructure.checkMacroListed(root, diagnostics);
        }
        TemplateStructure.removeMacro(root);
        removeSettings(root);
        for (Extension extension : extensions) {
            extension.checkExpanded(context);
        }
        PostChecks.run(context);
        if (diagnostics.hasErrors()) {
            return failed(template, diagnostics, before);
        }
        return new ExpansionResult(template.format(), Optional.of(root), diagnostics.sorted(), before,
                root.path("Resources").size());
    }

    private static ExpansionResult failed(Template template, Diagnostics diagnostics, int before) {
        return new ExpansionResult(template.format(), Optional.empty(), diagnostics.sorted(), before, before);
    }

    /** The settings are consumed by the macro; an emptied Metadata section goes with them. */
    private static void removeSettings(ObjectNode root) {
        JsonNode metadata = root.get("Metadata");
        if (metadata instanceof ObjectNode section && section.has("OutboundWishlist")) {
            section.remove("OutboundWishlist");
            if (section.isEmpty()) {
                root.remove("Metadata");
            }
        }
    }
}
