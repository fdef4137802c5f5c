package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.JsonFields;
import dev.outboundwishlist.template.Template;

/** What an extension may read and use while it validates and expands one template. */
public record ExpansionContext(Template template, Settings settings, Environment environment,
                               LogicalIdAllocator logicalIds, Diagnostics diagnostics, Lookups lookups) {

    /** A context that asks AWS nothing. */
    public ExpansionContext(Template template, Settings settings, Environment environment,
                            LogicalIdAllocator logicalIds, Diagnostics diagnostics) {
        this(template, settings, environment, logicalIds, diagnostics, Lookups.OFFLINE);
    }

    public ObjectNode root() {
        return template.root();
    }

    /** The names in the template's Transform section, in order (empty in a macro event's fragment). */
    public java.util.List<String> transforms() {
        return TemplateStructure.transformNames(root().get("Transform"));
    }

    /** Adds a generated resource right after the one it belongs to, so a reader finds them together. */
    public void addResource(String afterId, String id, ObjectNode resource) {
        JsonFields.insertAfter(resources(), afterId, id, resource);
    }

    /** The template's resources, or an empty mapping if it has none (structure checks report that). */
    public ObjectNode resources() {
        return root().get("Resources") instanceof ObjectNode resources ? resources : root().objectNode();
    }
}
