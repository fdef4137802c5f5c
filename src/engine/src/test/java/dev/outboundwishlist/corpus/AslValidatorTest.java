package dev.outboundwishlist.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.statemachine.DefinitionLocator;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state machine definition the golden corpus expands passes the published ASL validator
 * (the npm package asl-validator). CI installs it and names it in ASL_VALIDATOR; elsewhere this
 * test is skipped. Values only CloudFormation can resolve (intrinsics, placeholders) are given
 * stand-in values first: an ARN (the validator checks Resource values), or 1 where a placeholder
 * stands outside a JSON string.
 */
class AslValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAND_IN = "arn:aws:lambda:us-east-1:123456789012:function:stand-in";

    @TempDir
    Path temp;

    @Test
    void expandedDefinitionsPassTheAslValidator() throws Exception {
        String validator = System.getenv("ASL_VALIDATOR");
        Assumptions.assumeTrue(validator != null && Files.isExecutable(Path.of(validator)),
                "set ASL_VALIDATOR to an installed asl-validator to run this check");
        List<String> command = new ArrayList<>(List.of(validator, "--no-arn-check", "--no-path-check"));
        int count = 0;
        for (GoldenCase golden : GoldenCase.all(GoldenCase.ROOT)) {
            ExpansionResult result = golden.expand();
            if (result.template().isEmpty()) {
                continue;
            }
            Template template = new Template(golden.name(), result.inputFormat(), result.template().get(),
                    SourceMap.NONE, Optional.of(golden.folder()));
            ExpansionContext context = new ExpansionContext(template, Settings.DEFAULTS, golden.environment(),
                    new LogicalIdAllocator(template.root()), new Diagnostics(SourceMap.NONE));
            for (DefinitionSite site : DefinitionLocator.locate(context)) {
                Path file = temp.resolve("definition-" + (++count) + ".json");
                Files.writeString(file, standIns(site.definition()), StandardCharsets.UTF_8);
                command.add("--json-path");
                command.add(file.toString());
            }
        }
        assertThat(count).isGreaterThan(10);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The definition as JSON text with intrinsics and placeholder tokens replaced by plain values. */
    private static String standIns(ObjectNode definition) throws Exception {
        JsonNode copy = replaceIntrinsics(definition.deepCopy());
        return JSON.writeValueAsString(copy)
                .replaceAll("\"\uE001\\d+\uE002\"", "1")
                .replaceAll("\"[^\"]*\uE000\\d+\uE002[^\"]*\"", "\"" + STAND_IN + "\"");
    }

    private static JsonNode replaceIntrinsics(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && (object.has("Ref") || object.fieldNames().next().startsWith("Fn::"))) {
                return JSON.getNodeFactory().textNode(STAND_IN);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(replaceIntrinsics(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceIntrinsics(array.get(i)));
            }
        }
        return node;
    }
}
