package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The macro contract, driven by macro event files as CloudFormation sends them. */
class MacroHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> log = new ArrayList<>();

    private static byte[] event(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/events", name));
    }

    @Test
    void aValidTemplateComesBackAsTheFragment() throws IOException {
        ObjectNode response = new MacroHandler().handle(event("sample-success.json"), log::add);
        JsonNode event = JSON.readTree(event("sample-success.json"));
        assertThat(response.get("requestId").asText()).isEqualTo("5f7a2c1e-6c8b-4d3e-9a1f-1b2c3d4e5f60");
        assertThat(response.get("status").asText()).isEqualTo("success");
        assertThat(response.get("fragment")).isEqualTo(event.get("fragment"));
        assertThat(response.has("errorMessage")).isFalse();
    }

    /** A macro event as CloudFormation would send it for a bundled sample: the template without Transform. */
    @Test
    void theGlobalCatchSampleExpands() throws Exception {
        Template sample = TemplateReader.read(Path.of("../samples/3-global-catch/template.yaml"));
        ObjectNode fragment = sample.root().deepCopy();
        fragment.remove("Transform");
        ObjectNode event = JSON.createObjectNode();
        event.put("region", "us-east-1").put("accountId", "123456789012").put("requestId", "sample-1")
                .put("transformId", "123456789012::OutboundWishlist");
        event.set("fragment", fragment);
        event.putObject("params");
        event.putObject("templateParameterValues");
        ObjectNode response = new MacroHandler().handle(JSON.writeValueAsBytes(event), log::add);
        assertThat(response.get("status").asText()).isEqualTo("success");
        JsonNode states = response.at("/fragment/Resources/GlobalCatchStateMachine/Properties/Definition/States");
        assertThat(states.at("/Invoke function 2/Catch/0/Next").asText()).isEqualTo("Catch failure");
        assertThat(response.at("/fragment/Resources/GlobalCatchStateMachine/Properties/Definition").has("Catch")).isFalse();
        assertThat(response.get("fragment").has("Transform")).isFalse();
    }

    @Test
    void aBadTemplateFailsWithEveryErrorInOneMessage() throws IOException {
        ObjectNode response = new MacroHandler().handle(event("bad-template.json"), log::add);
        assertThat(response.get("status").asText()).isEqualTo("failure");
        assertThat(response.has("fragment")).isFalse();
        // The malformed resource stops the expansion, but the others are still checked.
        assertThat(response.get("errorMessage").asText()).isEqualTo("OutboundWishlist found 3 errors: "
                + "[1] Metadata/OutboundWishlist/Network/AvailabilityZones: 12 is not a whole number from 1 to 6 (OWL104) "
                + "[2] Resources/Orphan/Type: is missing; every resource needs a Type such as "
                + "AWS::Serverless::Function (OWL101) "
                + "[3] Resources/Worker/Properties/OutboundNetworkAccess/AllowList: is written with Enabled: false, "
                + "which allows no public destination; remove it, or set Enabled: true (OWL201)");
    }

    @Test
    void withoutTheMalformedResourceTheOthersErrorsRemain() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event("bad-template.json"));
        ((ObjectNode) event.at("/fragment/Resources")).remove("Orphan");
        ObjectNode response = new MacroHandler().handle(JSON.writeValueAsBytes(event), log::add);
        assertThat(response.get("errorMessage").asText()).isEqualTo("OutboundWishlist found 2 errors: "
                + "[1] Metadata/OutboundWishlist/Network/AvailabilityZones: 12 is not a whole number from 1 to 6 (OWL104) "
                + "[2] Resources/Worker/Properties/OutboundNetworkAccess/AllowList: is written with Enabled: false, which "
                + "allows no public destination; remove it, or set Enabled: true (OWL201)");
    }

    @Test
    void parameterValuesNeverReachTheLogOrTheResponse() throws IOException {
        for (String name : List.of("sample-success.json", "bad-template.json")) {
            ObjectNode response = new MacroHandler().handle(event(name), log::add);
            assertThat(response.toString()).doesNotContain("NoEcho-secret");
        }
        assertThat(String.join("\n", log)).doesNotContain("NoEcho-secret").doesNotContain("fragment");
    }

    @Test
    void eachInvocationLogsOneStructuredLine() throws IOException {
        new MacroHandler().handle(event("sample-success.json"), log::add);
        assertThat(log).hasSize(1);
        JsonNode line = JSON.readTree(log.get(0));
        assertThat(line.get("requestId").asText()).isEqualTo("5f7a2c1e-6c8b-4d3e-9a1f-1b2c3d4e5f60");
        assertThat(line.get("status").asText()).isEqualTo("success");
        assertThat(line.get("errors").asInt()).isZero();
        assertThat(line.has("durationMs")).isTrue();
        assertThat(line.get("resourcesAdded").asInt()).isZero();
    }

    @Test
    void anEventWithoutAFragmentFailsWithAMessage() throws IOException {
        ObjectNode response = new MacroHandler().handle(event("no-fragment.json"), log::add);
        assertThat(response.get("status").asText()).isEqualTo("failure");
        assertThat(response.get("requestId").asText()).isEqualTo("9a8b7c6d-0000-1111-2222-333344445555");
        assertThat(response.get("errorMessage").asText()).isEqualTo("the macro event has no fragment");
    }

    @Test
    void aFragmentThatIsNoTemplateFailsWithAMessage() {
        ObjectNode response = new MacroHandler().handle(
                "{\"requestId\":\"r1\",\"fragment\":[1,2]}".getBytes(StandardCharsets.UTF_8), log::add);
        assertThat(response.get("errorMessage").asText())
                .isEqualTo("fragment: is a list; a template must be a mapping of sections such as Resources");
    }

    @Test
    void garbageInputFailsWithAMessage() {
        ObjectNode response = new MacroHandler().handle("not json".getBytes(StandardCharsets.UTF_8), log::add);
        assertThat(response.get("status").asText()).isEqualTo("failure");
        assertThat(response.get("errorMessage").asText()).isEqualTo("the macro event is not valid JSON (at 1:1)");
    }

    /** As the CLI keeps them: no double rounding, no infinity turned into a string. */
    @Test
    void numbersComeBackExactlyAsWritten() throws IOException {
        String numbers = "[0.1000000000000000000000000001, 12345678901234567.5, 1e3, 1e400, 18446744073709551616]";
        ObjectNode response = new MacroHandler().handle(withMetadata(numbers), log::add);
        assertThat(response.get("status").asText()).isEqualTo("success");
        assertThat(JSON.writeValueAsString(response.at("/fragment/Resources/Bucket/Metadata/Numbers")))
                .isEqualTo("[0.1000000000000000000000000001,12345678901234567.5,1E+3,1E+400,18446744073709551616]");
    }

    @Test
    void aDuplicateKeyInTheFragmentIsRefusedByItsPath() {
        ObjectNode response = new MacroHandler().handle(("{\"fragment\": {\"Resources\": {\"B\": "
                + "{\"Type\": \"AWS::S3::Bucket\", \"Type\": \"AWS::SQS::Queue\"}}}, \"requestId\": \"r2\"}")
                .getBytes(StandardCharsets.UTF_8), log::add);
        assertThat(response.get("requestId").asText()).isEqualTo("r2");
        assertThat(response.get("errorMessage").asText()).isEqualTo("the macro event cannot be read: "
                + "fragment/Resources/B/Type: is a duplicate key (first at line 1); CloudFormation rejects templates with "
                + "duplicate keys");
    }

    /** Nesting deeper than the CLI allows is refused alike, and the failure still answers the request. */
    @Test
    void aFragmentNestedTooDeepIsRefusedWithItsRequestId() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        ObjectNode response = new MacroHandler().handle(("{\"fragment\": {\"Resources\": {}, \"Metadata\": " + deep
                + "}, \"requestId\": \"r3\"}").getBytes(StandardCharsets.UTF_8), log::add);
        assertThat(response.get("requestId").asText()).isEqualTo("r3");
        assertThat(response.get("errorMessage").asText()).startsWith("the macro event cannot be read: fragment/Metadata/0/")
                .endsWith("is nested more than 201 levels deep");
    }

    private static byte[] withMetadata(String json) {
        return ("{\"requestId\": \"r1\", \"region\": \"us-east-1\", \"fragment\": {\"Resources\": {\"Bucket\": "
                + "{\"Type\": \"AWS::S3::Bucket\", \"Metadata\": {\"Numbers\": " + json + "}}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anInternalFaultNamesTheRequestButNoTemplateContent() throws IOException {
        Extension broken = new Extension() {
            @Override
            public void validate(ExpansionContext context) {
                throw new IllegalStateException("boom: " + context.root().toString());
            }

            @Override
            public void expand(ExpansionContext context) {
            }
        };
        ObjectNode response = new MacroHandler(new Engine(List.of(broken))).handle(event("sample-success.json"), log::add);
        assertThat(response.get("status").asText()).isEqualTo("failure");
        assertThat(response.get("errorMessage").asText()).isEqualTo("OutboundWishlist failed with an internal fault "
                + "(IllegalStateException) on request 5f7a2c1e-6c8b-4d3e-9a1f-1b2c3d4e5f60; please report it");
        assertThat(log.get(0)).doesNotContain("Orders");
    }

    @Test
    void theStreamEntryPointWritesTheResponseJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MacroHandler().handleRequest(new ByteArrayInputStream(event("sample-success.json")), out, null);
        assertThat(JSON.readTree(out.toByteArray()).get("status").asText()).isEqualTo("success");
    }
}
