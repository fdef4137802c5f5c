package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Any string survives a YAML round trip, and reads back as a string, whatever it holds. */
class TemplateWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yes", "NO", "on", "~", "null", "true", "1", "-1", "+1", "0x1F", "0o17", "1_000",
        "1:20", "1.5", ".5", "1e3", ".inf", "-.Inf", ".NaN", "2010-09-09", "2001-12-14t21:59:43.10-05:00", "<<", "=",
        "- a", "? a", ": a", "a: b", "a #b", "#a", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "{a}",
        "[a]", "a,b", "a:", "a\nb", "a\n", "a\n\n", "\na", " a\nb", "a\r\nb", "tab\there", "é✓😀", "\u0085", "\u2028",
        "\uFEFFa", "a\u0000b", "\\", "'", "\"", "${AWS::Region}", "arn:aws:s3:::", "!Ref X", "  ", "a  ", "\n", "\n\n"})
    void stringsSurviveTheRoundTrip(String text) throws TemplateReadException {
        ObjectNode root = ScalarTypes.NODES.objectNode();
        root.putObject("Resources");
        root.put("V", text);
        root.putArray("L").add(text).add("x");
        root.putObject("M").put(text.isEmpty() ? "k" : text, "v");
        root.putObject("S").put("Fn::Sub", text);
        for (TemplateFormat format : TemplateFormat.values()) {
            String written = TemplateWriter.write(root, format);
            String name = format == TemplateFormat.JSON ? "t.json" : "t.yaml";
            JsonNode read = TemplateReader.read(name, written.getBytes(StandardCharsets.UTF_8), Optional.empty()).root();
            assertThat(read).as(format + ":\n" + written).isEqualTo(root);
        }
    }

    @Test
    void intrinsicsAreWrittenAsPeopleWriteThem() throws TemplateReadException {
        String yaml = "Resources:\n  A:\n    Type: X\n    Properties:\n      R: !Ref B\n      G: !GetAtt B.Arn\n"
                + "      S: !Select [0, !GetAZs '']\n      J: !Join ['', [a, !Ref B]]\n";
        Template template = TemplateReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertThat(TemplateWriter.write(template.root(), TemplateFormat.YAML)).isEqualTo(yaml);
    }
}
