package dev.outboundwishlist.diagram;

import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.network.OutboundAccess;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fenced network as a graph: each function → its profile's subnets → the firewall and NAT
 * gateway (nothing, when isolated) → the internet → the destinations it may reach; dashed, the
 * VPC endpoints of the AWS services each function uses. Only paths the fence allows are drawn.
 */
public final class NetworkDiagram {

    enum Shape { FUNCTION, BOX, FIREWALL, ENDPOINT, INTERNET, DESTINATION }

    record Node(String id, String label, Shape shape, boolean inVpc) {
    }

    record Edge(String from, String to, String label, boolean dashed) {
    }

    private final String vpcLabel;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    private NetworkDiagram(NetworkPlan plan) {
        this.vpcLabel = plan.existingVpc().map(vpc -> "existing VPC " + Intrinsics.brief(vpc.vpcId()))
                .orElse("VPC " + plan.vpcCidr());
        for (NetworkPlan.Function function : plan.functions()) {
            String profile = "p_" + function.profile().name();
            node("f_" + function.id(), function.id(), Shape.FUNCTION, true);
            edges.add(new Edge("f_" + function.id(), profile, null, false));
            for (NetworkPlan.Service service : function.services()) {
                String endpoint = "e_" + service.name().replaceAll("[^A-Za-z0-9]", "_");
                boolean gateway = service.name().equals("s3") || service.name().equals("dynamodb");
                String label = plan.existingVpc().isEmpty() ? (gateway ? " gateway endpoint" : " endpoint")
                        : gateway ? " by prefix list (the VPC's own route)"
                        : plan.interfaceEndpoints().isEmpty() ? " (the VPC's own endpoint)" : " endpoint";
                node(endpoint, service.name() + label, Shape.ENDPOINT, true);
                edges.add(new Edge("f_" + function.id(), endpoint, null, true));
            }
        }
        for (NetworkPlan.Profile profile : plan.profiles()) {
            String subnets = "p_" + profile.name();
            node(subnets, profile.name() + " subnets: " + plan.existingSubnets(profile).map(Intrinsics::brief)
                    .orElse(String.join(", ", profile.subnets().stream().map(NetworkPlan.Subnet::cidr).toList())),
                    Shape.BOX, true);
            if (profile.isolated()) {
                continue;
            }
            if (profile.egress() == NetworkPlan.Egress.FIREWALL) {
                node("firewall", "Network Firewall (one per zone): names checked", Shape.FIREWALL, true);
                edges.add(new Edge(subnets, "firewall", null, false));
                edges.add(new Edge("firewall", "nat", null, false));
            } else {
                edges.add(new Edge(subnets, "nat", null, false));
            }
            node("nat", plan.existingVpc().isPresent() ? "the VPC's own NAT gateway" : "NAT gateway", Shape.BOX, true);
            node("internet", "internet", Shape.INTERNET, false);
            edges.add(new Edge("nat", "internet", null, false));
            int index = 0;
            for (OutboundAccess.AllowEntry entry : profile.entries()) {
                String destination = subnets + "_d" + index++;
                node(destination, label(entry), Shape.DESTINATION, false);
                edges.add(new Edge("internet", destination, profile.name(), false));
            }
        }
    }

    public static String mermaid(NetworkPlan plan) {
        StringBuilder out = new StringBuilder("%% Network\nflowchart LR\n");
        mermaidBody(out, plan, "", "  ");
        return out.toString();
    }

    /** The network's nodes and edges, ids after {@code prefix}, each line indented by {@code indent}. */
    static void mermaidBody(StringBuilder out, NetworkPlan plan, String prefix, String indent) {
        NetworkDiagram graph = new NetworkDiagram(plan);
        out.append(indent).append("subgraph ").append(prefix).append("vpc[\"")
                .append(MermaidDiagram.text(graph.vpcLabel)).append("\"]\n");
        graph.nodes.values().stream().filter(Node::inVpc).forEach(n -> out.append(indent).append("  ")
                .append(mermaidNode(prefix, n)).append('\n'));
        out.append(indent).append("end\n");
        graph.nodes.values().stream().filter(n -> !n.inVpc()).forEach(n -> out.append(indent)
                .append(mermaidNode(prefix, n)).append('\n'));
        for (Edge edge : graph.edges) {
            String label = edge.label() == null ? "" : "|\"" + edge.label() + "\"|";
            out.append(indent).append(prefix).append(edge.from()).append(edge.dashed() ? " -.->" : " -->")
                    .append(label).append(' ').append(prefix).append(edge.to()).append('\n');
        }
    }

    public static String dot(NetworkPlan plan) {
        StringBuilder out = new StringBuilder("digraph \"Network\" {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        dotBody(out, plan, "", "  ");
        return out.append("}\n").toString();
    }

    /** The network's clusters, nodes and edges, ids after {@code prefix}, each line indented by {@code indent}. */
    static void dotBody(StringBuilder out, NetworkPlan plan, String prefix, String indent) {
        NetworkDiagram graph = new NetworkDiagram(plan);
        out.append(indent).append("subgraph cluster_").append(prefix).append("vpc {\n").append(indent)
                .append("  label=\"").append(DotDiagram.text(graph.vpcLabel)).append("\";\n");
        graph.nodes.values().stream().filter(Node::inVpc).forEach(n -> out.append(indent).append("  ")
                .append(dotNode(prefix, n)).append('\n'));
        out.append(indent).append("}\n");
        graph.nodes.values().stream().filter(n -> !n.inVpc()).forEach(n -> out.append(indent)
                .append(dotNode(prefix, n)).append('\n'));
        for (Edge edge : graph.edges) {
            List<String> attributes = new ArrayList<>();
            if (edge.dashed()) {
                attributes.add("style=dashed");
            }
            if (edge.label() != null) {
                attributes.add("label=\"" + edge.label() + "\"");
            }
            out.append(indent).append('"').append(prefix).append(edge.from()).append("\" -> \"").append(prefix)
                    .append(edge.to()).append('"')
                    .append(attributes.isEmpty() ? "" : " [" + String.join(", ", attributes) + "]").append(";\n");
        }
    }

    private void node(String id, String label, Shape shape, boolean inVpc) {
        nodes.putIfAbsent(id, new Node(id, label, shape, inVpc));
    }

    private static String mermaidNode(String prefix, Node node) {
        String label = "\"" + MermaidDiagram.text(node.label()) + "\"";
        return prefix + node.id() + switch (node.shape()) {
            case FUNCTION -> "([" + label + "])";
            case FIREWALL -> "{{" + label + "}}";
            case ENDPOINT -> "[(" + label + ")]";
            case INTERNET -> "((" + label + "))";
            case DESTINATION -> "[/" + label + "/]";
            case BOX -> "[" + label + "]";
        };
    }

    private static String dotNode(String prefix, Node node) {
        String shape = switch (node.shape()) {
            case FUNCTION -> "ellipse";
            case FIREWALL -> "hexagon";
            case ENDPOINT -> "cylinder";
            case INTERNET -> "circle";
            case DESTINATION -> "parallelogram";
            case BOX -> "box";
        };
        return "\"" + prefix + node.id() + "\" [label=\"" + DotDiagram.text(node.label()) + "\", shape=" + shape + "];";
    }

    private static String label(OutboundAccess.AllowEntry entry) {
        if (entry instanceof OutboundAccess.Domain domain) {
            return (domain.wildcard() ? "*." : "") + domain.name() + " " + domain.ports();
        }
        OutboundAccess.Cidr cidr = (OutboundAccess.Cidr) entry;
        boolean all = cidr.protocol().equals("all"); // as the plan says it: -1 without ports, tcp and udp with
        if (cidr.ports().isEmpty()) {
            return cidr.cidr() + " " + (all ? "every protocol" : cidr.protocol() + " all ports");
        }
        return cidr.cidr() + " " + (all ? "tcp and udp" : cidr.protocol()) + " " + cidr.ports();
    }
}
