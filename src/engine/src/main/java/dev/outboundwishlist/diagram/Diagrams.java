package dev.outboundwishlist.diagram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.statemachine.DefinitionLocator;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;

import java.util.ArrayList;
import java.util.List;

/** The state machines of a template as graphs: the definitions as written beside their expansion. */
public final class Diagrams {

    private Diagrams() {
    }

    /**
     * @param written  the template as read, before expansion (not changed)
     * @param expanded the expanded template
     */
    public static List<StateGraph> stateMachines(Template written, ObjectNode expanded) {
        List<DefinitionSite> before = sites(written);
        List<DefinitionSite> after = sites(new Template(written.sourceName(), written.format(), expanded,
                SourceMap.NONE, written.baseDirectory()));
        List<StateGraph> graphs = new ArrayList<>();
        for (DefinitionSite site : after) {
            ObjectNode original = before.stream()
                    .filter(b -> b.resourceId().equals(site.resourceId()) && b.branches().equals(site.branches()))
                    .map(DefinitionSite::definition).findFirst().orElse(site.definition());
            String name = site.branches().isEmpty() ? site.resourceId()
                    : site.resourceId() + " (" + site.property().segments().subList(3, site.property().segments().size())
                            .stream().map(String::valueOf).reduce((a, b) -> a + "/" + b).orElse("") + ")";
            graphs.add(StateGraph.of(name, original, site.definition()));
        }
        return graphs;
    }

    private static List<DefinitionSite> sites(Template template) {
        ExpansionContext context = new ExpansionContext(template, Settings.DEFAULTS, Environment.offline(),
                new LogicalIdAllocator(template.root()), new Diagnostics(SourceMap.NONE));
        return DefinitionLocator.locate(context);
    }
}
