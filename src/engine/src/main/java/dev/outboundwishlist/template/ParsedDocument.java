package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed document before it is checked to be a template: its value and positions. */
record ParsedDocument(JsonNode value, SourceMap sourceMap, TemplateFormat format) {
}
