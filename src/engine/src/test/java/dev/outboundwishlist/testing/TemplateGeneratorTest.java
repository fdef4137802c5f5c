package dev.outboundwishlist.testing;

import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark templates are valid input, and the largest stays within CloudFormation's limits. */
class TemplateGeneratorTest {

    private static ExpansionResult expand(int functions, int machines, int states) {
        var root = TemplateGenerator.template(functions, machines, states);
        return Engine.standard().run(new Template("generated", TemplateFormat.YAML, root, SourceMap.NONE,
                Optional.empty()), Environment.offline());
    }

    @Test
    void aGeneratedTemplateExpandsCleanly() {
        ExpansionResult result = expand(3, 2, 41);
        assertThat(result.diagnostics()).filteredOn(d -> d.isError()).isEmpty();
        var definition = result.template().orElseThrow().at("/Resources/Machine0/Properties/Definition");
        assertThat(AslStructure.problems((com.fasterxml.jackson.databind.node.ObjectNode) definition)).isEmpty();
        assertThat(definition.at("/States/Step3/Credentials/RoleArn").asText()).startsWith("arn:aws:iam::210987654321:role/");
    }

    @Test
    void theLargestGeneratedTemplateFitsTheLimits() {
        var root = TemplateGenerator.largest();
        assertThat(TemplateWriter.json(root, false).getBytes(StandardCharsets.UTF_8).length).isLessThan(1_048_576);
        ExpansionResult result = expand(150, 20, 150);
        assertThat(result.succeeded()).isTrue();
        assertThat(TemplateWriter.json(result.template().get(), false).getBytes(StandardCharsets.UTF_8).length)
                .isBetween(900_000, 1_048_576);
    }
}
