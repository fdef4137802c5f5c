package dev.outboundwishlist.diagram;

import java.util.List;

/** A state machine as a Graphviz digraph: the same drawing as the Mermaid one, for dot and its tools. */
public final class DotDiagram {

    private DotDiagram() {
    }

    public static String of(List<StateGraph> graphs) {
        StringBuilder out = new StringBuilder();
        for (StateGraph graph : graphs) {
            out.append("digraph \"").append(text(graph.machine())).append("\" {\n");
            out.append("  node [shape=box, style=rounded];\n");
            for (StateGraph.ScopeNodes scope : graph.scopes()) {
                out.append("  subgraph cluster_").append(scope.id()).append(" {\n");
                out.append("    label=\"").append(text(scope.label())).append("\";\n");
                for (StateGraph.Node node : scope.states()) {
                    out.append("    ").append(node.id()).append(" [label=\"").append(text(node.name())).append('"')
                            .append(node.type().equals("Choice") ? ", shape=diamond" : "")
                            .append(graph.handlers().contains(node.id()) ? ", color=\"#c0392b\", penwidth=2" : "")
                            .append("];\n");
                }
                out.append("  }\n");
                if (scope.owner() != null) {
                    out.append("  ").append(scope.owner()).append(" -> ").append(scope.states().isEmpty() ? scope.owner()
                            : scope.states().get(0).id()).append(" [style=dotted, arrowhead=none];\n");
                }
            }
            for (StateGraph.Edge edge : graph.edges()) {
                out.append("  ").append(edge.from()).append(" -> ").append(edge.to());
                StringBuilder attributes = new StringBuilder();
                if (edge.label() != null) {
                    attributes.append("label=\"").append(text(edge.label())).append('"');
                }
                if (edge.injected()) {
                    attributes.append(attributes.length() > 0 ? ", " : "").append("style=dashed");
                }
                if (attributes.length() > 0) {
                    out.append(" [").append(attributes).append(']');
                }
                out.append(";\n");
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
