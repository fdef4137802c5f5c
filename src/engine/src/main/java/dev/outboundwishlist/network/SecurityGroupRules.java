package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The egress rules of a fenced function's security group (DESIGN §2.1). Never empty: a group
 * whose egress list is empty gets CloudFormation's allow-all rule, so a function that may
 * reach nothing gets an explicit rule that matches no traffic.
 */
final class SecurityGroupRules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ANYWHERE = "0.0.0.0/0";

    /** AWS's default quota of egress rules per security group. */
    static final int MAX_RULES = 60;

    private SecurityGroupRules() {
    }

    /**
     * @param endpointGroup the interface endpoints' security group, or null when there are none
     */
    static ArrayNode egress(NetworkPlan plan, NetworkPlan.Function function, JsonNode endpointGroup) {
        List<ObjectNode> rules = new ArrayList<>();
        boolean interfaceServices = function.services().stream()
                .anyMatch(s -> !AwsServices.GATEWAY.contains(s.name()));
        if (interfaceServices && endpointGroup != null) {
            ObjectNode rule = rule("tcp", 443, 443);
            rule.set("DestinationSecurityGroupId", endpointGroup.deepCopy());
            rules.add(described(rule, "AWS services through interface endpoints"));
        }
        for (String service : AwsServices.GATEWAY) {
            if (!function.needs(service)) {
                continue;
            }
            var prefixList = plan.prefixLists().of(service);
            if (prefixList.isPresent()) {
                ObjectNode rule = rule("tcp", 443, 443);
                rule.put("DestinationPrefixListId", prefixList.get());
                // In a VPC the user brings, its own routes decide whether that is a gateway endpoint or NAT.
                rules.add(described(rule, service + (plan.existingVpc().isPresent() ? " by its prefix list"
                        : " through its gateway endpoint")));
            } else if (function.profile().isolated()) {
                // The planner has noted it: the isolated route table is the fence here.
                rules.add(cidrRule("tcp", 443, 443, ANYWHERE, service + " through its gateway endpoint"));
            }
        }
        for (OutboundAccess.AllowEntry entry : function.profile().entries()) {
            if (entry instanceof OutboundAccess.Domain domain) {
                for (int port : domain.ports()) {
                    rules.add(cidrRule("tcp", port, port, ANYWHERE, "allow-listed domains, checked by name"));
                }
            } else if (entry instanceof OutboundAccess.Cidr cidr && !cidr.cidr().contains(":")) {
                rules.addAll(cidrRules(cidr));
            }
        }
        ArrayNode egress = NODES.arrayNode();
        Set<String> seen = new HashSet<>();
        for (ObjectNode rule : rules) {
            ObjectNode key = rule.deepCopy();
            key.remove("Description");
            if (seen.add(key.toString())) {
                egress.add(rule);
            }
        }
        if (egress.isEmpty()) {
            egress.add(noTraffic());
        }
        return egress;
    }

    /** Whether the group will allow TCP 443 to any address anyway (a domain entry on 443). */
    static boolean allowsHttpsAnywhere(OutboundAccess access) {
        return access.allowList().stream().anyMatch(e -> e instanceof OutboundAccess.Domain d && d.ports().contains(443));
    }

    private static List<ObjectNode> cidrRules(OutboundAccess.Cidr cidr) {
        List<ObjectNode> rules = new ArrayList<>();
        String description = "allow-list " + cidr.cidr();
        if (cidr.ports().isEmpty()) {
            if (cidr.protocol().equals("all")) {
                ObjectNode rule = NODES.objectNode();
                rule.put("IpProtocol", "-1");
                rule.put("CidrIp", cidr.cidr());
                rules.add(described(rule, description));
            } else {
                rules.add(cidrRule(cidr.protocol(), 0, 65535, cidr.cidr(), description));
            }
            return rules;
        }
        List<String> protocols = cidr.protocol().equals("all") ? List.of("tcp", "udp") : List.of(cidr.protocol());
        for (String protocol : protocols) {
            for (int port : cidr.ports()) {
                rules.add(cidrRule(protocol, port, port, cidr.cidr(), description));
            }
        }
        return rules;
    }

    private static ObjectNode cidrRule(String protocol, int from, int to, String cidr, String description) {
        ObjectNode rule = rule(protocol, from, to);
        rule.put("CidrIp", cidr);
        return described(rule, description);
    }

    private static ObjectNode rule(String protocol, int from, int to) {
        ObjectNode rule = NODES.objectNode();
        rule.put("IpProtocol", protocol);
        rule.put("FromPort", from);
        rule.put("ToPort", to);
        return rule;
    }

    private static ObjectNode described(ObjectNode rule, String description) {
        rule.put("Description", description);
        return rule;
    }

    /** Matches nothing: ICMP type 252 code 86 to the broadcast address. */
    static ObjectNode noTraffic() {
        ObjectNode rule = NODES.objectNode();
        rule.put("IpProtocol", "icmp");
        rule.put("FromPort", 252);
        rule.put("ToPort", 86);
        rule.put("CidrIp", "255.255.255.255/32");
        rule.put("Description", "no egress: this rule matches no traffic");
        return rule;
    }
}
