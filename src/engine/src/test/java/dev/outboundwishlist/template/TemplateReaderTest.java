package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateReaderTest {

    private static Template yaml(String text) throws TemplateReadException {
        return TemplateReader.read("t.yaml", text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static JsonNode value(String yamlValue) throws TemplateReadException {
        return yaml("Resources: {}\nV: " + yamlValue + "\n").root().get("V");
    }

    @Test
    void scalarGetAttSplitsAtTheFirstDotOnly() throws TemplateReadException {
        assertThat(value("!GetAtt Stack.Outputs.Arn").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Stack\",\"Outputs.Arn\"]}");
        assertThat(value("!GetAtt [Role, Arn]").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}");
    }

    @Test
    void tagsOnEachKindOfNode() throws TemplateReadException {
        assertThat(value("!Ref Env").toString()).isEqualTo("{\"Ref\":\"Env\"}");
        assertThat(value("!Condition IsProd").toString()).isEqualTo("{\"Condition\":\"IsProd\"}");
        assertThat(value("!Sub [a, {b: c}]").toString()).isEqualTo("{\"Fn::Sub\":[\"a\",{\"b\":\"c\"}]}");
        assertThat(value("!Transform {Name: X}").toString()).isEqualTo("{\"Fn::Transform\":{\"Name\":\"X\"}}");
        assertThat(value("!Anything 5").toString()).isEqualTo("{\"Fn::Anything\":\"5\"}");
    }

    @Test
    void plainScalarsKeepTheirWrittenType() throws TemplateReadException {
        assertThat(value("2010-09-09").isTextual()).isTrue();
        assertThat(value("'0123'").textValue()).isEqualTo("0123");
        assertThat(value("0123").textValue()).isEqualTo("0123");
        assertThat(value("'1e3'").isTextual()).isTrue();
        assertThat(value("1e3").isNumber()).isTrue();
        assertThat(value("'yes'").isTextual()).isTrue();
        assertThat(value("yes").textValue()).isEqualTo("yes");
        assertThat(value("'null'").isTextual()).isTrue();
        assertThat(value("null").isNull()).isTrue();
        assertThat(value("False").isBoolean()).isTrue();
        assertThat(value("12").isInt()).isTrue();
        assertThat(value("1.50").decimalValue().toString()).isEqualTo("1.50");
        assertThat(value("!!str 12").textValue()).isEqualTo("12");
        assertThat(value("!!int '12'").isInt()).isTrue();
    }

    @Test
    void keysKeepTheirOrder() throws TemplateReadException {
        Template template = yaml("Resources: {}\nZ: 1\nA: 2\nM: 3\n");
        assertThat(template.root().fieldNames()).toIterable().containsExactly("Resources", "Z", "A", "M");
    }

    @Test
    void everyValueKnowsItsPosition() throws TemplateReadException {
        Template template = yaml("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      Tags:\n        - Key: a\n          Value: !Sub '${X}'\n");
        SourceMap map = template.sourceMap();
        assertThat(map.exact(TemplatePath.of("Resources", "Queue", "Type"))).hasValueSatisfying(p -> assertThat(p).hasToString("3:5"));
        assertThat(map.exact(TemplatePath.of("Resources", "Queue", "Properties", "Tags", 0))).hasValueSatisfying(p -> assertThat(p).hasToString("6:11"));
        assertThat(map.exact(TemplatePath.of("Resources", "Queue", "Properties", "Tags", 0, "Value"))).hasValueSatisfying(p -> assertThat(p).hasToString("7:11"));
        assertThat(map.nearest(TemplatePath.of("Resources", "Queue", "Properties", "Tags", 0, "Value", "Fn::Sub", "x")))
                .hasValueSatisfying(p -> assertThat(p).hasToString("7:18"));
    }

    @Test
    void jsonPositionsAreKeptToo() throws TemplateReadException {
        Template template = TemplateReader.read("t.json",
                "{\n  \"Resources\": {\n    \"Q\": {\"Type\": \"AWS::SQS::Queue\"}\n  }\n}".getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        assertThat(template.format()).isEqualTo(TemplateFormat.JSON);
        assertThat(template.sourceMap().exact(TemplatePath.of("Resources", "Q", "Type")))
                .hasValueSatisfying(p -> assertThat(p).hasToString("3:11"));
    }

    @Test
    void aFlowMappingWithoutAFileNameIsYamlWhenItIsNotJson() throws TemplateReadException {
        Template template = TemplateReader.read("fragment", "{Resources: {Q: {Type: X}}}".getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        assertThat(template.format()).isEqualTo(TemplateFormat.YAML);
    }
}
