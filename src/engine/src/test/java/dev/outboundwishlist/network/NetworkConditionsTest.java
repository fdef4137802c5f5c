package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Fn::Or takes 2 to 10 conditions: the shared network's condition over more is nested in groups. */
class NetworkConditionsTest {

    /** {@code count} fenced functions, each under its own condition. */
    private static JsonNode expand(int count) throws TemplateReadException {
        StringBuilder yaml = new StringBuilder("Transform: [OutboundWishlist, AWS::Serverless-2016-10-31]\n"
                + "Parameters:\n  Stage: {Type: String}\nConditions:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  C").append(i).append(": !Equals [!Ref Stage, s").append(i).append("]\n");
        }
        yaml.append("Resources:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  F").append(i).append(":\n    Type: AWS::Serverless::Function\n    Condition: C").append(i)
                    .append("\n    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x, "
                            + "OutboundNetworkAccess: {Enabled: false}}\n");
        }
        return Engine.standard().run(TemplateReader.read("t.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8),
                Optional.empty()), Environment.offline()).template().orElseThrow();
    }

    @Test
    void twelveConditionalFunctionsGiveAnOrOfGroupsOfTen() throws TemplateReadException {
        JsonNode template = expand(12);
        assertThat(template.at("/Conditions/OwlFencedFunctionExists").toString()).isEqualTo("{\"Fn::Or\":["
                + "{\"Fn::Or\":[{\"Condition\":\"C0\"},{\"Condition\":\"C1\"},{\"Condition\":\"C2\"},"
                + "{\"Condition\":\"C3\"},{\"Condition\":\"C4\"},{\"Condition\":\"C5\"},{\"Condition\":\"C6\"},"
                + "{\"Condition\":\"C7\"},{\"Condition\":\"C8\"},{\"Condition\":\"C9\"}]},"
                + "{\"Fn::Or\":[{\"Condition\":\"C10\"},{\"Condition\":\"C11\"}]}]}");
        assertThat(template.at("/Resources/OwlVpc/Condition").textValue()).isEqualTo("OwlFencedFunctionExists");
        assertThat(template.at("/Resources/OwlF11SecurityGroup/Condition").textValue()).isEqualTo("C11");
    }

    @Test
    void elevenGiveAGroupOfTenAndOneConditionAlone() throws TemplateReadException {
        JsonNode or = expand(11).at("/Conditions/OwlFencedFunctionExists/Fn::Or");
        assertThat(or).hasSize(2);
        assertThat(or.get(0).get("Fn::Or")).hasSize(10);
        assertThat(or.get(1).toString()).isEqualTo("{\"Condition\":\"C10\"}");
    }
}
