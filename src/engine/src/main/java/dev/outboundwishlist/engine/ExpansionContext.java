package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.Template;

/** What an extension may read and use while it validates and expands one template. */
public record ExpansionContext(Template template, Settings settings, Environment environment,
                               LogicalIdAllocator logicalIds, Diagnostics diagnostics) {

    public ObjectNode root() {
        return template.root();
    }

    /** The template's resources, or an empty mapping if it has none (structure checks report that). */
    public ObjectNode resources() {
        return root().get("Resources") instanceof ObjectNode resources ? resources : root().objectNode();
    }
}
