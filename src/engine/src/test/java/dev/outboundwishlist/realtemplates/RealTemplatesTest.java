package dev.outboundwishlist.realtemplates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.template.TemplateWriter;
import dev.outboundwishlist.testing.JsonEquality;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real public templates without extensions pass through unchanged in meaning: parsing the input
 * and the output (YAML and JSON) gives the same document, and the YAML uses short-form tags.
 * The folder lives beside the repository ({@code ../shared/real-templates}) or where the system
 * property {@code realTemplates.dir} says; without it these tests are skipped, so a user's build
 * does not need it.
 */
class RealTemplatesTest {

    /** A long-form intrinsic, unless its argument is itself short-form (a node takes one tag). */
    private static final Pattern LONG_FORM_LINE = Pattern.compile("^\\s*(- )?(Ref|Fn::[A-Za-z]+):(?! !).*");

    @TestFactory
    Stream<DynamicTest> realTemplatesPassThroughUnchanged() throws IOException {
        Optional<Path> folder = folder();
        Assumptions.assumeTrue(folder.isPresent(), "no real-templates folder beside the repository");
        List<Path> templates;
        try (Stream<Path> files = Files.walk(folder.get(), 2)) {
            templates = files.filter(p -> p.getFileName().toString().matches("template\\.(ya?ml|json)")).sorted().toList();
        }
        assertThat(templates).isNotEmpty();
        return templates.stream().map(t -> DynamicTest.dynamicTest(folder.get().relativize(t).toString(), () -> check(t)));
    }

    private static void check(Path file) throws Exception {
        Template template = TemplateReader.read(file);
        JsonNode original = template.root().deepCopy();
        ExpansionResult result = Engine.standard().run(template, Environment.offline());
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        ObjectNode expanded = result.template().orElseThrow();
        for (TemplateFormat format : TemplateFormat.values()) {
            String text = TemplateWriter.write(expanded, format);
            Template reread = TemplateReader.read(file.getFileName() + "." + format.name().toLowerCase(),
                    text.getBytes(StandardCharsets.UTF_8), Optional.empty());
            assertThat(JsonEquality.same(reread.root(), original)).as(format + " output of " + file).isTrue();
            if (format == TemplateFormat.YAML) {
                assertThat(text.lines().filter(l -> LONG_FORM_LINE.matcher(l).matches()))
                        .as("long-form intrinsics left in YAML of " + file).isEmpty();
            }
        }
    }

    static Optional<Path> folder() {
        String configured = System.getProperty("realTemplates.dir");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("macro-handler")) && Files.exists(dir.resolve("pom.xml"))) {
                Path shared = dir.resolveSibling("shared").resolve("real-templates");
                return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
