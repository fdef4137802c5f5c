package dev.outboundwishlist.diagram;

import java.util.List;

/**
 * A state machine as a Mermaid flowchart, which code hosts render in pull requests as is:
 * transitions as written are solid, catch edges added by the expansion dashed, handler states
 * highlighted, and each Parallel branch or Map processor a subgraph.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    public static String of(List<StateGraph> graphs) {
        StringBuilder out = new StringBuilder();
        for (StateGraph graph : graphs) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("%% ").append(graph.machine()).append('\n');
            out.append("flowchart TD\n");
            for (StateGraph.ScopeNodes scope : graph.scopes()) {
                out.append("  subgraph ").append(scope.id()).append("[\"").append(text(scope.label())).append("\"]\n");
                for (StateGraph.Node node : scope.states()) {
                    out.append("    ").append(node.id()).append(shape(node)).append('\n');
                }
                out.append("  end\n");
                if (scope.owner() != null) {
                    out.append("  ").append(scope.owner()).append(" --- ").append(scope.id()).append('\n');
                }
            }
            for (StateGraph.Edge edge : graph.edges()) {
                String label = edge.label() == null ? "" : "|\"" + text(edge.label()) + "\"|";
                String arrow = edge.injected() ? " -.->" : " -->";
                out.append("  ").append(edge.from()).append(arrow).append(label).append(' ').append(edge.to()).append('\n');
            }
            out.append("  classDef handler fill:#fdecea,stroke:#c0392b,stroke-width:2px\n");
            for (String handler : graph.handlers().stream().sorted().toList()) {
                out.append("  class ").append(handler).append(" handler\n");
            }
        }
        return out.toString();
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

    /** Mermaid's quoted text cannot hold a double quote; it takes the #quot; entity. */
    private static String text(String value) {
        return value.replace("\"", "#quot;").replace("\n", " ");
    }
}
