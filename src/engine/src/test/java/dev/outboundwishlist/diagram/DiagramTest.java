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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    @ValueSource(strings = {"catch/wish-example", "catch/nested-scopes", "catch/handler-chain", "catch/merge-with-own",
        "catch/odd-state-names"})
    void diagramsMatchTheReviewedFiles(String corpusCase) throws Exception {
        List<StateGraph> graphs = draw(corpusCase).graphs();
        String name = corpusCase.replace('/', '-');
        for (String extension : new String[] {"mmd", "dot"}) {
            Diagrams diagrams = new Diagrams(graphs, Optional.empty());
            String actual = extension.equals("mmd") ? diagrams.mermaid() : diagrams.dot();
            Path expected = EXPECTED.resolve(name + "." + extension);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theWishListExampleShowsThreeDashedCatchEdgesIntoTheSucceedHandler() throws Exception {
        String mermaid = MermaidDiagram.of(draw("catch/wish-example").graphs().get(0));
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
        for (String line : MermaidDiagram.of(graph).split("\n")) {
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

    /** Several drawings are one chart (a Mermaid block renders one): each machine and the network a subgraph. */
    @Test
    void namesAreShownAsWrittenNotReadAsMarkupOrEntities() {
        assertThat(MermaidDiagram.text("Say \"<b>hi</b>\" #quot; 100%\nnow"))
                .isEqualTo("Say #quot;#60;b#62;hi#60;/b#62;#quot; #35;quot; 100% now");
    }

    @Test
    void aTemplateWithMachinesAndANetworkIsDrawnAsOneChart() throws Exception {
        Path input = Path.of("../../samples/order-pipeline/template.yaml");
        Template written = TemplateReader.read(input);
        ExpansionResult result = Engine.standard().run(TemplateReader.read(input), Environment.offline());
        List<StateGraph> machines = Diagrams.stateMachines(written, result.template().orElseThrow());
        NetworkPlan plan = NetworkPlans.of(written, Environment.offline(), Lookups.OFFLINE).orElseThrow();
        Diagrams diagrams = new Diagrams(machines, Optional.of(plan));
        for (String extension : new String[] {"mmd", "dot", "md"}) {
            String actual = switch (extension) {
                case "mmd" -> diagrams.mermaid();
                case "dot" -> diagrams.dot();
                default -> diagrams.markdown();
            };
            Path expected = EXPECTED.resolve("samples-order-pipeline." + extension);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
        String mermaid = diagrams.mermaid();
        assertThat(mermaid.lines().filter(l -> l.startsWith("flowchart "))).hasSize(1);
        StateGraph machine = machines.get(0);
        for (StateGraph.ScopeNodes scope : machine.scopes()) {
            for (StateGraph.Node node : scope.states()) {
                assertThat(mermaid).contains("      m1_" + node.id());
            }
        }
        for (StateGraph.Edge edge : machine.edges()) {
            assertThat(mermaid).containsPattern("    m1_" + edge.from() + (edge.injected() ? " -\\.->" : " -->")
                    + ".* m1_" + edge.to() + "\n");
        }
        for (NetworkPlan.Function function : plan.functions()) {
            assertThat(mermaid).contains("    n_f_" + function.id() + " --> n_p_" + function.profile().name() + "\n");
        }
        assertThat(diagrams.only("OrderStateMachine").orElseThrow().mermaid()).isEqualTo(MermaidDiagram.of(machine));
        assertThat(diagrams.only(Diagrams.NETWORK).orElseThrow().mermaid()).isEqualTo(NetworkDiagram.mermaid(plan));
        assertThat(diagrams.only("Elsewhere")).isEmpty();
        assertThat(diagrams.names()).containsExactly("Network", "OrderStateMachine");
    }

    /**
     * Every reviewed Mermaid drawing, and each block of the Markdown one, parses with the published
     * mermaid package. CI installs it (with jsdom) and names its node_modules in
     * MERMAID_NODE_MODULES; elsewhere this test is skipped.
     */
    @Test
    void everyMermaidDrawingParsesWithMermaid(@TempDir Path temp) throws Exception {
        String modules = System.getenv("MERMAID_NODE_MODULES");
        Assumptions.assumeTrue(modules != null && Files.isDirectory(Path.of(modules, "mermaid")),
                "set MERMAID_NODE_MODULES to a node_modules folder holding mermaid and jsdom to run this check");
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/resources/mermaid/parse.mjs")
                .toAbsolutePath().toString()));
        try (var files = Files.list(EXPECTED)) {
            files.filter(f -> f.toString().endsWith(".mmd")).sorted().forEach(f -> command.add(f.toString()));
        }
        String markdown = Files.readString(EXPECTED.resolve("samples-order-pipeline.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        int blocks = 0;
        while (block.find()) {
            Path file = temp.resolve("markdown-block-" + ++blocks + ".mmd");
            Files.writeString(file, block.group(1), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        assertThat(blocks).isEqualTo(2);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("mermaid finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("OK "))).hasSize(command.size() - 2);
    }
}
