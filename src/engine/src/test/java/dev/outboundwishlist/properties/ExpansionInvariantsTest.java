package dev.outboundwishlist.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.plan.ExpansionPlan;
import dev.outboundwishlist.template.SourceMap;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.template.TemplateWriter;
import dev.outboundwishlist.testing.RandomTemplates;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Invariants of every expansion, checked over random templates ({@link RandomTemplates}): 200
 * cases in {@code mvn verify}, {@code -Dinvariants.cases=100000} for a long run. Each case is
 * drawn from a seed of its own, which its name shows: {@code -Dinvariants.seed=N} runs that case
 * alone, so a failure is reproduced from its name.
 */
class ExpansionInvariantsTest {

    private static final long SEED = 20261203;
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** The seeds of the cases: derived from {@link #SEED}, or the one given to reproduce a case. */
    private static LongStream seeds() {
        Long one = Long.getLong("invariants.seed");
        if (one != null) {
            return LongStream.of(one);
        }
        Random seeds = new Random(SEED);
        return LongStream.generate(seeds::nextLong).limit(Integer.getInteger("invariants.cases", 200));
    }

    /** One test per case, named by its seed. */
    private static Stream<DynamicTest> eachCase(ThrowingConsumer<ObjectNode> property) {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> property.accept(RandomTemplates.template(new Random(seed)))));
    }

    @TestFactory
    Stream<DynamicTest> noExceptionEscapesAndErrorsMeanNoTemplate() {
        return eachCase(ExpansionInvariantsTest::noExceptionEscapesAndErrorsMeanNoTemplate);
    }

    @TestFactory
    Stream<DynamicTest> deterministicAndIdempotent() {
        return eachCase(ExpansionInvariantsTest::deterministicAndIdempotent);
    }

    @TestFactory
    Stream<DynamicTest> everythingNotConsumedIsKept() {
        return eachCase(ExpansionInvariantsTest::everythingNotConsumedIsKept);
    }

    @TestFactory
    Stream<DynamicTest> noExtensionKeyIsLeftAndEveryReferenceResolves() {
        return eachCase(ExpansionInvariantsTest::noExtensionKeyIsLeftAndEveryReferenceResolves);
    }

    @TestFactory
    Stream<DynamicTest> theResourceCountIsThePlansAndWithinTheLimit() {
        return eachCase(ExpansionInvariantsTest::theResourceCountIsThePlansAndWithinTheLimit);
    }

    private static ExpansionResult expand(ObjectNode template) {
        return Engine.standard().run(new Template("random", TemplateFormat.YAML, template.deepCopy(), SourceMap.NONE,
                Optional.empty()), Environment.offline());
    }

    /**
     * The cases are worth their time: most expand, many add resources, and some meet errors of
     * each extension (so the checks below see both sides).
     */
    @Test
    void theCasesReachEveryOutcome() {
        assumeTrue(Long.getLong("invariants.seed") == null, "a single case reaches one outcome");
        Map<String, Integer> outcomes = new TreeMap<>();
        seeds().mapToObj(seed -> expand(RandomTemplates.template(new Random(seed)))).forEach(result -> {
            boolean errors = result.diagnostics().stream().anyMatch(Diagnostic::isError);
            outcomes.merge(errors ? "errors" : result.resourcesAfter() > result.resourcesBefore()
                    ? "expanded, resources added" : "expanded", 1, Integer::sum);
            result.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().id().substring(0, 4))
                    .distinct().forEach(family -> outcomes.merge(family + "xx errors", 1, Integer::sum));
        });
        System.out.println("Outcomes of " + seeds().count() + " random templates: " + outcomes);
        assertThat(outcomes).as("outcomes of the cases").containsKeys("errors", "expanded",
                "expanded, resources added", "OWL2xx errors", "OWL3xx errors", "OWL4xx errors");
        assertThat(outcomes.get("expanded, resources added")).as("cases that add resources, of %s", outcomes)
                .isGreaterThan((int) seeds().count() / 2);
    }

    private static void noExceptionEscapesAndErrorsMeanNoTemplate(ObjectNode template) {
        ExpansionResult result = expand(template);
        boolean errors = result.diagnostics().stream().anyMatch(Diagnostic::isError);
        assertThat(result.template().isPresent()).as("a template exactly when there is no error: %s",
                result.diagnostics()).isEqualTo(!errors);
        assertThat(result.diagnostics()).as("no internal fault").noneMatch(d -> d.code().id().equals("OWL999"));
    }

    private static void deterministicAndIdempotent(ObjectNode template) throws Exception {
        ExpansionResult first = expand(template);
        if (first.template().isEmpty()) {
            return;
        }
        String written = TemplateWriter.write(first.template().get(), TemplateFormat.YAML);
        assertThat(TemplateWriter.write(expand(template).template().orElseThrow(), TemplateFormat.YAML))
                .as("deterministic").isEqualTo(written);
        Template again = TemplateReader.read("again", written.getBytes(StandardCharsets.UTF_8), Optional.empty());
        ExpansionResult second = Engine.standard().run(again, Environment.offline());
        assertThat(second.template().map(t -> TemplateWriter.write(t, TemplateFormat.YAML))).as("idempotent")
                .contains(written);
    }

    /** What the user wrote stays as written, except the extension keys the expansion consumes. */
    private static void everythingNotConsumedIsKept(ObjectNode template) {
        Optional<ObjectNode> expanded = expand(template).template();
        if (expanded.isEmpty()) {
            return;
        }
        List<String[]> leaves = new ArrayList<>();
        RandomTemplates.leaves(template, "", leaves);
        for (String[] leaf : leaves) {
            String pointer = leaf[0];
            if (consumed(pointer)) {
                continue;
            }
            JsonNode kept = expanded.get().at(pointer.replace("/Transform/0", "/Transform/-"));
            if (pointer.startsWith("/Transform/")) {
                continue; // OutboundWishlist leaves the list; the SAM transform stays (checked elsewhere)
            }
            assertThat(kept.isMissingNode() ? null : kept.toString()).as("%s kept", pointer).isEqualTo(leaf[1]);
        }
    }

    /**
     * Keys an extension consumes: OutboundNetworkAccess, the settings, definition-level Catch and
     * Retry, a task's RoleArn (moved into Credentials), and a state's own Catch/Retry lists, into
     * which definition-level entries are merged (checked by the golden corpus, entry by entry).
     */
    private static boolean consumed(String pointer) {
        return pointer.contains("/OutboundNetworkAccess") || pointer.startsWith("/Metadata/OutboundWishlist")
                || pointer.matches(".*/Definition(/States/[^/]+/(Branches/\\d+|ItemProcessor|Iterator))*/(Catch|Retry)(/.*)?")
                || pointer.matches(".*/States/[^/]+/(RoleArn|Catch|Retry)(/.*)?");
    }

    private static void noExtensionKeyIsLeftAndEveryReferenceResolves(ObjectNode template) {
        Optional<ObjectNode> expanded = expand(template).template();
        if (expanded.isEmpty()) {
            return;
        }
        ObjectNode root = expanded.get();
        assertThat(root.toString()).doesNotContain("\"OutboundNetworkAccess\"");
        assertThat(root.at("/Metadata/OutboundWishlist").isMissingNode()).isTrue();
        Set<String> names = new HashSet<>(PSEUDO);
        root.path("Parameters").fieldNames().forEachRemaining(names::add);
        Set<String> resources = new HashSet<>();
        root.path("Resources").fieldNames().forEachRemaining(resources::add);
        names.addAll(resources);
        Set<String> conditions = new HashSet<>();
        root.path("Conditions").fieldNames().forEachRemaining(conditions::add);
        List<String> unresolved = new ArrayList<>();
        references(root, names, resources, conditions, unresolved, "");
        assertThat(unresolved).as("references to nothing").isEmpty();
        for (JsonNode resource : root.path("Resources")) {
            JsonNode definition = resource.path("Properties").path("Definition");
            if (definition.isObject()) {
                assertThat(definition.has("Catch") || definition.has("Retry")).as("definition-level keys left")
                        .isFalse();
            }
        }
    }

    private static void references(JsonNode node, Set<String> names, Set<String> resources, Set<String> conditions,
                                   List<String> unresolved, String at) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref" -> check(value.isTextual() && names.contains(value.textValue()), unresolved, at, value);
                    case "Fn::GetAtt" -> check(value.isArray() && resources.contains(value.path(0).asText()),
                            unresolved, at, value);
                    case "DependsOn" -> (value.isArray() ? value : List.of(value)).forEach(target ->
                            check(resources.contains(target.asText()), unresolved, at, target));
                    case "Condition" -> {
                        if (value.isTextual()) {
                            check(conditions.contains(value.textValue()), unresolved, at, value);
                        }
                    }
                    case "Fn::Sub" -> {
                        JsonNode text = value.isArray() ? value.path(0) : value;
                        Set<String> local = new HashSet<>(names);
                        if (value.isArray()) {
                            value.path(1).fieldNames().forEachRemaining(local::add);
                        }
                        Matcher variable = SUB_VARIABLE.matcher(text.asText());
                        while (variable.find()) {
                            String name = variable.group(1).split("\\.")[0];
                            check(local.contains(name), unresolved, at, text);
                        }
                    }
                    default -> {
                    }
                }
                references(value, names, resources, conditions, unresolved, at + "/" + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), names, resources, conditions, unresolved, at + "/" + i);
            }
        }
    }

    private static void check(boolean resolves, List<String> unresolved, String at, JsonNode value) {
        if (!resolves) {
            unresolved.add(at + ": " + value);
        }
    }

    /** What the engine counts, what the plan says was added, and the 500-resource limit agree. */
    private static void theResourceCountIsThePlansAndWithinTheLimit(ObjectNode template) {
        ExpansionResult result = expand(template);
        if (result.template().isEmpty()) {
            return;
        }
        ObjectNode expanded = result.template().get();
        Template written = new Template("random", TemplateFormat.YAML, template.deepCopy(), SourceMap.NONE,
                Optional.empty());
        ExpansionPlan plan = ExpansionPlan.of(written, expanded, Optional.empty());
        int added = plan.addedResources().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(expanded.path("Resources").size()).isEqualTo(result.resourcesAfter())
                .isEqualTo(template.path("Resources").size() + added).isLessThanOrEqualTo(500);
    }
}
