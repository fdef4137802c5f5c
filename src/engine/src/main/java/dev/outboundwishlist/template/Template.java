package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A template as CloudFormation sees it: a JSON document in which short-form YAML tags have
 * become their long form ({@code !Sub x} is {@code {"Fn::Sub": "x"}}), plus where each value
 * came from. The document is mutable so extensions can expand it in place.
 *
 * @param baseDirectory the folder relative paths in the template (such as a local
 *                      {@code DefinitionUri}) are read from; absent for a macro event
 */
public record Template(String sourceName, TemplateFormat format, ObjectNode root, SourceMap sourceMap,
                       Optional<Path> baseDirectory) {
}
