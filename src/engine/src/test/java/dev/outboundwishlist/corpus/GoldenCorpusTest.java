package dev.outboundwishlist.corpus;

import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.statemachine.DefinitionLocator;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.testing.AslStructure;
import dev.outboundwishlist.testing.GeneratedIam;
import dev.outboundwishlist.testing.GeneratedIngress;
import dev.outboundwishlist.testing.GeneratedNames;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's memory: every behaviour is an input template beside its expected output or its
 * exact diagnostics. Each successful case is also checked to be deterministic (same bytes twice),
 * idempotent (expanding the output changes nothing), to hold only structurally valid state
 * machine definitions, to add no IAM wildcard the user did not write, and to open no way in.
 */
class GoldenCorpusTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> corpus() {
        return GoldenCase.all(GoldenCase.ROOT).stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), c.input().toUri(), () -> check(c)));
    }

    private static void check(GoldenCase golden) throws Exception {
        ExpansionResult result = golden.expand();
        if (UPDATE) {
            golden.update(result);
        }
        assertThat(golden.actualDiagnostics(result)).as("diagnostics of " + golden)
                .isEqualTo(golden.expectedDiagnostics());
        Optional<String> actual = golden.actualTemplate(result);
        Optional<String> expected = golden.expectedTemplate();
        assertThat(actual.isPresent()).as(golden + " expands (expected file present)").isEqualTo(expected.isPresent());
        if (actual.isEmpty()) {
            return;
        }
        assertThat(actual.get()).as("expanded " + golden).isEqualTo(expected.get());
        assertThat(golden.actualTemplate(golden.expand())).as("deterministic " + golden).contains(actual.get());
        Template again = TemplateReader.read(golden.name(), actual.get().getBytes(StandardCharsets.UTF_8),
                Optional.of(golden.folder()));
        ExpansionResult second = Engine.standard().run(again, golden.environment());
        assertThat(golden.actualTemplate(second)).as("idempotent " + golden).contains(actual.get());
        JsonNode input = TemplateReader.read(golden.input()).root();
        assertThat(GeneratedIam.wildcards(input, again.root())).as("generated IAM of " + golden).isEmpty();
        assertThat(GeneratedIngress.problems(input, again.root())).as("generated ingress of " + golden).isEmpty();
        assertThat(GeneratedNames.problems(input, again.root())).as("generated names of " + golden).isEmpty();
        ExpansionContext context = new ExpansionContext(again, Settings.DEFAULTS, golden.environment(),
                new LogicalIdAllocator(again.root()), new Diagnostics(again.sourceMap()));
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            assertThat(AslStructure.problems(site.definition())).as("ASL of " + site.property() + " in " + golden)
                    .isEmpty();
        }
    }
}
