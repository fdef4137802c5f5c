package dev.outboundwishlist.diagram;

/** A state machine as a Graphviz digraph: the same drawing as the Mermaid one, for dot and its tools. */
public final class DotDiagram {

    private DotDiagram() {
    }

    /** One machine as a digraph of its own. */
    public static String of(StateGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph \"").append(text(graph.machine())).append("\" {\n");
        out.append("  node [shape=box, style=rounded];\n");
        body(out, graph, "  ");
        return out.append("}\n").toString();
    }

    /** The scopes (as clusters), states and transitions of a machine, each line indented by {@code indent}. */
    static void body(StringBuilder out, StateGraph graph, String indent) {
        for (StateGraph.ScopeNodes scope : graph.scopes()) {
            out.append(indent).append("subgraph cluster_").append(scope.id()).append(" {\n");
            out.append(indent).append("  label=\"").append(text(scope.label())).append("\";\n");
            for (StateGraph.Node node : scope.states()) {
                out.append(indent).append("  ").append(node.id()).append(" [label=\"").append(text(node.name()))
                        .append('"').append(node.type().equals("Choice") ? ", shape=diamond" : "")
                        .append(graph.handlers().contains(node.id()) ? ", color=\"#c0392b\", penwidth=2" : "")
                        .append("];\n");
            }
            out.append(indent).append("}\n");
            if (scope.owner() != null) {
                out.append(indent).append(scope.owner()).append(" -> ").append(scope.states().isEmpty()
                        ? scope.owner() : scope.states().get(0).id()).append(" [style=dotted, arrowhead=none];\n");
            }
        }
        for (StateGraph.Edge edge : graph.edges()) {
            out.append(indent).append(edge.from()).append(" -> ").append(edge.to());
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
    }

    static String text(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
