package dev.outboundwishlist.corpus;

import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.TemplateWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled samples are part of the product: each one expands, and its output is compared
 * with samples-expected/ (reviewed like any golden file; rewritten with -Dgolden.update=true).
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("../../samples");
    private static final Path EXPECTED = Path.of("src/test/resources/samples-expected");

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            return folders.filter(f -> Files.exists(f.resolve("template.yaml"))).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
        }
    }

    private static void check(Path folder) throws IOException {
        ExpansionResult result = Engine.standard().run(folder.resolve("template.yaml"), Environment.offline());
        Path expected = EXPECTED.resolve(folder.getFileName() + ".yaml");
        assertThat(result.template()).as(folder + " expands; " + result.diagnostics()).isPresent();
        String actual = TemplateWriter.write(result.template().get(), result.inputFormat());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
