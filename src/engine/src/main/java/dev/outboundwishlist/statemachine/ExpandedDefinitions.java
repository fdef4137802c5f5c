package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;

import java.util.ArrayList;
import java.util.List;

/**
 * Each state machine definition of an expanded template beside the same definition as written,
 * for the tools that show what an expansion changed (diagrams, plans).
 *
 * @param name     the machine's logical id, with the Fn::If branch when the definition has several
 * @param site     where the expanded definition sits
 * @param written  the definition as the user wrote it (the expanded one when it cannot be paired)
 */
public record ExpandedDefinitions(String name, DefinitionSite site, ObjectNode written) {

    public ObjectNode expanded() {
        return site.definition();
    }

    /**
     * @param written  the template as read, before expansion (not changed)
     * @param expanded the expanded template
     */
    public static List<ExpandedDefinitions> of(Template written, ObjectNode expanded) {
        List<DefinitionSite> before = sites(written);
        List<ExpandedDefinitions> pairs = new ArrayList<>();
        for (DefinitionSite site : sites(new Template(written.sourceName(), written.format(), expanded,
                SourceMap.NONE, written.baseDirectory()))) {
            ObjectNode original = before.stream()
                    .filter(b -> b.resourceId().equals(site.resourceId()) && b.branches().equals(site.branches()))
                    .map(DefinitionSite::definition).findFirst().orElse(site.definition());
            pairs.add(new ExpandedDefinitions(nameOf(site), site, original));
        }
        return pairs;
    }

    private static String nameOf(DefinitionSite site) {
        if (site.branches().isEmpty()) {
            return site.resourceId();
        }
        List<Object> segments = site.property().segments();
        return site.resourceId() + " (" + segments.subList(3, segments.size()).stream().map(String::valueOf)
                .reduce((a, b) -> a + "/" + b).orElse("") + ")";
    }

    private static List<DefinitionSite> sites(Template template) {
        ExpansionContext context = new ExpansionContext(template, Settings.DEFAULTS, Environment.offline(),
                new LogicalIdAllocator(template.root()), new Diagnostics(SourceMap.NONE));
        return DefinitionLocator.locate(context);
    }
}
