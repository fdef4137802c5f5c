package dev.outboundwishlist.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.network.NetworkPlans;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagrams of corpus cases, compared exactly with reviewed files (rewritten with
 * -Dgolden.update=true), and the Mermaid text parsed back: every state and transition of the
 * expanded definition is drawn, and exactly the injected catch edges are dashed.
 */
class DiagramTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Path EXPECTED = Path.of("src/test/resources/diagrams");
    private static final Pattern NODE = Pattern.compile("^    (s\\d+_\\d+)\\W+\"(.*)\"\\W*$");
    private static final Pattern EDGE = Pattern.compile("^  (s\\d+_\\d+) (-->|-\\.->)(?:\\|\"[^\"]*\"\\|)? (s\\d+_\\d+)$");

    private record Drawn(Template written, ExpansionResult result, List<StateGraph> graphs) {
    }

    private static Drawn draw(String corpusCase) throws Exception {
        Path input = CORPUS.resolve(corpusCase).resolve("input.yaml");
        Template written = TemplateReader.read(input);
        ExpansionResult result = Engine.standard().run(TemplateReader.read(input), Environment.offline());
        return new Drawn(written, result, Diagrams.stateMachines(written, result.template().orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catch/wish-example", "catch/nested-scopes", "catch/handler-chain", "catch/merge-with-own"})
    void diagramsMatchTheReviewedFiles(String corpusCase) throws Exception {
        List<StateGraph> graphs = draw(corpusCase).graphs();
        String name = corpusCase.replace('/', '-');
        for (String extension : new String[] {"mmd", "dot"}) {
            String actual = extension.equals("mmd") ? MermaidDiagram.of(graphs) : DotDiagram.of(graphs);
            Path expected = EXPECTED.resolve(name + "." + extension);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theWishListExampleShowsThreeDashedCatchEdgesIntoTheSucceedHandler() throws Exception {
        String mermaid = MermaidDiagram.of(draw("catch/wish-example").graphs());
        assertThat(mermaid.lines().filter(l -> l.matches("    s0_\\d\\[\"Invoke function \\d\"\\]"))).hasSize(3);
        assertThat(mermaid).contains("    s0_3([\"Catch failure\"])", "  class s0_3 handler");
        assertThat(mermaid.lines().filter(l -> l.endsWith(" -.->|\"States.ALL\"| s0_3"))).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"catch/nested-scopes", "catch/handler-chain", "catch/merge-with-own", "roles/with-catch"})
    void everyStateAndTransitionIsDrawn(String corpusCase) throws Exception {
        Drawn drawn = draw(corpusCase);
        StateGraph graph = drawn.graphs().get(0);
        Set<String> names = new HashSet<>();
        Set<String> solid = new HashSet<>();
        Set<String> dashed = new HashSet<>();
        for (String line : MermaidDiagram.of(drawn.graphs()).split("\n")) {
            Matcher node = NODE.matcher(line);
            if (node.matches()) {
                names.add(node.group(2));
            }
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                (edge.group(2).equals("-->") ? solid : dashed).add(edge.group(1) + ">" + edge.group(3));
            }
        }
        int states = 0;
        for (StateGraph.ScopeNodes scope : graph.scopes()) {
            states += scope.states().size();
        }
        assertThat(names).hasSize(states);
        for (StateGraph.Edge edge : graph.edges()) {
            assertThat(edge.injected() ? dashed : solid).contains(edge.from() + ">" + edge.to());
        }
        assertThat(solid.size() + dashed.size()).isEqualTo(graph.edges().size());
        JsonNode written = drawn.written().root();
        assertThat(dashed).as("only the expansion's catch edges are dashed in " + written.path("Description"))
                .hasSize((int) graph.edges().stream().filter(StateGraph.Edge::injected).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"network/several-profiles", "network/isolated-services", "network/single-nat-three-zones",
        "network/existing-vpc"})
    void networkDiagramsMatchTheReviewedFilesAndDrawEveryFunctionAndDestination(String corpusCase) throws Exception {
        Template written = TemplateReader.read(CORPUS.resolve(corpusCase).resolve("input.yaml"));
        NetworkPlan plan = NetworkPlans.of(written, Environment.offline(), Lookups.OFFLINE).orElseThrow();
        String name = "network-" + corpusCase.substring("network/".length());
        String mermaid = NetworkDiagram.mermaid(plan);
        for (String extension : new String[] {"mmd", "dot"}) {
            String actual = extension.equals("mmd") ? mermaid : NetworkDiagram.dot(plan);
            Path expected = EXPECTED.resolve(name + "." + extension);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
        for (NetworkPlan.Function function : plan.functions()) {
            assertThat(mermaid).contains("  f_" + function.id() + " --> p_" + function.profile().name() + "\n");
            function.services().forEach(s -> assertThat(mermaid).containsPattern("  f_" + function.id()
                    + " -\\.-> e_" + s.name().replaceAll("[^A-Za-z0-9]", "_") + "\n"));
        }
        for (NetworkPlan.Profile profile : plan.profiles()) {
            assertThat(mermaid.lines().filter(l -> l.startsWith("  internet -->|\"" + profile.name() + "\"|")))
                    .hasSize(profile.entries().size());
            assertThat(mermaid.contains("  p_" + profile.name() + " --> ")).isEqualTo(!profile.isolated());
        }
    }
}
