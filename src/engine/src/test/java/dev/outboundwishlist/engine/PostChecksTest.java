package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostChecksTest {

    private static ExpansionResult run(int resources) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode section = root.putObject("Resources");
        for (int i = 0; i < resources; i++) {
            section.putObject("Queue" + i).put("Type", "AWS::SQS::Queue");
        }
        Template template = new Template("t.yaml", TemplateFormat.YAML, root, SourceMap.NONE, Optional.empty());
        return Engine.standard().run(template, Environment.offline());
    }

    @Test
    void anExpandedTemplateOverOneMegabyteIsAnError() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("Description", "x".repeat(1_048_576));
        root.putObject("Resources").putObject("Queue").put("Type", "AWS::SQS::Queue");
        Template template = new Template("t.yaml", TemplateFormat.YAML, root, SourceMap.NONE, Optional.empty());
        ExpansionResult result = Engine.standard().run(template, Environment.offline());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.pathAndMessage())
                .isEqualTo("would be 1048643 bytes once expanded; CloudFormation accepts at most 1048576 (1 MB); "
                        + "split the stack or use nested stacks"));
    }

    @Test
    void fiveHundredResourcesAreFine() {
        assertThat(run(500).succeeded()).isTrue();
    }

    @Test
    void moreThanFiveHundredIsAnErrorThatSaysHowMany() {
        ExpansionResult result = run(501);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.pathAndMessage())
                .isEqualTo("Resources: would hold 501 resources after expansion; CloudFormation allows 500 in one "
                        + "template (split the stack or use nested stacks)"));
    }

    @Test
    void theRolesTheSamTransformAddsCountToo() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode section = root.putObject("Resources");
        for (int i = 0; i < 497; i++) {
            section.putObject("Queue" + i).put("Type", "AWS::SQS::Queue");
        }
        for (String id : new String[] {"Worker", "Reporter"}) {
            section.putObject(id).put("Type", "AWS::Serverless::Function").putObject("Properties")
                    .put("Runtime", "python3.12").put("Handler", "index.handler").put("InlineCode", "x");
        }
        section.with("Worker").with("Properties").put("Role", "arn:aws:iam::123456789012:role/worker");
        assertThat(Engine.standard().run(new Template("t.yaml", TemplateFormat.YAML, root.deepCopy(), SourceMap.NONE,
                Optional.empty()), Environment.offline()).succeeded()).as("499 + 1 role").isTrue();
        section.with("Worker").with("Properties").remove("Role");
        ExpansionResult result = Engine.standard().run(new Template("t.yaml", TemplateFormat.YAML, root,
                SourceMap.NONE, Optional.empty()), Environment.offline());
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.pathAndMessage())
                .isEqualTo("Resources: would hold 499 resources after expansion, and 501 once the SAM transform "
                        + "adds the 2 roles it generates (one per SAM function or state machine without Role); "
                        + "CloudFormation allows 500 in one template (split the stack or use nested stacks)"));
    }
}
