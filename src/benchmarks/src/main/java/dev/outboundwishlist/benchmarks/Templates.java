package dev.outboundwishlist.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateWriter;
import dev.outboundwishlist.testing.TemplateGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The inputs of every measurement: the wish-list sample and generated templates, as YAML bytes or documents. */
final class Templates {

    /** The wish list's global-catch workflow, as bundled. */
    static final Path WISHLIST = Path.of("samples/3-global-catch/template.yaml");

    private Templates() {
    }

    static byte[] yaml(String name) {
        try {
            if (name.equals("wishlist")) {
                return Files.readAllBytes(WISHLIST);
            }
            return TemplateWriter.write(TemplateGenerator.largest(), TemplateFormat.YAML).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root: " + e.getMessage(), e);
        }
    }

    /** A template built in memory: sizes past the 1 MB file limit can be measured too. */
    static Template inMemory(ObjectNode root) {
        return new Template("generated", TemplateFormat.YAML, root, SourceMap.NONE, Optional.empty());
    }
}
