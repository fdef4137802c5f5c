package dev.outboundwishlist.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.network.OutboundAccess;
import dev.outboundwishlist.network.PrivateNetworks;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What each fenced function can reach, read from the network plan and the expanded template. */
final class FunctionPlans {

    private FunctionPlans() {
    }

    static List<ExpansionPlan.FunctionPlan> of(NetworkPlan network, JsonNode expanded) {
        List<ExpansionPlan.FunctionPlan> functions = new ArrayList<>();
        for (NetworkPlan.Function function : network.functions()) {
            NetworkPlan.Profile profile = function.profile();
            List<String> reaches = new ArrayList<>();
            for (OutboundAccess.AllowEntry entry : profile.entries()) {
                reaches.add(describe(entry, profile.egress(), network));
            }
            List<String> services = function.services().stream().map(s -> s.name() + " (" + route(network, s.name())
                    + "): " + String.join("; ", s.sources())).toList();
            JsonNode vpcConfig = expanded.path("Resources").path(function.id()).path("Properties").path("VpcConfig");
            List<String> resources = new ArrayList<>();
            JsonNode groups = vpcConfig.path("SecurityGroupIds");
            for (int i = 0; i < groups.size(); i++) {
                resources.add("security group " + groups.get(i).path("Ref").asText()
                        + (i == 0 ? "" : " (shared: the endpoints admit its members)"));
            }
            if (network.existingVpc().isPresent()) {
                resources.add("no subnets (it runs in the existing " + Intrinsics.brief(vpcConfig.path("SubnetIds")) + ")");
            } else {
                List<String> subnets = new ArrayList<>();
                vpcConfig.path("SubnetIds").forEach(s -> subnets.add(s.path("Ref").asText()));
                resources.add("subnets " + String.join(", ", subnets) + " (shared by " + String.join(", ",
                        profile.functionIds()) + ")");
            }
            functions.add(new ExpansionPlan.FunctionPlan(function.id(), profile.name(),
                    network.existingVpc().isPresent() ? egressInExistingVpc(profile) : egress(profile), reaches,
                    services, resources));
        }
        return functions;
    }

    /** How a service is reached: the macro's endpoints, or (in an existing VPC) the VPC's own. */
    private static String route(NetworkPlan network, String service) {
        boolean gateway = service.equals("s3") || service.equals("dynamodb");
        if (network.existingVpc().isEmpty()) {
            return gateway ? "gateway endpoint" : "interface endpoint";
        }
        if (gateway) {
            return "by its prefix list, over the existing VPC's own route";
        }
        return network.interfaceEndpoints().isEmpty() ? "the existing VPC's own interface endpoint, which must admit it"
                : "interface endpoint";
    }

    private static String egressInExistingVpc(NetworkPlan.Profile profile) {
        return profile.isolated()
                ? "no public egress: the security group allows AWS services only (existing VPC, IsolatedSubnetIds)"
                : "to the allow-list only: the security group allows the listed networks only (existing VPC, "
                        + "EgressSubnetIds, through its own NAT)";
    }

    private static String egress(NetworkPlan.Profile profile) {
        return switch (profile.egress()) {
            case NONE -> "no public egress: the route table has no way out";
            case FIREWALL -> "to the allow-list only, through Network Firewall and NAT";
            case NAT -> profile.hasDomains()
                    ? "to the allow-list only, through NAT; domains checked by the DNS Firewall alone"
                    : "to the allow-list only, through NAT; the security group allows the listed networks only";
        };
    }

    private static String describe(OutboundAccess.AllowEntry entry, NetworkPlan.Egress egress, NetworkPlan network) {
        if (entry instanceof OutboundAccess.Domain domain) {
            List<String> ports = new ArrayList<>();
            for (int port : domain.ports()) {
                ports.add(port + (port == 80 ? " (HTTP Host checked)" : " (TLS server name checked)"));
            }
            String name = (domain.wildcard() ? "*." : "") + domain.name();
            return egress == NetworkPlan.Egress.FIREWALL ? name + " on " + String.join(", ", ports)
                    : name + " on " + domain.ports() + " (by name resolution only: a raw IP address is not checked)";
        }
        OutboundAccess.Cidr cidr = (OutboundAccess.Cidr) entry;
        if (cidr.cidr().contains(":")) {
            return cidr.cidr() + ": never reached (a fenced function has no IPv6)";
        }
        Optional<PrivateNetworks.Unreachable> unreachable = network.existingVpc().isPresent() ? Optional.empty()
                : PrivateNetworks.from(network.vpcCidr(), cidr.cidr());
        if (unreachable.isPresent()) {
            return cidr.cidr() + ": never reached (" + (unreachable.get() == PrivateNetworks.Unreachable.INSIDE_THE_VPC
                    ? "the fence's own block" : "a private network, routed to the internet") + ": OWL219)";
        }
        if (cidr.ports().isEmpty()) {
            // With no ports, "all" is the security group's -1: every protocol, ICMP too.
            return cidr.cidr() + " " + (cidr.protocol().equals("all") ? "every protocol" : cidr.protocol()
                    + " on all ports");
        }
        return cidr.cidr() + " " + (cidr.protocol().equals("all") ? "tcp and udp" : cidr.protocol()) + " on ports "
                + cidr.ports();
    }
}
