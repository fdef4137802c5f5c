package dev.outboundwishlist.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.template.TemplateWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates too large to keep as corpus files, built here and run through reader and engine as
 * the macro would: each gives its exact diagnostics, or expands with the user's values intact.
 */
class HostileTemplatesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ObjectNode template() {
        ObjectNode root = JSON.objectNode();
        root.putArray("Transform").add("OutboundWishlist").add("AWS::Serverless-2016-10-31");
        return root;
    }

    private static ObjectNode function(ObjectNode resources, String id) {
        ObjectNode properties = resources.putObject(id).put("Type", "AWS::Serverless::Function").putObject("Properties");
        return properties.put("Runtime", "python3.12").put("Handler", "index.handler").put("InlineCode", "x");
    }

    /** Written as JSON and read back, so positions are real ones, as the CLI would see them. */
    private static ExpansionResult expand(ObjectNode root) throws TemplateReadException {
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        return Engine.standard().run(TemplateReader.read("hostile.json", bytes, Optional.empty()), Environment.offline());
    }

    private static String line(Diagnostic diagnostic) {
        return diagnostic.format("hostile.json");
    }

    @Test
    void tenThousandResourcesAreOverTheLimitWithTheirCount() throws TemplateReadException {
        ObjectNode root = template();
        ObjectNode resources = root.putObject("Resources");
        for (int i = 0; i < 10_000; i++) {
            resources.putObject("Queue" + i).put("Type", "AWS::SQS::Queue");
        }
        function(resources, "Worker").putObject("OutboundNetworkAccess").put("Enabled", false);
        ExpansionResult result = expand(root);
        assertThat(result.template()).isEmpty();
        assertThat(result.diagnostics()).map(HostileTemplatesTest::line).containsExactly(
                "hostile.json:1:64: error OWL902 Resources: would hold 10013 resources after expansion, and 10014 once "
                        + "the SAM transform adds the role it generates (one per SAM function or state machine "
                        + "without Role); CloudFormation allows 500 in one template (split the stack or use nested "
                        + "stacks)");
    }

    @Test
    void aHundredThousandWrongEntriesAreToldByTheFirstHundredAndACount() throws TemplateReadException {
        ObjectNode root = template();
        ArrayNode allowList = function(root.putObject("Resources"), "Worker").putObject("OutboundNetworkAccess")
                .put("Enabled", true).putArray("AllowList");
        for (int i = 0; i < 100_000; i++) {
            allowList.add(1);
        }
        ExpansionResult result = expand(root);
        assertThat(result.template()).isEmpty();
        assertThat(result.diagnostics()).hasSize(101);
        assertThat(line(result.diagnostics().get(0))).isEqualTo("hostile.json:1:255: error OWL201 "
                + "Resources/Worker/Properties/OutboundNetworkAccess/AllowList/0: must be a mapping with Domain or Cidr");
        assertThat(line(result.diagnostics().get(100))).isEqualTo("hostile.json:1:455: error OWL201 "
                + "Resources/Worker/Properties/OutboundNetworkAccess/AllowList/100: and 99900 more OWL201 findings "
                + "from here on, not shown; the first 100 are above");
    }

    @Test
    void anUnknownHandlerInAMachineOfThousandsOfStatesListsTheFirstTwenty() throws TemplateReadException {
        ObjectNode root = template();
        ObjectNode definition = root.putObject("Resources").putObject("Machine")
                .put("Type", "AWS::Serverless::StateMachine").putObject("Properties").putObject("Definition");
        definition.put("StartAt", "S0000").put("Catch", "Nope");
        ObjectNode states = definition.putObject("States");
        for (int i = 0; i < 3_000; i++) {
            states.putObject(String.format("S%04d", i)).put("Type", "Succeed");
        }
        ExpansionResult result = expand(root);
        assertThat(result.diagnostics()).map(HostileTemplatesTest::line).containsExactly("hostile.json:1:173: error "
                + "OWL401 Resources/Machine/Properties/Definition/Catch/Next: 'Nope' is not a state of this definition; "
                + "a catcher can only move to a state of the same States mapping (S0000, S0001, S0002, S0003, S0004, "
                + "S0005, S0006, S0007, S0008, S0009, S0010, S0011, S0012, S0013, S0014, S0015, S0016, S0017, S0018, "
                + "S0019, and 2980 more)");
    }

    @Test
    void aHugeDomainIsQuotedByItsStartOnly() throws TemplateReadException {
        ObjectNode root = template();
        function(root.putObject("Resources"), "Worker").putObject("OutboundNetworkAccess").put("Enabled", true)
                .putArray("AllowList").addObject().put("Domain", "a".repeat(300_000) + ".example.com");
        ExpansionResult result = expand(root);
        assertThat(result.diagnostics()).map(HostileTemplatesTest::line).containsExactly("hostile.json:1:256: error "
                + "OWL201 Resources/Worker/Properties/OutboundNetworkAccess/AllowList/0/Domain: '" + "a".repeat(59)
                + "…' is not a fully qualified host name such as api.example.com");
    }

    @Test
    void aHugeStringTheMacroDoesNotConsumeIsCarriedWhole() throws TemplateReadException {
        String code = "# " + "x".repeat(900_000);
        ObjectNode root = template();
        ObjectNode worker = function(root.putObject("Resources"), "Worker").put("InlineCode", code);
        worker.putObject("OutboundNetworkAccess").put("Enabled", false);
        ExpansionResult result = expand(root);
        assertThat(result.diagnostics()).isEmpty();
        JsonNode expanded = result.template().orElseThrow();
        assertThat(expanded.at("/Resources/Worker/Properties/InlineCode").textValue()).isEqualTo(code);
        assertThat(TemplateWriter.jsonSize(expanded)).isLessThan(1_048_576);
    }
}
