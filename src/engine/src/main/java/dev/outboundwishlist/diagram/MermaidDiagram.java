package dev.outboundwishlist.diagram;

/**
 * A state machine as a Mermaid flowchart, which code hosts render in pull requests as is:
 * transitions as written are solid, catch edges added by the expansion dashed, handler states
 * highlighted, and each Parallel branch or Map processor a subgraph.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    /** One machine as a chart of its own. */
    public static String of(StateGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("%% ").append(graph.machine()).append('\n');
        out.append("flowchart TD\n");
        body(out, graph, "  ");
        handlerClasses(out, graph.handlers());
        return out.toString();
    }

    /** The scopes, states and transitions of a machine, each line indented by {@code indent}. */
    static void body(StringBuilder out, StateGraph graph, String indent) {
        for (StateGraph.ScopeNodes scope : graph.scopes()) {
            out.append(indent).append("subgraph ").append(scope.id()).append("[\"").append(text(scope.label()))
                    .append("\"]\n");
            for (StateGraph.Node node : scope.states()) {
                out.append(indent).append("  ").append(node.id()).append(shape(node)).append('\n');
            }
            out.append(indent).append("end\n");
            if (scope.owner() != null) {
                out.append(indent).append(scope.owner()).append(" --- ").append(scope.id()).append('\n');
            }
        }
        for (StateGraph.Edge edge : graph.edges()) {
            String label = edge.label() == null ? "" : "|\"" + text(edge.label()) + "\"|";
            String arrow = edge.injected() ? " -.->" : " -->";
            out.append(indent).append(edge.from()).append(arrow).append(label).append(' ').append(edge.to())
                    .append('\n');
        }
    }

    /** Handler states in red; Mermaid takes class statements at the top level of a chart. */
    static void handlerClasses(StringBuilder out, java.util.Collection<String> handlers) {
        out.append("  classDef handler fill:#fdecea,stroke:#c0392b,stroke-width:2px\n");
        for (String handler : handlers.stream().sorted().toList()) {
            out.append("  class ").append(handler).append(" handler\n");
        }
    }

    /**
     * Mermaid's quoted text cannot hold a double quote, and reads {@code <b>} as markup and
     * {@code #…;} as an entity: each becomes an entity code, so a name is shown as written.
     */
    static String text(String value) {
        return value.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#60;").replace(">", "#62;")
                .replace("\n", " ");
    }

    private static String shape(StateGraph.Node node) {
        String label = "\"" + text(node.name()) + "\"";
        return switch (node.type()) {
            case "Choice" -> "{" + label + "}";
            case "Succeed", "Fail" -> "([" + label + "])";
            case "Parallel", "Map" -> "[[" + label + "]]";
            default -> "[" + label + "]";
        };
    }

}
